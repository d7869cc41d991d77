package dev.herald.ingest.feeds;

import dev.herald.avro.FeedState;

/** A source that can move a feed to a new key after a permanent redirect (the registry). */
public interface MovableFeedSource extends FeedSource {

  /**
   * Re-keys {@code feed} to {@code state.getMovedTo()}: subscribes the new URL, carrying the state
   * over, and unsubscribes the old one. Returns whether the move was made.
   */
  boolean move(FeedRef feed, FeedState state);
}
