package dev.herald.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.avro.DeadLetter;
import dev.herald.avro.EnrichedArticle;
import dev.herald.avro.RawArticle;
import dev.herald.nlp.schedule.ScheduleDetector;
import dev.herald.schemas.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records the topology cannot use (no key on the raw topic, undecodable bytes on a repartition
 * topic) become dead letters, and the records after them are still enriched.
 */
class UndecodableRecordsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2017-11-14T08:00:00Z"), ZoneOffset.UTC);
  private static final Instant T0 = Instant.parse("2017-11-14T06:00:00Z");

  @TempDir Path stateDir;
  private final EnrichMetrics metrics = new EnrichMetrics();
  private TopologyTestDriver driver;
  private TestInputTopic<String, RawArticle> raw;
  private TestOutputTopic<String, EnrichedArticle> enriched;
  private TestOutputTopic<String, DeadLetter> deadLetters;

  @BeforeEach
  void start() {
    EnrichConfig config = EnrichConfig.defaults("unused:9092", stateDir);
    Properties props = EnrichService.streamsProperties(config);
    props.put(DeadLetterDeserializationHandler.METRICS_CONFIG, metrics);
    driver =
        new TopologyTestDriver(
            EnrichTopology.build(config, ScheduleDetector.standard(), metrics, CLOCK), props, T0);
    raw =
        driver.createInputTopic(
            Topics.ARTICLES_RAW.name(),
            Serdes.String().serializer(),
            Topics.ARTICLES_RAW.valueSerde().serializer());
    enriched =
        driver.createOutputTopic(
            Topics.ARTICLES_ENRICHED.name(),
            Serdes.String().deserializer(),
            Topics.ARTICLES_ENRICHED.valueSerde().deserializer());
    deadLetters =
        driver.createOutputTopic(
            Topics.DLQ.name(),
            Serdes.String().deserializer(),
            Topics.DLQ.valueSerde().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void shouldDeadLetterARawRecordWithoutAKeyAndEnrichTheNextOne() {
    // Given a well-formed article written without a key, then one with its key
    RawArticle keyless = SeedArticle.article("k1", "file:/samples/keyless.txt", "Sample");
    RawArticle keyed = SeedArticle.article("a1", "file:/samples/articles/seed.txt", "Sample");

    // When both flow through the topology
    raw.pipeInput(new TestRecord<>(null, keyless, T0));
    raw.pipeInput("a1", keyed, T0.plusSeconds(1));

    // Then the keyless record is one dead letter with its bytes and cause, and the next is enriched
    List<DeadLetter> dead = deadLetters.readValuesToList();
    assertThat(dead)
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(letter.getStage()).isEqualTo("enrich.decode");
              assertThat(letter.getTopic()).isEqualTo(Topics.ARTICLES_RAW.name());
              assertThat(letter.getKey()).isNull();
              assertThat(bytes(letter.getValue()))
                  .isEqualTo(
                      Topics.ARTICLES_RAW
                          .valueSerde()
                          .serializer()
                          .serialize(Topics.ARTICLES_RAW.name(), keyless));
              assertThat(letter.getCause()).contains("without a key");
            });
    assertThat(enriched.readKeyValuesToMap()).containsOnlyKeys("a1");
    assertThat(metrics.deadLetters()).isOne();
    assertThat(metrics.articlesIn()).isOne();
  }

  @Test
  void shouldDeadLetterARawRecordWithABlankKey() {
    // Given a well-formed article whose key is blank
    RawArticle article = SeedArticle.article("b1", "file:/samples/blank.txt", "Sample");

    // When it flows through the topology
    raw.pipeInput(" ", article, T0);

    // Then it is a dead letter, not an article
    assertThat(deadLetters.readValuesToList())
        .singleElement()
        .satisfies(letter -> assertThat(letter.getCause()).contains("without a key"));
    assertThat(enriched.isEmpty()).isTrue();
  }

  @Test
  void shouldSkipUndecodableBytesOnARepartitionTopicAndEnrichTheNextArticle() {
    // Given noise on the by-event repartition topic
    String topic = EnrichConfig.DEFAULT_APPLICATION_ID + "-by-event-repartition";
    TestInputTopic<String, byte[]> repartition =
        driver.createInputTopic(
            topic, Serdes.String().serializer(), Serdes.ByteArray().serializer());
    byte[] noise = "not an Avro claim batch".getBytes(StandardCharsets.UTF_8);

    // When it is read, and an article follows on the raw topic
    repartition.pipeInput("poison", noise, T0);
    raw.pipeInput("a1", SeedArticle.article("a1", "file:/samples/articles/seed.txt", "Sample"), T0);

    // Then the handler took the noise (Kafka Streams' default handler would have thrown) and the
    // article is enriched. TopologyTestDriver 4.4.0 does not capture the handler's dead-letter
    // records: their content is checked in DeadLetterDeserializationHandlerTest and, on a real
    // broker, in the app's PoisonRecordsTest.
    assertThat(metrics.deadLetters()).isOne();
    assertThat(enriched.readKeyValuesToMap()).containsOnlyKeys("a1");
  }

  @Test
  void shouldSkipUndecodableBytesOnTheFingerprintTopicAndKeepDeduplicating() {
    // Given noise on the fingerprint topic that feeds the global dedupe index
    TestInputTopic<String, byte[]> fingerprints =
        driver.createInputTopic(
            Topics.dedupeFingerprints(EnrichConfig.DEFAULT_APPLICATION_ID).name(),
            Serdes.String().serializer(),
            Serdes.ByteArray().serializer());
    fingerprints.pipeInput("poison", "not a dedupe entry".getBytes(StandardCharsets.UTF_8), T0);

    // When an article and an exact copy of it under another id follow
    raw.pipeInput("a1", SeedArticle.article("a1", "file:/samples/articles/seed.txt", "Sample"), T0);
    raw.pipeInput(
        "a2", SeedArticle.article("a2", "https://two.example/a2", "Two"), T0.plusSeconds(1));

    // Then the global processor skipped the noise and the copy is still linked
    assertThat(enriched.readKeyValuesToMap()).containsOnlyKeys("a1", "a2");
    assertThat(metrics.duplicates()).isOne();
  }

  static byte[] bytes(ByteBuffer b) {
    ByteBuffer copy = b.duplicate();
    byte[] out = new byte[copy.remaining()];
    copy.get(out);
    return out;
  }
}
