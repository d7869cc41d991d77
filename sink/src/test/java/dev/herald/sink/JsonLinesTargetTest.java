package dev.herald.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.avro.ScheduleChangeAlert;
import dev.herald.sink.TargetSpec.Rotation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesTargetTest {

  private static final Instant T0 = Instant.parse("2025-04-02T23:50:00Z");

  @TempDir Path dir;

  @Test
  void shouldWriteNewVersionsOnlyAndReportHowMany() throws IOException {
    // Given
    Path file = dir.resolve("alerts.jsonl");
    try (JsonLinesTarget target = new JsonLinesTarget(file, Rotation.NONE)) {
      target.deliver(List.of(Alerts.possible("a1")));

      // When
      int delivered =
          target.deliver(
              List.of(Alerts.possible("a1"), Alerts.confirmed("a1"), Alerts.possible("a2")));

      // Then
      assertThat(delivered).isEqualTo(2);
    }
    assertThat(Files.readAllLines(file)).hasSize(3);
  }

  @Test
  void shouldRotateBeforeALineWouldPassTheSizeLimit() throws IOException {
    // Given a limit that two alert lines fit in, but not three
    Path file = dir.resolve("alerts.jsonl");
    long line = Alerts.lineBytes(Alerts.possible("a1"));
    SettableClock clock = new SettableClock(T0);
    try (JsonLinesTarget target =
        new JsonLinesTarget(file, new Rotation(2 * line + line / 2, null, 0), clock)) {

      // When
      target.deliver(List.of(Alerts.possible("a1"), Alerts.possible("a2"), Alerts.possible("a3")));

      // Then
      assertThat(target.rotations()).isEqualTo(1);
      List<Path> rotated = target.rotatedFiles();
      assertThat(rotated)
          .singleElement()
          .satisfies(
              p ->
                  assertThat(p.getFileName().toString())
                      .isEqualTo("alerts-20250402T235000000Z.jsonl"));
      assertThat(Files.readAllLines(rotated.get(0))).hasSize(2);
      assertThat(Files.readAllLines(file)).singleElement().asString().contains("\"a3\"");
    }
  }

  @Test
  void shouldWriteALineLargerThanTheLimitAloneInItsFile() throws IOException {
    // Given
    Path file = dir.resolve("alerts.jsonl");
    try (JsonLinesTarget target =
        new JsonLinesTarget(file, new Rotation(10, null, 0), new SettableClock(T0))) {

      // When
      target.deliver(List.of(Alerts.possible("a1"), Alerts.possible("a2")));

      // Then no empty file is left behind
      assertThat(target.rotatedFiles())
          .singleElement()
          .satisfies(p -> assertThat(Files.readAllLines(p)).hasSize(1));
      assertThat(Files.readAllLines(file)).hasSize(1);
    }
  }

  @Test
  void shouldRotateWhenThePeriodOfTheLastLineHasEnded() throws IOException {
    // Given daily files, a line written ten minutes before midnight UTC
    Path file = dir.resolve("alerts.jsonl");
    SettableClock clock = new SettableClock(T0);
    try (JsonLinesTarget target =
        new JsonLinesTarget(file, new Rotation(0, Duration.ofDays(1), 0), clock)) {
      target.deliver(List.of(Alerts.possible("a1")));
      clock.advance(Duration.ofMinutes(5));
      target.deliver(List.of(Alerts.possible("a2")));
      assertThat(target.rotations()).isZero();

      // When the next line comes after midnight
      clock.advance(Duration.ofMinutes(10));
      target.deliver(List.of(Alerts.possible("a3")));

      // Then
      assertThat(target.rotations()).isEqualTo(1);
      assertThat(Files.readAllLines(target.rotatedFiles().get(0))).hasSize(2);
      assertThat(Files.readAllLines(file)).hasSize(1);
    }
  }

  @Test
  void shouldNotRotateAnEmptyFileWhateverTheTime() throws IOException {
    // Given
    Path file = dir.resolve("alerts.jsonl");
    SettableClock clock = new SettableClock(T0);
    try (JsonLinesTarget target =
        new JsonLinesTarget(file, new Rotation(0, Duration.ofHours(1), 0), clock)) {
      clock.advance(Duration.ofDays(3));

      // When
      target.deliver(List.of(Alerts.possible("a1")));

      // Then
      assertThat(target.rotations()).isZero();
      assertThat(target.rotatedFiles()).isEmpty();
    }
  }

  @Test
  void shouldKeepOnlyTheNewestRotatedFiles() throws IOException {
    // Given one line per file, two rotated files kept
    Path file = dir.resolve("alerts.jsonl");
    SettableClock clock = new SettableClock(T0);
    try (JsonLinesTarget target = new JsonLinesTarget(file, new Rotation(10, null, 2), clock)) {

      // When five lines force four rotations
      for (int i = 1; i <= 5; i++) {
        clock.advance(Duration.ofSeconds(1));
        target.deliver(List.of(Alerts.possible("a" + i)));
      }

      // Then the two newest rotated files remain: a3 and a4
      List<String> kept = new ArrayList<>();
      for (Path p : target.rotatedFiles()) {
        kept.addAll(Files.readAllLines(p));
      }
      assertThat(target.rotations()).isEqualTo(4);
      assertThat(kept).hasSize(2);
      assertThat(kept.get(0)).contains("\"alertId\":\"a3\"");
      assertThat(kept.get(1)).contains("\"alertId\":\"a4\"");
    }
  }

  @Test
  void shouldNotAppendAVersionAgainThatARotatedFileHolds() throws IOException {
    // Given a1 was written, then the file was rotated and the sink restarted
    Path file = dir.resolve("alerts.jsonl");
    Rotation rotation = new Rotation(10, null, 0);
    try (JsonLinesTarget target = new JsonLinesTarget(file, rotation, new SettableClock(T0))) {
      target.deliver(List.of(Alerts.possible("a1"), Alerts.possible("a2")));
    }

    // When the same records come again, with a newer version of a1
    int delivered;
    try (JsonLinesTarget target =
        new JsonLinesTarget(file, rotation, new SettableClock(T0.plusSeconds(60)))) {
      delivered =
          target.deliver(
              List.of(Alerts.possible("a1"), Alerts.possible("a2"), Alerts.confirmed("a1")));
    }

    // Then only the new version is written
    assertThat(delivered).isEqualTo(1);
    assertThat(Files.readAllLines(file))
        .singleElement()
        .asString()
        .contains("\"certainty\":\"CONFIRMED\"");
  }

  @Test
  void shouldNameRotatedFilesOfOneMillisecondApartInTimeOrder() throws IOException {
    // Given a clock that does not move
    Path file = dir.resolve("alerts.jsonl");
    try (JsonLinesTarget target =
        new JsonLinesTarget(file, new Rotation(10, null, 0), new SettableClock(T0))) {

      // When
      List<ScheduleChangeAlert> batch = new ArrayList<>();
      for (int i = 1; i <= 4; i++) {
        batch.add(Alerts.possible("a" + i));
      }
      target.deliver(batch);

      // Then the order of the names is the order of the lines
      List<String> lines = new ArrayList<>();
      for (Path p : target.rotatedFiles()) {
        lines.addAll(Files.readAllLines(p));
      }
      assertThat(lines).hasSize(3);
      for (int i = 0; i < 3; i++) {
        assertThat(lines.get(i)).contains("\"alertId\":\"a" + (i + 1) + "\"");
      }
    }
  }
}
