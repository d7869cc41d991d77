package dev.herald.ingest.parse;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates feeds really write: RFC 822 and its sloppy variants (no weekday, two-digit years,
 * no seconds, named or numeric zones), W3C/ISO 8601 (with or without separators, fractions or
 * offset), asctime, and day-month-year dates with month names in the common European languages ("14
 * de novembro de 2017", "Di, 14 Nov. 2017", "14 ноября 2017"). Weekday names and filler words are
 * ignored rather than checked, since feeds get them wrong. A date without a zone is read as UTC and
 * says so ({@link Parsed#zoneGiven()}).
 */
public final class FeedDates {

  /** A parsed date; {@code zoneGiven} is false when the text named no zone (UTC assumed). */
  public record Parsed(OffsetDateTime dateTime, boolean zoneGiven) {

    /** The offset as {@code +03:00}, or null when the text named none. */
    public String offset() {
      if (!zoneGiven) {
        return null;
      }
      String id = dateTime.getOffset().getId();
      return id.equals("Z") ? "+00:00" : id;
    }
  }

  private static final Pattern ISO =
      Pattern.compile(
          "(\\d{4})-(\\d{1,2})(?:-(\\d{1,2})(?:[Tt\\s]+(\\d{1,2}):(\\d{2})(?::(\\d{1,2})(?:[.,](\\d+))?)?)?)?"
              + "\\s*(Z|z|UTC|GMT|UT|[+-]\\d{1,2}(?::?\\d{2})?)?");
  private static final Pattern ISO_COMPACT =
      Pattern.compile(
          "(\\d{4})(\\d{2})(\\d{2})(?:[Tt](\\d{2}):?(\\d{2})(?::?(\\d{2})(?:[.,](\\d+))?)?)?"
              + "\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?");
  private static final Pattern TIME =
      Pattern.compile("(\\d{1,2})[:h](\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?([ap]\\.?m\\.?)?");
  private static final Pattern NUMERIC_OFFSET = Pattern.compile("[+-]\\d{1,2}(?::?\\d{2})?");
  private static final Pattern NAMED_OFFSET =
      Pattern.compile("(?:gmt|utc|ut)([+-]\\d{1,2}(?::?\\d{2})?)");
  private static final Pattern NUMERIC_DATE =
      Pattern.compile("(\\d{1,4})([./-])(\\d{1,2})\\2(\\d{1,4})\\.?");
  private static final Pattern ORDINAL = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th|er|e|\\.|º|ª)");
  private static final Pattern PARENTHESES = Pattern.compile("\\([^)]*\\)");

  private static final Map<String, Integer> MONTHS = months();
  private static final Map<String, Integer> ZONES = zones();

  private FeedDates() {}

  /** The date, or null when the text holds none that can be trusted. */
  public static Parsed parse(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.strip();
    if (s.isEmpty() || s.length() > 100) {
      return null;
    }
    try {
      Parsed iso = iso(s);
      return iso != null ? iso : words(s);
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static Parsed iso(String s) {
    Matcher m = ISO.matcher(s);
    if (!m.matches()) {
      m = ISO_COMPACT.matcher(s);
      if (!m.matches()) {
        return null;
      }
    }
    int year = Integer.parseInt(m.group(1));
    int month = Integer.parseInt(m.group(2));
    int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
    int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
    int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
    int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
    int nanos = nanos(m.group(7));
    String zone = m.group(8);
    ZoneOffset offset = zone == null ? ZoneOffset.UTC : offset(zone);
    if (offset == null) {
      return null;
    }
    return build(year, month, day, hour, minute, second, nanos, offset, zone != null);
  }

  /** Token by token: a time, a zone, a month name, and the numbers for day and year. */
  private static Parsed words(String s) {
    String text = PARENTHESES.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ");
    text = text.replace(',', ' ').replace('\u00A0', ' ');
    Integer month = null;
    int[] time = null;
    ZoneOffset offset = null;
    boolean pm = false;
    boolean am = false;
    int[] numericDate = null;
    List<Integer> numbers = new ArrayList<>();
    List<Boolean> fourDigits = new ArrayList<>();
    for (String token : splitTokens(text)) {
      Matcher tm = TIME.matcher(token);
      if (time == null && tm.matches()) {
        time =
            new int[] {
              Integer.parseInt(tm.group(1)),
              Integer.parseInt(tm.group(2)),
              tm.group(3) == null ? 0 : Integer.parseInt(tm.group(3)),
              nanos(tm.group(4))
            };
        if (tm.group(5) != null) {
          pm = tm.group(5).startsWith("p");
          am = !pm;
        }
        continue;
      }
      if (time != null && offset == null && NUMERIC_OFFSET.matcher(token).matches()) {
        offset = offset(token);
        continue;
      }
      Matcher named = NAMED_OFFSET.matcher(token);
      if (offset == null && named.matches()) {
        offset = offset(named.group(1));
        continue;
      }
      Matcher nd = NUMERIC_DATE.matcher(token);
      if (numericDate == null && nd.matches()) {
        numericDate = numericDate(nd.group(1), nd.group(2), nd.group(3), nd.group(4));
        if (numericDate == null) {
          return null;
        }
        continue;
      }
      if (token.chars().allMatch(Character::isDigit)) {
        if (token.length() > 4) {
          return null;
        }
        numbers.add(Integer.parseInt(token));
        fourDigits.add(token.length() >= 3);
        continue;
      }
      Matcher ord = ORDINAL.matcher(token);
      if (ord.matches()) {
        numbers.add(Integer.parseInt(ord.group(1)));
        fourDigits.add(false);
        continue;
      }
      String word = fold(token);
      if (word.equals("am") || word.equals("a.m") || word.equals("pm") || word.equals("p.m")) {
        pm = word.startsWith("p");
        am = !pm;
        continue;
      }
      Integer m = MONTHS.get(word);
      if (m != null) {
        month = m; // the last one wins: a leading "mar" may be Spanish or Italian Tuesday
        continue;
      }
      Integer zoneSeconds = ZONES.get(word);
      if (zoneSeconds != null && offset == null) {
        offset = ZoneOffset.ofTotalSeconds(zoneSeconds);
      }
      // anything else: a weekday, "de", "of", "le": ignored
    }
    int year;
    int day;
    if (numericDate != null) {
      year = numericDate[0];
      month = numericDate[1];
      day = numericDate[2];
    } else {
      if (month == null || numbers.isEmpty()) {
        return null;
      }
      int yearAt = fourDigits.indexOf(Boolean.TRUE);
      if (yearAt < 0) {
        if (numbers.size() < 2) {
          return null;
        }
        yearAt = numbers.size() - 1; // "01 Jan 04": the two-digit year comes last
      }
      year = expandYear(numbers.get(yearAt), fourDigits.get(yearAt));
      numbers.remove(yearAt);
      if (numbers.isEmpty()) {
        return null;
      }
      day = numbers.get(0);
    }
    int hour = time == null ? 0 : time[0];
    if (pm && hour < 12) {
      hour += 12;
    } else if (am && hour == 12) {
      hour = 0;
    }
    boolean zoneGiven = offset != null;
    return build(
        year,
        month,
        day,
        hour,
        time == null ? 0 : time[1],
        time == null ? 0 : time[2],
        time == null ? 0 : time[3],
        zoneGiven ? offset : ZoneOffset.UTC,
        zoneGiven);
  }

  /** Splits on spaces, and "14-nov-2017" / "nov.14" on their separators when letters appear. */
  private static List<String> splitTokens(String text) {
    List<String> out = new ArrayList<>();
    for (String t : text.split("\\s+")) {
      if (t.isEmpty()) {
        continue;
      }
      boolean letters = t.chars().anyMatch(Character::isLetter);
      if (letters && !TIME.matcher(t).matches() && !NAMED_OFFSET.matcher(t).matches()) {
        for (String part : t.split("(?<=[\\p{L}.])(?=\\d)|(?<=\\d)(?=\\p{L})|[-/]")) {
          if (!part.isEmpty()) {
            out.add(part.endsWith(".") && part.length() > 1 ? stripDot(part) : part);
          }
        }
      } else {
        out.add(t);
      }
    }
    return out;
  }

  private static String stripDot(String part) {
    // "nov." is a month; "14." is an ordinal day, kept for ORDINAL
    return Character.isLetter(part.charAt(0)) ? part.substring(0, part.length() - 1) : part;
  }

  /** d.m.y (Europe), y-m-d / y/m/d (ISO-ish), m/d/y when the day cannot be first. */
  private static int[] numericDate(String a, String sep, String b, String c) {
    int x = Integer.parseInt(a);
    int y = Integer.parseInt(b);
    int z = Integer.parseInt(c);
    if (a.length() == 4) {
      return new int[] {x, y, z};
    }
    int year = expandYear(z, c.length() >= 3);
    if (sep.equals("/") && y > 12 && x <= 12) {
      return new int[] {year, x, y};
    }
    if (sep.equals("/") && x <= 12 && y <= 12) {
      return new int[] {year, x, y}; // ambiguous: the US order, as feed software writes it
    }
    return new int[] {year, y, x};
  }

  private static int expandYear(int year, boolean written) {
    if (written) {
      return year;
    }
    return year < 50 ? 2000 + year : 1900 + year;
  }

  private static Parsed build(
      int year,
      int month,
      int day,
      int hour,
      int minute,
      int second,
      int nanos,
      ZoneOffset offset,
      boolean zoneGiven) {
    if (year < 1900 || year > 2200) {
      return null; // "0000-00-00" placeholders and typos, not dates
    }
    if (hour == 24 && minute == 0 && second == 0) {
      LocalDateTime midnight = LocalDateTime.of(year, month, day, 0, 0).plusDays(1);
      return new Parsed(OffsetDateTime.of(midnight, offset), zoneGiven);
    }
    if (second == 60) {
      second = 59; // a leap second
    }
    LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
    return new Parsed(OffsetDateTime.of(local, offset), zoneGiven);
  }

  private static int nanos(String fraction) {
    if (fraction == null || fraction.isEmpty()) {
      return 0;
    }
    String nine = (fraction + "000000000").substring(0, 9);
    return Integer.parseInt(nine);
  }

  private static ZoneOffset offset(String zone) {
    String z = zone.strip().toLowerCase(Locale.ROOT);
    Integer named = ZONES.get(z);
    if (named != null) {
      return ZoneOffset.ofTotalSeconds(named);
    }
    Matcher m = Pattern.compile("([+-])(\\d{1,2}):?(\\d{2})?").matcher(z);
    if (!m.matches()) {
      return null;
    }
    int hours = Integer.parseInt(m.group(2));
    int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    if (hours > 18 || minutes > 59) {
      return null;
    }
    int sign = m.group(1).equals("-") ? -1 : 1;
    return ZoneOffset.ofTotalSeconds(sign * (hours * 3600 + minutes * 60));
  }

  /** Lower case without diacritics: "março" and "marco" are the same word. */
  static String fold(String word) {
    String n = Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
    return n.replaceAll("\\p{M}+", "").replace("ı", "i");
  }

  private static Map<String, Integer> months() {
    Map<String, Integer> m = new HashMap<>();
    // Full names and the usual abbreviations, by language; folded (no accents).
    String[][] byLanguage = {
      // English
      {
        "january jan",
        "february feb",
        "march mar",
        "april apr",
        "may",
        "june jun",
        "july jul",
        "august aug",
        "september sep sept",
        "october oct",
        "november nov",
        "december dec"
      },
      // French
      {
        "janvier janv",
        "fevrier fevr fev",
        "mars",
        "avril avr",
        "mai",
        "juin",
        "juillet juil",
        "aout",
        "septembre",
        "octobre",
        "novembre",
        "decembre"
      },
      // German
      {
        "januar jan jaenner jaen",
        "februar feb",
        "maerz marz mrz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober okt",
        "november",
        "dezember dez"
      },
      // Spanish and Catalan
      {
        "enero ene gener",
        "febrero febrer",
        "marzo marc",
        "abril abr",
        "mayo maig",
        "junio juny",
        "julio juliol",
        "agosto ago agost",
        "septiembre setiembre set setembre",
        "octubre",
        "noviembre novembre",
        "diciembre dic desembre"
      },
      // Portuguese
      {
        "janeiro",
        "fevereiro fev",
        "marco",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro out",
        "novembro",
        "dezembro dez"
      },
      // Italian
      {
        "gennaio gen",
        "febbraio",
        "marzo",
        "aprile",
        "maggio mag",
        "giugno giu",
        "luglio lug",
        "agosto",
        "settembre",
        "ottobre ott",
        "novembre",
        "dicembre"
      },
      // Dutch
      {
        "januari",
        "februari",
        "maart mrt",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december"
      },
      // Swedish, Danish, Norwegian
      {
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december"
      },
      {
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december"
      },
      // Polish (nominative and genitive)
      {
        "styczen stycznia sty",
        "luty lutego lut",
        "marzec marca",
        "kwiecien kwietnia kwi",
        "maj maja",
        "czerwiec czerwca cze",
        "lipiec lipca lip",
        "sierpien sierpnia sie",
        "wrzesien wrzesnia wrz",
        "pazdziernik pazdziernika paz",
        "listopad listopada lis",
        "grudzien grudnia gru"
      },
      // Czech (genitive as in dates)
      {
        "leden ledna",
        "unor unora",
        "brezen brezna",
        "duben dubna",
        "kveten kvetna",
        "cerven cervna",
        "cervenec cervence",
        "srpen srpna",
        "zari",
        "rijen rijna",
        "listopadu",
        "prosinec prosince"
      },
      // Romanian
      {
        "ianuarie ian",
        "februarie",
        "martie",
        "aprilie",
        "mai",
        "iunie iun",
        "iulie iul",
        "august",
        "septembrie",
        "octombrie",
        "noiembrie noi",
        "decembrie"
      },
      // Turkish
      {
        "ocak", "subat", "mart", "nisan", "mayis", "haziran", "temmuz", "agustos", "eylul", "ekim",
        "kasim", "aralik"
      },
      // Indonesian / Malay
      {
        "januari",
        "februari",
        "maret",
        "april",
        "mei",
        "juni",
        "juli",
        "agustus",
        "september",
        "oktober",
        "november",
        "desember"
      },
      // Hungarian
      {
        "januar",
        "februar",
        "marcius",
        "aprilis",
        "majus",
        "junius",
        "julius",
        "augusztus",
        "szeptember",
        "oktober",
        "november",
        "december"
      },
      // Russian (nominative, genitive, abbreviations)
      {
        "январь января янв",
        "февраль февраля фев",
        "март марта мар",
        "апрель апреля апр",
        "май мая",
        "июнь июня июн",
        "июль июля июл",
        "август августа авг",
        "сентябрь сентября сен сент",
        "октябрь октября окт",
        "ноябрь ноября ноя нояб",
        "декабрь декабря дек"
      },
      // Ukrainian
      {
        "січень січня",
        "лютий лютого",
        "березень березня",
        "квітень квітня",
        "травень травня",
        "червень червня",
        "липень липня",
        "серпень серпня",
        "вересень вересня",
        "жовтень жовтня",
        "листопад листопада",
        "грудень грудня"
      },
      // Greek (genitive as in dates)
      {
        "ιανουαριου ιαν",
        "φεβρουαριου φεβ",
        "μαρτιου μαρ",
        "απριλιου απρ",
        "μαιου μαι",
        "ιουνιου ιουν",
        "ιουλιου ιουλ",
        "αυγουστου αυγ",
        "σεπτεμβριου σεπ",
        "οκτωβριου οκτ",
        "νοεμβριου νοε",
        "δεκεμβριου δεκ"
      },
    };
    for (String[] language : byLanguage) {
      for (int i = 0; i < 12; i++) {
        for (String name : language[i].split(" ")) {
          Integer previous = m.putIfAbsent(fold(name), i + 1);
          if (previous != null && previous != i + 1) {
            throw new IllegalStateException("month name " + name + " is ambiguous");
          }
        }
      }
    }
    return Map.copyOf(m);
  }

  private static Map<String, Integer> zones() {
    Map<String, Integer> z = new HashMap<>();
    String[] entries = {
      "z 0",
      "ut 0",
      "utc 0",
      "gmt 0",
      "wet 0",
      "bst 60",
      "ist 330",
      "cet 60",
      "met 60",
      "mez 60",
      "cest 120",
      "mest 120",
      "mesz 120",
      "west 60",
      "eet 120",
      "eest 180",
      "msk 180",
      "est -300",
      "edt -240",
      "cst -360",
      "cdt -300",
      "mst -420",
      "mdt -360",
      "pst -480",
      "pdt -420",
      "akst -540",
      "akdt -480",
      "hst -600",
      "ast -240",
      "adt -180",
      "nst -210",
      "ndt -150",
      "brt -180",
      "art -180",
      "jst 540",
      "kst 540",
      "hkt 480",
      "sgt 480",
      "awst 480",
      "acst 570",
      "aest 600",
      "aedt 660",
      "nzst 720",
      "nzdt 780",
      "wib 420",
    };
    for (String e : entries) {
      String[] p = e.split(" ");
      z.put(p[0], Integer.parseInt(p[1]) * 60);
    }
    return Map.copyOf(z);
  }
}
