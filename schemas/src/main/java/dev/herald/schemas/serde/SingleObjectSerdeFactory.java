package dev.herald.schemas.serde;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Avro single-object encoding: {@code C3 01}, the 8-byte CRC-64-AVRO fingerprint of the writer
 * schema's parsing canonical form (little-endian, as Avro writes it), then the binary payload.
 * Needs no registry: every schema version ships in this module ({@link SchemaVersions}) and is
 * published on {@code herald.schemas}.
 */
public final class SingleObjectSerdeFactory implements SerdeFactory {

  // Encoders and decoders are thread-safe and hold parsed resolvers: build each once.
  private final Map<Class<?>, Serde<?>> serdes = new ConcurrentHashMap<>();

  @Override
  @SuppressWarnings("unchecked")
  public <T extends SpecificRecord> Serde<T> avro(Class<T> type) {
    return (Serde<T>) serdes.computeIfAbsent(type, t -> new SingleObjectSerde<>(type));
  }

  @Override
  public Map<String, String> schemaRecords() {
    Map<String, String> records = new LinkedHashMap<>();
    for (Class<? extends SpecificRecord> type : SchemaVersions.TOP_LEVEL_TYPES) {
      for (Schema schema : SchemaVersions.all(type)) {
        records.put(SingleObjectSerde.fingerprintHex(schema), schema.toString());
      }
    }
    return Map.copyOf(records);
  }
}
