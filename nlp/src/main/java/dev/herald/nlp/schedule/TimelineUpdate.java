package dev.herald.nlp.schedule;

import java.util.List;

/** The new state of an event and the alerts to emit (new or re-emitted with more evidence). */
public record TimelineUpdate(EventState state, List<Alert> alerts) {
  public TimelineUpdate {
    alerts = List.copyOf(alerts);
  }
}
