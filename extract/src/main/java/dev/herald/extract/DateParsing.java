package dev.herald.extract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publication dates as pages write them: ISO-8601 with or without offset (with or without the
 * colon), date only, RFC 1123, or epoch seconds and milliseconds. A time without offset is taken as
 * UTC, a date without time as midnight UTC.
 */
final class DateParsing {

  private static final Pattern ISO =
      Pattern.compile(
          "^(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d{1,9})?)?)?"
              + "\\s*(Z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern EPOCH = Pattern.compile("^\\d{10}(\\d{3})?$");

  private static final Pattern URL_DATE =
      Pattern.compile(
          "/((?:19|20)\\d{2})[/-](\\d{1,2}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[/-](\\d{1,2})(?:[/_.-]|$)",
          Pattern.CASE_INSENSITIVE);
  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

  private DateParsing() {}

  /** A date in a news URL path ({@code /2019/11/18/}, {@code /2019/nov/18/}) as midnight UTC. */
  static OffsetDateTime fromUrl(String url) {
    if (url == null) {
      return null;
    }
    Matcher m = URL_DATE.matcher(url);
    if (!m.find()) {
      return null;
    }
    String month = m.group(2).toLowerCase(Locale.ROOT);
    int mm =
        Character.isDigit(month.charAt(0)) ? Integer.parseInt(month) : MONTHS.indexOf(month) + 1;
    try {
      return plausible(
          LocalDate.of(Integer.parseInt(m.group(1)), mm, Integer.parseInt(m.group(3)))
              .atStartOfDay()
              .atOffset(ZoneOffset.UTC));
    } catch (DateTimeException e) {
      return null;
    }
  }

  static OffsetDateTime parse(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.strip();
    if (s.isEmpty() || s.length() > 64) {
      return null;
    }
    try {
      Matcher m = ISO.matcher(s);
      if (m.find()) {
        return fromIso(m);
      }
      if (EPOCH.matcher(s).matches()) {
        long v = Long.parseLong(s);
        Instant t = s.length() == 13 ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
        return plausible(t.atOffset(ZoneOffset.UTC));
      }
      return plausible(OffsetDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME));
    } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
      return null; // an impossible date (month 13) or an unreadable one: no date
    }
  }

  private static OffsetDateTime fromIso(Matcher m) {
    LocalDate date =
        LocalDate.of(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)));
    LocalTime time =
        m.group(4) == null
            ? LocalTime.MIDNIGHT
            : LocalTime.of(
                Integer.parseInt(m.group(4)),
                Integer.parseInt(m.group(5)),
                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
    ZoneOffset offset = offset(m.group(7));
    return plausible(OffsetDateTime.of(LocalDateTime.of(date, time), offset));
  }

  private static ZoneOffset offset(String z) {
    if (z == null
        || z.equalsIgnoreCase("Z")
        || z.equalsIgnoreCase("UTC")
        || z.equalsIgnoreCase("GMT")) {
      return ZoneOffset.UTC;
    }
    String digits = z.substring(1).replace(":", "");
    int hours = Integer.parseInt(digits.substring(0, 2));
    int minutes = digits.length() >= 4 ? Integer.parseInt(digits.substring(2, 4)) : 0;
    int sign = z.charAt(0) == '-' ? -1 : 1;
    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
  }

  private static OffsetDateTime plausible(OffsetDateTime t) {
    return t.getYear() < 1900 || t.getYear() > 2200 ? null : t;
  }
}
