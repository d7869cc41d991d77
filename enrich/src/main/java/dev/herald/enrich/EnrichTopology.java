package dev.herald.enrich;

import dev.herald.avro.ClaimBatch;
import dev.herald.avro.DeadLetter;
import dev.herald.avro.DedupeCluster;
import dev.herald.avro.DedupeEntry;
import dev.herald.avro.DedupeMessage;
import dev.herald.avro.DedupeProbe;
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
import java.time.Instant;
import java.util.List;
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
 * herald.articles.raw ─ decode ─┬─ malformed ───────────────────────────────▶ herald.dlq
 *                               └─ drop repeated ids [seen-article-ids] ─ fingerprint
 *    ┬─ no sketch (short body) ─ keep ────────────────────────────────────────┐
 *    └─ hold for votes [dedupe-pending] ─ a probe per band shard ═▶ by-band   │
 *       ─ vote by band [dedupe-band-index, dedupe-fingerprints] ═▶ by-article │
 *       ─ collect votes [dedupe-votes, dedupe-pending] ───────────────────────┴─ decided
 * decided ┬─ copy ═▶ by-cluster ─ record copy on cluster [dedupe-clusters]
 *         │         ─▶ herald.articles.enriched
 *         └─ canonical ─ tag ─┬─ failed ───────────────────────────────────▶ herald.dlq
 *                             └─▶ herald.articles.enriched
 *                             ─ claims by event ═▶ by-event
 *                             ─ track schedule [event-timelines] ─┬─▶ herald.events
 *                                                                 └─▶ herald.alerts
 * </pre>
 *
 * <p>Near-duplicate detection (ADR 6, Topology): each sketched article is held by id while one
 * probe per band shard looks it up in that shard's band stores; the shards' votes come back keyed
 * by id to the task holding the article (herald.articles.raw is keyed by article id, by-article has
 * the same partition count), which links it to the earliest verified canonical or keeps it.
 */
public final class EnrichTopology {
  public static final String SEEN_IDS_STORE = "seen-article-ids";
  public static final String PENDING_STORE = "dedupe-pending";
  public static final String VOTES_STORE = "dedupe-votes";
  public static final String BAND_INDEX_STORE = "dedupe-band-index";
  public static final String FINGERPRINT_STORE = "dedupe-fingerprints";
  public static final String CLUSTER_STORE = "dedupe-clusters";
  public static final String TIMELINE_STORE = "event-timelines";

  /**
   * The repartition names of the topology; Kafka Streams names each topic {@code
   * <application.id>-<name>-repartition}.
   */
  public static final List<String> REPARTITIONS =
      List.of("by-band", "by-article", "by-cluster", "by-event");

  /** Live articles a band key keeps (hot bands stay bounded), as in {@link DedupeIndex}. */
  public static final int MAX_ARTICLES_PER_BAND = DedupeIndex.DEFAULT_MAX_PER_KEY;

  private EnrichTopology() {}

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

