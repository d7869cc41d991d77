package dev.herald.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.sink.TargetSpec.JsonLines;
import dev.herald.sink.TargetSpec.Postgres;
import dev.herald.sink.TargetSpec.Rotation;
import dev.herald.sink.TargetSpec.Webhook;
import dev.herald.sink.TargetSpec.WebhookFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetSpecsTest {

  private static final Path DEFAULT = Path.of("out/alerts.jsonl");

  @TempDir Path dir;

  private final List<String> problems = new ArrayList<>();

  @Test
  void shouldParseEveryKindOfTargetInOrder() {
    // Given
    List<String> to =
        List.of(
            "jsonl:out/a.jsonl",
            "webhook:https://hooks.example/x?a=1,2",
            "slack:https://hooks.slack.com/services/T/B/C",
            "postgres:jdbc:postgresql://localhost/herald");
    Map<String, String> env = Map.of("HERALD_PG_USER", "herald", "HERALD_PG_PASSWORD", "pw");

    // When
    List<TargetSpec> specs = TargetSpecs.parse(to, env, DEFAULT, problems);

    // Then
    assertThat(problems).isEmpty();
    assertThat(specs).hasSize(4);
    assertThat(specs.get(0)).isEqualTo(new JsonLines(Path.of("out/a.jsonl"), Rotation.NONE));
    Webhook webhook = (Webhook) specs.get(1);
    assertThat(webhook.format()).isEqualTo(WebhookFormat.JSON);
    assertThat(webhook.uri().toString()).isEqualTo("https://hooks.example/x?a=1,2");
    assertThat(((Webhook) specs.get(2)).format()).isEqualTo(WebhookFormat.SLACK);
    Postgres pg = (Postgres) specs.get(3);
    assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/herald");
    assertThat(pg.user()).isEqualTo("herald");
    assertThat(pg.password().reveal()).isEqualTo("pw");
    assertThat(pg.table()).isEqualTo("herald_alerts");
  }

  @Test
  void shouldDefaultToTheAlertsFileWhenNoTargetIsGiven() {
    // When
    List<TargetSpec> specs = TargetSpecs.parse(List.of(), Map.of(), DEFAULT, problems);

    // Then
    assertThat(problems).isEmpty();
    assertThat(specs).containsExactly(new JsonLines(DEFAULT, Rotation.NONE));
  }

  @Test
  void shouldSplitTheEnvironmentListOnlyWhereANewTargetStarts() {
    // Given
    Map<String, String> env =
        Map.of(
            "HERALD_SINK_TO",
            "jsonl:a.jsonl, webhook:https://h.example/p?x=1,2,postgres:postgresql://db/h");

    // When
    List<TargetSpec> specs = TargetSpecs.parse(List.of(), env, DEFAULT, problems);

    // Then
    assertThat(problems).isEmpty();
    assertThat(specs)
        .extracting(TargetSpec::describe)
        .containsExactly(
            "jsonl:a.jsonl",
            "webhook:https://h.example/…",
            "postgres:jdbc:postgresql://db/h table herald_alerts");
    assertThat(((Webhook) specs.get(1)).uri().getQuery()).isEqualTo("x=1,2");
  }

  @Test
  void shouldPreferFlagsOverTheEnvironmentList() {
    // When
    List<TargetSpec> specs =
        TargetSpecs.parse(
            List.of("jsonl:b.jsonl"), Map.of("HERALD_SINK_TO", "jsonl:a.jsonl"), DEFAULT, problems);

    // Then
    assertThat(specs).extracting(TargetSpec::describe).containsExactly("jsonl:b.jsonl");
  }

  @Test
  void shouldReadRotationAndRetrySettings() {
    // Given
    Map<String, String> env =
        Map.of(
            "HERALD_SINK_ROTATE_SIZE", "100MB",
            "HERALD_SINK_ROTATE_EVERY", "P1D",
            "HERALD_SINK_KEEP_FILES", "30",
            "HERALD_WEBHOOK_ATTEMPTS", "8",
            "HERALD_WEBHOOK_BACKOFF", "PT2S",
            "HERALD_WEBHOOK_MAX_BACKOFF", "PT5M",
            "HERALD_WEBHOOK_TIMEOUT", "PT3S");

    // When
    List<TargetSpec> specs =
        TargetSpecs.parse(List.of("jsonl:a.jsonl", "webhook:http://h/"), env, DEFAULT, problems);

    // Then
    assertThat(problems).isEmpty();
    assertThat(((JsonLines) specs.get(0)).rotation())
        .isEqualTo(new Rotation(100L << 20, Duration.ofDays(1), 30));
    assertThat(((Webhook) specs.get(1)).retry())
        .isEqualTo(
            new TargetSpec.Retry(
                8, Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofSeconds(3)));
  }

  @Test
  void shouldReportEveryProblemAtOnce() {
    // Given
    List<String> to =
        List.of(
            "kafka:somewhere",
            "webhook:ftp://h/x",
            "postgres:mysql://db",
            "slack:env:NOT_SET",
            "jsonl:a.jsonl",
            "jsonl:./a.jsonl");
    Map<String, String> env =
        Map.of(
            "HERALD_SINK_ROTATE_SIZE", "lots",
            "HERALD_WEBHOOK_ATTEMPTS", "0",
            "HERALD_PG_TABLE", "alerts; drop table x");

    // When
    TargetSpecs.parse(to, env, DEFAULT, problems);

    // Then
    assertThat(problems)
        .hasSize(8)
        .anySatisfy(p -> assertThat(p).startsWith("unknown sink target kafka:"))
        .anySatisfy(p -> assertThat(p).contains("must be http(s)"))
        .anySatisfy(p -> assertThat(p).contains("webhook attempts must be at least 1"))
        .anySatisfy(p -> assertThat(p).contains("needs a JDBC URL"))
        .anySatisfy(p -> assertThat(p).contains("plain or schema-qualified SQL name"))
        .anySatisfy(p -> assertThat(p).contains("neither NOT_SET nor NOT_SET_FILE"))
        .anySatisfy(p -> assertThat(p).contains("HERALD_SINK_ROTATE_SIZE"))
        .anySatisfy(p -> assertThat(p).contains("given twice"));
  }

  @Test
  void shouldReadSecretsFromFilesAndNeverPrintThem() throws IOException {
    // Given
    Path pw = Files.writeString(dir.resolve("pg-password"), "s3cret\n");
    Path hook =
        Files.writeString(dir.resolve("slack-url"), "https://hooks.slack.com/services/T/B/tok\n");
    Map<String, String> env =
        Map.of("HERALD_PG_PASSWORD_FILE", pw.toString(), "SLACK_URL_FILE", hook.toString());

    // When
    List<TargetSpec> specs =
        TargetSpecs.parse(
            List.of("postgres:jdbc:postgresql://db/h?password=inurl", "slack:env:SLACK_URL"),
            env,
            DEFAULT,
            problems);

    // Then
    assertThat(problems).isEmpty();
    Postgres pg = (Postgres) specs.get(0);
    assertThat(pg.password().reveal()).isEqualTo("s3cret");
    assertThat(((Webhook) specs.get(1)).uri().getPath()).isEqualTo("/services/T/B/tok");
    assertThat(specs.toString()).doesNotContain("s3cret", "tok", "inurl");
    assertThat(pg.describe()).contains("password=****");
  }

  @Test
  void shouldRefuseAPasswordGivenTwice() {
    // When
    TargetSpecs.secret(
        Map.of("HERALD_PG_PASSWORD", "a", "HERALD_PG_PASSWORD_FILE", "/x"),
        "HERALD_PG_PASSWORD",
        problems);

    // Then
    assertThat(problems)
        .containsExactly("both HERALD_PG_PASSWORD and HERALD_PG_PASSWORD_FILE are set: give one");
  }

  @Test
  void shouldReadSizesInPowersOf1024() {
    // When / Then
    assertThat(TargetSpecs.parseSize("1048576")).isEqualTo(1 << 20);
    assertThat(TargetSpecs.parseSize("512k")).isEqualTo(512 << 10);
    assertThat(TargetSpecs.parseSize("100MB")).isEqualTo(100L << 20);
    assertThat(TargetSpecs.parseSize("2GiB")).isEqualTo(2L << 30);
    assertThatThrownBy(() -> TargetSpecs.parseSize("5 lots"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldKeepOldConstructorsWorkingWithOneJsonLinesTarget() {
    // When
    SinkConfig cfg = new SinkConfig("broker:9092", Path.of("x.jsonl"));

    // Then
    assertThat(cfg.targets()).containsExactly(new JsonLines(Path.of("x.jsonl"), Rotation.NONE));
    assertThat(cfg.problems()).isEmpty();
    assertThat(cfg.needsDeadLetters()).isFalse();
  }
}
