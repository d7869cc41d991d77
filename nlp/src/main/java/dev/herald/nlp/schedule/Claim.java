package dev.herald.nlp.schedule;

/**
 * One schedule claim read from one sentence.
 *
 * @param event the event, with the id shared by all its names in the article
 * @param when the time the sentence gives the event (the new time for a change), or null
 * @param previousWhen the old time a change sentence names ("from April 2"), or null
 * @param status what kind of statement this is
 * @param certainty POSSIBLE when the sentence hedges
 * @param sentence the sentence as written
 * @param sentenceStart offset of the sentence in the analysed text
 * @param sentenceEnd offset after the sentence
 * @param kind for CHANGED and CANCELLED claims: the direction the text gives (dates win over words
 *     when both exist); null otherwise
 * @param cue the change or plan wording found ("postponed", "originally scheduled"), or null
 * @param pastPlan true when the sentence states the time as a former plan ("was expected to take
 *     place in mid-November"): a later different time in the same article is then a change
 */
public record Claim(
    EventRef event,
    When when,
    When previousWhen,
    ClaimStatus status,
    Certainty certainty,
    String sentence,
    int sentenceStart,
    int sentenceEnd,
    ChangeKind kind,
    String cue,
    boolean pastPlan) {

  /** A claim with no change details, as the topology's first API sketch builds it. */
  public Claim(
      EventRef event,
      When when,
      When previousWhen,
      ClaimStatus status,
      Certainty certainty,
      String sentence,
      int sentenceStart,
      int sentenceEnd) {
    this(
        event,
        when,
        previousWhen,
        status,
        certainty,
        sentence,
        sentenceStart,
        sentenceEnd,
        status == ClaimStatus.CANCELLED ? ChangeKind.CANCELLED : null,
        null,
        false);
  }

  /** True for CHANGED and CANCELLED claims: the text itself says the schedule changed. */
  public boolean isChange() {
    return status == ClaimStatus.CHANGED || status == ClaimStatus.CANCELLED;
  }

  /** The same claim about another event reference (used when ids are merged). */
  public Claim withEvent(EventRef other) {
    return new Claim(
        other,
        when,
        previousWhen,
        status,
        certainty,
        sentence,
        sentenceStart,
        sentenceEnd,
        kind,
        cue,
        pastPlan);
  }
}
