package dev.herald.kafkaui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.avro.RawArticle;
import dev.herald.schemas.AvroJson;
import dev.herald.schemas.TopicDescriptor;
import dev.herald.schemas.Topics;
import io.kafbat.ui.serde.api.DeserializeResult;
import io.kafbat.ui.serde.api.RecordHeaders;
import io.kafbat.ui.serde.api.Serde.Target;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.stream.Stream;
import org.apache.avro.generic.IndexedRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HeraldSerdeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RecordHeaders NO_HEADERS = Collections::emptyIterator;

  private final HeraldSerde serde = new HeraldSerde();

  static Stream<TopicDescriptor<?, ?>> topics() {
    return Topics.all().stream();
  }

  private DeserializeResult value(String topic, byte[] bytes) {
    return serde.deserializer(topic, Target.VALUE).deserialize(NO_HEADERS, bytes);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topics")
  void shouldShowEveryTopicsValueAsThePlainJsonAvroJsonRenders(TopicDescriptor<?, ?> topic)
      throws Exception {
    // Given a real record of the topic's value type, written by Herald's serde
    SampleRecords.Sample sample = SampleRecords.forTopic(topic);
    byte[] bytes = SampleRecords.encode(topic, sample.value());
    String expected =
        sample.value() instanceof IndexedRecord r
            ? AvroJson.toPlainJson(r)
            : (String) sample.value(); // herald.schemas: the schema JSON itself

    // When Kafka UI decodes it through the plugin
    assertThat(serde.canDeserialize(topic.name(), Target.VALUE)).isTrue();
    DeserializeResult result = value(topic.name(), bytes);

    // Then it sees the same JSON as Herald's own JSON rendering
    assertThat(result.getType()).isEqualTo(DeserializeResult.Type.JSON);
    assertThat(JSON.readTree(result.getResult())).isEqualTo(JSON.readTree(expected));
    if (sample.value() instanceof IndexedRecord) {
      assertThat(result.getAdditionalProperties())
          .containsEntry("type", topic.valueType().getName())
          .containsEntry("currentSchemaVersion", true)
          .doesNotContainKey("warning");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topics")
  void shouldShowEveryTopicsKeyAsAString(TopicDescriptor<?, ?> topic) {
    // Given the key Herald writes for the sample record
    String key = SampleRecords.forTopic(topic).key();

    // When
    DeserializeResult result =
        serde
            .deserializer(topic.name(), Target.KEY)
            .deserialize(NO_HEADERS, key.getBytes(StandardCharsets.UTF_8));

    // Then
    assertThat(result.getType()).isEqualTo(DeserializeResult.Type.STRING);
    assertThat(result.getResult()).isEqualTo(key);
  }

  @Test
  void shouldRenderTimestampsEnumsUnionsAndBytesAsPlainJson() throws Exception {
    // Given an alert and a dead letter as Herald writes them
    byte[] alert = SampleRecords.encode(Topics.ALERTS, SampleRecords.alert());
    byte[] deadLetter = SampleRecords.encode(Topics.DLQ, SampleRecords.deadLetter());

    // When
    JsonNode a = JSON.readTree(value(Topics.ALERTS.name(), alert).getResult());
    JsonNode d = JSON.readTree(value(Topics.DLQ.name(), deadLetter).getResult());

    // Then: ISO timestamps, enum symbols, no {"string": ...} union wrappers, base64 bytes
    assertThat(a.get("detectedAt").asText()).isEqualTo("2025-03-04T06:16:42Z");
    assertThat(a.get("kind").asText()).isEqualTo("POSTPONED");
    assertThat(a.get("location").asText()).isEqualTo("Bergen");
    assertThat(a.get("current").get("text").asText()).isEqualTo("September");
    assertThat(a.get("supersedes").isNull()).isTrue();
    assertThat(a.get("evidence").get(0).get("publishedAt").asText())
        .isEqualTo("2025-03-04T06:15:00Z");
    assertThat(d.get("key").asText()).isEqualTo("N2UzZjBhOWMyMWQ4NGI2NQ==");
    assertThat(d.get("occurredAt").asText()).isEqualTo("2025-03-04T06:16:42.500Z");
  }

  @Test
  void shouldDecodeHeraldRecordsOnTopicsOutsideTheCatalogueByTheirFingerprint() throws Exception {
    // Given the value of the enrich topology's internal repartition topic
    byte[] bytes = SampleRecords.encode(SampleRecords.claimBatch());

    // When
    DeserializeResult result = value("herald-enrich-claims-by-event-repartition", bytes);

    // Then
    assertThat(result.getType()).isEqualTo(DeserializeResult.Type.JSON);
    assertThat(JSON.readTree(result.getResult()))
        .isEqualTo(JSON.readTree(AvroJson.toPlainJson(SampleRecords.claimBatch())));
    assertThat(result.getAdditionalProperties())
        .containsEntry("type", "dev.herald.avro.ClaimBatch");
  }

  @Test
  void shouldWarnWhenARecordOfAnotherTypeSitsOnACatalogueTopic() {
    // Given a raw article on the alerts topic
    byte[] bytes = SampleRecords.encode(Topics.ARTICLES_RAW, SampleRecords.rawArticle());

    // When
    DeserializeResult result = value(Topics.ALERTS.name(), bytes);

    // Then it still shows, with a warning
    assertThat(result.getType()).isEqualTo(DeserializeResult.Type.JSON);
    assertThat(result.getAdditionalProperties())
        .containsEntry("type", RawArticle.class.getName())
        .extractingByKey("warning")
        .asString()
        .contains("herald.alerts carries dev.herald.avro.ScheduleChangeAlert");
  }

  @Test
  void shouldExplainBytesThatAreNotHeraldRecordsInsteadOfThrowing() {
    // Given a valid record, and bytes that are not one
    byte[] valid = SampleRecords.encode(Topics.ARTICLES_RAW, SampleRecords.rawArticle());
    byte[] unknownFingerprint = valid.clone();
    unknownFingerprint[5] ^= 0x5A;
    byte[] truncatedPayload = Arrays.copyOf(valid, valid.length - 40);
    byte[] json = "{\"id\":\"7e3f0a9c21d84b65\"}".getBytes(StandardCharsets.UTF_8);

    // When / Then: a message saying why, as a string
    assertExplains(value("orders.v1", json), "orders.v1 is not in Herald's topic catalogue");
    assertExplains(value("orders.v1", json), "starts with 7B 22 69 64");
    assertExplains(value(Topics.ARTICLES_RAW.name(), new byte[0]), "empty value");
    assertExplains(
        value(Topics.ARTICLES_RAW.name(), new byte[] {(byte) 0xC3, 0x01, 0x11}), "too short");
    assertExplains(value(Topics.ARTICLES_RAW.name(), unknownFingerprint), "unknown schema");
    assertExplains(
        value(Topics.ARTICLES_RAW.name(), truncatedPayload),
        "payload does not match schema",
        "dev.herald.avro.RawArticle");
  }

  private static void assertExplains(DeserializeResult result, String... parts) {
    assertThat(result.getType()).isEqualTo(DeserializeResult.Type.STRING);
    assertThat(result.getResult()).startsWith("Not a Herald record").contains(parts);
    assertThat(result.getAdditionalProperties()).containsKeys("error", "firstBytes");
  }

  @Test
  void shouldShowTombstonesAsEmptyValues() {
    // Given a compacted topic's tombstone
    // When
    DeserializeResult result = value(Topics.FEEDS.name(), null);

    // Then
    assertThat(result.getResult()).isNull();
    assertThat(result.getAdditionalProperties()).containsEntry("tombstone", true);
  }

  @Test
  void shouldShowKeysThatAreNotUtf8AsHex() {
    // Given a binary key, as Kafka Streams' windowed stores write
    byte[] key = {(byte) 0xFF, (byte) 0xFE, 0x00, 0x01};

    // When
    DeserializeResult result =
        serde
            .deserializer("herald-enrich-store-changelog", Target.KEY)
            .deserialize(NO_HEADERS, key);

    // Then
    assertThat(result.getResult()).isEqualTo("Not UTF-8 text");
    assertThat(result.getAdditionalProperties()).containsEntry("firstBytes", "FF FE 00 01");
  }

  @Test
  void shouldWriteOnlyStringKeysAndValuesOfHeraldTopics() {
    // Given / When / Then: keys of every topic, and herald.schemas values, are UTF-8 strings
    for (TopicDescriptor<?, ?> t : Topics.all()) {
      assertThat(serde.canSerialize(t.name(), Target.KEY)).as(t.name()).isTrue();
    }
    assertThat(serde.serializer(Topics.FEEDS.name(), Target.KEY).serialize("https://a.example/"))
        .isEqualTo("https://a.example/".getBytes(StandardCharsets.UTF_8));
    assertThat(serde.canSerialize(Topics.SCHEMAS.name(), Target.VALUE)).isTrue();
    assertThat(serde.canSerialize(Topics.ALERTS.name(), Target.VALUE)).isFalse();
    assertThat(serde.canSerialize("orders.v1", Target.KEY)).isFalse();
    assertThatThrownBy(() -> serde.serializer(Topics.ALERTS.name(), Target.VALUE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("value of herald.alerts");
  }

  @Test
  void shouldDescribeItselfAndOfferNoJsonSchema() {
    // Given / When / Then
    assertThat(serde.getDescription()).get().asString().contains("plain JSON");
    assertThat(serde.getSchema(Topics.ALERTS.name(), Target.VALUE)).isEmpty();
  }
}
