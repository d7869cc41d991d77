package dev.herald.kafkaui;

import dev.herald.schemas.AvroJson;
import dev.herald.schemas.serde.HeraldSerdes;
import dev.herald.schemas.serde.SchemaVersions;
import java.io.IOException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificRecord;

/**
 * Decodes any Herald record in Avro single-object encoding by the schema fingerprint it carries,
 * whatever topic it sits on (Kafka Streams' internal topics included), and renders it as plain JSON
 * with {@link AvroJson}. A record written with an older schema version is resolved to the current
 * one, as Herald's own consumers see it. Thread-safe.
 */
final class HeraldAvroDecoder {

  private static final int HEADER_LENGTH = 10;

  /** Fingerprints in lower case, as {@link HeraldSerdes#fingerprintHex} keys herald.schemas. */
  private static final HexFormat FINGERPRINT = HexFormat.of();

  private static final HexFormat BYTES = HexFormat.ofDelimiter(" ").withUpperCase();

  /**
   * A decoded record.
   *
   * @param json the record as plain JSON
   * @param type the full name of its record type
   * @param fingerprint the writer schema's fingerprint, 16 hex chars in wire order
   * @param currentVersion whether the writer schema is the current version of the type
   */
  record Decoded(String json, String type, String fingerprint, boolean currentVersion) {}

  /** The bytes are not a record of a schema Herald ships; the message says why, for people. */
  static final class NotDecodableException extends Exception {
    private static final long serialVersionUID = 1L;

    NotDecodableException(String message) {
      super(message);
    }
  }

  /** One schema version of one record type, with the decoder of that type. */
  private record Version(
      String typeName, boolean current, BinaryMessageDecoder<GenericRecord> decoder) {}

  private final Map<String, Version> byFingerprint;

  HeraldAvroDecoder() {
    Map<String, Version> versions = new LinkedHashMap<>();
    for (Class<? extends SpecificRecord> type : SchemaVersions.TOP_LEVEL_TYPES) {
      Schema current = SchemaVersions.current(type);
      // Generic records: no generated class has to be loaded per record, and AvroJson renders
      // generic and generated records alike.
      BinaryMessageDecoder<GenericRecord> decoder =
          new BinaryMessageDecoder<>(GenericData.get(), current);
      for (Schema old : SchemaVersions.history(type)) {
        decoder.addSchema(old);
      }
      for (Schema version : SchemaVersions.all(type)) {
        versions.put(
            HeraldSerdes.fingerprintHex(version),
            new Version(current.getFullName(), version.equals(current), decoder));
      }
    }
    this.byFingerprint = Map.copyOf(versions);
  }

  /**
   * The record type a fingerprint belongs to, or null when Herald never wrote it.
   *
   * @param fingerprint 16 lower-case hex chars in wire order
   */
  String typeOf(String fingerprint) {
    Version v = byFingerprint.get(fingerprint);
    return v == null ? null : v.typeName();
  }

  /**
   * Decodes one record value.
   *
   * @throws NotDecodableException when the bytes are not a record of a schema Herald ships
   */
  Decoded decode(byte[] data) throws NotDecodableException {
    if (data.length < HEADER_LENGTH) {
      throw new NotDecodableException(
          (data.length == 0 ? "empty value" : data.length + " bytes (" + preview(data) + ")")
              + ": too short for an Avro single-object record (C3 01, an 8-byte schema"
              + " fingerprint, then the payload)");
    }
    if (data[0] != (byte) 0xC3 || data[1] != (byte) 0x01) {
      throw new NotDecodableException(
          "not an Avro single-object record: starts with " + preview(data) + " instead of C3 01");
    }
    String fingerprint = FINGERPRINT.formatHex(data, 2, HEADER_LENGTH);
    Version version = byFingerprint.get(fingerprint);
    if (version == null) {
      throw new NotDecodableException(
          "unknown schema fingerprint "
              + fingerprint
              + ": none of the "
              + byFingerprint.size()
              + " schema versions this plugin knows (written by a newer Herald? then update the"
              + " plugin jar)");
    }
    GenericRecord record;
    try {
      record = version.decoder().decode(data);
    } catch (IOException | RuntimeException e) {
      throw new NotDecodableException(
          "payload does not match schema "
              + fingerprint
              + " of "
              + version.typeName()
              + ": "
              + e.getMessage());
    }
    return new Decoded(
        AvroJson.toPlainJson(record), version.typeName(), fingerprint, version.current());
  }

  /** The first bytes in hex, for messages. */
  static String preview(byte[] data) {
    int shown = Math.min(data.length, 16);
    String hex = BYTES.formatHex(data, 0, shown);
    return data.length > shown ? hex + " ..." : hex;
  }
}
