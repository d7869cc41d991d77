package dev.herald.nlp.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the year (or week) of a date the text gives without one, by the date's role in the claim.
 * A general tagger resolves "Thursday" or "May 21" by tense, but in "have been rescheduled for
 * Thursday" the perfect tense points to the past while the new date is ahead. Rules:
 *
 * <ul>
 *   <li>an old time (and a plan stated in the past) takes the candidate nearest the publication
 *       date;
 *   <li>a new time of a postponement takes the first candidate after the old time (after the
 *       publication date when no old time is known); of an advance, the last before the old time;
 *       of a move of unclear direction, the nearest to the old time;
 *   <li>a plain schedule statement takes the first candidate that has not ended before the
 *       publication date.
 * </ul>
 */
final class Anchoring {

  enum Policy {
    NEAREST,
    /** The earliest candidate that ended at most two months before the publication date. */
    RECENT,
    FUTURE,
    AFTER,
    BEFORE,
    CLOSEST_TO
  }

  private static final long RECENT_SLACK_MINUTES = 60L * 24 * 61;

  private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  // Compiled once: these ran as String.matches (a compile per call) for every time expression.
  private static final Pattern HAS_YEAR = Pattern.compile(".*\\d{4}.*");
  private static final Pattern HAS_SHORT_YEAR = Pattern.compile(".*'\\d\\d.*");

  private static final List<String> WEEKDAYS =
      List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
  private static final List<String> MONTH_NAMES =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
  private static final List<Pattern> MONTH_NAME_PATTERNS =
      MONTH_NAMES.stream().map(m -> Pattern.compile(".*\\b" + m + ".*")).toList();

  private Anchoring() {}

  /** True when the expression names no year and no relative anchor. */
  static boolean underspecified(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    if (HAS_YEAR.matcher(t).matches() || HAS_SHORT_YEAR.matcher(t).matches()) {
      return false;
    }
    for (String rel :
        List.of(
            "today",
            "tomorrow",
            "yesterday",
            "tonight",
            "next",
            "last",
            "this",
            "ago",
            "coming",
            "past",
            "previous",
            "following",
            "week",
            "year",
            "now",
            "current",
            "later",
            "earlier",
            "morning",
            "afternoon",
            "evening")) {
      if (t.contains(rel)) {
        return false;
      }
    }
    return true;
  }

  /** Re-chooses the year or week of {@code ref} by {@code policy}; {@code other} may be null. */
  static TimeRef anchor(TimeRef ref, Policy policy, LocalDate dct, TimeSpan other) {
    if (ref == null || ref.duration() || !ref.underspecified() || dct == null) {
      return ref;
    }
    if (ref.value().indexOf('/') > 0) {
      String[] parts = ref.value().split("/", 2);
      TimeRef a = ref.withValue(parts[0]);
      TimeRef anchored = anchor(a, policy, dct, other);
      long shift = yearShift(parts[0], anchored.value());
      String end = shiftYears(parts[1], shift);
      return ref.withValue(anchored.value() + "/" + (end == null ? parts[1] : end));
    }
    boolean[] weekdayOnly = new boolean[1];
    List<String> candidates = candidates(ref, dct, weekdayOnly);
    if (weekdayOnly[0] && policy == Policy.RECENT) {
      // A bare weekday of a plan is the nearest one: "its planned auction on Monday".
      policy = Policy.NEAREST;
    }
    if (candidates.isEmpty()) {
      return ref;
    }
    String best = null;
    long bestScore = Long.MAX_VALUE;
    long d = minutes(dct);
    for (String c : candidates) {
      Optional<TimeSpan> s = TimeSpan.of(new When(c, TimeSpan.precisionOf(c), ref.mod(), ""));
      if (s.isEmpty()) {
        continue;
      }
      TimeSpan span = s.get();
      long score =
          switch (policy) {
            case NEAREST -> distance(span, d);
            case RECENT ->
                span.end() > d - RECENT_SLACK_MINUTES
                    ? span.start() - Long.MIN_VALUE / 4
                    : Long.MAX_VALUE - 1;
            case FUTURE -> span.end() > d ? span.start() - Long.MIN_VALUE / 4 : Long.MAX_VALUE - 1;
            case AFTER ->
                other == null
                    ? (span.end() > d ? span.start() - Long.MIN_VALUE / 4 : Long.MAX_VALUE - 1)
                    : (span.start() >= other.end() || span.start() > other.start()
                        ? span.start() - Long.MIN_VALUE / 4
                        : Long.MAX_VALUE - 1);
            case BEFORE ->
                other == null
                    ? distance(span, d)
                    : (span.end() <= other.start()
                        ? other.start() - span.end()
                        : Long.MAX_VALUE - 1);
            case CLOSEST_TO ->
                other == null
                    ? distance(span, d)
                    : Math.abs((span.start() + span.end()) / 2 - (other.start() + other.end()) / 2);
          };
      if (policy != Policy.NEAREST && policy != Policy.RECENT && span.end() <= d) {
        // A new or coming time is not in the past when another reading is possible.
        score = score == Long.MAX_VALUE - 1 ? Long.MAX_VALUE - 1 : Long.MAX_VALUE / 2 + score / 4;
      }
      if (score < bestScore) {
        bestScore = score;
        best = c;
      }
    }
    return best == null ? ref : ref.withValue(best);
  }

