package dev.herald.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.avro.DeadLetter;
import dev.herald.avro.ScheduleChangeAlert;
import dev.herald.schemas.AvroJson;
import dev.herald.schemas.Topics;
import dev.herald.sink.Endpoint.Answer;
import dev.herald.sink.TargetSpec.Retry;
import dev.herald.sink.TargetSpec.Webhook;
import dev.herald.sink.TargetSpec.WebhookFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Webhooks against a real HTTP server on 127.0.0.1; the waits between tries are recorded. */
class WebhookTargetTest {

  private static final Retry FOUR_TRIES =
      new Retry(4, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10));

  private final List<Duration> waits = new ArrayList<>();
  private final List<DeadLetter> letters = new ArrayList<>();
  private final List<String> letterKeys = new ArrayList<>();
  private final SettableClock clock = new SettableClock(Instant.parse("2025-04-02T10:00:00Z"));

  @Test
  void shouldPostTheAlertAsPlainJsonWithItsIdempotencyKey() throws IOException {
    // Given
    ScheduleChangeAlert alert = Alerts.possible("a1");
    try (Endpoint endpoint = new Endpoint(Answer.respond(204));
        WebhookTarget target = target(endpoint.url("/hook"), WebhookFormat.JSON, FOUR_TRIES)) {

      // When
      int delivered = target.deliver(List.of(alert));

      // Then
      assertThat(delivered).isEqualTo(1);
      Endpoint.Request request = endpoint.requests().get(0);
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path()).isEqualTo("/hook");
      assertThat(request.body()).isEqualTo(AvroJson.toPlainJson(alert));
      assertThat(request.header("Content-Type")).startsWith("application/json");
      assertThat(request.header("X-Herald-Alert-Id")).isEqualTo("a1");
      assertThat(request.header("Idempotency-Key")).startsWith("a1.").hasSize(3 + 32);
      assertThat(waits).isEmpty();
      assertThat(letters).isEmpty();
    }
  }

  @Test
  void shouldRetryServerErrorsWithGrowingWaitsUntilDelivered() throws IOException {
    // Given
    try (Endpoint endpoint =
            new Endpoint(
                Answer.respond(503),
                Answer.respond(500),
                Answer.respond(502),
                Answer.respond(200));
        WebhookTarget target = target(endpoint.url("/"), WebhookFormat.JSON, FOUR_TRIES)) {

      // When
      int delivered = target.deliver(List.of(Alerts.possible("a1")));

      // Then
      assertThat(delivered).isEqualTo(1);
      assertThat(endpoint.requests()).hasSize(4);
      assertThat(waits)
          .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
      assertThat(target.retried()).isEqualTo(3);
      assertThat(letters).isEmpty();
      assertThat(endpoint.requests().stream().map(r -> r.header("Idempotency-Key")).distinct())
          .hasSize(1);
    }
  }

  @Test
  void shouldCapTheWaitAtTheMaximumBackoff() {
    // Given
    Retry retry =
        new Retry(10, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(1));

    // When / Then
    assertThat(List.of(1, 2, 3, 4, 5, 9).stream().map(retry::backoff).toList())
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5));
  }

  @Test
  void shouldHonourRetryAfterWithinTheCap() throws IOException {
    // Given
    try (Endpoint endpoint =
            new Endpoint(
                new Answer(429, Map.of("Retry-After", "3"), false),
                new Answer(503, Map.of("Retry-After", "3600"), false),
                Answer.respond(200));
        WebhookTarget target = target(endpoint.url("/"), WebhookFormat.JSON, FOUR_TRIES)) {

      // When
      target.deliver(List.of(Alerts.possible("a1")));

      // Then
      assertThat(waits).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(5));
    }
  }

  @Test
  void shouldRetryARequestThatTimesOut() throws IOException {
    // Given a server that never answers the first request, then answers every one
    Retry retry = new Retry(5, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
    try (Endpoint endpoint = new Endpoint(Answer.noAnswer(), Answer.respond(200));
        WebhookTarget target = target(endpoint.url("/"), WebhookFormat.JSON, retry)) {

      // When
      int delivered = target.deliver(List.of(Alerts.possible("a1")));

      // Then the timed-out try was retried (a slow machine may time out more than once)
      assertThat(delivered).isEqualTo(1);
      assertThat(endpoint.requests().size()).isGreaterThanOrEqualTo(2);
      assertThat(waits).hasSize(endpoint.requests().size() - 1);
      assertThat(letters).isEmpty();
    }
  }

  @Test
  void shouldDeadLetterTheAlertAfterTheLastTryAndGoOnWithTheBatch() throws IOException {
    // Given an endpoint failing twice for every alert, then accepting
    ScheduleChangeAlert alert = Alerts.possible("a1");
    Retry twoTries =
        new Retry(2, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(5));
    try (Endpoint endpoint =
            new Endpoint(Answer.respond(500), Answer.respond(500), Answer.respond(200));
        WebhookTarget target =
            target(endpoint.url("/secret/token"), WebhookFormat.JSON, twoTries)) {

      // When
      int delivered = target.deliver(List.of(alert, Alerts.possible("a2")));

      // Then a1 is dead-lettered, a2 delivered
      assertThat(delivered).isEqualTo(1);
      assertThat(endpoint.requests()).hasSize(3);
      assertThat(target.deadLettered()).isEqualTo(1);
      DeadLetter letter = letters.get(0);
      assertThat(letterKeys).containsExactly("a1");
      assertThat(letter.getStage()).isEqualTo("sink.webhook");
      assertThat(letter.getTopic()).isEqualTo(Topics.ALERTS.name());
      assertThat(letter.getErrorClass()).isEqualTo("HTTP 500");
      assertThat(letter.getCause())
          .contains("2 tries")
          .contains("HTTP 500")
          .doesNotContain("secret");
      assertThat(letter.getOccurredAt()).isEqualTo(clock.instant());
      assertThat(text(letter.getKey())).isEqualTo("a1");
      ScheduleChangeAlert decoded =
          Topics.ALERTS
              .valueSerde()
              .deserializer()
              .deserialize(Topics.ALERTS.name(), bytes(letter.getValue()));
      assertThat(decoded).isEqualTo(alert);
    }
  }

  @Test
  void shouldNotRetryARefusalButDeadLetterItAtOnce() throws IOException {
    // Given
    try (Endpoint endpoint = new Endpoint(Answer.respond(400));
        WebhookTarget target = target(endpoint.url("/"), WebhookFormat.JSON, FOUR_TRIES)) {

      // When
      int delivered = target.deliver(List.of(Alerts.possible("a1")));

      // Then
      assertThat(delivered).isZero();
      assertThat(endpoint.requests()).hasSize(1);
      assertThat(waits).isEmpty();
      assertThat(letters)
          .singleElement()
          .satisfies(l -> assertThat(l.getCause()).contains("1 try"));
    }
  }

  @Test
  void shouldDeadLetterWhenNothingListens() throws IOException {
    // Given a port with no server any more
    String url;
    try (Endpoint gone = new Endpoint(Answer.respond(200))) {
      url = gone.url("/");
    }
    Retry retry = new Retry(2, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2));
    try (WebhookTarget target = target(url, WebhookFormat.JSON, retry)) {

      // When
      target.deliver(List.of(Alerts.possible("a1")));

      // Then
      assertThat(waits).hasSize(1);
      assertThat(letters)
          .singleElement()
          .satisfies(l -> assertThat(l.getErrorClass()).startsWith("java.net."));
    }
  }

  @Test
  void shouldFailTheBatchWhenTheDeadLetterCannotBeStored() throws IOException {
    // Given
    try (Endpoint endpoint = new Endpoint(Answer.respond(400));
        WebhookTarget target =
            new WebhookTarget(
                new Webhook(new Secret(endpoint.url("/")), WebhookFormat.JSON, FOUR_TRIES),
                (key, letter) -> {
                  throw new IOException("dlq unavailable");
                },
                waits::add,
                clock)) {

      // When / Then
      assertThatThrownBy(() -> target.deliver(List.of(Alerts.possible("a1"))))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("dlq unavailable");
    }
  }

  @Test
  void shouldNotPostAVersionItAlreadyDeliveredButPostANewOne() throws IOException {
    // Given
    try (Endpoint endpoint = new Endpoint(Answer.respond(200));
        WebhookTarget target = target(endpoint.url("/"), WebhookFormat.JSON, FOUR_TRIES)) {
      target.deliver(List.of(Alerts.possible("a1")));
      ScheduleChangeAlert redetected = Alerts.possible("a1");
      redetected.setDetectedAt(Instant.parse("2025-05-01T00:00:00Z"));

      // When
      int again = target.deliver(List.of(Alerts.possible("a1"), redetected));
      int newer = target.deliver(List.of(Alerts.confirmed("a1")));

      // Then
      assertThat(again).isZero();
      assertThat(newer).isEqualTo(1);
      assertThat(endpoint.requests()).hasSize(2);
    }
  }

  @Test
  void shouldPostASlackMessageWithHeaderSummaryAndEvidenceLinks() throws IOException {
    // Given
    ScheduleChangeAlert alert = Alerts.confirmed("a1");
    alert.setSummary("Harbour Summit <moved> & more");
    try (Endpoint endpoint = new Endpoint(Answer.respond(200));
        WebhookTarget target =
            target(endpoint.url("/services/T/B/X"), WebhookFormat.SLACK, FOUR_TRIES)) {

      // When
      target.deliver(List.of(alert));

      // Then
      JsonNode message = new ObjectMapper().readTree(endpoint.requests().get(0).body());
      assertThat(message.get("text").asText())
          .isEqualTo(
              "Postponed: Harbour Summit (Gdańsk): early June (2025-06) → September (2025-09)");
      JsonNode blocks = message.get("blocks");
      assertThat(blocks.get(0).get("type").asText()).isEqualTo("header");
      assertThat(blocks.get(0).get("text").get("text").asText())
          .isEqualTo("Postponed: Harbour Summit (Gdańsk)");
      String section = blocks.get(1).get("text").get("text").asText();
      assertThat(section)
          .startsWith("Harbour Summit &lt;moved&gt; &amp; more\n")
          .contains("*Certainty:* CONFIRMED · confidence 0.90 · 2 sources");
      JsonNode links = blocks.get(2).get("elements");
      assertThat(links).hasSize(2);
      assertThat(links.get(0).get("text").asText())
          .isEqualTo("<https://news.example.com/e1|Summit date> · Example Wire");
    }
  }

  @Test
  void shouldDescribeItselfWithoutTheSecretPartOfTheUrl() {
    // Given
    Webhook spec =
        new Webhook(
            new Secret("https://hooks.slack.com/services/T0/B0/s3cr3t"), WebhookFormat.SLACK, null);

    // When / Then
    assertThat(spec.describe()).isEqualTo("slack:https://hooks.slack.com/…");
    assertThat(spec.toString()).doesNotContain("s3cr3t");
  }

  private WebhookTarget target(String url, WebhookFormat format, Retry retry) {
    return new WebhookTarget(
        new Webhook(new Secret(url), format, retry),
        (key, letter) -> {
          letterKeys.add(key);
          letters.add(letter);
        },
        waits::add,
        clock);
  }

  private static String text(ByteBuffer b) {
    return new String(bytes(b), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(ByteBuffer b) {
    ByteBuffer copy = b.duplicate();
    byte[] out = new byte[copy.remaining()];
    copy.get(out);
    return out;
  }
}
