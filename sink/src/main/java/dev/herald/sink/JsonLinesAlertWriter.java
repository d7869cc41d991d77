package dev.herald.sink;

import dev.herald.avro.ScheduleChangeAlert;
import dev.herald.schemas.AvroJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends alerts to a JSON Lines file, one plain-JSON object per line ({@link
 * AvroJson#toPlainJson}: field names as in the Avro schema, no union wrappers, times as ISO-8601
 * UTC strings), and never writes the same version of an alert twice.
 *
 * <p><b>What the file gets.</b> The alert topic carries <em>versions</em> of an alert: the same
 * {@code alertId} is re-emitted when more evidence arrives or the certainty is upgraded. The file
 * is an append-only history: a line is appended for every version of an alert whose
 * <em>content</em> has not been written before for that {@code alertId}. The content is the whole
 * record except {@code detectedAt}, which is the wall-clock time of the (re-)detection: a record
 * re-delivered after a sink restart, or re-emitted unchanged by an enrich restart, writes nothing,
 * while a confirmation (new evidence, CONFIRMED instead of POSSIBLE) appends its newer version. A
 * reader wanting the current state keeps the last line per {@code alertId}.
 *
 * <p>Every version ever written counts, not only the last one: after a restart the consumer may
 * re-read an older version that precedes the newer one already in the file, and that must not be
 * appended again either.
 *
 * <p><b>Restart.</b> The "already written" index (alertId → content hashes) is rebuilt on open by
 * reading the existing file, so it needs no state besides the file itself. A last line torn by a
 * crash (no trailing newline) is cut off: its offset was never committed, so the record comes
 * again. Lines that do not parse are logged and left alone. A {@link JsonLinesTarget} that rotates
 * files shares one index between the active file and the rotated ones.
 *
 * <p>{@link #write} puts the line in the OS page cache; {@link #flush} forces it to disk. The file
 * is locked while open, so two sinks cannot interleave in it. Not thread-safe.
 */
public final class JsonLinesAlertWriter implements AutoCloseable {

  /** The field left out of the content comparison: when, not what. */
  public static final String DETECTION_TIME_FIELD = AlertVersions.DETECTION_TIME_FIELD;

  private static final Logger LOG = LoggerFactory.getLogger(JsonLinesAlertWriter.class);

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final AlertVersions writtenVersions;
  private long lines;
  private long appended;
  private boolean closed;

  /**
   * Opens (creating it and its parent folders when missing) the file and indexes what it holds.
   *
   * @throws IOException when the file cannot be read, repaired or locked
   */
  public JsonLinesAlertWriter(Path file) throws IOException {
    this(file, new AlertVersions());
  }

  /** Opens the file and adds what it holds to {@code known} (shared with rotated files). */
  JsonLinesAlertWriter(Path file, AlertVersions known) throws IOException {
    this.file = file.toAbsolutePath();
    this.writtenVersions = known;
    Path parent = this.file.getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    this.channel =
        FileChannel.open(
            this.file,
            StandardOpenOption.CREATE,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE);
    try {
      this.lock = lockOrFail();
      repairLastLine();
      index();
      channel.position(channel.size());
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Appends the alert unless this content of this alert id is already in the file.
   *
   * @return true when a line was appended
   * @throws IOException when the file cannot be written
   */
  public boolean write(ScheduleChangeAlert alert) throws IOException {
    return write(AlertVersions.render(alert));
  }

  /** Appends a rendered alert unless its content is known; true when a line was appended. */
  boolean write(AlertVersions.Rendered alert) throws IOException {
    if (closed) {
      throw new IllegalStateException("Writer closed: " + file);
    }
    if (writtenVersions.contains(alert.alertId(), alert.contentHash())) {
      return false;
    }
    ByteBuffer bytes = ByteBuffer.wrap((alert.json() + "\n").getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
    writtenVersions.add(alert.alertId(), alert.contentHash());
    lines++;
    appended++;
    return true;
  }

  /** The file's size in bytes. */
  long size() throws IOException {
    return channel.size();
  }

  /** Forces everything written so far to disk (before the consumer commits its offsets). */
  public void flush() throws IOException {
    if (!closed) {
      channel.force(false);
    }
  }

  /** The file written to. */
  public Path file() {
    return file;
  }

  /** Distinct alert ids known (in this file, and in the rotated files of its target). */
  public int alertIds() {
    return writtenVersions.alertIds();
  }

  /** Alert lines in the file: found on open plus appended since. */
  public long lines() {
    return lines;
  }

  /** Lines appended since this writer was opened. */
  public long appended() {
    return appended;
  }

  /** Flushes, unlocks and closes the file. Idempotent. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try (channel) {
      channel.force(false);
      lock.release();
    }
  }

  private FileLock lockOrFail() throws IOException {
    FileLock l;
    try {
      l = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      l = null;
    }
    if (l == null) {
      throw new IOException("Another sink is writing " + file + ": use one file per sink");
    }
    return l;
  }

  /**
   * Repairs a last line without its newline, left by a crash during a write: ended with a newline
   * when it is a whole alert, cut off otherwise (its offset was never committed, so the record
   * comes again).
   */
  private void repairLastLine() throws IOException {
    long size = channel.size();
    if (size == 0 || byteAt(size - 1) == '\n') {
      return;
    }
    long start = size - 1;
    while (start > 0 && byteAt(start - 1) != '\n') {
      start--;
    }
    ByteBuffer tail = ByteBuffer.allocate(Math.toIntExact(size - start));
    while (tail.hasRemaining() && channel.read(tail, start + tail.position()) >= 0) {
      // read until full
    }
    String last = new String(tail.array(), StandardCharsets.UTF_8);
    if (AlertVersions.isAlert(last)) {
      LOG.warn("{}: last line had no newline; adding it", file);
      channel.write(ByteBuffer.wrap(new byte[] {'\n'}), size);
    } else {
      LOG.warn(
          "{}: cutting a torn last line ({} bytes) left by an interrupted write",
          file,
          size - start);
      channel.truncate(start);
    }
    channel.force(false);
  }

  private byte byteAt(long position) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    channel.read(one, position);
    return one.get(0);
  }

  private void index() throws IOException {
    lines = writtenVersions.indexFile(file);
    LOG.info("{}: {} alert lines, {} alert ids", file, lines, writtenVersions.alertIds());
  }
}
