package dev.herald.enrich;

import dev.herald.avro.DedupeCopy;
import dev.herald.avro.DedupeEntry;
import dev.herald.avro.DedupeMessage;
import dev.herald.avro.DedupeVote;
import dev.herald.avro.RawArticle;
import dev.herald.nlp.dedupe.NearDupFingerprint;
import dev.herald.nlp.dedupe.NearDupFingerprinter;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Decides every article on its own raw-article task (ADR 6, Topology), against this instance's
 * {@link LiveIndex} of every retained article of every partition and instance:
 *
 * <ul>
 *   <li>an id the index holds from another raw record is a repeat (the same article delivered
 *       again: another feed, a re-poll, a producer retry) and is dropped; from this very record (a
 *       retry after an aborted transaction) it is decided again;
 *   <li>a body too short to sketch is its own canonical and is filed by id only;
 *   <li>otherwise every live article sharing a band or the exact-copy hash is verified with {@link
 *       NearDupFingerprinter#compare} (earlier, later) and the article joins the earliest verified
 *       canonical, else starts its own cluster.
 * </ul>
 *
 * The decision is filed in the index at once, so the next article of any task of this instance sees
 * it, and forwarded with the small entry the fingerprint topic carries to the other instances.
 */
final class DecideDuplicate
    implements FixedKeyProcessor<String, Fingerprinted, DecideDuplicate.Decided> {
  /**
   * The decision, the entry (DedupeEntry bytes) that files the article in the other instances'
   * indexes, the raw record it was decided from, and for a copy the number of copies its cluster
   * holds in this instance's index with it.
   */
  record Decided(
      DedupeMessage message,
      byte[] entry,
      int sourcePartition,
      long sourceOffset,
      int copyNumber) {}

  private final LiveIndex index;
  private final NearDupFingerprinter fingerprinter;
  private final Serializer<DedupeEntry> entrySerializer;
  private final EnrichMetrics metrics;
  private FixedKeyProcessorContext<String, Decided> context;

  DecideDuplicate(
      LiveIndex index,
      NearDupFingerprinter fingerprinter,
      Serializer<DedupeEntry> entrySerializer,
      EnrichMetrics metrics) {
    this.index = index;
    this.fingerprinter = fingerprinter;
    this.entrySerializer = entrySerializer;
    this.metrics = metrics;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Decided> context) {
    this.context = context;
  }

  /**
   * What {@link #decide} made of an article: the preferred verified match (null when the article is
   * its own canonical), its fingerprint bytes, and whether it was filed now (a retry of a record
   * already filed is not filed again).
   */
  record Outcome(
      DedupeVote best, byte[] fingerprint, DedupeCopy copy, boolean filed, int copyNumber) {}

  @Override
  public void process(FixedKeyRecord<String, Fingerprinted> record) {
    Fingerprinted f = record.value();
    String id = f.article().getId();
    long at = f.receivedAt();
    RecordMetadata source = context.recordMetadata().orElse(null);
    int partition = source == null ? -1 : source.partition();
    long offset = source == null ? -1 : source.offset();
    Outcome outcome = decide(f.article(), at, f.fingerprint(), partition, offset);
    if (outcome == null) {
      metrics.repeats.incrementAndGet();
      return;
    }
    DedupeVote best = outcome.best();
    if (best != null) {
      metrics.duplicates.incrementAndGet();
    }
    byte[] entry =
        entrySerializer.serialize(
            null,
            DedupeEntry.newBuilder()
                .setFingerprint(ByteBuffer.wrap(outcome.fingerprint()))
                // Empty when the article is its own canonical (most are): its id is the key.
                .setCanonicalId(best != null ? best.getCanonicalId() : "")
                .setCanonicalReceivedAt(
                    best != null ? best.getCanonicalReceivedAt() : Instant.ofEpochMilli(at))
                .build());
    DedupeMessage message =
        DedupeMessage.newBuilder()
            .setArticleId(id)
            .setArticle(f.article())
            .setReceivedAt(Instant.ofEpochMilli(at))
            .setBest(best)
            .build();
    context.forward(
        record.withValue(new Decided(message, entry, partition, offset, outcome.copyNumber())));
  }

  /**
   * Decides the article read from raw record ({@code partition}, {@code offset}) and files it in
   * the index; null when it is a repeat (its id is live in the index from another record).
   */
  Outcome decide(
      RawArticle article, long at, NearDupFingerprint fingerprint, int partition, long offset) {
    String id = article.getId();
    LiveIndex.Entry seen = index.get(id);
    boolean retry = false;
    if (seen != null && index.live(seen.arrival(), at)) {
      if (!seen.decidedFrom(partition, offset)) {
        return null;
      }
      retry = true; // its transaction aborted: decide it again, it is filed already
    }
    long[] codes = fingerprint.comparable() ? index.codes(fingerprint) : new long[0];
    DedupeVote best = null;
    for (LiveIndex.Entry candidate : index.candidates(codes, at)) {
      String canonical = candidate.canonical();
      if (candidate.id().equals(id) || canonical.equals(id)) {
        // This very article, or a copy of it: it was decided before (a transaction that aborted
        // after another task read its decision), so it is that cluster's canonical, never a copy.
        continue;
      }
      NearDupFingerprinter.Verdict v = fingerprinter.compare(candidate.fingerprint(), fingerprint);
      if (v.duplicate()) {
        best =
            Votes.best(
                best,
                DedupeVote.newBuilder()
                    .setCanonicalId(canonical)
                    .setCanonicalReceivedAt(Instant.ofEpochMilli(candidate.canonicalArrival()))
                    .setMatchedId(candidate.id())
                    .setContainment(v.containment())
                    .setExact(v.exact())
                    .build());
      }
    }
    byte[] bytes = fingerprint.toBytes();
    DedupeCopy copy = best == null ? null : provenance(article, at, best);
    if (retry) {
      return new Outcome(best, bytes, copy, false, seen.copyNumber());
    }
    LiveIndex.Entry entry =
        new LiveIndex.Entry(
            id,
            at,
            bytes,
            best != null ? best.getCanonicalId() : "",
            best != null ? best.getCanonicalReceivedAt().toEpochMilli() : at,
            partition,
            offset,
            copy);
    boolean filed = index.file(entry, codes);
    return new Outcome(best, bytes, copy, filed, entry.copyNumber());
  }

  /** Who published a copy, where and when, and what its text was verified against. */
  private static DedupeCopy provenance(RawArticle a, long at, DedupeVote best) {
    return DedupeCopy.newBuilder()
        .setArticleId(a.getId())
        .setSource(a.getSource())
        .setUrl(a.getUrl())
        .setTitle(a.getTitle())
        .setPublishedAt(a.getPublishedAt())
        .setReceivedAt(Instant.ofEpochMilli(at))
        .setMatchedId(best.getMatchedId())
        .setContainment(best.getContainment())
        .build();
  }
}
