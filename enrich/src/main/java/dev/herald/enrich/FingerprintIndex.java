package dev.herald.enrich;

import java.time.Duration;

/**
 * Layout of the global near-duplicate index (store {@code dedupe-index}, ADR 6, Topology): one
 * key-value store holding, per time bucket of half the retention, the band postings (band key to
 * the articles filed under it, {@link BandEntries} text) and the fingerprints (article id to its
 * {@code DedupeEntry}). Every key starts with its bucket as 16 hex digits, so the keys of expired
 * buckets form one leading range that the filer deletes, and a lookup is three point reads per band
 * key (the article's bucket and the two before it cover the retention).
 */
final class FingerprintIndex {
  /** Buckets before the current one that can hold live articles (bucket = half the retention). */
  static final int BUCKETS_BACK = 2;

  private final long retentionMs;
  private final long bucketMs;

  FingerprintIndex(Duration retention) {
    this.retentionMs = retention.toMillis();
    this.bucketMs = Math.max(1, retention.toMillis() / 2);
  }

  long retentionMs() {
    return retentionMs;
  }

  /** The bucket of an arrival time (millis since the epoch, never negative in practice). */
  long bucketOf(long at) {
    return Math.max(0, Math.floorDiv(at, bucketMs));
  }

  /** Whether an article filed at {@code filedAt} is still live for one arriving at {@code at}. */
  boolean live(long filedAt, long at) {
    return filedAt >= at - retentionMs;
  }

  /** The key of a band key's postings in a bucket. */
  static String postingKey(long bucket, String bandKey) {
    return postingKey(prefix(bucket), bandKey);
  }

  /**
   * As {@link #postingKey(long, String)} with the bucket's {@link #prefix}, made once per lookup.
   */
  static String postingKey(String prefix, String bandKey) {
    return prefix + '/' + bandKey;
  }

  /** The prefixes of a bucket and of the {@link #BUCKETS_BACK} before it, newest first. */
  static String[] prefixesBack(long bucket) {
    String[] out = new String[BUCKETS_BACK + 1];
    for (int back = 0; back <= BUCKETS_BACK; back++) {
      out[back] = prefix(bucket - back);
    }
    return out;
  }

  /** The key of an article's fingerprint entry, in the bucket of its arrival. */
  static String entryKey(long bucket, String articleId) {
    return prefix(bucket) + '#' + articleId;
  }

  /** Length of the bucket prefix of every key. */
  static final int PREFIX_LENGTH = 16;

  /** The bucket of a store key. */
  static long bucketOfKey(String key) {
    return Long.parseUnsignedLong(key, 0, PREFIX_LENGTH, 16);
  }

  /** The first key of a bucket: every key of an earlier bucket sorts before it. */
  static String prefix(long bucket) {
    String hex = Long.toHexString(bucket);
    return "0".repeat(PREFIX_LENGTH - hex.length()) + hex;
  }
}
