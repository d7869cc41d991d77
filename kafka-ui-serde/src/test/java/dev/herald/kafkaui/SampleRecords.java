package dev.herald.kafkaui;

import dev.herald.avro.Certainty;
import dev.herald.avro.ChangeKind;
import dev.herald.avro.ClaimBatch;
import dev.herald.avro.ClaimStatus;
import dev.herald.avro.DeadLetter;
import dev.herald.avro.EnrichedArticle;
import dev.herald.avro.Entity;
import dev.herald.avro.EventTimeline;
import dev.herald.avro.Evidence;
import dev.herald.avro.FeedState;
import dev.herald.avro.FeedSubscription;
import dev.herald.avro.RawArticle;
import dev.herald.avro.ScheduleChangeAlert;
import dev.herald.avro.ScheduleClaim;
import dev.herald.avro.TextSource;
import dev.herald.avro.TimePrecision;
import dev.herald.avro.TimeValue;
import dev.herald.avro.Timex;
import dev.herald.schemas.TopicDescriptor;
import dev.herald.schemas.serde.HeraldSerdes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;

/**
 * A realistic record of every type on Herald's topics (a made-up event), encoded by Herald's own
 * serdes, for decoding through the plugin.
 */
final class SampleRecords {

  static final String FEED = "https://news.example.net/europe/feed.atom";
  static final Instant PUBLISHED = Instant.parse("2025-03-04T06:15:00Z");
  static final Instant FETCHED = Instant.parse("2025-03-04T06:16:41.207Z");

  private SampleRecords() {}

  /** A key and value for a catalogue topic; the value's class is the topic's value type. */
  record Sample(String key, Object value) {}

  static Sample forTopic(TopicDescriptor<?, ?> topic) {
    Class<?> type = topic.valueType();
    Object value = VALUES.get(type.getName());
    if (value == null) {
      throw new IllegalStateException(
          "No sample record of " + type.getName() + " (topic " + topic.name() + "): add one");
    }
    return new Sample(keyFor(value), value);
  }

  /** The value in the topic's wire format, written by Herald's serde for that type. */
  @SuppressWarnings("unchecked")
  static <V> byte[] encode(TopicDescriptor<?, V> topic, Object value) {
    Serde<V> serde = topic.valueSerde();
    return serde.serializer().serialize(topic.name(), (V) value);
  }

  static byte[] encode(ClaimBatch batch) {
    return HeraldSerdes.avro(ClaimBatch.class).serializer().serialize("internal", batch);
  }

  private static String keyFor(Object value) {
    if (value instanceof FeedSubscription f) {
      return f.getUrl();
    }
    if (value instanceof FeedState s) {
      return s.getUrl();
    }
    if (value instanceof RawArticle a) {
      return a.getId();
    }
    if (value instanceof EnrichedArticle e) {
      return e.getArticle().getId();
    }
    if (value instanceof EventTimeline t) {
      return t.getEventId();
    }
    if (value instanceof ScheduleChangeAlert a) {
      return a.getAlertId();
    }
    if (value instanceof DeadLetter) {
      return "7e3f0a9c21d84b65";
    }
    return schemaRecord().getKey();
  }

  private static final Map<String, Object> VALUES =
      Map.of(
          FeedSubscription.class.getName(), feedSubscription(),
          FeedState.class.getName(), feedState(),
          RawArticle.class.getName(), rawArticle(),
          EnrichedArticle.class.getName(), enrichedArticle(),
          EventTimeline.class.getName(), eventTimeline(),
          ScheduleChangeAlert.class.getName(), alert(),
          DeadLetter.class.getName(), deadLetter(),
          String.class.getName(), schemaRecord().getValue());

  /** One entry of herald.schemas: a fingerprint and the schema JSON. */
  static Map.Entry<String, String> schemaRecord() {
    return new TreeMap<>(HeraldSerdes.schemaRecords()).firstEntry();
  }

  static FeedSubscription feedSubscription() {
    return FeedSubscription.newBuilder()
        .setUrl(FEED)
        .setTitle("Example Net — Europe")
        .setIntervalSeconds(900)
        .setEnabled(true)
        .setAddedAt(Instant.parse("2025-01-15T12:00:00Z"))
        .build();
  }

  static FeedState feedState() {
    return FeedState.newBuilder()
        .setUrl(FEED)
        .setEtag("\"a41c-5f2\"")
        .setLastModified("Tue, 04 Mar 2025 06:14:02 GMT")
        .setLastFetchAt(FETCHED)
        .setLastSuccessAt(FETCHED)
        .setLastStatus(200)
        .setConsecutiveErrors(0)
        .setFetchCount(311L)
        .setNotModifiedCount(208L)
        .setNextPollAt(Instant.parse("2025-03-04T06:31:41.207Z"))
        .setRecentItemIds(List.of("7e3f0a9c21d84b65"))
        .build();
  }

