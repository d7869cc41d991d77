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
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;

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
 * <p>Two window stores on arrival time, so expired articles leave segment by segment. The band
 * index: band key to the articles filed under it, one value per time bucket of half the retention
 * (window start = bucket start), so a lookup is three point reads, which RocksDB's bloom filters
 * answer without a seek for the many keys no other article shares; a key stops taking articles once
 * it holds {@code maxPerKey} live ones, so a hot band stays bounded and keeps the oldest (the
 * canonicals). The fingerprints: article id to fingerprint and the canonical this shard linked it
 * to, so a copy of a copy votes for the first article of the cluster.
 */
final class BandIndex implements Processor<String, DedupeProbe, String, DedupeMessage> {
  /** Buckets before the current one that can hold live articles (bucket = half the retention). */
  private static final int BUCKETS_BACK = 2;

  private final String indexStore;
  private final String fingerprintStore;
  private final NearDupFingerprinter fingerprinter;
  private final int shards;
  private final long retentionMs;
  private final long bucketMs;
  private final int maxPerKey;
  private final boolean shardOrder;
  private ProcessorContext<String, DedupeMessage> context;
  private WindowStore<String, String> index;
  private final BandKeyFilter filter = new BandKeyFilter();
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
    this.bucketMs = bucketOf(retention).toMillis();
    this.maxPerKey = maxPerKey;
    this.shardOrder = shards == 1;
  }

  @Override
  public void init(ProcessorContext<String, DedupeMessage> context) {
    this.context = context;
    this.index = context.getStateStore(indexStore);
    this.fingerprints = context.getStateStore(fingerprintStore);
    // Processors start after their stores are restored: the filter sees every live key.
    try (KeyValueIterator<Windowed<String>, String> all = index.all()) {
      while (all.hasNext()) {
        Windowed<String> key = all.next().key;
        filter.add(key.key(), key.window().start());
      }
    }
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
      long bucket = Math.floorDiv(at, bucketMs) * bucketMs;
      List<String> open = new ArrayList<>(keys.size());
      List<String> openValues = new ArrayList<>(keys.size());
      Map<String, Long> candidates = new LinkedHashMap<>();
      filter.dropBefore(bucket - BUCKETS_BACK * bucketMs);
      for (String key : keys) {
        String current = read(key, bucket);
        int live = lookUp(current, id, at, candidates);
        for (int back = 1; back <= BUCKETS_BACK && live < maxPerKey; back++) {
          live += lookUp(read(key, bucket - back * bucketMs), id, at, candidates);
        }
        if (live < maxPerKey) {
          open.add(key);
          openValues.add(current);
        }
      }
      best = verify(candidates, fingerprint);
      for (int i = 0; i < open.size(); i++) {
        index.put(open.get(i), BandEntries.append(openValues.get(i), at, id), bucket);
        filter.add(open.get(i), bucket);
      }
      fingerprints.put(
          id,
          DedupeEntry.newBuilder()
              .setFingerprint(ByteBuffer.wrap(bytes))
              // Empty when the article is its own canonical (most are): its id is the store key.
              .setCanonicalId(best != null ? best.getCanonicalId() : "")
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

  /** One bucket of a band key, or null; the filter spares the store the keys it never saw. */
  private String read(String key, long bucket) {
    return filter.mightContain(key, bucket) ? index.fetch(key, bucket) : null;
  }

  /** Adds the earlier live articles of one bucket to the candidates; returns the live count. */
  private int lookUp(String bucketValue, String id, long at, Map<String, Long> candidates) {
    if (bucketValue == null) {
      return 0;
    }
    int live = 0;
    for (BandEntries.Entry e : BandEntries.parse(bucketValue)) {
      if (e.receivedAt() < at - retentionMs) {
        continue;
      }
      live++;
      boolean earlier =
          shardOrder
              ? !e.articleId().equals(id)
              : Votes.isEarlier(e.receivedAt(), e.articleId(), at, id);
      if (earlier) {
        candidates.putIfAbsent(e.articleId(), e.receivedAt());
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
                    .setCanonicalId(
                        entry.getCanonicalId().isEmpty() ? c.getKey() : entry.getCanonicalId())
                    .setCanonicalReceivedAt(entry.getCanonicalReceivedAt())
                    .setMatchedId(c.getKey())
                    .setContainment(v.containment())
                    .setExact(v.exact())
                    .build());
      }
    }
    return best;
  }

  /** Time bucket of the band index: half the retention. */
  static Duration bucketOf(Duration retention) {
    return retention.dividedBy(2);
  }

  /** The band index keeps a bucket until its last article leaves the retention. */
  static Duration indexRetention(Duration retention) {
    return retention.plus(bucketOf(retention));
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
