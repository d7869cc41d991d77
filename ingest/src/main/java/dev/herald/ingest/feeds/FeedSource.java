package dev.herald.ingest.feeds;

import java.util.List;

/**
 * Where the ingest service learns which feeds to poll. Today a list file; later the compacted
 * {@code herald.feeds} registry, sharded across instances.
 */
@FunctionalInterface
public interface FeedSource {

  /** The feeds to poll now. Called before every scheduling round; must be cheap. */
  List<FeedRef> feeds();
}
