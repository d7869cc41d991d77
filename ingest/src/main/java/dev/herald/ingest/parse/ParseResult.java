package dev.herald.ingest.parse;

import dev.herald.ingest.Failure;

/** Either a parsed feed or a classified failure; exactly one is non-null. */
public record ParseResult(ParsedFeed feed, Failure failure) {

  public ParseResult {
    if ((feed == null) == (failure == null)) {
      throw new IllegalArgumentException("exactly one of feed and failure must be set");
    }
  }

  public static ParseResult ok(ParsedFeed feed) {
    return new ParseResult(feed, null);
  }

  public static ParseResult failed(Failure failure) {
    return new ParseResult(null, failure);
  }

  public boolean isOk() {
    return feed != null;
  }
}
