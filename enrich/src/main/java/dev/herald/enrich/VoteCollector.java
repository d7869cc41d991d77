package dev.herald.enrich;

import dev.herald.avro.DedupeMessage;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds the band shards' votes into the held article; once every shard has voted, releases it,
 * decided: a copy of the earliest canonical any shard verified it against, else canonical. Votes
 * only point at earlier articles, so no two articles can be copies of each other.
 */
final class VoteCollector implements FixedKeyProcessor<String, DedupeMessage, DedupeMessage> {
  private static final Logger LOG = LoggerFactory.getLogger(VoteCollector.class);

  private final String pendingStore;
  private final EnrichMetrics metrics;
  private FixedKeyProcessorContext<String, DedupeMessage> context;
  private KeyValueStore<String, DedupeMessage> pending;

  VoteCollector(String pendingStore, EnrichMetrics metrics) {
    this.pendingStore = pendingStore;
    this.metrics = metrics;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, DedupeMessage> context) {
    this.context = context;
    this.pending = context.getStateStore(pendingStore);
  }

  @Override
  public void process(FixedKeyRecord<String, DedupeMessage> record) {
    DedupeMessage vote = record.value();
    DedupeMessage held = pending.get(vote.getArticleId());
    if (held == null || held.getArticle() == null) {
      // The article is held by another task: herald.articles.raw is not partitioned by id.
      if (metrics.strayVotes.getAndIncrement() % 10_000 == 0) {
        LOG.warn(
            "Dedupe vote for article {} that this task does not hold: is herald.articles.raw"
                + " keyed by article id with the default partitioner?",
            vote.getArticleId());
      }
      return;
    }
    held.setVotes(held.getVotes() + vote.getVotes());
    held.setBest(Votes.best(held.getBest(), vote.getBest()));
    if (held.getVotes() < held.getExpectedVotes()) {
      pending.put(vote.getArticleId(), held);
      return;
    }
    pending.delete(vote.getArticleId());
    if (held.getBest() != null) {
      metrics.duplicates.incrementAndGet();
    }
    context.forward(record.withValue(held));
  }
}
