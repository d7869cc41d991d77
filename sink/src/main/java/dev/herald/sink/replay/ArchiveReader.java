package dev.herald.sink.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.avro.RawArticle;
import dev.herald.ingest.article.ArticleMapper;
import dev.herald.ingest.parse.FeedParser;
import dev.herald.ingest.parse.ParseResult;
import dev.herald.ingest.parse.ParsedFeed;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads archived articles: feed documents (RSS 0.9x/1.0/2.0, Atom, JSON Feed; through ingest's
 * {@link FeedParser} and {@link ArticleMapper}, so the articles are the ones live ingestion would
 * have made) and JSON Lines of articles ({@link ArticleLines}). Either may be gzipped ({@code
 * .gz}). Pure: no Kafka.
 *
 * <p>The fetch time of an archived article is the file's last-modified time (when the archive was
 * taken), unless a JSON line says otherwise; its record timestamp is its publication time ({@link
 * #timestamp}).
 */
public final class ArchiveReader {

  /** Archived feeds can be much larger than live ones. */
  public static final long MAX_FEED_BYTES = 256L << 20;

  /** What a file holds. */
  public enum Kind {
    /** A feed document. */
    FEED,
    /** JSON Lines of articles. */
    ARTICLE_LINES
  }

  /** One file's outcome. */
  public record FileResult(
      Path file, Kind kind, long articles, long skipped, List<String> problems) {

    /** True when the file could not be read at all. */
    public boolean failed() {
      return articles == 0 && !problems.isEmpty();
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PROBLEMS_KEPT = 20;

  private final FeedParser parser = new FeedParser(MAX_FEED_BYTES);
  private final ArticleMapper mapper = new ArticleMapper();

  /**
   * The files of the inputs in replay order: a file as given, a folder's regular files (all levels,
   * hidden ones left out) sorted by path.
   *
   * @throws IOException when an input does not exist or a folder cannot be listed
   */
  public static List<Path> expand(List<Path> inputs) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        try (Stream<Path> walk = Files.walk(input)) {
          walk.filter(Files::isRegularFile)
              .filter(p -> !isHidden(input.relativize(p)))
              .sorted()
              .forEach(files::add);
        }
      } else if (Files.isRegularFile(input)) {
        files.add(input);
      } else {
        throw new java.nio.file.NoSuchFileException(
            input.toString(), null, "no such file or folder");
      }
    }
    return files;
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /**
   * What a file holds: JSON Lines by name ({@code .jsonl}, {@code .ndjson}, also gzipped), else a
   * first line that is a whole JSON object with article fields and no JSON Feed {@code version};
   * anything else is read as a feed.
   */
  public static Kind kind(Path file, byte[] start) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return Kind.ARTICLE_LINES;
    }
    String text = new String(start, StandardCharsets.UTF_8).stripLeading();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1).stripLeading();
    }
    if (!text.startsWith("{")) {
      return Kind.FEED;
    }
    int end = text.indexOf('\n');
    try {
      JsonNode first = JSON.readTree(end < 0 ? text : text.substring(0, end));
      boolean article =
          first != null
              && first.isObject()
              && !first.has("version")
              && !first.has("items")
              && (first.has("url") || first.has("text") || first.has("title"));
      return article ? Kind.ARTICLE_LINES : Kind.FEED;
    } catch (IOException e) {
      return Kind.FEED; // a pretty-printed JSON Feed spans many lines
    }
  }

  /** The record timestamp of an article: its publication time, else its fetch time. */
  public static long timestamp(RawArticle a) {
    return (a.getPublishedAt() != null ? a.getPublishedAt() : a.getFetchedAt()).toEpochMilli();
  }

  /**
   * Reads one file, handing each article to {@code out} in file order.
   *
   * @throws IOException when the file cannot be read
   */
  public FileResult read(Path file, Consumer<RawArticle> out) throws IOException {
    Instant fetchedAt = Files.getLastModifiedTime(file).toInstant();
    String fileUrl = file.toAbsolutePath().toUri().toString();
    Kind kind;
    try (InputStream in = open(file)) {
      kind = kind(file, in.readNBytes(64 * 1024));
    }
    List<String> problems = new ArrayList<>();
    if (kind == Kind.ARTICLE_LINES) {
      long articles = 0;
      long skipped = 0;
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
        String line;
        long number = 0;
        while ((line = reader.readLine()) != null) {
          number++;
          if (line.isBlank()) {
            continue;
          }
          try {
            out.accept(ArticleLines.parse(line, fileUrl, fetchedAt));
            articles++;
          } catch (IllegalArgumentException e) {
            skipped++;
            if (problems.size() < PROBLEMS_KEPT) {
              problems.add(file.getFileName() + ":" + number + ": " + e.getMessage());
            }
          }
        }
      }
      return new FileResult(file, kind, articles, skipped, List.copyOf(problems));
    }
    byte[] body;
    try (InputStream in = open(file)) {
      body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_FEED_BYTES + 1));
    }
    ParseResult result = parser.parse(body, null);
    if (!result.isOk()) {
      return new FileResult(
          file, kind, 0, 0, List.of(file.getFileName() + ": " + result.failure().describe()));
    }
    ParsedFeed feed = result.feed();
    String feedUrl = feedUrl(feed, fileUrl);
    List<RawArticle> articles = mapper.mapAll(feedUrl, feed, fetchedAt, Integer.MAX_VALUE);
    articles.forEach(out);
    return new FileResult(
        file, kind, articles.size(), feed.entries().size() - articles.size(), List.of());
  }

  /**
   * How many articles a file holds, cheaply, for the progress total: lines of a JSON Lines file,
   * {@code item}/{@code entry} elements of an XML feed, {@code items} of a JSON Feed. An estimate:
   * entries with nothing to read are skipped later.
   */
  public long count(Path file) throws IOException {
    byte[] start;
    try (InputStream in = open(file)) {
      start = in.readNBytes(64 * 1024);
    }
    if (kind(file, start) == Kind.ARTICLE_LINES) {
      long lines = 0;
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          if (!line.isBlank()) {
            lines++;
          }
        }
      }
      return lines;
    }
    String text = new String(start, StandardCharsets.UTF_8).stripLeading();
    if (text.startsWith("{") || text.startsWith("\uFEFF{")) {
      try (InputStream in = open(file)) {
        JsonNode items = JSON.readTree(in).get("items");
        return items != null && items.isArray() ? items.size() : 0;
      } catch (IOException e) {
        return 0;
      }
    }
    try (InputStream in = open(file)) {
      return countEntries(in);
    } catch (XMLStreamException e) {
      // Not well-formed enough to stream (undeclared entities, junk): count the parsed entries.
      byte[] body;
      try (InputStream in = open(file)) {
        body = in.readAllBytes();
      }
      ParseResult r = parser.parse(body, null);
      return r.isOk() ? r.feed().entries().size() : 0;
    }
  }

  /** Counts RSS {@code item} and Atom {@code entry} elements with a streaming, DTD-free parser. */
  static long countEntries(InputStream in) throws XMLStreamException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XMLStreamReader reader = factory.createXMLStreamReader(in);
    long n = 0;
    try {
      while (reader.hasNext()) {
        if (reader.next() == XMLStreamReader.START_ELEMENT) {
          String local = reader.getLocalName();
          if (local.equals("item") || local.equals("entry")) {
            n++;
          }
        }
      }
    } finally {
      reader.close();
    }
    return n;
  }

  /** The feed's own http(s) URL when it names one, else the file's URL. */
  private static String feedUrl(ParsedFeed feed, String fileUrl) {
    String self = feed.hints().selfUrl();
    if (self != null) {
      try {
        URI u = URI.create(self.strip());
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) {
          return u.toString();
        }
      } catch (IllegalArgumentException e) {
        // not a usable URL: the file's
      }
    }
    return fileUrl;
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
      return new GZIPInputStream(in, 64 * 1024);
    }
    return in;
  }

  /** For tests: the kind of in-memory content. */
  static Kind kind(String fileName, String content) {
    return kind(Path.of(fileName), content.getBytes(StandardCharsets.UTF_8));
  }

  /** For tests: entries counted in XML text. */
  static long countEntries(String xml) throws XMLStreamException {
    return countEntries(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
