package dev.herald.enrich;

import dev.herald.avro.DedupeEntry;
import dev.herald.avro.EnrichedArticle;
import dev.herald.avro.RawArticle;
import dev.herald.nlp.dedupe.NearDupFingerprint;
import dev.herald.nlp.dedupe.NearDupFingerprinter;
import dev.herald.schemas.Topics;
import dev.herald.schemas.serde.HeraldSerdes;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The dedupe stage on its own, and a passthrough baseline, for benchmarks: both read {@code
 * herald.articles.raw} and write untagged {@link EnrichedArticle}s to {@code outputTopic}, so the
 * difference between them is the cost of dedupe (repeat filter and near-duplicate detection).
 */
public final class DedupeStage {
  private DedupeStage() {}

  /** Decode, drop repeated ids, near-duplicate detection (exactly the enrich wiring), write. */
  public static Topology topology(
      EnrichConfig config, EnrichMetrics metrics, Clock clock, String outputTopic) {
    StreamsBuilder builder = new StreamsBuilder();
    EnrichTopology.Deduped deduped =
        EnrichTopology.dedupe(
            builder,
            EnrichTopology.newArticles(builder, config, metrics, clock),
            config,
            metrics,
            clock);
    Serde<EnrichedArticle> serde = Topics.ARTICLES_ENRICHED.valueSerde();
    deduped
        .canonicals()
        .to(outputTopic, Produced.with(Serdes.String(), serde).withName("canonicals-out"));
    deduped.copies().to(outputTopic, Produced.with(Serdes.String(), serde).withName("copies-out"));
    return builder.build();
  }

  /** Decode and write every article as its own canonical: no state, no repartition. */
  public static Topology passthrough(Clock clock, String outputTopic) {
    StreamsBuilder builder = new StreamsBuilder();
    decoded(builder, clock)
        .mapValues(a -> AvroMapping.canonical(a, clock.instant()), Named.as("canonical"))
        .to(outputTopic, enrichedOut());
    return builder.build();
  }

  /**
   * A floor under any design of the stage, for benchmarks: the passthrough plus the fingerprint of
   * every article, and, when {@code entryTopic} is not null, one entry record per sketched article
   * sent to it as the dedupe stage sends its fingerprint entries, but no lookup, no index and no
   * repeat filter. What this costs, every dedupe design built on fingerprints that other instances
   * must see costs at least.
   */
  public static Topology fingerprintFloor(Clock clock, String outputTopic, String entryTopic) {
    StreamsBuilder builder = new StreamsBuilder();
    NearDupFingerprinter fingerprinter = new NearDupFingerprinter();
    KStream<String, RawArticle> articles = decoded(builder, clock);
    KStream<String, NearDupFingerprint> fingerprints =
        articles.mapValues(
            a -> fingerprinter.fingerprint(a.getTitle(), a.getText()), Named.as("fingerprint"));
    if (entryTopic != null) {
      var entries = HeraldSerdes.avro(DedupeEntry.class).serializer();
      fingerprints
          .filter((k, f) -> f.comparable(), Named.as("sketched"))
          .mapValues(
              f ->
                  entries.serialize(
                      entryTopic,
                      DedupeEntry.newBuilder()
                          .setFingerprint(ByteBuffer.wrap(f.toBytes()))
                          .setCanonicalId("")
                          .setCanonicalReceivedAt(Instant.EPOCH)
                          .build()),
              Named.as("entry"))
          .to(
              entryTopic,
              Produced.with(Serdes.String(), Serdes.ByteArray()).withName("entries-out"));
    }
    // The article goes out once its fingerprint is made (forwarded in that order by the source).
    articles
        .mapValues(a -> AvroMapping.canonical(a, clock.instant()), Named.as("canonical"))
        .to(outputTopic, enrichedOut());
    return builder.build();
  }

  private static KStream<String, RawArticle> decoded(StreamsBuilder builder, Clock clock) {
    Serde<RawArticle> rawSerde = Topics.ARTICLES_RAW.valueSerde();
    return builder.stream(
            Topics.ARTICLES_RAW.name(),
            Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("raw-articles"))
        .filter((k, v) -> v != null, Named.as("skip-tombstones"))
        .processValues(
            () -> new DecodeProcessor<RawArticle>(rawSerde.deserializer(), clock),
            Named.as("decode-raw-article"))
        .filter((k, d) -> !d.isError(), Named.as("skip-malformed"))
        .mapValues(d -> d.value(), Named.as("decoded"));
  }

  private static Produced<String, EnrichedArticle> enrichedOut() {
    return Produced.with(Serdes.String(), Topics.ARTICLES_ENRICHED.valueSerde())
        .withName("articles-out");
  }
}
