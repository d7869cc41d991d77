package dev.herald.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.avro.ScheduleChangeAlert;
import dev.herald.schemas.AvroJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesAlertWriterTest {

  @TempDir Path dir;

  @Test
  void shouldCreateTheFileWithItsParentDirectories() throws IOException {
    // Given
    Path file = dir.resolve("out/alerts/alerts.jsonl");

    // When
    try (JsonLinesAlertWriter writer = new JsonLinesAlertWriter(file)) {
      writer.write(Alerts.possible("a1"));
    }

    // Then
    assertThat(file).isRegularFile();
    assertThat(Files.readAllLines(file)).hasSize(1);
  }

  @Test
  void shouldWriteOnePlainJsonObjectPerLine() throws IOException {
    // Given
    Path file = dir.resolve("alerts.jsonl");
    ScheduleChangeAlert alert = Alerts.possible("a1");

    // When
    try (JsonLinesAlertWriter writer = new JsonLinesAlertWriter(file)) {
      writer.write(alert);
      writer.write(Alerts.possible("a2"));
    }

    // Then
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).isEqualTo(AvroJson.toPlainJson(alert));
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertThat(first.get("location").asText()).isEqualTo("Gdańsk");
    assertThat(first.get("current").get("text").asText()).isEqualTo("September");
    assertThat(first.get("detectedAt").asText()).isEqualTo("2025-04-02T09:15:00Z");
  }

  @Test
  void shouldWriteNothingTwiceAfterARestart() throws IOException {
    // Given
    Path file = dir.resolve("alerts.jsonl");
    try (JsonLinesAlertWriter writer = new JsonLinesAlertWriter(file)) {
      writer.write(Alerts.possible("a1"));
      writer.write(Alerts.confirmed("a1"));
      writer.write(Alerts.possible("a2"));
    }
    String before = Files.readString(file);

    // When the same records are delivered again to a reopened writer
    boolean anyWritten;
    try (JsonLinesAlertWriter writer = new JsonLinesAlertWriter(file)) {
      anyWritten =
          writer.write(Alerts.possible("a1"))
              | writer.write(Alerts.confirmed("a1"))
              | writer.write(Alerts.possible("a2"));
      assertThat(writer.alertIds()).isEqualTo(2);
      assertThat(writer.lines()).isEqualTo(3);
    }

    // Then
    assertThat(anyWritten).isFalse();
    assertThat(Files.readString(file)).isEqualTo(before);
  }

  @Test
  void shouldAppendANewerVersionOfAnAlertAfterARestart() throws IOException {
    // Given
    Path file = dir.resolve("alerts.jsonl");
    try (JsonLinesAlertWriter writer = new JsonLinesAlertWriter(file)) {
      writer.write(Alerts.possible("a1"));
    }

    // When
    boolean written;
    try (JsonLinesAlertWriter writer = new JsonLinesAlertWriter(file)) {
      written = writer.write(Alerts.confirmed("a1"));
    }

    // Then
    assertThat(written).isTrue();
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).contains("\"certainty\":\"CONFIRMED\"").contains("\"sourceCount\":2");
  }

  @Test
  void shouldNotWriteASameContentReDetectionThatOnlyChangesDetectedAt() throws IOException {
    // Given
    Path file = dir.resolve("alerts.jsonl");
    ScheduleChangeAlert redetected = Alerts.possible("a1");
    redetected.setDetectedAt(Instant.parse("2025-04-05T00:00:00Z"));

    // When
    boolean written;
    try (JsonLinesAlertWriter writer = new JsonLinesAlertWriter(file)) {
      writer.write(Alerts.possible("a1"));
      written = writer.write(redetected);
    }

    // Then
    assertThat(written).isFalse();
    assertThat(Files.readAllLines(file)).hasSize(1);
  }

  @Test
  void shouldNotReappendAnOlderVersionReplayedAfterANewerOne() throws IOException {
    // Given the file holds both versions
    Path file = dir.resolve("alerts.jsonl");
    try (JsonLinesAlertWriter writer = new JsonLinesAlertWriter(file)) {
      writer.write(Alerts.possible("a1"));
      writer.write(Alerts.confirmed("a1"));
    }

    // When the older version is re-delivered
    boolean written;
    try (JsonLinesAlertWriter writer = new JsonLinesAlertWriter(file)) {
      written = writer.write(Alerts.possible("a1"));
    }

    // Then
    assertThat(written).isFalse();
    assertThat(Files.readAllLines(file)).hasSize(2);
  }

  @Test
  void shouldCutATornLastLineAndWriteItsAlertAgain() throws IOException {
    // Given a crash cut the second line short
    Path file = dir.resolve("alerts.jsonl");
    String first = AvroJson.toPlainJson(Alerts.possible("a1"));
    String second = AvroJson.toPlainJson(Alerts.possible("a2"));
    Files.writeString(file, first + "\n" + second.substring(0, 40), StandardCharsets.UTF_8);

    // When
    boolean rewritten;
    try (JsonLinesAlertWriter writer = new JsonLinesAlertWriter(file)) {
      rewritten = writer.write(Alerts.possible("a2"));
    }

    // Then
    assertThat(rewritten).isTrue();
    assertThat(Files.readAllLines(file)).containsExactly(first, second);
  }

  @Test
  void shouldKeepAWholeLastLineThatLacksItsNewline() throws IOException {
    // Given
    Path file = dir.resolve("alerts.jsonl");
    String first = AvroJson.toPlainJson(Alerts.possible("a1"));
    Files.writeString(file, first, StandardCharsets.UTF_8);

    // When
    boolean written;
    try (JsonLinesAlertWriter writer = new JsonLinesAlertWriter(file)) {
      written = writer.write(Alerts.possible("a1")) | writer.write(Alerts.possible("a2"));
    }

    // Then
    assertThat(written).isTrue();
    assertThat(Files.readAllLines(file))
        .containsExactly(first, AvroJson.toPlainJson(Alerts.possible("a2")));
  }

  @Test
  void shouldLeaveLinesThatAreNotAlertsAlone() throws IOException {
    // Given
    Path file = dir.resolve("alerts.jsonl");
    Files.writeString(file, "not json\n{\"note\":\"hand-written\"}\n", StandardCharsets.UTF_8);

    // When
    try (JsonLinesAlertWriter writer = new JsonLinesAlertWriter(file)) {
      writer.write(Alerts.possible("a1"));
      assertThat(writer.lines()).isEqualTo(1);
    }

    // Then
    assertThat(Files.readAllLines(file)).hasSize(3).startsWith("not json");
  }

  @Test
  void shouldRefuseASecondWriterOnTheSameFile() throws IOException {
    // Given
    Path file = dir.resolve("alerts.jsonl");
    try (JsonLinesAlertWriter writer = new JsonLinesAlertWriter(file)) {

      // When / Then
      assertThatThrownBy(() -> new JsonLinesAlertWriter(file))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("one file per sink");
      assertThat(writer.write(Alerts.possible("a1"))).isTrue();
    }
  }
}
