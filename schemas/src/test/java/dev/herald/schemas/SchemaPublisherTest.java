package dev.herald.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.schemas.serde.HeraldSerdes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class SchemaPublisherTest {

  /** A producer whose every send fails, as a stalled idempotent producer's do. */
  private static final class FailingProducer extends MockProducer<String, String> {
    FailingProducer() {
      super(true, null, new StringSerializer(), new StringSerializer());
    }

    @Override
    public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record) {
      return CompletableFuture.failedFuture(new OutOfOrderSequenceException("sequence 1, got 0"));
    }
  }

  @Test
  void shouldPublishWithANewProducerWhenTheFirstAttemptFails() {
    // Given a first producer that fails and a second that works
    List<MockProducer<String, String>> made = new ArrayList<>();
    MockProducer<String, String> working =
        new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());

    // When
    SchemaPublisher.publish(
        () -> {
          MockProducer<String, String> p = made.isEmpty() ? new FailingProducer() : working;
          made.add(p);
          return p;
        },
        3);

    // Then every schema went out once, through the second producer, and both were closed
    assertThat(made).hasSize(2);
    assertThat(made).allSatisfy(p -> assertThat(p.closed()).isTrue());
    assertThat(working.history())
        .extracting(ProducerRecord::topic)
        .containsOnly(Topics.SCHEMAS.name())
        .hasSize(HeraldSerdes.schemaRecords().size());
  }

  @Test
  void shouldNameEveryAttemptsCauseWhenAllAttemptsFail() {
    // Given producers that always fail
    // When / Then
    assertThatThrownBy(() -> SchemaPublisher.publish(FailingProducer::new, 2))
        .isInstanceOf(KafkaException.class)
        .hasMessageContaining("Cannot publish schemas to " + Topics.SCHEMAS.name())
        .hasMessageContaining("attempt 1: ")
        .hasMessageContaining("attempt 2: ")
        .hasMessageContaining("OutOfOrderSequenceException");
  }
}
