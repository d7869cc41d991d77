package dev.herald.ingest.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How each corpus folder under {@code data/feeds} is laid out: which files are feeds, and what the
 * reference parser that ships them expected. gofeed and feed-rs keep a JSON file of their parse
 * next to each feed; feedparser writes {@code Expect:} Python expressions in a comment of the feed
 * itself, of which the simple equalities on our four fields are read. Other folders have feeds
 * only.
 */
final class ReferenceSuites {

  /** What to parse a file as, and what to expect of it. */
  record Input(String contentType, String documentUrl, List<Check> checks) {}

  /** One corpus folder. */
  interface Suite {
    /** Whether the file is a feed to parse (rather than an expectation, licence or index). */
    boolean isInput(Path file);

    /** How to parse the feed and what to expect; never null. */
    Input input(Path suiteRoot, Path file) throws IOException;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private ReferenceSuites() {}

  static Suite forName(String name) {
    return switch (name) {
      case "gofeed" -> new Gofeed();
      case "feed-rs" -> new FeedRs();
      case "feedparser" -> new Feedparser();
      default -> new Plain();
    };
  }

  /** Licences, indexes and VCS files are not feeds; everything else goes through the parser. */
  static boolean isCorpusMetadata(Path file) {
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.startsWith("license")
        || lower.startsWith("licence")
        || lower.startsWith("readme")
        || lower.endsWith(".tsv")
        || lower.endsWith(".md")
        || lower.startsWith(".git");
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  /** A folder with no expectations. */
  static final class Plain implements Suite {
    @Override
    public boolean isInput(Path file) {
      return !isCorpusMetadata(file);
    }

    @Override
    public Input input(Path suiteRoot, Path file) {
      return new Input(null, file.toUri().toString(), List.of());
    }
  }

  /**
   * gofeed: {@code X.xml} with {@code X.json}; JSON feeds {@code X.json} with {@code
   * X_expected.json}.
   */
  static final class Gofeed implements Suite {
    @Override
    public boolean isInput(Path file) {
      if (isCorpusMetadata(file)) {
        return false;
      }
      String name = file.getFileName().toString();
      if (!name.endsWith(".json")) {
        return true;
      }
      if (name.endsWith("_expected.json")) {
        return false;
      }
      // X.json next to X.xml is the expectation of X.xml
      return !Files.exists(file.resolveSibling(baseName(file) + ".xml"));
    }

    @Override
    public Input input(Path suiteRoot, Path file) throws IOException {
      String name = file.getFileName().toString();
      Path expected =
          name.endsWith(".json")
              ? file.resolveSibling(baseName(file) + "_expected.json")
              : file.resolveSibling(baseName(file) + ".json");
      List<Check> checks = new ArrayList<>();
      JsonNode root = readJson(expected);
      if (root != null && root.isObject()) {
        addText(checks, Field.FEED_TITLE, -1, root.get("title"));
        JsonNode items = root.has("items") ? root.get("items") : root.get("entries");
        int i = 0;
        for (JsonNode item : items == null ? List.<JsonNode>of() : items) {
          addText(checks, Field.ITEM_TITLE, i, item.get("title"));
          addText(checks, Field.LINK, i, gofeedLink(item));
          Instant date =
              firstDate(
                  item,
                  "publishedParsed",
                  "pubDateParsed",
                  "updatedParsed",
                  "date_published",
                  "date_modified");
          if (date != null) {
            checks.add(new Check(Field.DATE, i, date));
          }
          i++;
        }
      }
      return new Input(null, file.toUri().toString(), checks);
    }

    private static JsonNode gofeedLink(JsonNode item) {
      for (String field : new String[] {"link", "url"}) {
        JsonNode v = item.get(field);
        if (v != null && v.isTextual()) {
          return v;
        }
      }
      JsonNode links = item.get("links");
      if (links != null && links.isArray()) {
        for (JsonNode l : links) {
          if (l.isTextual()) {
            return l;
          }
          JsonNode rel = l.get("rel");
          if (rel == null || rel.isNull() || "alternate".equals(rel.asText())) {
            return l.get("href");
          }
        }
      }
      return null;
    }
  }

  /** feed-rs: {@code X.xml} or {@code X.json} with {@code X.serde.json}. */
  static final class FeedRs implements Suite {
    @Override
    public boolean isInput(Path file) {
      return !isCorpusMetadata(file) && !file.getFileName().toString().endsWith(".serde.json");
    }

    @Override
    public Input input(Path suiteRoot, Path file) throws IOException {
      Path expected = file.resolveSibling(baseName(file) + ".serde.json");
      List<Check> checks = new ArrayList<>();
      JsonNode root = readJson(expected);
      if (root != null && root.isObject()) {
        addText(checks, Field.FEED_TITLE, -1, root.path("title").get("content"));
        int i = 0;
        for (JsonNode entry : root.path("entries")) {
          addText(checks, Field.ITEM_TITLE, i, entry.path("title").get("content"));
          for (JsonNode l : entry.path("links")) {
            JsonNode rel = l.get("rel");
            if (rel == null || rel.isNull() || "alternate".equals(rel.asText())) {
              addText(checks, Field.LINK, i, l.get("href"));
              break;
            }
          }
          Instant date = firstDate(entry, "published", "updated");
          if (date != null) {
            checks.add(new Check(Field.DATE, i, date));
          }
          i++;
        }
      }
      return new Input(null, file.toUri().toString(), checks);
    }
  }

  /**
   * feedparser: each test feed says in a leading comment which HTTP headers it is served with and
   * what to expect. Its harness serves the files at {@code http://127.0.0.1:8097/<path>}, which is
   * therefore the document URL (relative links in the expectations are resolved against it).
   */
  static final class Feedparser implements Suite {
    private static final String HARNESS = "http://127.0.0.1:8097/";

    @Override
    public boolean isInput(Path file) {
      return !isCorpusMetadata(file);
    }

    @Override
    public Input input(Path suiteRoot, Path file) throws IOException {
      String head = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      int end = head.indexOf("-->");
      head = end < 0 ? "" : head.substring(0, end);
      String contentType = null;
      String documentUrl = HARNESS + suiteRoot.relativize(file).toString().replace('\\', '/');
      List<Check> checks = new ArrayList<>();
      for (String line : head.split("\r?\n")) {
        String l = line.strip();
        if (l.startsWith("Header:")) {
          String header = l.substring("Header:".length()).strip();
          int colon = header.indexOf(':');
          if (colon > 0) {
            String hName = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip();
            if (hName.equals("content-type")) {
              contentType = value;
            } else if (hName.equals("content-location") && !value.isEmpty()) {
              documentUrl = resolve(documentUrl, value);
            }
          }
        } else if (l.startsWith("Expect:")) {
          // The comment is ASCII; non-ASCII text is written as Python escapes.
          checks.addAll(FeedparserExpect.checks(l.substring("Expect:".length()).strip()));
        }
      }
      return new Input(contentType, documentUrl, checks);
    }

    private static String resolve(String base, String ref) {
      try {
        URI r = new URI(ref);
        String scheme = r.getScheme() == null ? "" : r.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.isEmpty() && !scheme.equals("http") && !scheme.equals("https")) {
          return base; // javascript: and the like are not bases
        }
        return URI.create(base).resolve(r).toString();
      } catch (Exception e) {
        return base;
      }
    }
  }

  private static JsonNode readJson(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return JSON.readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return null; // a broken expectation file expects nothing
    }
  }

  private static void addText(List<Check> checks, Field field, int item, JsonNode value) {
    if (value != null && value.isTextual() && !value.asText().isBlank()) {
      checks.add(new Check(field, item, value.asText()));
    }
  }

  private static Instant firstDate(JsonNode node, String... fields) {
    for (String f : fields) {
      JsonNode v = node.get(f);
      if (v != null && v.isTextual() && !v.asText().isBlank()) {
        try {
          return OffsetDateTime.parse(v.asText()).toInstant();
        } catch (DateTimeParseException e) {
          // a raw string, not an ISO date: look further
        }
      }
    }
    return null;
  }
}
