package dev.herald.ingest.poll;

import dev.herald.avro.FeedState;
import dev.herald.avro.RawArticle;
import dev.herald.ingest.Failure;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one poll of one feed: the feed's new state (always present, to be published), the
 * articles not published before, and the failure (with the server's Retry-After, if any) when the
 * poll failed.
 */
public record PollResult(
    String feedUrl,
    Outcome outcome,
    FeedState state,
    List<RawArticle> articles,
    Failure failure,
    Duration retryAfter) {

  public enum Outcome {
    /** A 200 with a new body, parsed; {@code articles} holds its new items (maybe none). */
    FETCHED,
    /** 304 Not Modified. */
    NOT_MODIFIED,
    /** A 200 whose body is byte-for-byte the last one parsed. */
    UNCHANGED,
    /** Fetch or parse failed; nothing to publish but the state. */
    FAILED
  }

  public PollResult {
    Objects.requireNonNull(feedUrl, "feedUrl");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(state, "state");
    articles = List.copyOf(articles);
    if ((outcome == Outcome.FAILED) != (failure != null)) {
      throw new IllegalArgumentException("failure must be set exactly when the poll failed");
    }
  }

  public PollResult(
      String feedUrl,
      Outcome outcome,
      FeedState state,
      List<RawArticle> articles,
      Failure failure) {
    this(feedUrl, outcome, state, articles, failure, null);
  }

  public boolean failed() {
    return outcome == Outcome.FAILED;
  }
}
