package dev.herald.sink.example;

import dev.herald.avro.ScheduleChangeAlert;
import dev.herald.schemas.serde.HeraldSerdes;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.SchemaStore;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * How a downstream service reads {@code herald.alerts} (the README's "Consuming alerts" section).
 *
 * <p>Values are Avro single-object encoded: {@code C3 01}, the 8-byte CRC-64-AVRO fingerprint of
 * the writer schema, then the binary record. Two ways to read them:
 *
 * <ol>
 *   <li>with the {@code dev.herald:herald-schemas} artifact: generated classes and {@link
 *       HeraldSerdes}, which knows every schema version Herald shipped;
 *   <li>with plain Avro and no Herald code: {@link PlainAvro} takes the writer schemas from {@code
 *       herald.schemas} (key: fingerprint, value: schema JSON) and resolves them to the reader's
 *       own copy of {@code ScheduleChangeAlert.avsc}.
 * </ol>
 *
 * The key is the alert id; a newer version of an alert has the same key (the topic is compacted),
 * so keep the latest per key. A {@code null} value is a tombstone.
 */
public final class AlertConsumerExample {

  private AlertConsumerExample() {}

  /** Only committed alerts, from the start of the topic, offsets committed after handling. */
  public static Properties props(String bootstrapServers, String groupId) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return p;
  }

  /** The value deserializer of way 1. */
  public static Deserializer<ScheduleChangeAlert> alertDeserializer() {
    return HeraldSerdes.avro(ScheduleChangeAlert.class).deserializer();
  }

  /** Way 1: a consumer of generated alerts. */
  public static KafkaConsumer<String, ScheduleChangeAlert> consumer(Properties props) {
    KafkaConsumer<String, ScheduleChangeAlert> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), alertDeserializer());
    consumer.subscribe(List.of("herald.alerts"));
    return consumer;
  }

  /** Handles one poll's alerts (skipping tombstones), then commits; returns how many. */
  public static int pollOnce(
      Consumer<String, ScheduleChangeAlert> consumer,
      java.util.function.Consumer<ScheduleChangeAlert> handler,
      Duration timeout) {
    int n = 0;
    for (ConsumerRecord<String, ScheduleChangeAlert> rec : consumer.poll(timeout)) {
      if (rec.value() != null) {
        handler.accept(rec.value()); // e.g. upsert by rec.key(): the latest version wins
        n++;
      }
    }
    consumer.commitSync();
    return n;
  }

  /** Way 2: plain Avro, writer schemas from {@code herald.schemas}. Not thread-safe. */
  public static final class PlainAvro {
    private final SchemaStore.Cache writerSchemas = new SchemaStore.Cache();
    private final BinaryMessageDecoder<GenericRecord> decoder;

    /**
     * @param readerSchema the schema this service was written against (its own .avsc copy)
     */
    public PlainAvro(Schema readerSchema) {
      this.decoder = new BinaryMessageDecoder<>(GenericData.get(), readerSchema, writerSchemas);
    }

    /** Adds one record of {@code herald.schemas}: fingerprint (hex) to schema JSON. */
    public void addSchema(String fingerprint, String schemaJson) {
      writerSchemas.addSchema(new Schema.Parser().parse(schemaJson));
    }

    /** Adds them all, e.g. collected from {@code herald.schemas}. */
    public void addSchemas(Map<String, String> records) {
      records.forEach(this::addSchema);
    }

    /**
     * Reads {@code herald.schemas} (one partition, compacted) from its start to its end; call it
     * again when {@link #decode} meets an unknown fingerprint (a newer Herald published it).
     */
    public void loadSchemas(Consumer<String, String> schemaTopic) {
      TopicPartition tp = new TopicPartition("herald.schemas", 0);
      schemaTopic.assign(List.of(tp));
      schemaTopic.seekToBeginning(List.of(tp));
      long end = schemaTopic.endOffsets(List.of(tp)).get(tp);
      while (schemaTopic.position(tp) < end) {
        for (ConsumerRecord<String, String> rec : schemaTopic.poll(Duration.ofSeconds(1))) {
          if (rec.value() != null) {
            addSchema(rec.key(), rec.value());
          }
        }
      }
    }

    /**
     * Decodes an alert value into the reader schema.
     *
     * @throws org.apache.avro.message.MissingSchemaException when the writer schema is not known
     *     yet (reload {@code herald.schemas})
     */
    public GenericRecord decode(byte[] value) throws IOException {
      return decoder.decode(value);
    }
  }
}
