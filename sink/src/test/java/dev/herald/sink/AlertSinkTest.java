package dev.herald.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.avro.ScheduleChangeAlert;
import dev.herald.schemas.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The consume-write-commit loop, on Kafka's in-memory MockConsumer (no broker). */
class AlertSinkTest {

  private static final TopicPartition PARTITION = new TopicPartition(Topics.ALERTS.name(), 0);

  @TempDir Path dir;

  @Test
  void shouldWriteAlertsThenCommitPastThem() throws Exception {
    // Given
    MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    Path file = dir.resolve("alerts.jsonl");
    try (AlertSink sink = sinkOn(consumer, file)) {
      add(consumer, 0, "a1", bytes(Alerts.possible("a1")));
      add(consumer, 1, "a2", bytes(Alerts.possible("a2")));

      // When
      int written = sink.pollOnce(Duration.ZERO);

      // Then
      assertThat(written).isEqualTo(2);
      assertThat(Files.readAllLines(file)).hasSize(2);
      assertThat(consumer.committed(Set.of(PARTITION)))
          .containsEntry(PARTITION, new OffsetAndMetadata(2));
    }
  }

  @Test
  void shouldSkipAndCountUndecodableRecordsAndTombstones() throws Exception {
    // Given
    MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    Path file = dir.resolve("alerts.jsonl");
    try (AlertSink sink = sinkOn(consumer, file)) {
      add(consumer, 0, "x", "not avro at all".getBytes(StandardCharsets.UTF_8));
      add(consumer, 1, "a1", null);
      add(consumer, 2, "a2", bytes(Alerts.possible("a2")));

      // When
      int written = sink.pollOnce(Duration.ZERO);

      // Then
      assertThat(written).isEqualTo(1);
      assertThat(sink.undecodable()).isEqualTo(1);
      assertThat(sink.written()).isEqualTo(1);
      assertThat(consumer.committed(Set.of(PARTITION)))
          .containsEntry(PARTITION, new OffsetAndMetadata(3));
    }
    assertThat(Files.readAllLines(file)).singleElement().asString().contains("\"alertId\":\"a2\"");
  }

  @Test
  void shouldWriteNothingWhenARestartedSinkReadsTheSameRecordsAgain() throws Exception {
    // Given a first sink wrote two versions of an alert, then crashed before committing
    Path file = dir.resolve("alerts.jsonl");
    try (JsonLinesAlertWriter writer = new JsonLinesAlertWriter(file)) {
      writer.write(Alerts.possible("a1"));
      writer.write(Alerts.confirmed("a1"));
    }
    MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    try (AlertSink sink = sinkOn(consumer, file)) {
      add(consumer, 0, "a1", bytes(Alerts.possible("a1")));
      add(consumer, 1, "a1", bytes(Alerts.confirmed("a1")));

      // When
      int written = sink.pollOnce(Duration.ZERO);

      // Then
      assertThat(written).isZero();
      assertThat(sink.unchanged()).isEqualTo(2);
    }
    assertThat(Files.readAllLines(file)).hasSize(2);
  }

  @Test
  void shouldStopARunningLoopWhenClosedFromAnotherThread() throws Exception {
    // Given
    MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    AlertSink sink = sinkOn(consumer, dir.resolve("a.jsonl"));
    Thread loop = new Thread(sink::run, "sink-under-test");
    loop.start();

    // When
    sink.close();
    loop.join();

    // Then
    assertThat(loop.isAlive()).isFalse();
    assertThat(consumer.closed()).isTrue();
  }

  @Test
  void shouldForceManualCommitAndReadCommittedWhateverTheExtraProperties() {
    // Given
    SinkConfig cfg =
        new SinkConfig(
            "broker:9092",
            null,
            dir.resolve("a.jsonl"),
            Map.of("enable.auto.commit", "true", "security.protocol", "SSL"));

    // When
    Map<String, Object> props = AlertSink.consumerProps(cfg);

    // Then
    assertThat(cfg.groupId()).isEqualTo("herald-sink");
    assertThat(props)
        .containsEntry("enable.auto.commit", false)
        .containsEntry("isolation.level", "read_committed")
        .containsEntry("group.id", "herald-sink")
        .containsEntry("security.protocol", "SSL");
  }

