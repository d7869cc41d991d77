package dev.herald.ingest.feeds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A feed list file, re-read when its modification time changes so feeds can be added without a
 * restart. The first read must succeed; a later bad edit is logged and the last good list kept.
 */
public final class FeedListFile implements FeedSource {

  private static final Logger LOG = LoggerFactory.getLogger(FeedListFile.class);

  private final Path file;
  private final FeedListReader reader = new FeedListReader();
  private FileTime readAt;
  private List<FeedRef> feeds;

  /**
   * Reads the list now.
   *
   * @throws IllegalArgumentException when the file cannot be read or has bad entries (the message
   *     lists every one)
   */
  public FeedListFile(Path file) {
    this.file = file;
    try {
      this.readAt = Files.getLastModifiedTime(file);
      this.feeds = reader.read(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read feed list " + file + ": " + e, e);
    } catch (FeedListException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  @Override
  public synchronized List<FeedRef> feeds() {
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      if (!modified.equals(readAt)) {
        readAt = modified;
        feeds = reader.read(file);
        LOG.info("Feed list {} re-read: {} feeds", file, feeds.size());
      }
    } catch (IOException | FeedListException e) {
      LOG.warn(
          "Feed list {} not re-read, keeping the last {} feeds: {}",
          file,
          feeds.size(),
          e.getMessage());
    }
    return feeds;
  }
}
