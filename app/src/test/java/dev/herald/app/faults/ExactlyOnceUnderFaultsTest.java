package dev.herald.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.app.faults.NewsArticles.NewsArticle;
import dev.herald.app.pipeline.IdleProbe;
import dev.herald.app.pipeline.TopicSetup;
import dev.herald.avro.EnrichedArticle;
import dev.herald.avro.RawArticle;
import dev.herald.enrich.EnrichConfig;
import dev.herald.enrich.EnrichService;
import dev.herald.enrich.EnrichTopology;
import dev.herald.ingest.IngestConfig;
import dev.herald.ingest.IngestService;
import dev.herald.nlp.schedule.ScheduleDetector;
import dev.herald.schemas.SchemaPublisher;
import dev.herald.schemas.Topics;
import dev.herald.sink.AlertSink;
import dev.herald.sink.SinkConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once under faults on a real three-node KRaft cluster (replication 3, min.insync.replicas
 * 2), with two enrich instances of one application on exactly_once_v2: while a known set of
 * articles flows from RSS files through ingest, enrich and the sink, one enrich instance is killed
 * and replaced, the node coordinating the enrich group is restarted, and ingest and the sink are
 * restarted. Every article must then be enriched exactly once, and every alert the fault-free run
 * raises must be in the sink's file exactly once (and nothing else).
 */
@Tag("faults")
class ExactlyOnceUnderFaultsTest {
  private static final Path REPO = Path.of(System.getProperty("herald.repo.dir", ".."));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int GENERATED_ARTICLES = 47;
  private static final int BATCHES = 4;
  private static final int FEEDS = 3;
  private static final Duration STEP = Duration.ofSeconds(90);
  private static final Duration ALL_DONE = Duration.ofSeconds(150);

  @TempDir Path work;

  private final List<AutoCloseable> open = new ArrayList<>();
  private final long started = System.nanoTime();
  private final ExecutorService sinkThread = Executors.newSingleThreadExecutor();

  @AfterEach
  void closeEverything() {
    for (int i = open.size() - 1; i >= 0; i--) {
      try {
        open.get(i).close();
      } catch (Exception e) {
        // closing after a failure: the first error is the one that matters
      }
    }
    sinkThread.shutdownNow();
  }

  @Test
  void shouldEnrichEveryArticleOnceAndDeliverEachAlertOnceWhenInstancesBrokersAndStagesRestart()
      throws Exception {
    // Given 48 distinct articles (47 written from a fixed seed and the seed article) in four
    // batches over three RSS files
    List<NewsArticle> articles =
        new ArrayList<>(NewsArticles.generate(GENERATED_ARTICLES, 0.6, 9L));
    articles.add(NewsArticles.seedArticle(REPO));
    long designedChanges = articles.stream().filter(NewsArticle::designedChange).count();
    progress("articles written");
    Path feedList = work.resolve("feeds.txt");
    List<Path> feeds = new ArrayList<>();
    for (int f = 0; f < FEEDS; f++) {
      feeds.add(work.resolve("feeds/feed-" + f + ".rss"));
    }
    Files.createDirectories(feeds.get(0).getParent());
    Files.writeString(
        feedList,
        feeds.stream().map(p -> p.toUri().toString()).collect(Collectors.joining("\n")) + "\n");

    // And a three-node cluster, Herald's topics on it, two enrich instances, ingest and the sink
    KafkaCluster cluster = track(KafkaCluster.start(work.resolve("cluster"), 3, Map.of()));
    String bootstrap = cluster.bootstrapServers();
    progress("cluster of 3 nodes up");
    Admin admin = track(cluster.admin());
    // ensureTopics returns once every replica of the new topics is in sync: schemas can go out
    assertThat(TopicSetup.ensureTopics(admin))
        .containsExactlyInAnyOrderElementsOf(Topics.all().stream().map(t -> t.name()).toList());
    publishSchemas(bootstrap);
    assertReplicatedThreeTimesWithTwoInSync(admin, Topics.ARTICLES_RAW.name());
    progress("topics and schemas ready");
    Map<String, String> streamsExtras =
        Map.of(
            "replication.factor", "3",
            // A killed instance's tasks move after its session times out: keep that short.
            "session.timeout.ms", "10000",
            "heartbeat.interval.ms", "1000");
    EnrichConfig enrichA =
        EnrichConfig.defaults(bootstrap, work.resolve("state-a"))
            .withExtraProperties(streamsExtras);
    EnrichConfig enrichB =
        EnrichConfig.defaults(bootstrap, work.resolve("state-b"))
            .withExtraProperties(streamsExtras);
    ScheduleDetector detector = ScheduleDetector.standard();
    EnrichService a = track(startEnrich(enrichA, detector));
    EnrichService b = track(startEnrich(enrichB, detector));
    await().atMost(STEP).until(() -> a.isRunning() && b.isRunning());
    progress("two enrich instances running");
    IngestConfig ingestConfig =
        IngestConfig.of(bootstrap, feedList, Duration.ofMinutes(15), Map.of());
    IngestService ingest = track(new IngestService(ingestConfig));
    Path alertsFile = work.resolve("out/alerts.jsonl");
    SinkConfig sinkConfig = new SinkConfig(bootstrap, "herald-sink", alertsFile, Map.of());
    AlertSink sink = track(new AlertSink(sinkConfig));
    Future<?> sinkRun = sinkThread.submit(sink::run);
    progress("ingest and sink started");

    // When batch 1 flows and one enrich instance is killed and replaced while it is processing
    long published = publishBatch(ingest, feeds, articles, 1);
    progress("batch 1 published");
    await()
        .atMost(STEP)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> enrichedIds(bootstrap).size() > 0);
    progress("first articles enriched");
    b.close();
    progress("enrich instance B killed");
    EnrichService b2 = track(startEnrich(enrichB, detector));
    progress("enrich instance B replaced");

