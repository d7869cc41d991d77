package dev.herald.nlp.ner;

/**
 * Model weights by feature hash: an open-addressing table whose slots pack a 40-bit fingerprint of
 * the 64-bit hash with a 24-bit row number, so a probe reads one long, and dense rows of float
 * weights (one per outcome). Built once from the OpenNLP model at load time.
 */
final class ParamTable {

  private static final int ROW_BITS = 24;
  private static final long ROW_MASK = (1L << ROW_BITS) - 1;

  private final long[] slots;
  private final float[] weights;
  private final int outcomes;
  private final int mask;
  private int size;

  ParamTable(int capacity, int outcomes) {
    if (capacity >= ROW_MASK) {
      throw new IllegalArgumentException("too many features: " + capacity);
    }
    // At most half full: probes stay short.
    int cap = Integer.highestOneBit(Math.max(16, capacity * 2 - 1)) << 1;
    slots = new long[cap];
    weights = new float[Math.max(1, capacity) * outcomes];
    this.outcomes = outcomes;
    mask = cap - 1;
  }

  int outcomes() {
    return outcomes;
  }

  int size() {
    return size;
  }

  /** The fingerprint part of a slot (never 0, which marks an empty slot). */
  private static long fingerprint(long h) {
    long f = h & ~ROW_MASK;
    return f == 0 ? 1L << ROW_BITS : f;
  }

  private static int start(long h) {
    return (int) (h ^ (h >>> 29));
  }

  /** Adds a feature's row; {@code w} has one weight per outcome. */
  void put(long hash, float[] w) {
    long f = fingerprint(hash);
    int slot = start(hash) & mask;
    while (slots[slot] != 0 && (slots[slot] & ~ROW_MASK) != f) {
      slot = (slot + 1) & mask;
    }
    int row;
    if (slots[slot] != 0) {
      row = (int) (slots[slot] & ROW_MASK);
    } else {
      row = size++;
      slots[slot] = f | row;
    }
    System.arraycopy(w, 0, weights, row * outcomes, outcomes);
  }

  /**
   * Adds the weights of features {@code hashes[0..k)} to {@code scores}, in that order (the same
   * float sums as {@link #addTo} feature by feature). Finding every row first lets the probes, each
   * a likely cache miss in a table of this size, run side by side instead of one after another.
   *
   * @param rows scratch of at least {@code k} entries
   */
  void addAll(long[] hashes, int k, int[] rows, float[] scores) {
    for (int j = 0; j < k; j++) {
      rows[j] = row(hashes[j]);
    }
    for (int j = 0; j < k; j++) {
      int r = rows[j];
      if (r < 0) {
        continue;
      }
      int base = r * outcomes;
      for (int o = 0; o < outcomes; o++) {
        scores[o] += weights[base + o];
      }
    }
  }

  /** The feature's row, or -1 when the table does not hold it. */
  private int row(long hash) {
    long f = fingerprint(hash);
    int slot = start(hash) & mask;
    while (true) {
      long s = slots[slot];
      if (s == 0) {
        return -1;
      }
      if ((s & ~ROW_MASK) == f) {
        return (int) (s & ROW_MASK);
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Adds the feature's weights to {@code scores}; unknown features add nothing. */
  void addTo(long hash, float[] scores) {
    long f = fingerprint(hash);
    int slot = start(hash) & mask;
    while (true) {
      long s = slots[slot];
      if (s == 0) {
        return;
      }
      if ((s & ~ROW_MASK) == f) {
        int base = (int) (s & ROW_MASK) * outcomes;
        for (int o = 0; o < outcomes; o++) {
          scores[o] += weights[base + o];
        }
        return;
      }
      slot = (slot + 1) & mask;
    }
  }
}
