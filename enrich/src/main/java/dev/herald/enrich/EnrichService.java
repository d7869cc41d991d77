package dev.herald.enrich;

import dev.herald.nlp.schedule.ScheduleDetector;
import dev.herald.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the enrich topology as a Kafka Streams application. */
public final class EnrichService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EnrichService.class);

  private final EnrichConfig config;
  private final EnrichMetrics metrics = new EnrichMetrics();
  private final KafkaStreams streams;

  public EnrichService(EnrichConfig config, ScheduleDetector detector, Clock clock) {
    this.config = config;
    Topology topology = EnrichTopology.build(config, detector, metrics, clock);
    Properties props = streamsProperties(config);
    // The handler counts its dead letters with this instance's metrics.
    props.put(DeadLetterDeserializationHandler.METRICS_CONFIG, metrics);
    this.streams = new KafkaStreams(topology, props);
    streams.setUncaughtExceptionHandler(
        e -> {
          LOG.error("Enrich stream thread failed; replacing it", e);
          return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    streams.setStateListener(
        (now, before) -> LOG.info("Enrich application state {} -> {}", before, now));
  }

  /** Kafka Streams properties for a configuration: Herald's settings, then pass-through extras. */
  public static Properties streamsProperties(EnrichConfig config) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.processingGuarantee());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, EnrichConfig.COMMIT_INTERVAL_MS);
    if (config.stateDir() != null) {
      p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
    }
    // Herald's topics are created up front; internal topics follow the broker's default
    // replication.
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
    p.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
    // Undecodable bytes on a repartition topic become dead letters instead of stopping the thread.
    p.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterDeserializationHandler.class.getName());
    p.putAll(config.extraProperties());
    return p;
  }

  /** Creates the fingerprint topic when it is missing, then starts the application. */
  public void start() {
    ensureFingerprintTopic(config);
    streams.start();
  }

  /**
   * Creates the application's fingerprint topic ({@link Topics#dedupeFingerprints}) when it is
   * missing: as many partitions as herald.articles.raw (a task's fingerprints then go to one
   * partition, whose last stable offset each commit moves), replicated like Herald's topics, delete
   * cleanup with a retention one day over the dedupe retention (a restore replays at most that
   * much) and one-day segments so that old records do leave.
   */
  public static void ensureFingerprintTopic(EnrichConfig config) {
    Properties props = new Properties();
    config.extraProperties().entrySet().stream()
        .filter(e -> AdminClientConfig.configNames().contains(e.getKey()))
        .forEach(e -> props.put(e.getKey(), e.getValue()));
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    String name = Topics.dedupeFingerprints(config.applicationId()).name();
    try (Admin admin = Admin.create(props)) {
      Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
      if (existing.contains(name)) {
        return;
      }
      int brokers = admin.describeCluster().nodes().get(60, TimeUnit.SECONDS).size();
      short replication = (short) Math.max(1, Math.min(3, brokers));
      String raw = Topics.ARTICLES_RAW.name();
      int partitions =
          existing.contains(raw)
              ? admin
                  .describeTopics(List.of(raw))
                  .allTopicNames()
                  .get(60, TimeUnit.SECONDS)
                  .get(raw)
                  .partitions()
                  .size()
              : Topics.ARTICLES_RAW.partitions();
      long retentionMs = config.dedupeRetention().plus(Duration.ofDays(1)).toMillis();
      long segmentMs = Math.min(Duration.ofDays(1).toMillis(), config.dedupeRetention().toMillis());
      NewTopic topic =
          new NewTopic(name, partitions, replication)
              .configs(
                  Map.of(
                      TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                      TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMs),
                      TopicConfig.SEGMENT_MS_CONFIG, Long.toString(segmentMs)));
      try {
        admin.createTopics(List.of(topic)).all().get(60, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException("Cannot create " + name + ": " + e.getCause(), e);
        }
      }
      awaitInSync(admin, name);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating " + name, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot create " + name + ": " + e, e);
    }
  }

  /**
   * Waits until every partition of a new topic has a leader and all its replicas in sync: a
   * transactional producer writing to a partition some broker does not know yet can stall (as
   * TopicSetup does for Herald's topics).
   */
  private static void awaitInSync(Admin admin, String name)
      throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        var d = admin.describeTopics(List.of(name)).allTopicNames().get(5, TimeUnit.SECONDS);
        boolean inSync =
            d.get(name).partitions().stream()
                .allMatch(p -> p.leader() != null && p.isr().size() == p.replicas().size());
        if (inSync) {
          return;
        }
      } catch (ExecutionException | TimeoutException e) {
        // metadata not there yet
      }
      Thread.sleep(100);
    }
    throw new TimeoutException(name + " not in sync after 60 s");
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  public boolean isRunning() {
    return streams.state() == KafkaStreams.State.RUNNING;
  }

  public EnrichMetrics metrics() {
    return metrics;
  }

  public KafkaStreams streams() {
    return streams;
  }

  public EnrichConfig config() {
    return config;
  }

  @Override
  public void close() {
    streams.close(Duration.ofSeconds(30));
  }
}
