package dev.herald.sink;

import dev.herald.avro.DeadLetter;
import dev.herald.schemas.Topics;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Dead letters to {@code herald.dlq}: an idempotent producer, each send waited for (acks=all), so a
 * dead letter is stored before the sink commits past its alert.
 */
public final class KafkaDeadLetters implements DeadLetters, AutoCloseable {

  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);

  private final Producer<String, DeadLetter> producer;

  /** A producer on the sink's cluster, with its client properties (security...). */
  public KafkaDeadLetters(SinkConfig cfg) {
    this(
        new KafkaProducer<>(
            producerProps(cfg), new StringSerializer(), Topics.DLQ.valueSerde().serializer()));
  }

  /** Over any producer of dead letters. */
  public KafkaDeadLetters(Producer<String, DeadLetter> producer) {
    this.producer = producer;
  }

  static Map<String, Object> producerProps(SinkConfig cfg) {
    Map<String, Object> props = new HashMap<>();
    // Consumer-only settings would only be warned about; pass the rest (security, timeouts).
    cfg.extraClientProps()
        .forEach(
            (k, v) -> {
              if (ProducerConfig.configNames().contains(k)
                  || k.startsWith("ssl.")
                  || k.startsWith("sasl.")) {
                props.put(k, v);
              }
            });
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cfg.bootstrapServers());
    props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, cfg.groupId() + "-dlq");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return props;
  }

  @Override
  public void send(String key, DeadLetter letter) throws IOException {
    try {
      producer
          .send(new ProducerRecord<>(Topics.DLQ.name(), key, letter))
          .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while writing to " + Topics.DLQ.name());
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new IOException("Cannot write to " + Topics.DLQ.name() + ": " + cause, cause);
    } catch (RuntimeException e) {
      throw new IOException("Cannot write to " + Topics.DLQ.name() + ": " + e, e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
