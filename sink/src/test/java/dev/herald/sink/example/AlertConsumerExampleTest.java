package dev.herald.sink.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.avro.Certainty;
import dev.herald.avro.ChangeKind;
import dev.herald.avro.Evidence;
import dev.herald.avro.ScheduleChangeAlert;
import dev.herald.avro.TimePrecision;
import dev.herald.avro.TimeValue;
import dev.herald.schemas.AvroJson;
import dev.herald.schemas.Topics;
import dev.herald.schemas.serde.HeraldSerdes;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.MissingSchemaException;
import org.junit.jupiter.api.Test;

/** The README's consumer example decodes what Herald writes (no broker: the bytes of a record). */
class AlertConsumerExampleTest {

  private final ScheduleChangeAlert alert = alert();
  private final byte[] value =
      Topics.ALERTS.valueSerde().serializer().serialize(Topics.ALERTS.name(), alert);

  @Test
  void shouldReadAnAlertWithHeraldsSerde() {
    // When
    ScheduleChangeAlert read =
        AlertConsumerExample.alertDeserializer().deserialize("herald.alerts", value);

    // Then
    assertThat(read).isEqualTo(alert);
  }

  @Test
  void shouldReadAnAlertWithPlainAvroAndTheSchemasOfTheSchemaTopic() throws Exception {
    // Given the records Herald publishes on herald.schemas
    AlertConsumerExample.PlainAvro reader =
        new AlertConsumerExample.PlainAvro(ScheduleChangeAlert.getClassSchema());
    reader.addSchemas(HeraldSerdes.schemaRecords());

    // When
    GenericRecord read = reader.decode(value);

    // Then
    assertThat(read.get("alertId").toString()).isEqualTo("a1");
    assertThat(read.get("kind").toString()).isEqualTo("POSTPONED");
    assertThat(AvroJson.toPlainJson(read)).isEqualTo(AvroJson.toPlainJson(alert));
  }

  @Test
  void shouldReadWithAnOlderReaderSchemaThatLacksNewerFields() throws Exception {
    // Given a downstream service built before "supersedes" and "aliases" existed
    Schema older = withoutFields(ScheduleChangeAlert.getClassSchema(), "supersedes", "aliases");
    AlertConsumerExample.PlainAvro reader = new AlertConsumerExample.PlainAvro(older);
    reader.addSchemas(HeraldSerdes.schemaRecords());

    // When
    GenericRecord read = reader.decode(value);

    // Then
    assertThat(read.getSchema().getField("supersedes")).isNull();
    assertThat(read.get("summary").toString()).isEqualTo(alert.getSummary());
  }

  @Test
  void shouldAskForTheSchemaTopicWhenTheWriterSchemaIsUnknown() {
    // Given a reader of an older version that has not loaded herald.schemas
    AlertConsumerExample.PlainAvro reader =
        new AlertConsumerExample.PlainAvro(
            withoutFields(ScheduleChangeAlert.getClassSchema(), "supersedes"));

    // When / Then
    assertThatThrownBy(() -> reader.decode(value)).isInstanceOf(MissingSchemaException.class);
  }

  @Test
  void shouldConfigureACommittedOnlyManualCommitConsumer() {
    // When
    Properties p = AlertConsumerExample.props("broker:9092", "my-service");

    // Then
    assertThat(p)
        .containsEntry("isolation.level", "read_committed")
        .containsEntry("enable.auto.commit", "false")
        .containsEntry("group.id", "my-service");
  }

  private static Schema withoutFields(Schema schema, String... names) {
    List<String> drop = List.of(names);
    List<Schema.Field> kept =
        schema.getFields().stream()
            .filter(f -> !drop.contains(f.name()))
            .map(f -> new Schema.Field(f, f.schema()))
            .toList();
    return Schema.createRecord(
        schema.getName(), schema.getDoc(), schema.getNamespace(), false, kept);
  }

  private static ScheduleChangeAlert alert() {
    return ScheduleChangeAlert.newBuilder()
        .setAlertId("a1")
        .setEventId("harbour-summit")
        .setEventName("Harbour Summit")
        .setAliases(List.of("the summit"))
        .setLocation("Gdańsk")
        .setPrevious(
            TimeValue.newBuilder()
                .setValue("2025-06")
                .setPrecision(TimePrecision.MONTH)
                .setMod(null)
                .setText("June")
                .build())
        .setCurrent(null)
        .setKind(ChangeKind.POSTPONED)
        .setCertainty(Certainty.CONFIRMED)
        .setConfidence(0.8)
        .setSummary("Harbour Summit (Gdańsk), expected in June 2025, is postponed.")
        .setEvidence(
            List.of(
                Evidence.newBuilder()
                    .setArticleId("e1")
                    .setUrl("https://news.example.com/e1")
                    .setTitle("Summit postponed")
                    .setSource("Example Wire")
                    .setSentence("The summit has been postponed.")
                    .setPublishedAt(Instant.parse("2025-04-02T08:00:00Z"))
                    .build()))
        .setSourceCount(1)
        .setSupersedes(null)
        .setDetectedAt(Instant.parse("2025-04-02T09:00:00Z"))
        .build();
  }
}
