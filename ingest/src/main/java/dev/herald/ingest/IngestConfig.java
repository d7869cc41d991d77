package dev.herald.ingest;

import dev.herald.ingest.fetch.FetchSettings;
import dev.herald.ingest.page.PageFetchSettings;
import dev.herald.ingest.poll.FeedPoller;
import dev.herald.ingest.schedule.SchedulePolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the ingest service. Built by the CLI from flags and the environment; the service
 * itself never reads the environment.
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param feedList the feed list file (plain text or OPML); may be null when the service is given
 *     its feeds another way (the registry)
 * @param interval how often each feed is polled
 * @param fetch HTTP settings, the User-Agent among them
 * @param pollThreads feeds fetched at the same time
 * @param recentItemLimit article ids remembered per feed so a re-poll publishes nothing old
 * @param clientProperties extra Kafka client properties (security, timeouts), passed as they are
 * @param schedule the bounds of the scheduler (adaptive interval, backoff, jitter)
 * @param maxFetchesPerHost fetches from one host at a time
 * @param hostRequestGap the least time between two requests to one host
 * @param pages fetching the article page behind short feed items ({@link
 *     PageFetchSettings#disabled()} for none)
 */
public record IngestConfig(
    String bootstrapServers,
    Path feedList,
    Duration interval,
    FetchSettings fetch,
    int pollThreads,
    int recentItemLimit,
    Map<String, String> clientProperties,
    SchedulePolicy schedule,
    int maxFetchesPerHost,
    Duration hostRequestGap,
    PageFetchSettings pages) {

  public static final int DEFAULT_POLL_THREADS = 4;
  public static final int DEFAULT_MAX_FETCHES_PER_HOST = 2;
  public static final Duration DEFAULT_HOST_REQUEST_GAP = Duration.ofSeconds(1);

  public IngestConfig {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(fetch, "fetch");
    if (interval == null || interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive: " + interval);
    }
    if (pollThreads < 1) {
      throw new IllegalArgumentException("pollThreads must be >= 1: " + pollThreads);
    }
    if (recentItemLimit < 1) {
      throw new IllegalArgumentException("recentItemLimit must be >= 1: " + recentItemLimit);
    }
    clientProperties = clientProperties == null ? Map.of() : Map.copyOf(clientProperties);
    schedule = schedule == null ? SchedulePolicy.around(interval) : schedule;
    if (maxFetchesPerHost < 1) {
      throw new IllegalArgumentException("maxFetchesPerHost must be >= 1: " + maxFetchesPerHost);
    }
    if (hostRequestGap == null || hostRequestGap.isNegative()) {
      throw new IllegalArgumentException("hostRequestGap must not be negative: " + hostRequestGap);
    }
    // Off unless asked for (the CLI turns it on): embedding code and tests fetch no pages unawares.
    pages = pages == null ? PageFetchSettings.disabled() : pages;
    if (pages.enabled()) {
      PageFetchSettings.requireContact(fetch.userAgent());
    }
  }

  /** The first-cut form: the schedule around {@code interval}, polite host limits. */
  public IngestConfig(
      String bootstrapServers,
      Path feedList,
      Duration interval,
      FetchSettings fetch,
      int pollThreads,
      int recentItemLimit,
      Map<String, String> clientProperties) {
    this(
        bootstrapServers,
        feedList,
        interval,
        fetch,
        pollThreads,
        recentItemLimit,
        clientProperties,
        null,
        DEFAULT_MAX_FETCHES_PER_HOST,
        DEFAULT_HOST_REQUEST_GAP,
        null);
  }

  /** Default fetch settings (User-Agent {@value FetchSettings#DEFAULT_USER_AGENT}), 4 threads. */
  public static IngestConfig of(
      String bootstrapServers,
      Path feedList,
      Duration interval,
      Map<String, String> clientProperties) {
    return new IngestConfig(
        bootstrapServers,
        feedList,
        interval,
        FetchSettings.defaults(),
        DEFAULT_POLL_THREADS,
        FeedPoller.DEFAULT_RECENT_ITEM_LIMIT,
        clientProperties);
  }

  public String userAgent() {
    return fetch.userAgent();
  }

  public IngestConfig withUserAgent(String userAgent) {
    return withFetch(fetch.withUserAgent(userAgent));
  }

  public IngestConfig withFetch(FetchSettings settings) {
    return new IngestConfig(
        bootstrapServers,
        feedList,
        interval,
        settings,
        pollThreads,
        recentItemLimit,
        clientProperties,
        schedule,
        maxFetchesPerHost,
        hostRequestGap,
        pages);
  }

  public IngestConfig withPollThreads(int threads) {
    return new IngestConfig(
        bootstrapServers,
        feedList,
        interval,
        fetch,
        threads,
        recentItemLimit,
        clientProperties,
        schedule,
        maxFetchesPerHost,
        hostRequestGap,
        pages);
  }

  /** With other scheduling bounds, e.g. {@code SchedulePolicy.fixed(interval, maxBackoff)}. */
  public IngestConfig withSchedule(SchedulePolicy policy) {
    return new IngestConfig(
        bootstrapServers,
        feedList,
        interval,
        fetch,
        pollThreads,
        recentItemLimit,
        clientProperties,
        policy,
        maxFetchesPerHost,
        hostRequestGap,
        pages);
  }

  /** With other per-host limits (a gap of zero disables the rate limit). */
  public IngestConfig withHostLimits(int maxPerHost, Duration requestGap) {
    return new IngestConfig(
        bootstrapServers,
        feedList,
        interval,
        fetch,
        pollThreads,
        recentItemLimit,
        clientProperties,
        schedule,
        maxPerHost,
        requestGap,
        pages);
  }

  /** With other article-page settings ({@link PageFetchSettings#disabled()} turns them off). */
  public IngestConfig withPages(PageFetchSettings settings) {
    return new IngestConfig(
        bootstrapServers,
        feedList,
        interval,
        fetch,
        pollThreads,
        recentItemLimit,
        clientProperties,
        schedule,
        maxFetchesPerHost,
        hostRequestGap,
        settings);
  }
}
