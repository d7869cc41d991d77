package dev.herald.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.app.broker.EmbeddedKafka;
import dev.herald.app.pipeline.TopicSetup;
import dev.herald.avro.EnrichedArticle;
import dev.herald.avro.RawArticle;
import dev.herald.enrich.EnrichConfig;
import dev.herald.enrich.EnrichService;
import dev.herald.enrich.EnrichTopology;
import dev.herald.nlp.schedule.ScheduleDetector;
import dev.herald.schemas.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dedupe stage on a real broker under exactly_once_v2 (ADR 6, Topology): a copy decided in the
 * same transaction as its original is found in the instance's live index (filed as it is decided,
 * before the transaction commits), a copy decided later on another partition too, and a restarted
 * instance rebuilds its index from the fingerprint topic: it still links copies of articles it
 * decided before the restart and still drops an id it has seen.
 */
class DedupeOnBrokerTest {
  private static final Duration STEP = Duration.ofSeconds(90);

  @TempDir Path work;

  @Test
  void shouldLinkCopiesBeforeAndAfterARestartAndDropARepeatedId() throws Exception {
    // Given a broker, Herald's topics and one enrich instance
    String text = Files.readString(Path.of("../samples/articles/sochi-congress-2017-11-14.txt"));
    try (EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"), 0);
        Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      TopicSetup.ensureTopics(admin);
      Map<String, Object> p = new HashMap<>();
      p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
      p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      // Streams does not leave its group on close: the restarted instance waits out the old
      // member's session, kept short here.
      EnrichConfig config =
          EnrichConfig.defaults(kafka.bootstrapServers(), work.resolve("state"))
              .withExtraProperties(Map.of("consumer.session.timeout.ms", "6000"));
      try (KafkaProducer<String, byte[]> producer =
          new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
        try (EnrichService enrich =
            new EnrichService(config, ScheduleDetector.standard(), Clock.systemUTC())) {
          enrich.start();
          await().atMost(STEP).until(enrich::isRunning);

          // When an article and an exact copy under another id go to one partition back to back
          // (one task, most likely one transaction), then, once both are out, another copy to
          // another partition
          send(producer, 0, article("d-a1", "One", text));
          send(producer, 0, article("d-a2", "Two", text));
          producer.flush();
          awaitEnriched(kafka, 2);
          assertThat(indexed(enrich, "d-a1")).isTrue();
          send(producer, 3, article("d-a3", "Three", text));
          producer.flush();

          // Then both copies are linked to the original, counted on its cluster in order
          Map<String, EnrichedArticle> out = awaitEnriched(kafka, 3);
          assertThat(out.get("d-a1").getDuplicateOf()).isNull();
          assertThat(out.get("d-a2").getDuplicateOf()).isEqualTo("d-a1");
          assertThat(out.get("d-a3").getDuplicateOf()).isEqualTo("d-a1");
          assertThat(out.get("d-a3").getCopyCount()).isEqualTo(2);
          assertThat(enrich.metrics().duplicates()).isEqualTo(2);
        }

        // When the instance restarts (its index lives in memory), then the original is delivered
        // again and one more copy arrives on a third partition
        try (EnrichService restarted =
            new EnrichService(config, ScheduleDetector.standard(), Clock.systemUTC())) {
          restarted.start();
          await().atMost(STEP).until(restarted::isRunning);
          assertThat(indexed(restarted, "d-a1")).as("index rebuilt from the topic").isTrue();
          send(producer, 0, article("d-a1", "One", text));
          send(producer, 5, article("d-a4", "Four", text));
          producer.flush();

          // Then the new copy is linked to the original decided before the restart, and the
          // original is not enriched a second time
          Map<String, EnrichedArticle> out = awaitEnriched(kafka, 4);
          assertThat(out.get("d-a4").getDuplicateOf()).isEqualTo("d-a1");
          assertThat(out.get("d-a4").getCopyCount()).isEqualTo(3);
          await().atMost(STEP).until(() -> restarted.metrics().repeats() == 1);
          assertThat(enrichedRecords(kafka)).hasSize(4);
        }
      }
    }
  }

  /** The committed enriched articles by id, once there are {@code count} distinct ids. */
  private static Map<String, EnrichedArticle> awaitEnriched(EmbeddedKafka kafka, int count) {
    Map<String, EnrichedArticle> out = new HashMap<>();
    await()
        .atMost(STEP)
        .until(
            () -> {
              var deserializer = Topics.ARTICLES_ENRICHED.valueSerde().deserializer();
              enrichedRecords(kafka)
                  .forEach(r -> out.put(r.key(), deserializer.deserialize(r.topic(), r.value())));
              return out.size() == count;
            });
    return out;
  }

  private static List<ConsumerRecord<String, byte[]>> enrichedRecords(EmbeddedKafka kafka) {
    return TopicContents.readCommitted(kafka.bootstrapServers(), Topics.ARTICLES_ENRICHED.name());
  }

  private static RawArticle article(String id, String source, String text) {
    return RawArticle.newBuilder()
        .setId(id)
        .setFeedUrl("https://" + source.toLowerCase() + ".example/feed")
        .setSource(source)
        .setUrl("https://" + source.toLowerCase() + ".example/" + id)
        .setCanonicalUrl("https://" + source.toLowerCase() + ".example/" + id)
        .setTitle("Sochi congress to give new impetus to Geneva talks")
        .setText(text)
        .setPublishedAt(Instant.parse("2017-11-14T06:00:00Z"))
        .setFetchedAt(Instant.now())
        .build();
  }

  private static void send(KafkaProducer<String, byte[]> producer, int partition, RawArticle a) {
    String topic = Topics.ARTICLES_RAW.name();
    producer.send(
        new ProducerRecord<>(
            topic,
            partition,
            a.getId(),
            Topics.ARTICLES_RAW.valueSerde().serializer().serialize(topic, a)));
  }

  /** Whether the instance's live index holds the article's entry. */
  private static boolean indexed(EnrichService enrich, String id) {
    return EnrichTopology.indexed(enrich.streams(), id);
  }
}
