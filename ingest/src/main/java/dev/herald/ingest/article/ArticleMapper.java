package dev.herald.ingest.article;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import dev.herald.avro.RawArticle;
import dev.herald.avro.TextSource;
import dev.herald.ingest.parse.DateOffsets;
import dev.herald.ingest.parse.EntryExtras;
import dev.herald.ingest.parse.FeedDates;
import dev.herald.ingest.parse.FeedHints;
import dev.herald.ingest.parse.HtmlText;
import dev.herald.ingest.parse.ParsedFeed;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
   * read it by (no link, GUID, title nor text). Looks at the whole document to tell shared links
   * and GUIDs apart: prefer {@link #mapAll} for every entry.
   */
  public Optional<RawArticle> map(String feedUrl, ParsedFeed parsed, int index, Instant fetchedAt) {
    Context context = new Context(feedUrl, parsed, parsed.entries().size());
    return Optional.ofNullable(context.article(index, fetchedAt, false));
  }

  /**
   * Maps the first {@code maxItems} entries of {@code parsed}, skipping those with nothing to
   * identify or read them by, in document order.
   */
  public List<RawArticle> mapAll(
      String feedUrl, ParsedFeed parsed, Instant fetchedAt, int maxItems) {
    int n = Math.min(parsed.entries().size(), maxItems);
    Context context = new Context(feedUrl, parsed, n);
    List<RawArticle> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      RawArticle a = context.article(i, fetchedAt, false);
      if (a != null) {
        out.add(a);
      }
    }
    return out;
  }

  /**
   * Maps every entry, also those with nothing to read them by (which {@link #mapAll} skips), one
   * article per entry in document order: for inspecting what the parser saw.
   */
  public List<RawArticle> mapEvery(String feedUrl, ParsedFeed parsed, Instant fetchedAt) {
    int n = parsed.entries().size();
    Context context = new Context(feedUrl, parsed, n);
    List<RawArticle> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(context.article(i, fetchedAt, true));
    }
    return out;
  }

  /** The feed's title as plain text, or null when it has none. */
  public static String feedTitle(SyndFeed feed) {
    return feedTitle(feed, FeedHints.NONE);
  }

  /** The feed's title as plain text, using the document's hints; null when it has none. */
  public static String feedTitle(SyndFeed feed, FeedHints hints) {
    if (hints.markupTitle() != null) {
      String fromMarkup = HtmlText.toLine(hints.markupTitle());
      if (fromMarkup != null) {
        return fromMarkup;
      }
    }
    String title = titleText(feed.getTitleEx(), feed.getTitle());
    return title != null ? title : HtmlText.plainLine(hints.altTitle());
  }

  /**
   * What a poll needs from a document.
   *
   * @param ids the id of every entry read, in document order (repeats kept)
   * @param dates the publication date of every entry that has one
   * @param fresh the full article of every entry whose id was not known, in document order
   */
  public record Mapped(List<String> ids, List<Instant> dates, List<RawArticle> fresh) {}

  /**
   * Maps the first {@code maxItems} entries like {@link #mapAll}, but renders the text of those
   * whose id is not in {@code known} only: a re-polled feed costs its new entries, not all of them.
   */
  public Mapped mapNew(
      String feedUrl, ParsedFeed parsed, Instant fetchedAt, int maxItems, Set<String> known) {
    int n = Math.min(parsed.entries().size(), maxItems);
    Context context = new Context(feedUrl, parsed, n);
    List<String> ids = new ArrayList<>(n);
    List<Instant> dates = new ArrayList<>(n);
    List<RawArticle> fresh = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = context.idWithoutText(i);
      if (id != null && known.contains(id)) {
        ids.add(id);
        Instant at = context.date(i).at();
        if (at != null) {
          dates.add(at);
        }
        continue;
      }
      RawArticle a = context.article(i, fetchedAt, false);
      if (a == null) {
        continue;
      }
      ids.add(a.getId());
      if (a.getPublishedAt() != null) {
        dates.add(a.getPublishedAt());
      }
      if (!known.contains(a.getId())) {
        fresh.add(a);
      }
    }
    return new Mapped(ids, dates, fresh);
  }

  /** An entry's date and the offset the feed wrote (null when it wrote none). */
  private record Dated(Instant at, String offset) {}

  /** One entry's identifying fields, before the id is chosen. */
  private record Item(String url, String canonical, String guid, String title) {

    /** What tells two items apart when they share a link (or a GUID). */
    String keyBesides(boolean link) {
      return (link ? String.valueOf(guid) : String.valueOf(canonical)) + "\n" + title;
    }
  }

  /**
   * A document being mapped: its base URL, and which links and GUIDs are shared by different items
   * (a feed that links every item to its home page, or reuses one GUID): those do not identify an
   * article, so the id falls back to the next field.
   */
  private final class Context {
    private final String feedUrl;
    private final ParsedFeed parsed;
    private final SyndFeed feed;
    private final List<Item> items = new ArrayList<>();
    private final Map<String, Set<String>> byLink = new HashMap<>();
    private final Map<String, Set<String>> byGuid = new HashMap<>();

    Context(String feedUrl, ParsedFeed parsed, int n) {
      this.feedUrl = feedUrl;
      this.parsed = parsed;
      this.feed = parsed.feed();
      for (int i = 0; i < n; i++) {
        SyndEntry entry = parsed.entries().get(i);
        String url = resolve(link(entry), baseFor(parsed, i, feedUrl));
        String guid = parsed.hasExtras() ? parsed.extras(i).guid() : blankToNull(entry.getUri());
        Item item =
            new Item(url, ArticleIds.canonicalUrl(url), guid, title(entry, parsed.extras(i)));
        items.add(item);
        if (item.canonical() != null) {
          byLink.computeIfAbsent(item.canonical(), k -> new HashSet<>()).add(item.keyBesides(true));
        }
        if (guid != null) {
          byGuid.computeIfAbsent(guid, k -> new HashSet<>()).add(item.keyBesides(false));
        }
      }
    }

    RawArticle article(int index, Instant fetchedAt, boolean keepEmpty) {
      SyndEntry entry = parsed.entries().get(index);
      Item item = items.get(index);
      String text = truncate(body(entry));
      boolean empty =
          item.url() == null && item.guid() == null && item.title() == null && text.isEmpty();
      if (empty && !keepEmpty) {
        return null;
      }
      Dated date = date(index);
      return RawArticle.newBuilder()
          .setId(id(item, date.at()))
          .setFeedUrl(feedUrl)
          .setSource(source(feed, parsed.hints(), feedUrl))
          .setGuid(item.guid())
          .setUrl(item.url())
          .setCanonicalUrl(item.canonical())
          .setTitle(item.title())
          .setText(text)
          .setTextSource(TextSource.FEED)
          .setLanguage(language(feed.getLanguage()))
          .setAuthor(author(entry))
          .setPublishedAt(date.at())
          .setPublishedOffset(date.offset())
          .setFetchedAt(fetchedAt)
          .build();
    }

    /** The id and date of an entry without rendering its text; null when only text names it. */
    String idWithoutText(int index) {
      Item item = items.get(index);
      if (item.url() == null && item.guid() == null && item.title() == null) {
        return null;
      }
      return id(item, date(index).at());
    }

    Dated date(int index) {
      SyndEntry entry = parsed.entries().get(index);
      String raw = parsed.rawDate(index);
      FeedDates.Parsed parsedDate = FeedDates.parse(raw);
      if (parsedDate != null) {
        return new Dated(parsedDate.dateTime().toInstant(), parsedDate.offset());
      }
      Date d = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
      Instant at = d == null ? null : d.toInstant();
      return new Dated(at, at == null ? null : DateOffsets.offsetOf(raw));
    }

    private String id(Item item, Instant publishedAt) {
      boolean linkShared =
          item.canonical() != null && byLink.getOrDefault(item.canonical(), Set.of()).size() > 1;
      boolean guidShared =
          item.guid() != null && byGuid.getOrDefault(item.guid(), Set.of()).size() > 1;
      if (item.canonical() != null && !linkShared) {
        return ArticleIds.articleId(feedUrl, item.url(), null, null, null);
      }
      if (item.guid() != null && !guidShared) {
        return ArticleIds.articleId(feedUrl, null, item.guid(), null, null);
      }
      if (item.canonical() == null && item.guid() == null) {
        return ArticleIds.articleId(feedUrl, null, null, item.title(), publishedAt);
      }
      return ArticleIds.scopedId(
          feedUrl,
          item.canonical(),
          item.guid(),
          item.title(),
          publishedAt == null ? null : publishedAt.toString());
    }
  }

  private static String title(SyndEntry entry, EntryExtras extras) {
    if (extras.markupTitle() != null) {
      String fromMarkup = HtmlText.toLine(extras.markupTitle());
      if (fromMarkup != null) {
        return fromMarkup;
      }
    }
    String title = titleText(entry.getTitleEx(), entry.getTitle());
    return title != null ? title : HtmlText.plainLine(extras.altTitle());
  }

  /**
   * A title as plain text: Atom {@code type="text"} verbatim (only whitespace folded), a binary
   * MIME type base64-decoded first (Atom allows it), anything else as HTML.
   */
  private static String titleText(SyndContent ex, String fallback) {
    String type = ex == null || ex.getType() == null ? "" : ex.getType().toLowerCase(Locale.ROOT);
    if (type.equals("text") || type.equals("text/plain")) {
      return HtmlText.plainLine(ex.getValue());
    }
    if (type.contains("/") && !type.startsWith("text/") && !type.contains("xml")) {
      String decoded = base64Text(ex.getValue());
      if (decoded != null) {
        return HtmlText.toLine(decoded);
      }
    }
    return HtmlText.toLine(ex != null && ex.getValue() != null ? ex.getValue() : fallback);
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

  /** Base64 that decodes to UTF-8 text; null when the value is not that (it is text itself). */
  private static String base64Text(String value) {
    if (value == null) {
      return null;
    }
    try {
      byte[] bytes = Base64.getMimeDecoder().decode(value.strip());
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
      return null;
    }
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

  /**
   * The base of an entry's relative links: its {@code xml:base} (resolved against the document
   * URL), else the document URL when it is http(s) (RFC 3986), else the feed's self link, else its
   * site link, else the document URL itself (a local file).
   */
  private static URI baseFor(ParsedFeed parsed, int index, String feedUrl) {
    URI doc = absolute(feedUrl);
    String xmlBase = parsed.extras(index).base();
    if (xmlBase == null) {
      xmlBase = parsed.hints().base();
    }
    if (xmlBase != null) {
      try {
        URI b = new URI(xmlBase.strip());
        URI resolved = b.isAbsolute() || doc == null ? b : doc.resolve(b);
        if (resolved.isAbsolute() && !resolved.isOpaque()) {
          return resolved;
        }
      } catch (URISyntaxException | IllegalArgumentException e) {
        // an unusable xml:base: fall back to the document's
      }
    }
    if (doc != null && isHttp(doc)) {
      return doc;
    }
    for (String candidate : new String[] {parsed.hints().selfUrl(), parsed.feed().getLink()}) {
      URI uri = absolute(candidate);
      if (uri != null && isHttp(uri)) {
        return uri;
      }
    }
    return doc;
  }

  private static URI absolute(String s) {
    if (s == null) {
      return null;
    }
    try {
      URI uri = new URI(s.strip());
      return uri.isAbsolute() && !uri.isOpaque() ? uri : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static boolean isHttp(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("http") || scheme.equals("https");
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

  private static String source(SyndFeed feed, FeedHints hints, String feedUrl) {
    String title = feedTitle(feed, hints);
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
