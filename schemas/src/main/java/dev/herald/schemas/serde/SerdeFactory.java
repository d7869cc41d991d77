package dev.herald.schemas.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Chooses the wire format of Herald's Avro records. The default is Avro single-object encoding
 * ({@link SingleObjectSerdeFactory}); a Confluent-registry wire format (magic byte + 4-byte schema
 * id, for Apicurio or Karapace) would be a second implementation of this interface, so no caller
 * needs to change when a deployment switches.
 */
public interface SerdeFactory {

  /** A serde for one generated record type; {@code null} maps to {@code null} both ways. */
  <T extends SpecificRecord> Serde<T> avro(Class<T> type);

  /**
   * Every schema the decoders of this factory understand: the key a reader meets on the wire
   * (fingerprint hex, or registry id) mapped to the schema JSON.
   */
  Map<String, String> schemaRecords();
}
