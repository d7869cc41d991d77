package dev.herald.enrich;

import java.util.Arrays;

/**
 * Band postings of the live index: a multimap from a band code to the slots of the articles filed
 * under it, in one primitive array (open addressing, linear probing). A cell packs a code (at most
 * {@link #CODE_BITS} bits) and a slot + 1 (0 marks an empty cell) in one {@code long}, so a probe
 * costs one memory access: 8 bytes a posting at a load of at most three quarters. A code may repeat
 * (one cell per posting); removal shifts the probe chain back, so no tombstones accumulate and a
 * lookup stops at the first empty cell. Not thread-safe: {@link LiveIndex} guards it.
 */
final class BandPostings {
  /** Bits of a code; a band code takes 37 (band index and two 16-bit values). */
  static final int CODE_BITS = 38;

  /** Bits of a slot + 1. */
  private static final int SLOT_BITS = Long.SIZE - CODE_BITS;

  private static final long SLOT_MASK = (1L << SLOT_BITS) - 1;

  /** The most slots the index can address (about 67 million articles in the window). */
  static final int MAX_SLOTS = (int) SLOT_MASK - 1;

  private long[] cells;
  private int mask;
  private int size;

  BandPostings(int initialCapacity) {
    int n = Integer.highestOneBit(Math.max(16, initialCapacity * 2) - 1) << 1;
    cells = new long[n];
    mask = n - 1;
  }

  /** Postings held. */
  int size() {
    return size;
  }

  /** Cells allocated (each 8 bytes). */
  int capacity() {
    return cells.length;
  }

  /**
   * Files {@code slot} under {@code code} unless the code already holds {@code max} postings (a hot
   * band keeps its earliest articles, so canonicals stay findable). Returns whether it was filed.
   */
  boolean add(long code, int slot, int max) {
    if (code >>> CODE_BITS != 0 || slot < 0 || slot >= MAX_SLOTS) {
      throw new IllegalArgumentException("code or slot out of range: " + code + ", " + slot);
    }
    if ((size + 1) * 4L > cells.length * 3L) {
      grow();
    }
    int held = 0;
    int i = home(code);
    while (cells[i] != 0L) {
      if (cells[i] >>> SLOT_BITS == code && ++held >= max) {
        return false;
      }
      i = (i + 1) & mask;
    }
    cells[i] = cell(code, slot);
    size++;
    return true;
  }

  /** Removes the posting of {@code slot} under {@code code}, if there is one. */
  void remove(long code, int slot) {
    long wanted = cell(code, slot);
    for (int i = home(code); cells[i] != 0L; i = (i + 1) & mask) {
      if (cells[i] == wanted) {
        shiftBack(i);
        size--;
        return;
      }
    }
  }

  /** Adds every slot filed under {@code code} to {@code out}. */
  void collect(long code, Slots out) {
    for (int i = home(code); cells[i] != 0L; i = (i + 1) & mask) {
      long c = cells[i];
      if (c >>> SLOT_BITS == code) {
        out.add((int) (c & SLOT_MASK) - 1);
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

  private static long cell(long code, int slot) {
    return code << SLOT_BITS | (slot + 1L);
  }

  /**
   * Empties cell {@code hole} and moves later cells of its probe chain back into it when their home
   * lies at or before the hole (cyclically), so every remaining posting stays reachable.
   */
  private void shiftBack(int hole) {
    int j = hole;
    while (true) {
      j = (j + 1) & mask;
      if (cells[j] == 0L) {
        break;
      }
      int h = home(cells[j] >>> SLOT_BITS);
      boolean movable = j > hole ? (h <= hole || h > j) : (h <= hole && h > j);
      if (movable) {
        cells[hole] = cells[j];
        hole = j;
      }
    }
    cells[hole] = 0L;
  }

  private void grow() {
    long[] old = cells;
    cells = new long[old.length * 2];
    mask = cells.length - 1;
    for (long c : old) {
      if (c != 0L) {
        int i = home(c >>> SLOT_BITS);
        while (cells[i] != 0L) {
          i = (i + 1) & mask;
        }
        cells[i] = c;
      }
    }
  }

  private int home(long code) {
    long h = code * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
