package dev.herald.ingest.page;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * When and how politely Herald fetches the article page behind a feed item. HTTP limits (timeouts,
 * total deadline, size cap, redirects, SSRF guard, User-Agent) are the feed fetcher's own {@code
 * FetchSettings}; these are the page stage's.
 *
 * @param minFeedChars a new item whose feed text is shorter than this gets its page fetched; 0
 *     disables page fetching
 * @param threads page fetches at a time (all hosts)
 * @param queueCapacity articles waiting for their page at most; beyond it an article is published
 *     at once with its feed text (reason {@code QUEUE_FULL}), so polling never waits for pages
 * @param maxPerHost page fetches from one host at a time
 * @param hostRequestGap the least time between two page requests to one host (a robots.txt
 *     Crawl-delay that is longer wins)
 * @param robotsTtl how long a host's robots.txt is trusted (RFC 9309: at most 24 hours)
 * @param maxRetryAfter the longest Retry-After (429, 503) a page waits for, once; a longer one
 *     keeps the feed text
 * @param drainTimeout how long a shutdown waits for pages in flight before publishing the rest with
 *     their feed text
 */
public record PageFetchSettings(
    int minFeedChars,
    int threads,
    int queueCapacity,
    int maxPerHost,
    Duration hostRequestGap,
    Duration robotsTtl,
    Duration maxRetryAfter,
    Duration drainTimeout) {

  public static final int DEFAULT_MIN_FEED_CHARS = 600;

  /** A contact in a User-Agent: a web address or an e-mail address. */
  private static final Pattern CONTACT =
      Pattern.compile("https?://\\S+|[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");

  public PageFetchSettings {
    if (minFeedChars < 0) {
      throw new IllegalArgumentException("minFeedChars must not be negative: " + minFeedChars);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("page threads must be >= 1: " + threads);
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("page queue capacity must be >= 1: " + queueCapacity);
    }
    if (maxPerHost < 1) {
      throw new IllegalArgumentException("page fetches per host must be >= 1: " + maxPerHost);
    }
    requireNotNegative(hostRequestGap, "page host request gap");
    requireNotNegative(maxRetryAfter, "page max Retry-After");
    requireNotNegative(drainTimeout, "page drain timeout");
    Objects.requireNonNull(robotsTtl, "robotsTtl");
    if (robotsTtl.isNegative()
        || robotsTtl.isZero()
        || robotsTtl.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException(
          "robots.txt TTL must be positive and at most 24 hours (RFC 9309): " + robotsTtl);
    }
  }

  /** Pages of items under 600 characters, 4 threads, 1,000 waiting, 1 per host 2 s apart. */
  public static PageFetchSettings defaults() {
    return new PageFetchSettings(
        DEFAULT_MIN_FEED_CHARS,
        4,
        1000,
        1,
        Duration.ofSeconds(2),
        Duration.ofHours(24),
        Duration.ofMinutes(2),
        Duration.ofSeconds(30));
  }

  /** Page fetching off: every item keeps its feed text. */
  public static PageFetchSettings disabled() {
    return defaults().withMinFeedChars(0);
  }

  public boolean enabled() {
    return minFeedChars > 0;
  }

  /** One line for {@code herald config check}. */
  public String summary() {
    if (!enabled()) {
      return "off";
    }
    return "items under "
        + minFeedChars
        + " chars; "
        + threads
        + " threads, queue "
        + queueCapacity
        + "; "
        + maxPerHost
        + " per host, "
        + hostRequestGap
        + " apart; robots.txt kept "
        + robotsTtl
        + "; Retry-After up to "
        + maxRetryAfter
        + "; drain "
        + drainTimeout;
  }

  public PageFetchSettings withMinFeedChars(int chars) {
    return new PageFetchSettings(
        chars,
        threads,
        queueCapacity,
        maxPerHost,
        hostRequestGap,
        robotsTtl,
        maxRetryAfter,
        drainTimeout);
  }

  public PageFetchSettings withThreads(int n, int queue) {
    return new PageFetchSettings(
        minFeedChars, n, queue, maxPerHost, hostRequestGap, robotsTtl, maxRetryAfter, drainTimeout);
  }

  public PageFetchSettings withHostLimits(int perHost, Duration gap) {
    return new PageFetchSettings(
        minFeedChars, threads, queueCapacity, perHost, gap, robotsTtl, maxRetryAfter, drainTimeout);
  }

  public PageFetchSettings withRobotsTtl(Duration ttl) {
    return new PageFetchSettings(
        minFeedChars,
        threads,
        queueCapacity,
        maxPerHost,
        hostRequestGap,
        ttl,
        maxRetryAfter,
        drainTimeout);
  }

  public PageFetchSettings withRetryAndDrain(Duration retryAfter, Duration drain) {
    return new PageFetchSettings(
        minFeedChars,
        threads,
        queueCapacity,
        maxPerHost,
        hostRequestGap,
        robotsTtl,
        retryAfter,
        drain);
  }

  /**
   * Checks that a User-Agent names a contact (a web or e-mail address), as site operators expect of
   * a crawler that fetches their pages.
   *
   * @throws IllegalArgumentException when it does not
   */
  public static void requireContact(String userAgent) {
    if (userAgent == null || !CONTACT.matcher(userAgent).find()) {
      throw new IllegalArgumentException(
          "the User-Agent must name a contact (a web or e-mail address) when article pages are"
              + " fetched, e.g. \"Herald/0.1 (+https://example.org/bot; bot@example.org)\": "
              + userAgent);
    }
  }

  /**
   * The robots.txt product token of a User-Agent: its first word before any '/', lower case
   * ("Herald/0.1 (+https://...)" gives "herald").
   */
  public static String robotsToken(String userAgent) {
    String first = userAgent == null ? "" : userAgent.strip().split("[\\s/;(]", 2)[0];
    String token = first.replaceAll("[^A-Za-z_-]", "").toLowerCase(java.util.Locale.ROOT);
    return token.isEmpty() ? "herald" : token;
  }

  private static void requireNotNegative(Duration d, String name) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + d);
    }
  }

  /**
   * The settings from the environment ({@code HERALD_PAGE_FETCH_MIN_CHARS}, {@code _THREADS},
   * {@code _QUEUE}, {@code _PER_HOST}, {@code _HOST_GAP}, {@code _ROBOTS_TTL}, {@code
   * _MAX_RETRY_AFTER}, {@code _DRAIN}), the defaults where unset; each bad value is added to {@code
   * problems} (and its default used) so start-up can report them all at once.
   */
  public static PageFetchSettings fromEnv(Map<String, String> env, List<String> problems) {
    PageFetchSettings d = defaults();
    String p = "HERALD_PAGE_FETCH_";
    int minChars = integer(env, p + "MIN_CHARS", d.minFeedChars(), 0, problems);
    int threads = integer(env, p + "THREADS", d.threads(), 1, problems);
    int queue = integer(env, p + "QUEUE", d.queueCapacity(), 1, problems);
    int perHost = integer(env, p + "PER_HOST", d.maxPerHost(), 1, problems);
    Duration gap = duration(env, p + "HOST_GAP", d.hostRequestGap(), problems);
    Duration ttl = duration(env, p + "ROBOTS_TTL", d.robotsTtl(), problems);
    Duration retry = duration(env, p + "MAX_RETRY_AFTER", d.maxRetryAfter(), problems);
    Duration drain = duration(env, p + "DRAIN", d.drainTimeout(), problems);
    if (ttl.isZero() || ttl.compareTo(Duration.ofDays(1)) > 0) {
      problems.add(p + "ROBOTS_TTL must be positive and at most PT24H (RFC 9309): " + ttl);
      ttl = d.robotsTtl();
    }
    return new PageFetchSettings(minChars, threads, queue, perHost, gap, ttl, retry, drain);
  }

  private static int integer(
      Map<String, String> env, String name, int def, int min, List<String> problems) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      return def;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n < min) {
        problems.add(name + " must be at least " + min + ": " + v);
        return def;
      }
      return n;
    } catch (NumberFormatException e) {
      problems.add(name + " is not a whole number: " + v);
      return def;
    }
  }

  private static Duration duration(
      Map<String, String> env, String name, Duration def, List<String> problems) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      return def;
    }
    try {
      Duration d = Duration.parse(v.strip());
      if (d.isNegative()) {
        problems.add(name + " must not be negative: " + v);
        return def;
      }
      return d;
    } catch (DateTimeParseException e) {
      problems.add(name + " is not an ISO-8601 duration such as PT2S: " + v);
      return def;
    }
  }
}
