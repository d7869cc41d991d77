package dev.herald.enrich;

import dev.herald.avro.ClaimBatch;
import dev.herald.avro.DeadLetter;
import dev.herald.avro.DedupeCluster;
import dev.herald.avro.DedupeEntry;
import dev.herald.avro.EnrichedArticle;
import dev.herald.avro.EventTimeline;
import dev.herald.avro.RawArticle;
import dev.herald.nlp.dedupe.DedupeIndex;
import dev.herald.nlp.dedupe.NearDupFingerprinter;
import dev.herald.nlp.schedule.ScheduleDetector;
import dev.herald.schemas.Topics;
import dev.herald.schemas.serde.HeraldSerdes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
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
 * herald.articles.raw ─ decode ─┬─ malformed ───────────────────────────────▶ herald.dlq
 *                               └─ fingerprint ─ decide against the live index [dedupe-index]
 *                                  (repeated ids dropped, short bodies kept)
 *    ┬─▶ fingerprint topic
 *    └─ decided
 * decided ┬─ copy (linked; its provenance on its fingerprint entry) ─▶ herald.articles.enriched
 *         └─ canonical ─ tag ─┬─ failed ───────────────────────────────────▶ herald.dlq
 *                             └─▶ herald.articles.enriched
 *                             ─ claims by event ═▶ by-event
 *                             ─ track schedule [event-timelines] ─┬─▶ herald.events
 *                                                                 └─▶ herald.alerts
 * &lt;app id&gt;-dedupe-fingerprints ─ file other instances' entries ─▶ [dedupe-index] (global)
 * </pre>
 *
 * <p>Near-duplicate detection (ADR 6, Topology): each article is decided on its own task against an
 * in-memory index of every retained article of every partition and instance, filed there at once,
 * and its decision goes out as one small record on the fingerprint topic, which feeds the other
 * instances' indexes (and rebuilds this one after a restart).
 */
public final class EnrichTopology {
  /** The global near-duplicate index (ids, fingerprints and band postings of every instance). */
  public static final String INDEX_STORE = "dedupe-index";

  public static final String TIMELINE_STORE = "event-timelines";

  /**
   * The repartition names of the topology; Kafka Streams names each topic {@code
   * <application.id>-<name>-repartition}.
   */
  public static final List<String> REPARTITIONS = List.of("by-event");

  /** Copies a cluster lists at most (the count counts all). */
  public static final int MAX_COPIES_LISTED = 50;

  /** Live articles a band key keeps (hot bands stay bounded), as in {@link DedupeIndex}. */
  public static final int MAX_ARTICLES_PER_BAND = DedupeIndex.DEFAULT_MAX_PER_KEY;

  private EnrichTopology() {}

  /** What an application's near-duplicate index holds now, for inspection and benchmarks. */
  public record IndexStats(int entries, int postings, double bytesPerEntry) {}

  /** This instance's near-duplicate index: its size now. */
  public static IndexStats dedupeIndex(KafkaStreams streams) {
    LiveIndex.Stats s = liveIndex(streams).stats();
    return new IndexStats(s.entries(), s.postings(), s.bytesPerEntry());
  }

  /**
   * The provenance of a canonical article's cluster as this instance's index holds it: its retained
   * copies (who published them, where, when, verified against what), or null when it has none.
   */
  public static DedupeCluster cluster(KafkaStreams streams, String canonicalId) {
    return liveIndex(streams).cluster(canonicalId, MAX_COPIES_LISTED);
  }

  private static LiveIndex liveIndex(KafkaStreams streams) {
    return streams
        .store(StoreQueryParameters.fromNameAndType(INDEX_STORE, LiveIndexStore.QUERY_TYPE))
        .index();
  }

  /** Whether this instance's near-duplicate index holds an article. */
  public static boolean indexed(KafkaStreams streams, String articleId) {
    return liveIndex(streams).get(articleId) != null;
  }

