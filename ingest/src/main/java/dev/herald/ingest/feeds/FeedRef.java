package dev.herald.ingest.feeds;

import java.util.Objects;

/**
 * A feed to poll: its absolute URL ({@code http:}, {@code https:} or {@code file:}) and an optional
 * human label (from OPML). The URL is also the feed's key on the feed-state topic.
 */
public record FeedRef(String url, String title) {

  public FeedRef {
    Objects.requireNonNull(url, "url");
    title = title == null || title.isBlank() ? null : title.strip();
  }

  public static FeedRef of(String url) {
    return new FeedRef(url, null);
  }
}
