package dev.herald.nlp.schedule;

import java.util.List;

/**
 * A schedule change of one event.
 *
 * @param alertId deterministic: hash of event id, previous value and current value
 * @param event the event
 * @param previous the time known before the change; null only when neither the text nor the
 *     timeline ever stated one ("postponed until next week" with no earlier claim)
 * @param current the new time; null when cancelled or postponed with no new date
 * @param kind direction of the change
 * @param certainty CONFIRMED when at least one supporting claim states the change or the new time
 *     without a hedge; POSSIBLE when all of them hedge (docs/adr/0003-schedule-change-rules.md)
 * @param confidence 0..1: how sure Herald is that this is a real schedule change
 * @param summary one human-readable sentence
 * @param evidence the claims behind the previous and the current time, oldest first
 * @param sourceCount distinct sources among the evidence
 * @param supersedes the alert this one replaces when the event moves again, or null
 */
public record Alert(
    String alertId,
    EventRef event,
    When previous,
    When current,
    ChangeKind kind,
    Certainty certainty,
    double confidence,
    String summary,
    List<TimelineClaim> evidence,
    int sourceCount,
    String supersedes) {
  public Alert {
    evidence = List.copyOf(evidence);
  }
}
