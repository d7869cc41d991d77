package dev.herald.ingest;

import dev.herald.ingest.fetch.FetchSettings;
import dev.herald.ingest.poll.FeedPoller;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the ingest service. Built by the CLI from flags and the environment; the service
 * itself never reads the environment.
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param feedList the feed list file (plain text or OPML)
 * @param interval how often each feed is polled
 * @param fetch HTTP settings, the User-Agent among them
 * @param pollThreads feeds fetched at the same time
 * @param recentItemLimit article ids remembered per feed so a re-poll publishes nothing old
 * @param clientProperties extra Kafka client properties (security, timeouts), passed as they are
 */
public record IngestConfig(
    String bootstrapServers,
    Path feedList,
    Duration interval,
    FetchSettings fetch,
    int pollThreads,
    int recentItemLimit,
    Map<String, String> clientProperties) {

  public static final int DEFAULT_POLL_THREADS = 4;

  public IngestConfig {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(feedList, "feedList");
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
        clientProperties);
  }

  public IngestConfig withPollThreads(int threads) {
    return new IngestConfig(
        bootstrapServers, feedList, interval, fetch, threads, recentItemLimit, clientProperties);
  }
}
