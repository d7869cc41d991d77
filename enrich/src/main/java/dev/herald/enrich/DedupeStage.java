package dev.herald.enrich;

import dev.herald.avro.EnrichedArticle;
import dev.herald.avro.RawArticle;
import dev.herald.schemas.Topics;
import java.time.Clock;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
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
    Serde<RawArticle> rawSerde = Topics.ARTICLES_RAW.valueSerde();
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(
            Topics.ARTICLES_RAW.name(),
            Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("raw-articles"))
        .filter((k, v) -> v != null, Named.as("skip-tombstones"))
        .processValues(
            () -> new DecodeProcessor<RawArticle>(rawSerde.deserializer(), clock),
            Named.as("decode-raw-article"))
        .filter((k, d) -> !d.isError(), Named.as("skip-malformed"))
        .mapValues(d -> AvroMapping.canonical(d.value(), clock.instant()), Named.as("canonical"))
        .to(
            outputTopic,
            Produced.with(Serdes.String(), Topics.ARTICLES_ENRICHED.valueSerde())
                .withName("articles-out"));
    return builder.build();
  }
}
