package dev.herald.app.cli;

import dev.herald.app.broker.EmbeddedKafka;
import dev.herald.app.pipeline.TopicSetup;
import dev.herald.ingest.bench.IngestBenchmark;
import dev.herald.ingest.cli.FeedsJob;
import dev.herald.ingest.cli.FeedsParseJob;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Feed tools: the feed registry on Kafka, the parser over local files, the ingest benchmark. */
@Command(
    name = "feeds",
    mixinStandardHelpOptions = true,
    description =
        "Feed tools: the feed registry (herald.feeds) that ingest polls, the feed parser, the"
            + " ingest benchmark.",
    subcommands = {
      FeedsCommand.Add.class,
      FeedsCommand.Remove.class,
      FeedsCommand.ListFeeds.class,
      FeedsCommand.Import.class,
      FeedsCommand.Export.class,
      FeedsCommand.Parse.class,
      FeedsCommand.Bench.class
    })
public final class FeedsCommand {

  /** Where Kafka is, as for the daemons; opens a {@link FeedsJob} on it. */
  abstract static class RegistryCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin KafkaOptions kafka = new KafkaOptions();

    /** Validates the options first (every problem at once, exit 2), then connects. */
    FeedsJob open(List<String> problems) {
      Map<String, String> env = System.getenv();
      String bootstrap = IngestCommand.orLocal(kafka.bootstrapServers(env));
      Map<String, String> clientProps = KafkaOptions.clientProperties(env, problems);
      StageOptions.check(problems);
      Map<String, Object> client = new HashMap<>(clientProps);
      client.put("bootstrap.servers", bootstrap);
      return new FeedsJob(client);
    }

    /** Runs {@code job} with a PrintStream, then copies what it printed to the command's out. */
    <T> T printing(PrintingCall<T> job) throws Exception {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      try (PrintStream ps = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
        try {
          return job.call(ps);
        } finally {
          PrintWriter out = spec.commandLine().getOut();
          out.print(buffer.toString(StandardCharsets.UTF_8));
          out.flush();
        }
      }
    }

