package dev.herald.schemas;

import dev.herald.schemas.serde.HeraldSerdes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes every shipped schema version to the compacted {@code herald.schemas} topic, so a reader
 * in any language can resolve the fingerprint of any record from Kafka itself. Idempotent:
 * compaction keeps one record per fingerprint, so a failed attempt can simply be repeated.
 */
public final class SchemaPublisher {

  /** Attempts {@link #publish(Map)} makes, each with a new producer. */
  public static final int ATTEMPTS = 3;

  /**
   * Per-attempt bound on a send. A fresh producer on a cluster that has just created the topic can
   * stall for its whole delivery timeout (two minutes by default) when a broker's metadata lags; a
   * new producer (new producer id, sequence numbers from zero) gets through.
   */
  static final int DELIVERY_TIMEOUT_MS = 30_000;

  private static final int REQUEST_TIMEOUT_MS = 10_000;

  private SchemaPublisher() {}

  /**
   * Publishes the schemas with an idempotent producer built from {@code clientConfig}, up to {@link
   * #ATTEMPTS} times, each with a new producer.
   *
   * @throws KafkaException when every attempt fails; its message names each attempt's cause
   */
  public static void publish(Map<String, Object> clientConfig) {
    Map<String, Object> p = new HashMap<>(clientConfig);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS);
    p.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS);
    publish(() -> new KafkaProducer<>(p, new StringSerializer(), new StringSerializer()), ATTEMPTS);
  }

  /**
   * Publishes the schemas with producers from {@code producers}, closing each, until one attempt
   * has every record acknowledged or {@code attempts} have failed.
   *
   * @throws KafkaException when every attempt fails; its message names each attempt's cause
   */
  public static void publish(Supplier<? extends Producer<String, String>> producers, int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
    }
    List<String> causes = new ArrayList<>();
    KafkaException last = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try (Producer<String, String> producer = producers.get()) {
        publish(producer);
        return;
      } catch (KafkaException e) {
        last = e;
        causes.add("attempt " + attempt + ": " + describe(e));
      }
    }
    throw new KafkaException(
        "Cannot publish schemas to "
            + Topics.SCHEMAS.name()
            + " ("
            + String.join("; ", causes)
            + ")",
        last);
  }

  /**
   * Sends {@link HeraldSerdes#schemaRecords()} to {@link Topics#SCHEMAS} and waits for every
   * acknowledgement, so a failure surfaces here rather than in a log.
   *
   * @throws KafkaException when a send fails
   */
  public static void publish(Producer<String, String> p) {
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (Map.Entry<String, String> e : HeraldSerdes.schemaRecords().entrySet()) {
      sent.add(p.send(new ProducerRecord<>(Topics.SCHEMAS.name(), e.getKey(), e.getValue())));
    }
    p.flush();
    for (Future<RecordMetadata> f : sent) {
      try {
        f.get();
      } catch (ExecutionException e) {
        throw new KafkaException(
            "Cannot publish schemas to " + Topics.SCHEMAS.name() + ": " + describe(e.getCause()),
            e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KafkaException("Interrupted publishing schemas", e);
      }
    }
  }

  private static String describe(Throwable t) {
    StringBuilder s = new StringBuilder(String.valueOf(t));
    for (Throwable c = t.getCause(); c != null && c != t; c = c.getCause()) {
      s.append(" <- ").append(c);
      if (c.getCause() == c) {
        break;
      }
    }
    return s.toString();
  }
}
