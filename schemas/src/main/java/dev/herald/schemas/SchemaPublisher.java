package dev.herald.schemas;

import dev.herald.schemas.serde.HeraldSerdes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * Publishes every shipped schema version to the compacted {@code herald.schemas} topic, so a reader
 * in any language can resolve the fingerprint of any record from Kafka itself. Idempotent:
 * compaction keeps one record per fingerprint.
 */
public final class SchemaPublisher {

  private SchemaPublisher() {}

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
            "Cannot publish schemas to " + Topics.SCHEMAS.name(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KafkaException("Interrupted publishing schemas", e);
      }
    }
  }
}
