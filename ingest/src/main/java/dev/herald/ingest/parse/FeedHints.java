package dev.herald.ingest.parse;

import java.time.Duration;

/**
 * What a feed says about how often to poll it and where it lives, and title forms Rome misses.
 *
 * @param ttl RSS {@code <ttl>} (minutes in the document), or null
 * @param updatePeriod the Syndication module's {@code sy:updatePeriod} divided by {@code
 *     sy:updateFrequency}, or null
 * @param selfUrl the feed's own URL ({@code atom:link rel="self"} or JSON Feed {@code feed_url}),
 *     or null
 * @param base the document-level {@code xml:base}, or null
 * @param markupTitle the feed title as markup when it holds unescaped HTML elements, or null
 * @param altTitle {@code dc:title} when the feed has no title, or null
 */
public record FeedHints(
    Duration ttl,
    Duration updatePeriod,
    String selfUrl,
    String base,
    String markupTitle,
    String altTitle) {

  public static final FeedHints NONE = new FeedHints(null, null, null, null, null, null);

  public FeedHints(Duration ttl, Duration updatePeriod, String selfUrl, String base) {
    this(ttl, updatePeriod, selfUrl, base, null, null);
  }
}
