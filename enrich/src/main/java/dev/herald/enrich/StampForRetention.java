package dev.herald.enrich;

import java.nio.ByteBuffer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Makes the fingerprint-topic record of a decision: its entry, stamped with the time it is written
 * (never earlier than the article's arrival) and carries the arrival and the raw record it was
 * decided from in headers. The broker's time retention then counts from the write: a backfill of
 * old articles (`herald replay` stamps each with its publication time) would otherwise write
 * records already past {@code retention.ms}, which the broker may delete before the global thread
 * reads them, and an out-of-range offset stops the global thread and the whole application. The
 * index itself still files and expires entries by arrival ({@link StampForRetention#arrival}).
 */
final class StampForRetention
    implements FixedKeyProcessor<String, DecideDuplicate.Decided, byte[]> {

  /** The header holding the article's arrival, 8 bytes big-endian millis since the epoch. */
  static final String ARRIVAL_HEADER = "herald.arrival";

  /**
   * The header naming the raw record an entry was decided from: its partition (4 bytes) and offset
   * (8 bytes), big-endian. A later record with the same id and another position is a repeat; the
   * same position is a retry of that very record.
   */
  static final String SOURCE_HEADER = "herald.source";

  private FixedKeyProcessorContext<String, byte[]> context;

  @Override
  public void init(FixedKeyProcessorContext<String, byte[]> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, DecideDuplicate.Decided> record) {
    long arrival = record.timestamp();
    // A copy: the record's headers are shared with the article's other branches.
    Headers headers = new RecordHeaders(record.headers().toArray());
    headers.remove(ARRIVAL_HEADER);
    headers.add(ARRIVAL_HEADER, ByteBuffer.allocate(Long.BYTES).putLong(0, arrival).array());
    headers.remove(SOURCE_HEADER);
    headers.add(
        SOURCE_HEADER,
        ByteBuffer.allocate(Integer.BYTES + Long.BYTES)
            .putInt(0, record.value().sourcePartition())
            .putLong(Integer.BYTES, record.value().sourceOffset())
            .array());
    context.forward(
        record
            .withValue(record.value().entry())
            .withTimestamp(Math.max(arrival, context.currentSystemTimeMs()))
            .withHeaders(headers));
  }

  /** The arrival a record carries in its header, else its timestamp (records without one). */
  static long arrival(Record<?, ?> record) {
    Header h = record.headers().lastHeader(ARRIVAL_HEADER);
    byte[] v = h == null ? null : h.value();
    return v != null && v.length == Long.BYTES ? ByteBuffer.wrap(v).getLong() : record.timestamp();
  }
}
