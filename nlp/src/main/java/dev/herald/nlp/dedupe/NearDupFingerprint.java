package dev.herald.nlp.dedupe;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The compact state kept per retained article for near-duplicate detection (at most {@link
 * #MAX_BYTES} bytes serialised).
 *
 * @param shingles distinct word shingles of the cleaned body (0: too little text to compare)
 * @param exactHash first 64 bits of the {@link ContentFingerprint} of the cleaned body, 0 if none
 * @param minHash MinHash signature of the body shingles, 16 bits per value (empty when shingles is
 *     0)
 * @param figures distinct figures (numbers, weekdays, dates) in the body
 * @param figureSample the smallest 16-bit hashes of those figures, ascending (bottom-k sketch)
 * @param titleTokens distinct title words
 * @param titleSample the smallest 16-bit hashes of those words, ascending
 */
public record NearDupFingerprint(
    int shingles,
    long exactHash,
    short[] minHash,
    int figures,
    short[] figureSample,
    int titleTokens,
    short[] titleSample) {

  /** Upper bound of {@link #toBytes()} for every fingerprint this package makes. */
  public static final int MAX_BYTES = 200;

  /**
   * 2: one-permutation MinHash (Nov 2026). Version 1 (k permutations) is still read: same layout,
   * and its values agree with version 2 values only by chance (a 16-bit value per position), so an
   * old entry meets new articles through its exact key only, and is gone after one retention.
   */
  private static final byte VERSION = 2;

  private static final byte K_PERMUTATION_VERSION = 1;

  public NearDupFingerprint {
    minHash = minHash.clone();
    figureSample = figureSample.clone();
    titleSample = titleSample.clone();
    if (minHash.length > 255 || figureSample.length > 255 || titleSample.length > 255) {
      throw new IllegalArgumentException("sketch longer than 255 values");
    }
  }

  /** A fingerprint of a text too short or empty to compare: it never matches anything. */
  public static NearDupFingerprint empty(int titleTokens, short[] titleSample) {
    return new NearDupFingerprint(0, 0L, new short[0], 0, new short[0], titleTokens, titleSample);
  }

  /** Whether the body carries enough text to be compared at all. */
  public boolean comparable() {
    return shingles > 0 && minHash.length > 0;
  }

  @Override
  public short[] minHash() {
    return minHash.clone();
  }

  @Override
  public short[] figureSample() {
    return figureSample.clone();
  }

  @Override
  public short[] titleSample() {
    return titleSample.clone();
  }

  // Package access without copies, for the comparisons on the hot path.
  short[] minHashRef() {
    return minHash;
  }

  short[] figureRef() {
    return figureSample;
  }

  short[] titleRef() {
    return titleSample;
  }

  /** Version byte, sizes as unsigned 16-bit values, then the three sketches each after a count. */
  public byte[] toBytes() {
    int size = 1 + 2 + 8 + 1 + 2 * minHash.length + 2 + 1 + 2 * figureSample.length;
    size += 2 + 1 + 2 * titleSample.length;
    ByteBuffer b = ByteBuffer.allocate(size);
    b.put(VERSION);
    b.putShort((short) Math.min(shingles, 0xFFFF));
    b.putLong(exactHash);
    putSketch(b, minHash);
    b.putShort((short) Math.min(figures, 0xFFFF));
    putSketch(b, figureSample);
    b.putShort((short) Math.min(titleTokens, 0xFFFF));
    putSketch(b, titleSample);
    return b.array();
  }

  /** Reads what {@link #toBytes()} wrote; throws IllegalArgumentException on anything else. */
  public static NearDupFingerprint fromBytes(byte[] bytes) {
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      byte version = b.get();
      if (version != VERSION && version != K_PERMUTATION_VERSION) {
        throw new IllegalArgumentException("unknown fingerprint version " + version);
      }
      int shingles = Short.toUnsignedInt(b.getShort());
      long exact = b.getLong();
      short[] minHash = getSketch(b);
      int figures = Short.toUnsignedInt(b.getShort());
      short[] figureSample = getSketch(b);
      int titleTokens = Short.toUnsignedInt(b.getShort());
      short[] titleSample = getSketch(b);
      if (b.hasRemaining()) {
        throw new IllegalArgumentException("trailing bytes after fingerprint");
      }
      return new NearDupFingerprint(
          shingles, exact, minHash, figures, figureSample, titleTokens, titleSample);
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("truncated fingerprint", e);
    }
  }

  private static void putSketch(ByteBuffer b, short[] values) {
    b.put((byte) values.length);
    for (short v : values) {
      b.putShort(v);
    }
  }

  private static short[] getSketch(ByteBuffer b) {
    int n = Byte.toUnsignedInt(b.get());
    short[] out = new short[n];
    for (int i = 0; i < n; i++) {
      out[i] = b.getShort();
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NearDupFingerprint f
        && shingles == f.shingles
        && exactHash == f.exactHash
        && figures == f.figures
        && titleTokens == f.titleTokens
        && Arrays.equals(minHash, f.minHash)
        && Arrays.equals(figureSample, f.figureSample)
        && Arrays.equals(titleSample, f.titleSample);
  }

  @Override
  public int hashCode() {
    int h = Integer.hashCode(shingles) * 31 + Long.hashCode(exactHash);
    h = h * 31 + Arrays.hashCode(minHash);
    h = h * 31 + Arrays.hashCode(figureSample);
    return h * 31 + Arrays.hashCode(titleSample);
  }

  @Override
  public String toString() {
    return "NearDupFingerprint[shingles="
        + shingles
        + ", exact="
        + Long.toHexString(exactHash)
        + ", minHash="
        + minHash.length
        + ", figures="
        + figures
        + ", titleTokens="
        + titleTokens
        + "]";
  }
}
