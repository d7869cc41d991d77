package dev.herald.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.avro.ScheduleChangeAlert;
import dev.herald.schemas.AvroJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
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
 * again. Lines that do not parse are logged and left alone.
 *
 * <p>{@link #write} puts the line in the OS page cache; {@link #flush} forces it to disk. The file
 * is locked while open, so two sinks cannot interleave in it. Not thread-safe.
 */
public final class JsonLinesAlertWriter implements AutoCloseable {

  /** The field left out of the content comparison: when, not what. */
  public static final String DETECTION_TIME_FIELD = "detectedAt";

  private static final Logger LOG = LoggerFactory.getLogger(JsonLinesAlertWriter.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final Map<String, Set<String>> writtenVersions = new HashMap<>();
  private long lines;
  private long appended;
  private boolean closed;

  /**
   * Opens (creating it and its parent folders when missing) the file and indexes what it holds.
   *
   * @throws IOException when the file cannot be read, repaired or locked
   */
  public JsonLinesAlertWriter(Path file) throws IOException {
    this.file = file.toAbsolutePath();
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
    if (closed) {
      throw new IllegalStateException("Writer closed: " + file);
    }
    String line = AvroJson.toPlainJson(alert);
    String hash = contentHash(parse(line));
    Set<String> versions = writtenVersions.get(alert.getAlertId());
    if (versions != null && versions.contains(hash)) {
      return false;
    }
    ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
    writtenVersions.computeIfAbsent(alert.getAlertId(), k -> new HashSet<>()).add(hash);
    lines++;
    appended++;
    return true;
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

  /** Distinct alert ids in the file. */
  public int alertIds() {
    return writtenVersions.size();
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
    if (isAlert(last)) {
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

  private static boolean isAlert(String line) {
    try {
      JsonNode id = parse(line).get("alertId");
      return id != null && id.isTextual();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private byte byteAt(long position) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    channel.read(one, position);
    return one.get(0);
  }

  private void index() throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      long number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          ObjectNode node = parse(line);
          JsonNode id = node.get("alertId");
          if (id == null || !id.isTextual()) {
            throw new IllegalArgumentException("no alertId");
          }
          writtenVersions.computeIfAbsent(id.asText(), k -> new HashSet<>()).add(contentHash(node));
          lines++;
        } catch (IllegalArgumentException e) {
          LOG.warn("{}:{}: not an alert line, left as is ({})", file, number, e.getMessage());
        }
      }
    }
    LOG.info("{}: {} alert lines, {} alert ids", file, lines, writtenVersions.size());
  }

  private static ObjectNode parse(String line) {
    try {
      JsonNode node = JSON.readTree(line);
      if (!(node instanceof ObjectNode object)) {
        throw new IllegalArgumentException("not a JSON object");
      }
      return object;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Hash of the alert without its detection time. Both a fresh record and a line read back go
   * through the same parse and print, so equal content gives equal bytes.
   */
  private static String contentHash(ObjectNode alert) {
    ObjectNode content = alert.deepCopy();
    content.remove(DETECTION_TIME_FIELD);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsBytes(content));
      return HEX.formatHex(Arrays.copyOf(digest, 16));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
    }
  }
}
