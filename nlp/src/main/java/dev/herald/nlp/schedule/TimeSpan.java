package dev.herald.nlp.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stretch of time a {@link When} covers, in epoch minutes, half-open {@code [start, end)}. Open
 * ends ("by June 1", "after April") use {@link Long#MIN_VALUE} / {@link Long#MAX_VALUE}.
 *
 * <p>Modifiers split the unit in thirds: START/EARLY the first, MID the middle, END/LATE the last
 * ("mid-November" is November 11-20, "late November" 21-30), so that mid-November and late November
 * do not overlap.
 */
public record TimeSpan(long start, long end) {

  private static final Pattern DATE_TIME =
      Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}).*");
  private static final Pattern DAY_PART =
      Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})T(MO|AF|EV|NI|DT)");
  private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
  private static final Pattern WEEKEND = Pattern.compile("(\\d{4})-W(\\d{2})-WE");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
  private static final Pattern SEASON = Pattern.compile("(\\d{4})-(SP|SU|FA|AU|WI)");
  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern DECADE = Pattern.compile("(\\d{3})");
  private static final Pattern CENTURY = Pattern.compile("(\\d{2})");

  // The precision patterns, compiled once (precisionOf runs for every time expression).
  private static final Pattern P_DAY = Pattern.compile("[\\dX]{4}-[\\dX]{2}-[\\dX]{2}");
  private static final Pattern P_WEEK = Pattern.compile("[\\dX]{4}-W[\\dX]{2}(-WE)?");
  private static final Pattern P_MONTH = Pattern.compile("[\\dX]{4}-[\\dX]{2}");
  private static final Pattern P_SEASON = Pattern.compile("[\\dX]{4}-(SP|SU|FA|AU|WI)");
  private static final Pattern P_QUARTER = Pattern.compile("[\\dX]{4}-Q[1-4X]");
  private static final Pattern P_HALF = Pattern.compile("[\\dX]{4}-H[12X]");
  private static final Pattern P_YEAR = Pattern.compile("[\\dX]{4}");
  private static final Pattern P_DECADE = Pattern.compile("[\\dX]{3}");

  public boolean contains(TimeSpan o) {
    return start <= o.start && o.end <= end;
  }

  public boolean overlaps(TimeSpan o) {
    return start < o.end && o.start < end;
  }

  /** True when this span lies entirely after {@code o}. */
  public boolean after(TimeSpan o) {
    return o.end != Long.MAX_VALUE && start >= o.end;
  }

  /** True when this span lies entirely before {@code o}. */
  public boolean before(TimeSpan o) {
    return end != Long.MAX_VALUE && o.start != Long.MIN_VALUE && end <= o.start;
  }

  /** The span of a claim's time, or empty when the value is unknown ("XXXX-11", PRESENT_REF). */
  public static Optional<TimeSpan> of(When w) {
    if (w == null || w.value() == null) {
      return Optional.empty();
    }
    Optional<TimeSpan> base = ofValue(w.value());
    return base.map(b -> applyMod(b, w.mod()));
  }

  /**
   * Parsed values, by value: the schedule stage asks about the same few values many times per
   * article, and each parse runs up to a dozen regular expressions (the largest allocation site of
   * the enrich path in a profile of the benchmark). Both results are pure functions of the string,
   * so a bounded memo that is simply emptied when full is enough.
   */
  private static final int MEMO_MAX = 4096;

  private static final Map<String, Optional<TimeSpan>> SPANS = new ConcurrentHashMap<>();
  private static final Map<String, When.Precision> PRECISIONS = new ConcurrentHashMap<>();

  private static <V> V remember(Map<String, V> memo, String key, V value) {
    if (memo.size() >= MEMO_MAX) {
      memo.clear();
    }
    memo.put(key, value);
    return value;
  }

  /** The span of a TIMEX3 value without modifier. */
  public static Optional<TimeSpan> ofValue(String value) {
    Optional<TimeSpan> known = SPANS.get(value);
    return known != null ? known : remember(SPANS, value, parse(value));
  }

  private static Optional<TimeSpan> parse(String value) {
    String v = value.trim().toUpperCase(Locale.ROOT);
    int slash = v.indexOf('/');
    if (slash > 0) {
      Optional<TimeSpan> a = parse(v.substring(0, slash));
      Optional<TimeSpan> b = parse(v.substring(slash + 1));
      if (a.isPresent() && b.isPresent() && a.get().start < b.get().end) {
        return Optional.of(new TimeSpan(a.get().start, b.get().end));
      }
      return Optional.empty();
    }
    try {
      Matcher m;
      if ((m = DATE_TIME.matcher(v)).matches()) {
        LocalDateTime t =
            LocalDate.of(num(m, 1), num(m, 2), num(m, 3)).atTime(num(m, 4), num(m, 5));
        return Optional.of(new TimeSpan(min(t), min(t) + 1));
      }
      if ((m = DAY_PART.matcher(v)).matches()) {
        LocalDate d = LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
        int[] hours =
            switch (m.group(4)) {
              case "MO" -> new int[] {5, 12};
              case "AF" -> new int[] {12, 18};
              case "EV" -> new int[] {17, 24};
              case "NI" -> new int[] {20, 30};
              default -> new int[] {6, 18};
            };
        long day = min(d.atStartOfDay());
        return Optional.of(new TimeSpan(day + hours[0] * 60L, day + hours[1] * 60L));
      }
      if ((m = DAY.matcher(v)).matches()) {
        return Optional.of(days(LocalDate.of(num(m, 1), num(m, 2), num(m, 3)), 1));
      }
      if ((m = WEEKEND.matcher(v)).matches()) {
        LocalDate mon = isoWeekMonday(num(m, 1), num(m, 2));
        return Optional.of(days(mon.plusDays(5), 2));
      }
      if ((m = WEEK.matcher(v)).matches()) {
        return Optional.of(days(isoWeekMonday(num(m, 1), num(m, 2)), 7));
      }
      if ((m = MONTH.matcher(v)).matches()) {
        LocalDate first = LocalDate.of(num(m, 1), num(m, 2), 1);
        return Optional.of(between(first, first.plusMonths(1)));
      }
      if ((m = QUARTER.matcher(v)).matches()) {
        LocalDate first = LocalDate.of(num(m, 1), (num(m, 2) - 1) * 3 + 1, 1);
        return Optional.of(between(first, first.plusMonths(3)));
      }
      if ((m = HALF.matcher(v)).matches()) {
        LocalDate first = LocalDate.of(num(m, 1), (num(m, 2) - 1) * 6 + 1, 1);
        return Optional.of(between(first, first.plusMonths(6)));
      }
      if ((m = SEASON.matcher(v)).matches()) {
        int y = num(m, 1);
        LocalDate first =
            switch (m.group(2)) {
              case "SP" -> LocalDate.of(y, 3, 1);
              case "SU" -> LocalDate.of(y, 6, 1);
              case "FA", "AU" -> LocalDate.of(y, 9, 1);
              default -> LocalDate.of(y, 12, 1);
            };
        return Optional.of(between(first, first.plusMonths(3)));
      }
      if ((m = YEAR.matcher(v)).matches()) {
        LocalDate first = LocalDate.of(num(m, 1), 1, 1);
        return Optional.of(between(first, first.plusYears(1)));
      }
      if ((m = DECADE.matcher(v)).matches()) {
        LocalDate first = LocalDate.of(num(m, 1) * 10, 1, 1);
        return Optional.of(between(first, first.plusYears(10)));
      }
      if ((m = CENTURY.matcher(v)).matches()) {
        LocalDate first = LocalDate.of(num(m, 1) * 100, 1, 1);
        return Optional.of(between(first, first.plusYears(100)));
      }
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** The coarsest unit a TIMEX3 value pins down. */
  public static When.Precision precisionOf(String value) {
    if (value == null) {
      return When.Precision.UNKNOWN;
    }
    When.Precision known = PRECISIONS.get(value);
    return known != null ? known : remember(PRECISIONS, value, precisionOfUncached(value));
  }

  private static When.Precision precisionOfUncached(String value) {
    String v = value.trim().toUpperCase(Locale.ROOT);
    int slash = v.indexOf('/');
    if (slash > 0) {
      return precisionOfUncached(v.substring(0, slash));
    }
    if (DATE_TIME.matcher(v).matches() || DAY_PART.matcher(v).matches()) {
      return When.Precision.TIME;
    }
    if (P_DAY.matcher(v).matches()) {
      return When.Precision.DAY;
    }
    if (P_WEEK.matcher(v).matches()) {
      return When.Precision.WEEK;
    }
    if (P_MONTH.matcher(v).matches()) {
      return When.Precision.MONTH;
    }
    if (P_SEASON.matcher(v).matches()) {
      return When.Precision.SEASON;
    }
    if (P_QUARTER.matcher(v).matches()) {
      return When.Precision.QUARTER;
    }
    if (P_HALF.matcher(v).matches()) {
      return When.Precision.HALF;
    }
    if (P_YEAR.matcher(v).matches()) {
      return When.Precision.YEAR;
    }
    if (P_DECADE.matcher(v).matches()) {
      return When.Precision.DECADE;
    }
    return When.Precision.UNKNOWN;
  }

  /** This span moved by {@code days} days (used for "extended for one week"). */
  public static String shiftDayValue(String dayValue, long days) {
    try {
      return LocalDate.parse(dayValue.substring(0, 10)).plusDays(days).toString();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static TimeSpan applyMod(TimeSpan b, String mod) {
    if (mod == null || b.end - b.start <= 24 * 60) {
      return b;
    }
    long len = b.end - b.start;
    long third = len / 3;
    return switch (mod.toUpperCase(Locale.ROOT)) {
      case "START", "EARLY" -> new TimeSpan(b.start, b.start + monthAwareThird(b, 0, third));
      case "MID" ->
          new TimeSpan(
              b.start + monthAwareThird(b, 0, third), b.start + monthAwareThird(b, 1, third));
      case "END", "LATE" -> new TimeSpan(b.start + monthAwareThird(b, 1, third), b.end);
      case "BEFORE", "ON_OR_BEFORE", "LESS_THAN", "EQUAL_OR_LESS" ->
          new TimeSpan(Long.MIN_VALUE, b.end);
      case "AFTER", "ON_OR_AFTER", "MORE_THAN", "EQUAL_OR_MORE" ->
          new TimeSpan(b.start, Long.MAX_VALUE);
      default -> b;
    };
  }

  /** For a month, thirds end after day 10 and day 20; otherwise plain thirds. */
  private static long monthAwareThird(TimeSpan b, int which, long third) {
    long days = (b.end - b.start) / (24 * 60);
    if (days >= 28 && days <= 31) {
      return (which == 0 ? 10 : 20) * 24 * 60L;
    }
    return (which + 1) * third;
  }

  private static LocalDate isoWeekMonday(int year, int week) {
    return LocalDate.of(year, 1, 4)
        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  private static TimeSpan days(LocalDate first, int n) {
    return between(first, first.plusDays(n));
  }

  private static TimeSpan between(LocalDate from, LocalDate to) {
    return new TimeSpan(min(from.atStartOfDay()), min(to.atStartOfDay()));
  }

  private static long min(LocalDateTime t) {
    return t.toEpochSecond(ZoneOffset.UTC) / 60;
  }

  private static int num(Matcher m, int g) {
    return Integer.parseInt(m.group(g));
  }
}
