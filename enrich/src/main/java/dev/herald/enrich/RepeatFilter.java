package dev.herald.enrich;

import dev.herald.avro.RawArticle;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Drops an article whose id was already seen within the retention: the id derives from the
 * canonical URL (or the GUID), so this is the same article delivered again (another feed, a
 * re-poll, a producer retry). The window store forgets ids older than the retention by itself.
 */
final class RepeatFilter implements FixedKeyProcessor<String, RawArticle, RawArticle> {
  private final String storeName;
  private final long retentionMs;
  private final EnrichMetrics metrics;
  private FixedKeyProcessorContext<String, RawArticle> context;
  private WindowStore<String, Long> seen;

  RepeatFilter(String storeName, Duration retention, EnrichMetrics metrics) {
    this.storeName = storeName;
    this.retentionMs = retention.toMillis();
    this.metrics = metrics;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, RawArticle> context) {
    this.context = context;
    this.seen = context.getStateStore(storeName);
  }

  @Override
  public void process(FixedKeyRecord<String, RawArticle> record) {
    long ts = record.timestamp();
    try (WindowStoreIterator<Long> it = seen.fetch(record.key(), ts - retentionMs, ts)) {
      if (it.hasNext()) {
        metrics.repeats.incrementAndGet();
        return;
      }
    }
    seen.put(record.key(), ts, ts);
    context.forward(record);
  }
}
