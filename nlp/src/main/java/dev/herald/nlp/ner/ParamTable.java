package dev.herald.nlp.ner;

/**
 * Maxent weights by feature hash: an open-addressing table of 64-bit keys to dense rows of float
 * weights, one per outcome. Built once from the OpenNLP model at load time; a lookup is one probe.
 */
final class ParamTable {

  private final long[] keys;
  private final int[] rows;
  private final float[] weights;
  private final int outcomes;
  private final int mask;
  private int size;

  ParamTable(int capacity, int outcomes) {
    int cap = Integer.highestOneBit(Math.max(16, capacity * 2 - 1)) << 1;
    keys = new long[cap];
    rows = new int[cap];
    weights = new float[capacity * outcomes];
    this.outcomes = outcomes;
    mask = cap - 1;
  }

  int outcomes() {
    return outcomes;
  }

  int size() {
    return size;
  }

  private static long key(long h) {
    return h == 0 ? 1 : h;
  }

  /** Adds a feature's row; {@code w} has one weight per outcome. */
  void put(long hash, float[] w) {
    long k = key(hash);
    int slot = (int) (k ^ (k >>> 32)) & mask;
    while (keys[slot] != 0 && keys[slot] != k) {
      slot = (slot + 1) & mask;
    }
    int row;
    if (keys[slot] == k) {
      row = rows[slot];
    } else {
      keys[slot] = k;
      row = size++;
      rows[slot] = row;
    }
    System.arraycopy(w, 0, weights, row * outcomes, outcomes);
  }

  /** Adds the feature's weights to {@code scores}; unknown features add nothing. */
  void addTo(long hash, float[] scores) {
    long k = key(hash);
    int slot = (int) (k ^ (k >>> 32)) & mask;
    while (true) {
      long kk = keys[slot];
      if (kk == k) {
        int base = rows[slot] * outcomes;
        for (int o = 0; o < outcomes; o++) {
          scores[o] += weights[base + o];
        }
        return;
      }
      if (kk == 0) {
        return;
      }
      slot = (slot + 1) & mask;
    }
  }
}
