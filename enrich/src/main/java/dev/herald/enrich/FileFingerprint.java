package dev.herald.enrich;

import dev.herald.avro.DedupeEntry;
import java.nio.ByteBuffer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The global index's processor (ADR 6, Topology): files each decided article of every task and
 * instance, read from the fingerprint topic, in this instance's {@link LiveIndex}. Entries this
 * instance decided are in the index already (its stream threads file them as they decide), so they
 * cost one id lookup. Kafka Streams re-runs this processor over the topic when it restores the
 * store, which is how a restarted instance rebuilds its index.
 */
final class FileFingerprint implements Processor<String, byte[], Void, Void> {
  private static final Logger LOG = LoggerFactory.getLogger(FileFingerprint.class);

  private final LiveIndex index;
  private final Deserializer<DedupeEntry> entries;
  private long malformed;

  FileFingerprint(LiveIndex index, Deserializer<DedupeEntry> entries) {
    this.index = index;
    this.entries = entries;
  }

  @Override
  public void process(Record<String, byte[]> record) {
    String id = record.key();
    if (id == null || record.value() == null || index.get(id) != null) {
      return;
    }
    LiveIndex.Entry entry = decode(id, record);
    if (entry == null || !index.file(entry)) {
      if (entry == null && malformed++ % 10_000 == 0) {
        LOG.warn("Skipping an undecodable dedupe fingerprint record for article {}", id);
      }
    }
  }

  private LiveIndex.Entry decode(String id, Record<String, byte[]> record) {
    try {
      DedupeEntry e = entries.deserialize(null, record.value());
      ByteBuffer b = e.getFingerprint().duplicate();
      byte[] fingerprint = new byte[b.remaining()];
      b.get(fingerprint);
      Header source = record.headers().lastHeader(StampForRetention.SOURCE_HEADER);
      byte[] s = source == null ? null : source.value();
      boolean known = s != null && s.length == Integer.BYTES + Long.BYTES;
      return new LiveIndex.Entry(
          id,
          StampForRetention.arrival(record),
          fingerprint,
          e.getCanonicalId().toString(),
          e.getCanonicalReceivedAt().toEpochMilli(),
          known ? ByteBuffer.wrap(s).getInt(0) : -1,
          known ? ByteBuffer.wrap(s).getLong(Integer.BYTES) : -1,
          e.getCopy());
    } catch (RuntimeException e) {
      return null; // not an entry this version reads: it can match nothing
    }
  }
}
