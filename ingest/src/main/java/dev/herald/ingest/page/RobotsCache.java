package dev.herald.ingest.page;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import dev.herald.ingest.FailureKind;
import dev.herald.ingest.fetch.FeedFetcher;
import dev.herald.ingest.fetch.FetchResult;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * robots.txt rules per origin (scheme, host, port), fetched on first use and kept for a TTL (RFC
 * 9309): a 4xx means no rules (allow all); a 5xx, a timeout or an unreachable host means "do not
 * crawl for now" and is kept for a shorter time, so the host is asked again soon. Thread-safe; two
 * pages of one origin fetched at the same time may both read robots.txt once.
 */
final class RobotsCache {

  /** RFC 9309 asks crawlers to parse at least 500 KiB. */
  static final long MAX_ROBOTS_BYTES = 512 * 1024;

  /** Rules that could not be read are retried after this long (or the TTL, if shorter). */
  static final Duration FAILURE_TTL = Duration.ofMinutes(10);

  /** Bound on origins held; past it the expired ones go, then all (rare: 10,000 hosts). */
  private static final int MAX_ORIGINS = 10_000;

  /** The verdict on one page. */
  record Verdict(boolean allowed, PageFailure failure, String message, Duration crawlDelay) {}

  private record Entry(
      BaseRobotRules rules, PageFailure failure, String unavailable, Instant expires) {}

  private final FeedFetcher fetcher;
  private final String token;
  private final Duration ttl;
  private final Clock clock;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  RobotsCache(FeedFetcher fetcher, String userAgent, Duration ttl, Clock clock) {
    this.fetcher = fetcher;
    this.token = PageFetchSettings.robotsToken(userAgent);
    this.ttl = ttl;
    this.clock = clock;
  }

  /** Whether Herald may fetch {@code page} (an absolute http(s) URI). */
  Verdict check(URI page) {
    String origin = origin(page);
    Instant now = clock.instant();
    Entry e = entries.get(origin);
    if (e == null || !now.isBefore(e.expires())) {
      e = load(origin, now);
      if (entries.size() >= MAX_ORIGINS) {
        entries.values().removeIf(x -> !now.isBefore(x.expires()));
        if (entries.size() >= MAX_ORIGINS) {
          entries.clear();
        }
      }
      entries.put(origin, e);
    }
    if (e.unavailable() != null) {
      return new Verdict(false, e.failure(), e.unavailable(), null);
    }
    BaseRobotRules rules = e.rules();
    long delayMs = rules.getCrawlDelay();
    Duration delay = delayMs > 0 ? Duration.ofMillis(delayMs) : null;
    if (rules.isDeferVisits()) {
      return new Verdict(false, PageFailure.ROBOTS_UNAVAILABLE, "robots.txt says wait", delay);
    }
    if (!rules.isAllowed(page.toString())) {
      return new Verdict(
          false,
          PageFailure.ROBOTS_DISALLOWED,
          "robots.txt disallows " + page.getRawPath() + " for " + token,
          delay);
    }
    return new Verdict(true, null, null, delay);
  }

  /** Origins held (for tests and metrics). */
  int size() {
    return entries.size();
  }

  private Entry load(String origin, Instant now) {
    SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    String url = origin + "/robots.txt";
    List<String> hops = new ArrayList<>();
    FetchResult r = fetcher.fetchPage(url, "text/plain, */*;q=0.5", hops);
    if (r.status() == FetchResult.Status.OK) {
      BaseRobotRules rules = parser.parseContent(url, r.body(), r.contentType(), List.of(token));
      return new Entry(rules, null, null, now.plus(ttl));
    }
    FailureKind kind = r.failure().kind();
    int status = r.httpStatus();
    if (kind == FailureKind.HTTP_STATUS && status >= 400 && status < 500 && status != 429) {
      // "unavailable": no robots.txt, crawl freely (RFC 9309 2.3.1.3)
      return new Entry(parser.failedFetch(status), null, null, now.plus(ttl));
    }
    Duration retry = FAILURE_TTL.compareTo(ttl) < 0 ? FAILURE_TTL : ttl;
    // the SSRF guard's refusal is the page's too: say so rather than "robots.txt unavailable"
    PageFailure failure =
        kind == FailureKind.BLOCKED_ADDRESS
            ? PageFailure.BLOCKED_ADDRESS
            : PageFailure.ROBOTS_UNAVAILABLE;
    return new Entry(null, failure, "robots.txt " + r.failure().describe(), now.plus(retry));
  }

  static String origin(URI page) {
    String scheme = page.getScheme().toLowerCase(Locale.ROOT);
    String host = page.getHost().toLowerCase(Locale.ROOT);
    int port = page.getPort();
    boolean defaultPort =
        port < 0
            || (scheme.equals("http") && port == 80)
            || (scheme.equals("https") && port == 443);
    return scheme + "://" + host + (defaultPort ? "" : ":" + port);
  }
}
