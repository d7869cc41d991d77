package dev.herald.enrich;

import dev.herald.avro.DedupeEntry;
import dev.herald.avro.DedupeMessage;
import dev.herald.avro.DedupeProbe;
import dev.herald.avro.DedupeVote;
import dev.herald.nlp.dedupe.NearDupFingerprint;
import dev.herald.nlp.dedupe.NearDupFingerprinter;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * One band shard of the near-duplicate index. For a probe it looks up the shard's band keys of the
 * article, verifies each earlier article found there with {@link NearDupFingerprinter#compare}
 * (earlier, later), votes for the earliest canonical among the verified ones, then files the
 * article under its keys.
 *
 * <p>Which retained articles count as earlier: with one shard, every article filed before the probe
 * (the shard's log is one total order, as {@code DedupeIndex.offer} order); with several shards,
 * each sees its own interleaving, so only articles that arrived earlier ({@link Votes#isEarlier})
 * count, which keeps two shards from making two articles copies of each other.
 *
 * <p>Two window stores, both on arrival time with the dedupe retention, so expired articles leave
 * segment by segment: the band index (band key to article ids, duplicates kept; a key stops taking
 * new ids once it holds {@code maxPerKey} live ones, so a hot band stays bounded and keeps the
 * oldest, i.e. the canonicals) and the fingerprints (article id to fingerprint and the canonical
 * this shard linked it to, so a copy of a copy votes for the first article of the cluster).
 */
final class BandIndex implements Processor<String, DedupeProbe, String, DedupeMessage> {
  private final String indexStore;
  private final String fingerprintStore;
  private final NearDupFingerprinter fingerprinter;
  private final int shards;
  private final long retentionMs;
  private final int maxPerKey;
  private final boolean shardOrder;
  private ProcessorContext<String, DedupeMessage> context;
  private WindowStore<String, String> index;
  private WindowStore<String, DedupeEntry> fingerprints;

  BandIndex(
      String indexStore,
      String fingerprintStore,
      NearDupFingerprinter fingerprinter,
      int shards,
      Duration retention,
      int maxPerKey) {
    this.indexStore = indexStore;
    this.fingerprintStore = fingerprintStore;
    this.fingerprinter = fingerprinter;
    this.shards = shards;
    this.retentionMs = retention.toMillis();
    this.maxPerKey = maxPerKey;
    this.shardOrder = shards == 1;
  }

  @Override
  public void init(ProcessorContext<String, DedupeMessage> context) {
    this.context = context;
    this.index = context.getStateStore(indexStore);
    this.fingerprints = context.getStateStore(fingerprintStore);
  }

  @Override
  public void process(Record<String, DedupeProbe> record) {
    DedupeProbe probe = record.value();
    String id = probe.getArticleId();
    Instant receivedAt = probe.getReceivedAt();
    byte[] bytes = bytes(probe.getFingerprint());
    NearDupFingerprint fingerprint = decode(bytes);
    DedupeVote best = null;
    if (fingerprint != null) {
      long at = receivedAt.toEpochMilli();
      List<String> keys =
          BandShards.keysOf(
              fingerprinter.bandKeys(fingerprint), BandShards.shardOf(record.key()), shards);
      List<String> open = new ArrayList<>(keys.size());
      Map<String, Long> candidates = new LinkedHashMap<>();
      for (String key : keys) {
        if (lookUp(key, id, at, candidates) < maxPerKey) {
          open.add(key);
        }
      }
      best = verify(candidates, fingerprint);
      for (String key : open) {
        index.put(key, id, at);
      }
      fingerprints.put(
          id,
          DedupeEntry.newBuilder()
              .setFingerprint(ByteBuffer.wrap(bytes))
              .setCanonicalId(best != null ? best.getCanonicalId() : id)
              .setCanonicalReceivedAt(best != null ? best.getCanonicalReceivedAt() : receivedAt)
              .build(),
          at);
    }
    context.forward(
        new Record<>(
            id,
            DedupeMessage.newBuilder()
                .setArticleId(id)
                .setArticle(null)
                .setReceivedAt(receivedAt)
                .setExpectedVotes(shards)
                .setVotes(1)
                .setBest(best)
                .build(),
            record.timestamp()));
  }

  /**
   * Adds the earlier articles filed under {@code key} to the candidates; returns the live count.
   */
  private int lookUp(String key, String id, long at, Map<String, Long> candidates) {
    int live = 0;
    long to = shardOrder ? Long.MAX_VALUE : at;
    try (WindowStoreIterator<String> it = index.fetch(key, at - retentionMs, to)) {
      while (it.hasNext() && live < maxPerKey) {
        KeyValue<Long, String> e = it.next();
        live++;
        boolean earlier =
            shardOrder ? !e.value.equals(id) : Votes.isEarlier(e.key, e.value, at, id);
        if (earlier) {
          candidates.putIfAbsent(e.value, e.key);
        }
      }
    }
    return live;
  }

  /** The preferred vote among the candidates the probe's text verifies against, or null. */
  private DedupeVote verify(Map<String, Long> candidates, NearDupFingerprint later) {
    DedupeVote best = null;
    for (Map.Entry<String, Long> c : candidates.entrySet()) {
      DedupeEntry entry = fingerprints.fetch(c.getKey(), c.getValue());
      NearDupFingerprint earlier = entry == null ? null : decode(bytes(entry.getFingerprint()));
      if (earlier == null) {
        continue;
      }
      NearDupFingerprinter.Verdict v = fingerprinter.compare(earlier, later);
      if (v.duplicate()) {
        best =
            Votes.best(
                best,
                DedupeVote.newBuilder()
                    .setCanonicalId(entry.getCanonicalId())
                    .setCanonicalReceivedAt(entry.getCanonicalReceivedAt())
                    .setMatchedId(c.getKey())
                    .setContainment(v.containment())
                    .setExact(v.exact())
                    .build());
      }
    }
    return best;
  }

  private static NearDupFingerprint decode(byte[] bytes) {
    try {
      return NearDupFingerprint.fromBytes(bytes);
    } catch (IllegalArgumentException e) {
      return null; // not a fingerprint this version reads: it can match nothing
    }
  }

  private static byte[] bytes(ByteBuffer b) {
    ByteBuffer d = b.duplicate();
    byte[] out = new byte[d.remaining()];
    d.get(out);
    return out;
  }
}
