package dev.herald.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.app.broker.EmbeddedKafka;
import dev.herald.app.ops.HeraldMetrics;
import dev.herald.app.ops.OpsServer;
import dev.herald.app.ops.Readiness;
import dev.herald.enrich.EnrichConfig;
import dev.herald.ingest.IngestConfig;
import dev.herald.sink.SinkConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline on a real in-process Kafka broker. */
@Tag("broker")
class PipelineIntegrationTest {
  private static final Path REPO = Path.of(System.getProperty("herald.repo.dir", ".."));
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  @Test
  void shouldDeliverExactlyOneAlertForTheSeedFeedAndNoneWhenPolledAgain() throws Exception {
    // Given a local feed holding the seed article, and every stage on an embedded broker
    Path feedList = work.resolve("feeds.txt");
    Files.writeString(
        feedList, REPO.resolve("samples/feeds/sochi-congress.rss").toUri().toString() + "\n");
    Path alertsFile = work.resolve("out/alerts.jsonl");
    try (EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"), 0)) {
      String bootstrap = kafka.bootstrapServers();
      EnrichConfig enrich = EnrichConfig.defaults(bootstrap, work.resolve("streams"));
      SinkConfig sink = new SinkConfig(bootstrap, "herald-sink", alertsFile, Map.of());
      IngestConfig ingest = IngestConfig.of(bootstrap, feedList, Duration.ofMinutes(15), Map.of());
      try (Pipeline pipeline = Pipeline.start(ingest, enrich, sink)) {
        pipeline.awaitEnrichRunning(Duration.ofSeconds(60));

        // When the feed is polled and the pipeline drains
        var first = pipeline.ingest().pollAllOnce();
        pipeline.drain(Duration.ofSeconds(90));

        // Then exactly one alert lands in the sink's file
        List<JsonNode> alerts = readLines(alertsFile);
        assertThat(first.articlesPublished()).isEqualTo(1);
        assertThat(alerts).hasSize(1);
        JsonNode alert = alerts.get(0);
        assertThat(alert.path("kind").asText()).isEqualTo("POSTPONED");
        assertThat(alert.path("previous").path("value").asText()).isEqualTo("2017-11");
        assertThat(alert.path("previous").path("mod").asText()).isEqualTo("MID");
        assertThat(alert.path("current").path("value").asText()).isEqualTo("2017-12");
        assertThat(alert.path("detectedAt").asText()).endsWith("Z");

        // And the operations endpoints report it, from the same process
        try (OpsServer ops =
            OpsServer.start(
                0,
                new HeraldMetrics()
                    .bind(pipeline.enrich())
                    .bind(pipeline.ingest())
                    .bind(pipeline.sink())
                    .registry(),
                new Readiness().register("enrich", pipeline.enrich()::isRunning))) {
          HttpResponse<String> metrics =
              HttpClient.newHttpClient()
                  .send(
                      HttpRequest.newBuilder(
                              URI.create("http://127.0.0.1:" + ops.port() + "/metrics"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
          assertThat(metrics.body())
              .contains("herald_enrich_articles_in_total 1.0")
              .contains("herald_enrich_alerts_total 1.0")
              .contains("herald_sink_alerts_written_total 1.0")
              .contains("herald_ingest_pages_taken_over_total 0.0")
              .contains("kafka_stream");
        }

        // When the unchanged feed is polled again
        var second = pipeline.ingest().pollAllOnce();
        pipeline.drain(Duration.ofSeconds(90));

        // Then nothing new is published and no alert is added
        assertThat(second.articlesPublished()).isZero();
        assertThat(readLines(alertsFile)).hasSize(1);
      }
    }
  }

  private static List<JsonNode> readLines(Path file) throws Exception {
    if (!Files.exists(file)) {
      return List.of();
    }
    return Files.readAllLines(file).stream()
        .filter(l -> !l.isBlank())
        .map(
            l -> {
              try {
                return JSON.readTree(l);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }
}
