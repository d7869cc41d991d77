package dev.herald.enrich;

import dev.herald.avro.EnrichedArticle;
import dev.herald.avro.RawArticle;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Links an article whose body was already seen under another id to the first one (the canonical).
 * Runs after the stream was re-keyed by content fingerprint, so every copy of a body meets the same
 * task and store, whichever partition its article id hashed to. A copy is recorded, not dropped: it
 * goes out with {@code duplicateOf} set and is not tagged again.
 */
final class ContentDedupe implements FixedKeyProcessor<String, RawArticle, EnrichedArticle> {
  /** Key prefix of articles too short to fingerprint; they pass as their own canonical. */
  static final String UNFINGERPRINTED = "id:";

  private final String storeName;
  private final long retentionMs;
  private final EnrichMetrics metrics;
  private final Clock clock;
  private FixedKeyProcessorContext<String, EnrichedArticle> context;
  private WindowStore<String, String> clusters;

  ContentDedupe(String storeName, Duration retention, EnrichMetrics metrics, Clock clock) {
    this.storeName = storeName;
    this.retentionMs = retention.toMillis();
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
    this.context = context;
    this.clusters = context.getStateStore(storeName);
  }

  @Override
  public void process(FixedKeyRecord<String, RawArticle> record) {
    RawArticle article = record.value();
    String fingerprint = record.key();
    if (fingerprint.startsWith(UNFINGERPRINTED)) {
      context.forward(record.withValue(canonical(article)));
      return;
    }
    long ts = record.timestamp();
    Cluster found = null;
    long foundAt = 0;
    try (WindowStoreIterator<String> it = clusters.fetch(fingerprint, ts - retentionMs, ts)) {
      if (it.hasNext()) {
        var kv = it.next();
        found = Cluster.parse(kv.value);
        foundAt = kv.key;
      }
    }
    if (found == null || found.canonicalId().equals(article.getId())) {
      if (found == null) {
        clusters.put(fingerprint, new Cluster(article.getId(), 0).format(), ts);
      }
      context.forward(record.withValue(canonical(article)));
      return;
    }
    Cluster updated = new Cluster(found.canonicalId(), found.copies() + 1);
    clusters.put(fingerprint, updated.format(), foundAt);
    metrics.duplicates.incrementAndGet();
    context.forward(
        record.withValue(
            EnrichedArticle.newBuilder()
                .setArticle(article)
                .setDuplicateOf(updated.canonicalId())
                .setClusterId(updated.canonicalId())
                .setCopyCount(updated.copies())
                .setEnrichedAt(clock.instant())
                .build()));
  }

  private EnrichedArticle canonical(RawArticle article) {
    return EnrichedArticle.newBuilder()
        .setArticle(article)
        .setDuplicateOf(null)
        .setClusterId(article.getId())
        .setCopyCount(0)
        .setTimexes(List.of())
        .setEntities(List.of())
        .setClaims(List.of())
        .setEnrichedAt(clock.instant())
        .build();
  }

  /** The canonical article of a body and how many copies of it were seen. */
  record Cluster(String canonicalId, int copies) {
    String format() {
      return copies + ":" + canonicalId;
    }

    static Cluster parse(String s) {
      int colon = s.indexOf(':');
      return new Cluster(s.substring(colon + 1), Integer.parseInt(s.substring(0, colon)));
    }
  }
}
