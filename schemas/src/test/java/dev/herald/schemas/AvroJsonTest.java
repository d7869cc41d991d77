package dev.herald.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.avro.DeadLetter;
import dev.herald.avro.ScheduleChangeAlert;
import dev.herald.avro.TimeValue;
import java.time.Instant;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class AvroJsonTest {

  @Test
  void shouldRenderAnAlertAsPlainJsonWithIsoTimesAndNoUnionWrappers() {
    // Given
    ScheduleChangeAlert alert = Fixtures.alert();

    // When
    String json = AvroJson.toPlainJson(alert);

    // Then
    assertThat(json)
        .isEqualTo(
            "{\"alertId\":\"3c9a1f0e77d2b456\",\"eventId\":\"baltic-energy-forum\","
                + "\"eventName\":\"Baltic Energy Forum\",\"aliases\":[\"the Riga forum\"],"
                + "\"location\":\"Riga\","
                + "\"previous\":{\"value\":\"2024-03\",\"precision\":\"MONTH\",\"mod\":\"MID\","
                + "\"text\":\"mid-March\"},"
                + "\"current\":{\"value\":\"2024-05\",\"precision\":\"MONTH\",\"mod\":null,"
                + "\"text\":\"May\"},"
                + "\"kind\":\"POSTPONED\",\"certainty\":\"CONFIRMED\",\"confidence\":0.875,"
                + "\"summary\":\"Baltic Energy Forum (Riga), expected mid-March 2024, will now take"
                + " place in May 2024.\","
                + "\"evidence\":[{\"articleId\":\"a1b2c3d4e5f60718\","
                + "\"url\":\"https://news.example.org/world/2024/02/06/forum-moved\","
                + "\"title\":\"Baltic Energy Forum moved to May\",\"source\":\"Example News\","
                + "\"sentence\":\"The Baltic Energy Forum, planned for mid-March in Riga, will now"
                + " take place in May, organisers said on Tuesday.\","
                + "\"publishedAt\":\"2024-02-06T08:30:00Z\"}],"
                + "\"sourceCount\":1,\"supersedes\":null,"
                + "\"detectedAt\":\"2024-02-06T08:31:13Z\"}");
  }

  @Test
  void shouldRenderNullUnionsAsNullAndMillisecondsWhenPresent() {
    // Given
    ScheduleChangeAlert alert = Fixtures.cancelledAlert();
    alert.setDetectedAt(Instant.parse("2024-02-07T10:00:00.120Z"));

    // When
    String json = AvroJson.toPlainJson(alert);

    // Then
    assertThat(json)
        .contains("\"location\":null")
        .contains("\"current\":null")
        .contains("\"evidence\":[]")
        .contains("\"detectedAt\":\"2024-02-07T10:00:00.120Z\"");
  }

  @Test
  void shouldRenderBytesAsBase64() {
    // Given
    DeadLetter letter = Fixtures.deadLetter();

    // When
    String json = AvroJson.toPlainJson(letter);

    // Then
    assertThat(json)
        .contains("\"key\":\"YTFiMmMzZDRlNWY2MDcxOA==\"")
        .contains("\"value\":\"wwF/AP8=\"")
        .contains("\"partition\":4,\"offset\":1234567");
  }

  @Test
  void shouldRenderGenericRecordsTheSameAsGeneratedOnes() {
    // Given: the alert as a generic record, as a reader with only herald.schemas would see it
    ScheduleChangeAlert alert = Fixtures.alert();
    GenericRecord generic =
        (GenericRecord) GenericData.get().deepCopy(alert.getSchema(), toGeneric(alert));

    // When / Then
    assertThat(AvroJson.toPlainJson(generic)).isEqualTo(AvroJson.toPlainJson(alert));
  }

  /** Decodes the alert's bytes with the plain generic model: longs for timestamps. */
  private static Object toGeneric(ScheduleChangeAlert alert) {
    try {
      byte[] bytes = alert.toByteBuffer().array();
      return new org.apache.avro.message.BinaryMessageDecoder<GenericRecord>(
              GenericData.get(), alert.getSchema())
          .decode(bytes);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void shouldRenderNestedTimeValueOnItsOwn() {
    // Given
    TimeValue may = Fixtures.may();

    // When / Then
    assertThat(AvroJson.toPlainJson(may))
        .isEqualTo("{\"value\":\"2024-05\",\"precision\":\"MONTH\",\"mod\":null,\"text\":\"May\"}");
  }
}
