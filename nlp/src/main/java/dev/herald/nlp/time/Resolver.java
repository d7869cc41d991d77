package dev.herald.nlp.time;

import dev.herald.nlp.time.Matcher.Match;
import dev.herald.nlp.time.Rule.Atom;
import dev.herald.nlp.time.Rule.AtomKind;
import dev.herald.nlp.time.Rule.Element;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a rule match into TIMEX values. Each rule names a resolver ({@code date}, {@code weekday},
 * {@code rel}, ...); resolvers read the captured slots and anchor relative expressions on the
 * document creation time (dct), using tense cues for the direction.
 */
final class Resolver {

  /** One resolved expression: token span [from, to) plus its TIMEX attributes. */
  record Found(int from, int to, TimexType type, String value, String mod) {}

  /** What one document has said so far: the last absolute DATE value, for "a year earlier". */
  static final class Discourse {
    String lastDate;

    /** The last full calendar date named (yyyy-mm-dd), kept when coarser dates follow. */
    String lastDay;
  }

  private final Lexicon lex;

  Resolver(Lexicon lex) {
    this.lex = lex;
  }

  /** Returns the expressions this match yields, or null when the match must be rejected. */
  List<Found> resolve(
      Match m, List<Token> toks, LocalDate dct, ZoneOffset offset, Discourse discourse) {
    Map<String, String> s = slots(m, toks);
    if (s == null) {
      return null;
    }
    Rule r = m.rule();
    if (overMeansDuring(m, toks) || capitalisedRussianMonth(m, toks)) {
      return null;
    }
    if (r.guard() != null && !guard(r.guard(), m, toks, s)) {
      return null;
    }
    String mod = s.get("mod");
    if (mod != null && mod.isEmpty()) {
      mod = null; // a rule that drops the modifier of its words ("beginning July 1")
    }
    Ctx c = new Ctx(m, toks, dct, s, offset, discourse);
    List<Found> found = resolveRule(r, c, m, s, mod);
    if (found != null && found.size() == 1 && adjectivalDuration(found.get(0), toks)) {
      // "the 14-day waiting period": the article belongs to the noun, not to the duration
      Found f = found.get(0);
      found = List.of(new Found(f.from() + 1, f.to(), f.type(), f.value(), f.mod()));
    }
    String halfPart = s.get("halfpart");
    if (halfPart != null && found != null && found.size() == 1 && isYear(found.get(0).value())) {
      // "the first half of next year": a half of a year is a value of its own (2018-H1), while
      // "the first half of December" stays the start of the month
      Found f = found.get(0);
      return List.of(new Found(f.from(), f.to(), f.type(), f.value() + "-H" + halfPart, null));
    }
    return found;
  }

  /** A duration written "the N-unit" (a compound adjective before a noun). */
  private static boolean adjectivalDuration(Found f, List<Token> toks) {
    if (f.type() != TimexType.DURATION || f.to() - f.from() < 4) {
      return false;
    }
    Token hyphen = toks.get(f.from() + 2);
    return toks.get(f.from()).lower().equals("the")
        && (toks.get(f.from() + 1).isNumber() || toks.get(f.from() + 1).isWord())
        && hyphen.glued()
        && hyphen.lower().equals("-")
        && f.to() == f.from() + 4;
  }

