package dev.herald.ingest.cli;

import dev.herald.avro.RawArticle;
import dev.herald.ingest.Failure;
import dev.herald.ingest.FailureKind;
import dev.herald.ingest.article.ArticleMapper;
import dev.herald.ingest.fetch.FeedFetcher;
import dev.herald.ingest.fetch.FetchResult;
import dev.herald.ingest.fetch.FetchSettings;
import dev.herald.ingest.parse.FeedParser;
import dev.herald.ingest.parse.ParseResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code herald feeds parse PATH… --output F.jsonl}: runs every file through the same fetcher (size
 * cap, gzip), parser and mapper as ingestion, and writes one JSON line per input, in order. A bad
 * file gives a line with its classified error; nothing stops the run but an unwritable output.
 * Arguments with an {@code http(s):} or {@code file:} scheme are fetched as URLs.
 */
public final class FeedsParseJob {

  /** What a run did. */
  public record Summary(int files, int ok, int failed, long items) {}

  private static final int PROGRESS_EVERY = 100;

  private final FeedFetcher fetcher;
  private final FeedParser parser;
  private final ArticleMapper mapper = new ArticleMapper();

  public FeedsParseJob() {
    this(FetchSettings.defaults());
  }

  public FeedsParseJob(FetchSettings settings) {
    this.fetcher = new FeedFetcher(settings);
    this.parser = new FeedParser(settings.maxBytes());
  }

  /**
   * Parses {@code files} in order, writing one line per file to {@code out} (flushed at the end)
   * and a progress line every 100 files and at the end to {@code progress}.
   *
   * @throws IOException only when {@code out} cannot be written
   */
  public Summary run(List<String> files, Writer out, PrintStream progress) throws IOException {
    int ok = 0;
    long items = 0;
    for (int i = 0; i < files.size(); i++) {
      ParsedFile parsed = parseArgument(files.get(i));
      out.write(parsed.toJson());
      out.write('\n');
      if (parsed.ok()) {
        ok++;
        items += parsed.items().size();
      }
      if ((i + 1) % PROGRESS_EVERY == 0) {
        progress.println("parsed " + (i + 1) + "/" + files.size() + " files");
      }
    }
    out.flush();
    Summary summary = new Summary(files.size(), ok, files.size() - ok, items);
    progress.println(
        summary.files()
            + " file(s): "
            + summary.ok()
            + " feed(s) read with "
            + summary.items()
            + " item(s), "
            + summary.failed()
            + " failed");
    return summary;
  }

  /** One argument: a path, or a URL with a scheme. Never throws. */
  public ParsedFile parseArgument(String file) {
    String url;
    try {
      url = hasScheme(file) ? file : Path.of(file).toAbsolutePath().toUri().toString();
    } catch (InvalidPathException e) {
      return ParsedFile.failed(
          file, new Failure(FailureKind.INVALID_URL, "not a valid path").describe());
    }
    try {
      FetchResult fetched = fetcher.fetch(url, null, null);
      if (fetched.status() == FetchResult.Status.ERROR) {
        return ParsedFile.failed(file, fetched.failure().describe());
      }
      return parse(file, fetched.body(), fetched.contentType(), url);
    } catch (RuntimeException | StackOverflowError e) {
      return internal(file, e);
    }
  }

  /**
   * Parses a body already read. {@code documentUrl} is where it came from: the feed URL of the
   * stable ids and the base of relative links. Never throws.
   */
  public ParsedFile parse(String file, byte[] body, String contentType, String documentUrl) {
    try {
      ParseResult result = parser.parse(body, contentType);
      if (!result.isOk()) {
        return ParsedFile.failed(file, result.failure().describe());
      }
      List<ParsedFile.Item> items = new ArrayList<>();
      for (RawArticle a : mapper.mapEvery(documentUrl, result.feed(), Instant.EPOCH)) {
        items.add(
            new ParsedFile.Item(
                a.getGuid() != null ? a.getGuid() : a.getId(),
                a.getTitle(),
                a.getUrl(),
                published(a)));
      }
      return new ParsedFile(
          file,
          true,
          null,
          ArticleMapper.feedTitle(result.feed().feed(), result.feed().hints()),
          items);
    } catch (RuntimeException | StackOverflowError e) {
      return internal(file, e);
    }
  }

  private static OffsetDateTime published(RawArticle a) {
    if (a.getPublishedAt() == null) {
      return null;
    }
    ZoneOffset offset = ZoneOffset.UTC;
    if (a.getPublishedOffset() != null) {
      try {
        offset = ZoneOffset.of(a.getPublishedOffset());
      } catch (java.time.DateTimeException e) {
        // keep UTC
      }
    }
    return a.getPublishedAt().atOffset(offset);
  }

  private static ParsedFile internal(String file, Throwable e) {
    return ParsedFile.failed(
        file, new Failure(FailureKind.INTERNAL, e.getClass().getSimpleName()).describe());
  }

  private static boolean hasScheme(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("file:");
  }
}
