package dev.herald.enrich;

import dev.herald.avro.ClaimBatch;
import dev.herald.avro.DeadLetter;
import dev.herald.avro.EnrichedArticle;
import dev.herald.avro.EventTimeline;
import dev.herald.avro.RawArticle;
import dev.herald.nlp.dedupe.ContentFingerprint;
import dev.herald.nlp.schedule.ScheduleDetector;
import dev.herald.schemas.Topics;
import dev.herald.schemas.serde.HeraldSerdes;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Herald's enrich topology, wired in one place and read top to bottom. Every processor, store and
 * repartition topic is named, so the topology description (checked by a golden-file test) only
 * changes when the wiring does.
 *
 * <pre>
 * herald.articles.raw ─ decode ─┬─ malformed ─────────────────────────────────────▶ herald.dlq
 *                               └─ drop repeated ids [seen-article-ids]
 *                                  ─ re-key by content fingerprint ═▶ by-content-fingerprint
 *                                  ─ link copies to canonical [content-fingerprints]
 *                                  ─ re-key by article id ─ tag ─┬─ failed ─────────▶ herald.dlq
 *                                                                 └─▶ herald.articles.enriched
 *                                  ─ claims by event ═▶ by-event
 *                                  ─ track schedule [event-timelines] ─┬─▶ herald.events
 *                                                                      └─▶ herald.alerts
 * </pre>
 */
public final class EnrichTopology {
  public static final String SEEN_IDS_STORE = "seen-article-ids";
  public static final String FINGERPRINT_STORE = "content-fingerprints";
  public static final String TIMELINE_STORE = "event-timelines";

  private EnrichTopology() {}

  /** Builds the topology; tests run exactly this with TopologyTestDriver. */
  public static Topology build(
      EnrichConfig config, ScheduleDetector detector, EnrichMetrics metrics, Clock clock) {
    Serde<RawArticle> rawSerde = Topics.ARTICLES_RAW.valueSerde();
    Serde<EnrichedArticle> enrichedSerde = Topics.ARTICLES_ENRICHED.valueSerde();
    Serde<DeadLetter> dlqSerde = Topics.DLQ.valueSerde();
    Serde<EventTimeline> timelineSerde = Topics.EVENTS.valueSerde();
    Serde<ClaimBatch> batchSerde = HeraldSerdes.avro(ClaimBatch.class);
    Duration retention = config.dedupeRetention();
    ContentFingerprint fingerprints = new ContentFingerprint(config.minFingerprintChars());

    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(
        Stores.windowStoreBuilder(
            Stores.persistentWindowStore(SEEN_IDS_STORE, retention, retention, false),
            Serdes.String(),
            Serdes.Long()));
    builder.addStateStore(
        Stores.windowStoreBuilder(
            Stores.persistentWindowStore(FINGERPRINT_STORE, retention, retention, false),
            Serdes.String(),
            Serdes.String()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(TIMELINE_STORE), Serdes.String(), timelineSerde));

    KStream<String, Decoded<RawArticle>> decoded =
        builder.stream(
                Topics.ARTICLES_RAW.name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("raw-articles"))
            .filter((k, v) -> v != null, Named.as("skip-tombstones"))
            .processValues(
                () -> new DecodeProcessor<>(rawSerde.deserializer(), clock),
                Named.as("decode-raw-article"));

    KStream<String, RawArticle> articles =
        toDeadLetters(decoded, "raw", dlqSerde, metrics)
            .peek((k, v) -> metrics.articlesIn.incrementAndGet(), Named.as("count-articles-in"))
            .processValues(
                () -> new RepeatFilter(SEEN_IDS_STORE, retention, metrics),
                Named.as("drop-repeated-ids"),
                SEEN_IDS_STORE);

    KStream<String, Decoded<EnrichedArticle>> tagged =
        articles
            .selectKey(
                (id, a) -> fingerprints.of(a.getText()).orElse(ContentDedupe.UNFINGERPRINTED + id),
                Named.as("key-by-content-fingerprint"))
            .repartition(
                Repartitioned.with(Serdes.String(), rawSerde).withName("by-content-fingerprint"))
            .processValues(
                () -> new ContentDedupe(FINGERPRINT_STORE, retention, metrics, clock),
                Named.as("link-copies-to-canonical"),
                FINGERPRINT_STORE)
            .selectKey((k, e) -> e.getArticle().getId(), Named.as("key-by-article-id"))
            .processValues(
                () -> new Tagger(detector, rawSerde.serializer(), metrics, clock),
                Named.as("tag-article"));

    KStream<String, EnrichedArticle> enriched = toDeadLetters(tagged, "tag", dlqSerde, metrics);
    enriched.to(
        Topics.ARTICLES_ENRICHED.name(),
        Produced.with(Serdes.String(), enrichedSerde).withName("enriched-articles"));

    KStream<String, ScheduleTracker.Output> tracked =
        enriched
            .flatMap((id, e) -> AvroMapping.claimBatches(e), Named.as("claims-by-event"))
            .repartition(Repartitioned.with(Serdes.String(), batchSerde).withName("by-event"))
            .process(
                () -> new ScheduleTracker(TIMELINE_STORE, config.eventRetention(), metrics, clock),
                Named.as("track-schedule"),
                TIMELINE_STORE);
    tracked
        .mapValues(ScheduleTracker.Output::timeline, Named.as("timeline-of-event"))
        .to(
            Topics.EVENTS.name(),
            Produced.with(Serdes.String(), timelineSerde).withName("event-timelines-out"));
    tracked
        .flatMap((eventId, out) -> ScheduleTracker.alertsOf(out), Named.as("alerts-of-event"))
        .to(
            Topics.ALERTS.name(),
            Produced.with(Serdes.String(), Topics.ALERTS.valueSerde()).withName("alerts-out"));
    return builder.build();
  }

  /** Sends failures to the dead-letter topic and returns the stream of good values. */
  private static <T> KStream<String, T> toDeadLetters(
      KStream<String, Decoded<T>> stream,
      String stage,
      Serde<DeadLetter> dlqSerde,
      EnrichMetrics metrics) {
    var branches =
        stream
            .split(Named.as(stage + "-"))
            .branch(
                (k, d) -> d.isError(),
                Branched.withConsumer(
                    failed ->
                        failed
                            .peek(
                                (k, d) -> metrics.deadLetters.incrementAndGet(),
                                Named.as(stage + "-count-dead-letters"))
                            .mapValues(Decoded::error, Named.as(stage + "-dead-letter"))
                            .to(
                                Topics.DLQ.name(),
                                Produced.with(Serdes.String(), dlqSerde)
                                    .withName(stage + "-dead-letters-out")),
                    "failed"))
            .defaultBranch(Branched.as("ok"));
    return branches.get(stage + "-ok").mapValues(Decoded::value, Named.as(stage + "-unwrap"));
  }
}
