package dev.herald.nlp.schedule;

/** How firmly the text states a claim or a change. */
public enum Certainty {
  /** Stated without a hedge. */
  CONFIRMED,
  /** Hedged: might, may, could, likely, reportedly, "in the worst case". */
  POSSIBLE
}