  private static boolean isYear(String v) {
    if (v == null || v.length() != 4) {
      return false;
    }
    for (int i = 0; i < 4; i++) {
      if (!Character.isDigit(v.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private List<Found> resolveRule(Rule r, Ctx c, Match m, Map<String, String> s, String mod) {
    switch (r.resolver()) {
      case "date":
        return one(m, type(r, TimexType.DATE), date(c), mod);
      case "weekday":
        return one(m, type(r, TimexType.DATE), weekday(c), mod);
      case "dayoffset":
        return dayOffset(c, m, mod);
      case "time":
        return one(m, TimexType.TIME, time(c), mod);
      case "rel":
        return one(m, type(r, TimexType.DATE), relative(c), mod);
      case "weekend":
        return one(m, TimexType.DATE, weekend(c), mod);
      case "theyear":
        return theYear(c, m, mod);
      case "weekof":
        return one(m, TimexType.DATE, weekOf(date(c)), mod);
      case "refquarter":
        return one(m, TimexType.DATE, refQuarter(c), mod);
      case "duration":
        return one(m, TimexType.DURATION, duration(s), mod);
      case "set":
        return one(m, TimexType.SET, set(s), mod);
      case "ago":
        return one(m, TimexType.DATE, ago(c), mod);
      case "fromnow":
        return one(m, TimexType.DATE, fromNow(c), mod);
      case "decade":
        return one(m, TimexType.DATE, decade(s), mod);
      case "literal":
        return one(m, type(r, TimexType.DATE), s.get("value"), mod);
      case "range":
        return range(c, m, mod);
      case "century":
        return one(m, TimexType.DATE, century(s), mod);
      case "anaphor":
        return one(m, TimexType.DATE, anaphor(c), mod);
      case "durrange":
        return durationRange(c, m, mod);
      case "nextref":
        return one(m, TimexType.DATE, nextRef(c), mod);
      default:
        throw new IllegalStateException("unknown resolver " + r.resolver());
    }
  }

  private static TimexType type(Rule r, TimexType dflt) {
    return r.type() == null ? dflt : r.type();
  }

  private static List<Found> one(Match m, TimexType type, String value, String mod) {
    return value == null ? null : List.of(new Found(m.from(), m.to(), type, value, mod));
  }

  /** Captured slots: rule constants, then lexicon entries and numbers in pattern order. */
  private Map<String, String> slots(Match m, List<Token> toks) {
    Map<String, String> s = new HashMap<>(m.rule().fixed());
    Element[] els = m.rule().elements();
    int significant = 0;
    boolean ambiguous = false;
    boolean abbreviation = false;
    for (int e = 0; e < els.length; e++) {
      int from = m.elStart()[e];
      if (from < 0) {
        continue;
      }
      Token tok = toks.get(from);
      if (!tok.isPunct()) {
        significant++;
      }
      Element el = els[e];
      boolean done = false;
      for (Atom a : el.atoms()) {
        if (a.kind() == AtomKind.CLASS) {
          Lexicon.Entry entry = lex.match(toks, from, a.text());
          if (entry != null && from + entry.words().length == m.elEnd()[e]) {
            ambiguous |= entry.ambiguous();
            abbreviation |= entry.abbreviation();
            if (el.slot() != null) {
              s.put(el.slot(), entry.first());
            } else {
              entry.slots().forEach(s::putIfAbsent);
            }
            done = true;
            break;
          }
        }
      }
      if (!done && el.slot() != null) {
        s.put(el.slot(), m.elValue()[e] != null ? m.elValue()[e] : tok.lower());
      }
    }
    if (significant == 1 && (abbreviation || ambiguous && !dateContextBefore(toks, m.from()))) {
      return null; // "May said", "Jan Kavan": not a date without more date words
    }
    return s;
  }

  private boolean dateContextBefore(List<Token> toks, int from) {
    if (from == 0) {
      return false;
    }
    Token p = toks.get(from - 1);
    if (lex.has(p.lower(), "datectx")) {
      return true;
    }
    // "between March and May", "April to May": a link word right after another date
    if (from >= 2 && lex.has(p.lower(), "datelink")) {
      Token q = toks.get(from - 2);
      return q.isNumber() || lex.lookup(q.lower(), "month") != null;
    }
    return false;
  }

  // ---------------------------------------------------------------- guards

  /**
   * Russian writes month names in lower case: "Май" or "Март" inside a sentence is a name (a
   * surname, a brand), not a month. At the start of a sentence it may be either and stays a month.
   */
  private boolean capitalisedRussianMonth(Match m, List<Token> toks) {
    for (int i = m.from(); i < m.to(); i++) {
      Token t = toks.get(i);
      if (t.upper()
          && Character.UnicodeBlock.of(t.lower().charAt(0)) == Character.UnicodeBlock.CYRILLIC
          && lex.has(t.lower(), "month")
          && i > 0
          && !isSentenceStart(toks.get(i - 1))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSentenceStart(Token prev) {
    if (!prev.isPunct()) {
      return false;
    }
    return switch (prev.lower()) {
      case ".", "!", "?", "«", "\"", "—", "-", ":", "(" -> true;
      default -> false;
    };
  }

  /**
   * "over the past 20 years", "over several years": "over" means during, it is not "more than" and
   * not part of the expression, which then starts at the next word.
   */
  private static boolean overMeansDuring(Match m, List<Token> toks) {
    if (m.to() - m.from() < 2 || !toks.get(m.from()).lower().equals("over")) {
      return false;
    }
    return switch (toks.get(m.from() + 1).lower()) {
      case "the", "past", "last", "next", "coming", "recent", "several", "few", "many", "some" ->
          true;
      default -> false;
    };
  }

  private boolean guard(String name, Match m, List<Token> toks, Map<String, String> s) {
    Token prev = m.from() > 0 ? toks.get(m.from() - 1) : null;
    Token next = m.to() < toks.size() ? toks.get(m.to()) : null;
    switch (name) {
      case "notBeforeNoun":
        // "November, 28 people": a count, not a day.
        return next == null || !(next.isWord() && !next.upper() && !lex.has(next.lower(), "func"));
      case "yearAlone":
        {
          // "$2017", "2017 people", "2017%": counts and prices, not years.
          if (prev != null && (lex.has(prev.lower(), "currency") || prev.lower().equals("#"))) {
            return false;
          }
          if (next != null) {
            if (next.isWord() && lex.has(next.lower(), "notyear")) {
              return false;
            }
            if (next.isPunct()
                && next.glued()
                && (next.lower().equals("%") || next.lower().equals("/"))) {
              return false;
            }
          }
          // "closed at 1299.59", "$4.1556 a share": part of a decimal number, not a year
          if (partOfNumber(toks, m.from(), m.to())) {
            return false;
          }
          // "1-800-555-2013", "2013-555-0199": a group of a phone number, not a year
          if (phoneGroup(toks, m.from(), m.to())) {
            return false;
          }
          return notAge(toks, m.to());
        }
      case "duration":
        // "a 6-year-old", "52 years old": ages are not TIMEXes; "three-quarters of": a fraction.
        if (!notAge(toks, m.to())) {
          return false;
        }
        // "three quarters of the vote" is a fraction, "the first two quarters of 1990" a part of a
        // year; "two consecutive quarters of growth" is a duration
        return !("Q".equals(s.get("unit"))
            && next != null
            && next.lower().equals("of")
            && m.to() + 1 < toks.size()
            && (lex.has(toks.get(m.to() + 1).lower(), "det") || toks.get(m.to() + 1).isNumber()));
      case "afterDurPrep":
        // bare "years", "weeks" only after "for", "over", "in", ...
        return prev != null && lex.has(prev.lower(), "durprep") && notAge(toks, m.to());
      case "notGameClock":
        // "with 2:45 left", "2:45 remaining": a game clock, not a time of day
        return next == null || !(next.lower().equals("left") || next.lower().equals("remaining"));
      case "notPossessive":
        // "in his 30s": an age, not a decade.
        return prev == null || !lex.has(prev.lower(), "possessive");
      case "notRelational":
        // "the day" alone is the dct's day; "the day after/before/of ..." is anchored elsewhere,
        // and "the day-release prison" is a compound
        return next == null
            || !lex.has(next.lower(), "relational") && !(next.glued() && next.lower().equals("-"));
      case "notOrdinalSecond":
        // "a second time": an ordinal, not a duration
        return "SEC".equals(s.get("unit")) ? false : notAge(toks, m.to());
      case "wordYear":
        {
          // "nineteen ninety-six" is a year; "twenty five" is not
          Integer yy = num(s, "yy");
          return yy != null && yy >= 10 && yy <= 99;
        }
      case "notInName":
        // "the China Daily", "The Daily Telegraph": a capital after a word starts a name
        return prev == null || !toks.get(m.from()).upper() || prev.isPunct();
      case "notBeforeNumber":
        return next == null || !next.isNumber();
      default:
        throw new IllegalStateException("unknown guard " + name);
    }
  }

  /** A glued "." or "," joins the match to a number on either side ("1299.59", "4.1556"). */
  private static boolean partOfNumber(List<Token> toks, int from, int to) {
    if (to + 1 < toks.size()) {
      Token sep = toks.get(to);
      Token after = toks.get(to + 1);
      if (sep.glued() && after.glued() && after.isNumber() && isNumberSeparator(sep)) {
        return true;
      }
    }
    if (from >= 2) {
      Token sep = toks.get(from - 1);
      Token before = toks.get(from - 2);
      return toks.get(from).glued() && sep.glued() && before.isNumber() && isNumberSeparator(sep);
    }
    return false;
  }

  /** A number glued by a hyphen to a three-digit group: phone numbers, not year ranges. */
  private static boolean phoneGroup(List<Token> toks, int from, int to) {
    if (from >= 2) {
      Token sep = toks.get(from - 1);
      Token before = toks.get(from - 2);
      if (toks.get(from).glued()
          && sep.glued()
          && sep.lower().equals("-")
          && before.isNumber()
          && before.digits() == 3) {
        return true;
      }
    }
    if (to + 1 < toks.size()) {
      Token sep = toks.get(to);
      Token after = toks.get(to + 1);
      return sep.glued()
          && after.glued()
          && sep.lower().equals("-")
          && after.isNumber()
          && after.digits() == 3;
    }
    return false;
  }

  private static boolean isNumberSeparator(Token t) {
    return t.isPunct() && (t.lower().equals(".") || t.lower().equals(","));
  }

  private static boolean notAge(List<Token> toks, int to) {
    int i = to;
    if (i < toks.size() && toks.get(i).lower().equals("-")) {
      i++;
    }
    return !(i < toks.size() && toks.get(i).lower().equals("old"));
  }

  // ---------------------------------------------------------------- resolvers

  /** Per-match context: lazily computes the tense. */
  private final class Ctx {
    final Match m;
    final List<Token> toks;
    final LocalDate dct;
    final Map<String, String> s;
    final ZoneOffset offset;
    final Discourse discourse;
    private Tense tense;

    Ctx(
        Match m,
        List<Token> toks,
        LocalDate dct,
        Map<String, String> s,
        ZoneOffset offset,
        Discourse discourse) {
      this.m = m;
      this.toks = toks;
      this.dct = dct;
      this.s = s;
      this.offset = offset;
      this.discourse = discourse;
    }

    Tense tense() {
      if (tense == null) {
        tense = Tense.around(toks, m.from(), m.to(), lex);
      }
      return tense;
    }

    int shift() {
      String v = s.get("shift");
      return v == null ? 0 : Integer.parseInt(v);
    }
  }

  private static Integer num(Map<String, String> s, String k) {
    String v = s.get(k);
    if (v == null) {
      return null;
    }
    try {
      return Integer.valueOf(v);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private String date(Ctx c) {
    Map<String, String> s = c.s;
    Integer year = num(s, "year");
    if (year == null && s.containsKey("cent") && s.containsKey("yy")) {
      year = Integer.parseInt(s.get("cent")) * 100 + Integer.parseInt(s.get("yy"));
    } else if (year == null && s.containsKey("yy")) {
      int yy = Integer.parseInt(s.get("yy"));
      year = yy >= 30 ? 1900 + yy : 2000 + yy;
    }
    if (year == null && s.containsKey("yshift")) {
      if (c.dct == null) {
        return null;
      }
      year = c.dct.getYear() + Integer.parseInt(s.get("yshift"));
    }
    Integer month = num(s, "month");
    Integer day = num(s, "day");
    String holiday = s.get("holiday");
    if (holiday != null) {
      return holiday(c, holiday, year);
    }
    if (month != null) {
      if (year == null && day != null && s.containsKey("weekday") && c.dct != null) {
        year = yearOfWeekday(c.dct, month, day, Integer.parseInt(s.get("weekday")));
      }
      if (year == null) {
        if (c.dct == null) {
          return null;
        }
        year = s.containsKey("shift") ? shiftedYear(c, month, day) : inferYear(c, month, day);
      }
      if (day != null) {
        if (day > YearMonth.of(year, month).lengthOfMonth()) {
          return null;
        }
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2);
      }
      return pad(year, 4) + "-" + pad(month, 2);
    }
    String season = s.get("season");
    if (season != null) {
      if (year == null) {
        if (c.dct == null) {
          return null;
        }
        year = seasonYear(c, season);
      }
      return pad(year, 4) + "-" + season;
    }
    Integer quarter = num(s, "quarter");
    if (quarter != null) {
      if (quarter < 1 || quarter > 4) {
        return null;
      }
      if (year == null) {
        if (c.dct == null) {
          return null;
        }
        year = inferYearOfPart(c, quarter, (c.dct.getMonthValue() - 1) / 3 + 1);
      }
      return pad(year, 4) + "-Q" + quarter;
    }
    Integer half = num(s, "half");
    if (half != null) {
      if (half < 1 || half > 2) {
        return null;
      }
      if (year == null) {
        if (c.dct == null) {
          return null;
        }
        year = inferYearOfPart(c, half, (c.dct.getMonthValue() - 1) / 6 + 1);
      }
      return pad(year, 4) + "-H" + half;
    }
    if (year != null) {
      return pad(year, 4);
    }
    return null;
  }

  /**
   * A month (and day) without a year: the occurrence in a window around the dct, unless the tense
   * points the other way by more than two months ("fell in March" said in January is last March;
   * "will resume in February" said in November is next February).
   */
  private int inferYear(Ctx c, int month, Integer dayOrNull) {
    LocalDate d = c.dct;
    int day = dayOrNull == null ? 15 : Math.min(dayOrNull, 28);
    long diff = ChronoUnit.DAYS.between(d, LocalDate.of(d.getYear(), month, day));
    int year = d.getYear();
    // News looks back more often than ahead: the window runs eight months back, four ahead.
    if (diff > WINDOW_AHEAD_DAYS) {
      year--;
      diff -= 365;
    } else if (diff <= WINDOW_AHEAD_DAYS - 365) {
      year++;
      diff += 365;
    }
    Tense t = c.tense();
    if (t == Tense.PAST && diff > TENSE_SLACK_DAYS) {
      year--;
    } else if (t == Tense.FUTURE && diff < -TENSE_SLACK_DAYS) {
      year++;
    }
    return year;
  }

  private static final int WINDOW_AHEAD_DAYS = 125;

  /** How far a date may sit on the "wrong" side of the dct before tense moves it a year. */
  private static final int TENSE_SLACK_DAYS = 61;

  /** "last February", "next March", "last Oct. 23": the occurrence before/after the dct. */
  private static int shiftedYear(Ctx c, int month, Integer day) {
    int shift = c.shift();
    int y = c.dct.getYear();
    int d = day == null ? 0 : Math.min(day, YearMonth.of(y, month).lengthOfMonth());
    int cmp =
        month != c.dct.getMonthValue()
            ? Integer.compare(month, c.dct.getMonthValue())
            : d == 0 ? 0 : Integer.compare(d, c.dct.getDayOfMonth());
    if (shift < 0) {
      // "last February" said in March is a year back: the month just ended is "last month"
      if (day == null) {
        return month < c.dct.getMonthValue() - 1 ? y : y - 1;
      }
      return cmp < 0 ? y : y - 1;
    }
    if (shift > 0) {
      return cmp > 0 ? y : y + 1;
    }
    return y;
  }

  /** A quarter or half without a year: like months, tense picks the year. */
  private static int inferYearOfPart(Ctx c, int part, int dctPart) {
    int y = c.dct.getYear();
    if (c.s.containsKey("shift")) {
      int k = c.shift();
      if (k < 0) {
        return part < dctPart ? y : y - 1;
      }
      if (k > 0) {
        return part > dctPart ? y : y + 1;
      }
      return y;
    }
    Tense t = c.tense();
    if (t == Tense.PAST && part > dctPart) {
      return y - 1;
    }
    // the part just ended is still this year's even in a future sentence ("after a third-quarter
    // loss, it plans to ...")
    if (t == Tense.FUTURE && part < dctPart - 1) {
      return y + 1;
    }
    return y;
  }

  private static int seasonYear(Ctx c, String season) {
    int month = c.dct.getMonthValue();
    int y = c.dct.getYear();
    int start =
        switch (season) {
          case "SP" -> 3;
          case "SU" -> 6;
          case "FA" -> 9;
          default -> 12;
        };
    if (!c.s.containsKey("shift")) {
      return y;
    }
    int k = c.shift();
    boolean begun = month >= start;
    if (k < 0) {
      return begun && month >= start + 3 ? y : y - 1;
    }
    if (k > 0) {
      return begun ? y + 1 : y;
    }
    return y;
  }

  /** The year (dct's, or one either side) in which day/month falls on the given weekday. */
  private static Integer yearOfWeekday(LocalDate dct, int month, int day, int weekday) {
    for (int k : new int[] {0, -1, 1}) {
      int y = dct.getYear() + k;
      if (day <= YearMonth.of(y, month).lengthOfMonth()
          && LocalDate.of(y, month, day).getDayOfWeek().getValue() == weekday) {
        return y;
      }
    }
    return null;
  }

  /** A holiday: the occurrence the year, shift ("last Thanksgiving") or tense points to. */
  private String holiday(Ctx c, String holiday, Integer yearOrNull) {
    if (yearOrNull != null) {
      return holidayIn(holiday, yearOrNull).toString();
    }
    if (c.dct == null) {
      return null;
    }
    int y = c.dct.getYear();
    LocalDate d = holidayIn(holiday, y);
    if (c.s.containsKey("shift")) {
      int k = c.shift();
      if (k < 0 && !d.isBefore(c.dct)) {
        d = holidayIn(holiday, y - 1);
      } else if (k > 0 && !d.isAfter(c.dct)) {
        d = holidayIn(holiday, y + 1);
      }
      return d.toString();
    }
    return holidayIn(holiday, inferYear(c, d.getMonthValue(), d.getDayOfMonth())).toString();
  }

  private static LocalDate holidayIn(String holiday, int year) {
    switch (holiday) {
      case "thanksgiving":
        return nthWeekday(year, 11, 4, DayOfWeek.THURSDAY);
      case "easter":
        return easter(year);
      case "goodfriday":
        return easter(year).minusDays(2);
      case "eastermonday":
        return easter(year).plusDays(1);
      case "mlk":
        return nthWeekday(year, 1, 3, DayOfWeek.MONDAY);
      case "presidents":
        return nthWeekday(year, 2, 3, DayOfWeek.MONDAY);
      case "mothers":
        return nthWeekday(year, 5, 2, DayOfWeek.SUNDAY);
      case "memorial":
        return LocalDate.of(year, 5, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case "fathers":
        return nthWeekday(year, 6, 3, DayOfWeek.SUNDAY);
      case "labor":
        return nthWeekday(year, 9, 1, DayOfWeek.MONDAY);
      case "columbus":
        return nthWeekday(year, 10, 2, DayOfWeek.MONDAY);
      case "election":
        // the Tuesday after the first Monday in November
        return nthWeekday(year, 11, 1, DayOfWeek.MONDAY).plusDays(1);
      default:
        return LocalDate.of(
            year,
            Integer.parseInt(holiday.substring(0, 2)),
            Integer.parseInt(holiday.substring(3)));
    }
  }

  private static LocalDate nthWeekday(int year, int month, int n, DayOfWeek dow) {
    return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
  }

  /** Western Easter Sunday (anonymous Gregorian computus). */
  private static LocalDate easter(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(year, month, day);
  }

  private String weekday(Ctx c) {
    if (c.dct == null) {
      return null;
    }
    return weekdayDate(c).toString();
  }

  /**
   * A weekday relative to the dct: "next"/"last" move a whole step; otherwise future tense picks
   * the coming one (the dct itself when it is that day), anything else the past one (or the dct).
   */
  private LocalDate weekdayDate(Ctx c) {
    DayOfWeek dow = DayOfWeek.of(Integer.parseInt(c.s.get("weekday")));
    LocalDate named = dateRightAfter(c, dow);
    if (named != null) {
      return named; // "8 p.m. on Sunday, Nov. 19": the date that follows says which Sunday
    }
    int shift = c.shift();
    if (c.s.containsKey("shift")) {
      if (shift > 0) {
        return c.dct.with(TemporalAdjusters.next(dow));
      } else if (shift < 0) {
        return c.dct.with(TemporalAdjusters.previous(dow));
      }
      return c.dct.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).with(dow);
    }
    LocalDate d =
        c.tense() == Tense.FUTURE
            ? c.dct.with(TemporalAdjusters.nextOrSame(dow))
            : c.dct.with(TemporalAdjusters.previousOrSame(dow));
    LocalDate first = coordinatedWith(c);
    if (first != null && d.isBefore(first)) {
      // "on Friday and Saturday" said on a Friday: the Saturday after, not the one before
      LocalDate after = first.with(TemporalAdjusters.next(dow));
      if (ChronoUnit.DAYS.between(first, after) <= 3) {
        return after;
      }
    }
    return d;
  }

  /**
   * The date written right after the match (", Nov. 19"), when it falls on {@code dow} within a
   * year of the dct; else null.
   */
  private LocalDate dateRightAfter(Ctx c, DayOfWeek dow) {
    List<Token> toks = c.toks;
    int i = c.m.to();
    if (i < toks.size() && toks.get(i).lower().equals(",")) {
      i++;
    }
    if (i >= toks.size()) {
      return null;
    }
    Lexicon.Entry month = lex.lookup(toks.get(i).lower(), "month");
    if (month == null) {
      return null;
    }
    i++;
    if (i < toks.size() && toks.get(i).lower().equals(".") && toks.get(i).glued()) {
      i++;
    }
    if (i >= toks.size() || !toks.get(i).isNumber() || toks.get(i).digits() > 2) {
      return null;
    }
    int day = toks.get(i).num();
    int m;
    try {
      m = Integer.parseInt(month.slots().get("month"));
    } catch (RuntimeException e) {
      return null;
    }
    for (int dy = 0; dy <= 1; dy++) {
      for (int sign : new int[] {1, -1}) {
        int y = c.dct.getYear() + sign * dy;
        if (day >= 1 && m >= 1 && m <= 12 && day <= YearMonth.of(y, m).lengthOfMonth()) {
          LocalDate d = LocalDate.of(y, m, day);
          if (d.getDayOfWeek() == dow) {
            return d;
          }
        }
      }
    }
    return null;
  }

  /** "on Friday and Saturday": the day the weekday just before the link word was given. */
  private LocalDate coordinatedWith(Ctx c) {
    int i = c.m.from();
    String last = c.discourse == null ? null : c.discourse.lastDate;
    if (i < 2 || last == null || last.length() < 10) {
      return null;
    }
    Lexicon.Entry wd = lex.lookup(c.toks.get(i - 2).lower(), "weekday");
    if (wd == null || !lex.has(c.toks.get(i - 1).lower(), "datelink")) {
      return null;
    }
    try {
      LocalDate d = LocalDate.parse(last.substring(0, 10));
      return d.getDayOfWeek().getValue() == Integer.parseInt(wd.slots().get("weekday")) ? d : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private List<Found> dayOffset(Ctx c, Match m, String mod) {
    if (c.dct == null) {
      return null;
    }
    LocalDate base = c.dct;
    if ("last".equals(c.s.get("anchor")) && c.discourse != null && c.discourse.lastDay != null) {
      // "ending the day at 8,017" after "on Friday": the day under discussion, not the dct
      base = LocalDate.parse(c.discourse.lastDay);
    }
    LocalDate d = base.plusDays(Integer.parseInt(c.s.getOrDefault("days", "0")));
    String tod = c.s.get("tod");
    if (tod != null) {
      return one(m, TimexType.TIME, d + "T" + tod, mod);
    }
    return one(m, type(m.rule(), TimexType.DATE), d.toString(), mod);
  }

  /** A full calendar date value (yyyy-mm-dd), not a partial one such as 1998-12-XX. */
  static boolean isDay(String v) {
    if (v == null || v.length() != 10 || v.charAt(4) != '-' || v.charAt(7) != '-') {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      if (i != 4 && i != 7 && !Character.isDigit(v.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** A clock time or part of day, on the day the rest of the match names (else the dct). */
  private String time(Ctx c) {
    Map<String, String> s = c.s;
    String day;
    if (s.containsKey("weekday")) {
      day = c.dct == null ? null : weekdayDate(c).toString();
    } else if (s.containsKey("days")) {
      day = c.dct == null ? null : c.dct.plusDays(Integer.parseInt(s.get("days"))).toString();
    } else if (s.containsKey("month")) {
      day = date(c);
    } else if (c.discourse != null && isDay(c.discourse.lastDate)) {
      // "at 10 p.m." after "on Oct. 23": the day last named
      day = c.discourse.lastDate;
    } else {
      day = c.dct == null ? null : c.dct.toString();
    }
    if (day == null) {
      return null;
    }
    String hhmm = s.get("hhmm");
    if (hhmm != null && hhmm.length() == 4) {
      s.put("hour", hhmm.substring(0, 2));
      s.put("minute", hhmm.substring(2));
    }
    Integer hour = num(s, "hour");
    if (hour == null) {
      String tod = s.get("tod");
      return tod == null ? null : day + "T" + tod;
    }
    String ampm = s.get("ampm");
    if (ampm != null) {
      if (hour < 1 || hour > 12) {
        return null;
      }
      if (ampm.equals("pm") && hour < 12) {
        hour += 12;
      } else if (ampm.equals("am") && hour == 12) {
        hour = 0;
      }
    }
    if (hour > 24) {
      return null;
    }
    int minute = s.containsKey("minute") ? Integer.parseInt(s.get("minute")) : 0;
    String zone = s.get("zone");
    if (zone == null && c.offset != null) {
      zone = c.offset.getTotalSeconds() == 0 ? "Z" : c.offset.getId();
    }
    return String.format("%sT%02d:%02d%s", day, hour, minute, zone == null ? "" : zone);
  }

  /** this/next/last + unit; "later this month", "early next year" carry a mod. */
  private String relative(Ctx c) {
    if (c.dct == null) {
      return null;
    }
    String unit = c.s.get("unit");
    return unit == null ? null : shiftUnit(c.dct, unit, c.shift());
  }

  /**
   * "the year", "the full year", "the fiscal year": the dct's year, as TimeBank annotates it; "the
   * year ended Sept. 30" is a year-long period ending on that date, a duration (P1Y).
   */
  private List<Found> theYear(Ctx c, Match m, String mod) {
    Token next = m.to() < c.toks.size() ? c.toks.get(m.to()) : null;
    if (next != null && lex.has(next.lower(), "periodend")) {
      return one(m, TimexType.DURATION, "P1Y", mod);
    }
    if (c.dct == null) {
      return null;
    }
    // A report on last year's results ("a loss for the fourth quarter of 2005 and for the entire
    // year") names that year first: the year last named wins when it is this year or last.
    Integer lastYear = lastYear(c);
    int y = c.dct.getYear();
    return one(
        m,
        TimexType.DATE,
        String.format("%04d", lastYear != null && lastYear == y - 1 ? y - 1 : y),
        mod);
  }

  /** The year of the date last named, or null. */
  private static Integer lastYear(Ctx c) {
    String last = c.discourse == null ? null : c.discourse.lastDate;
    if (last == null || last.length() < 4) {
      return null;
    }
    for (int i = 0; i < 4; i++) {
      if (!Character.isDigit(last.charAt(i))) {
        return null;
      }
    }
    return Integer.parseInt(last.substring(0, 4));
  }

  /** "the week of March 6": the ISO week holding that day. */
  private static String weekOf(String day) {
    if (day == null || day.length() != 10) {
      return null;
    }
    return shiftUnit(LocalDate.parse(day), "W", 0);
  }

  /** "the weekend": the coming one in future sentences, else the last one (or the current). */
  private String weekend(Ctx c) {
    if (c.dct == null) {
      return null;
    }
    int dow = c.dct.getDayOfWeek().getValue();
    int k = 0;
    if (c.s.containsKey("shift")) {
      k = c.shift();
    } else if (dow < 6 && c.tense() != Tense.FUTURE) {
      k = -1;
    }
    return shiftUnit(c.dct, "WE", k);
  }

  /**
   * "the quarter", "the latest quarter": the one last named, else the last completed one. "The 1988
   * quarter" is that quarter in the year given.
   */
  private String refQuarter(Ctx c) {
    String last = c.discourse == null ? null : c.discourse.lastDate;
    String quarter = null;
    if (last != null && last.length() == 7 && last.charAt(5) == 'Q') {
      quarter = last;
    } else if (c.dct != null) {
      quarter = shiftUnit(c.dct, "Q", c.tense() == Tense.FUTURE ? 0 : -1);
    }
    Integer year = num(c.s, "year");
    if (quarter == null || year == null) {
      return quarter;
    }
    return String.format("%04d%s", year, quarter.substring(4));
  }

  /** The dct moved by k units, printed at that unit's granularity. */
  static String shiftUnit(LocalDate dct, String unit, int k) {
    switch (unit) {
      case "D":
        return dct.plusDays(k).toString();
      case "W":
        {
          LocalDate d = dct.plusWeeks(k);
          return String.format(
              "%04d-W%02d",
              d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
      case "WE":
        {
          LocalDate d = dct.plusWeeks(k);
          return String.format(
              "%04d-W%02d-WE",
              d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
      case "M":
        {
          YearMonth ym = YearMonth.from(dct).plusMonths(k);
          return String.format("%04d-%02d", ym.getYear(), ym.getMonthValue());
        }
      case "Q":
        {
          int q = (dct.getMonthValue() - 1) / 3 + k;
          int y = dct.getYear() + Math.floorDiv(q, 4);
          return String.format("%04d-Q%d", y, Math.floorMod(q, 4) + 1);
        }
      case "H":
        {
          int h = (dct.getMonthValue() - 1) / 6 + k;
          int y = dct.getYear() + Math.floorDiv(h, 2);
          return String.format("%04d-H%d", y, Math.floorMod(h, 2) + 1);
        }
      case "Y":
        return String.format("%04d", dct.getYear() + k);
      case "DE":
        return String.format("%03d", Math.floorDiv(dct.getYear(), 10) + k);
      case "CE":
        return String.format("%02d", Math.floorDiv(dct.getYear(), 100) + k);
      default:
        return null;
    }
  }

  /** P3D, PT2H, P2.5Y, PXM; decades and centuries in years (P10Y), as TimeBank writes them. */
  private static String duration(Map<String, String> s) {
    String unit = s.get("unit");
    if (unit == null) {
      return null;
    }
    String n = s.getOrDefault("num", "1");
    Integer k = num(s, "num");
    if (k != null && (unit.equals("DE") || unit.equals("CE"))) {
      n = Integer.toString(k * (unit.equals("DE") ? 10 : 100));
      unit = "Y";
    } else if ("X".equals(n) && unit.equals("DE")) {
      unit = "Y"; // "for decades": TimeBank and AQUAINT write decades in years (PXY, P20Y)
    } else if (!"X".equals(n) && (unit.equals("DE") || unit.equals("CE"))) {
      return "P" + n + unit;
    }
    if (s.containsKey("plushalf") && k != null) {
      // TimeML writes the half in the next smaller unit where there is one: P2Y6M, PT5H30M
      switch (unit) {
        case "Y":
          return "P" + k + "Y6M";
        case "D":
          return "P" + k + "DT12H";
        case "HOUR":
          return "PT" + k + "H30M";
        case "MIN":
          return "PT" + k + "M30S";
        default:
          n = k + ".5";
      }
    }
    switch (unit) {
      case "HOUR":
        return "PT" + n + "H";
      case "MIN":
        return "PT" + n + "M";
      case "SEC":
        return "PT" + n + "S";
      case "WE":
        return "P" + n + "WE";
      default:
        return "P" + n + unit;
    }
  }

  /** "daily", "every week", "each July", "every Monday". */
  private static String set(Map<String, String> s) {
    if (s.containsKey("weekday")) {
      return "XXXX-WXX-" + s.get("weekday");
    }
    if (s.containsKey("month")) {
      return String.format("XXXX-%02d", Integer.parseInt(s.get("month")));
    }
    if (s.containsKey("season")) {
      return "XXXX-" + s.get("season");
    }
    if (s.containsKey("tod")) {
      return "XXXX-XX-XXT" + s.get("tod");
    }
    return duration(s);
  }

  /**
   * "three years ago" (from the dct) and "a year earlier" (from the date last named). A year back
   * from a quarter or month keeps that granularity: "profit fell from a year ago" after "the third
   * quarter" is last year's third quarter.
   */
  private String ago(Ctx c) {
    if (c.dct == null) {
      return null;
    }
    String unit = c.s.get("unit");
    Integer n = num(c.s, "num");
    if (unit == null) {
      return null;
    }
    if (n == null) {
      return "PAST_REF"; // "a few years ago"
    }
    String last = c.discourse == null ? null : c.discourse.lastDate;
    boolean fromRef = "ref".equals(c.s.get("anchor"));
    if (unit.equals("Y") && n == 1 && last != null && last.length() == 7 && last.charAt(4) == '-') {
      // YYYY-Qn, YYYY-Hn or YYYY-MM of the past twelve months: keep its granularity. An older
      // period is itself the comparison ("the 1988 period"), not the one reported on.
      LocalDate start = periodStart(last);
      if (start != null && (fromRef || !start.isBefore(c.dct.minusMonths(12)))) {
        return String.format("%04d%s", start.getYear() - n, last.substring(4));
      }
    }
    if (fromRef && last != null && last.length() >= 4) {
      try {
        int y = Integer.parseInt(last.substring(0, 4));
        if (unit.equals("Y")) {
          return String.format("%04d", y - n);
        }
      } catch (NumberFormatException e) {
        // fall through
      }
    }
    if (unit.equals("W") && n <= 2) {
      // "a week ago", "two weeks ago": the same weekday back then, a day (annotators agree)
      return shiftUnit(c.dct, "D", -7 * n);
    }
    String v = shiftUnit(c.dct, unit, -n);
    // "4,000 years ago": before year one there is no calendar value; it reads as a duration
    return v == null || v.startsWith("-") ? null : v;
  }

  /** "two weeks from now", "three years from today": the dct moved ahead, as "ago" moves back. */
  private static String fromNow(Ctx c) {
    String unit = c.s.get("unit");
    Integer n = num(c.s, "num");
    if (c.dct == null || unit == null || n == null) {
      return null;
    }
    if (unit.equals("W") && n <= 2) {
      return shiftUnit(c.dct, "D", 7 * n);
    }
    return shiftUnit(c.dct, unit, n);
  }

  /** First day of a YYYY-Qn, YYYY-Hn or YYYY-MM value, or null. */
  private static LocalDate periodStart(String v) {
    try {
      int y = Integer.parseInt(v.substring(0, 4));
      char k = v.charAt(5);
      int i = Integer.parseInt(v.substring(6));
      if (k == 'Q' && i >= 1 && i <= 4) {
        return LocalDate.of(y, 3 * i - 2, 1);
      }
      if (k == 'H' && i >= 1 && i <= 2) {
        return LocalDate.of(y, 6 * i - 5, 1);
      }
      return Character.isDigit(k) ? LocalDate.of(y, Integer.parseInt(v.substring(5)), 1) : null;
    } catch (RuntimeException e) {
      return null; // not a dated value
    }
  }

  /** "the 20th century" is "19". */
  private static String century(Map<String, String> s) {
    Integer n = num(s, "century");
    return n == null || n < 1 || n > 30 ? null : String.format("%02d", n - 1);
  }

  /**
   * "that year", "later that day", "the following year": the date last named, at the unit's
   * granularity, moved by the shift. Without an earlier date there is nothing to anchor on.
   */
  private String anaphor(Ctx c) {
    String last = c.discourse == null ? null : c.discourse.lastDate;
    String unit = c.s.get("unit");
    if (last == null || unit == null || last.length() < 4) {
      return null;
    }
    try {
      int k = c.shift();
      switch (unit) {
        case "Y":
          return String.format("%04d", Integer.parseInt(last.substring(0, 4)) + k);
        case "M":
          if (last.length() >= 7 && Character.isDigit(last.charAt(5))) {
            return YearMonth.parse(last.substring(0, 7)).plusMonths(k).toString();
          }
          return null;
        case "D":
          if (last.length() >= 10) {
            return LocalDate.parse(last.substring(0, 10)).plusDays(k).toString();
          }
          return null;
        default:
          return null;
      }
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * "the next day", "the same day", "the previous year": in a past-tense sentence the day after (or
   * of, or before) the date last named ("sold heavily the next day"); otherwise, like "next day",
   * relative to the dct.
   */
  private String nextRef(Ctx c) {
    if (c.tense() == Tense.PAST) {
      String v = anaphor(c);
      if (v != null) {
        return v;
      }
    }
    return relative(c);
  }

  private static String decade(Map<String, String> s) {
    String d = s.get("decade");
    if (d == null) {
      return null;
    }
    int yy = Integer.parseInt(d);
    if (yy % 10 != 0 || d.length() != 2 && d.length() != 4) {
      return null; // "25-х": not a decade
    }
    if (d.length() == 4) {
      return d.substring(0, 3);
    }
    return yy >= 30 ? "19" + d.charAt(0) : "20" + d.charAt(0);
  }

  /**
   * "between 60 and 90 days": each bound is a duration in the unit named once (TimeML practice).
   */
  private static List<Found> durationRange(Ctx c, Match m, String mod) {
    Element[] els = m.rule().elements();
    int firstEl = -1;
    int secondEl = -1;
    for (int e = 0; e < els.length; e++) {
      if ("num".equals(els[e].slot())) {
        firstEl = e;
      } else if ("num2".equals(els[e].slot())) {
        secondEl = e;
      }
    }
    Integer lo = num(c.s, "num");
    Integer hi = num(c.s, "num2");
    if (firstEl < 0 || secondEl < 0 || lo == null || hi == null || lo >= hi) {
      return null;
    }
    String first = duration(c.s);
    c.s.put("num", hi.toString());
    String second = duration(c.s);
    if (first == null || second == null) {
      return null;
    }
    return List.of(
        new Found(m.elStart()[firstEl], m.elEnd()[firstEl], TimexType.DURATION, first, mod),
        new Found(m.elStart()[secondEl], m.to(), TimexType.DURATION, second, mod));
  }

  /** "28-30 November": the start and the end each get their own TIMEX (TimeML practice). */
  private List<Found> range(Ctx c, Match m, String mod) {
    Element[] els = m.rule().elements();
    int day2El = -1;
    int dayEl = -1;
    for (int e = 0; e < els.length; e++) {
      if ("day2".equals(els[e].slot())) {
        day2El = e;
      } else if ("day".equals(els[e].slot())) {
        dayEl = e;
      }
    }
    Integer d1 = num(c.s, "day");
    Integer d2 = num(c.s, "day2");
    if (dayEl < 0 || day2El < 0 || d1 == null || d2 == null || d2 <= d1) {
      return null;
    }
    String first = date(c);
    c.s.put("day", d2.toString());
    String second = date(c);
    if (first == null || second == null) {
      return null;
    }
    int firstEnd = m.elEnd()[dayEl];
    int secondStart = m.elStart()[day2El];
    return List.of(
        new Found(m.from(), firstEnd, TimexType.DATE, first, mod),
        new Found(secondStart, m.to(), TimexType.DATE, second, mod));
  }

  /**
   * {@code String.format("%0<width>d", v)} without the formatter (it was a visible share of date
   * tagging): zero-padded to {@code width} characters, a minus sign counting as one.
   */
  static String pad(int v, int width) {
    String digits = Long.toString(Math.abs((long) v));
    int zeros = width - digits.length() - (v < 0 ? 1 : 0);
    if (zeros <= 0) {
      return v < 0 ? "-" + digits : digits;
    }
    StringBuilder sb = new StringBuilder(width);
    if (v < 0) {
      sb.append('-');
    }
    for (int k = 0; k < zeros; k++) {
      sb.append('0');
    }
    return sb.append(digits).toString();
  }
}