  static RawArticle rawArticle() {
    return RawArticle.newBuilder()
        .setId("7e3f0a9c21d84b65")
        .setFeedUrl(FEED)
        .setSource("Example Net")
        .setGuid("tag:news.example.net,2025:water-summit")
        .setUrl("https://news.example.net/europe/2025/03/04/water-summit-moves")
        .setCanonicalUrl("https://news.example.net/europe/2025/03/04/water-summit-moves")
        .setTitle("Nordic Water Summit pushed back to September")
        .setText(
            "The Nordic Water Summit, due in early June in Bergen, has been pushed back to"
                + " September, the host city said on Monday.")
        .setTextSource(TextSource.FEED)
        .setLanguage("en")
        .setPublishedAt(PUBLISHED)
        .setPublishedOffset("+01:00")
        .setFetchedAt(FETCHED)
        .build();
  }

  static TimeValue earlyJune() {
    return TimeValue.newBuilder()
        .setValue("2025-06")
        .setPrecision(TimePrecision.MONTH)
        .setMod("START")
        .setText("early June")
        .build();
  }

  static TimeValue september() {
    return TimeValue.newBuilder()
        .setValue("2025-09")
        .setPrecision(TimePrecision.MONTH)
        .setText("September")
        .build();
  }

  static Evidence evidence() {
    return Evidence.newBuilder()
        .setArticleId("7e3f0a9c21d84b65")
        .setUrl("https://news.example.net/europe/2025/03/04/water-summit-moves")
        .setTitle("Nordic Water Summit pushed back to September")
        .setSource("Example Net")
        .setSentence(rawArticle().getText())
        .setPublishedAt(PUBLISHED)
        .build();
  }

  static ScheduleClaim claim() {
    return ScheduleClaim.newBuilder()
        .setEventId("nordic-water-summit")
        .setEventName("Nordic Water Summit")
        .setLocation("Bergen")
        .setWhen(september())
        .setPreviousWhen(earlyJune())
        .setStatus(ClaimStatus.CHANGED)
        .setCertainty(Certainty.CONFIRMED)
        .setEvidence(evidence())
        .setSentenceStart(0)
        .setSentenceEnd(110)
        .build();
  }

  static ClaimBatch claimBatch() {
    return ClaimBatch.newBuilder()
        .setEventId("nordic-water-summit")
        .setEventName("Nordic Water Summit")
        .setArticleId("7e3f0a9c21d84b65")
        .setClaims(List.of(claim()))
        .build();
  }

  static EnrichedArticle enrichedArticle() {
    return EnrichedArticle.newBuilder()
        .setArticle(rawArticle())
        .setClusterId("7e3f0a9c21d84b65")
        .setCopyCount(1)
        .setLanguage("en")
        .setTimexes(
            List.of(
                Timex.newBuilder()
                    .setStart(35)
                    .setEnd(45)
                    .setText("early June")
                    .setType("DATE")
                    .setValue("2025-06")
                    .setMod("START")
                    .build()))
        .setEntities(
            List.of(
                Entity.newBuilder()
                    .setStart(4)
                    .setEnd(23)
                    .setText("Nordic Water Summit")
                    .setType("EVENT")
                    .setId("nordic-water-summit")
                    .build()))
        .setClaims(List.of(claim()))
        .setEnrichedAt(Instant.parse("2025-03-04T06:16:42.001Z"))
        .build();
  }

  static EventTimeline eventTimeline() {
    return EventTimeline.newBuilder()
        .setEventId("nordic-water-summit")
        .setName("Nordic Water Summit")
        .setAliases(List.of("the Bergen summit"))
        .setLocation("Bergen")
        .setClaims(List.of(claim()))
        .setLastAlertId("c0ffee0dd15ea5e5")
        .setUpdatedAt(Instant.parse("2025-03-04T06:16:42.001Z"))
        .build();
  }

  static ScheduleChangeAlert alert() {
    return ScheduleChangeAlert.newBuilder()
        .setAlertId("c0ffee0dd15ea5e5")
        .setEventId("nordic-water-summit")
        .setEventName("Nordic Water Summit")
        .setLocation("Bergen")
        .setPrevious(earlyJune())
        .setCurrent(september())
        .setKind(ChangeKind.POSTPONED)
        .setCertainty(Certainty.CONFIRMED)
        .setConfidence(0.8125)
        .setSummary(
            "Nordic Water Summit (Bergen), expected in early June 2025, now takes place in"
                + " September 2025.")
        .setEvidence(List.of(evidence()))
        .setDetectedAt(Instant.parse("2025-03-04T06:16:42Z"))
        .build();
  }

  static DeadLetter deadLetter() {
    return DeadLetter.newBuilder()
        .setStage("enrich.deserialize")
        .setTopic("herald.articles.raw")
        .setPartition(2)
        .setOffset(80512L)
        .setKey(ByteBuffer.wrap("7e3f0a9c21d84b65".getBytes(StandardCharsets.UTF_8)))
        .setValue(ByteBuffer.wrap(new byte[] {(byte) 0xC3, 0x01, 0x00}))
        .setErrorClass("org.apache.kafka.common.errors.SerializationException")
        .setCause("3 bytes is shorter than the 10-byte Avro single-object header")
        .setOccurredAt(Instant.parse("2025-03-04T06:16:42.500Z"))
        .build();
  }
}
