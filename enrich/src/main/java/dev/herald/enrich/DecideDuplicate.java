package dev.herald.enrich;

import dev.herald.avro.DedupeEntry;
import dev.herald.avro.DedupeMessage;
import dev.herald.avro.DedupeVote;
import dev.herald.nlp.dedupe.NearDupFingerprint;
import dev.herald.nlp.dedupe.NearDupFingerprinter;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Decides a sketched article on its own raw-article task (ADR 6, Topology): looks its band keys up
 * in this instance's not yet indexed decisions and in the global index (every retained article of
 * every partition and instance), verifies each candidate with {@link NearDupFingerprinter#compare}
 * (earlier, later), and links the article to the earliest verified canonical, else keeps it. It
 * then records the decision in the overlay and forwards it with the one small entry that the
 * fingerprint topic carries to every instance's index.
 */
final class DecideDuplicate
    implements FixedKeyProcessor<String, Fingerprinted, DecideDuplicate.Decided> {
  /** The decision, and the entry (DedupeEntry bytes) that files the article in the index. */
  record Decided(DedupeMessage message, byte[] entry) {}

  private record Candidate(
      long receivedAt, NearDupFingerprint fingerprint, String canonicalId, long canonicalAt) {}

  private final String storeName;
  private final NearDupFingerprinter fingerprinter;
  private final FingerprintIndex layout;
  private final RecentFingerprints recent;
  private final PostingFilter filter;
  private final Serializer<DedupeEntry> entrySerializer;
  private final Deserializer<DedupeEntry> entryDeserializer;
  private final EnrichMetrics metrics;

  /** Decoded index entries this task read lately, by article id (canonicals are read again). */
  private static final int CACHED_ENTRIES = 2_048;

  private FixedKeyProcessorContext<String, Decided> context;
  private KeyValueStore<String, byte[]> index;

  // An entry is filed once and never changes (ids are unique, a replay skips filed ids), so a
  // decoded copy stays right for as long as the postings list the article as live.
  private final Map<String, Candidate> loaded =
      new LinkedHashMap<>(CACHED_ENTRIES * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Candidate> eldest) {
          return size() > CACHED_ENTRIES;
        }
      };

  DecideDuplicate(
      String storeName,
      NearDupFingerprinter fingerprinter,
      FingerprintIndex layout,
      RecentFingerprints recent,
      PostingFilter filter,
      Serializer<DedupeEntry> entrySerializer,
      Deserializer<DedupeEntry> entryDeserializer,
      EnrichMetrics metrics) {
    this.storeName = storeName;
    this.fingerprinter = fingerprinter;
    this.layout = layout;
    this.recent = recent;
    this.filter = filter;
    this.entrySerializer = entrySerializer;
    this.entryDeserializer = entryDeserializer;
    this.metrics = metrics;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Decided> context) {
    this.context = context;
    this.index = context.getStateStore(storeName);
  }

  @Override
  public void process(FixedKeyRecord<String, Fingerprinted> record) {
    Fingerprinted f = record.value();
    String id = f.article().getId();
    long at = f.receivedAt();
    NearDupFingerprint fingerprint = f.fingerprint();
    List<String> keys = fingerprinter.bandKeys(fingerprint);

    // The overlay first: an entry leaves it only once the index and the filter hold it, so
    // reading them second cannot miss an entry the global thread moves in between.
    Map<String, Candidate> candidates = new LinkedHashMap<>();
    for (RecentFingerprints.Recent r : recent.sharing(keys)) {
      if (!r.id().equals(id) && layout.live(r.receivedAt(), at)) {
        candidates.put(
            r.id(),
            new Candidate(
                r.receivedAt(), r.fingerprint(), r.canonicalId(), r.canonicalReceivedAt()));
      }
    }
    long bucket = layout.bucketOf(at);
    String[] prefixes = FingerprintIndex.prefixesBack(bucket);
    for (String key : keys) {
      long h = PostingFilter.hash(key);
      for (int back = 0; back <= FingerprintIndex.BUCKETS_BACK; back++) {
        if (!filter.mightContain(h, bucket - back)) {
          continue; // never filed (most keys): no store read
        }
        String postings =
            FileFingerprint.text(index.get(FingerprintIndex.postingKey(prefixes[back], key)));
        if (postings == null) {
          continue;
        }
        for (BandEntries.Entry e : BandEntries.parse(postings)) {
          if (layout.live(e.receivedAt(), at) && !e.articleId().equals(id)) {
            candidates.putIfAbsent(e.articleId(), new Candidate(e.receivedAt(), null, null, 0));
          }
        }
      }
    }

    DedupeVote best = null;
    for (Map.Entry<String, Candidate> c : candidates.entrySet()) {
      Candidate candidate = c.getValue().fingerprint() != null ? c.getValue() : load(c);
      if (candidate == null) {
        continue;
      }
      String canonical = candidate.canonicalId().isEmpty() ? c.getKey() : candidate.canonicalId();
      if (canonical.equals(id)) {
        // A copy of this very article: it was decided before (a transaction that aborted after
        // another task read its decision), so it is that cluster's canonical, never its copy.
        continue;
      }
      NearDupFingerprinter.Verdict v = fingerprinter.compare(candidate.fingerprint(), fingerprint);
      if (v.duplicate()) {
        best =
            Votes.best(
                best,
                DedupeVote.newBuilder()
                    .setCanonicalId(canonical)
                    .setCanonicalReceivedAt(Instant.ofEpochMilli(candidate.canonicalAt()))
                    .setMatchedId(c.getKey())
                    .setContainment(v.containment())
                    .setExact(v.exact())
                    .build());
      }
    }

    String canonicalId = best != null ? best.getCanonicalId() : "";
    long canonicalAt = best != null ? best.getCanonicalReceivedAt().toEpochMilli() : at;
    byte[] entry =
        entrySerializer.serialize(
            null,
            DedupeEntry.newBuilder()
                .setFingerprint(ByteBuffer.wrap(fingerprint.toBytes()))
                // Empty when the article is its own canonical (most are): its id is the key.
                .setCanonicalId(canonicalId)
                .setCanonicalReceivedAt(Instant.ofEpochMilli(canonicalAt))
                .build());
    recent.add(id, at, fingerprint, canonicalId, canonicalAt, keys);
    if (best != null) {
      metrics.duplicates.incrementAndGet();
    }
    DedupeMessage message =
        DedupeMessage.newBuilder()
            .setArticleId(id)
            .setArticle(f.article())
            .setReceivedAt(Instant.ofEpochMilli(at))
            .setBest(best)
            .build();
    context.forward(record.withValue(new Decided(message, entry)));
  }

  /** A candidate's entry from the index, or null when it is gone or unreadable. */
  private Candidate load(Map.Entry<String, Candidate> c) {
    long filedAt = c.getValue().receivedAt();
    Candidate cached = loaded.get(c.getKey());
    if (cached != null && cached.receivedAt() == filedAt) {
      return cached;
    }
    Candidate read = read(c.getKey(), filedAt);
    if (read != null) {
      loaded.put(c.getKey(), read);
    }
    return read;
  }

  private Candidate read(String id, long filedAt) {
    byte[] bytes = index.get(FingerprintIndex.entryKey(layout.bucketOf(filedAt), id));
    if (bytes == null) {
      return null;
    }
    try {
      DedupeEntry entry = entryDeserializer.deserialize(null, bytes);
      ByteBuffer b = entry.getFingerprint().duplicate();
      byte[] fp = new byte[b.remaining()];
      b.get(fp);
      return new Candidate(
          filedAt,
          NearDupFingerprint.fromBytes(fp),
          entry.getCanonicalId(),
          entry.getCanonicalReceivedAt().toEpochMilli());
    } catch (RuntimeException e) {
      return null; // not an entry this version reads: it can match nothing
    }
  }
}