    // And batch 2 flows, then the node coordinating the enrich group stops, batch 3 is published
    // while it is down, and the node comes back
    published += publishBatch(ingest, feeds, articles, 2);
    progress("batch 2 published");
    int coordinator =
        admin
            .describeConsumerGroups(List.of(enrichA.applicationId()))
            .all()
            .get()
            .get(enrichA.applicationId())
            .coordinator()
            .id();
    cluster.stop(coordinator);
    progress("node " + coordinator + " (group coordinator) stopped");
    published += publishBatch(ingest, feeds, articles, 3);
    progress("batch 3 published");
    cluster.start(coordinator);
    progress("node " + coordinator + " back");

    // And ingest and the sink are restarted, the new ingest publishes batch 4 and polls again
    ingest.close();
    sink.close();
    sinkRun.get();
    IngestService ingest2 = track(new IngestService(ingestConfig));
    AlertSink sink2 = track(new AlertSink(sinkConfig));
    sinkThread.submit(sink2::run);
    progress("ingest and sink restarted");
    published += publishBatch(ingest2, feeds, articles, 4);
    long republished = ingest2.pollAllOnce().articlesPublished();
    progress("batch 4 published, feeds polled again");

    // Then every article reached the raw topic, and the fault-free run of the same records says
    // which alerts to expect
    Map<String, RawArticle> raw = firstRawById(bootstrap);
    assertThat(raw).hasSize(articles.size());
    assertThat(published).isEqualTo((long) articles.size());
    assertThat(republished).isZero();
    ReferenceRun reference =
        ReferenceRun.of(List.copyOf(raw.values()), detector, work.resolve("reference"));
    progress("fault-free reference run done");
    List<String> changesWithoutAlert =
        articles.stream()
            .filter(NewsArticle::designedChange)
            .map(NewsArticle::slug)
            .filter(slug -> !alertedGuids(reference, raw).contains(slug))
            .toList();
    progress("written as changes but raising no alert: " + changesWithoutAlert);
    assertThat(reference.enriched()).hasSize(articles.size());
    assertThat(reference.enriched().values())
        .as("no generated article is a near-duplicate of another (the flow is order-free)")
        .allSatisfy(e -> assertThat(e.getDuplicateOf()).isNull());
    assertThat((long) reference.alerts().size())
        .as(
            "alerts of the fault-free run against the %d articles written as changes",
            designedChanges)
        .isGreaterThanOrEqualTo(designedChanges / 2);

