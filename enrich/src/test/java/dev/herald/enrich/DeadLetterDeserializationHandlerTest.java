package dev.herald.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.avro.DeadLetter;
import dev.herald.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

class DeadLetterDeserializationHandlerTest {
  private static final Instant NOW = Instant.parse("2026-11-28T03:00:00Z");

  @Test
  void shouldResumeWithOneDeadLetterCarryingThePlaceTheBytesAndTheCause() {
    // Given a handler counting into metrics, and a record that did not deserialize
    EnrichMetrics metrics = new EnrichMetrics();
    DeadLetterDeserializationHandler handler =
        new DeadLetterDeserializationHandler().withClock(Clock.fixed(NOW, ZoneOffset.UTC));
    handler.configure(Map.of(DeadLetterDeserializationHandler.METRICS_CONFIG, metrics));
    byte[] key = "a1".getBytes(StandardCharsets.UTF_8);
    byte[] value = {1, 2, 3};
    ConsumerRecord<byte[], byte[]> record =
        new ConsumerRecord<>("herald-enrich-by-band-repartition", 2, 41L, key, value);
    var cause = new SerializationException("Unknown magic byte", new IllegalStateException("x"));

    // When it is handled
    DeserializationExceptionHandler.Response response =
        handler.handleError(context(record), record, cause);

    // Then the topology resumes, with one dead letter for herald.dlq keyed like the record
    assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
    assertThat(response.deadLetterQueueRecords()).hasSize(1);
    ProducerRecord<byte[], byte[]> out = response.deadLetterQueueRecords().get(0);
    assertThat(out.topic()).isEqualTo(Topics.DLQ.name());
    assertThat(out.key()).isEqualTo(key);
    DeadLetter letter =
        Topics.DLQ.valueSerde().deserializer().deserialize(Topics.DLQ.name(), out.value());
    assertThat(letter.getStage()).isEqualTo("enrich.deserialize");
    assertThat(letter.getTopic()).isEqualTo("herald-enrich-by-band-repartition");
    assertThat(letter.getPartition()).isEqualTo(2);
    assertThat(letter.getOffset()).isEqualTo(41L);
    assertThat(UndecodableRecordsTest.bytes(letter.getKey())).isEqualTo(key);
    assertThat(UndecodableRecordsTest.bytes(letter.getValue())).isEqualTo(value);
    assertThat(letter.getErrorClass()).isEqualTo(SerializationException.class.getName());
    assertThat(letter.getCause()).contains("Unknown magic byte").contains("IllegalStateException");
    assertThat(letter.getOccurredAt()).isEqualTo(NOW);
    assertThat(metrics.deadLetters()).isOne();
  }

  @Test
  void shouldDeadLetterARecordWithoutKeyOrValue() {
    // Given a handler without metrics and a record with neither key nor value
    DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
    handler.configure(Map.of());
    ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("t", 0, 0L, null, null);

    // When it is handled
    var response = handler.handleError(context(record), record, new SerializationException("x"));

    // Then the dead letter has no key and no bytes, and the topology resumes
    assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
    DeadLetter letter =
        Topics.DLQ
            .valueSerde()
            .deserializer()
            .deserialize(Topics.DLQ.name(), response.deadLetterQueueRecords().get(0).value());
    assertThat(letter.getKey()).isNull();
    assertThat(letter.getValue()).isNull();
    assertThat(letter.getCause()).isEqualTo("x");
  }

  private static ErrorHandlerContext context(ConsumerRecord<byte[], byte[]> record) {
    return new ErrorHandlerContext() {
      @Override
      public String topic() {
        return record.topic();
      }

      @Override
      public int partition() {
        return record.partition();
      }

      @Override
      public long offset() {
        return record.offset();
      }

      @Override
      public Headers headers() {
        return new RecordHeaders();
      }

      @Override
      public String processorNodeId() {
        return "source";
      }

      @Override
      public TaskId taskId() {
        return new TaskId(0, record.partition());
      }

      @Override
      public long timestamp() {
        return record.timestamp();
      }

      @Override
      public byte[] sourceRawKey() {
        return record.key();
      }

      @Override
      public byte[] sourceRawValue() {
        return record.value();
      }
    };
  }
}
