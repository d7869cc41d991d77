package dev.herald.sink;

import dev.herald.avro.ScheduleChangeAlert;
import dev.herald.sink.TargetSpec.Rotation;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts to a JSON Lines file ({@link JsonLinesAlertWriter}), rotated by size and by time.
 *
 * <p>The active file keeps its configured name, so readers can follow it; a full (or old) one is
 * renamed to {@code <stem>-<yyyyMMdd'T'HHmmssSSS'Z'>.<ext>} (UTC, milliseconds) in the same folder,
 * so names sort by time. "Every version once" holds across files: on open, the kept rotated files
 * are indexed with the active one, so a version written before a rotation is not appended again
 * after it. Deleting rotated files ({@link Rotation#keep()}) forgets their versions at the next
 * start: only a consumer group reset to before them could then append them again.
 *
 * <p>A batch is fsynced before {@link #deliver} returns; a rotation fsyncs the old file and the
 * folder before the new file gets a line.
 */
public final class JsonLinesTarget implements AlertTarget {

  private static final Logger LOG = LoggerFactory.getLogger(JsonLinesTarget.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private final Path file;
  private final Rotation rotation;
  private final Clock clock;
  private final String stem;
  private final String extension;
  private final Pattern rotatedName;
  private final AlertVersions known = new AlertVersions();
  private JsonLinesAlertWriter writer;
  private Instant lastWrite;
  private long rotations;
  private boolean closed;

  /** Opens the file (indexing it and its kept rotated files). */
  public JsonLinesTarget(Path file, Rotation rotation) throws IOException {
    this(file, rotation, Clock.systemUTC());
  }

  /** With a clock deciding the time periods and rotated names (tests). */
  JsonLinesTarget(Path file, Rotation rotation, Clock clock) throws IOException {
    this.file = file.toAbsolutePath().normalize();
    this.rotation = rotation == null ? Rotation.NONE : rotation;
    this.clock = clock;
    String name = this.file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    this.stem = dot > 0 ? name.substring(0, dot) : name;
    this.extension = dot > 0 ? name.substring(dot) : "";
    this.rotatedName =
        Pattern.compile(Pattern.quote(stem + "-") + "\\d{8}T\\d{9}Z" + Pattern.quote(extension));
    Path parent = this.file.getParent();
    Files.createDirectories(parent);
    for (Path rotated : rotatedFiles()) {
      known.indexFile(rotated);
    }
    this.writer = new JsonLinesAlertWriter(this.file, known);
    this.lastWrite = writer.size() > 0 ? Files.getLastModifiedTime(this.file).toInstant() : null;
  }

  @Override
  public String name() {
    return "jsonl:" + file;
  }

  @Override
  public int deliver(List<ScheduleChangeAlert> alerts) throws IOException {
    if (closed) {
      throw new IllegalStateException("Target closed: " + name());
    }
    int appended = 0;
    for (ScheduleChangeAlert alert : alerts) {
      AlertVersions.Rendered r = AlertVersions.render(alert);
      if (known.contains(r.alertId(), r.contentHash())) {
        continue;
      }
      Instant now = clock.instant();
      if (mustRotate(r.json().getBytes(StandardCharsets.UTF_8).length + 1L, now)) {
        rotate(now);
      }
      if (writer.write(r)) {
        appended++;
        lastWrite = now;
      }
    }
    writer.flush();
    return appended;
  }

  /** The active file. */
  public Path file() {
    return file;
  }

  /** Rotations since this target was opened. */
  public long rotations() {
    return rotations;
  }

  /** The rotated files kept beside the active one, oldest first. */
  public List<Path> rotatedFiles() throws IOException {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(file.getParent())) {
      for (Path p : dir) {
        if (rotatedName.matcher(p.getFileName().toString()).matches()) {
          out.add(p);
        }
      }
    }
    out.sort(null); // the stamps sort by time
    return out;
  }

  private boolean mustRotate(long lineBytes, Instant now) throws IOException {
    long size = writer.size();
    if (size == 0) {
      return false; // never leave an empty file behind; a line larger than the limit goes alone
    }
    if (rotation.maxBytes() > 0 && size + lineBytes > rotation.maxBytes()) {
      return true;
    }
    return rotation.every() != null && lastWrite != null && period(lastWrite) != period(now);
  }

  private long period(Instant t) {
    return Math.floorDiv(t.toEpochMilli(), rotation.every().toMillis());
  }

  private void rotate(Instant now) throws IOException {
    writer.close(); // flushes and unlocks
    Path target = freeName(now);
    Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    syncFolder();
    rotations++;
    LOG.info("Rotated {} to {}", file, target.getFileName());
    writer = new JsonLinesAlertWriter(file, known);
    lastWrite = null;
    prune();
  }

  /** The name for now, a millisecond later while taken, so names keep sorting by time. */
  private Path freeName(Instant now) {
    Instant t = now;
    Path candidate = file.resolveSibling(stem + "-" + STAMP.format(t) + extension);
    while (Files.exists(candidate)) {
      t = t.plusMillis(1);
      candidate = file.resolveSibling(stem + "-" + STAMP.format(t) + extension);
    }
    return candidate;
  }

  private void prune() throws IOException {
    if (rotation.keep() <= 0) {
      return;
    }
    List<Path> rotated = rotatedFiles();
    for (int i = 0; i < rotated.size() - rotation.keep(); i++) {
      Files.deleteIfExists(rotated.get(i));
      LOG.info("Deleted old alerts file {}", rotated.get(i).getFileName());
    }
  }

  /** Makes the rename durable (a directory fsync; not every platform allows it). */
  private void syncFolder() {
    try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      LOG.debug("Folder fsync not supported for {}: {}", file.getParent(), e.toString());
    }
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      writer.close();
    }
  }
}
