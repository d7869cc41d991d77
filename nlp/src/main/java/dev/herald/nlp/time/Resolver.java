package dev.herald.nlp.time;

import dev.herald.nlp.time.Matcher.Match;
import dev.herald.nlp.time.Rule.Atom;
import dev.herald.nlp.time.Rule.AtomKind;
import dev.herald.nlp.time.Rule.Element;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
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

  private final Lexicon lex;

  Resolver(Lexicon lex) {
    this.lex = lex;
  }

  /** Returns the expressions this match yields, or null when the match must be rejected. */
  List<Found> resolve(Match m, List<Token> toks, LocalDate dct) {
    Map<String, String> s = slots(m, toks);
    if (s == null) {
      return null;
    }
    Rule r = m.rule();
    if (r.guard() != null && !guard(r.guard(), m, toks)) {
      return null;
    }
    String mod = s.get("mod");
    Ctx c = new Ctx(m, toks, dct, s);
    switch (r.resolver()) {
      case "date":
        return one(m, type(r, TimexType.DATE), date(c), mod);
      case "weekday":
        return one(m, type(r, TimexType.DATE), weekday(c), mod);
      case "dayoffset":
        return dayOffset(c, m, mod);
      case "rel":
        return one(m, type(r, TimexType.DATE), relative(c), mod);
      case "duration":
        return one(m, TimexType.DURATION, duration(s), mod);
      case "ago":
        return one(m, TimexType.DATE, ago(c), mod);
      case "decade":
        return one(m, TimexType.DATE, decade(s), mod);
      case "literal":
        return one(m, type(r, TimexType.DATE), s.get("value"), mod);
      case "range":
        return range(c, m, mod);
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
        if (a.kind() == AtomKind.CLASS && tok.isWord()) {
          Lexicon.Entry entry = lex.lookup(tok.lower(), a.text());
          if (entry != null) {
            ambiguous |= entry.ambiguous();
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
    if (ambiguous && significant == 1 && !dateContextBefore(toks, m.from())) {
      return null; // "May said", "Jan" alone: not a date without a preposition before it
    }
    return s;
  }

  private boolean dateContextBefore(List<Token> toks, int from) {
    if (from == 0) {
      return false;
    }
    Token p = toks.get(from - 1);
    return p.isWord() && lex.has(p.lower(), "datectx")
        || p.lower().equals("-") && from >= 2 && lex.has(toks.get(from - 2).lower(), "modpre");
  }

  // ---------------------------------------------------------------- guards

  private boolean guard(String name, Match m, List<Token> toks) {
    switch (name) {
      case "notBeforeNoun":
        {
          // "November, 28 people": a count, not a day.
          if (m.to() >= toks.size()) {
            return true;
          }
          Token next = toks.get(m.to());
          return !(next.isWord() && !next.upper() && !lex.has(next.lower(), "func"));
        }
      case "yearAlone":
        {
          // "$2017", "2017 people", "3-2017": counts and prices, not years.
          if (m.from() > 0) {
            Token p = toks.get(m.from() - 1);
            if (p.isPunct() && (lex.has(p.lower(), "currency") || p.lower().equals("#"))) {
              return false;
            }
            if (p.isWord() && lex.has(p.lower(), "currency")) {
              return false;
            }
          }
          if (m.to() < toks.size()) {
            Token n = toks.get(m.to());
            if (n.isWord() && lex.has(n.lower(), "notyear")) {
              return false;
            }
            if (n.isPunct() && n.glued() && (n.lower().equals("%") || n.lower().equals("/"))) {
              return false;
            }
          }
          return true;
        }
      default:
        throw new IllegalStateException("unknown guard " + name);
    }
  }

  // ---------------------------------------------------------------- resolvers

  /** Per-match context: lazily computes the tense. */
  private final class Ctx {
    final Match m;
    final List<Token> toks;
    final LocalDate dct;
    final Map<String, String> s;
    private Tense tense;

    Ctx(Match m, List<Token> toks, LocalDate dct, Map<String, String> s) {
      this.m = m;
      this.toks = toks;
      this.dct = dct;
      this.s = s;
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
    if (year == null && s.containsKey("yy")) {
      int yy = Integer.parseInt(s.get("yy"));
      year = yy >= 30 ? 1900 + yy : 2000 + yy;
    }
    Integer month = num(s, "month");
    Integer day = num(s, "day");
    if (month != null) {
      if (year == null) {
        if (c.dct == null) {
          return null;
        }
        year = inferYear(c, month, day == null ? 0 : day);
      }
      if (day != null) {
        if (day > YearMonth.of(year, month).lengthOfMonth()) {
          return null;
        }
        return String.format("%04d-%02d-%02d", year, month, day);
      }
      return String.format("%04d-%02d", year, month);
    }
    String season = s.get("season");
    if (season != null) {
      if (year == null) {
        if (c.dct == null) {
          return null;
        }
        year = c.dct.getYear() + c.shift();
      }
      return String.format("%04d-%s", year, season);
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
        year = c.dct.getYear();
      }
      return String.format("%04d-Q%d", year, quarter);
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
        year = c.dct.getYear();
      }
      return String.format("%04d-H%d", year, half);
    }
    if (year != null) {
      return String.format("%04d", year);
    }
    return null;
  }

  /** A month (and day) without a year: the year the tense points to, else the dct's year. */
  private int inferYear(Ctx c, int month, int day) {
    LocalDate d = c.dct;
    int cmp =
        month != d.getMonthValue()
            ? Integer.compare(month, d.getMonthValue())
            : day == 0 ? 0 : Integer.compare(day, d.getDayOfMonth());
    Tense t = c.tense();
    if (t == Tense.FUTURE && cmp < 0) {
      return d.getYear() + 1;
    }
    if (t == Tense.PAST && cmp > 0) {
      return d.getYear() - 1;
    }
    return d.getYear();
  }

  private String weekday(Ctx c) {
    if (c.dct == null) {
      return null;
    }
    DayOfWeek dow = DayOfWeek.of(Integer.parseInt(c.s.get("weekday")));
    int shift = c.shift();
    LocalDate d;
    if (c.s.containsKey("shift")) {
      if (shift > 0) {
        d = c.dct.with(TemporalAdjusters.next(dow));
      } else if (shift < 0) {
        d = c.dct.with(TemporalAdjusters.previous(dow));
      } else {
        d = c.dct.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).with(dow);
      }
    } else if (c.tense() == Tense.FUTURE) {
      d = c.dct.with(TemporalAdjusters.nextOrSame(dow));
    } else {
      d = c.dct.with(TemporalAdjusters.previousOrSame(dow));
    }
    return d.toString();
  }

  private List<Found> dayOffset(Ctx c, Match m, String mod) {
    if (c.dct == null) {
      return null;
    }
    LocalDate d = c.dct.plusDays(Integer.parseInt(c.s.getOrDefault("days", "0")));
    String tod = c.s.get("tod");
    if (tod != null) {
      return one(m, TimexType.TIME, d + "T" + tod, mod);
    }
    return one(m, type(m.rule(), TimexType.DATE), d.toString(), mod);
  }

  /** this/next/last + unit; "later this month", "early next year" carry a mod. */
  private String relative(Ctx c) {
    if (c.dct == null) {
      return null;
    }
    String unit = c.s.get("unit");
    int k = c.shift();
    return unit == null ? null : shiftUnit(c.dct, unit, k);
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

  private static String duration(Map<String, String> s) {
    String unit = s.get("unit");
    String n = s.getOrDefault("num", "1");
    if (unit == null) {
      return null;
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

  private String ago(Ctx c) {
    if (c.dct == null) {
      return null;
    }
    String unit = c.s.get("unit");
    Integer n = num(c.s, "num");
    if (n == null) {
      return "PAST_REF";
    }
    return unit == null ? null : shiftUnit(c.dct, unit, -n);
  }

  private static String decade(Map<String, String> s) {
    String d = s.get("decade");
    if (d == null) {
      return null;
    }
    if (d.length() == 4) {
      return d.substring(0, 3);
    }
    int yy = Integer.parseInt(d);
    return yy >= 30 ? "19" + d.charAt(0) : "20" + d.charAt(0);
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
}
