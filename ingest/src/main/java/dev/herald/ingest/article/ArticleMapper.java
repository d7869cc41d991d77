package dev.herald.ingest.article;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import dev.herald.avro.RawArticle;
import dev.herald.avro.TextSource;
import dev.herald.ingest.parse.DateOffsets;
import dev.herald.ingest.parse.HtmlText;
import dev.herald.ingest.parse.ParsedFeed;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns one Rome entry into a {@link RawArticle}: plain-text title and body, stable id. */
public final class ArticleMapper {

  /** Bodies longer than this are cut at a paragraph boundary (Kafka records stay small). */
  public static final int DEFAULT_MAX_TEXT_CHARS = 100_000;

  private static final Pattern LANGUAGE = Pattern.compile("([A-Za-z]{2})(?:[-_].*)?");

  private final int maxTextChars;

  public ArticleMapper() {
    this(DEFAULT_MAX_TEXT_CHARS);
  }

  public ArticleMapper(int maxTextChars) {
    if (maxTextChars <= 0) {
      throw new IllegalArgumentException("maxTextChars must be positive: " + maxTextChars);
    }
    this.maxTextChars = maxTextChars;
  }

  /**
   * Maps entry {@code index} of {@code parsed}. Empty when the entry has nothing to identify or
   * read it by (no link, GUID, title nor text).
   */
  public Optional<RawArticle> map(String feedUrl, ParsedFeed parsed, int index, Instant fetchedAt) {
    SyndFeed feed = parsed.feed();
    SyndEntry entry = parsed.entries().get(index);
    String url = resolve(link(entry), baseFor(feed, feedUrl));
    String guid = blankToNull(entry.getUri());
    String title = title(entry);
    String text = truncate(body(entry));
    if (url == null && guid == null && title == null && text.isEmpty()) {
      return Optional.empty();
    }
    Date date =
        entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
    Instant publishedAt = date == null ? null : date.toInstant();
    String canonical = ArticleIds.canonicalUrl(url);
    return Optional.of(
        RawArticle.newBuilder()
            .setId(ArticleIds.articleId(feedUrl, url, guid, title, publishedAt))
            .setFeedUrl(feedUrl)
            .setSource(source(feed, feedUrl))
            .setGuid(guid)
            .setUrl(url)
            .setCanonicalUrl(canonical)
            .setTitle(title)
            .setText(text)
            .setTextSource(TextSource.FEED)
            .setLanguage(language(feed.getLanguage()))
            .setAuthor(author(entry))
            .setPublishedAt(publishedAt)
            .setPublishedOffset(
                publishedAt == null ? null : DateOffsets.offsetOf(parsed.rawDate(index)))
            .setFetchedAt(fetchedAt)
            .build());
  }

  private static String title(SyndEntry entry) {
    SyndContent ex = entry.getTitleEx();
    if (ex != null && "text".equalsIgnoreCase(ex.getType())) {
      return HtmlText.plainLine(ex.getValue());
    }
    return HtmlText.toLine(entry.getTitle());
  }

  /** The longer of the full content (Atom content, content:encoded) and the description. */
  private static String body(SyndEntry entry) {
    StringBuilder content = new StringBuilder();
    List<SyndContent> contents = entry.getContents();
    if (contents != null) {
      for (SyndContent c : contents) {
        String t = c == null ? "" : HtmlText.toParagraphs(c.getValue());
        if (!t.isEmpty()) {
          content.append(content.length() > 0 ? "\n\n" : "").append(t);
        }
      }
    }
    SyndContent description = entry.getDescription();
    String desc = description == null ? "" : HtmlText.toParagraphs(description.getValue());
    return content.length() >= desc.length() ? content.toString() : desc;
  }

  private String truncate(String text) {
    if (text.length() <= maxTextChars) {
      return text;
    }
    int cut = text.lastIndexOf("\n\n", maxTextChars);
    return text.substring(0, cut > maxTextChars / 2 ? cut : maxTextChars).strip();
  }

  private static String link(SyndEntry entry) {
    String link = blankToNull(entry.getLink());
    if (link != null) {
      return link;
    }
    List<SyndLink> links = entry.getLinks();
    if (links != null) {
      for (SyndLink l : links) {
        if (l != null && (l.getRel() == null || "alternate".equals(l.getRel()))) {
          String href = blankToNull(l.getHref());
          if (href != null) {
            return href;
          }
        }
      }
    }
    return null;
  }

  /** Relative links resolve against the feed's site link, else the feed URL. */
  private static URI baseFor(SyndFeed feed, String feedUrl) {
    for (String candidate : new String[] {feed.getLink(), feedUrl}) {
      try {
        if (candidate != null) {
          URI uri = new URI(candidate.strip());
          if (uri.isAbsolute() && !uri.isOpaque()) {
            return uri;
          }
        }
      } catch (URISyntaxException e) {
        // try the next candidate
      }
    }
    return null;
  }

  private static String resolve(String link, URI base) {
    if (link == null) {
      return null;
    }
    try {
      URI uri = new URI(link);
      return uri.isAbsolute() || base == null ? link : base.resolve(uri).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return link; // published as is; the canonical form copes with odd characters
    }
  }

  private static String source(SyndFeed feed, String feedUrl) {
    SyndContent ex = feed.getTitleEx();
    String title =
        ex != null && "text".equalsIgnoreCase(ex.getType())
            ? HtmlText.plainLine(ex.getValue())
            : HtmlText.toLine(feed.getTitle());
    if (title != null) {
      return title;
    }
    for (String candidate : new String[] {feed.getLink(), feedUrl}) {
      String host = hostOf(candidate);
      if (host != null) {
        return host;
      }
    }
    return null;
  }

  private static String hostOf(String url) {
    if (url == null) {
      return null;
    }
    try {
      String host = new URI(url.strip()).getHost();
      return host == null || host.isEmpty() ? null : host.toLowerCase(Locale.ROOT);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** ISO 639-1 from a feed language such as "en-us"; null when it is not one. */
  static String language(String feedLanguage) {
    if (feedLanguage == null) {
      return null;
    }
    var m = LANGUAGE.matcher(feedLanguage.strip());
    return m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
  }

  private static String author(SyndEntry entry) {
    String author = HtmlText.toLine(entry.getAuthor());
    if (author != null) {
      return author;
    }
    List<SyndPerson> authors = entry.getAuthors();
    if (authors != null) {
      for (SyndPerson p : authors) {
        String name = p == null ? null : HtmlText.toLine(p.getName());
        if (name != null) {
          return name;
        }
      }
    }
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
