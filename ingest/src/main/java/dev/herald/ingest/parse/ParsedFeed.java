package dev.herald.ingest.parse;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import java.util.List;
import java.util.Objects;

/**
 * A feed Rome parsed, plus what Rome throws away: the date of each entry as the feed wrote it, so
 * the publisher's UTC offset survives ({@code rawDates} is aligned with {@code feed.getEntries()},
 * or empty when the alignment could not be established).
 */
public record ParsedFeed(SyndFeed feed, List<String> rawDates) {

  public ParsedFeed {
    Objects.requireNonNull(feed, "feed");
    rawDates = rawDates == null ? List.of() : List.copyOf(rawDates);
  }

  public List<SyndEntry> entries() {
    return feed.getEntries();
  }

  /** Rome's feed type, e.g. {@code rss_2.0} or {@code atom_1.0}. */
  public String feedType() {
    return feed.getFeedType();
  }

  /** The raw date string of entry {@code index}, or null when unknown (the string may be ""). */
  public String rawDate(int index) {
    if (index < 0 || index >= rawDates.size()) {
      return null;
    }
    String s = rawDates.get(index);
    return s.isEmpty() ? null : s;
  }
}
