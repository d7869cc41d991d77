package dev.herald.sink;

import dev.herald.sink.TargetSpec.JsonLines;
import dev.herald.sink.TargetSpec.Postgres;
import dev.herald.sink.TargetSpec.Retry;
import dev.herald.sink.TargetSpec.Rotation;
import dev.herald.sink.TargetSpec.Webhook;
import dev.herald.sink.TargetSpec.WebhookFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code herald sink --to KIND:WHERE} values (or {@code HERALD_SINK_TO}) and the settings
 * that go with them, collecting every problem instead of stopping at the first.
 *
 * <pre>
 * --to jsonl:out/alerts.jsonl
 * --to webhook:https://hooks.example/herald        (plain JSON, one POST per alert)
 * --to slack:https://hooks.slack.com/services/…    (Slack incoming-webhook message)
 * --to slack:env:SLACK_WEBHOOK_URL                 (URL from that variable, or its _FILE)
 * --to postgres:jdbc:postgresql://db:5432/herald   (user and password from HERALD_PG_*)
 * </pre>
 *
 * Without any value the sink writes JSON Lines to the alerts file, as before.
 */
public final class TargetSpecs {

  /** Comma-separated list of targets when no {@code --to} is given. */
  public static final String TO_ENV = "HERALD_SINK_TO";

  /** Every setting read here, with its meaning (for the configuration table). */
  public static final Map<String, String> SETTINGS = settings();

  private static final Pattern SIZE =
      Pattern.compile("(\\d+)\\s*([kmgt]?)(i?b?)", Pattern.CASE_INSENSITIVE);

  /** A comma starts a new target only when a kind follows it (URLs may hold commas). */
  private static final Pattern TARGET_SEPARATOR =
      Pattern.compile(",\\s*(?=(?:jsonl|webhook|slack|postgres):)", Pattern.CASE_INSENSITIVE);

  private TargetSpecs() {}

