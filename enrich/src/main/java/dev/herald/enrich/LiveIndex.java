package dev.herald.enrich;

import dev.herald.avro.DedupeCluster;
import dev.herald.avro.DedupeCopy;
import dev.herald.nlp.dedupe.NearDupFingerprint;
import dev.herald.nlp.dedupe.NearDupFingerprinter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * One instance's near-duplicate index (ADR 6, Topology): every retained article of every partition
 * and instance, by id and under its band codes, in memory. Stream threads file their own decisions
 * the moment they make them; the global thread files the other instances' decisions from the
 * fingerprint topic (and, after a restart, rebuilds the whole index from it). Entries leave once
 * they are older than the newest arrival filed minus the retention, a bounded slice per filing, so
 * memory depends only on the articles in the window (about 1 KB each, see {@link #stats}).
 *
 * <p>Thread-safe: every method holds the index's lock for a few hash probes; verification of the
 * candidates it returns runs outside it.
 */
final class LiveIndex {
  /** Entries evicted at most per filing, so no record pays for a whole expired backlog. */
  static final int EVICT_SLICE = 256;

  /**
   * Set on an exact-copy hash (its low 37 bits) so that its code never equals a band code (37 bits
   * at most); a code fits {@link BandPostings#CODE_BITS}. Two bodies whose hashes agree on 37 bits
   * only meet as candidates, and verification tells them apart.
   */
  private static final long EXACT_CODE = 1L << 37;

  private static final long EXACT_BITS = EXACT_CODE - 1;

  /** One retained article: its fingerprint, its canonical and the raw record it came from. */
  static final class Entry {
    private final String id;
    private final long arrival;
    private final byte[] fingerprint;
    private final String canonicalId;
    private final long canonicalArrival;
    private final int sourcePartition;
    private final long sourceOffset;
    private final DedupeCopy copy;
    private int slot = -1;
    private long sequence;
    private volatile int copyNumber;

    /**
     * @param fingerprint {@link NearDupFingerprint#toBytes()}; a body too short to sketch gives a
     *     fingerprint that is not comparable, filed by id only (repeats are still recognised)
     * @param canonicalId the cluster's canonical article, empty when the article is its own
     * @param sourcePartition the raw record's partition, -1 when unknown
     * @param sourceOffset the raw record's offset, -1 when unknown
     * @param copy a copy's provenance (who, where, when, verified against what); null for a
     *     canonical
     */
    Entry(
        String id,
        long arrival,
        byte[] fingerprint,
        String canonicalId,
        long canonicalArrival,
        int sourcePartition,
        long sourceOffset,
        DedupeCopy copy) {
      this.id = Objects.requireNonNull(id, "id");
      this.arrival = arrival;
      this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
      this.canonicalId = canonicalId == null ? "" : canonicalId;
      this.canonicalArrival = canonicalArrival;
      this.sourcePartition = sourcePartition;
      this.sourceOffset = sourceOffset;
      this.copy = this.canonicalId.isEmpty() ? null : copy;
    }

    String id() {
      return id;
    }

    long arrival() {
      return arrival;
    }

    /** The fingerprint, decoded anew on each call (entries keep the compact bytes). */
    NearDupFingerprint fingerprint() {
      return NearDupFingerprint.fromBytes(fingerprint);
    }

    byte[] fingerprintBytes() {
      return fingerprint;
    }

    /** The canonical article of the entry's cluster: its own id when it is canonical. */
    String canonical() {
      return canonicalId.isEmpty() ? id : canonicalId;
    }

    /** Empty when the article is its own canonical. */
    String canonicalId() {
      return canonicalId;
    }

    long canonicalArrival() {
      return canonicalArrival;
    }

    /** The copy's provenance; null for a canonical. */
    DedupeCopy copy() {
      return copy;
    }

    /**
     * For a copy: how many copies its cluster held in this index once it was filed, itself included
     * (set when filed; 0 for a canonical).
     */
    int copyNumber() {
      return copyNumber;
    }

    /** Whether the entry was decided from this very raw record (a retry after an abort). */
    boolean decidedFrom(int partition, long offset) {
      return offset >= 0 && partition == sourcePartition && offset == sourceOffset;
    }
  }

  /** Size of the index: entries, their fingerprint bytes, postings and posting cells. */
  record Stats(int entries, long fingerprintBytes, int postings, int postingCells) {
    /**
     * Heap bytes per entry, estimated: the entry object, its id (32 hex digits), its fingerprint
     * array, its map, slot and queue references, and its share of the posting cells (8 bytes each).
     * A copy's provenance record (~200 B) comes on top.
     */
    double bytesPerEntry() {
      if (entries == 0) {
        return 0;
      }
      double fixed = 72 + 72 + 16 + 48 + 12;
      return fixed + (double) fingerprintBytes / entries + 8.0 * postingCells / entries;
    }
  }

  private final NearDupFingerprinter fingerprinter;
  private final long retentionMs;
  private final int maxPerCode;
  private final Map<String, Entry> byId = new HashMap<>();
  // Canonical id -> its retained copies, in filing order: the clusters' provenance.
  private final Map<String, List<Entry>> copiesOf = new HashMap<>();
  private final PriorityQueue<Entry> byArrival =
      new PriorityQueue<>(
          Comparator.<Entry>comparingLong(e -> e.arrival).thenComparingLong(e -> e.sequence));
  private final BandPostings postings = new BandPostings(4_096);
  private Entry[] slots = new Entry[1_024];
  private int[] freeSlots = new int[64];
  private int freeCount;
  private int nextSlot;
  private long watermark = Long.MIN_VALUE;
  private long sequence;
  private long fingerprintBytes;

  LiveIndex(NearDupFingerprinter fingerprinter, Duration retention, int maxPerCode) {
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive: " + retention);
    }
    if (maxPerCode < 1) {
      throw new IllegalArgumentException("maxPerCode must be positive: " + maxPerCode);
    }
    this.fingerprinter = fingerprinter;
    this.retentionMs = retention.toMillis();
    this.maxPerCode = maxPerCode;
  }

  /** Whether an article filed at {@code filedAt} is still live for one arriving at {@code at}. */
  boolean live(long filedAt, long at) {
    return filedAt >= at - retentionMs;
  }

  /**
   * The codes an article is filed and looked up under: its LSH bands ({@link
   * NearDupFingerprinter#bandCodes}) and its exact-copy hash; none when it cannot be compared.
   */
  long[] codes(NearDupFingerprint f) {
    long[] bands = fingerprinter.bandCodes(f);
    if (bands.length == 0 || f.exactHash() == 0L) {
      return bands;
    }
    long[] out = Arrays.copyOf(bands, bands.length + 1);
    out[bands.length] = (f.exactHash() & EXACT_BITS) | EXACT_CODE;
    return out;
  }

  /** The entry filed under {@code id}, or null. */
  synchronized Entry get(String id) {
    return byId.get(id);
  }

  /** The entries live at {@code at} that share at least one of {@code codes}, each once. */
  synchronized List<Entry> candidates(long[] codes, long at) {
    BandPostings.Slots found = new BandPostings.Slots();
    for (long code : codes) {
      postings.collect(code, found);
    }
    if (found.size() == 0) {
      return List.of();
    }
    List<Entry> out = new ArrayList<>();
    for (int slot : found.distinctSorted()) {
      Entry e = slots[slot];
      if (live(e.arrival, at)) {
        out.add(e);
      }
    }
    return out;
  }

  /** Files an entry the global thread read (its codes decoded from its fingerprint). */
  boolean file(Entry e) {
    NearDupFingerprint f;
    try {
      f = e.fingerprint();
    } catch (IllegalArgumentException unreadable) {
      return false; // not a fingerprint this version reads: it can match nothing
    }
    return file(e, f.comparable() ? codes(f) : new long[0]);
  }

  /**
   * Files an entry under {@code codes} unless its id is already live in the index or it is older
   * than the retention behind the newest arrival filed. Returns whether it was filed.
   */
  synchronized boolean file(Entry e, long[] codes) {
    if (e.arrival > watermark) {
      watermark = e.arrival;
    }
    evictSlice();
    if (!live(e.arrival, watermark)) {
      return false;
    }
    Entry old = byId.get(e.id);
    if (old != null) {
      if (live(old.arrival, e.arrival)) {
        return false;
      }
      remove(old); // expired but not evicted yet (rare: it waits behind the slice)
      byArrival.remove(old);
    }
    int slot = allocateSlot();
    e.slot = slot;
    e.sequence = sequence++;
    slots[slot] = e;
    byId.put(e.id, e);
    byArrival.add(e);
    fingerprintBytes += e.fingerprint.length;
    if (!e.canonicalId.isEmpty()) {
      List<Entry> copies = copiesOf.computeIfAbsent(e.canonicalId, k -> new ArrayList<>(2));
      copies.add(e);
      e.copyNumber = copies.size();
    }
    for (long code : codes) {
      postings.add(code, slot, maxPerCode);
    }
    return true;
  }

  /**
   * The provenance of a canonical's cluster: its retained copies (the first {@code maxListed}
   * listed, oldest filed first) and how many there are; null when it has none.
   */
  synchronized DedupeCluster cluster(String canonicalId, int maxListed) {
    List<Entry> copies = copiesOf.get(canonicalId);
    if (copies == null) {
      return null;
    }
    List<DedupeCopy> listed = new ArrayList<>();
    for (Entry e : copies.subList(0, Math.min(maxListed, copies.size()))) {
      if (e.copy != null) {
        listed.add(e.copy);
      }
    }
    return DedupeCluster.newBuilder()
        .setCanonicalId(canonicalId)
        .setCopyCount(copies.size())
        .setCopies(listed)
        .build();
  }

  /** Entries, fingerprint bytes and postings now held. */
  synchronized Stats stats() {
    return new Stats(byId.size(), fingerprintBytes, postings.size(), postings.capacity());
  }

  private void evictSlice() {
    long cutoff = watermark - retentionMs;
    for (int n = 0; n < EVICT_SLICE; n++) {
      Entry head = byArrival.peek();
      if (head == null || head.arrival >= cutoff) {
        return;
      }
      byArrival.poll();
      remove(head);
    }
  }

  /** Takes an entry out of the id map, the slots and the postings (not the arrival queue). */
  private void remove(Entry e) {
    if (byId.get(e.id) == e) {
      byId.remove(e.id);
    }
    if (!e.canonicalId.isEmpty()) {
      List<Entry> copies = copiesOf.get(e.canonicalId);
      if (copies != null && copies.remove(e) && copies.isEmpty()) {
        copiesOf.remove(e.canonicalId);
      }
    }
    NearDupFingerprint f = e.fingerprint();
    if (f.comparable()) {
      for (long code : codes(f)) {
        postings.remove(code, e.slot);
      }
    }
    slots[e.slot] = null;
    if (freeCount == freeSlots.length) {
      freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
    }
    freeSlots[freeCount++] = e.slot;
    fingerprintBytes -= e.fingerprint.length;
  }

  private int allocateSlot() {
    if (freeCount > 0) {
      return freeSlots[--freeCount];
    }
    if (nextSlot == slots.length) {
      slots = Arrays.copyOf(slots, slots.length * 2);
    }
    return nextSlot++;
  }
}
