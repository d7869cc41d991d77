package dev.herald.schemas;

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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Realistic records of every Herald type, for tests. A made-up event, not a corpus article. */
public final class Fixtures {

  public static final Instant PUBLISHED = Instant.parse("2024-02-06T08:30:00Z");
  public static final Instant FETCHED = Instant.parse("2024-02-06T08:31:12.345Z");

  private Fixtures() {}

  public static FeedSubscription feedSubscription() {
    return FeedSubscription.newBuilder()
        .setUrl("https://news.example.org/world/rss.xml")
        .setTitle("Example News – World")
        .setIntervalSeconds(600)
        .setEnabled(true)
        .setAddedAt(Instant.parse("2024-01-01T00:00:00Z"))
        .build();
  }

  /** Every optional field left null. */
  public static FeedSubscription minimalFeedSubscription() {
    return FeedSubscription.newBuilder()
        .setUrl("file:///var/herald/feeds/local.xml")
        .setAddedAt(Instant.EPOCH)
        .build();
  }

  public static FeedState feedState() {
    return FeedState.newBuilder()
        .setUrl("https://news.example.org/world/rss.xml")
        .setEtag("W/\"5e1f-3a\"")
        .setLastModified("Tue, 06 Feb 2024 08:29:00 GMT")
        .setContentHash("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
        .setLastFetchAt(FETCHED)
        .setLastSuccessAt(FETCHED)
        .setLastStatus(200)
        .setLastError(null)
        .setConsecutiveErrors(0)
        .setFetchCount(42L)
        .setNotModifiedCount(17L)
        .setNextPollAt(Instant.parse("2024-02-06T08:41:12.345Z"))
        .setRecentItemIds(List.of("a1b2c3d4e5f60718", "0f1e2d3c4b5a6978"))
        .build();
  }

  /** A feed that has never answered. */
  public static FeedState failingFeedState() {
    return FeedState.newBuilder()
        .setUrl("https://down.example.net/feed")
        .setLastFetchAt(FETCHED)
        .setLastStatus(503)
        .setLastError("http: 503 Service Unavailable")
        .setConsecutiveErrors(3)
        .setFetchCount(3L)
        .build();
  }

  public static RawArticle rawArticle() {
    return RawArticle.newBuilder()
        .setId("a1b2c3d4e5f60718")
        .setFeedUrl("https://news.example.org/world/rss.xml")
        .setSource("Example News")
        .setGuid("https://news.example.org/world/2024/02/06/forum-moved")
        .setUrl("https://news.example.org/world/2024/02/06/forum-moved?utm_source=rss")
        .setCanonicalUrl("https://news.example.org/world/2024/02/06/forum-moved")
        .setTitle("Baltic Energy Forum moved to May")
        .setText(
            "The Baltic Energy Forum, planned for mid-March in Riga, will now take place in May,"
                + " organisers said on Tuesday.\n\nMinisters from eight countries are expected.")
        .setTextSource(TextSource.PAGE)
        .setLanguage("en")
        .setAuthor("J. Kalniņa")
        .setPublishedAt(PUBLISHED)
        .setPublishedOffset("+02:00")
        .setFetchedAt(FETCHED)
        .build();
  }

  /** A feed item with nothing but the required fields. */
  public static RawArticle minimalRawArticle() {
    return RawArticle.newBuilder()
        .setId("0f1e2d3c4b5a6978")
        .setFeedUrl("file:///var/herald/feeds/local.xml")
        .setText("")
        .setFetchedAt(FETCHED)
        .build();
  }

  public static Evidence evidence() {
    return Evidence.newBuilder()
        .setArticleId("a1b2c3d4e5f60718")
        .setUrl("https://news.example.org/world/2024/02/06/forum-moved")
        .setTitle("Baltic Energy Forum moved to May")
        .setSource("Example News")
        .setSentence(
            "The Baltic Energy Forum, planned for mid-March in Riga, will now take place in May,"
                + " organisers said on Tuesday.")
        .setPublishedAt(PUBLISHED)
        .build();
  }

  public static TimeValue midMarch() {
    return TimeValue.newBuilder()
        .setValue("2024-03")
        .setPrecision(TimePrecision.MONTH)
        .setMod("MID")
        .setText("mid-March")
        .build();
  }

  public static TimeValue may() {
    return TimeValue.newBuilder()
        .setValue("2024-05")
        .setPrecision(TimePrecision.MONTH)
        .setMod(null)
        .setText("May")
        .build();
  }

  public static ScheduleClaim claim() {
    return ScheduleClaim.newBuilder()
        .setEventId("baltic-energy-forum")
        .setEventName("Baltic Energy Forum")
        .setLocation("Riga")
        .setWhen(may())
        .setPreviousWhen(midMarch())
        .setStatus(ClaimStatus.CHANGED)
        .setCertainty(Certainty.CONFIRMED)
        .setEvidence(evidence())
        .setEventAliases(List.of("the Riga forum"))
        .setSentenceStart(0)
        .setSentenceEnd(109)
        .build();
  }

  public static ClaimBatch claimBatch() {
    return ClaimBatch.newBuilder()
        .setEventId("baltic-energy-forum")
        .setEventName("Baltic Energy Forum")
        .setAliases(List.of("the Riga forum"))
        .setLocation(null)
        .setArticleId("a1b2c3d4e5f60718")
        .setClaims(List.of(claim()))
        .build();
  }

  public static EnrichedArticle enrichedArticle() {
    return EnrichedArticle.newBuilder()
        .setArticle(rawArticle())
        .setDuplicateOf(null)
        .setClusterId("a1b2c3d4e5f60718")
        .setCopyCount(2)
        .setLanguage("en")
        .setTimexes(
            List.of(
                Timex.newBuilder()
                    .setStart(47)
                    .setEnd(56)
                    .setText("mid-March")
                    .setType("DATE")
                    .setValue("2024-03")
                    .setMod("MID")
                    .build(),
                Timex.newBuilder()
                    .setStart(87)
                    .setEnd(90)
                    .setText("May")
                    .setType("DATE")
                    .setValue("2024-05")
                    .setMod(null)
                    .build()))
        .setEntities(
            List.of(
                Entity.newBuilder()
                    .setStart(4)
                    .setEnd(23)
                    .setText("Baltic Energy Forum")
                    .setType("EVENT")
                    .setId("baltic-energy-forum")
                    .build(),
                Entity.newBuilder()
                    .setStart(60)
                    .setEnd(64)
                    .setText("Riga")
                    .setType("LOCATION")
                    .setId("riga")
                    .build()))
        .setClaims(List.of(claim()))
        .setEnrichedAt(Instant.parse("2024-02-06T08:31:13.001Z"))
        .build();
  }

  /** A syndicated copy: not tagged again. */
  public static EnrichedArticle duplicateEnrichedArticle() {
    return EnrichedArticle.newBuilder()
        .setArticle(minimalRawArticle())
        .setDuplicateOf("a1b2c3d4e5f60718")
        .setClusterId("a1b2c3d4e5f60718")
        .setEnrichedAt(Instant.parse("2024-02-06T08:35:00Z"))
        .build();
  }

  public static EventTimeline eventTimeline() {
    return EventTimeline.newBuilder()
        .setEventId("baltic-energy-forum")
        .setName("Baltic Energy Forum")
        .setAliases(List.of("BEF 2024", "the Riga forum"))
        .setLocation("Riga")
        .setClaims(List.of(claim()))
        .setLastAlertId("3c9a1f0e77d2b456")
        .setUpdatedAt(Instant.parse("2024-02-06T08:31:13.001Z"))
        .build();
  }

  public static ScheduleChangeAlert alert() {
    return ScheduleChangeAlert.newBuilder()
        .setAlertId("3c9a1f0e77d2b456")
        .setEventId("baltic-energy-forum")
        .setEventName("Baltic Energy Forum")
        .setAliases(List.of("the Riga forum"))
        .setLocation("Riga")
        .setPrevious(midMarch())
        .setCurrent(may())
        .setKind(ChangeKind.POSTPONED)
        .setCertainty(Certainty.CONFIRMED)
        .setConfidence(0.875)
        .setSummary(
            "Baltic Energy Forum (Riga), expected mid-March 2024, will now take place in May 2024.")
        .setEvidence(List.of(evidence()))
        .setSourceCount(1)
        .setSupersedes(null)
        .setDetectedAt(Instant.parse("2024-02-06T08:31:13Z"))
        .build();
  }

  /** Called off, no new date, no location. */
  public static ScheduleChangeAlert cancelledAlert() {
    return ScheduleChangeAlert.newBuilder()
        .setAlertId("77d2b4563c9a1f0e")
        .setEventId("harbour-regatta")
        .setEventName("Harbour Regatta")
        .setPrevious(may())
        .setCurrent(null)
        .setKind(ChangeKind.CANCELLED)
        .setCertainty(Certainty.POSSIBLE)
        .setConfidence(0.4)
        .setSummary("Harbour Regatta, expected in May 2024, may be cancelled.")
        .setEvidence(List.of())
        .setDetectedAt(Instant.parse("2024-02-07T10:00:00Z"))
        .build();
  }

  public static DeadLetter deadLetter() {
    return DeadLetter.newBuilder()
        .setStage("enrich.deserialize")
        .setTopic("herald.articles.raw")
        .setPartition(4)
        .setOffset(1234567L)
        .setKey(ByteBuffer.wrap("a1b2c3d4e5f60718".getBytes(StandardCharsets.UTF_8)))
        .setValue(ByteBuffer.wrap(new byte[] {(byte) 0xC3, 0x01, 0x7f, 0x00, (byte) 0xff}))
        .setErrorClass("org.apache.kafka.common.errors.SerializationException")
        .setCause("unknown schema fingerprint 7f00ff0000000000")
        .setOccurredAt(Instant.parse("2024-02-06T08:31:13.500Z"))
        .build();
  }

  /** An ingest failure: no source record. */
  public static DeadLetter ingestDeadLetter() {
    return DeadLetter.newBuilder()
        .setStage("ingest")
        .setErrorClass("com.rometools.rome.io.ParsingFeedException")
        .setCause("Invalid XML: Error on line 1")
        .setOccurredAt(Instant.parse("2024-02-06T09:00:00Z"))
        .build();
  }
}
