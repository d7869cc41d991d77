package dev.herald.enrich;

import java.time.Clock;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Decodes raw bytes into a record, or into a dead letter carrying the bytes and the cause, so that
 * one malformed record never stops the topology. A record without a key (or with a blank one) is a
 * dead letter too: every later stage is keyed by article id, and a state store refuses a null key.
 */
final class DecodeProcessor<T> implements FixedKeyProcessor<String, byte[], Decoded<T>> {
  private final Deserializer<T> deserializer;
  private final Clock clock;
  private FixedKeyProcessorContext<String, Decoded<T>> context;

  DecodeProcessor(Deserializer<T> deserializer, Clock clock) {
    this.deserializer = deserializer;
    this.clock = clock;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Decoded<T>> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, byte[]> record) {
    String topic = context.recordMetadata().map(m -> m.topic()).orElse("");
    Decoded<T> decoded;
    if (record.key() == null || record.key().isBlank()) {
      context.forward(
          record.withValue(
              Decoded.failed(
                  DeadLetters.of(
                      "enrich.decode",
                      context.recordMetadata(),
                      record.key(),
                      record.value(),
                      new IllegalArgumentException(
                          "record without a key: raw articles are keyed by article id"),
                      clock.instant()))));
      return;
    }
    try {
      T value = deserializer.deserialize(topic, record.value());
      decoded =
          value == null
              ? Decoded.failed(
                  DeadLetters.of(
                      "enrich.decode",
                      context.recordMetadata(),
                      record.key(),
                      record.value(),
                      new IllegalArgumentException("empty record value"),
                      clock.instant()))
              : Decoded.ok(value);
    } catch (RuntimeException e) {
      decoded =
          Decoded.failed(
              DeadLetters.of(
                  "enrich.decode",
                  context.recordMetadata(),
                  record.key(),
                  record.value(),
                  e,
                  clock.instant()));
    }
    context.forward(record.withValue(decoded));
  }
}
