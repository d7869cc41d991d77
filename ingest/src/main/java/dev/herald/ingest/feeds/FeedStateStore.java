package dev.herald.ingest.feeds;

import dev.herald.avro.FeedState;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;

/** Where a {@link ShardedFeedSource} hands over the feed states of its share. */
public interface FeedStateStore {

  /** Takes these states as current (feeds newly assigned to this instance). */
  void adopt(Map<String, FeedState> states);

  /**
   * Takes these states only for feeds without one (a feed moved here by another instance); never
   * replaces a state this instance already has, which may be newer.
   */
  void adoptIfAbsent(Map<String, FeedState> states);

  /**
   * Forgets these feeds (revoked), after waiting up to {@code wait} for their polls in flight, so
   * their last state is published before another instance reads it.
   */
  void drop(Collection<String> urls, Duration wait);
}
