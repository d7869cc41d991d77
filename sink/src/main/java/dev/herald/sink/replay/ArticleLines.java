package dev.herald.sink.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.avro.RawArticle;
import dev.herald.avro.TextSource;
import dev.herald.ingest.article.ArticleIds;
import dev.herald.ingest.parse.FeedDates;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a JSON Lines article archive to a {@link RawArticle}:
 *
 * <pre>{"id"?, "url", "title", "text", "published", "source"?}</pre>
 *
 * <p>Also read when present: {@code feedUrl}, {@code guid}, {@code language}, {@code author},
 * {@code fetchedAt}, {@code textSource} ({@code FEED}/{@code PAGE}), and {@code publishedAt} for
 * {@code published}, so the plain JSON of a {@code RawArticle} replays as it was. {@code published}
 * is any date a feed may carry (ISO-8601, RFC 822, …; its UTC offset is kept) or a number of epoch
 * milliseconds. Without an {@code id}, the id is the one ingest would give: from the canonical URL,
 * else from the feed URL and GUID, else from feed URL, title and date.
 */
public final class ArticleLines {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LANGUAGE = Pattern.compile("([A-Za-z]{2})(?:[-_].*)?");

  private ArticleLines() {}

  /**
   * Reads one line.
   *
   * @param defaultFeedUrl the feed URL when the line has none (the archive file's URI)
   * @param defaultFetchedAt the fetch time when the line has none (the archive file's time)
   * @throws IllegalArgumentException with the reason, when the line is not an article
   */
  public static RawArticle parse(String line, String defaultFeedUrl, Instant defaultFetchedAt) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    String url = text(node, "url");
    String title = text(node, "title");
    String body = text(node, "text");
    String guid = text(node, "guid");
    String id = text(node, "id");
    if (url == null && title == null && body == null) {
      throw new IllegalArgumentException("no url, title nor text");
    }
    String feedUrl = orDefault(text(node, "feedUrl"), defaultFeedUrl);
    FeedDates.Parsed published =
        date(node.has("published") ? node.get("published") : node.get("publishedAt"));
    Instant publishedAt = published == null ? null : published.dateTime().toInstant();
    FeedDates.Parsed fetched = date(node.get("fetchedAt"));
    Instant fetchedAt = fetched == null ? defaultFetchedAt : fetched.dateTime().toInstant();
    String source = text(node, "source");
    return RawArticle.newBuilder()
        .setId(id != null ? id : ArticleIds.articleId(feedUrl, url, guid, title, publishedAt))
        .setFeedUrl(feedUrl)
        .setSource(source != null ? source : host(url))
        .setGuid(guid)
        .setUrl(url)
        .setCanonicalUrl(ArticleIds.canonicalUrl(url))
        .setTitle(title)
        .setText(body == null ? "" : body)
        .setTextSource(
            "PAGE".equalsIgnoreCase(text(node, "textSource")) ? TextSource.PAGE : TextSource.FEED)
        .setLanguage(language(text(node, "language")))
        .setAuthor(text(node, "author"))
        .setPublishedAt(publishedAt)
        .setPublishedOffset(published == null ? null : published.offset())
        .setFetchedAt(fetchedAt)
        .build();
  }

  /** A date as a feed writes it, or epoch milliseconds; null when absent or unreadable. */
  static FeedDates.Parsed date(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isIntegralNumber()) {
      return new FeedDates.Parsed(
          Instant.ofEpochMilli(value.asLong()).atOffset(java.time.ZoneOffset.UTC), false);
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException("date is neither text nor a number: " + value);
    }
    FeedDates.Parsed parsed = FeedDates.parse(value.asText());
    if (parsed == null && !value.asText().isBlank()) {
      throw new IllegalArgumentException("not a date: " + value.asText());
    }
    return parsed;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isValueNode()) {
      throw new IllegalArgumentException(field + " is not a plain value");
    }
    String s = v.asText().strip();
    return s.isEmpty() ? null : s;
  }

  private static String host(String url) {
    if (url == null) {
      return null;
    }
    try {
      String host = java.net.URI.create(url.strip()).getHost();
      return host == null ? null : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String language(String tag) {
    if (tag == null) {
      return null;
    }
    Matcher m = LANGUAGE.matcher(tag);
    return m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
  }

  private static String orDefault(String v, String fallback) {
    return v == null ? fallback : v;
  }
}
