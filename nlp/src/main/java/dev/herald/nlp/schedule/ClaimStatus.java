package dev.herald.nlp.schedule;

/** What a sentence says about an event's time. */
public enum ClaimStatus {
  /** Stated as fixed: "is scheduled for", "will be held on", "set to begin". */
  SCHEDULED,
  /** Stated as expected or planned: "is expected to take place", "due to". */
  EXPECTED,
  /** Stated with a hedge: might, may, could, likely, reportedly. */
  HEDGED,
  /** The time was changed: postponed, delayed, brought forward, rescheduled. */
  CHANGED,
  /** The event was called off: cancelled, called off, suspended indefinitely. */
  CANCELLED
}
