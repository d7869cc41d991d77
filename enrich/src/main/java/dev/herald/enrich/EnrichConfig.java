package dev.herald.enrich;

import dev.herald.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Configuration of the enrich application. Built and validated by the CLI; nothing here reads the
 * environment.
 *
 * @param applicationId Kafka Streams application id (consumer group and internal topic prefix)
 * @param bootstrapServers the Kafka cluster
 * @param processingGuarantee {@code exactly_once_v2} (default) or {@code at_least_once}
 * @param dedupeRetention how long an article's id and fingerprint are remembered for dedupe
 * @param eventRetention how long an event nobody mentions any more is kept in the schedule store
 * @param stateDir where Kafka Streams keeps its local state
 * @param streamThreads stream threads in this instance
 * @param extraProperties more client and Streams properties (security, tuning), passed through
 */
public record EnrichConfig(
    String applicationId,
    String bootstrapServers,
    String processingGuarantee,
    Duration dedupeRetention,
    Duration eventRetention,
    Path stateDir,
    int streamThreads,
    Map<String, String> extraProperties) {

  public static final String DEFAULT_APPLICATION_ID = "herald-enrich";

  /**
   * Kafka Streams' commit interval for the enrich application (Streams' default under exactly-once
   * is 100 ms). Each commit is a transaction per stream thread: markers on every partition it
   * wrote, offsets, a fresh cache flush. At 200 ms there are half as many, and an alert, two
   * sub-topologies from its article, waits at most about two intervals for them (publish-to-alert
   * p99 stays well under 1 s at 50 articles/s; docs/performance.md). {@code
   * KAFKA_COMMIT_INTERVAL_MS} overrides it.
   */
  public static final long COMMIT_INTERVAL_MS = 200;

  public EnrichConfig {
    Objects.requireNonNull(applicationId, "applicationId");
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    extraProperties = Map.copyOf(extraProperties);
  }

  /** Defaults for a cluster at {@code bootstrapServers}. */
  public static EnrichConfig defaults(String bootstrapServers, Path stateDir) {
    return new EnrichConfig(
        DEFAULT_APPLICATION_ID,
        bootstrapServers,
        "exactly_once_v2",
        Duration.ofDays(7),
        Duration.ofDays(60),
        stateDir,
        defaultStreamThreads(),
        Map.of());
  }

  /**
   * One stream thread per core, at most one per raw-article partition: the topology is CPU-bound
   * (tagging), and on 2 cores a second thread raised `herald bench` from 150 to 198 articles/s
   * (docs/performance.md). {@code KAFKA_NUM_STREAM_THREADS} overrides it.
   */
  static int defaultStreamThreads() {
    return Math.max(
        1, Math.min(Runtime.getRuntime().availableProcessors(), Topics.ARTICLES_RAW.partitions()));
  }

  /** Every problem with this configuration, empty when it is valid. */
  public List<String> problems() {
    List<String> p = new ArrayList<>();
    if (applicationId.isBlank()) {
      p.add("enrich application id must not be blank");
    }
    if (bootstrapServers.isBlank()) {
      p.add("bootstrap servers must not be blank");
    }
    if (!List.of("exactly_once_v2", "at_least_once").contains(processingGuarantee)) {
      p.add(
          "processing guarantee must be exactly_once_v2 or at_least_once, not "
              + processingGuarantee);
    }
    if (dedupeRetention == null || dedupeRetention.isNegative() || dedupeRetention.isZero()) {
      p.add("dedupe retention must be positive, not " + dedupeRetention);
    }
    if (eventRetention == null || eventRetention.isNegative() || eventRetention.isZero()) {
      p.add("event retention must be positive, not " + eventRetention);
    }
    if (streamThreads < 1) {
      p.add("stream threads must be at least 1, not " + streamThreads);
    }
    return p;
  }

  public EnrichConfig withProcessingGuarantee(String guarantee) {
    return new EnrichConfig(
        applicationId,
        bootstrapServers,
        guarantee,
        dedupeRetention,
        eventRetention,
        stateDir,
        streamThreads,
        extraProperties);
  }

  public EnrichConfig withExtraProperties(Map<String, String> extra) {
    return new EnrichConfig(
        applicationId,
        bootstrapServers,
        processingGuarantee,
        dedupeRetention,
        eventRetention,
        stateDir,
        streamThreads,
        extra);
  }

  public EnrichConfig withStreamThreads(int threads) {
    return new EnrichConfig(
        applicationId,
        bootstrapServers,
        processingGuarantee,
        dedupeRetention,
        eventRetention,
        stateDir,
        threads,
        extraProperties);
  }

  public EnrichConfig withApplicationId(String id) {
    return new EnrichConfig(
        id,
        bootstrapServers,
        processingGuarantee,
        dedupeRetention,
        eventRetention,
        stateDir,
        streamThreads,
        extraProperties);
  }
}
