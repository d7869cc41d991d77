package dev.herald.enrich;

import java.util.Arrays;

/**
 * Band postings of the live index: a multimap from a band code to the slots of the articles filed
 * under it, in two primitive arrays (open addressing, linear probing), 12 bytes a posting at a load
 * of at most three quarters. A code may repeat (one slot per posting); removal shifts the probe
 * chain back, so no tombstones accumulate and a lookup stops at the first empty slot. Not
 * thread-safe: {@link LiveIndex} guards it.
 */
final class BandPostings {
  private long[] codes;
  private int[] slots; // slot + 1; 0 marks an empty cell
  private int mask;
  private int size;

  BandPostings(int initialCapacity) {
    int cells = Integer.highestOneBit(Math.max(16, initialCapacity * 2) - 1) << 1;
    codes = new long[cells];
    slots = new int[cells];
    mask = cells - 1;
  }

  /** Postings held. */
  int size() {
    return size;
  }

  /** Cells allocated (each 12 bytes). */
  int capacity() {
    return codes.length;
  }

  /**
   * Files {@code slot} under {@code code} unless the code already holds {@code max} postings (a hot
   * band keeps its earliest articles, so canonicals stay findable). Returns whether it was filed.
   */
  boolean add(long code, int slot, int max) {
    if ((size + 1) * 4L > codes.length * 3L) {
      grow();
    }
    int held = 0;
    int i = home(code);
    while (slots[i] != 0) {
      if (codes[i] == code && ++held >= max) {
        return false;
      }
      i = (i + 1) & mask;
    }
    codes[i] = code;
    slots[i] = slot + 1;
    size++;
    return true;
  }

  /** Removes the posting of {@code slot} under {@code code}, if there is one. */
  void remove(long code, int slot) {
    int i = home(code);
    while (slots[i] != 0) {
      if (codes[i] == code && slots[i] == slot + 1) {
        shiftBack(i);
        size--;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** Adds every slot filed under {@code code} to {@code out}. */
  void collect(long code, Slots out) {
    for (int i = home(code); slots[i] != 0; i = (i + 1) & mask) {
      if (codes[i] == code) {
        out.add(slots[i] - 1);
      }
    }
  }

  /** A growable list of slots. */
  static final class Slots {
    private int[] values = new int[8];
    private int size;

    void add(int slot) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = slot;
    }

    int size() {
      return size;
    }

    /** The slots, ascending, each once. */
    int[] distinctSorted() {
      Arrays.sort(values, 0, size);
      int n = 0;
      for (int i = 0; i < size; i++) {
        if (n == 0 || values[i] != values[n - 1]) {
          values[n++] = values[i];
        }
      }
      return Arrays.copyOf(values, n);
    }
  }

  /**
   * Empties cell {@code hole} and moves later cells of its probe chain back into it when their home
   * lies at or before the hole (cyclically), so every remaining posting stays reachable.
   */
  private void shiftBack(int hole) {
    int j = hole;
    while (true) {
      j = (j + 1) & mask;
      if (slots[j] == 0) {
        break;
      }
      int h = home(codes[j]);
      boolean movable = j > hole ? (h <= hole || h > j) : (h <= hole && h > j);
      if (movable) {
        codes[hole] = codes[j];
        slots[hole] = slots[j];
        hole = j;
      }
    }
    codes[hole] = 0L;
    slots[hole] = 0;
  }

  private void grow() {
    long[] oldCodes = codes;
    int[] oldSlots = slots;
    codes = new long[oldCodes.length * 2];
    slots = new int[oldSlots.length * 2];
    mask = codes.length - 1;
    for (int k = 0; k < oldCodes.length; k++) {
      if (oldSlots[k] != 0) {
        int i = home(oldCodes[k]);
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        codes[i] = oldCodes[k];
        slots[i] = oldSlots[k];
      }
    }
  }

  private int home(long code) {
    long h = code * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
