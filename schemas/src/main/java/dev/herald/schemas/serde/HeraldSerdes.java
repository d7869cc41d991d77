package dev.herald.schemas.serde;

import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** The one place Herald gets its serdes from. */
public final class HeraldSerdes {

  private static final SerdeFactory FACTORY = new SingleObjectSerdeFactory();

  private HeraldSerdes() {}

  /** The wire-format factory in use (Avro single-object encoding). */
  public static SerdeFactory factory() {
    return FACTORY;
  }

  /**
   * A serde for a generated Avro type in single-object encoding; its decoder reads every schema
   * version of the type shipped in this module. Tombstones ({@code null}) pass through as null;
   * undecodable bytes throw {@link org.apache.kafka.common.errors.SerializationException}.
   */
  public static <T extends SpecificRecord> Serde<T> avro(Class<T> type) {
    return FACTORY.avro(type);
  }

  /**
   * A serde for a key or value type of the topic catalogue: {@code String}, {@code byte[]} or a
   * generated Avro record.
   */
  @SuppressWarnings("unchecked")
  public static <T> Serde<T> forType(Class<T> type) {
    if (type == String.class) {
      return (Serde<T>) Serdes.String();
    }
    if (type == byte[].class) {
      return (Serde<T>) Serdes.ByteArray();
    }
    if (SpecificRecord.class.isAssignableFrom(type)) {
      return (Serde<T>) avro(type.asSubclass(SpecificRecord.class));
    }
    throw new IllegalArgumentException("No Herald serde for " + type.getName());
  }

  /**
   * Fingerprint (16 hex chars) to schema JSON, for every top-level record type and every version
   * shipped here: what {@link dev.herald.schemas.SchemaPublisher} puts on {@code herald.schemas}.
   */
  public static Map<String, String> schemaRecords() {
    return FACTORY.schemaRecords();
  }

  /**
   * The CRC-64-AVRO fingerprint of the schema's parsing canonical form, as 16 hex chars in wire
   * order (bytes 2..9 of a single-object encoded record), so a reader can look up those bytes
   * directly on {@code herald.schemas}.
   */
  public static String fingerprintHex(Schema s) {
    return SingleObjectSerde.fingerprintHex(s);
  }
}
