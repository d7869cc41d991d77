package dev.herald.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * In-memory Bloom filters of the band keys filed in each time bucket of the band index, so a lookup
 * skips the store for the keys no earlier article has (most of them): about 10 bits per filed key,
 * 1 % false positives, which only cost a store read. Not a source of truth: rebuilt from the store
 * when the task starts, dropped with the bucket. A bucket's filter grows by chaining filters of
 * doubling capacity.
 */
final class BandKeyFilter {
  private static final int HASHES = 7;
  private static final int BITS_PER_KEY = 10;
  private static final int FIRST_CAPACITY = 1 << 14;

  private final TreeMap<Long, List<Bloom>> buckets = new TreeMap<>();

  boolean mightContain(String key, long bucket) {
    List<Bloom> filters = buckets.get(bucket);
    if (filters == null) {
      return false;
    }
    long h = hash(key);
    for (Bloom b : filters) {
      if (b.mightContain(h)) {
        return true;
      }
    }
    return false;
  }

  void add(String key, long bucket) {
    List<Bloom> filters = buckets.computeIfAbsent(bucket, b -> new ArrayList<>(2));
    Bloom last = filters.isEmpty() ? null : filters.get(filters.size() - 1);
    if (last == null || last.full()) {
      last = new Bloom(last == null ? FIRST_CAPACITY : 2 * last.capacity);
      filters.add(last);
    }
    last.add(hash(key));
  }

  /** Forgets the buckets that start before {@code bucket}. */
  void dropBefore(long bucket) {
    buckets.headMap(bucket, false).clear();
  }

  /** Bytes held, for logs. */
  long bytes() {
    long total = 0;
    for (Map.Entry<Long, List<Bloom>> e : buckets.entrySet()) {
      for (Bloom b : e.getValue()) {
        total += 8L * b.bits.length;
      }
    }
    return total;
  }

  /** 64-bit FNV-1a of the key, then SplitMix64's finaliser. */
  private static long hash(String key) {
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
    final long[] bits;
    final long size;
    int count;

    Bloom(int capacity) {
      this.capacity = capacity;
      this.bits = new long[(int) Math.max(1, ((long) capacity * BITS_PER_KEY + 63) / 64)];
      this.size = 64L * bits.length;
    }

    boolean full() {
      return count >= capacity;
    }

    void add(long h) {
      long h1 = h;
      long h2 = (h >>> 32) | 1;
      for (int i = 0; i < HASHES; i++) {
        long bit = Long.remainderUnsigned(h1 + i * h2, size);
        bits[(int) (bit >>> 6)] |= 1L << bit;
      }
      count++;
    }

    boolean mightContain(long h) {
      long h1 = h;
      long h2 = (h >>> 32) | 1;
      for (int i = 0; i < HASHES; i++) {
        long bit = Long.remainderUnsigned(h1 + i * h2, size);
        if ((bits[(int) (bit >>> 6)] & (1L << bit)) == 0) {
          return false;
        }
      }
      return true;
    }
  }
}
