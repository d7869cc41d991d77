package dev.herald.enrich;

import dev.herald.avro.DeadLetter;
import dev.herald.schemas.Topics;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a record Kafka Streams cannot deserialize (malformed bytes on a repartition topic: the raw
 * topic is read as bytes and decoded by {@link DecodeProcessor}) into a {@link DeadLetter} on
 * herald.dlq with its place, bytes and cause, and resumes. Kafka Streams' default handler fails the
 * stream thread, and a replaced thread meets the same record again: the topology stops for good.
 *
 * <p>The dead letter goes out through Kafka Streams' dead-letter-queue records (KIP-1034): they are
 * sent by the task's producer, so under exactly_once_v2 they commit with the skipped offset.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
  /** Optional config entry: the {@link EnrichMetrics} whose dead-letter count to increment. */
  public static final String METRICS_CONFIG = "herald.enrich.metrics";

  static final String STAGE = "enrich.deserialize";

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

  private final Serializer<DeadLetter> serializer = Topics.DLQ.valueSerde().serializer();
  private Clock clock = Clock.systemUTC();
  private EnrichMetrics metrics;

  @Override
  public void configure(Map<String, ?> configs) {
    if (configs.get(METRICS_CONFIG) instanceof EnrichMetrics m) {
      metrics = m;
    }
  }

  /** For tests: the clock stamping {@code occurredAt}. */
  DeadLetterDeserializationHandler withClock(Clock clock) {
    this.clock = clock;
    return this;
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    LOG.warn(
        "Dead-lettering an undecodable record at {}-{}@{}: {}",
        record.topic(),
        record.partition(),
        record.offset(),
        exception.toString());
    DeadLetter letter =
        DeadLetters.of(
            STAGE,
            record.topic(),
            record.partition(),
            record.offset(),
            record.key(),
            record.value(),
            exception,
            clock.instant());
    String dlq = Topics.DLQ.name();
    ProducerRecord<byte[], byte[]> out =
        new ProducerRecord<>(dlq, null, record.key(), serializer.serialize(dlq, letter));
    if (metrics != null) {
      metrics.deadLetters.incrementAndGet();
    }
    return Response.resume(List.of(out));
  }
}
