package dev.herald.nlp.schedule;

import java.util.List;

/**
 * Everything Herald knows about one event's schedule.
 *
 * @param event the event (name, aliases, location merged over its claims)
 * @param claims claims in arrival order, bounded ({@link ScheduleTimeline#MAX_CLAIMS})
 * @param lastAlertId the id of the latest alert raised for the event, or null
 */
public record EventState(EventRef event, List<TimelineClaim> claims, String lastAlertId) {
  public EventState {
    claims = List.copyOf(claims);
  }
}
