package dev.herald.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.avro.RawArticle;
import dev.herald.avro.ScheduleChangeAlert;
import dev.herald.nlp.schedule.ScheduleDetector;
import dev.herald.schemas.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A change that only shows across articles, seen by the topology's per-event state. */
class CrossArticleScheduleTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-20T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, RawArticle> raw;
  private TestOutputTopic<String, ScheduleChangeAlert> alerts;

  @BeforeEach
  void start() {
    EnrichConfig config = EnrichConfig.defaults("unused:9092", stateDir);
    driver =
        new TopologyTestDriver(
            EnrichTopology.build(config, ScheduleDetector.standard(), new EnrichMetrics(), CLOCK),
            EnrichService.streamsProperties(config));
    raw =
        driver.createInputTopic(
            Topics.ARTICLES_RAW.name(),
            Serdes.String().serializer(),
            Topics.ARTICLES_RAW.valueSerde().serializer());
    alerts =
        driver.createOutputTopic(
            Topics.ALERTS.name(),
            Serdes.String().deserializer(),
            Topics.ALERTS.valueSerde().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void shouldRaiseOneAlertWhenALaterArticleMovesTheMeeting() {
    // Given one outlet announcing the meeting for June
    raw.pipeInput(
        "a1",
        article(
            "a1",
            "Northwind Wire",
            "2026-03-02T09:00:00Z",
            "Ministers to meet in Vienna",
            "The OPEC ministerial meeting will be held in Vienna in June, the organisation said"
                + " on Monday. Delegates are expected to discuss output quotas."));
    assertThat(alerts.isEmpty()).as("a first announcement is not a change").isTrue();

    // When another outlet later expects the same meeting in August
    raw.pipeInput(
        "a2",
        article(
            "a2",
            "Southgate Times",
            "2026-03-19T09:00:00Z",
            "Ministers now expected to meet later",
            "The OPEC ministerial meeting is now expected to take place in August, delegates"
                + " said on Thursday. No reason was given."));

    // Then one alert compares the newest claim with the earlier one
    List<ScheduleChangeAlert> out = alerts.readValuesToList();
    assertThat(out).hasSize(1);
    ScheduleChangeAlert alert = out.get(0);
    assertThat(alert.getPrevious().getValue()).isEqualTo("2026-06");
    assertThat(alert.getCurrent().getValue()).isEqualTo("2026-08");
    assertThat(alert.getKind().name()).isEqualTo("POSTPONED");
    assertThat(alert.getSourceCount()).isEqualTo(2);
    assertThat(alert.getEvidence()).extracting(e -> e.getArticleId()).contains("a1", "a2");

    // When either claim is repeated by a third article
    raw.pipeInput(
        "a3",
        article(
            "a3",
            "Eastbay Post",
            "2026-03-20T09:00:00Z",
            "Meeting in August",
            "The OPEC ministerial meeting is expected to take place in August, officials said on"
                + " Friday."));

    // Then no new alert id appears (a repeat may only re-emit the same alert with more evidence)
    assertThat(alerts.readValuesToList())
        .allSatisfy(a -> assertThat(a.getAlertId()).isEqualTo(alert.getAlertId()));
  }

  @Test
  void shouldReEmitTheSameAlertConfirmedWhenALaterSourceConfirmsAHedgedChange() {
    // Given a hedged move of the summit from May to July
    raw.pipeInput(
        "h1",
        article(
            "h1",
            "Northwind Wire",
            "2026-03-02T09:00:00Z",
            "Summit may slip",
            "The Baltic energy summit was expected to take place in Riga in May, but it might be"
                + " held in July, a diplomatic source said on Monday."));
    List<ScheduleChangeAlert> first = alerts.readValuesToList();
    assertThat(first).hasSize(1);
    assertThat(first.get(0).getCertainty().name()).isEqualTo("POSSIBLE");

    // When another outlet reports the postponement as decided
    raw.pipeInput(
        "h2",
        article(
            "h2",
            "Southgate Times",
            "2026-03-10T09:00:00Z",
            "Summit postponed",
            "The Baltic energy summit has been postponed to July, the Latvian foreign ministry"
                + " said on Tuesday."));

    // Then the same alert id comes again, confirmed, with more evidence
    List<ScheduleChangeAlert> second = alerts.readValuesToList();
    assertThat(second).isNotEmpty();
    ScheduleChangeAlert latest = second.get(second.size() - 1);
    assertThat(latest.getAlertId()).isEqualTo(first.get(0).getAlertId());
    assertThat(latest.getCertainty().name()).isEqualTo("CONFIRMED");
    assertThat(latest.getEvidence().size()).isGreaterThan(first.get(0).getEvidence().size());
  }

  @Test
  void shouldRecordTheLanguageAndRaiseNoClaimForAnUnsupportedLanguage() {
    // Given a French article about a postponement
    TestOutputTopic<String, dev.herald.avro.EnrichedArticle> enriched =
        driver.createOutputTopic(
            Topics.ARTICLES_ENRICHED.name(),
            Serdes.String().deserializer(),
            Topics.ARTICLES_ENRICHED.valueSerde().deserializer());
    raw.pipeInput(
        "f1",
        article(
            "f1",
            "Le Courrier",
            "2026-03-02T09:00:00Z",
            "Le sommet reporté",
            "Le sommet européen sur l'énergie, prévu à Riga en mai, a été reporté au mois de"
                + " juillet, a annoncé lundi le ministère des affaires étrangères."));

    // Then the language is recorded, and no claim or alert is made
    dev.herald.avro.EnrichedArticle out = enriched.readValue();
    assertThat(out.getLanguage()).isEqualTo("fr");
    assertThat(out.getClaims()).isEmpty();
    assertThat(alerts.isEmpty()).isTrue();
  }

  private static RawArticle article(
      String id, String source, String published, String title, String text) {
    return RawArticle.newBuilder()
        .setId(id)
        .setFeedUrl("file:/feeds/" + source.replace(' ', '-') + ".rss")
        .setSource(source)
        .setUrl("https://" + source.toLowerCase().replace(' ', '-') + ".example/" + id)
        .setCanonicalUrl("https://" + source.toLowerCase().replace(' ', '-') + ".example/" + id)
        .setTitle(title)
        .setText(text)
        .setPublishedAt(Instant.parse(published))
        .setFetchedAt(Instant.parse(published))
        .build();
  }
}
