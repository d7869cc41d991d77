package dev.herald.sink;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the sink delivers alerts: one of {@link JsonLines}, {@link Webhook} or {@link Postgres}.
 * {@link TargetSpecs#parse} builds them from {@code --to} values; {@link #problems()} lists what is
 * wrong with one, all at once. {@code toString()} never shows a secret.
 */
public sealed interface TargetSpec {

  /** The kind and where, without secrets: for logs, metrics and {@code herald config check}. */
  String describe();

  /** Every problem with this target, empty when it is valid. */
  List<String> problems();

  /**
   * Rotation of a JSON Lines file. The active file keeps its name; a rotated one is renamed to
   * {@code <stem>-<yyyyMMdd'T'HHmmss'Z'>.<ext>} beside it.
   *
   * @param maxBytes rotate before a line would take the file past this size; 0: never by size
   * @param every rotate when the current period of this length (counted from the epoch in UTC, so
   *     {@code P1D} rotates at midnight UTC and {@code PT1H} on the hour) is not the one of the
   *     file's last line; null: never by time
   * @param keep rotated files to keep, the oldest are deleted; 0 keeps all
   */
  record Rotation(long maxBytes, Duration every, int keep) {

    /** One file forever. */
    public static final Rotation NONE = new Rotation(0, null, 0);

    public boolean enabled() {
      return maxBytes > 0 || every != null;
    }

    List<String> problems() {
      List<String> p = new ArrayList<>();
      if (maxBytes < 0) {
        p.add("rotation size must not be negative, not " + maxBytes);
      }
      if (every != null && (every.isNegative() || every.toSeconds() < 1)) {
        p.add("rotation period must be at least one second, not " + every);
      }
      if (keep < 0) {
        p.add("rotated files to keep must not be negative, not " + keep);
      }
      return p;
    }
  }

  /**
   * A JSON Lines file: one plain-JSON alert per line, every version of an alert once.
   *
   * @param file the active file (parent folders are created)
   * @param rotation when to start a new file
   */
  record JsonLines(Path file, Rotation rotation) implements TargetSpec {

    public JsonLines {
      rotation = rotation == null ? Rotation.NONE : rotation;
    }

    @Override
    public String describe() {
      return "jsonl:" + file;
    }

    @Override
    public List<String> problems() {
      List<String> p = new ArrayList<>();
      if (file == null || file.toString().isBlank()) {
        p.add("jsonl target needs a file: jsonl:PATH");
      }
      p.addAll(rotation.problems());
      return p;
    }
  }

  /** What a webhook receives. */
  enum WebhookFormat {
    /** One alert per POST, the plain JSON of the alert (as in the JSON Lines file). */
    JSON,
    /** One Slack incoming-webhook message per alert ({@code text} and {@code blocks}). */
    SLACK;

    String prefix() {
      return this == JSON ? "webhook" : "slack";
    }
  }

  /**
   * Retries of a webhook: attempt n (from 1) waits {@code initialBackoff × 2^(n-1)}, at most {@code
   * maxBackoff} (or the server's Retry-After, within the same cap) before attempt n+1.
   *
   * @param attempts tries in all, 1 or more; after the last one the alert goes to the dead-letter
   *     topic
   * @param timeout per request (connect and response)
   */
  record Retry(int attempts, Duration initialBackoff, Duration maxBackoff, Duration timeout) {

    public static final Retry DEFAULT =
        new Retry(5, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofSeconds(10));

    /** The wait before the attempt after {@code attempt} (1-based). */
    public Duration backoff(int attempt) {
      Duration d = initialBackoff;
      for (int i = 1; i < attempt && d.compareTo(maxBackoff) < 0; i++) {
        d = d.multipliedBy(2);
      }
      return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }

    List<String> problems() {
      List<String> p = new ArrayList<>();
      if (attempts < 1) {
        p.add("webhook attempts must be at least 1, not " + attempts);
      }
      if (initialBackoff == null || initialBackoff.isNegative()) {
        p.add("webhook backoff must not be negative, not " + initialBackoff);
      }
      if (maxBackoff == null
          || initialBackoff != null && maxBackoff.compareTo(initialBackoff) < 0) {
        p.add("webhook maximum backoff must be at least the backoff, not " + maxBackoff);
      }
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        p.add("webhook timeout must be positive, not " + timeout);
      }
      return p;
    }
  }

  /**
   * An HTTP(S) endpoint receiving a POST per alert; failed alerts go to {@code herald.dlq} after
   * the last retry.
   *
   * @param url the endpoint; secret (Slack's carry their token in the path), shown as scheme and
   *     host only
   */
  record Webhook(Secret url, WebhookFormat format, Retry retry) implements TargetSpec {

    public Webhook {
      Objects.requireNonNull(format, "format");
      retry = retry == null ? Retry.DEFAULT : retry;
    }

    /** The endpoint as a URI (valid when {@link #problems()} is empty). */
    public URI uri() {
      return URI.create(url.reveal().strip());
    }

    @Override
    public String describe() {
      return format.prefix() + ":" + redact(url.reveal());
    }

    @Override
    public List<String> problems() {
      List<String> p = new ArrayList<>();
      if (url == null || url.isEmpty()) {
        p.add(format.prefix() + " target needs a URL: " + format.prefix() + ":https://...");
      } else {
        try {
          URI u = uri();
          String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
          if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
            p.add(describe() + ": the URL must be http(s)://host/...");
          }
        } catch (IllegalArgumentException e) {
          p.add(format.prefix() + " target: not a valid URL");
        }
      }
      p.addAll(retry.problems());
      return p;
    }

    @Override
    public String toString() {
      return "Webhook[" + describe() + ", " + retry + "]";
    }

    /** {@code https://hooks.example/…}: scheme and authority only (no user info, no path). */
    static String redact(String url) {
      if (url == null) {
        return "(none)";
      }
      try {
        URI u = URI.create(url.strip());
        if (u.getHost() != null) {
          return u.getScheme()
              + "://"
              + u.getHost()
              + (u.getPort() >= 0 ? ":" + u.getPort() : "")
              + "/…";
        }
      } catch (IllegalArgumentException e) {
        // fall through
      }
      return "(invalid URL)";
    }
  }

  /**
   * A PostgreSQL table of alerts, one row per alert id, upserted; created on start.
   *
   * @param jdbcUrl {@code jdbc:postgresql://host[:port]/database[?…]}
   * @param user the role; null to take it from the URL
   * @param password the role's password; empty to take it from the URL or use none
   * @param table the table, optionally schema-qualified ({@code herald.alerts})
   */
  record Postgres(String jdbcUrl, String user, Secret password, String table)
      implements TargetSpec {

    public static final String DEFAULT_TABLE = "herald_alerts";
    private static final Pattern TABLE =
        Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");
    private static final Pattern URL_SECRETS = Pattern.compile("(?i)(password|sslpassword)=[^&;]*");

    public Postgres {
      password = password == null ? new Secret(null) : password;
      table = table == null || table.isBlank() ? DEFAULT_TABLE : table.strip();
    }

    @Override
    public String describe() {
      return "postgres:" + redactUrl(jdbcUrl) + " table " + table;
    }

    @Override
    public List<String> problems() {
      List<String> p = new ArrayList<>();
      if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
        p.add(
            "postgres target needs a JDBC URL: postgres:jdbc:postgresql://host[:port]/database,"
                + " not "
                + redactUrl(jdbcUrl));
      }
      if (!TABLE.matcher(table).matches()) {
        p.add("postgres table must be a plain or schema-qualified SQL name, not " + table);
      }
      return p;
    }

    @Override
    public String toString() {
      return "Postgres[" + describe() + ", user " + user + ", password " + password + "]";
    }

    static String redactUrl(String url) {
      return url == null ? "(none)" : URL_SECRETS.matcher(url).replaceAll("$1=****");
    }
  }
}