  /** Decoded raw articles whose id was not seen within the retention; failures to the DLQ. */
  static KStream<String, RawArticle> newArticles(
      StreamsBuilder builder, EnrichConfig config, EnrichMetrics metrics, Clock clock) {
    Serde<RawArticle> rawSerde = Topics.ARTICLES_RAW.valueSerde();
    Duration retention = config.dedupeRetention();
    builder.addStateStore(
        Stores.windowStoreBuilder(
            Stores.persistentWindowStore(SEEN_IDS_STORE, retention, retention, false),
            Serdes.String(),
            Serdes.Long()));
    KStream<String, Decoded<RawArticle>> decoded =
        builder.stream(
                Topics.ARTICLES_RAW.name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("raw-articles"))
            .filter((k, v) -> v != null, Named.as("skip-tombstones"))
            .processValues(
                () -> new DecodeProcessor<>(rawSerde.deserializer(), clock),
                Named.as("decode-raw-article"));
    return toDeadLetters(decoded, "raw", Topics.DLQ.valueSerde(), metrics)
        .peek((k, v) -> metrics.articlesIn.incrementAndGet(), Named.as("count-articles-in"))
        .processValues(
            () -> new RepeatFilter(SEEN_IDS_STORE, retention, metrics),
            Named.as("drop-repeated-ids"),
            SEEN_IDS_STORE);
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
    int shards = config.bandShards();
    NearDupFingerprinter fingerprinter = new NearDupFingerprinter();
    Serde<DedupeMessage> messageSerde = HeraldSerdes.avro(DedupeMessage.class);
    // Held articles and vote tallies are few (only those whose votes are in flight): kept in
    // memory, logged.
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(PENDING_STORE), Serdes.String(), messageSerde));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(VOTES_STORE), Serdes.String(), messageSerde));
    Duration indexRetention = BandIndex.indexRetention(retention);
    builder.addStateStore(
        Stores.windowStoreBuilder(
            Stores.persistentWindowStore(
                BAND_INDEX_STORE, indexRetention, BandIndex.bucketOf(retention), false),
            Serdes.String(),
            Serdes.String()));
    builder.addStateStore(
        Stores.windowStoreBuilder(
            Stores.persistentWindowStore(FINGERPRINT_STORE, retention, retention, false),
            Serdes.String(),
            HeraldSerdes.avro(DedupeEntry.class)));
    // A copy may link to a canonical that arrived up to one retention before the copy it matched.
    Duration clusterRetention = retention.multipliedBy(2);
    builder.addStateStore(
        Stores.windowStoreBuilder(
            Stores.persistentWindowStore(CLUSTER_STORE, clusterRetention, clusterRetention, false),
            Serdes.String(),
            HeraldSerdes.avro(DedupeCluster.class)));

    var fingerprinted =
        articles
            .processValues(
                () -> new FingerprintArticle(fingerprinter), Named.as("fingerprint-article"))
            .split(Named.as("fingerprint-"))
            .branch((id, f) -> f.sketched(), Branched.as("sketched"))
            .defaultBranch(Branched.as("unsketched"));

    // Too little text to compare: no band keys, so canonical at once (never merged).
    KStream<String, DedupeMessage> unsketched =
        fingerprinted
            .get("fingerprint-unsketched")
            .mapValues(EnrichTopology::undecided, Named.as("keep-unsketched"));

    KStream<String, DedupeMessage> collected =
        fingerprinted
            .get("fingerprint-sketched")
            .process(
                () -> new VoteHolder(PENDING_STORE, shards),
                Named.as("hold-for-votes"),
                PENDING_STORE)
            .repartition(
                Repartitioned.with(Serdes.String(), HeraldSerdes.avro(DedupeProbe.class))
                    .withName("by-band")
                    .withStreamPartitioner(BandShards.partitioner()))
            .process(
                () ->
                    new BandIndex(
                        BAND_INDEX_STORE,
                        FINGERPRINT_STORE,
                        fingerprinter,
                        shards,
                        retention,
                        MAX_ARTICLES_PER_BAND),
                Named.as("vote-by-band"),
                BAND_INDEX_STORE,
                FINGERPRINT_STORE)
            .repartition(Repartitioned.with(Serdes.String(), messageSerde).withName("by-article"))
            .processValues(
                () -> new VoteCollector(PENDING_STORE, VOTES_STORE, metrics),
                Named.as("collect-votes"),
                PENDING_STORE,
                VOTES_STORE);

    var decided =
        collected
            .merge(unsketched, Named.as("decided"))
            .split(Named.as("decided-"))
            .branch((id, m) -> m.getBest() != null, Branched.as("copy"))
            .defaultBranch(Branched.as("canonical"));

    KStream<String, EnrichedArticle> copies =
        decided
            .get("decided-copy")
            .selectKey((id, m) -> m.getBest().getCanonicalId(), Named.as("key-by-canonical-id"))
            .repartition(Repartitioned.with(Serdes.String(), messageSerde).withName("by-cluster"))
            .processValues(
                () -> new ClusterRecorder(CLUSTER_STORE, clock),
                Named.as("record-copy-on-cluster"),
                CLUSTER_STORE)
            .selectKey((canonicalId, e) -> e.getArticle().getId(), Named.as("key-copy-by-id"));
    KStream<String, EnrichedArticle> canonicals =
        decided
            .get("decided-canonical")
            .mapValues(
                m -> AvroMapping.canonical(m.getArticle(), clock.instant()),
                Named.as("canonical-article"));
    return new Deduped(canonicals, copies);
  }

  private static DedupeMessage undecided(Fingerprinted f) {
    return DedupeMessage.newBuilder()
        .setArticleId(f.article().getId())
        .setArticle(f.article())
        .setReceivedAt(Instant.ofEpochMilli(f.receivedAt()))
        .setExpectedVotes(0)
        .setVotes(0)
        .setBest(null)
        .build();
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
