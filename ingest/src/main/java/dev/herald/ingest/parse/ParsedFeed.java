package dev.herald.ingest.parse;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import java.util.List;
import java.util.Objects;

/**
 * A feed Rome parsed (or a JSON Feed converted to Rome's model), plus what Rome throws away: per
 * entry the date as the feed wrote it (so the publisher's UTC offset survives), the feed's own GUID
 * and the entry's {@code xml:base}; and the document's polling hints. {@code extras} is aligned
 * with {@code feed.getEntries()}, or empty when the alignment could not be established.
 */
public final class ParsedFeed {

  private final SyndFeed feed;
  private final List<EntryExtras> extras;
  private final FeedHints hints;

  public ParsedFeed(SyndFeed feed, List<EntryExtras> extras, FeedHints hints) {
    this.feed = Objects.requireNonNull(feed, "feed");
    this.extras = extras == null ? List.of() : List.copyOf(extras);
    this.hints = hints == null ? FeedHints.NONE : hints;
  }

  /** Rome's model of the feed. */
  public SyndFeed feed() {
    return feed;
  }

  public List<SyndEntry> entries() {
    return feed.getEntries();
  }

  /** Rome's feed type, e.g. {@code rss_2.0}, {@code atom_1.0}, or {@code json_1.1}. */
  public String feedType() {
    return feed.getFeedType();
  }

  public FeedHints hints() {
    return hints;
  }

  /** What Rome dropped about entry {@code index}; {@link EntryExtras#NONE} when unknown. */
  public EntryExtras extras(int index) {
    return index >= 0 && index < extras.size() ? extras.get(index) : EntryExtras.NONE;
  }

  /** Whether {@link #extras(int)} is known for every entry. */
  public boolean hasExtras() {
    return !extras.isEmpty();
  }

  /** The raw date string of entry {@code index}, or null when unknown. */
  public String rawDate(int index) {
    return extras(index).rawDate();
  }
}
