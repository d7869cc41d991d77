package dev.herald.app.cli;

import dev.herald.app.bench.BenchOutput;
import dev.herald.app.bench.EnrichBenchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code herald bench}: enrich throughput against a Kafka Streams passthrough, and latency. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Measure, in one run on one broker, a Kafka Streams passthrough and Herald's enrich"
            + " topology on the same generated articles (exactly_once_v2), and publish-to-alert"
            + " latency at a fixed rate. Progress on stderr; a table (or, with --json, one JSON"
            + " object as the last line) on stdout. Starts an embedded broker unless given"
            + " --bootstrap-servers; on a cluster it writes to Herald's topics: use a test"
            + " cluster.")
public final class BenchCommand implements Callable<Integer> {
  /** The shortest run that still leaves each phase a few seconds after the broker starts. */
  static final int MIN_DURATION_SECONDS = 20;

  @Spec CommandSpec spec;
  @Mixin KafkaOptions kafka = new KafkaOptions();

  @Option(
      names = "--duration",
      paramLabel = "SECONDS",
      description = "Bound of the whole run, in seconds (default 270, at least 20).")
  int durationSeconds = 270;

  @Option(
      names = "--rate",
      paramLabel = "ARTICLES_PER_SECOND",
      description = "Articles per second offered in the latency phase (default 50).")
  double rate = 50;

  @Option(
      names = "--latency-articles",
      paramLabel = "N",
      description =
          "Articles sent in the latency phase (default 0: as many as its share of the time"
              + " allows); the run ends early when they are all through.")
  int latencyArticles;

  @Option(
      names = "--articles",
      paramLabel = "N",
      description = "Articles published for the throughput phases (default 8000).")
  int articles = 8000;

  @Option(
      names = "--copies",
      paramLabel = "SHARE",
      description = "Share of syndicated copies among the articles, 0 to 0.9 (default 0.1).")
  double copies = 0.1;

  @Option(
      names = "--warm-up-articles",
      paramLabel = "N",
      description =
          "Articles of a separate set run through a separate enrich application before anything"
              + " is measured, so that the JVM is warm as a running daemon is (default 30000;"
              + " 0: only the tagging code is warmed, on the main thread).")
  int warmUpArticles = 30000;

  @Option(names = "--seed", paramLabel = "N", description = "Generator seed (default 42).")
  long seed = 42;

  @Option(names = "--json", description = "Print one JSON object as the last line of stdout.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Map<String, String> env = System.getenv();
    List<String> problems = new ArrayList<>();
    if (durationSeconds < MIN_DURATION_SECONDS) {
      problems.add(
          "duration must be at least " + MIN_DURATION_SECONDS + " seconds, not " + durationSeconds);
    }
    if (!(rate > 0) || rate > 10_000) {
      problems.add("rate must be above 0 and at most 10000 articles/s, not " + rate);
    }
    if (latencyArticles < 0) {
      problems.add("latency articles must be 0 or more, not " + latencyArticles);
    }
    if (articles < 100) {
      problems.add("articles must be at least 100, not " + articles);
    }
    if (warmUpArticles < 0) {
      problems.add("warm-up articles must be 0 or more, not " + warmUpArticles);
    }
    if (!(copies >= 0 && copies <= 0.9)) {
      problems.add("copies must be between 0 and 0.9, not " + copies);
    }
    Map<String, String> clientProps = KafkaOptions.clientProperties(env, problems);
    StageOptions.check(problems);

    Path work = Files.createTempDirectory("herald-bench-");
    try {
      EnrichBenchmark.Report report =
          EnrichBenchmark.run(
              new EnrichBenchmark.Settings(
                  Duration.ofSeconds(durationSeconds),
                  rate,
                  latencyArticles,
                  articles,
                  copies,
                  warmUpArticles,
                  seed,
                  kafka.bootstrapServers(env),
                  clientProps,
                  work,
                  Home.dir().resolve("samples").resolve("articles")),
              System.err);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(BenchOutput.json(report));
        out.flush();
      } else {
        BenchOutput.table(report, out);
      }
      return 0;
    } finally {
      deleteQuietly(work);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // best effort: a temporary folder
                }
              });
    } catch (IOException e) {
      // best effort
    }
  }
}
