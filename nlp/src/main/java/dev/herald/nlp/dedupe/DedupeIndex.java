package dev.herald.nlp.dedupe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * In-memory, time-windowed near-duplicate index: the logic the enrich topology applies with its
 * global dedupe index, in one place so that {@code herald dedupe} decides exactly as the pipeline
 * does.
 *
 * <p>Each retained article is filed under its exact-copy key and its LSH band keys. An offered
 * article is compared with the articles sharing a key: exact copies first, then near copies. It
 * joins the cluster of the earliest canonical it verifies against, else it starts its own. Entries
 * whose published time is older than the newest published time seen minus the retention are
 * evicted, so memory depends only on how many articles fall inside the window (time is the
 * articles' own, never the wall clock). Not thread-safe: one index per stream task or job.
 */
public final class DedupeIndex {
  /** How an article was decided. */
  public enum Kind {
    /** First of its cluster (or too short to compare): duplicateOf is null. */
    ORIGINAL,
    /** Same cleaned body as a retained article. */
    EXACT,
    /** A near copy of a retained article. */
    NEAR,
    /** The id was offered before and is still retained: the first decision is repeated. */
    REPEAT
  }

  /**
   * @param id the offered article
   * @param duplicateOf the canonical article of its cluster, or null when it is canonical
   * @param kind how it was decided
   * @param matchedId the retained article it was verified against (null for originals)
   * @param containment estimated share of its text found in the matched article
   */
  public record Decision(
      String id, String duplicateOf, Kind kind, String matchedId, double containment) {
    public boolean isDuplicate() {
      return duplicateOf != null;
    }
  }

  /** Default retention of articles in the index. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

  /** Entries kept per key: a band shared by very many articles keeps only its earliest ones. */
  public static final int DEFAULT_MAX_PER_KEY = 64;

  private static final class Entry {
    final String id;
    final String canonicalId;
    final long canonicalPublished;
    final long published;
    final long sequence;
    final NearDupFingerprint fingerprint;
    final Decision decision;

    Entry(
        String id,
        String canonicalId,
        long canonicalPublished,
        long published,
        long sequence,
        NearDupFingerprint fingerprint,
        Decision decision) {
      this.id = id;
      this.canonicalId = canonicalId;
      this.canonicalPublished = canonicalPublished;
      this.published = published;
      this.sequence = sequence;
      this.fingerprint = fingerprint;
      this.decision = decision;
    }
  }

  private record Match(Entry entry, NearDupFingerprinter.Verdict verdict) {}

  private static final Comparator<Match> PREFERRED =
      Comparator.<Match>comparingLong(m -> m.entry().canonicalPublished)
          .thenComparing(m -> m.entry().canonicalId)
          .thenComparing(m -> -m.verdict().containment())
          .thenComparingLong(m -> m.entry().sequence);

  private final NearDupFingerprinter fingerprinter;
  private final long retentionMillis;
  private final int maxPerKey;
  private final Map<Long, ArrayDeque<Entry>> bands = new HashMap<>();
  private final Map<Long, ArrayDeque<Entry>> exact = new HashMap<>();
  private final Map<String, Entry> byId = new HashMap<>();
  private final PriorityQueue<Entry> byTime =
      new PriorityQueue<>(
          Comparator.<Entry>comparingLong(e -> e.published).thenComparingLong(e -> e.sequence));
  private long watermark = Long.MIN_VALUE;
  private long sequence;

  public DedupeIndex() {
    this(new NearDupFingerprinter(), DEFAULT_RETENTION, DEFAULT_MAX_PER_KEY);
  }

  public DedupeIndex(NearDupFingerprinter fingerprinter, Duration retention, int maxPerKey) {
    this.fingerprinter = Objects.requireNonNull(fingerprinter, "fingerprinter");
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive: " + retention);
    }
    if (maxPerKey < 1) {
      throw new IllegalArgumentException("maxPerKey must be positive: " + maxPerKey);
    }
    this.retentionMillis = retention.toMillis();
    this.maxPerKey = maxPerKey;
  }

  public NearDupFingerprinter fingerprinter() {
    return fingerprinter;
  }

  /**
   * Fingerprints the article and decides it; see {@link #offer(String, Instant,
   * NearDupFingerprint)}.
   */
  public Decision offer(String id, Instant published, String title, String text) {
    return offer(id, published, fingerprinter.fingerprint(title, text));
  }

  /** Decides an article against the retained ones, then retains it. */
  public Decision offer(String id, Instant published, NearDupFingerprint fingerprint) {
    Objects.requireNonNull(id, "id");
    long time = published.toEpochMilli();
    if (time > watermark) {
      watermark = time;
      evictOlderThan(watermark - retentionMillis);
    }
    Entry seen = byId.get(id);
    if (seen != null) {
      Decision first = seen.decision;
      return new Decision(id, first.duplicateOf(), Kind.REPEAT, id, 1.0);
    }
    long[] codes = fingerprinter.bandCodes(fingerprint);
    Match best = bestMatch(exactCandidates(fingerprint), fingerprint);
    Kind kind = Kind.EXACT;
    if (best == null || !best.verdict().exact()) {
      Match near = bestMatch(bandCandidates(codes), fingerprint);
      if (best == null || (near != null && PREFERRED.compare(near, best) < 0)) {
        best = near;
      }
      kind = best != null && best.verdict().exact() ? Kind.EXACT : Kind.NEAR;
    }
    Decision decision;
    Entry entry;
    if (best == null) {
      decision = new Decision(id, null, Kind.ORIGINAL, null, 0.0);
      entry = new Entry(id, id, time, time, sequence++, fingerprint, decision);
    } else {
      Entry m = best.entry();
      decision = new Decision(id, m.canonicalId, kind, m.id, best.verdict().containment());
      entry =
          new Entry(
              id, m.canonicalId, m.canonicalPublished, time, sequence++, fingerprint, decision);
    }
    retain(entry, codes);
    return decision;
  }

  /** Articles currently retained. */
  public int size() {
    return byId.size();
  }

  /** Distinct band and exact keys currently in the index. */
  public int keyCount() {
    return bands.size() + exact.size();
  }

  private List<Entry> exactCandidates(NearDupFingerprint f) {
    if (f.exactHash() == 0L) {
      return List.of();
    }
    ArrayDeque<Entry> q = exact.get(f.exactHash());
    return q == null ? List.of() : new ArrayList<>(q);
  }

  private List<Entry> bandCandidates(long[] codes) {
    Map<Entry, Boolean> seen = new IdentityHashMap<>();
    List<Entry> out = new ArrayList<>();
    for (long c : codes) {
      ArrayDeque<Entry> q = bands.get(c);
      if (q == null) {
        continue;
      }
      for (Entry e : q) {
        if (seen.put(e, Boolean.TRUE) == null) {
          out.add(e);
        }
      }
    }
    return out;
  }

  private Match bestMatch(List<Entry> candidates, NearDupFingerprint f) {
    Match best = null;
    for (Entry e : candidates) {
      NearDupFingerprinter.Verdict v = fingerprinter.compare(e.fingerprint, f);
      if (v.duplicate()) {
        Match m = new Match(e, v);
        if (best == null || PREFERRED.compare(m, best) < 0) {
          best = m;
        }
      }
    }
    return best;
  }

  private void retain(Entry e, long[] codes) {
    byId.put(e.id, e);
    byTime.add(e);
    for (long c : codes) {
      file(bands, c, e);
    }
    if (e.fingerprint.exactHash() != 0L && e.fingerprint.comparable()) {
      file(exact, e.fingerprint.exactHash(), e);
    }
  }

  /** A full key refuses later articles, as the topology's index does: canonicals stay findable. */
  private void file(Map<Long, ArrayDeque<Entry>> map, long key, Entry e) {
    ArrayDeque<Entry> q = map.computeIfAbsent(key, k -> new ArrayDeque<>(2));
    if (q.size() < maxPerKey) {
      q.addLast(e);
    }
  }

  private void evictOlderThan(long cutoff) {
    while (!byTime.isEmpty() && byTime.peek().published < cutoff) {
      Entry e = byTime.poll();
      if (byId.get(e.id) == e) {
        byId.remove(e.id);
      }
      for (long c : fingerprinter.bandCodes(e.fingerprint)) {
        unfile(bands, c, e);
      }
      if (e.fingerprint.exactHash() != 0L) {
        unfile(exact, e.fingerprint.exactHash(), e);
      }
    }
  }

  private static void unfile(Map<Long, ArrayDeque<Entry>> map, long key, Entry e) {
    ArrayDeque<Entry> q = map.get(key);
    if (q == null) {
      return;
    }
    q.removeIf(x -> x == e);
    if (q.isEmpty()) {
      map.remove(key);
    }
  }
}
