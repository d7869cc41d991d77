package dev.herald.ingest.feeds;

/**
 * A source whose feeds are a share of all feeds (the registry's partitions assigned to this
 * instance). It brings the feed states of its share itself, so the service does not read the whole
 * feed-state topic.
 */
public interface ShardedFeedSource extends FeedSource, AutoCloseable {

  /**
   * Called once by the service before it asks for feeds: from then on the source adopts into {@code
   * store} the states of the feeds it is assigned, and drops from it those revoked.
   */
  void bind(FeedStateStore store);

  /** Whether the source has its first assignment and states (the service waits for it). */
  boolean ready();

  @Override
  void close();
}
