package dev.herald.enrich;

import dev.herald.avro.DedupeEntry;
import dev.herald.nlp.dedupe.NearDupFingerprint;
import dev.herald.nlp.dedupe.NearDupFingerprinter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The global index's processor (ADR 6, Topology): files each decided article of every task and
 * instance, read from the fingerprint topic, under its band keys, and keeps its entry. It runs on
 * the global thread, and Kafka Streams re-runs it when it restores the store from the topic
 * (KAFKA-7663), so the postings are derived state with no changelog of their own. Expired buckets
 * are deleted a slice at a time, so no record pays for a whole bucket.
 */
final class FileFingerprint implements Processor<String, byte[], Void, Void> {
  private static final Logger LOG = LoggerFactory.getLogger(FileFingerprint.class);

  /** Expired keys deleted per record at most. */
  private static final int EVICT_SLICE = 512;

  private final String storeName;
  private final NearDupFingerprinter fingerprinter;
  private final FingerprintIndex layout;
  private final int maxPerKey;
  private final RecentFingerprints recent;
  private final PostingFilter filter;
  private final Deserializer<DedupeEntry> entries;
  private KeyValueStore<String, byte[]> store;
  private long newestAt = Long.MIN_VALUE;
  private long evictedBelow = -1;
  private long malformed;

  FileFingerprint(
      String storeName,
      NearDupFingerprinter fingerprinter,
      FingerprintIndex layout,
      int maxPerKey,
      RecentFingerprints recent,
      PostingFilter filter,
      Deserializer<DedupeEntry> entries) {
    this.storeName = storeName;
    this.fingerprinter = fingerprinter;
    this.layout = layout;
    this.maxPerKey = maxPerKey;
    this.recent = recent;
    this.filter = filter;
    this.entries = entries;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.store = context.getStateStore(storeName);
    // Once per instance (the restoring and the running processor share the filter).
    if (filter.claimLoad()) {
      try (KeyValueIterator<String, byte[]> all = store.all()) {
        while (all.hasNext()) {
          String key = all.next().key;
          int slash = FingerprintIndex.PREFIX_LENGTH;
          if (key.length() > slash && key.charAt(slash) == '/') {
            filter.add(key.substring(slash + 1), FingerprintIndex.bucketOfKey(key));
          }
        }
      }
    }
  }

  @Override
  public void process(Record<String, byte[]> record) {
    String id = record.key();
    if (id == null || record.value() == null) {
      return;
    }
    try {
      file(id, StampForRetention.arrival(record), record.value());
    } finally {
      recent.applied(id);
    }
  }

  private void file(String id, long at, byte[] value) {
    NearDupFingerprint fingerprint = decode(value);
    if (fingerprint == null || !fingerprint.comparable()) {
      if (malformed++ % 10_000 == 0) {
        LOG.warn("Skipping an undecodable dedupe fingerprint record for article {}", id);
      }
      return;
    }
    newestAt = Math.max(newestAt, at);
    if (!layout.live(at, newestAt)) {
      return; // already out of the window (a restore replaying old records)
    }
    long bucket = layout.bucketOf(at);
    evict(layout.bucketOf(newestAt) - FingerprintIndex.BUCKETS_BACK);
    String entryKey = FingerprintIndex.entryKey(bucket, id);
    if (store.get(entryKey) != null) {
      return; // filed before (a restore re-reading records past the checkpoint)
    }
    // One write batch per article (putAll): a put per key costs a native call and metrics each.
    List<KeyValue<String, byte[]>> writes = new ArrayList<>(34);
    writes.add(KeyValue.pair(entryKey, value));
    List<String> keys = fingerprinter.bandKeys(fingerprint);
    String[] prefixes = FingerprintIndex.prefixesBack(bucket);
    long[] filed = new long[keys.size()];
    int filedCount = 0;
    for (String key : keys) {
      long h = PostingFilter.hash(key); // once per key, for every bucket
      String postingKey = FingerprintIndex.postingKey(prefixes[0], key);
      String current = read(postingKey, h, bucket);
      int live = count(current, at);
      for (int back = 1; back <= FingerprintIndex.BUCKETS_BACK && live < maxPerKey; back++) {
        live += count(read(FingerprintIndex.postingKey(prefixes[back], key), h, bucket - back), at);
      }
      // A full key keeps its oldest articles (the canonicals stay findable), as before.
      if (live < maxPerKey) {
        writes.add(KeyValue.pair(postingKey, bytes(BandEntries.append(current, at, id))));
        filed[filedCount++] = h;
      }
    }
    store.putAll(writes);
    for (int i = 0; i < filedCount; i++) {
      filter.add(filed[i], bucket); // after the write: a reader the filter lets through finds it
    }
  }

  private String read(String postingKey, long hash, long bucket) {
    return filter.mightContain(hash, bucket) ? text(store.get(postingKey)) : null;
  }

  /** Deletes a slice of the keys of buckets before {@code keepFrom}. */
  private void evict(long keepFrom) {
    if (keepFrom <= evictedBelow) {
      return;
    }
    filter.dropBefore(keepFrom);
    List<String> doomed = new ArrayList<>(EVICT_SLICE);
    try (KeyValueIterator<String, byte[]> it =
        store.range(null, FingerprintIndex.prefix(keepFrom))) {
      while (it.hasNext() && doomed.size() < EVICT_SLICE) {
        KeyValue<String, byte[]> kv = it.next();
        if (kv.key.compareTo(FingerprintIndex.prefix(keepFrom)) < 0) {
          doomed.add(kv.key);
        }
      }
    }
    for (String key : doomed) {
      store.delete(key);
    }
    if (doomed.size() < EVICT_SLICE) {
      evictedBelow = keepFrom;
    }
  }

  private int count(String postings, long at) {
    if (postings == null) {
      return 0;
    }
    int live = 0;
    for (BandEntries.Entry e : BandEntries.parse(postings)) {
      if (layout.live(e.receivedAt(), at)) {
        live++;
      }
    }
    return live;
  }

  private NearDupFingerprint decode(byte[] value) {
    try {
      DedupeEntry entry = entries.deserialize(null, value);
      ByteBuffer b = entry.getFingerprint().duplicate();
      byte[] bytes = new byte[b.remaining()];
      b.get(bytes);
      return NearDupFingerprint.fromBytes(bytes);
    } catch (RuntimeException e) {
      return null; // not an entry this version reads: it can match nothing
    }
  }

  static String text(byte[] b) {
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
