package dev.herald.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.app.broker.EmbeddedKafka;
import dev.herald.app.faults.NewsArticles.NewsArticle;
import dev.herald.app.pipeline.IdleProbe;
import dev.herald.app.pipeline.TopicSetup;
import dev.herald.avro.DeadLetter;
import dev.herald.avro.EnrichedArticle;
import dev.herald.avro.FeedState;
import dev.herald.avro.RawArticle;
import dev.herald.enrich.EnrichConfig;
import dev.herald.enrich.EnrichService;
import dev.herald.enrich.EnrichTopology;
import dev.herald.nlp.schedule.ScheduleDetector;
import dev.herald.schemas.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed bytes on the topics the enrich application reads go to herald.dlq with the cause, and
 * the topology keeps running: good records written after the poison are still enriched, and the
 * counts reconcile (records in = enriched + dead letters + repeats + tombstones).
 */
@Tag("faults")
class PoisonRecordsTest {
  private static final Duration STEP = Duration.ofSeconds(90);
  private static final ScheduleDetector DETECTOR = ScheduleDetector.standard();

  // One broker and one enrich instance for the class: each test writes its own ids (a prefix per
  // test), reads back only those, and counts metrics as differences.
  @TempDir static Path work;

  private static EmbeddedKafka kafka;
  private static Admin admin;
  private static EnrichService enrich;
  private static KafkaProducer<String, byte[]> producer;

