package dev.herald.ingest.schedule;

import java.time.Duration;

/**
 * What is known about one feed when its next poll is chosen; every duration may be null.
 *
 * @param configured the feed's own interval (its subscription), or null for the default
 * @param cacheFor the server's freshness lifetime (Cache-Control max-age, Expires)
 * @param declared what the feed declares: RSS {@code <ttl>}, {@code sy:updatePeriod}
 * @param entryInterval the estimated time between new entries
 * @param consecutiveErrors failures in a row including this poll; 0 after a success
 * @param retryAfter the server's Retry-After (429, 503)
 */
public record PollTiming(
    Duration configured,
    Duration cacheFor,
    Duration declared,
    Duration entryInterval,
    int consecutiveErrors,
    Duration retryAfter) {

  public PollTiming {
    if (consecutiveErrors < 0) {
      throw new IllegalArgumentException("consecutiveErrors < 0");
    }
  }

  /** A working feed about which nothing is known. */
  public static PollTiming plain() {
    return new PollTiming(null, null, null, null, 0, null);
  }

  /** A failing feed. */
  public static PollTiming failing(int consecutiveErrors, Duration retryAfter) {
    return new PollTiming(null, null, null, null, consecutiveErrors, retryAfter);
  }
}
