package dev.herald.ingest.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Chooses when to poll a feed next. While the feed works: its configured interval, or (adaptive)
 * half its entry interval within the policy's min and max; never sooner than the server's freshness
 * lifetime or the feed's declared ttl/update period allow (up to the max). While it fails: that
 * delay doubled per failure in a row, up to the max backoff, where it stays: a feed is never
 * dropped. Never sooner than a Retry-After. Every delay gets random jitter; a Retry-After is only
 * ever stretched. Pure: time and randomness are passed in.
 */
public final class Scheduler {

  private final SchedulePolicy policy;
  private final DoubleSupplier random;

  /**
   * @param random values in [0, 1) for jitter (tests pass a constant)
   */
  public Scheduler(SchedulePolicy policy, DoubleSupplier random) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.random = Objects.requireNonNull(random, "random");
  }

  public Scheduler(SchedulePolicy policy) {
    this(policy, () -> ThreadLocalRandom.current().nextDouble());
  }

  public SchedulePolicy policy() {
    return policy;
  }

  public Instant nextPollAt(Instant now, PollTiming timing) {
    return now.plus(delay(timing));
  }

  /** The delay before the next poll. */
  public Duration delay(PollTiming t) {
    Duration base = workingDelay(t);
    Duration delay = base;
    for (int i = 1; i < t.consecutiveErrors() && delay.compareTo(policy.maxBackoff()) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    delay = min(delay, max(policy.maxBackoff(), base));
    double r = random.getAsDouble();
    if (t.retryAfter() != null && !t.retryAfter().isNegative()) {
      Duration wanted = min(t.retryAfter(), policy.maxRetryAfter());
      if (wanted.compareTo(delay) >= 0) {
        // the server named the earliest time: spread the retries after it, never before
        return stretch(wanted, policy.jitter() * r);
      }
    }
    return stretch(delay, policy.jitter() * (2 * r - 1));
  }

  /** The delay of a working feed, before jitter. */
  Duration workingDelay(PollTiming t) {
    Duration configured = t.configured() != null ? t.configured() : policy.interval();
    Duration base = configured;
    Duration ceiling = max(policy.maxInterval(), configured);
    if (policy.adaptive()
        && t.entryInterval() != null
        && !t.entryInterval().isNegative()
        && !t.entryInterval().isZero()) {
      // poll about twice per new entry
      base = clamp(t.entryInterval().dividedBy(2), policy.minInterval(), policy.maxInterval());
    }
    Duration hint = max(t.cacheFor(), t.declared());
    if (hint != null && hint.compareTo(base) > 0) {
      base = min(hint, ceiling); // the server or feed asks for less: comply, within reason
    }
    return max(base, policy.minInterval());
  }

  private static Duration stretch(Duration d, double fraction) {
    long millis = d.toMillis();
    return Duration.ofMillis(Math.max(1, Math.round(millis * (1 + fraction))));
  }

  private static Duration clamp(Duration d, Duration lo, Duration hi) {
    return d.compareTo(lo) < 0 ? lo : d.compareTo(hi) > 0 ? hi : d;
  }

  private static Duration max(Duration a, Duration b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
