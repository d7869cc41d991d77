package dev.herald.ingest;

import dev.herald.avro.FeedState;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The health of one feed as its state on the feed-state topic says, for health pages and metrics.
 *
 * @param url the feed
 * @param status OK, FAILING (errors in a row, still polled), STALE (works but no new entry for a
 *     long time) or NEW (never polled)
 * @param lastSuccessAt the last poll that worked, or null
 * @param lastStatus the HTTP status of the last fetch, or null
 * @param consecutiveErrors failures in a row
 * @param errorRatio failed fetches over all fetches (0 when none)
 * @param notModifiedRatio fetches answered 304 (or with an unchanged body) over all fetches
 * @param nextPollAt when the feed is polled next, or null
 * @param lastError {@code "KIND: message"} of the current failure, or null
 */
public record FeedHealth(
    String url,
    Status status,
    Instant lastSuccessAt,
    Integer lastStatus,
    int consecutiveErrors,
    double errorRatio,
    double notModifiedRatio,
    Instant nextPollAt,
    String lastError) {

  public enum Status {
    NEW,
    OK,
    FAILING,
    STALE
  }

  /** No new entry for this long makes a working feed STALE. */
  public static final Duration STALE_AFTER = Duration.ofDays(30);

  public static FeedHealth of(FeedState s, Instant now) {
    Objects.requireNonNull(s, "state");
    long fetches = s.getFetchCount();
    Status status;
    if (fetches == 0) {
      status = Status.NEW;
    } else if (s.getConsecutiveErrors() > 0) {
      status = Status.FAILING;
    } else if (s.getLastNewItemAt() != null
        && s.getLastNewItemAt().plus(STALE_AFTER).isBefore(now)) {
      status = Status.STALE;
    } else {
      status = Status.OK;
    }
    return new FeedHealth(
        s.getUrl(),
        status,
        s.getLastSuccessAt(),
        s.getLastStatus(),
        s.getConsecutiveErrors(),
        fetches == 0 ? 0 : (double) s.getErrorCount() / fetches,
        fetches == 0 ? 0 : (double) s.getNotModifiedCount() / fetches,
        s.getNextPollAt(),
        s.getLastError());
  }
}
