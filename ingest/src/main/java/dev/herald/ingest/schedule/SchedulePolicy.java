package dev.herald.ingest.schedule;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds of polling.
 *
 * @param interval the default interval of a feed that says nothing about itself
 * @param minInterval never poll a working feed more often than this (adaptive or not)
 * @param maxInterval never let hints or the adaptive estimate stretch a working feed beyond this
 * @param maxBackoff the longest delay after repeated failures: a failing feed slows down to this
 *     and stays polled at it, never dropped
 * @param maxRetryAfter the longest Retry-After honoured
 * @param jitter the fraction by which every delay is randomly stretched or shrunk (0 to 0.5), so
 *     feeds added together do not stay in lockstep and retries do not stampede
 * @param adaptive whether the entry frequency sets the interval (within min and max)
 */
public record SchedulePolicy(
    Duration interval,
    Duration minInterval,
    Duration maxInterval,
    Duration maxBackoff,
    Duration maxRetryAfter,
    double jitter,
    boolean adaptive) {

  public SchedulePolicy {
    requirePositive(interval, "interval");
    requirePositive(minInterval, "minInterval");
    requirePositive(maxInterval, "maxInterval");
    requirePositive(maxBackoff, "maxBackoff");
    requirePositive(maxRetryAfter, "maxRetryAfter");
    if (minInterval.compareTo(maxInterval) > 0) {
      throw new IllegalArgumentException("minInterval > maxInterval");
    }
    if (!(jitter >= 0 && jitter <= 0.5)) {
      throw new IllegalArgumentException("jitter must be within [0, 0.5]: " + jitter);
    }
  }

  /**
   * Around a default interval: adaptive between a third of it (at least a minute) and eight times
   * it (at most a day), backing off to a day, honouring Retry-After up to a day, 10% jitter.
   */
  public static SchedulePolicy around(Duration interval) {
    Objects.requireNonNull(interval, "interval");
    Duration day = Duration.ofDays(1);
    Duration third = interval.dividedBy(3);
    Duration min = third.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : third;
    if (min.compareTo(interval) > 0) {
      min = interval;
    }
    Duration eight = interval.multipliedBy(8);
    Duration max =
        eight.compareTo(day) > 0 ? (interval.compareTo(day) > 0 ? interval : day) : eight;
    return new SchedulePolicy(
        interval, min, max, day.compareTo(max) < 0 ? max : day, day, 0.1, true);
  }

  /** Exactly the interval while a feed works, no jitter, no adaptation (tests, demos). */
  public static SchedulePolicy fixed(Duration interval, Duration maxBackoff) {
    Duration backoff = maxBackoff.compareTo(interval) < 0 ? interval : maxBackoff;
    return new SchedulePolicy(interval, interval, interval, backoff, Duration.ofDays(1), 0, false);
  }

  private static void requirePositive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }
}
