package dev.herald.enrich;

import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * In-memory Bloom filters of the band keys filed in each time bucket of the global index, so that a
 * lookup skips the store for the keys no other article has (most of them): about 10 bits per filed
 * key, 1 % false positives, which only cost a store read. One writer (the global thread), many
 * readers (the stream threads): bits are atomic, and a key is added before the overlay forgets its
 * article, so a reader that no longer finds an article in the overlay sees its keys here. Not a
 * source of truth: loaded from the store when the global processor starts, dropped with the bucket.
 * A bucket's filter grows by chaining filters of doubling capacity.
 */
final class PostingFilter {
  private static final int HASHES = 7;
  private static final int BITS_PER_KEY = 10;
  private static final int FIRST_CAPACITY = 1 << 14;

  private final ConcurrentSkipListMap<Long, List<Bloom>> buckets = new ConcurrentSkipListMap<>();
  private final AtomicBoolean loaded = new AtomicBoolean();

  boolean mightContain(String key, long bucket) {
    return mightContain(hash(key), bucket);
  }

  /** As {@link #mightContain(String, long)} with the key's {@link #hash}, computed once per key. */
  boolean mightContain(long h, long bucket) {
    List<Bloom> filters = buckets.get(bucket);
    if (filters == null) {
      return false;
    }
    for (Bloom b : filters) {
      if (b.mightContain(h)) {
        return true;
      }
    }
    return false;
  }

  /** Adds a key; one thread at a time (the global thread). */
  void add(String key, long bucket) {
    add(hash(key), bucket);
  }

  /** Adds a key by its {@link #hash}; one thread at a time (the global thread). */
  void add(long h, long bucket) {
    List<Bloom> filters = buckets.computeIfAbsent(bucket, b -> new CopyOnWriteArrayList<>());
    Bloom last = filters.isEmpty() ? null : filters.get(filters.size() - 1);
    if (last == null || last.full()) {
      last = new Bloom(last == null ? FIRST_CAPACITY : 2 * last.capacity);
      filters.add(last);
    }
    last.add(h);
  }

  /** Forgets the buckets that start before {@code bucket}. */
  void dropBefore(long bucket) {
    buckets.headMap(bucket, false).clear();
  }

  /** True the first time only: whoever gets true loads the filter from the store. */
  boolean claimLoad() {
    return loaded.compareAndSet(false, true);
  }

  /** 64-bit FNV-1a of the key, then SplitMix64's finaliser. */
  static long hash(String key) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < key.length(); i++) {
      h ^= key.charAt(i);
      h *= 0x100000001b3L;
    }
    h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
    h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
    return h ^ (h >>> 31);
  }

  private static final class Bloom {
    final int capacity;
    final AtomicLongArray bits;
    final long size;
    final AtomicInteger count = new AtomicInteger();

    Bloom(int capacity) {
      this.capacity = capacity;
      this.bits =
          new AtomicLongArray((int) Math.max(1, ((long) capacity * BITS_PER_KEY + 63) / 64));
      this.size = 64L * bits.length();
    }

    /** A bit index from the high 32 bits of a hash (multiply-shift: no division per probe). */
    private long bit(long h) {
      return ((h >>> 32) * size) >>> 32;
    }

    boolean full() {
      return count.get() >= capacity;
    }

    void add(long h) {
      long h1 = h;
      long h2 = Long.rotateLeft(h, 32) | 1; // the low half steps the high half, which picks a bit
      for (int i = 0; i < HASHES; i++) {
        long bit = bit(h1 + i * h2);
        long mask = 1L << bit;
        int word = (int) (bit >>> 6);
        long current = bits.get(word);
        if ((current & mask) == 0) {
          // One writer, so no lost update; a release store is enough for readers, who see the
          // bit through the overlay removal that follows it (ADR 6, RecentFingerprints).
          bits.setRelease(word, current | mask);
        }
      }
      count.incrementAndGet();
    }

    boolean mightContain(long h) {
      long h1 = h;
      long h2 = Long.rotateLeft(h, 32) | 1; // the low half steps the high half, which picks a bit
      for (int i = 0; i < HASHES; i++) {
        long bit = bit(h1 + i * h2);
        if ((bits.get((int) (bit >>> 6)) & (1L << bit)) == 0) {
          return false;
        }
      }
      return true;
    }
  }
}
