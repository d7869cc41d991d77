package dev.herald.sink;

import dev.herald.avro.Certainty;
import dev.herald.avro.ChangeKind;
import dev.herald.avro.Evidence;
import dev.herald.avro.ScheduleChangeAlert;
import dev.herald.avro.TimePrecision;
import dev.herald.avro.TimeValue;
import dev.herald.schemas.AvroJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test alerts about a made-up event. */
final class Alerts {

  private Alerts() {}

  /** A first, hedged version of an alert: one source. */
  static ScheduleChangeAlert possible(String alertId) {
    return ScheduleChangeAlert.newBuilder()
        .setAlertId(alertId)
        .setEventId("harbour-summit")
        .setEventName("Harbour Summit")
        .setAliases(List.of())
        .setLocation("Gdańsk")
        .setPrevious(
            TimeValue.newBuilder()
                .setValue("2025-06")
                .setPrecision(TimePrecision.MONTH)
                .setMod("START")
                .setText("early June")
                .build())
        .setCurrent(
            TimeValue.newBuilder()
                .setValue("2025-09")
                .setPrecision(TimePrecision.MONTH)
                .setMod(null)
                .setText("September")
                .build())
        .setKind(ChangeKind.POSTPONED)
        .setCertainty(Certainty.POSSIBLE)
        .setConfidence(0.6)
        .setSummary(
            "Harbour Summit (Gdańsk), expected early June 2025, may take place in September.")
        .setEvidence(List.of(evidence("e1", "The summit might be pushed back to September.")))
        .setSourceCount(1)
        .setDetectedAt(Instant.parse("2025-04-02T09:15:00Z"))
        .build();
  }

  /** The same alert id, confirmed by a second source. */
  static ScheduleChangeAlert confirmed(String alertId) {
    ScheduleChangeAlert first = possible(alertId);
    List<Evidence> evidence = new ArrayList<>(first.getEvidence());
    evidence.add(evidence("e2", "Organisers confirmed the summit will take place in September."));
    return ScheduleChangeAlert.newBuilder(first)
        .setCertainty(Certainty.CONFIRMED)
        .setConfidence(0.9)
        .setSummary(
            "Harbour Summit (Gdańsk), expected early June 2025, will take place in September.")
        .setEvidence(evidence)
        .setSourceCount(2)
        .setDetectedAt(Instant.parse("2025-04-03T11:00:00Z"))
        .build();
  }

  /** The bytes of the alert's JSON line, newline included. */
  static long lineBytes(ScheduleChangeAlert alert) {
    return AvroJson.toPlainJson(alert).getBytes(StandardCharsets.UTF_8).length + 1L;
  }

  private static Evidence evidence(String articleId, String sentence) {
    return Evidence.newBuilder()
        .setArticleId(articleId)
        .setUrl("https://news.example.com/" + articleId)
        .setTitle("Summit date")
        .setSource("Example Wire")
        .setSentence(sentence)
        .setPublishedAt(Instant.parse("2025-04-02T08:00:00Z"))
        .build();
  }
}
