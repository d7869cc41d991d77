package dev.herald.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.app.cli.HeraldCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {

  @Test
  @Tag("broker")
  void shouldPrintTheFiguresOfBothTopologiesAndTheLatencyAsTheLastJsonLine() throws Exception {
    // Given the bench on a fresh embedded broker with few articles and a short warm-up: it ends
    // when they are through (the duration only bounds the run on a slow machine)
    CommandLine cl = HeraldCommand.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));

    // When
    int exit =
        cl.execute(
            "bench",
            "--duration",
            "300",
            "--articles",
            "100",
            "--latency-articles",
            "40",
            "--rate",
            "20",
            "--warm-up-articles",
            "60",
            "--json");

    // Then the last stdout line is one JSON object with every figure, from real records
    assertThat(exit).isZero();
    List<String> lines = out.toString().lines().toList();
    JsonNode json = new ObjectMapper().readTree(lines.get(lines.size() - 1));
    assertThat(json.isObject()).isTrue();
    for (String field :
        List.of(
            "passthrough_rps",
            "enrich_rps",
            "ratio",
            "latency_p50_ms",
            "latency_p99_ms",
            "articles",
            "cpu_ms_per_article",
            "cores",
            "heap_max_mb")) {
      assertThat(json.has(field)).as(field).isTrue();
    }
    assertThat(json.get("articles").asInt()).isPositive();
    // a separate enrich application warmed the JVM on separate articles before the phases
    assertThat(json.get("warm_up").asText()).isEqualTo("kafka");
    assertThat(json.get("warm_up_articles").asLong()).isPositive();
    assertThat(json.get("passthrough_steady_records").asLong()).isPositive();
    assertThat(json.get("enrich_steady_records").asLong()).isPositive();
    assertThat(json.get("passthrough_rps").asDouble()).isPositive();
    assertThat(json.get("enrich_rps").asDouble()).isPositive();
    assertThat(json.get("latency_sent").asInt()).isPositive();
    assertThat(json.get("latency_measured").asInt()).isPositive();
    assertThat(json.get("cpu_ms_per_article").get("enrich_stages").get("dates").asDouble())
        .isPositive();
    double ratio = json.get("enrich_rps").asDouble() / json.get("passthrough_rps").asDouble();
    assertThat(json.get("ratio").asDouble())
        .isCloseTo(ratio, org.assertj.core.data.Offset.offset(0.01 * ratio + 0.001));
  }

  @Test
  void shouldReportEveryBadOptionAtOnceWithExitStatusTwo() {
    // Given a run that is too short, a negative rate and too many copies
    CommandLine cl = HeraldCommand.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));

    // When
    int exit = cl.execute("bench", "--duration", "1", "--rate", "-5", "--copies", "2");

    // Then nothing starts: every problem is listed, exit status 2
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("duration").contains("rate").contains("copies");
  }

  @Test
  void shouldTakeTheNearestRankPercentile() {
    // Given ten latencies
    List<Double> sorted = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);

    // When / Then
    assertThat(EnrichBenchmark.percentile(sorted, 50)).isEqualTo(5.0);
    assertThat(EnrichBenchmark.percentile(sorted, 99)).isEqualTo(10.0);
    assertThat(EnrichBenchmark.percentile(List.of(), 99)).isZero();
  }

  @Test
  void shouldGenerateArticlesOfAboutSixHundredFiftyTokensWithScheduleChanges() throws Exception {
    // Given the generator over the text Herald ships
    BenchCorpus corpus = new BenchCorpus(BenchArticles.shippedParagraphs(null), 0.1, 0.3, 20, 7L);

    // When
    int changes = 0;
    long tokens = 0;
    for (int i = 0; i < 300; i++) {
      BenchCorpus.Item item = corpus.next(java.time.Instant.parse("2026-01-15T10:00:00Z"));
      changes += item.change() ? 1 : 0;
      tokens += item.tokens();
    }

    // Then
    assertThat(tokens / 300.0).isBetween(600.0, 760.0);
    assertThat(changes).isPositive();
  }
}
