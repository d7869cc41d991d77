package dev.herald.enrich;

import dev.herald.nlp.dedupe.NearDupFingerprint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * This instance's own decisions that the global index has not applied yet (ADR 6, Topology). Under
 * exactly-once the global consumer reads committed records only, so an article's fingerprint
 * reaches the index a commit interval after it was decided; a copy arriving meanwhile on the same
 * instance must still find it. Stream threads add an entry when they decide an article, the global
 * thread removes it once the index holds it. Bounded: entries older than {@code maxAge}, or beyond
 * {@code maxEntries}, are dropped (entries of aborted transactions are never applied). Thread-safe.
 */
final class RecentFingerprints {
  /** One decided article, as the index will file it. */
  record Recent(
      String id,
      long receivedAt,
      NearDupFingerprint fingerprint,
      String canonicalId,
      long canonicalReceivedAt,
      List<String> bandKeys,
      long addedNanos) {}

  private record Stamp(String id, long addedNanos) {}

  private final Map<String, Recent> byId = new ConcurrentHashMap<>();
  // Band key -> ids filed under it: an immutable list replaced atomically per key (compute,
  // merge), most of them one id long; a concurrent set per key cost an allocation of a whole map
  // for each of an article's 33 keys, and its removal most of the global thread's overlay time.
  private final Map<String, List<String>> byKey = new ConcurrentHashMap<>();
  // Light stamps in insertion order, for the bounds: the entries themselves leave byId when
  // applied.
  private final ConcurrentLinkedQueue<Stamp> order = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final long maxAgeNanos;
  private final int maxEntries;
  private final LongSupplier nanoTime;

  RecentFingerprints(Duration maxAge, int maxEntries, LongSupplier nanoTime) {
    this.maxAgeNanos = maxAge.toNanos();
    this.maxEntries = maxEntries;
    this.nanoTime = nanoTime;
  }

  /**
   * With the default bounds: two minutes (a commit interval is 100 ms under exactly-once, 30 s at
   * least once), 20 000 entries (~2.5 KB each with their band keys: 50 MB at the very most).
   */
  static RecentFingerprints standard() {
    return new RecentFingerprints(Duration.ofMinutes(2), 20_000, System::nanoTime);
  }

  /** Records a decided article (before its fingerprint record is sent). */
  void add(
      String id,
      long receivedAt,
      NearDupFingerprint fingerprint,
      String canonicalId,
      long canonicalReceivedAt,
      List<String> bandKeys) {
    long now = nanoTime.getAsLong();
    Recent r =
        new Recent(
            id,
            receivedAt,
            fingerprint,
            canonicalId,
            canonicalReceivedAt,
            List.copyOf(bandKeys),
            now);
    byId.put(id, r);
    List<String> one = List.of(id);
    for (String k : r.bandKeys()) {
      byKey.merge(k, one, RecentFingerprints::with);
    }
    order.add(new Stamp(id, now));
    queued.incrementAndGet();
    trim(now);
  }

  /** Forgets an article once the global index holds it. */
  void applied(String id) {
    Recent r = byId.remove(id);
    if (r != null) {
      unfile(r);
    }
  }

  /** The pending articles filed under any of {@code bandKeys}. */
  Collection<Recent> sharing(List<String> bandKeys) {
    if (byId.isEmpty()) {
      return List.of();
    }
    List<Recent> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String k : bandKeys) {
      List<String> ids = byKey.get(k);
      if (ids == null) {
        continue;
      }
      for (String id : ids) {
        Recent r = byId.get(id);
        if (r != null && seen.add(id)) {
          out.add(r);
        }
      }
    }
    return out;
  }

  int size() {
    return byId.size();
  }

  private void trim(long now) {
    while (true) {
      Stamp head = order.peek();
      if (head == null || (now - head.addedNanos() <= maxAgeNanos && queued.get() <= maxEntries)) {
        return;
      }
      Stamp polled = order.poll();
      if (polled == null) {
        return;
      }
      queued.decrementAndGet();
      Recent r = byId.get(polled.id());
      if (r != null && r.addedNanos() == polled.addedNanos() && byId.remove(polled.id(), r)) {
        unfile(r);
      }
    }
  }

  private void unfile(Recent r) {
    for (String k : r.bandKeys()) {
      byKey.computeIfPresent(k, (x, ids) -> without(ids, r.id()));
    }
  }

  /** {@code ids} with the one id of {@code added}, unless it holds it already. */
  private static List<String> with(List<String> ids, List<String> added) {
    String id = added.get(0);
    if (ids.contains(id)) {
      return ids;
    }
    String[] out = ids.toArray(new String[ids.size() + 1]);
    out[ids.size()] = id;
    return List.of(out);
  }

  /** {@code ids} without {@code id}; null (the key leaves the map) when nothing is left. */
  private static List<String> without(List<String> ids, String id) {
    if (!ids.contains(id)) {
      return ids;
    }
    if (ids.size() == 1) {
      return null;
    }
    return ids.stream().filter(x -> !x.equals(id)).toList();
  }
}
