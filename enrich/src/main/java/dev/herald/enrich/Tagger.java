package dev.herald.enrich;

import dev.herald.avro.EnrichedArticle;
import dev.herald.avro.RawArticle;
import dev.herald.nlp.schedule.ArticleAnalysis;
import dev.herald.nlp.schedule.ScheduleDetector;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Tags a canonical article with dates, entities and schedule claims. Copies pass untouched: their
 * canonical was tagged already. A failure becomes a dead letter with the article's bytes.
 */
final class Tagger implements FixedKeyProcessor<String, EnrichedArticle, Decoded<EnrichedArticle>> {
  private final ScheduleDetector detector;
  private final Serializer<RawArticle> rawSerializer;
  private final EnrichMetrics metrics;
  private final Clock clock;
  private FixedKeyProcessorContext<String, Decoded<EnrichedArticle>> context;

  Tagger(
      ScheduleDetector detector,
      Serializer<RawArticle> rawSerializer,
      EnrichMetrics metrics,
      Clock clock) {
    this.detector = detector;
    this.rawSerializer = rawSerializer;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Decoded<EnrichedArticle>> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, EnrichedArticle> record) {
    EnrichedArticle in = record.value();
    if (in.getDuplicateOf() != null) {
      context.forward(record.withValue(Decoded.ok(in)));
      return;
    }
    RawArticle article = in.getArticle();
    try {
      long t0 = System.nanoTime();
      ArticleAnalysis analysis = detector.analyze(AvroMapping.toInput(article));
      metrics.taggingNanos.addAndGet(System.nanoTime() - t0);
      List<dev.herald.avro.Timex> timexes = new ArrayList<>();
      analysis.timexes().forEach(t -> timexes.add(AvroMapping.toAvro(t)));
      List<dev.herald.avro.Entity> entities = new ArrayList<>();
      analysis.entities().forEach(e -> entities.add(AvroMapping.toAvro(e)));
      List<dev.herald.avro.ScheduleClaim> claims = new ArrayList<>();
      analysis.claims().forEach(c -> claims.add(AvroMapping.toAvro(c, article)));
      EnrichedArticle out =
          EnrichedArticle.newBuilder(in)
              .setLanguage(analysis.language())
              .setTimexes(timexes)
              .setEntities(entities)
              .setClaims(claims)
              .setEnrichedAt(clock.instant())
              .build();
      metrics.tagged.incrementAndGet();
      context.forward(record.withValue(Decoded.ok(out)));
    } catch (RuntimeException e) {
      byte[] bytes = rawSerializer.serialize("", article);
      context.forward(
          record.withValue(
              Decoded.failed(
                  DeadLetters.of(
                      "enrich.tag",
                      context.recordMetadata(),
                      article.getId(),
                      bytes,
                      e,
                      clock.instant()))));
    }
  }
}