    /** A bad URL, path or file: the message alone, exit 2. */
    int usage(IllegalArgumentException e) {
      spec.commandLine().getErr().println("herald feeds " + spec.name() + ": " + e.getMessage());
      spec.commandLine().getErr().flush();
      return 2;
    }
  }

  /** A job step that prints its progress. */
  @FunctionalInterface
  interface PrintingCall<T> {
    T call(PrintStream out) throws Exception;
  }

  /** {@code herald feeds add}. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description =
          "Subscribe feeds: write them to the registry (an already registered feed gets the new"
              + " interval and title). Paths become file: URLs.")
  static final class Add extends RegistryCommand {
    @Parameters(arity = "1..*", paramLabel = "URL", description = "Feed URLs (or local paths).")
    List<String> urls;

    @Option(
        names = "--interval",
        paramLabel = "DURATION",
        description = "Poll interval, ISO-8601 or 90s/15m/2h/1d (default PT15M).")
    String interval;

    @Option(names = "--title", paramLabel = "TEXT", description = "A label for the feed(s).")
    String title;

    @Override
    public Integer call() throws Exception {
      List<String> problems = new ArrayList<>();
      Duration d = interval == null ? null : parseInterval(interval, problems);
      try (FeedsJob job = open(problems)) {
        printing(out -> job.add(urls, title, d, out));
        return 0;
      } catch (IllegalArgumentException e) {
        return usage(e);
      }
    }
  }

  /** {@code herald feeds remove}. */
  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description =
          "Unsubscribe feeds: tombstone them in the registry and their state in herald.feed-state."
              + " Exit 1 when one of them was not registered.")
  static final class Remove extends RegistryCommand {
    @Parameters(arity = "1..*", paramLabel = "URL", description = "Feed URLs as registered.")
    List<String> urls;

    @Override
    public Integer call() throws Exception {
      try (FeedsJob job = open(new ArrayList<>())) {
        int removed = printing(out -> job.remove(urls, out));
        return removed == urls.size() ? 0 : 1;
      }
    }
  }

  /** {@code herald feeds list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "Print the registry, one feed a line sorted by URL: url, title, interval seconds,"
              + " enabled, added at (tab-separated; credentials in URLs are masked).")
  static final class ListFeeds extends RegistryCommand {
    @Override
    public Integer call() throws Exception {
      try (FeedsJob job = open(new ArrayList<>())) {
        int n = job.list(spec.commandLine().getOut());
        spec.commandLine().getErr().printf("%d feed(s) registered%n", n);
        spec.commandLine().getErr().flush();
        return 0;
      }
    }
  }

  /** {@code herald feeds import}. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description =
          "Subscribe every feed of an OPML file or a feed list (one URL or path per line, #"
              + " comments) that is not registered yet; registered feeds stay as they are. What"
              + " herald run/ingest --feeds FILE does first.")
  static final class Import extends RegistryCommand {
    @Parameters(arity = "1", paramLabel = "FILE", description = "OPML or plain feed list.")
    Path file;

    @Option(
        names = "--interval",
        paramLabel = "DURATION",
        description = "Poll interval of the new feeds, ISO-8601 or 90s/15m/2h/1d (default PT15M).")
    String interval;

    @Override
    public Integer call() throws Exception {
      List<String> problems = new ArrayList<>();
      Duration d = interval == null ? null : parseInterval(interval, problems);
      if (!Files.isReadable(file)) {
        problems.add("feed list " + file + " is not a readable file");
      }
      try (FeedsJob job = open(problems)) {
        printing(out -> job.importFile(file, d, out));
        return 0;
      } catch (IllegalArgumentException e) {
        return usage(e);
      }
    }
  }

  /** {@code herald feeds export}. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description =
          "Write the registry as OPML 2.0, sorted by URL. URLs keep their credentials, so that"
              + " the file imports again: treat it as a secret when feeds carry them.")
  static final class Export extends RegistryCommand {
    @Option(
        names = "--output",
        paramLabel = "F.opml",
        description = "Output file (default: stdout).")
    Path output;

    @Override
    public Integer call() throws Exception {
      try (FeedsJob job = open(new ArrayList<>())) {
        if (output == null || output.toString().equals("-")) {
          job.exportOpml(spec.commandLine().getOut());
          return 0;
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        int n;
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(output))) {
          n = job.exportOpml(w);
        }
        spec.commandLine().getErr().printf("%d feed(s) written to %s%n", n, output);
        spec.commandLine().getErr().flush();
        return 0;
      }
    }
  }

  /** {@code herald feeds parse}: Herald's feed parser over local files, one line per file. */
  @Command(
      name = "parse",
      mixinStandardHelpOptions = true,
      description =
          "Parse feed files as ingest does. One output line per input file, in order:"
              + " {\"file\",\"ok\",\"error\",\"feed_title\",\"items\":[{\"id\",\"title\",\"link\",\"published\"}]}."
              + " Never stops on a bad file.")
  static final class Parse implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Feed files.")
    List<String> files;

    @Option(
        names = "--output",
        required = true,
        paramLabel = "F.jsonl",
        description = "Output file ('-' for stdout).")
    Path output;

    @Override
    public Integer call() throws Exception {
      try (Writer out = JsonLinesFiles.writer(output)) {
        new FeedsParseJob().run(files, out, System.err);
      }
      return 0;
    }
  }

  /** {@code herald feeds bench}: the ingest benchmark against the local feed simulator. */
  @Command(
      name = "bench",
      mixinStandardHelpOptions = true,
      description =
          "Ingest benchmark: a local simulator serves N feeds (200, 304, 429, 500, slow, 301) on"
              + " loopback hosts; ingest runs in a child JVM (so its CPU and heap are its own) on"
              + " the registry of a fresh embedded broker (in this JVM, beside the simulator). Reports"
              + " sustained polls/s, ingest process CPU, heap and publish lag.")
  static final class Bench implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--feeds",
        paramLabel = "N",
        description = "Simulated feeds (default 2000: at PT18S, the rate of 100,000 at PT15M).")
    int feeds = 2_000;

    @Option(
        names = "--interval",
        paramLabel = "DURATION",
        description = "Poll interval of every feed, ISO-8601 or 18s/15m (default PT18S).")
    String interval = "PT18S";

    @Option(
        names = "--duration",
        paramLabel = "DURATION",
        description =
            "Whole run, at least two intervals; the first interval is warm-up (default PT2M).")
    String duration = "PT2M";

    @Option(
        names = "--hosts",
        paramLabel = "N",
        description = "Loopback hosts the feeds are spread over (default 50).")
    int hosts = 50;

    @Option(
        names = "--threads",
        paramLabel = "N",
        description = "Ingest worker threads (default 64).")
    int threads = 64;

    @Option(
        names = "--heap",
        paramLabel = "SIZE",
        description = "-Xmx of the ingest JVM (default 1g).")
    String heap = "1g";

    @Option(names = "--json", description = "Print the figures as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      List<String> problems = new ArrayList<>();
      Duration every = parseInterval(interval, problems);
      Duration total = parseInterval(duration, problems);
      if (feeds < 1 || hosts < 1 || threads < 1) {
        problems.add("--feeds, --hosts and --threads must be positive");
      }
      if (every != null && total != null && total.compareTo(every.multipliedBy(2)) < 0) {
        problems.add("--duration must be at least two intervals");
      }
      StageOptions.check(problems);
      PrintWriter err = spec.commandLine().getErr();
      PrintStream progress = new PrintStream(System.err, true, StandardCharsets.UTF_8);
      Path work = Files.createTempDirectory("herald-feeds-bench-");
      // Always a fresh broker of its own: the benchmark fills the registry with simulated feeds.
      try (EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"), 0)) {
        String bootstrap = kafka.bootstrapServers();
        err.printf("Embedded Kafka broker on %s%n", bootstrap);
        err.flush();
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
          TopicSetup.ensureTopics(admin);
        }
        IngestBenchmark.Report report =
            IngestBenchmark.run(
                new IngestBenchmark.Settings(feeds, every, total, hosts, threads, bootstrap, heap),
                progress);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? report.json() + "\n" : report.table());
        out.flush();
        return 0;
      } finally {
        deleteTree(work);
      }
    }
  }

  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*([smhd])");

  /** ISO-8601 ({@code PT15M}) or short ({@code 90s}, {@code 15m}, {@code 2h}, {@code 1d}). */
  static Duration parseInterval(String text, List<String> problems) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Matcher m = SHORT_DURATION.matcher(t);
    Duration d = null;
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      d =
          switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
          };
    } else {
      try {
        d = Duration.parse(text.strip());
      } catch (DateTimeParseException e) {
        problems.add("not a duration (PT15M, 15m, 90s): " + text);
        return null;
      }
    }
    if (d.isNegative() || d.isZero()) {
      problems.add("duration must be positive: " + text);
      return null;
    }
    return d;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a temp directory left behind is harmless
    }
  }
}
