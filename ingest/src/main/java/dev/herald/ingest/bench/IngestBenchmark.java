package dev.herald.ingest.bench;

import dev.herald.ingest.FailureKind;
import dev.herald.ingest.IngestConfig;
import dev.herald.ingest.IngestCounters;
import dev.herald.ingest.IngestService;
import dev.herald.ingest.StateFootprint;
import dev.herald.ingest.poll.FeedPoller;
import dev.herald.ingest.schedule.SchedulePolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * {@code herald bench ingest}: ingest against a local web of simulated feeds ({@link
 * FeedSimulator}: 200, 304, 429, 500, slow and moved feeds over many loopback hosts), publishing to
 * a real Kafka cluster. The ingest runs in a child JVM of its own, so the CPU and heap it reports
 * are the ingest process's alone, not the simulator's or an embedded broker's.
 *
 * <p>Sustained figures are measured after the first interval (when every feed has been polled once)
 * to the end: polls per second, process CPU in cores, publish lag (end of fetch and parse to the
 * broker's acknowledgement). The default run compresses time: 2,000 feeds every 18 s put the same
 * poll rate on ingest (111 polls/s) as 100,000 feeds every 15 minutes; {@code feeds=100000,
 * interval=PT15M} is the real thing and takes more than half an hour.
 */
public final class IngestBenchmark {

  /**
   * A run.
   *
   * @param feeds simulated feeds
   * @param interval each feed's poll interval
   * @param duration the whole run (at least two intervals: the first one is warm-up)
   * @param hosts loopback hosts the feeds are spread over
   * @param pollThreads ingest worker threads
   * @param bootstrapServers the Kafka cluster (its topics must exist)
   * @param heap the child JVM's -Xmx, e.g. "1g"
   */
  public record Settings(
      int feeds,
      Duration interval,
      Duration duration,
      int hosts,
      int pollThreads,
      String bootstrapServers,
      String heap) {

    public Settings {
      Objects.requireNonNull(bootstrapServers, "bootstrapServers");
      if (feeds < 1 || hosts < 1 || pollThreads < 1) {
        throw new IllegalArgumentException("feeds, hosts and pollThreads must be positive");
      }
      if (duration.compareTo(interval.multipliedBy(2)) < 0) {
        throw new IllegalArgumentException("duration must be at least two intervals");
      }
    }

    /**
     * The short default: the poll rate of 100,000 feeds at 15 minutes (2,000 feeds every 18 s) for
     * two minutes, the first of which is mostly warm-up.
     */
    public static Settings quick(String bootstrapServers) {
      return new Settings(
          2_000, Duration.ofSeconds(18), Duration.ofSeconds(120), 50, 64, bootstrapServers, "1g");
    }
  }

  /** What a run measured; {@link #table()} prints it. */
  public record Report(Settings settings, Map<String, String> figures, String served) {

    public String table() {
      StringBuilder sb = new StringBuilder();
      sb.append(
          String.format(
              Locale.ROOT,
              "ingest benchmark: %d feeds over %s hosts, every %s, for %s, %d threads, -Xmx%s%n",
              settings.feeds(),
              figures.getOrDefault("hosts", "?"),
              settings.interval(),
              settings.duration(),
              settings.pollThreads(),
              settings.heap()));
      figures.forEach(
          (k, v) -> {
            if (!k.equals("hosts")) {
              sb.append(String.format(Locale.ROOT, "  %-34s %s%n", k, v));
            }
          });
      sb.append(String.format(Locale.ROOT, "  %-34s %s%n", "simulator served", served));
      return sb.toString();
    }
  }

  private static final String RESULT = "BENCH-RESULT ";
  private static final String PROGRESS = "BENCH ";

  private IngestBenchmark() {}

  /**
   * Runs the benchmark: starts the simulator here and the ingest in a child JVM on this JVM's
   * classpath, waits for it and returns its figures.
   */
  public static Report run(Settings s, PrintStream progress)
      throws IOException, InterruptedException {
    Path work = Files.createTempDirectory("herald-bench");
    Duration retryAfter = s.interval().multipliedBy(2);
    try (FeedSimulator sim = new FeedSimulator(s.feeds(), s.hosts(), 0.2, retryAfter)) {
      Path list = work.resolve("feeds.txt");
      Files.write(list, sim.urls(), StandardCharsets.UTF_8);
      Path log = work.resolve("ingest.log");
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add("-Xmx" + s.heap());
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add(IngestBenchmark.class.getName());
      cmd.add(list.toString());
      cmd.add(s.bootstrapServers());
      cmd.add(String.valueOf(s.interval().toMillis()));
      cmd.add(String.valueOf(s.duration().toMillis()));
      cmd.add(String.valueOf(s.pollThreads()));
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(log.toFile());
      pb.environment().put("HERALD_LOG_LEVEL", "WARN");
      progress.printf(
          "simulating %d feeds on %d host(s); ingest log in %s%n", s.feeds(), sim.hostCount(), log);
      Process child = pb.start();
      Map<String, String> figures = new LinkedHashMap<>();
      figures.put("hosts", String.valueOf(sim.hostCount()));
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          if (line.startsWith(RESULT)) {
            for (String kv : line.substring(RESULT.length()).split(";")) {
              int eq = kv.indexOf('=');
              if (eq > 0) {
                figures.put(kv.substring(0, eq), kv.substring(eq + 1));
              }
            }
          } else if (line.startsWith(PROGRESS)) {
            progress.println(line.substring(PROGRESS.length()));
          }
        }
      }
      long grace = s.duration().toMillis() + 120_000;
      if (!child.waitFor(grace, TimeUnit.MILLISECONDS)) {
        child.destroyForcibly();
        throw new IllegalStateException("the ingest process did not finish; see " + log);
      }
      if (child.exitValue() != 0 || figures.size() <= 1) {
        throw new IllegalStateException(
            "the ingest process failed (exit " + child.exitValue() + "); see " + log);
      }
      return new Report(s, figures, sim.served());
    }
  }

  /**
   * The child: {@code LIST BOOTSTRAP INTERVAL_MS DURATION_MS THREADS}. Runs the ingest service on
   * the list, prints progress lines and one result line on stdout.
   */
  public static void main(String[] args) throws Exception {
    Path list = Path.of(args[0]);
    String bootstrap = args[1];
    Duration interval = Duration.ofMillis(Long.parseLong(args[2]));
    Duration duration = Duration.ofMillis(Long.parseLong(args[3]));
    int threads = Integer.parseInt(args[4]);
    // steady, not adaptive: the simulated rate is the configured one; 10% jitter as in production
    SchedulePolicy policy =
        new SchedulePolicy(
            interval,
            interval,
            interval,
            interval.multipliedBy(4),
            interval.multipliedBy(4),
            0.1,
            false);
    IngestConfig config =
        IngestConfig.of(bootstrap, list, interval, Map.of())
            .withPollThreads(threads)
            .withSchedule(policy)
            .withHostLimits(4, Duration.ofMillis(50));
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long start = System.nanoTime();
    long cpuStart = os.getProcessCpuTime();
    long maxHeap = 0;
    IngestService ingest = new IngestService(config);
    try {
      Thread loop = new Thread(ingest::run, "herald-bench-ingest");
      loop.setDaemon(true);
      loop.start();
      IngestCounters c = ingest.counters();
      long feeds = feedsIn(list);
      // warm-up ends when every feed has been polled once (its first poll publishes every item)
      long warmupEnd = start + duration.toNanos() / 2;
      long end = start + duration.toNanos();
      long cpuWarm = -1;
      long pollsWarm = 0;
      long wallWarm = 0;
      long nextReport = start + TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < end) {
        Thread.sleep(500);
        maxHeap = Math.max(maxHeap, memory.getHeapMemoryUsage().getUsed());
        long now = System.nanoTime();
        if (cpuWarm < 0 && (now >= warmupEnd || c.polls() >= feeds)) {
          cpuWarm = os.getProcessCpuTime();
          pollsWarm = c.polls();
          wallWarm = now;
        }
        if (now >= nextReport) {
          System.out.printf(
              Locale.ROOT,
              PROGRESS + "%3.0f s: %d polls, %d articles, %d failed, CPU %.2f cores so far%n",
              (now - start) / 1e9,
              c.polls(),
              c.articlesPublished(),
              c.failed(),
              (os.getProcessCpuTime() - cpuStart) / (double) (now - start));
          nextReport += TimeUnit.SECONDS.toNanos(10);
        }
      }
      long now = System.nanoTime();
      long cpuEnd = os.getProcessCpuTime();
      double window = (now - wallWarm) / 1e9;
      long windowPolls = c.polls() - pollsWarm;
      double target = feeds / (interval.toMillis() / 1000.0);
      double cpuPerPoll = (cpuEnd - cpuWarm) / 1e6 / Math.max(1, windowPolls);
      Map<String, String> r = new LinkedHashMap<>();
      r.put("warm-up (first poll of every feed)", fmt((wallWarm - start) / 1e9) + " s");
      r.put("sustained polls/s (after warm-up)", fmt(windowPolls / window));
      r.put("target polls/s (feeds / interval)", fmt(target));
      r.put(
          "process CPU, cores (after warm-up)",
          fmt((cpuEnd - cpuWarm) / (double) (now - wallWarm)));
      r.put("process CPU, cores (whole run)", fmt((cpuEnd - cpuStart) / (double) (now - start)));
      r.put("process CPU per poll (after warm-up)", fmt(cpuPerPoll) + " ms");
      r.put("projected cores at the target rate", fmt(cpuPerPoll * target / 1000));
      r.put("heap used, max sampled MB", fmt(maxHeap / 1e6));
      r.put("polls", String.valueOf(c.polls()));
      r.put(
          "outcomes",
          String.format(
              "fetched %d, 304 %d, unchanged %d, failed %d (HTTP %d, timeout %d)",
              c.fetched(),
              c.notModified(),
              c.unchanged(),
              c.failed(),
              c.failed(FailureKind.HTTP_STATUS),
              c.failed(FailureKind.TIMEOUT)));
      r.put("articles published", String.valueOf(c.articlesPublished()));
      r.put(
          "feeds moved (301)",
          String.valueOf(
              ingest.feedStates().values().stream().filter(st -> st.getMovedTo() != null).count()));
      r.put("host deferrals", String.valueOf(c.hostDeferrals()));
      r.put(
          "publish lag after fetch: mean, p50, p99 at most",
          c.publishLag().mean().toMillis()
              + " ms, "
              + c.publishLag().quantileUpperBound(0.5).toMillis()
              + " ms, "
              + c.publishLag().quantileUpperBound(0.99).toMillis()
              + " ms");
      r.put(
          "fetch and parse time: p50, p99 at most",
          c.fetchTime().quantileUpperBound(0.5).toMillis()
              + " ms, "
              + c.fetchTime().quantileUpperBound(0.99).toMillis()
              + " ms");
      ingest.close();
      System.gc();
      r.put("heap live after GC MB", fmt(memory.getHeapMemoryUsage().getUsed() / 1e6));
      r.put(
          "heap for the states of 100,000 feeds MB",
          fmt(StateFootprint.bytesFor(100_000, FeedPoller.DEFAULT_RECENT_ITEM_LIMIT) / 1e6)
              + " (200 recent ids each, the cap)");
      StringBuilder line = new StringBuilder(RESULT);
      r.forEach((k, v) -> line.append(k).append('=').append(v).append(';'));
      System.out.println(line);
    } finally {
      ingest.close(); // idempotent: already closed before the heap was measured
    }
    System.exit(0);
  }

  /** Keys and values of the result line hold neither '=' nor ';'. */
  private static long feedsIn(Path list) throws IOException {
    return Files.readAllLines(list).stream().filter(l -> !l.isBlank()).count();
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.2f", d);
  }
}
