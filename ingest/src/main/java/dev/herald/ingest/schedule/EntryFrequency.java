package dev.herald.ingest.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Estimates how often a feed gets a new entry: from the entries' own dates when there are enough
 * (median gap between the newest ones, robust to one odd date), else from when polls found new
 * entries. A feed gone quiet stretches its estimate: no new entry for a day means entries come at
 * least every half day apart. Pure.
 */
public final class EntryFrequency {

  /** Dates newer than this many entries add nothing to the estimate. */
  static final int NEWEST = 20;

  private EntryFrequency() {}

  /** The median gap between the newest distinct past entry dates, or null with fewer than three. */
  public static Duration fromDates(Collection<Instant> dates, Instant now) {
    TreeSet<Instant> past = new TreeSet<>();
    for (Instant d : dates) {
      if (d != null && !d.isAfter(now)) {
        past.add(d);
      }
    }
    if (past.size() < 3) {
      return null;
    }
    List<Instant> newest = new ArrayList<>(past.descendingSet());
    newest = newest.subList(0, Math.min(NEWEST, newest.size()));
    List<Long> gaps = new ArrayList<>();
    for (int i = 0; i + 1 < newest.size(); i++) {
      gaps.add(Duration.between(newest.get(i + 1), newest.get(i)).toSeconds());
    }
    gaps.sort(null);
    long median = gaps.get(gaps.size() / 2);
    return Duration.ofSeconds(Math.max(1, median));
  }

  /**
   * Folds one observed arrival into the previous estimate (exponentially weighted, new = 30%).
   *
   * @param previous the estimate so far, or null
   * @param sinceLastArrival the time since the previous poll that found something new
   */
  public static Duration fromArrival(Duration previous, Duration sinceLastArrival) {
    if (sinceLastArrival == null || sinceLastArrival.isNegative() || sinceLastArrival.isZero()) {
      return previous;
    }
    if (previous == null) {
      return sinceLastArrival;
    }
    long blended = Math.round(previous.toSeconds() * 0.7 + sinceLastArrival.toSeconds() * 0.3);
    return Duration.ofSeconds(Math.max(1, blended));
  }

  /** The estimate, stretched to half the time since the newest entry when the feed went quiet. */
  public static Duration withQuiet(Duration estimate, Instant newestEntry, Instant now) {
    if (newestEntry == null || newestEntry.isAfter(now)) {
      return estimate;
    }
    Duration half = Duration.between(newestEntry, now).dividedBy(2);
    if (estimate == null) {
      return null; // nothing is known yet: the configured interval applies
    }
    return half.compareTo(estimate) > 0 ? half : estimate;
  }
}
