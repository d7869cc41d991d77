package dev.herald.ingest.corpus;

import dev.herald.ingest.FailureKind;
import dev.herald.ingest.cli.FeedsParseJob;
import dev.herald.ingest.cli.ParsedFile;
import dev.herald.ingest.fetch.FeedFetcher;
import dev.herald.ingest.fetch.FetchResult;
import dev.herald.ingest.fetch.FetchSettings;
import dev.herald.ingest.parse.HtmlText;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;

/**
 * Runs every file of the feed corpora (one folder per suite under {@code data/feeds}) through
 * {@link FeedsParseJob} exactly as {@code herald feeds parse} does, counts what was read, what
 * failed with a classified error and what crashed (an {@code INTERNAL} error or an exception that
 * escaped), and scores feed title, item title, link and date against the reference parsers'
 * expectations where a suite has them.
 *
 * <p>Comparison rules, the same for every suite: texts match when equal after collapsing
 * whitespace, or when ours equals the reference's text rendered from HTML (references keep markup
 * in titles; Herald's titles are plain text). Links match when equal, equal in canonical form, or,
 * for a relative reference link, when it resolves against ours to ours. Dates match to the second.
 */
public final class FeedCorpusEvaluator {

  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0]+");

  private final FeedsParseJob job = new FeedsParseJob();
  private final FeedFetcher fetcher = new FeedFetcher(FetchSettings.defaults());

  /** Evaluates every suite folder directly under {@code feedsRoot}, sorted by name. */
  public CorpusReport evaluate(Path feedsRoot) throws IOException {
    List<CorpusReport.Suite> suites = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(feedsRoot)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        suites.add(evaluateSuite(dir));
      }
    }
    return new CorpusReport(suites);
  }

  /** Evaluates one suite folder; its name selects the reference layout. */
  public CorpusReport.Suite evaluateSuite(Path dir) throws IOException {
    String name = dir.getFileName().toString();
    ReferenceSuites.Suite layout = ReferenceSuites.forName(name);
    CorpusReport.Suite suite = new CorpusReport.Suite(name);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).filter(layout::isInput).sorted().toList();
    }
    for (Path file : files) {
      String rel = dir.relativize(file).toString();
      ReferenceSuites.Input input = layout.input(dir, file);
      ParsedFile parsed;
      try {
        parsed = parse(rel, file, input);
      } catch (RuntimeException | StackOverflowError e) {
        suite.crash(rel, e.toString());
        continue;
      }
      suite.file(rel, parsed);
      for (Check check : input.checks()) {
        Object actual = actual(parsed, check);
        suite.check(rel, check, actual, matches(check, actual));
      }
    }
    return suite;
  }

  private ParsedFile parse(String rel, Path file, ReferenceSuites.Input input) {
    FetchResult fetched = fetcher.fetch(file.toUri().toString(), null, null);
    if (fetched.status() == FetchResult.Status.ERROR) {
      return ParsedFile.failed(rel, fetched.failure().describe());
    }
    return job.parse(rel, fetched.body(), input.contentType(), input.documentUrl());
  }

  /** Whether the file's error means Herald itself failed (a bug), not the file. */
  static boolean isCrash(ParsedFile parsed) {
    return !parsed.ok()
        && parsed.error() != null
        && parsed.error().startsWith(FailureKind.INTERNAL.name() + ":");
  }

  private static Object actual(ParsedFile parsed, Check check) {
    if (check.field() == Field.FEED_TITLE) {
      return parsed.feedTitle();
    }
    if (check.item() >= parsed.items().size()) {
      return null;
    }
    ParsedFile.Item item = parsed.items().get(check.item());
    return switch (check.field()) {
      case ITEM_TITLE -> item.title();
      case LINK -> item.link();
      case DATE -> item.published() == null ? null : item.published().toInstant();
      default -> null;
    };
  }

  static boolean matches(Check check, Object actual) {
    if (check.field() == Field.FEED_TITLE || check.field() == Field.ITEM_TITLE) {
      // no title and an empty one are the same plain text (a title that is only an image)
      return textMatches((String) check.expected(), (String) actual);
    }
    if (actual == null) {
      return false;
    }
    return switch (check.field()) {
      case FEED_TITLE, ITEM_TITLE -> false;
      case LINK -> linkMatches((String) check.expected(), (String) actual);
      case DATE ->
          ((Instant) check.expected()).getEpochSecond() == ((Instant) actual).getEpochSecond();
    };
  }

  static boolean textMatches(String expected, String actual) {
    String a = squash(actual);
    if (a.equals(squash(expected))) {
      return true;
    }
    // The reference's value as HTML: rendered once (what a browser shows), or as Herald renders
    // titles (which also undoes a second level of escaping that feeds often add).
    String once = Jsoup.parseBodyFragment(expected).text();
    String rendered = HtmlText.toLine(expected);
    return a.equals(squash(once)) || (rendered != null && a.equals(squash(rendered)));
  }

  static boolean linkMatches(String expected, String actual) {
    String e = expected.strip();
    if (e.equals(actual)) {
      return true;
    }
    String ce = dev.herald.ingest.article.ArticleIds.canonicalUrl(e);
    if (ce != null && ce.equals(dev.herald.ingest.article.ArticleIds.canonicalUrl(actual))) {
      return true;
    }
    try {
      URI ref = new URI(e);
      URI ours = new URI(actual);
      return !ref.isAbsolute() && ours.isAbsolute() && ours.resolve(ref).equals(ours);
    } catch (Exception ex) {
      return false;
    }
  }

  private static String squash(String s) {
    return SPACES.matcher(Objects.requireNonNullElse(s, "")).replaceAll(" ").strip();
  }

  static String kindOf(String error) {
    if (error == null) {
      return "OK";
    }
    int colon = error.indexOf(':');
    return (colon < 0 ? error : error.substring(0, colon)).toUpperCase(Locale.ROOT);
  }
}