  private static List<String> candidates(TimeRef ref, LocalDate dct, boolean[] weekdayOnly) {
    List<String> out = new ArrayList<>();
    String t = ref.text().toLowerCase(Locale.ROOT);
    boolean hasMonth = false;
    for (Pattern m : MONTH_NAME_PATTERNS) {
      if (m.matcher(t).matches()) {
        hasMonth = true;
      }
    }
    int weekday = -1;
    for (int i = 0; i < WEEKDAYS.size(); i++) {
      if (t.contains(WEEKDAYS.get(i))) {
        weekday = i;
      }
    }
    Matcher m = DAY.matcher(ref.value());
    if (m.matches()) {
      int month = Integer.parseInt(m.group(2));
      int day = Integer.parseInt(m.group(3));
      if (hasMonth) {
        for (int y = dct.getYear() - 1; y <= dct.getYear() + 1; y++) {
          try {
            LocalDate c = LocalDate.of(y, month, day);
            if (weekday < 0 || c.getDayOfWeek() == DayOfWeek.of(weekday + 1)) {
              out.add(c.toString());
            }
          } catch (java.time.DateTimeException e) {
            // Feb 29 in a common year: not a candidate.
          }
        }
        if (out.isEmpty()) {
          out.add(ref.value());
        }
      } else if (weekday >= 0) {
        weekdayOnly[0] = true;
        for (int k = -7; k <= 7; k++) {
          LocalDate c = dct.plusDays(k);
          if (c.getDayOfWeek() == DayOfWeek.of(weekday + 1)) {
            out.add(c.toString());
          }
        }
      }
      return out;
    }
    m = MONTH.matcher(ref.value());
    if (m.matches() && hasMonth) {
      for (int y = dct.getYear() - 1; y <= dct.getYear() + 1; y++) {
        out.add(String.format(Locale.ROOT, "%04d-%s", y, m.group(2)));
      }
    }
    m = QUARTER.matcher(ref.value());
    if (m.matches() && t.contains("quarter")) {
      // "the third quarter" names no year: the role picks it like a month's.
      for (int y = dct.getYear() - 1; y <= dct.getYear() + 1; y++) {
        out.add(String.format(Locale.ROOT, "%04d-Q%s", y, m.group(2)));
      }
    }
    return out;
  }

  private static long yearShift(String before, String after) {
    try {
      return Long.parseLong(after.substring(0, 4)) - Long.parseLong(before.substring(0, 4));
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private static String shiftYears(String value, long years) {
    if (value.length() < 4 || !value.substring(0, 4).chars().allMatch(Character::isDigit)) {
      return null;
    }
    long y = Long.parseLong(value.substring(0, 4)) + years;
    return String.format(Locale.ROOT, "%04d", y) + value.substring(4);
  }

  private static long distance(TimeSpan s, long d) {
    if (s.start() <= d && d < s.end()) {
      return 0;
    }
    return s.start() > d ? s.start() - d : d - s.end() + 1;
  }

  private static long minutes(LocalDate d) {
    return d.atStartOfDay().toEpochSecond(ZoneOffset.UTC) / 60;
  }
}
