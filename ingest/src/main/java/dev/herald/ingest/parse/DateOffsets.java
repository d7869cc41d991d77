package dev.herald.ingest.parse;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the UTC offset out of a date string as feeds write them (RFC 822 "Tue, 14 Nov 2017 09:00:00
 * +0300", W3C/ISO "2017-11-14T09:00:00+03:00") and returns it as {@code +03:00}. Best effort: null
 * when the string names no offset.
 */
public final class DateOffsets {

  private static final Pattern NUMERIC =
      Pattern.compile("(?<=[\\d\\s])([+-])(\\d{2}):?(\\d{2})\\s*$");
  private static final Pattern ZULU = Pattern.compile("\\d(?:\\.\\d+)?Z\\s*$");
  private static final Pattern NAMED = Pattern.compile("\\s([A-Za-z]{1,4})\\s*$");

  /** RFC 822 zone names; single military letters other than Z are ambiguous and ignored. */
  private static final Map<String, String> NAMED_ZONES =
      Map.ofEntries(
          Map.entry("UT", "+00:00"),
          Map.entry("UTC", "+00:00"),
          Map.entry("GMT", "+00:00"),
          Map.entry("Z", "+00:00"),
          Map.entry("EST", "-05:00"),
          Map.entry("EDT", "-04:00"),
          Map.entry("CST", "-06:00"),
          Map.entry("CDT", "-05:00"),
          Map.entry("MST", "-07:00"),
          Map.entry("MDT", "-06:00"),
          Map.entry("PST", "-08:00"),
          Map.entry("PDT", "-07:00"));

  private DateOffsets() {}

  public static String offsetOf(String rawDate) {
    if (rawDate == null || rawDate.isBlank()) {
      return null;
    }
    String s = rawDate.strip();
    Matcher m = NUMERIC.matcher(s);
    if (m.find()) {
      int hours = Integer.parseInt(m.group(2));
      int minutes = Integer.parseInt(m.group(3));
      if (hours > 18 || minutes > 59) {
        return null;
      }
      return m.group(1) + m.group(2) + ":" + m.group(3);
    }
    if (ZULU.matcher(s).find()) {
      return "+00:00";
    }
    Matcher named = NAMED.matcher(s);
    if (named.find()) {
      return NAMED_ZONES.get(named.group(1).toUpperCase(Locale.ROOT));
    }
    return null;
  }
}
