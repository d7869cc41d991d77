package dev.herald.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.avro.FeedState;
import dev.herald.avro.RawArticle;
import dev.herald.avro.ScheduleChangeAlert;
import dev.herald.avro.TextSource;
import dev.herald.schemas.Fixtures;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HeraldSerdesTest {

  private static final String TOPIC = "herald.test";

  static Stream<SpecificRecord> records() {
    return Stream.of(
        Fixtures.feedSubscription(),
        Fixtures.minimalFeedSubscription(),
        Fixtures.feedState(),
        Fixtures.failingFeedState(),
        Fixtures.rawArticle(),
        Fixtures.minimalRawArticle(),
        Fixtures.enrichedArticle(),
        Fixtures.duplicateEnrichedArticle(),
        Fixtures.eventTimeline(),
        Fixtures.alert(),
        Fixtures.cancelledAlert(),
        Fixtures.deadLetter(),
        Fixtures.ingestDeadLetter(),
        Fixtures.claimBatch(),
        Fixtures.claim(),
        Fixtures.evidence());
  }

  @ParameterizedTest
  @MethodSource("records")
  void shouldRoundTripEveryRecordTypeIncludingNullsAndNestedRecords(SpecificRecord record) {
    // Given
    Serde<SpecificRecord> serde = serdeFor(record);

    // When
    byte[] bytes = serde.serializer().serialize(TOPIC, record);
    SpecificRecord back = serde.deserializer().deserialize(TOPIC, bytes);

    // Then
    assertThat(back).isEqualTo(record).isNotSameAs(record);
    assertThat(record).isEqualTo(back);
    assertThat(back.hashCode()).isEqualTo(record.hashCode());
  }

  @ParameterizedTest
  @MethodSource("records")
  void shouldWriteSingleObjectHeaderWithTheSchemaFingerprint(SpecificRecord record) {
    // When
    byte[] bytes = serdeFor(record).serializer().serialize(TOPIC, record);

    // Then
    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    assertThat(HexFormat.of().formatHex(bytes, 2, 10))
        .isEqualTo(HeraldSerdes.fingerprintHex(record.getSchema()));
  }

  @Test
  void shouldMapTombstonesToNullBothWays() {
    // Given
    Serde<ScheduleChangeAlert> serde = HeraldSerdes.avro(ScheduleChangeAlert.class);

    // When / Then
    assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
    assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
  }

  @Test
  void shouldRejectGarbageWithSerializationException() {
    // Given
    Serde<ScheduleChangeAlert> serde = HeraldSerdes.avro(ScheduleChangeAlert.class);
    byte[] text = "{\"alertId\":\"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    // When / Then
    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, text))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("bad marker 7B 22")
        .hasMessageContaining(TOPIC);
  }

  @Test
  void shouldRejectBytesShorterThanTheHeader() {
    // Given
    Serde<ScheduleChangeAlert> serde = HeraldSerdes.avro(ScheduleChangeAlert.class);

    // When / Then
    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, new byte[] {(byte) 0xC3, 1}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("shorter than the 10-byte");
  }

  @Test
  void shouldRejectAnotherRecordTypeAsUnknownFingerprint() {
    // Given
    byte[] article =
        HeraldSerdes.avro(RawArticle.class).serializer().serialize(TOPIC, Fixtures.rawArticle());

    // When / Then
    assertThatThrownBy(
            () -> HeraldSerdes.avro(FeedState.class).deserializer().deserialize(TOPIC, article))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("unknown schema fingerprint " + fingerprintOf(article));
  }

  @Test
  void shouldRejectTruncatedPayload() {
    // Given
    Serde<ScheduleChangeAlert> serde = HeraldSerdes.avro(ScheduleChangeAlert.class);
    byte[] full = serde.serializer().serialize(TOPIC, Fixtures.alert());
    byte[] truncated = Arrays.copyOf(full, full.length / 2);

    // When / Then
    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, truncated))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("payload does not match schema " + fingerprintOf(full));
  }

  @Test
  void shouldReadRecordsWrittenWithAnOlderShippedSchemaVersion() {
    // Given: a RawArticle written before textSource and publishedOffset existed
    Schema old = SchemaVersions.history(RawArticle.class).get(0);
    GenericRecord v0 = new GenericData.Record(old);
    v0.put("id", "0f1e2d3c4b5a6978");
    v0.put("feedUrl", "https://news.example.org/rss");
    v0.put("text", "Body.");
    v0.put("publishedAt", 1_707_208_200_000L);
    v0.put("fetchedAt", 1_707_208_272_345L);
    byte[] bytes = encode(old, v0);

    // When
    RawArticle read = HeraldSerdes.avro(RawArticle.class).deserializer().deserialize(TOPIC, bytes);

    // Then
    assertThat(read.getId()).isEqualTo("0f1e2d3c4b5a6978");
    assertThat(read.getPublishedAt()).isEqualTo(Instant.parse("2024-02-06T08:30:00Z"));
    assertThat(read.getTextSource()).isEqualTo(TextSource.FEED);
    assertThat(read.getPublishedOffset()).isNull();
  }

  @Test
  void shouldListEveryShippedSchemaVersionByFingerprint() {
    // When
    Map<String, String> records = HeraldSerdes.schemaRecords();

    // Then
    for (var type : SchemaVersions.TOP_LEVEL_TYPES) {
      for (Schema schema : SchemaVersions.all(type)) {
        String json = records.get(HeraldSerdes.fingerprintHex(schema));
        assertThat(json).as(type.getSimpleName()).isNotNull();
        assertThat(HeraldSerdes.fingerprintHex(new Schema.Parser().parse(json)))
            .isEqualTo(HeraldSerdes.fingerprintHex(schema));
      }
    }
    assertThat(records.keySet()).allMatch(k -> k.matches("[0-9a-f]{16}"));
    long shipped =
        SchemaVersions.TOP_LEVEL_TYPES.stream()
            .flatMap(t -> SchemaVersions.all(t).stream())
            .map(HeraldSerdes::fingerprintHex)
            .distinct()
            .count();
    assertThat(records).hasSize((int) shipped);
  }

  private static byte[] encode(Schema schema, GenericRecord record) {
    try {
      return new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema)
          .encode(record)
          .array();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String fingerprintOf(byte[] encoded) {
    return HexFormat.of().formatHex(encoded, 2, 10);
  }

  @SuppressWarnings("unchecked")
  private static Serde<SpecificRecord> serdeFor(SpecificRecord record) {
    return (Serde<SpecificRecord>) HeraldSerdes.avro(record.getClass());
  }
}
