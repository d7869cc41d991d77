package dev.herald.ingest.feeds;

import java.time.Duration;
import java.util.Objects;

/**
 * A feed to poll: its absolute URL ({@code http:}, {@code https:} or {@code file:}), an optional
 * human label (from OPML) and an optional interval of its own (from the registry). The URL is also
 * the feed's key on the feed-state topic.
 */
public record FeedRef(String url, String title, Duration interval) {

  public FeedRef {
    Objects.requireNonNull(url, "url");
    title = title == null || title.isBlank() ? null : title.strip();
    if (interval != null && (interval.isNegative() || interval.isZero())) {
      interval = null;
    }
  }

  public FeedRef(String url, String title) {
    this(url, title, null);
  }

  public static FeedRef of(String url) {
    return new FeedRef(url, null, null);
  }
}