    // And once every stage has caught up, each article was enriched exactly once, each expected
    // alert is in the alert topic and in the sink's file exactly once, and there is nothing else
    await()
        .atMost(ALL_DONE)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                enrichedIds(bootstrap).keySet().containsAll(raw.keySet())
                    && alertLines(alertsFile).keySet().containsAll(reference.alerts().keySet()));
    awaitDrained(admin, bootstrap, enrichA.applicationId(), sinkConfig.groupId());
    progress("all stages drained");
    Map<String, Long> enriched = enrichedIds(bootstrap);
    Map<String, Long> alertRecords = alertRecordIds(bootstrap);
    Map<String, Long> lines = alertLines(alertsFile);
    List<ConsumerRecord<String, byte[]>> deadLetters =
        TopicContents.readCommitted(bootstrap, Topics.DLQ.name());
    System.out.printf(
        "faults: articles in %d, enriched %d (distinct %d), dead letters %d, alerts expected %d"
            + " (written as changes %d), alert records %d, sink lines %d%n",
        raw.size(),
        enriched.values().stream().mapToLong(Long::longValue).sum(),
        enriched.size(),
        deadLetters.size(),
        reference.alerts().size(),
        designedChanges,
        alertRecords.values().stream().mapToLong(Long::longValue).sum(),
        lines.values().stream().mapToLong(Long::longValue).sum());
    assertThat(enriched.keySet()).containsExactlyInAnyOrderElementsOf(raw.keySet());
    assertThat(enriched)
        .allSatisfy((id, n) -> assertThat(n).as("enriched records of %s", id).isOne());
    assertThat(deadLetters).isEmpty();
    assertThat(alertRecords.keySet())
        .containsExactlyInAnyOrderElementsOf(reference.alerts().keySet());
    assertThat(alertRecords)
        .allSatisfy((id, n) -> assertThat(n).as("records of alert %s", id).isOne());
    assertThat(lines.keySet()).containsExactlyInAnyOrderElementsOf(reference.alerts().keySet());
    assertThat(lines).allSatisfy((id, n) -> assertThat(n).as("lines of alert %s", id).isOne());
    assertThat(b2.state()).isEqualTo(KafkaStreams.State.RUNNING);
  }

  /** Progress on stdout (the test's report file): what happened when, for the log reader. */
  private void progress(String what) {
    System.out.printf(
        "faults +%.1fs (%s): %s%n", (System.nanoTime() - started) / 1e9, LocalTime.now(), what);
  }

  private <T extends AutoCloseable> T track(T closeable) {
    open.add(closeable);
    return closeable;
  }

  private static EnrichService startEnrich(EnrichConfig config, ScheduleDetector detector) {
    EnrichService service = new EnrichService(config, detector, Clock.systemUTC());
    service.start();
    return service;
  }

  /** Rewrites every feed file with the articles of batches 1..{@code batch}, then polls. */
  private static long publishBatch(
      IngestService ingest, List<Path> feeds, List<NewsArticle> articles, int batch)
      throws IOException {
    int upTo = (int) Math.ceil(articles.size() * (double) batch / BATCHES);
    for (int f = 0; f < feeds.size(); f++) {
      List<NewsArticle> items = new ArrayList<>();
      for (int i = f; i < upTo; i += feeds.size()) {
        items.add(articles.get(i));
      }
      FeedFiles.writeRss(feeds.get(f), "Fault-test wire " + f, items);
    }
    return ingest.pollAllOnce().articlesPublished();
  }

  private static void publishSchemas(String bootstrap) {
    SchemaPublisher.publish(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }

  /** The durability this test is about: three replicas, two of which must take each write. */
  private static void assertReplicatedThreeTimesWithTwoInSync(Admin admin, String topic)
      throws Exception {
    var description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
    assertThat(description.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
    var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
    assertThat(config.get("min.insync.replicas").value()).isEqualTo("2");
  }

  /** The feed guids (the article slugs) of the articles an expected alert cites. */
  private static Set<String> alertedGuids(ReferenceRun reference, Map<String, RawArticle> raw) {
    return reference.alerts().values().stream()
        .flatMap(a -> a.getEvidence().stream())
        .map(e -> raw.get(e.getArticleId()))
        .filter(Objects::nonNull)
        .map(RawArticle::getGuid)
        .collect(Collectors.toSet());
  }

  /** The first raw record of each article id, in topic order per partition. */
  private static Map<String, RawArticle> firstRawById(String bootstrap) {
    var deserializer = Topics.ARTICLES_RAW.valueSerde().deserializer();
    Map<String, RawArticle> out = new LinkedHashMap<>();
    for (var r : TopicContents.readCommitted(bootstrap, Topics.ARTICLES_RAW.name())) {
      out.putIfAbsent(r.key(), deserializer.deserialize(r.topic(), r.value()));
    }
    return out;
  }

  /** Committed enriched records per article id. */
  private static Map<String, Long> enrichedIds(String bootstrap) {
    var deserializer = Topics.ARTICLES_ENRICHED.valueSerde().deserializer();
    return TopicContents.readCommitted(bootstrap, Topics.ARTICLES_ENRICHED.name()).stream()
        .map(r -> deserializer.deserialize(r.topic(), r.value()))
        .map(EnrichedArticle::getArticle)
        .collect(Collectors.groupingBy(RawArticle::getId, Collectors.counting()));
  }

  /** Committed alert records per alert id. */
  private static Map<String, Long> alertRecordIds(String bootstrap) {
    return TopicContents.readCommitted(bootstrap, Topics.ALERTS.name()).stream()
        .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
  }

  /** Lines of the sink's file per alert id. */
  private static Map<String, Long> alertLines(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Map.of();
    }
    return Files.readAllLines(file).stream()
        .filter(l -> !l.isBlank())
        .map(ExactlyOnceUnderFaultsTest::alertIdOf)
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  private static String alertIdOf(String line) {
    try {
      return JSON.readTree(line).path("alertId").asText();
    } catch (IOException e) {
      throw new UncheckedIOException("Not a JSON line: " + line, e);
    }
  }

  /** Waits until enrich and the sink have read everything there is to read, twice in a row. */
  private static void awaitDrained(Admin admin, String bootstrap, String appId, String sinkGroup) {
    List<String> enrichInputs =
        IdleProbe.streamsInputTopics(
            appId, List.of(Topics.ARTICLES_RAW.name()), EnrichTopology.REPARTITIONS);
    try (IdleProbe probe = new IdleProbe(admin, bootstrap, Map.of())) {
      int[] idle = {0};
      await()
          .atMost(STEP)
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                boolean now =
                    probe.isDrained(appId, enrichInputs)
                        && probe.isDrained(sinkGroup, List.of(Topics.ALERTS.name()));
                idle[0] = now ? idle[0] + 1 : 0;
                return idle[0] >= 2;
              });
    }
  }
}