  @BeforeAll
  static void startBrokerAndEnrich() {
    kafka = EmbeddedKafka.start(work.resolve("kafka"), 0);
    Map<String, Object> p = new HashMap<>();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    admin = Admin.create(p);
    try {
      TopicSetup.ensureTopics(admin);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    enrich =
        new EnrichService(
            EnrichConfig.defaults(kafka.bootstrapServers(), work.resolve("state")),
            DETECTOR,
            Clock.systemUTC());
    enrich.start();
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    await().atMost(STEP).until(enrich::isRunning);
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {producer, enrich, admin, kafka}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // the test's own failure is the one to report
      }
    }
  }

  @Test
  void shouldDeadLetterMalformedRawRecordsWithTheirCauseAndKeepEnrichingTheGoodOnes()
      throws Exception {
    // Given good articles, and malformed values of every kind, interleaved on the raw topic
    long deadBefore = enrich.metrics().deadLetters();
    long repeatsBefore = enrich.metrics().repeats();
    List<NewsArticle> written = NewsArticles.generate(10, 0.5, 21L);
    var serializer = Topics.ARTICLES_RAW.valueSerde().serializer();
    String raw = Topics.ARTICLES_RAW.name();
    Map<String, byte[]> good = new LinkedHashMap<>();
    for (NewsArticle a : written) {
      String id = "raw-good-" + a.slug();
      good.put(id, serializer.serialize(raw, FeedFiles.raw(id, a)));
    }
    Map<String, byte[]> poison = new LinkedHashMap<>();
    poisonValues(good.values().iterator().next(), new Random(7))
        .forEach((name, bytes) -> poison.put("raw-" + name, bytes));
    List<String> goodIds = new ArrayList<>(good.keySet());

    // When the first half of the good articles, every poison value, a tombstone, a repeat of a
    // good article and then the second half are written
    for (String id : goodIds.subList(0, 5)) {
      send(raw, id, good.get(id));
    }
    Map<String, RecordMetadata> poisonAt = new LinkedHashMap<>();
    for (var e : poison.entrySet()) {
      poisonAt.put(e.getKey(), send(raw, e.getKey(), e.getValue()));
    }
    send(raw, "raw-tombstone", null);
    send(raw, goodIds.get(0), good.get(goodIds.get(0)));
    for (String id : goodIds.subList(5, goodIds.size())) {
      send(raw, id, good.get(id));
    }
    int recordsIn = good.size() + poison.size() + 2;

    // Then every good article is enriched once, after the poison as before it
    String bootstrap = kafka.bootstrapServers();
    await()
        .atMost(STEP)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> enrichedIds(bootstrap, "raw-").keySet().containsAll(goodIds));
    awaitDrained(bootstrap);
    Map<String, Long> enriched = enrichedIds(bootstrap, "raw-");
    assertThat(enriched.keySet()).containsExactlyInAnyOrderElementsOf(goodIds);
    assertThat(enriched).allSatisfy((id, n) -> assertThat(n).as("records of %s", id).isOne());

    // And each poison value is one dead letter with its place, bytes and cause
    Map<String, DeadLetter> dead = deadLetters(bootstrap, "raw-");
    assertThat(dead.keySet()).containsExactlyInAnyOrderElementsOf(poison.keySet());
    assertThat(dead)
        .allSatisfy(
            (key, letter) -> {
              assertThat(letter.getTopic()).isEqualTo(raw);
              assertThat(letter.getPartition()).isEqualTo(poisonAt.get(key).partition());
              assertThat(letter.getOffset()).isEqualTo(poisonAt.get(key).offset());
              assertThat(bytes(letter.getValue())).isEqualTo(poison.get(key));
              assertThat(letter.getErrorClass()).isNotBlank();
              assertThat(letter.getCause()).as("cause of %s", key).isNotBlank();
            });

    // And the counts reconcile, and the application is still running
    long enrichedRecords = enriched.values().stream().mapToLong(Long::longValue).sum();
    long tombstones = 1;
    long repeats = enrich.metrics().repeats() - repeatsBefore;
    System.out.printf(
        "poison: records in %d, enriched %d, dead letters %d, repeats %d, tombstones %d%n",
        recordsIn, enrichedRecords, dead.size(), repeats, tombstones);
    dead.forEach(
        (k, l) -> System.out.printf("poison: %s -> %s: %s%n", k, l.getErrorClass(), l.getCause()));
    assertThat(enrichedRecords + dead.size() + repeats + tombstones).isEqualTo(recordsIn);
    assertThat(enrich.metrics().deadLetters() - deadBefore).isEqualTo(dead.size());
    assertThat(enrich.state()).isEqualTo(KafkaStreams.State.RUNNING);
  }

  @Test
  void shouldDeadLetterARawRecordWithoutAKeyAndKeepEnrichingTheGoodOnes() throws Exception {
    // Given good articles, and one well-formed article written without a key between them
    long deadBefore = enrich.metrics().deadLetters();
    List<NewsArticle> written = NewsArticles.generate(5, 0.5, 23L);
    var serializer = Topics.ARTICLES_RAW.valueSerde().serializer();
    String raw = Topics.ARTICLES_RAW.name();
    List<String> goodIds = new ArrayList<>();
    for (NewsArticle a : written.subList(0, 4)) {
      goodIds.add("keyless-good-" + a.slug());
    }
    byte[] keyless = serializer.serialize(raw, FeedFiles.raw("keyless", written.get(4)));

    // When the keyless record comes after the first good article and before the others
    send(
        raw,
        goodIds.get(0),
        serializer.serialize(raw, FeedFiles.raw(goodIds.get(0), written.get(0))));
    RecordMetadata at = send(raw, null, keyless);
    for (int i = 1; i < goodIds.size(); i++) {
      send(
          raw,
          goodIds.get(i),
          serializer.serialize(raw, FeedFiles.raw(goodIds.get(i), written.get(i))));
    }

    // Then the good articles are enriched, and the keyless record is one dead letter
    String bootstrap = kafka.bootstrapServers();
    await()
        .atMost(STEP)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> enrichedIds(bootstrap, "keyless-").keySet().containsAll(goodIds));
    awaitDrained(bootstrap);
    List<DeadLetter> dead =
        TopicContents.readCommitted(bootstrap, Topics.DLQ.name()).stream()
            .filter(r -> r.key() == null)
            .map(r -> Topics.DLQ.valueSerde().deserializer().deserialize(r.topic(), r.value()))
            .toList();
    assertThat(dead)
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(letter.getOffset()).isEqualTo(at.offset());
              assertThat(letter.getPartition()).isEqualTo(at.partition());
              assertThat(bytes(letter.getValue())).isEqualTo(keyless);
              assertThat(letter.getCause()).isNotBlank();
            });
    Map<String, Long> enriched = enrichedIds(bootstrap, "keyless-");
    assertThat(enriched.keySet()).containsExactlyInAnyOrderElementsOf(goodIds);
    assertThat(enriched).allSatisfy((id, n) -> assertThat(n).as("records of %s", id).isOne());

    // And the counts reconcile: records in = enriched + dead letters
    assertThat(enriched.size() + dead.size()).isEqualTo(goodIds.size() + 1);
    assertThat(enrich.metrics().deadLetters() - deadBefore).isOne();
    assertThat(enrich.state()).isEqualTo(KafkaStreams.State.RUNNING);
  }

  @Test
  void shouldDeadLetterMalformedRecordsOnEveryRepartitionTopicAndKeepEnriching() throws Exception {
    // Given one good article enriched, so every internal topic exists
    List<NewsArticle> written = NewsArticles.generate(6, 0.5, 25L);
    var serializer = Topics.ARTICLES_RAW.valueSerde().serializer();
    String raw = Topics.ARTICLES_RAW.name();
    String bootstrap = kafka.bootstrapServers();
    send(raw, "rep-good-0", serializer.serialize(raw, FeedFiles.raw("rep-good-0", written.get(0))));
    await()
        .atMost(STEP)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> enrichedIds(bootstrap, "rep-").containsKey("rep-good-0"));

    // When malformed bytes land on each repartition topic, and more good articles follow
    String appId = enrich.config().applicationId();
    Map<String, RecordMetadata> poisonAt = new LinkedHashMap<>();
    byte[] noise = new byte[32];
    new Random(11).nextBytes(noise);
    for (String name : EnrichTopology.REPARTITIONS) {
      String topic = appId + "-" + name + "-repartition";
      poisonAt.put("rep-poison-" + name, send(topic, "rep-poison-" + name, noise));
    }
    List<String> goodIds = new ArrayList<>(List.of("rep-good-0"));
    for (int i = 1; i < written.size(); i++) {
      String id = "rep-good-" + i;
      goodIds.add(id);
      send(raw, id, serializer.serialize(raw, FeedFiles.raw(id, written.get(i))));
    }

    // Then the good articles are enriched, and each poison record is one dead letter
    await()
        .atMost(STEP)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> enrichedIds(bootstrap, "rep-").keySet().containsAll(goodIds));
    awaitDrained(bootstrap);
    Map<String, DeadLetter> dead = deadLetters(bootstrap, "rep-");
    assertThat(dead.keySet()).containsExactlyInAnyOrderElementsOf(poisonAt.keySet());
    assertThat(dead)
        .allSatisfy(
            (key, letter) -> {
              assertThat(letter.getStage()).isEqualTo("enrich.deserialize");
              assertThat(letter.getTopic()).isEqualTo(poisonAt.get(key).topic());
              assertThat(letter.getPartition()).isEqualTo(poisonAt.get(key).partition());
              assertThat(letter.getOffset()).isEqualTo(poisonAt.get(key).offset());
              assertThat(bytes(letter.getValue())).isEqualTo(noise);
              assertThat(letter.getCause()).isNotBlank();
            });
    Map<String, Long> enriched = enrichedIds(bootstrap, "rep-");
    assertThat(enriched.keySet()).containsExactlyInAnyOrderElementsOf(goodIds);
    assertThat(enriched).allSatisfy((id, n) -> assertThat(n).as("records of %s", id).isOne());
    assertThat(enrich.state()).isEqualTo(KafkaStreams.State.RUNNING);
  }

  /**
   * Malformed values, by name: what a wrong producer, a bit rot or another record type puts on a
   * topic.
   */
  static Map<String, byte[]> poisonValues(byte[] goodValue, Random random) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    out.put("poison-empty", new byte[0]);
    byte[] noise = new byte[64];
    random.nextBytes(noise);
    out.put("poison-random-bytes", noise);
    out.put(
        "poison-json-text",
        "{\"id\":\"x\",\"title\":\"not Avro\",\"text\":\"plain JSON\"}"
            .getBytes(StandardCharsets.UTF_8));
    out.put("poison-header-only", Arrays.copyOf(goodValue, 10));
    out.put("poison-truncated-body", Arrays.copyOf(goodValue, goodValue.length / 2));
    byte[] unknownSchema = goodValue.clone();
    unknownSchema[5] ^= 0x5A; // a fingerprint byte: a schema no Herald version wrote
    out.put("poison-unknown-fingerprint", unknownSchema);
    byte[] hugeLength = Arrays.copyOf(goodValue, 15);
    System.arraycopy(
        new byte[] {(byte) 0xFE, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F},
        0,
        hugeLength,
        10,
        5);
    out.put("poison-huge-string-length", hugeLength);
    FeedState other =
        FeedState.newBuilder().setUrl("file:///elsewhere.rss").setFetchCount(1).build();
    out.put(
        "poison-other-record-type",
        Topics.FEED_STATE.valueSerde().serializer().serialize("x", other));
    return out;
  }

  private static RecordMetadata send(String topic, String key, byte[] value) throws Exception {
    return producer.send(new ProducerRecord<>(topic, key, value)).get();
  }

  /** Committed enriched records per article id, for the ids starting with {@code prefix}. */
  private static Map<String, Long> enrichedIds(String bootstrap, String prefix) {
    var deserializer = Topics.ARTICLES_ENRICHED.valueSerde().deserializer();
    return TopicContents.readCommitted(bootstrap, Topics.ARTICLES_ENRICHED.name()).stream()
        .map(r -> deserializer.deserialize(r.topic(), r.value()))
        .map(EnrichedArticle::getArticle)
        .filter(a -> a.getId().startsWith(prefix))
        .collect(Collectors.groupingBy(RawArticle::getId, Collectors.counting()));
  }

  /** Committed dead letters by key, for the keys starting with {@code prefix}. */
  private static Map<String, DeadLetter> deadLetters(String bootstrap, String prefix) {
    var deserializer = Topics.DLQ.valueSerde().deserializer();
    Map<String, DeadLetter> out = new LinkedHashMap<>();
    for (ConsumerRecord<String, byte[]> r :
        TopicContents.readCommitted(bootstrap, Topics.DLQ.name())) {
      if (r.key() == null || !r.key().startsWith(prefix)) {
        continue;
      }
      DeadLetter previous = out.put(r.key(), deserializer.deserialize(r.topic(), r.value()));
      assertThat(previous).as("dead letters of %s", r.key()).isNull();
    }
    return out;
  }

  private static void awaitDrained(String bootstrap) {
    String appId = enrich.config().applicationId();
    List<String> inputs =
        IdleProbe.streamsInputTopics(
            appId, List.of(Topics.ARTICLES_RAW.name()), EnrichTopology.REPARTITIONS);
    try (IdleProbe probe = new IdleProbe(admin, bootstrap, Map.of())) {
      await()
          .atMost(STEP)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> probe.isDrained(appId, inputs));
    }
  }

  private static byte[] bytes(ByteBuffer b) {
    if (b == null) {
      return null;
    }
    ByteBuffer copy = b.duplicate();
    byte[] out = new byte[copy.remaining()];
    copy.get(out);
    return out;
  }
}
