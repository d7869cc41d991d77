package dev.herald.enrich;

import dev.herald.avro.DedupeMessage;
import dev.herald.avro.DedupeProbe;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Holds a sketched article in the pending store until every band shard has voted on it, and sends
 * its fingerprint to each shard (one probe per shard, keyed by shard). The votes come back on
 * by-article, keyed by the article id, to the task that holds the article: by-article and
 * herald.articles.raw are both partitioned by article id with the same partition count.
 */
final class VoteHolder implements Processor<String, Fingerprinted, String, DedupeProbe> {
  private final String pendingStore;
  private final int shards;
  private ProcessorContext<String, DedupeProbe> context;
  private KeyValueStore<String, DedupeMessage> pending;

  VoteHolder(String pendingStore, int shards) {
    this.pendingStore = pendingStore;
    this.shards = shards;
  }

  @Override
  public void init(ProcessorContext<String, DedupeProbe> context) {
    this.context = context;
    this.pending = context.getStateStore(pendingStore);
  }

  @Override
  public void process(Record<String, Fingerprinted> record) {
    Fingerprinted f = record.value();
    String id = f.article().getId();
    Instant receivedAt = Instant.ofEpochMilli(f.receivedAt());
    pending.put(
        id,
        DedupeMessage.newBuilder()
            .setArticleId(id)
            .setArticle(f.article())
            .setReceivedAt(receivedAt)
            .setExpectedVotes(shards)
            .setVotes(0)
            .setBest(null)
            .build());
    byte[] fingerprint = f.fingerprint().toBytes();
    for (int shard = 0; shard < shards; shard++) {
      DedupeProbe probe =
          DedupeProbe.newBuilder()
              .setArticleId(id)
              .setReceivedAt(receivedAt)
              .setFingerprint(ByteBuffer.wrap(fingerprint))
              .build();
      context.forward(new Record<>(BandShards.key(shard), probe, record.timestamp()));
    }
  }
}