  /**
   * The targets of a sink.
   *
   * @param to the {@code --to} values in order; when empty, {@code HERALD_SINK_TO} is split on
   *     commas; when that is unset too, one JSON Lines target on {@code defaultAlertsFile}
   * @param env environment variables (or flags mapped to the same names), see {@link #SETTINGS}
   * @param defaultAlertsFile the file of the default target ({@code --alerts-file})
   * @param problems receives every problem found; the returned list then holds only the targets
   *     that could be read
   */
  public static List<TargetSpec> parse(
      List<String> to, Map<String, String> env, Path defaultAlertsFile, List<String> problems) {
    List<String> values = new ArrayList<>();
    if (to != null) {
      to.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).forEach(values::add);
    }
    if (values.isEmpty()) {
      values.addAll(split(env.get(TO_ENV)));
    }
    Settings settings = new Settings(env, problems);
    List<TargetSpec> specs = new ArrayList<>();
    if (values.isEmpty()) {
      if (defaultAlertsFile == null) {
        problems.add("no sink target: give --to KIND:WHERE or " + TO_ENV);
      } else {
        specs.add(new JsonLines(defaultAlertsFile, settings.rotation));
      }
    }
    for (String value : values) {
      TargetSpec spec = parseOne(value, settings, env, problems);
      if (spec != null) {
        List<String> p = spec.problems();
        if (p.isEmpty()) {
          specs.add(spec);
        } else {
          problems.addAll(p);
        }
      }
    }
    List<String> seen = new ArrayList<>();
    for (TargetSpec s : specs) {
      if (s instanceof JsonLines j) {
        String file = j.file().toAbsolutePath().normalize().toString();
        if (seen.contains(file)) {
          problems.add("jsonl:" + j.file() + " is given twice: one target per file");
        }
        seen.add(file);
      }
    }
    return List.copyOf(specs);
  }

  /** Splits {@code HERALD_SINK_TO}: on commas that start a new {@code KIND:} target. */
  public static List<String> split(String list) {
    List<String> out = new ArrayList<>();
    if (list == null || list.isBlank()) {
      return out;
    }
    for (String part : TARGET_SEPARATOR.split(list.strip())) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  private static TargetSpec parseOne(
      String value, Settings settings, Map<String, String> env, List<String> problems) {
    int colon = value.indexOf(':');
    String kind = colon < 0 ? "" : value.substring(0, colon).strip().toLowerCase(Locale.ROOT);
    String where = colon < 0 ? "" : value.substring(colon + 1).strip();
    switch (kind) {
      case "jsonl" -> {
        try {
          return new JsonLines(where.isEmpty() ? null : Path.of(where), settings.rotation);
        } catch (InvalidPathException e) {
          problems.add("jsonl target: not a valid path: " + where);
          return null;
        }
      }
      case "webhook", "slack" -> {
        WebhookFormat format = kind.equals("slack") ? WebhookFormat.SLACK : WebhookFormat.JSON;
        Secret url = new Secret(where);
        if (where.regionMatches(true, 0, "env:", 0, 4)) {
          String name = where.substring(4).strip();
          url = secret(env, name, problems);
          if (url.isEmpty()) {
            problems.add(
                kind + ":env:" + name + ": neither " + name + " nor " + name + "_FILE is set");
            return null;
          }
        }
        return new Webhook(url, format, settings.retry);
      }
      case "postgres", "postgresql" -> {
        String url = where.startsWith("postgresql:") ? "jdbc:" + where : where;
        return new Postgres(
            url,
            blankToNull(env.get("HERALD_PG_USER")),
            secret(env, "HERALD_PG_PASSWORD", problems),
            env.get("HERALD_PG_TABLE"));
      }
      default -> {
        String shown = colon < 0 ? Webhook.redact(value) : kind + ":…";
        problems.add(
            "unknown sink target "
                + shown
                + ": use jsonl:PATH, webhook:URL, slack:URL or postgres:JDBC_URL");
        return null;
      }
    }
  }

  /**
   * A secret from {@code NAME}, or from the file named by {@code NAME_FILE} (trailing newline
   * removed); empty when neither is set. Both set is a problem.
   */
  public static Secret secret(Map<String, String> env, String name, List<String> problems) {
    String direct = env.get(name);
    String file = env.get(name + "_FILE");
    if (direct != null && !direct.isEmpty() && file != null && !file.isBlank()) {
      problems.add("both " + name + " and " + name + "_FILE are set: give one");
      return new Secret(null);
    }
    if (file != null && !file.isBlank()) {
      try {
        String v = Files.readString(Path.of(file.strip()), StandardCharsets.UTF_8);
        return new Secret(v.replaceFirst("\\R+$", ""));
      } catch (IOException | InvalidPathException e) {
        problems.add(
            name
                + "_FILE: cannot read "
                + file.strip()
                + " ("
                + e.getClass().getSimpleName()
                + ")");
        return new Secret(null);
      }
    }
    return new Secret(direct == null || direct.isEmpty() ? null : direct);
  }

  /**
   * A size such as {@code 104857600}, {@code 100MB}, {@code 100M}, {@code 100MiB} or {@code 512k}:
   * K, M, G and T are powers of 1024.
   */
  public static long parseSize(String text) {
    Matcher m = SIZE.matcher(text.strip());
    if (!m.matches()
        || (!m.group(3).isEmpty() && m.group(2).isEmpty() && !m.group(3).equalsIgnoreCase("b"))) {
      throw new IllegalArgumentException("not a size: " + text);
    }
    long n = Long.parseLong(m.group(1));
    int shift =
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
          case "k" -> 10;
          case "m" -> 20;
          case "g" -> 30;
          case "t" -> 40;
          default -> 0;
        };
    if (shift > 0 && n > (Long.MAX_VALUE >> shift)) {
      throw new IllegalArgumentException("size too large: " + text);
    }
    return n << shift;
  }

  /** Settings shared by every target of one kind. */
  private static final class Settings {
    final Rotation rotation;
    final Retry retry;

    Settings(Map<String, String> env, List<String> problems) {
      long maxBytes = 0;
      String size = env.get("HERALD_SINK_ROTATE_SIZE");
      if (size != null && !size.isBlank()) {
        try {
          maxBytes = parseSize(size);
        } catch (IllegalArgumentException e) {
          problems.add("HERALD_SINK_ROTATE_SIZE: " + e.getMessage() + " (e.g. 100MB)");
        }
      }
      Duration every = duration(env, "HERALD_SINK_ROTATE_EVERY", null, problems);
      int keep = integer(env, "HERALD_SINK_KEEP_FILES", 0, problems);
      this.rotation = new Rotation(maxBytes, every, keep);
      Retry d = Retry.DEFAULT;
      this.retry =
          new Retry(
              integer(env, "HERALD_WEBHOOK_ATTEMPTS", d.attempts(), problems),
              duration(env, "HERALD_WEBHOOK_BACKOFF", d.initialBackoff(), problems),
              duration(env, "HERALD_WEBHOOK_MAX_BACKOFF", d.maxBackoff(), problems),
              duration(env, "HERALD_WEBHOOK_TIMEOUT", d.timeout(), problems));
    }
  }

  private static Duration duration(
      Map<String, String> env, String name, Duration fallback, List<String> problems) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Duration.parse(v.strip());
    } catch (DateTimeParseException e) {
      problems.add(name + ": not an ISO-8601 duration (e.g. PT30S, P1D): " + v);
      return fallback;
    }
  }

  private static int integer(
      Map<String, String> env, String name, int fallback, List<String> problems) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      problems.add(name + ": not a whole number: " + v);
      return fallback;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static Map<String, String> settings() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put(
        TO_ENV,
        "comma-separated sink targets when no --to is given (default: jsonl on the alerts file)");
    s.put(
        "HERALD_SINK_ROTATE_SIZE",
        "rotate JSON Lines files before this size (100MB, 1GiB); unset: never");
    s.put(
        "HERALD_SINK_ROTATE_EVERY",
        "rotate JSON Lines files every period, UTC-aligned (P1D, PT1H); unset: never");
    s.put("HERALD_SINK_KEEP_FILES", "rotated JSON Lines files kept (oldest deleted); 0: all");
    s.put("HERALD_WEBHOOK_ATTEMPTS", "tries per alert before it goes to herald.dlq (5)");
    s.put("HERALD_WEBHOOK_BACKOFF", "wait after the first failed try, doubled each time (PT1S)");
    s.put("HERALD_WEBHOOK_MAX_BACKOFF", "longest wait between tries (PT1M)");
    s.put("HERALD_WEBHOOK_TIMEOUT", "connect and response timeout per request (PT10S)");
    s.put("HERALD_PG_USER", "PostgreSQL role (else from the JDBC URL)");
    s.put("HERALD_PG_PASSWORD", "PostgreSQL password; or HERALD_PG_PASSWORD_FILE; never logged");
    s.put("HERALD_PG_TABLE", "PostgreSQL table, created on start (herald_alerts)");
    return java.util.Collections.unmodifiableMap(s);
  }
}
