package dev.herald.ingest.poll;

import java.time.Duration;
import java.time.Instant;

/**
 * When to poll a feed next: after {@code interval} while it works; after an exponentially growing
 * delay (capped at {@code maxBackoff}) while it fails; never sooner than the server's Retry-After
 * (itself capped at {@link #MAX_RETRY_AFTER}).
 */
public record PollSchedule(Duration interval, Duration maxBackoff) {

  public static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

  public PollSchedule {
    if (interval == null || interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive: " + interval);
    }
    if (maxBackoff == null || maxBackoff.compareTo(interval) < 0) {
      maxBackoff = interval;
    }
  }

  /** Backs off up to 16 intervals, at most 6 hours (but never less than the interval). */
  public static PollSchedule every(Duration interval) {
    Duration sixteen = interval.multipliedBy(16);
    Duration sixHours = Duration.ofHours(6);
    return new PollSchedule(interval, sixteen.compareTo(sixHours) < 0 ? sixteen : sixHours);
  }

  /**
   * @param consecutiveErrors failures in a row including this poll; 0 after a success
   * @param retryAfter the server's Retry-After, or null
   */
  public Instant nextPollAt(Instant now, int consecutiveErrors, Duration retryAfter) {
    Duration delay = interval;
    for (int i = 1; i < consecutiveErrors && delay.compareTo(maxBackoff) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    if (delay.compareTo(maxBackoff) > 0) {
      delay = maxBackoff;
    }
    if (retryAfter != null) {
      Duration wanted = retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
      if (wanted.compareTo(delay) > 0) {
        delay = wanted;
      }
    }
    return now.plus(delay);
  }
}
