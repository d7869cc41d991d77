package dev.herald.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.avro.EnrichedArticle;
import dev.herald.avro.RawArticle;
import dev.herald.enrich.DedupeStage;
import dev.herald.enrich.EnrichConfig;
import dev.herald.enrich.EnrichMetrics;
import dev.herald.enrich.EnrichService;
import dev.herald.nlp.dedupe.DedupeIndex;
import dev.herald.schemas.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code herald dedupe} (DedupeIndex) and the enrich topology's dedupe stage (LiveIndex) must make
 * the same decisions: both fingerprint, look up, verify and prefer with the same code, over
 * different containers.
 */
class DedupeParityTest {
  @TempDir Path state;

  @Test
  void shouldLinkEveryArticleToTheSameCanonicalAsHeraldDedupe() throws Exception {
    // Given 3 000 generated articles, a fifth of them syndicated copies, a minute apart
    Instant first = Instant.parse("2026-01-01T00:00:00Z");
    List<RawArticle> stream =
        BenchArticles.generate(
                BenchArticles.shippedParagraphs(Path.of("../samples/articles")),
                3_000,
                0.2,
                11L,
                new BenchArticles.Arrivals(first, Duration.ofMinutes(1)))
            .articles();

    // When the topology's dedupe stage decides them (arrival = publication time) and so does the
    // index behind `herald dedupe`
    EnrichConfig config = EnrichConfig.defaults("unused:9092", state);
    Clock clock = Clock.fixed(first, ZoneOffset.UTC);
    Map<String, String> topology = new HashMap<>();
    try (TopologyTestDriver driver =
        new TopologyTestDriver(
            DedupeStage.topology(config, new EnrichMetrics(), clock, "parity.out"),
            EnrichService.streamsProperties(config),
            first)) {
      TestInputTopic<String, RawArticle> raw =
          driver.createInputTopic(
              Topics.ARTICLES_RAW.name(),
              Serdes.String().serializer(),
              Topics.ARTICLES_RAW.valueSerde().serializer());
      TestOutputTopic<String, EnrichedArticle> out =
          driver.createOutputTopic(
              "parity.out",
              Serdes.String().deserializer(),
              Topics.ARTICLES_ENRICHED.valueSerde().deserializer());
      for (RawArticle a : stream) {
        raw.pipeInput(a.getId(), a, a.getPublishedAt());
      }
      out.readValuesToList()
          .forEach(e -> topology.put(e.getArticle().getId(), String.valueOf(e.getDuplicateOf())));
    }
    DedupeIndex index = new DedupeIndex();
    Map<String, String> job = new HashMap<>();
    for (RawArticle a : stream) {
      DedupeIndex.Decision d =
          index.offer(a.getId(), a.getPublishedAt(), a.getTitle(), a.getText());
      job.put(a.getId(), String.valueOf(d.duplicateOf()));
    }

    // Then every article has the same canonical (or none) in both
    assertThat(topology).hasSize(stream.size());
    assertThat(topology).isEqualTo(job);
    assertThat(job.values().stream().filter(v -> !v.equals("null")).count()).isGreaterThan(400);
  }
}
