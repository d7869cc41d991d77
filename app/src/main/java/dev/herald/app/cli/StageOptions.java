package dev.herald.app.cli;

import dev.herald.app.config.ConfigException;
import dev.herald.enrich.EnrichConfig;
import dev.herald.ingest.IngestConfig;
import dev.herald.ingest.page.PageFetchSettings;
import dev.herald.sink.SinkConfig;
import dev.herald.sink.TargetSpecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Options shared by the commands that run stages, each with its environment variable. Checked all
 * at once by {@link #validate}: every problem is reported before anything starts.
 */
final class StageOptions {
  @Option(
      names = "--feeds",
      paramLabel = "FILE",
      description = "Feed list: URLs one per line, or OPML (env HERALD_FEEDS).")
  Path feeds;

  @Option(
      names = "--alerts-file",
      paramLabel = "FILE",
      description =
          "JSON Lines file the sink appends alerts to (env HERALD_ALERTS_FILE; default out/alerts.jsonl).")
  Path alertsFile;

  @Option(
      names = "--to",
      paramLabel = "TARGET",
      description =
          "Where the sink delivers alerts, repeatable (env HERALD_SINK_TO, comma-separated):"
              + " jsonl:PATH, webhook:URL, slack:URL, postgres:jdbc:postgresql://HOST/DB."
              + " Default: jsonl on the alerts file.")
  List<String> to;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description = "Kafka Streams state directory (env HERALD_STATE_DIR; default data/streams).")
  Path stateDir;

  @Option(
      names = "--poll-interval",
      paramLabel = "DURATION",
      description =
          "How often each feed is polled, ISO-8601 (env HERALD_POLL_INTERVAL; default PT15M).")
  String pollInterval;

  @Option(
      names = "--processing-guarantee",
      paramLabel = "G",
      description =
          "exactly_once_v2 or at_least_once (env HERALD_PROCESSING_GUARANTEE; default exactly_once_v2).")
  String processingGuarantee;

  @Option(
      names = "--dedupe-retention",
      paramLabel = "DURATION",
      description =
          "How long articles are remembered for dedupe, ISO-8601 (env HERALD_DEDUPE_RETENTION; default P7D).")
  String dedupeRetention;

  /**
   * The settings of every stage, validated; throws {@link ConfigException} listing all problems.
   */
  Stages resolve(
      String bootstrap,
      Map<String, String> clientProps,
      Map<String, String> env,
      boolean needFeeds,
      List<String> problems) {
    return resolve(bootstrap, clientProps, env, needFeeds, false, problems);
  }

  /**
   * As {@link #resolve}, for the stages that poll the feed registry: the feed list is optional (an
   * import into the registry), and the ingest configuration is there even without one.
   */
  Stages resolveWithRegistry(
      String bootstrap,
      Map<String, String> clientProps,
      Map<String, String> env,
      List<String> problems) {
    return resolve(bootstrap, clientProps, env, false, true, problems);
  }

  private Stages resolve(
      String bootstrap,
      Map<String, String> clientProps,
      Map<String, String> env,
      boolean needFeeds,
      boolean registry,
      List<String> problems) {
    Path feedList = feeds != null ? feeds : pathEnv(env, "HERALD_FEEDS");
    if (needFeeds && feedList == null) {
      problems.add("no feed list: give --feeds FILE or HERALD_FEEDS");
    } else if ((needFeeds || registry) && feedList != null && !Files.isReadable(feedList)) {
      problems.add("feed list " + feedList + " is not a readable file");
    }
    Path alerts =
        alertsFile != null
            ? alertsFile
            : orDefault(pathEnv(env, "HERALD_ALERTS_FILE"), Path.of("out", "alerts.jsonl"));
    Path state =
        stateDir != null
            ? stateDir
            : orDefault(pathEnv(env, "HERALD_STATE_DIR"), Path.of("data", "streams"));
    Duration interval =
        duration("poll interval", pollInterval, env.get("HERALD_POLL_INTERVAL"), "PT15M", problems);
    Duration retention =
        duration(
            "dedupe retention",
            dedupeRetention,
            env.get("HERALD_DEDUPE_RETENTION"),
            "P7D",
            problems);
    String guarantee =
        processingGuarantee != null
            ? processingGuarantee
            : env.getOrDefault("HERALD_PROCESSING_GUARANTEE", "exactly_once_v2");

    EnrichConfig enrich =
        new EnrichConfig(
            EnrichConfig.DEFAULT_APPLICATION_ID,
            bootstrap,
            guarantee,
            retention == null ? Duration.ofDays(7) : retention,
            Duration.ofDays(60),
            state,
            1,
            clientProps);
    problems.addAll(enrich.problems());
    SinkConfig sink =
        new SinkConfig(
            bootstrap,
            "herald-sink",
            alerts,
            Map.copyOf(clientProps),
            TargetSpecs.parse(to == null ? List.of() : to, env, alerts, problems));
    // Without a feed list (enrich, sink) there is no ingest stage to configure, unless it polls
    // the registry.
    IngestConfig ingest =
        feedList == null && !registry
            ? null
            : withPages(
                IngestConfig.of(
                    bootstrap,
                    feedList,
                    interval == null ? Duration.ofMinutes(15) : interval,
                    Map.copyOf(clientProps)),
                env,
                problems);
    return new Stages(ingest, enrich, sink);
  }

  /**
   * Every stage's configuration; {@code ingest} is null when no feed list was given (except with
   * the registry, where its feed list may be null).
   */
  record Stages(IngestConfig ingest, EnrichConfig enrich, SinkConfig sink) {}

  /** The User-Agent (HERALD_USER_AGENT) and article-page settings (HERALD_PAGE_FETCH_*). */
  private static IngestConfig withPages(
      IngestConfig config, Map<String, String> env, List<String> problems) {
    String agent = env.get("HERALD_USER_AGENT");
    try {
      IngestConfig c = config.withPages(PageFetchSettings.fromEnv(env, problems));
      return agent == null || agent.isBlank() ? c : c.withUserAgent(agent.strip());
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return config;
    }
  }

  private static Path pathEnv(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : Path.of(v);
  }

  private static Path orDefault(Path p, Path d) {
    return p != null ? p : d;
  }

  private static Duration duration(
      String what, String flag, String envValue, String def, List<String> problems) {
    String v = flag != null ? flag : envValue != null ? envValue : def;
    try {
      Duration d = Duration.parse(v);
      if (d.isNegative() || d.isZero()) {
        problems.add(what + " must be positive: " + v);
        return null;
      }
      return d;
    } catch (DateTimeParseException e) {
      problems.add(what + " is not an ISO-8601 duration such as PT15M or P7D: " + v);
      return null;
    }
  }

  static void check(List<String> problems) {
    ConfigException.throwIfAny(new ArrayList<>(problems));
  }
}
