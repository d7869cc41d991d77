package dev.herald.enrich;

import dev.herald.avro.DedupeMessage;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tallies the band shards' votes on a held article; once every shard has voted, releases the
 * article, decided: a copy of the earliest canonical any shard verified it against, else canonical.
 * Votes only point at earlier articles (see {@link BandIndex}), so no two articles can be copies of
 * each other. The tally lives apart from the held article, so a vote rewrites a few bytes, not the
 * article.
 */
final class VoteCollector implements FixedKeyProcessor<String, DedupeMessage, DedupeMessage> {
  private static final Logger LOG = LoggerFactory.getLogger(VoteCollector.class);

  private final String pendingStore;
  private final String votesStore;
  private final EnrichMetrics metrics;
  private FixedKeyProcessorContext<String, DedupeMessage> context;
  private KeyValueStore<String, DedupeMessage> pending;
  private KeyValueStore<String, DedupeMessage> votes;

  VoteCollector(String pendingStore, String votesStore, EnrichMetrics metrics) {
    this.pendingStore = pendingStore;
    this.votesStore = votesStore;
    this.metrics = metrics;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, DedupeMessage> context) {
    this.context = context;
    this.pending = context.getStateStore(pendingStore);
    this.votes = context.getStateStore(votesStore);
  }

  @Override
  public void process(FixedKeyRecord<String, DedupeMessage> record) {
    DedupeMessage vote = record.value();
    String id = vote.getArticleId();
    DedupeMessage tally = vote;
    if (vote.getExpectedVotes() > 1) {
      DedupeMessage before = votes.get(id);
      if (before != null) {
        before.setVotes(before.getVotes() + vote.getVotes());
        before.setBest(Votes.best(before.getBest(), vote.getBest()));
        tally = before;
      }
      if (tally.getVotes() < tally.getExpectedVotes()) {
        votes.put(id, tally);
        return;
      }
      if (before != null) {
        votes.delete(id);
      }
    }
    DedupeMessage held = pending.delete(id);
    if (held == null) {
      // The article is held by another task: herald.articles.raw is not partitioned by id.
      if (metrics.strayVotes.getAndIncrement() % 10_000 == 0) {
        LOG.warn(
            "Dedupe votes for article {} that this task does not hold: is herald.articles.raw"
                + " keyed by article id with the default partitioner?",
            id);
      }
      return;
    }
    held.setVotes(tally.getVotes());
    held.setBest(tally.getBest());
    if (held.getBest() != null) {
      metrics.duplicates.incrementAndGet();
    }
    context.forward(record.withValue(held));
  }
}