  /** Builds the topology; tests run exactly this with TopologyTestDriver. */
  public static Topology build(
      EnrichConfig config, ScheduleDetector detector, EnrichMetrics metrics, Clock clock) {
    Serde<RawArticle> rawSerde = Topics.ARTICLES_RAW.valueSerde();
    Serde<EnrichedArticle> enrichedSerde = Topics.ARTICLES_ENRICHED.valueSerde();
    Serde<DeadLetter> dlqSerde = Topics.DLQ.valueSerde();
    Serde<EventTimeline> timelineSerde = Topics.EVENTS.valueSerde();
    Serde<ClaimBatch> batchSerde = HeraldSerdes.avro(ClaimBatch.class);

    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(TIMELINE_STORE), Serdes.String(), timelineSerde));

    Deduped deduped =
        dedupe(builder, newArticles(builder, config, metrics, clock), config, metrics, clock);
    deduped
        .copies()
        .to(
            Topics.ARTICLES_ENRICHED.name(),
            Produced.with(Serdes.String(), enrichedSerde).withName("copies-out"));

    KStream<String, Decoded<EnrichedArticle>> tagged =
        deduped
            .canonicals()
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

  /** Decoded raw articles; failures to the DLQ. */
  static KStream<String, RawArticle> newArticles(
      StreamsBuilder builder, EnrichConfig config, EnrichMetrics metrics, Clock clock) {
    Serde<RawArticle> rawSerde = Topics.ARTICLES_RAW.valueSerde();
    KStream<String, Decoded<RawArticle>> decoded =
        builder.stream(
                Topics.ARTICLES_RAW.name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("raw-articles"))
            .filter((k, v) -> v != null, Named.as("skip-tombstones"))
            .processValues(
                () -> new DecodeProcessor<>(rawSerde.deserializer(), clock),
                Named.as("decode-raw-article"));
    return toDeadLetters(decoded, "raw", Topics.DLQ.valueSerde(), metrics)
        .peek((k, v) -> metrics.articlesIn.incrementAndGet(), Named.as("count-articles-in"));
  }

  /** The dedupe stage's output: canonical articles (to tag) and copies (linked, not tagged). */
  record Deduped(
      KStream<String, EnrichedArticle> canonicals, KStream<String, EnrichedArticle> copies) {}

  /** Near-duplicate detection: see the class comment and ADR 6. */
  static Deduped dedupe(
      StreamsBuilder builder,
      KStream<String, RawArticle> articles,
      EnrichConfig config,
      EnrichMetrics metrics,
      Clock clock) {
    Duration retention = config.dedupeRetention();
    NearDupFingerprinter fingerprinter = new NearDupFingerprinter();
    Serde<DedupeEntry> entrySerde = HeraldSerdes.avro(DedupeEntry.class);
    String fingerprintTopic = Topics.dedupeFingerprints(config.applicationId()).name();
    // This instance's index, shared by its stream threads (which file their own decisions) and its
    // global thread (which files the other instances' decisions from the fingerprint topic).
    LiveIndex index = new LiveIndex(fingerprinter, retention, MAX_ARTICLES_PER_BAND);
    builder.addGlobalStore(
        LiveIndexStore.builder(INDEX_STORE, index),
        fingerprintTopic,
        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("dedupe-fingerprints-in"),
        () -> new FileFingerprint(index, entrySerde.deserializer()));
    KStream<String, DecideDuplicate.Decided> decisions =
        articles
            .processValues(
                () -> new FingerprintArticle(fingerprinter), Named.as("fingerprint-article"))
            .processValues(
                () -> new DecideDuplicate(index, fingerprinter, entrySerde.serializer(), metrics),
                Named.as("decide-duplicate"));
    decisions
        .processValues(StampForRetention::new, Named.as("fingerprint-entry"))
        .to(
            fingerprintTopic,
            Produced.with(Serdes.String(), Serdes.ByteArray()).withName("fingerprints-out"));

    var decided =
        decisions
            .split(Named.as("decided-"))
            .branch((id, d) -> d.message().getBest() != null, Branched.as("copy"))
            .defaultBranch(Branched.as("canonical"));

    // A copy goes out linked to its canonical at once; its provenance is on its fingerprint entry,
    // which every instance's index lists under the canonical (cluster()).
    KStream<String, EnrichedArticle> copies =
        decided
            .get("decided-copy")
            .mapValues(
                d ->
                    AvroMapping.copy(
                        d.message().getArticle(),
                        d.message().getBest().getCanonicalId(),
                        d.copyNumber(),
                        clock.instant()),
                Named.as("copy-article"));
    KStream<String, EnrichedArticle> canonicals =
        decided
            .get("decided-canonical")
            .mapValues(
                d -> AvroMapping.canonical(d.message().getArticle(), clock.instant()),
                Named.as("canonical-article"));
    return new Deduped(canonicals, copies);
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
