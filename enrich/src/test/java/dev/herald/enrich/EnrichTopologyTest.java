package dev.herald.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.avro.ChangeKind;
import dev.herald.avro.DeadLetter;
import dev.herald.avro.EnrichedArticle;
import dev.herald.avro.EventTimeline;
import dev.herald.avro.RawArticle;
import dev.herald.avro.ScheduleChangeAlert;
import dev.herald.nlp.schedule.ScheduleDetector;
import dev.herald.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichTopologyTest {
  private static final ScheduleDetector DETECTOR = ScheduleDetector.standard();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2017-11-14T08:00:00Z"), ZoneOffset.UTC);

  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, RawArticle> raw;
  private TestInputTopic<String, byte[]> rawBytes;
  private TestOutputTopic<String, EnrichedArticle> enriched;
  private TestOutputTopic<String, ScheduleChangeAlert> alerts;
  private TestOutputTopic<String, EventTimeline> events;
  private TestOutputTopic<String, DeadLetter> deadLetters;

  static Topology topology(Path stateDir) {
    return EnrichTopology.build(
        EnrichConfig.defaults("unused:9092", stateDir), DETECTOR, new EnrichMetrics(), CLOCK);
  }

  @BeforeEach
  void start() {
    Properties props =
        EnrichService.streamsProperties(EnrichConfig.defaults("unused:9092", stateDir));
    driver =
        new TopologyTestDriver(topology(stateDir), props, Instant.parse("2017-11-14T06:00:00Z"));
    raw =
        driver.createInputTopic(
            Topics.ARTICLES_RAW.name(),
            Serdes.String().serializer(),
            Topics.ARTICLES_RAW.valueSerde().serializer());
    rawBytes =
        driver.createInputTopic(
            Topics.ARTICLES_RAW.name(),
            Serdes.String().serializer(),
            Serdes.ByteArray().serializer());
    enriched = output(Topics.ARTICLES_ENRICHED.name(), Topics.ARTICLES_ENRICHED.valueSerde());
    alerts = output(Topics.ALERTS.name(), Topics.ALERTS.valueSerde());
    events = output(Topics.EVENTS.name(), Topics.EVENTS.valueSerde());
    deadLetters = output(Topics.DLQ.name(), Topics.DLQ.valueSerde());
  }

  private <V> TestOutputTopic<String, V> output(
      String topic, org.apache.kafka.common.serialization.Serde<V> serde) {
    return driver.createOutputTopic(topic, Serdes.String().deserializer(), serde.deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void shouldRaiseAlertWhenCongressMovesToDecember() {
    // Given the seed article as ingest publishes it
    RawArticle seed = SeedArticle.article("a1", "file:/samples/articles/seed.txt", "Sample");

    // When it flows through the topology
    raw.pipeInput("a1", seed, Instant.parse("2017-11-14T06:00:00Z"));

    // Then exactly one alert names the congress, mid-November -> December, postponed
    List<ScheduleChangeAlert> out = alerts.readValuesToList();
    assertThat(out).hasSize(1);
    ScheduleChangeAlert alert = out.get(0);
    assertThat(alert.getEventName()).containsIgnoringCase("National Dialogue Congress");
    assertThat(alert.getLocation()).isEqualTo("Sochi");
    assertThat(alert.getPrevious().getValue()).isEqualTo("2017-11");
    assertThat(alert.getPrevious().getMod()).isEqualTo("MID");
    assertThat(alert.getCurrent().getValue()).isEqualTo("2017-12");
    assertThat(alert.getKind()).isEqualTo(ChangeKind.POSTPONED);
    assertThat(alert.getSummary()).isNotBlank();
    assertThat(alert.getEvidence()).isNotEmpty();
    assertThat(alert.getEvidence())
        .allSatisfy(
            e -> {
              assertThat(e.getArticleId()).isEqualTo("a1");
              assertThat(e.getTitle()).isEqualTo(SeedArticle.TITLE);
              assertThat(e.getPublishedAt()).isEqualTo(Instant.parse("2017-11-14T00:00:00Z"));
            });
    assertThat(events.readValuesToList()).isNotEmpty();
    // and the enriched article carries its dates, entities and claims
    EnrichedArticle article = enriched.readValue();
    assertThat(article.getDuplicateOf()).isNull();
    assertThat(article.getTimexes()).isNotEmpty();
    assertThat(article.getEntities()).isNotEmpty();
    assertThat(article.getClaims()).isNotEmpty();
  }

  @Test
  void shouldRecordRepeatedArticleAsCopyAndNotEnrichItAgain() {
    // Given the seed article, then the same body republished under another URL and id
    raw.pipeInput("a1", SeedArticle.article("a1", "https://one.example/a", "One"));
    raw.pipeInput("a2", SeedArticle.article("a2", "https://two.example/b", "Two"));

    // Then the second is linked to the first, not tagged, and raises no second alert
    List<EnrichedArticle> out = enriched.readValuesToList();
    assertThat(out).hasSize(2);
    assertThat(out.get(1).getArticle().getId()).isEqualTo("a2");
    assertThat(out.get(1).getDuplicateOf()).isEqualTo("a1");
    assertThat(out.get(1).getClusterId()).isEqualTo("a1");
    assertThat(out.get(1).getCopyCount()).isEqualTo(1);
    assertThat(out.get(1).getClaims()).isEmpty();
    assertThat(out.get(1).getTimexes()).isEmpty();
    assertThat(alerts.readValuesToList()).hasSize(1);
  }

  @Test
  void shouldDropAnArticleDeliveredTwiceWithTheSameId() {
    // Given the same article delivered twice (a re-poll, another feed)
    raw.pipeInput("a1", SeedArticle.article("a1", "https://one.example/a", "One"));
    raw.pipeInput("a1", SeedArticle.article("a1", "https://one.example/a", "One"));

    // Then it is enriched and alerted on once
    assertThat(enriched.readValuesToList()).hasSize(1);
    assertThat(alerts.readValuesToList()).hasSize(1);
  }

  @Test
  void shouldRaiseNoAlertForAnArticleWithoutScheduleClaim() {
    // Given an article that names no event date
    RawArticle plain =
        RawArticle.newBuilder(SeedArticle.article("b1", "https://x.example/b1", "X"))
            .setTitle("Markets close higher")
            .setText(
                "Shares in Europe closed higher on Monday as investors welcomed strong earnings"
                    + " from the banking sector. The euro was little changed against the dollar.")
            .build();

    // When
    raw.pipeInput("b1", plain);

    // Then it is enriched but raises no alert
    assertThat(enriched.readValuesToList()).hasSize(1);
    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void shouldSendMalformedRecordToDeadLetterTopicAndKeepRunning() {
    // Given garbage bytes, then a good article
    rawBytes.pipeInput("bad", "not avro at all".getBytes(StandardCharsets.UTF_8));
    raw.pipeInput("a1", SeedArticle.article("a1", "https://one.example/a", "One"));

    // Then the garbage is a dead letter with its cause and bytes, and the good article flows on
    TestRecord<String, DeadLetter> dead = deadLetters.readRecord();
    assertThat(dead.key()).isEqualTo("bad");
    assertThat(dead.value().getStage()).isEqualTo("enrich.decode");
    assertThat(dead.value().getCause()).isNotBlank();
    assertThat(StandardCharsets.UTF_8.decode(dead.value().getValue()).toString())
        .isEqualTo("not avro at all");
    assertThat(enriched.readValuesToList()).hasSize(1);
    assertThat(alerts.readValuesToList()).hasSize(1);
  }

  @Test
  void shouldMatchTheGoldenTopologyDescription() throws Exception {
    // Given the checked-in description of the wiring
    Path golden = Path.of("src/test/resources/topology.txt");
    String actual = topology(stateDir).describe().toString();
    if (Boolean.getBoolean("herald.golden.update")) {
      Files.writeString(golden, actual);
    }

    // Then the topology has not changed without the golden file changing with it
    assertThat(actual)
        .as("topology changed: review it, then run with -Dherald.golden.update=true")
        .isEqualTo(Files.readString(golden));
    assertThat(Map.of("stores", actual))
        .extractingByKey("stores")
        .asString()
        .contains(
            EnrichTopology.SEEN_IDS_STORE,
            EnrichTopology.FINGERPRINT_STORE,
            EnrichTopology.TIMELINE_STORE);
  }
}
