package dev.herald.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Serde of one generated type in Avro single-object encoding. Thread-safe. */
final class SingleObjectSerde<T extends SpecificRecord> implements Serde<T> {

  private static final byte MARKER_0 = (byte) 0xC3;
  private static final byte MARKER_1 = (byte) 0x01;
  private static final int HEADER_LENGTH = 10;
  private static final HexFormat HEX = HexFormat.of();

  private final Class<T> type;
  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;
  private final Set<String> knownFingerprints = new LinkedHashSet<>();

  SingleObjectSerde(Class<T> type) {
    this.type = type;
    // The generated class's own model carries its logical-type conversions (Instant...).
    SpecificData generated = SpecificData.getForClass(type);
    Schema current = generated.getSchema(type);
    this.encoder = new BinaryMessageEncoder<>(generated, current);
    this.decoder = new BinaryMessageDecoder<>(new HeraldModel(generated), current);
    knownFingerprints.add(fingerprintHex(current));
    if (SchemaVersions.TOP_LEVEL_TYPES.contains(type)) {
      for (Schema old : SchemaVersions.history(type)) {
        decoder.addSchema(old);
        knownFingerprints.add(fingerprintHex(old));
      }
    }
  }

  /** Hex of the 8 fingerprint bytes in wire order, i.e. bytes 2..9 of an encoded record. */
  static String fingerprintHex(Schema schema) {
    long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
    return HEX.formatHex(
        ByteBuffer.allocate(8)
            .order(java.nio.ByteOrder.LITTLE_ENDIAN)
            .putLong(fingerprint)
            .array());
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, data) -> serialize(topic, data);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, data) -> deserialize(topic, data);
  }

  private byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    try {
      return encoder.encode(data).array();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "Cannot encode " + type.getSimpleName() + " for topic " + topic + ": " + e, e);
    }
  }

  private T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    String where = type.getSimpleName() + " from topic " + topic;
    if (data.length < HEADER_LENGTH) {
      throw new SerializationException(
          "Cannot decode "
              + where
              + ": "
              + data.length
              + " bytes is shorter than the 10-byte Avro single-object header");
    }
    if (data[0] != MARKER_0 || data[1] != MARKER_1) {
      throw new SerializationException(
          String.format(
              "Cannot decode %s: bad marker %02X %02X, expected C3 01 (Avro single-object"
                  + " encoding)",
              where, data[0], data[1]));
    }
    String fingerprint = HEX.formatHex(data, 2, HEADER_LENGTH);
    if (!knownFingerprints.contains(fingerprint)) {
      throw new SerializationException(
          "Cannot decode "
              + where
              + ": unknown schema fingerprint "
              + fingerprint
              + " (known versions: "
              + knownFingerprints
              + "); is it another record type, or written by a newer Herald?");
    }
    try {
      return decoder.decode(data);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "Cannot decode " + where + ": payload does not match schema " + fingerprint + ": " + e,
          e);
    }
  }
}
