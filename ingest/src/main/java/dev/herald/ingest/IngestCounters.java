package dev.herald.ingest;

import dev.herald.ingest.poll.PollResult;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Monotonic counters of one ingest instance since it started, cheap to read for metrics (the feed
 * states hold the per-feed view). Thread-safe.
 */
public final class IngestCounters {

  private final LongAdder polls = new LongAdder();
  private final LongAdder fetched = new LongAdder();
  private final LongAdder notModified = new LongAdder();
  private final LongAdder unchanged = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder articles = new LongAdder();
  private final LongAdder articlesFailed = new LongAdder();
  private final LongAdder hostDeferrals = new LongAdder();
  private final LongAdder moved = new LongAdder();
  private final Map<FailureKind, LongAdder> failures = new EnumMap<>(FailureKind.class);
  private final LatencyHistogram publishLag = new LatencyHistogram();
  private final LatencyHistogram fetchTime = new LatencyHistogram();
  private final LatencyHistogram startDelay = new LatencyHistogram();

  public IngestCounters() {
    for (FailureKind k : FailureKind.values()) {
      failures.put(k, new LongAdder());
    }
  }

  void record(PollResult result, int published, int notPublished) {
    polls.increment();
    switch (result.outcome()) {
      case FETCHED -> fetched.increment();
      case NOT_MODIFIED -> notModified.increment();
      case UNCHANGED -> unchanged.increment();
      case FAILED -> {
        failed.increment();
        failures.get(result.failure().kind()).increment();
      }
    }
    articles.add(published);
    articlesFailed.add(notPublished);
  }

  void timed(Duration fetchAndParse, Duration publish) {
    fetchTime.record(fetchAndParse);
    publishLag.record(publish);
  }

  /**
   * From the end of a fetch and parse to the broker's acknowledgement of its articles and state.
   */
  public LatencyHistogram publishLag() {
    return publishLag;
  }

  /**
   * How late polls start after the time their feed was due (the scheduler's next poll): near zero
   * while ingest keeps up; host limits and holds (429) and a full worker pool make it grow.
   */
  public LatencyHistogram startDelay() {
    return startDelay;
  }

  void started(Duration late) {
    startDelay.record(late.isNegative() ? Duration.ZERO : late);
  }

  /** Fetch, parse and map of one poll. */
  public LatencyHistogram fetchTime() {
    return fetchTime;
  }

  void hostDeferred() {
    hostDeferrals.increment();
  }

  void feedMoved() {
    moved.increment();
  }

  /** Polls completed (fetch, parse and publish, or the failure recorded). */
  public long polls() {
    return polls.sum();
  }

  /** Polls that parsed a new body. */
  public long fetched() {
    return fetched.sum();
  }

  /** Polls answered 304 Not Modified. */
  public long notModified() {
    return notModified.sum();
  }

  /** Polls answered 200 with the body of last time. */
  public long unchanged() {
    return unchanged.sum();
  }

  public long failed() {
    return failed.sum();
  }

  /** Failed polls of one kind. */
  public long failed(FailureKind kind) {
    return failures.get(kind).sum();
  }

  /** Articles acknowledged by the broker. */
  public long articlesPublished() {
    return articles.sum();
  }

  /** Articles the broker did not take (offered again next poll). */
  public long articlesNotPublished() {
    return articlesFailed.sum();
  }

  /** Times a due feed waited because its host was at its limit. */
  public long hostDeferrals() {
    return hostDeferrals.sum();
  }

  /** Feeds moved to a new key after a permanent redirect. */
  public long feedsMoved() {
    return moved.sum();
  }
}
