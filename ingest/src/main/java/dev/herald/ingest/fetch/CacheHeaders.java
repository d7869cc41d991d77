package dev.herald.ingest.fetch;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How long a response stays fresh, from Cache-Control and Expires (RFC 9111, as a client). */
final class CacheHeaders {

  private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d+)");

  private CacheHeaders() {}

  /**
   * The freshness lifetime, or null when the server gives none or forbids caching ({@code
   * no-cache}, {@code no-store}): then only the configured interval counts.
   */
  static Duration freshFor(HttpHeaders headers, Instant now) {
    String cc = String.join(",", headers.allValues("Cache-Control")).toLowerCase(Locale.ROOT);
    if (cc.contains("no-store") || cc.contains("no-cache")) {
      return null;
    }
    Matcher m = MAX_AGE.matcher(cc);
    if (m.find()) {
      try {
        long seconds = Long.parseLong(m.group(1));
        long age = headers.firstValueAsLong("Age").orElse(0L);
        return Duration.ofSeconds(Math.max(0, seconds - Math.max(0, age)));
      } catch (NumberFormatException tooLong) {
        return null;
      }
    }
    String expires = headers.firstValue("Expires").orElse(null);
    if (expires == null) {
      return null;
    }
    try {
      Instant at =
          ZonedDateTime.parse(expires.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Instant date = headers.firstValue("Date").map(CacheHeaders::httpDate).orElse(now);
      Duration d = Duration.between(date == null ? now : date, at);
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeParseException invalid) {
      return Duration.ZERO; // "Expires: 0" and the like mean already stale
    }
  }

  private static Instant httpDate(String value) {
    try {
      return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