  @Test
  void shouldDeliverEachBatchToEveryTarget() throws Exception {
    // Given two files
    MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    SinkConfig cfg =
        new SinkConfig(
            "unused:9092",
            null,
            null,
            Map.of(),
            List.of(
                new TargetSpec.JsonLines(a, TargetSpec.Rotation.NONE),
                new TargetSpec.JsonLines(b, TargetSpec.Rotation.NONE)));
    try (AlertSink sink = new AlertSink(cfg, consumer)) {
      assign(consumer);
      add(consumer, 0, "a1", bytes(Alerts.possible("a1")));

      // When
      int delivered = sink.pollOnce(Duration.ZERO);

      // Then
      assertThat(delivered).isEqualTo(2);
      assertThat(sink.targetStats())
          .extracting(AlertSink.TargetStats::delivered)
          .containsExactly(1L, 1L);
      assertThat(sink.alertsFile()).isEqualTo(a.toAbsolutePath());
    }
    assertThat(Files.readAllLines(a)).isEqualTo(Files.readAllLines(b)).hasSize(1);
  }

  @Test
  void shouldCommitNothingAndDeliverTheBatchAgainAfterATargetFails() throws Exception {
    // Given a file, then a target that fails once
    MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    Path file = dir.resolve("alerts.jsonl");
    FailingOnce failing = new FailingOnce();
    SinkConfig cfg = new SinkConfig("unused:9092", file);
    try (AlertSink sink =
        new AlertSink(
            cfg, consumer, List.of(new JsonLinesTarget(file, TargetSpec.Rotation.NONE), failing))) {
      assign(consumer);
      add(consumer, 0, "a1", bytes(Alerts.possible("a1")));
      add(consumer, 1, "a2", bytes(Alerts.possible("a2")));

      // When
      assertThatThrownBy(() -> sink.pollOnce(Duration.ZERO))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("disk full");
      Map<TopicPartition, OffsetAndMetadata> afterFailure = consumer.committed(Set.of(PARTITION));
      assertThat(sink.lastError()).isPresent();
      long rewoundTo = consumer.position(PARTITION);
      // MockConsumer hands a record out once; a broker serves it again from the rewound position.
      add(consumer, 0, "a1", bytes(Alerts.possible("a1")));
      add(consumer, 1, "a2", bytes(Alerts.possible("a2")));
      int second = sink.pollOnce(Duration.ZERO);

      // Then the batch came again; the file, which had it, wrote nothing twice
      assertThat(afterFailure).doesNotContainKey(PARTITION);
      assertThat(rewoundTo).isZero();
      assertThat(failing.batches).hasSize(2);
      assertThat(failing.batches.get(1))
          .extracting(ScheduleChangeAlert::getAlertId)
          .containsExactly("a1", "a2");
      assertThat(second).isEqualTo(2); // the failing target took both, the file none
      assertThat(sink.failedBatches()).isEqualTo(1);
      assertThat(sink.lastError()).isEmpty();
      assertThat(consumer.committed(Set.of(PARTITION)))
          .containsEntry(PARTITION, new OffsetAndMetadata(2));
    }
    assertThat(Files.readAllLines(file)).hasSize(2);
  }

  @Test
  void shouldCountAssignedPartitions() {
    // Given
    MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    try (AlertSink sink =
        new AlertSink(new SinkConfig("unused:9092", dir.resolve("a.jsonl")), consumer)) {
      assertThat(sink.assignedPartitions()).isZero();

      // When
      assign(consumer);
      sink.pollOnce(Duration.ZERO);

      // Then
      assertThat(sink.assignedPartitions()).isEqualTo(1);
    }
  }

  /** A target that fails its first batch, as a full disk would, and records every batch. */
  private static final class FailingOnce implements AlertTarget {
    final List<List<ScheduleChangeAlert>> batches = new ArrayList<>();

    @Override
    public String name() {
      return "failing-once";
    }

    @Override
    public int deliver(List<ScheduleChangeAlert> alerts) throws IOException {
      batches.add(List.copyOf(alerts));
      if (batches.size() == 1) {
        throw new IOException("disk full");
      }
      return alerts.size();
    }

    @Override
    public void close() {}
  }

  private static void assign(MockConsumer<String, byte[]> consumer) {
    consumer.rebalance(List.of(PARTITION));
    consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
  }

  /** A sink on a consumer that owns partition 0 of the alert topic, from offset 0. */
  private static AlertSink sinkOn(MockConsumer<String, byte[]> consumer, Path file) {
    AlertSink sink = new AlertSink(new SinkConfig("unused:9092", file), consumer);
    consumer.rebalance(List.of(PARTITION));
    consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
    return sink;
  }

  private static void add(
      MockConsumer<String, byte[]> consumer, long offset, String key, byte[] v) {
    consumer.addRecord(new ConsumerRecord<>(PARTITION.topic(), 0, offset, key, v));
  }

  private static byte[] bytes(ScheduleChangeAlert alert) {
    return Topics.ALERTS.valueSerde().serializer().serialize(Topics.ALERTS.name(), alert);
  }
}
