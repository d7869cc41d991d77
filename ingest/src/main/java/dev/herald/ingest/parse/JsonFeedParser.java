package dev.herald.ingest.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import dev.herald.ingest.Failure;
import dev.herald.ingest.FailureKind;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * JSON Feed 1.0 and 1.1 (jsonfeed.org), read with Jackson into Rome's model so the rest of the
 * pipeline sees one kind of feed. A JSON object with an {@code items} array but no version is read
 * too (many generators forget it); any other JSON is classified, not guessed at.
 */
final class JsonFeedParser {

  /** Real feeds nest a few levels; a deeper document is an attack on the parser's stack. */
  private static final int MAX_NESTING = 64;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
                  .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
                  .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
                  .build())
          .build();

  private JsonFeedParser() {}

  static ParseResult parse(String text) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      String msg = e.getOriginalMessage() == null ? "unreadable JSON" : e.getOriginalMessage();
      int paren = msg.indexOf(" (");
      msg = firstLine(paren > 0 ? msg.substring(0, paren) : msg);
      if (e.getLocation() != null) {
        msg =
            "line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr()
                + ": "
                + msg;
      }
      return failed(FailureKind.MALFORMED_JSON, msg);
    }
    if (root == null || !root.isObject()) {
      return failed(FailureKind.UNSUPPORTED_FORMAT, "JSON that is not a JSON Feed object");
    }
    String version = text(root, "version");
    boolean jsonFeed = version != null && version.contains("jsonfeed.org");
    if (!jsonFeed && !root.path("items").isArray()) {
      return failed(FailureKind.UNSUPPORTED_FORMAT, "JSON that is not a JSON Feed");
    }
    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType(version != null && version.endsWith("/1") ? "json_1.0" : "json_1.1");
    feed.setTitleEx(textContent(text(root, "title")));
    feed.setTitle(text(root, "title"));
    feed.setLink(text(root, "home_page_url"));
    feed.setDescription(text(root, "description"));
    feed.setLanguage(text(root, "language"));
    feed.setUri(text(root, "feed_url"));
    List<SyndEntry> entries = new ArrayList<>();
    List<EntryExtras> extras = new ArrayList<>();
    for (JsonNode item : root.path("items")) {
      if (!item.isObject()) {
        continue; // a bad item; the others are still read
      }
      SyndEntry entry = new SyndEntryImpl();
      String id = scalar(item, "id");
      entry.setUri(id);
      String url = text(item, "url");
      entry.setLink(url != null ? url : text(item, "external_url"));
      String title = text(item, "title");
      entry.setTitle(title);
      entry.setTitleEx(textContent(title));
      List<SyndContent> contents = new ArrayList<>();
      String html = text(item, "content_html");
      if (html != null) {
        contents.add(content("html", html));
      } else if (text(item, "content_text") != null) {
        contents.add(content("text", text(item, "content_text")));
      }
      entry.setContents(contents);
      String summary = text(item, "summary");
      if (summary != null) {
        entry.setDescription(content("text", summary));
      }
      String published = text(item, "date_published");
      String modified = text(item, "date_modified");
      // Rome's setters copy the date and fail on null
      Date publishedDate = date(published);
      Date modifiedDate = date(modified);
      if (publishedDate != null) {
        entry.setPublishedDate(publishedDate);
      }
      if (modifiedDate != null) {
        entry.setUpdatedDate(modifiedDate);
      }
      entry.setAuthors(authors(item.has("authors") ? item.get("authors") : item.get("author")));
      entries.add(entry);
      extras.add(new EntryExtras(published != null ? published : modified, id, null));
    }
    feed.setEntries(entries);
    FeedHints hints = new FeedHints(null, null, text(root, "feed_url"), null);
    return ParseResult.ok(new ParsedFeed(feed, extras, hints));
  }

  private static List<SyndPerson> authors(JsonNode node) {
    List<SyndPerson> people = new ArrayList<>();
    if (node == null) {
      return people;
    }
    Iterable<JsonNode> list = node.isArray() ? node : List.of(node);
    for (JsonNode a : list) {
      String name = a.isObject() ? text(a, "name") : null;
      if (name != null) {
        SyndPerson p = new SyndPersonImpl();
        p.setName(name);
        people.add(p);
      }
    }
    return people;
  }

  private static Date date(String raw) {
    FeedDates.Parsed parsed = FeedDates.parse(raw);
    return parsed == null ? null : Date.from(parsed.dateTime().toInstant());
  }

  private static SyndContent textContent(String value) {
    return value == null ? null : content("text", value);
  }

  private static SyndContent content(String type, String value) {
    SyndContent c = new SyndContentImpl();
    c.setType(type);
    c.setValue(value);
    return c;
  }

  /** A string member; null when absent, not textual, or blank. */
  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      return null;
    }
    return v.asText();
  }

  /** A string or number member as text (ids are sometimes numbers). */
  private static String scalar(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !(v.isTextual() || v.isNumber()) || v.asText().isBlank()) {
      return null;
    }
    return v.asText();
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static ParseResult failed(FailureKind kind, String message) {
    return ParseResult.failed(new Failure(kind, message));
  }
}
