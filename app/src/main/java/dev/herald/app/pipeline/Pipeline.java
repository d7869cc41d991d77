package dev.herald.app.pipeline;

import dev.herald.enrich.EnrichConfig;
import dev.herald.enrich.EnrichService;
import dev.herald.enrich.EnrichTopology;
import dev.herald.ingest.IngestConfig;
import dev.herald.ingest.IngestService;
import dev.herald.ingest.feeds.FeedListException;
import dev.herald.ingest.feeds.FeedListReader;
import dev.herald.ingest.registry.RegistryFeedSource;
import dev.herald.nlp.schedule.ScheduleDetector;
import dev.herald.schemas.SchemaPublisher;
import dev.herald.schemas.Topics;
import dev.herald.sink.AlertSink;
import dev.herald.sink.SinkConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** All of Herald's stages in one process: ingest, enrich and sink against one cluster. */
public final class Pipeline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private final String bootstrapServers;
  private final Map<String, String> clientProps;
  private final Admin admin;
  private final IngestService ingest;
  private final EnrichService enrich;
  private final AlertSink sink;

  private Pipeline(
      String bootstrapServers,
      Map<String, String> clientProps,
      Admin admin,
      IngestService ingest,
      EnrichService enrich,
      AlertSink sink) {
    this.bootstrapServers = bootstrapServers;
    this.clientProps = clientProps;
    this.admin = admin;
    this.ingest = ingest;
    this.enrich = enrich;
    this.sink = sink;
  }

  /**
   * Creates the topics, publishes the schemas, imports the feed list (when the config has one) into
   * the feed registry, starts ingest on the registry (consumer group {@value
   * RegistryFeedSource#DEFAULT_GROUP}) and starts the enrich application.
   *
   * @throws IllegalArgumentException when the feed list is unreadable or has bad entries (checked
   *     before anything starts)
   */
  public static Pipeline start(
      IngestConfig ingestConfig, EnrichConfig enrichConfig, SinkConfig sinkConfig)
      throws InterruptedException {
    return start(ingestConfig, RegistryFeedSource.DEFAULT_GROUP, enrichConfig, sinkConfig);
  }

  /** As {@link #start(IngestConfig, EnrichConfig, SinkConfig)}, ingest in group {@code group}. */
  public static Pipeline start(
      IngestConfig ingestConfig, String group, EnrichConfig enrichConfig, SinkConfig sinkConfig)
      throws InterruptedException {
    // The feed list is read first: a bad list fails before anything starts.
    checkFeedList(ingestConfig.feedList());
    String bootstrap = enrichConfig.bootstrapServers();
    Map<String, String> clientProps = enrichConfig.extraProperties();
    Admin admin = Admin.create(clientConfig(bootstrap, clientProps));
    IngestService ingest;
    try {
      List<String> created = TopicSetup.ensureTopics(admin);
      if (!created.isEmpty()) {
        LOG.info("Created topics {}", created);
      }
      publishSchemas(bootstrap, clientProps);
      // The list becomes an import: the registry (herald.feeds) is what every instance polls.
      ingest = IngestService.withRegistry(ingestConfig, group);
    } catch (RuntimeException | InterruptedException e) {
      closeQuietly(admin);
      throw e;
    }
    EnrichService enrich =
        new EnrichService(enrichConfig, ScheduleDetector.standard(), Clock.systemUTC());
    enrich.start();
    AlertSink sink = new AlertSink(sinkConfig);
    return new Pipeline(bootstrap, clientProps, admin, ingest, enrich, sink);
  }

  private static void checkFeedList(Path feedList) {
    if (feedList == null) {
      return;
    }
    try {
      new FeedListReader().read(feedList);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read feed list " + feedList + ": " + e, e);
    } catch (FeedListException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  static Map<String, Object> clientConfig(String bootstrap, Map<String, String> clientProps) {
    Map<String, Object> p = new HashMap<>(clientProps);
    p.put("bootstrap.servers", bootstrap);
    return p;
  }

  static void publishSchemas(String bootstrap, Map<String, String> clientProps) {
    SchemaPublisher.publish(clientConfig(bootstrap, clientProps));
  }

  public IngestService ingest() {
    return ingest;
  }

  public EnrichService enrich() {
    return enrich;
  }

  public AlertSink sink() {
    return sink;
  }

  /** Waits until the enrich application is RUNNING. */
  public void awaitEnrichRunning(Duration timeout) throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (enrich.state() != KafkaStreams.State.RUNNING) {
      if (enrich.state() == KafkaStreams.State.ERROR
          || enrich.state() == KafkaStreams.State.NOT_RUNNING) {
        throw new IllegalStateException("Enrich application stopped: " + enrich.state());
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("Enrich application not running after " + timeout);
      }
      Thread.sleep(100);
    }
  }

  /**
   * Runs the sink until every stage has consumed everything it can read, twice in a row (so that a
   * transaction committing between two checks is not missed).
   */
  public void drain(Duration timeout) throws InterruptedException, TimeoutException {
    String appId = enrich.config().applicationId();
    List<String> enrichInputs =
        IdleProbe.streamsInputTopics(
            appId, List.of(Topics.ARTICLES_RAW.name()), EnrichTopology.REPARTITIONS);
    long deadline = System.nanoTime() + timeout.toNanos();
    int idleChecks = 0;
    try (IdleProbe probe = new IdleProbe(admin, bootstrapServers, clientProps)) {
      while (idleChecks < 2) {
        if (System.nanoTime() > deadline) {
          throw new TimeoutException("Pipeline still busy after " + timeout);
        }
        sink.pollOnce(Duration.ofMillis(300));
        long t0 = System.nanoTime();
        boolean idle =
            probe.isDrained(appId, enrichInputs)
                && probe.isDrained(sink.groupId(), List.of(Topics.ALERTS.name()));
        idleChecks = idle ? idleChecks + 1 : 0;
        LOG.debug("idle check: {} in {} ms", idle, (System.nanoTime() - t0) / 1_000_000);
      }
    }
  }

  @Override
  public void close() {
    closeQuietly(ingest);
    closeQuietly(sink);
    closeQuietly(enrich);
    closeQuietly(admin);
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      LOG.warn("Error while closing {}", c.getClass().getSimpleName(), e);
    }
  }
}
