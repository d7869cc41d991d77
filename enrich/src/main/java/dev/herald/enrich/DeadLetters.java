package dev.herald.enrich;

import dev.herald.avro.DeadLetter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Builds dead letters with the stage, the cause and the raw bytes of the failed record. */
final class DeadLetters {
  private DeadLetters() {}

  static DeadLetter of(
      String stage,
      Optional<RecordMetadata> meta,
      String key,
      byte[] value,
      Throwable cause,
      Instant now) {
    return of(
        stage,
        meta.map(RecordMetadata::topic).orElse(null),
        meta.map(RecordMetadata::partition).orElse(null),
        meta.map(RecordMetadata::offset).orElse(null),
        key == null ? null : key.getBytes(StandardCharsets.UTF_8),
        value,
        cause,
        now);
  }

  /** A dead letter for a record known by its place and raw bytes (e.g. one that did not decode). */
  static DeadLetter of(
      String stage,
      String topic,
      Integer partition,
      Long offset,
      byte[] key,
      byte[] value,
      Throwable cause,
      Instant now) {
    return DeadLetter.newBuilder()
        .setStage(stage)
        .setTopic(topic)
        .setPartition(partition)
        .setOffset(offset)
        .setKey(key == null ? null : ByteBuffer.wrap(key))
        .setValue(value == null ? null : ByteBuffer.wrap(value))
        .setErrorClass(cause.getClass().getName())
        .setCause(describe(cause))
        .setOccurredAt(now)
        .build();
  }

  private static String describe(Throwable t) {
    StringBuilder sb = new StringBuilder(String.valueOf(t.getMessage()));
    for (Throwable c = t.getCause(); c != null && c != t; c = c.getCause()) {
      sb.append(" <- ").append(c.getClass().getSimpleName()).append(": ").append(c.getMessage());
    }
    return sb.toString();
  }
}
