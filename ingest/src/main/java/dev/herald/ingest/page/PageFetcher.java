package dev.herald.ingest.page;

import dev.herald.extract.ArticleExtractor;
import dev.herald.extract.Extraction;
import dev.herald.ingest.SafeUrls;
import dev.herald.ingest.fetch.FeedFetcher;
import dev.herald.ingest.fetch.FetchResult;
import dev.herald.ingest.fetch.FetchSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fetches and extracts one article page: robots.txt first, then the page with the feed fetcher's
 * protections (timeouts and total deadline, size cap, SSRF guard on every hop, bounded and recorded
 * redirects), then the extractor, which recognises consent walls, paywalls, error pages and binary
 * data. Never throws; no Kafka. Thread-safe.
 */
public final class PageFetcher {

  private static final String ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1";

  private final FeedFetcher fetcher;
  private final RobotsCache robots;
  private final ArticleExtractor extractor;

  public PageFetcher(FetchSettings fetch, PageFetchSettings settings, Clock clock) {
    this.fetcher = new FeedFetcher(fetch);
    this.robots =
        new RobotsCache(
            new FeedFetcher(
                fetch.withMaxBytes(Math.min(fetch.maxBytes(), RobotsCache.MAX_ROBOTS_BYTES))),
            fetch.userAgent(),
            settings.robotsTtl(),
            clock);
    this.extractor = ArticleExtractor.standard();
  }

  /**
   * The link of a feed item as a fetchable page address, or the reason it is not one (relative, not
   * http(s), no host). Cheap: no I/O, so unfetchable links never wait in the queue.
   */
  public static PageResult unfetchable(String link) {
    if (link == null || link.isBlank()) {
      return PageResult.failed(PageFailure.INVALID_URL, "the item has no link");
    }
    URI uri;
    try {
      uri = new URI(link.strip());
    } catch (URISyntaxException e) {
      return PageResult.failed(PageFailure.INVALID_URL, "not a valid URL");
    }
    if (uri.getScheme() == null) {
      return PageResult.failed(PageFailure.INVALID_URL, "not an absolute URL");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return PageResult.failed(
          PageFailure.UNSUPPORTED_SCHEME, "scheme '" + scheme + "' is not http or https");
    }
    if (uri.getHost() == null) {
      return PageResult.failed(PageFailure.INVALID_URL, "URL without a host");
    }
    return null;
  }

  /** Fetches {@code link} and extracts its article text. */
  public PageResult fetch(String link) {
    try {
      PageResult invalid = unfetchable(link);
      if (invalid != null) {
        return invalid;
      }
      URI uri = new URI(link.strip());
      RobotsCache.Verdict verdict = robots.check(uri);
      if (!verdict.allowed()) {
        return new PageResult(
            null,
            null,
            null,
            List.of(),
            0,
            verdict.failure(),
            verdict.message(),
            null,
            verdict.crawlDelay());
      }
      List<String> redirects = new ArrayList<>();
      FetchResult r = fetcher.fetchPage(link.strip(), ACCEPT, redirects);
      if (r.status() != FetchResult.Status.OK) {
        // a 304 cannot happen (no validators sent); treat anything else as the fetcher says
        PageFailure kind =
            r.failure() == null
                ? PageFailure.HTTP_STATUS
                : PageFailure.named(r.failure().kind().name());
        String message = r.failure() == null ? "HTTP " + r.httpStatus() : r.failure().message();
        return new PageResult(
            null,
            null,
            r.finalUrl(),
            redirects,
            r.httpStatus(),
            kind,
            message,
            r.retryAfter(),
            verdict.crawlDelay());
      }
      PageResult fetched =
          new PageResult(
              "",
              null,
              r.finalUrl(),
              redirects,
              r.httpStatus(),
              null,
              null,
              null,
              verdict.crawlDelay());
      if (!isHtml(r.contentType())) {
        return fetched.rejected(
            PageFailure.NOT_HTML, "Content-Type " + clip(r.contentType().strip(), 80));
      }
      Extraction x = extractor.extract(r.body(), r.charset(), r.finalUrl());
      if (!x.ok()) {
        String error = x.error() == null ? "" : x.error();
        int colon = error.indexOf(": ");
        return fetched.rejected(
            PageFailure.named(x.errorKind() == null ? null : x.errorKind().name()),
            colon >= 0 ? error.substring(colon + 2) : error);
      }
      return new PageResult(
          x.body(),
          absolute(x.canonicalUrl()),
          r.finalUrl(),
          redirects,
          r.httpStatus(),
          null,
          null,
          null,
          verdict.crawlDelay());
    } catch (RuntimeException | URISyntaxException e) {
      return PageResult.failed(PageFailure.INTERNAL, e.getClass().getSimpleName());
    }
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "...";
  }

  /** A missing Content-Type is left to the extractor's sniffing. */
  static boolean isHtml(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return true;
    }
    String t = contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
    return t.equals("text/html")
        || t.equals("application/xhtml+xml")
        || t.equals("text/plain")
        || t.equals("application/xml")
        || t.equals("text/xml")
        || t.isEmpty();
  }

  /** Only an absolute http(s) canonical link is recorded (the extractor resolves relative ones). */
  private static String absolute(String canonical) {
    if (canonical == null || unfetchable(canonical) != null) {
      return null;
    }
    return SafeUrls.redact(canonical.strip());
  }

  /** How long a result asks the host to be left alone: Retry-After, else Crawl-delay. */
  static Duration holdOf(PageResult r) {
    return r.retryAfter() != null ? r.retryAfter() : r.crawlDelay();
  }
}
