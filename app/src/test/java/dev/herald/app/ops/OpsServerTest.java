package dev.herald.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class OpsServerTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldReportReadyOnlyWhenEveryComponentIs() throws Exception {
    // Given a process with one component not ready yet
    AtomicBoolean streamsRunning = new AtomicBoolean(false);
    Readiness readiness =
        new Readiness().register("enrich", streamsRunning::get).register("sink", () -> true);
    try (OpsServer server = OpsServer.start(0, new HeraldMetrics().registry(), readiness)) {
      // When / Then: live at once, not ready, naming what it waits for
      assertThat(get(server, "/health/live").statusCode()).isEqualTo(200);
      HttpResponse<String> notReady = get(server, "/health/ready");
      assertThat(notReady.statusCode()).isEqualTo(503);
      assertThat(notReady.body()).contains("enrich").doesNotContain("sink");

      // When the component becomes ready
      streamsRunning.set(true);

      // Then the process is ready
      assertThat(get(server, "/health/ready").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void shouldServeMetricsInPrometheusFormat() throws Exception {
    // Given a registry with a Herald counter
    HeraldMetrics metrics = new HeraldMetrics();
    Counter.builder("herald.test.events").register(metrics.registry()).increment(3);
    try (OpsServer server = OpsServer.start(0, metrics.registry(), new Readiness())) {
      // When
      HttpResponse<String> response = get(server, "/metrics");

      // Then
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
      assertThat(response.body())
          .contains("herald_test_events_total 3.0")
          .contains("jvm_memory_used_bytes");
    }
  }

  private HttpResponse<String> get(OpsServer server, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
