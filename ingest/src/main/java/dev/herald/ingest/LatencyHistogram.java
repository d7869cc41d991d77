package dev.herald.ingest;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Latencies in power-of-two millisecond buckets (1, 2, 4, … ms): lock-free to record, enough to
 * tell a median from a 99th percentile within a factor of two. Thread-safe.
 */
public final class LatencyHistogram {

  private static final int BUCKETS = 32;
  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
  private final LongAdder sumMicros = new LongAdder();
  private final LongAdder n = new LongAdder();

  public void record(Duration d) {
    long micros = Math.max(0, d.toNanos() / 1_000);
    long millis = micros / 1_000;
    int bucket = millis <= 0 ? 0 : Math.min(BUCKETS - 1, 64 - Long.numberOfLeadingZeros(millis));
    counts.incrementAndGet(bucket);
    sumMicros.add(micros);
    n.increment();
  }

  /** A copy of what was recorded so far. */
  public LatencyHistogram snapshot() {
    LatencyHistogram copy = new LatencyHistogram();
    for (int i = 0; i < BUCKETS; i++) {
      copy.counts.set(i, counts.get(i));
    }
    copy.sumMicros.add(sumMicros.sum());
    copy.n.add(n.sum());
    return copy;
  }

  /** What was recorded since {@code earlier}, a {@link #snapshot()} of this histogram. */
  public LatencyHistogram since(LatencyHistogram earlier) {
    LatencyHistogram diff = new LatencyHistogram();
    for (int i = 0; i < BUCKETS; i++) {
      diff.counts.set(i, Math.max(0, counts.get(i) - earlier.counts.get(i)));
    }
    diff.sumMicros.add(Math.max(0, sumMicros.sum() - earlier.sumMicros.sum()));
    diff.n.add(Math.max(0, n.sum() - earlier.n.sum()));
    return diff;
  }

  public long count() {
    return n.sum();
  }

  /** The mean, or zero when nothing was recorded. */
  public Duration mean() {
    long c = n.sum();
    return c == 0 ? Duration.ZERO : Duration.ofNanos(sumMicros.sum() * 1_000 / c);
  }

  /**
   * The upper bound of the bucket holding quantile {@code q} (0 to 1): the true value is at most
   * this and more than half of it.
   */
  public Duration quantileUpperBound(double q) {
    long total = 0;
    long[] snapshot = new long[BUCKETS];
    for (int i = 0; i < BUCKETS; i++) {
      snapshot[i] = counts.get(i);
      total += snapshot[i];
    }
    if (total == 0) {
      return Duration.ZERO;
    }
    long rank = (long) Math.ceil(q * total);
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += snapshot[i];
      if (seen >= rank) {
        return Duration.ofMillis(1L << i);
      }
    }
    return Duration.ofMillis(1L << (BUCKETS - 1));
  }
}
