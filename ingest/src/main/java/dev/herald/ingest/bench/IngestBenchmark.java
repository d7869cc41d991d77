package dev.herald.ingest.bench;

import dev.herald.avro.FeedState;
import dev.herald.ingest.FailureKind;
import dev.herald.ingest.IngestConfig;
import dev.herald.ingest.IngestCounters;
import dev.herald.ingest.IngestService;
import dev.herald.ingest.LatencyHistogram;
import dev.herald.ingest.StateFootprint;
import dev.herald.ingest.poll.FeedPoller;
import dev.herald.ingest.schedule.HostLimiter;
import dev.herald.ingest.schedule.SchedulePolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code herald feeds bench}: ingest against a local web of simulated feeds ({@link FeedSimulator}:
 * 200, 304, 429, 500, slow and moved feeds over many loopback hosts), publishing to a real Kafka
 * cluster. The ingest runs in a child JVM of its own, so the CPU and heap it reports are the ingest
 * process's alone, not the simulator's or an embedded broker's; the poll workers' share of it is
 * measured apart from their threads' CPU time. As in production, the feed list is imported into the
 * registry and the service polls it.
 *
 * <p>Sustained figures are measured after the first poll of every feed (or half the run) to the
 * end: polls per second, process CPU in cores, publish lag (end of fetch and parse to the broker's
 * acknowledgement), how late polls start after they were due, and per simulated behaviour the rate
 * achieved next to the rate the feeds' schedules ask for: failing feeds back off, 429s wait for
 * their Retry-After and hold their whole host, so the scheduled rate is below feeds / interval, and
 * a shortfall against the schedule (not against feeds / interval) is ingest falling behind. The
 * default run compresses time: 2,000 feeds every 18 s put the same poll rate on ingest (111
 * polls/s) as 100,000 feeds every 15 minutes; {@code feeds=100000, interval=PT15M} is the real
 * thing and takes more than half an hour.
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
            if (!k.equals("hosts") && !k.startsWith(JSON_KEY)) {
              sb.append(String.format(Locale.ROOT, "  %-34s %s%n", k, v));
            }
          });
      sb.append(String.format(Locale.ROOT, "  %-34s %s%n", "simulator served", served));
      return sb.toString();
    }

    /** The figures as one JSON object: settings, measured numbers, what the simulator served. */
    public String json() {
      com.fasterxml.jackson.databind.node.ObjectNode o =
          com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      o.put("feeds", settings.feeds());
      o.put("hosts", Integer.parseInt(figures.getOrDefault("hosts", "0")));
      o.put("interval", settings.interval().toString());
      o.put("duration", settings.duration().toString());
      o.put("threads", settings.pollThreads());
      o.put("heap_limit", settings.heap());
      figures.forEach(
          (k, v) -> {
            if (k.startsWith(JSON_KEY)) {
              // dotted names nest: by_behaviour.normal.feeds
              String[] path = k.substring(JSON_KEY.length()).split("\\.");
              com.fasterxml.jackson.databind.node.ObjectNode at = o;
              for (int i = 0; i < path.length - 1; i++) {
                at =
                    at.has(path[i])
                        ? (com.fasterxml.jackson.databind.node.ObjectNode) at.get(path[i])
                        : at.putObject(path[i]);
              }
              String name = path[path.length - 1];
              try {
                at.put(name, Double.parseDouble(v));
              } catch (NumberFormatException e) {
                at.put(name, v);
              }
            }
          });
      o.put("outcomes", figures.getOrDefault("outcomes", ""));
      o.put("simulator_served", served);
      return o.toString();
    }
  }

  /** Figures under this prefix are the machine-readable ones (for --json). */
  private static final String JSON_KEY = "json.";

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
      // e.g. a profiler: HERALD_BENCH_JAVA_OPTS=-XX:StartFlightRecording=filename=ingest.jfr
      String extra = System.getenv("HERALD_BENCH_JAVA_OPTS");
      if (extra != null && !extra.isBlank()) {
        cmd.addAll(List.of(extra.strip().split("\\s+")));
      }
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
   * The child: {@code LIST BOOTSTRAP INTERVAL_MS DURATION_MS THREADS}. Imports the list into the
   * registry, runs the ingest service on it, prints progress lines and one result line on stdout.
   */
  public static void main(String[] args) throws Exception {
    dev.herald.ingest.fetch.CommonPool.avoidThreadPerTask();
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
    ThreadMXBean threadsBean = ManagementFactory.getThreadMXBean();
    List<String> urls = Files.readAllLines(list).stream().filter(l -> !l.isBlank()).toList();
    long feeds = urls.size();
    long start = System.nanoTime();
    long cpuStart = os.getProcessCpuTime();
    long maxHeap = 0;
    // as in production: the list is imported into the registry, which the service then polls
    IngestService ingest = IngestService.withRegistry(config, "herald-bench");
    try {
      Thread loop = new Thread(ingest::run, "herald-bench-ingest");
      loop.setDaemon(true);
      loop.start();
      IngestCounters c = ingest.counters();
      // warm-up ends when every feed has been polled once (its first poll publishes every item),
      // or at half the run at the latest
      long warmupEnd = start + duration.toNanos() / 2;
      long end = start + duration.toNanos();
      Window warm = null;
      long nextReport = start + TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < end) {
        Thread.sleep(500);
        maxHeap = Math.max(maxHeap, memory.getHeapMemoryUsage().getUsed());
        long now = System.nanoTime();
        if (warm == null && (now >= warmupEnd || ingest.knownFeeds() >= feeds)) {
          warm = Window.mark(ingest, os, threadsBean, now);
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
      if (warm == null) {
        warm = Window.mark(ingest, os, threadsBean, now);
      }
      long cpuEnd = os.getProcessCpuTime();
      long workersEnd = workerCpu(threadsBean);
      double window = Math.max(1e-9, (now - warm.wall()) / 1e9);
      long windowPolls = c.polls() - warm.polls();
      double target = feeds / (interval.toMillis() / 1000.0);
      double cores = (cpuEnd - warm.cpu()) / (double) Math.max(1, now - warm.wall());
      double workerCores =
          (workersEnd - warm.workerCpu()) / (double) Math.max(1, now - warm.wall());
      double cpuPerPoll = (cpuEnd - warm.cpu()) / 1e6 / Math.max(1, windowPolls);
      LatencyHistogram lag = c.publishLag().since(warm.publishLag());
      LatencyHistogram fetch = c.fetchTime().since(warm.fetchTime());
      LatencyHistogram late = c.startDelay().since(warm.startDelay());
      Map<String, FeedState> endStates = ingest.feedStates();
      Map<String, double[]> groups = byBehaviour(urls, warm.fetchCounts(), endStates, window);
      double scheduled = groups.values().stream().mapToDouble(g -> g[2]).sum();
      Map<String, String> r = new LinkedHashMap<>();
      r.put("warm-up (first poll of every feed)", fmt((warm.wall() - start) / 1e9) + " s");
      r.put("sustained polls/s (after warm-up)", fmt(windowPolls / window));
      r.put("target polls/s (feeds / interval)", fmt(target));
      r.put("scheduled polls/s (what feeds ask)", fmt(scheduled));
      r.put(
          "poll start after due: p50, p99 at most",
          late.quantileUpperBound(0.5).toMillis()
              + " ms, "
              + late.quantileUpperBound(0.99).toMillis()
              + " ms");
      groups.forEach(
          (name, g) ->
              r.put(
                  "  " + name + " (" + (long) g[0] + " feeds)",
                  String.format(
                      Locale.ROOT,
                      "achieved %.2f, scheduled %.2f, feeds/interval %.2f polls/s",
                      g[1],
                      g[2],
                      g[0] / (interval.toMillis() / 1000.0))));
      r.put("process CPU, cores (after warm-up)", fmt(cores));
      r.put("  of which poll worker threads", fmt(workerCores));
      r.put("process CPU, cores (whole run)", fmt((cpuEnd - cpuStart) / (double) (now - start)));
      r.put("process CPU per poll (after warm-up)", fmt(cpuPerPoll) + " ms");
      r.put("projected cores at the target rate", fmt(cpuPerPoll * target / 1000));
      double threadsPerPoll =
          (threadsBean.getTotalStartedThreadCount() - warm.threadsStarted())
              / (double) Math.max(1, windowPolls);
      r.put("threads started per poll", fmt(threadsPerPoll));
      Map<String, Double> byGroup =
          cpuByThreadGroup(threadsBean, warm.threadCpu(), now - warm.wall());
      double javaThreads = byGroup.values().stream().mapToDouble(Double::doubleValue).sum();
      byGroup.put("JVM (GC, JIT) and ended threads", Math.max(0, cores - javaThreads));
      StringBuilder groupsLine = new StringBuilder();
      byGroup.entrySet().stream()
          .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
          .limit(6)
          .forEach(
              e ->
                  groupsLine
                      .append(groupsLine.length() == 0 ? "" : ", ")
                      .append(e.getKey())
                      .append(' ')
                      .append(fmt(e.getValue())));
      r.put("CPU cores by thread (after warm-up)", groupsLine.toString());
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
      r.put("feeds moved (301)", String.valueOf(c.feedsMoved()));
      r.put("host deferrals", String.valueOf(c.hostDeferrals()));
      r.put(
          "publish lag after fetch: mean, p50, p99 at most",
          lag.mean().toMillis()
              + " ms, "
              + lag.quantileUpperBound(0.5).toMillis()
              + " ms, "
              + lag.quantileUpperBound(0.99).toMillis()
              + " ms");
      r.put(
          "fetch and parse time: p50, p99 at most",
          fetch.quantileUpperBound(0.5).toMillis()
              + " ms, "
              + fetch.quantileUpperBound(0.99).toMillis()
              + " ms");
      ingest.close();
      System.gc();
      double liveMb = memory.getHeapMemoryUsage().getUsed() / 1e6;
      r.put("heap live after GC MB", fmt(liveMb));
      // measured on 10,000 states (building 100,000 takes a minute of CPU), scaled
      r.put(
          "heap for the states of 100,000 feeds MB",
          fmt(StateFootprint.bytesFor(10_000, FeedPoller.DEFAULT_RECENT_ITEM_LIMIT) * 10 / 1e6)
              + " (200 recent ids each, the cap, 10,000 measured x 10)");
      r.put(JSON_KEY + "warmup_seconds", fmt((warm.wall() - start) / 1e9));
      r.put(JSON_KEY + "sustained_polls_per_second", fmt(windowPolls / window));
      r.put(JSON_KEY + "target_polls_per_second", fmt(target));
      r.put(JSON_KEY + "scheduled_polls_per_second", fmt(scheduled));
      r.put(JSON_KEY + "start_after_due_p50_ms_at_most", fmt(millis(late, 0.5)));
      r.put(JSON_KEY + "start_after_due_p99_ms_at_most", fmt(millis(late, 0.99)));
      groups.forEach(
          (name, g) -> {
            String k = JSON_KEY + "by_behaviour." + name.replace(' ', '_') + ".";
            r.put(k + "feeds", String.valueOf((long) g[0]));
            r.put(k + "achieved_polls_per_second", fmt(g[1]));
            r.put(k + "scheduled_polls_per_second", fmt(g[2]));
          });
      r.put(JSON_KEY + "process_cpu_cores", fmt(cores));
      r.put(JSON_KEY + "worker_threads_cpu_cores", fmt(workerCores));
      r.put(JSON_KEY + "cpu_ms_per_poll", fmt(cpuPerPoll));
      r.put(JSON_KEY + "projected_cores_at_target", fmt(cpuPerPoll * target / 1000));
      r.put(JSON_KEY + "threads_started_per_poll", fmt(threadsPerPoll));
      r.put(JSON_KEY + "heap_max_sampled_mb", fmt(maxHeap / 1e6));
      r.put(JSON_KEY + "heap_live_after_gc_mb", fmt(liveMb));
      r.put(JSON_KEY + "polls", String.valueOf(c.polls()));
      r.put(JSON_KEY + "window_polls", String.valueOf(windowPolls));
      r.put(JSON_KEY + "articles_published", String.valueOf(c.articlesPublished()));
      r.put(JSON_KEY + "host_deferrals", String.valueOf(c.hostDeferrals()));
      r.put(JSON_KEY + "publish_lag_p50_ms_at_most", fmt(millis(lag, 0.5)));
      r.put(JSON_KEY + "publish_lag_p99_ms_at_most", fmt(millis(lag, 0.99)));
      r.put(JSON_KEY + "publish_lag_mean_ms", fmt(lag.mean().toNanos() / 1e6));
      StringBuilder line = new StringBuilder(RESULT);
      r.forEach((k, v) -> line.append(k).append('=').append(v).append(';'));
      System.out.println(line);
    } finally {
      ingest.close(); // idempotent: already closed before the heap was measured
    }
    System.exit(0);
  }

  /** What the sustained window is measured from. */
  private record Window(
      long wall,
      long cpu,
      long workerCpu,
      long polls,
      long threadsStarted,
      Map<Long, Long> threadCpu,
      LatencyHistogram publishLag,
      LatencyHistogram fetchTime,
      LatencyHistogram startDelay,
      Map<String, Long> fetchCounts) {

    static Window mark(
        IngestService ingest,
        com.sun.management.OperatingSystemMXBean os,
        ThreadMXBean threads,
        long now) {
      IngestCounters c = ingest.counters();
      Map<String, Long> counts = new HashMap<>();
      ingest.feedStates().forEach((url, st) -> counts.put(url, st.getFetchCount()));
      return new Window(
          now,
          os.getProcessCpuTime(),
          IngestBenchmark.workerCpu(threads),
          c.polls(),
          threads.getTotalStartedThreadCount(),
          IngestBenchmark.threadCpu(threads),
          c.publishLag().snapshot(),
          c.fetchTime().snapshot(),
          c.startDelay().snapshot(),
          counts);
    }
  }

  private static final Pattern FEED_NUMBER = Pattern.compile("/feed/(\\d+)");

  /**
   * Per simulated behaviour (and, for the feeds that share a host with throttled ones, apart: a 429
   * holds its whole host): feeds, polls/s achieved in the window (from each feed's fetch count) and
   * polls/s its schedule asks for now (one over the time from its last poll to its next one), so a
   * rate below feeds / interval can be told apart from ingest falling behind.
   */
  static Map<String, double[]> byBehaviour(
      List<String> urls,
      Map<String, Long> countsAtStart,
      Map<String, FeedState> statesAtEnd,
      double windowSeconds) {
    Set<String> throttlingHosts = new HashSet<>();
    for (String url : urls) {
      if (behaviour(url) == FeedSimulator.Behaviour.THROTTLED) {
        throttlingHosts.add(HostLimiter.hostOf(url));
      }
    }
    Map<String, double[]> groups = new TreeMap<>();
    Map<String, String> groupOfFeed = new HashMap<>();
    for (String url : urls) {
      FeedSimulator.Behaviour b = behaviour(url);
      if (b == null) {
        continue;
      }
      String name = b.name().toLowerCase(Locale.ROOT).replace('_', ' ');
      if (b != FeedSimulator.Behaviour.THROTTLED
          && throttlingHosts.contains(HostLimiter.hostOf(url))) {
        name += " on 429 hosts";
      }
      groupOfFeed.put(feedKey(url), name);
      groups.computeIfAbsent(name, k -> new double[3])[0]++;
    }
    Map<String, Long> startByFeed = new HashMap<>();
    countsAtStart.forEach((url, n) -> startByFeed.merge(feedKey(url), n, Math::max));
    Map<String, FeedState> endByFeed = new HashMap<>();
    // a moved feed is known under both addresses for a while: its newest state counts
    statesAtEnd.forEach(
        (url, st) ->
            endByFeed.merge(
                feedKey(url), st, (a, b) -> a.getFetchCount() >= b.getFetchCount() ? a : b));
    endByFeed.forEach(
        (feed, st) -> {
          double[] g = groups.get(groupOfFeed.get(feed));
          if (g == null) {
            return;
          }
          long before = startByFeed.getOrDefault(feed, 0L);
          g[1] += Math.max(0, st.getFetchCount() - before) / windowSeconds;
          if (st.getNextPollAt() != null && st.getLastFetchAt() != null) {
            long gap = Duration.between(st.getLastFetchAt(), st.getNextPollAt()).toMillis();
            if (gap > 0) {
              g[2] += 1000.0 / gap;
            }
          }
        });
    return groups;
  }

  private static FeedSimulator.Behaviour behaviour(String url) {
    String key = feedKey(url);
    return key == null ? null : FeedSimulator.Behaviour.of(Integer.parseInt(key));
  }

  /** The simulated feed's number (the same before and after a 301). */
  private static String feedKey(String url) {
    Matcher m = FEED_NUMBER.matcher(url);
    return m.find() ? m.group(1) : null;
  }

  /** CPU time of every live thread by id. */
  private static Map<Long, Long> threadCpu(ThreadMXBean bean) {
    Map<Long, Long> out = new HashMap<>();
    for (long id : bean.getAllThreadIds()) {
      long cpu = bean.getThreadCpuTime(id);
      if (cpu > 0) {
        out.put(id, cpu);
      }
    }
    return out;
  }

  /**
   * Cores used since {@code before} by the live threads, grouped by name with the numbers taken out
   * ({@code herald-ingest-N}, {@code HttpClient-N-SelectorManager}, …).
   */
  private static Map<String, Double> cpuByThreadGroup(
      ThreadMXBean bean, Map<Long, Long> before, long wallNanos) {
    Map<String, Double> out = new HashMap<>();
    for (ThreadInfo t : bean.getThreadInfo(bean.getAllThreadIds())) {
      if (t == null) {
        continue;
      }
      long cpu = bean.getThreadCpuTime(t.getThreadId());
      if (cpu <= 0) {
        continue;
      }
      long used = cpu - before.getOrDefault(t.getThreadId(), 0L);
      String group = t.getThreadName().replaceAll("\\d+", "N");
      out.merge(group, used / (double) Math.max(1, wallNanos), Double::sum);
    }
    return out;
  }

  private static double millis(LatencyHistogram h, double q) {
    return h.quantileUpperBound(q).toNanos() / 1e6;
  }

  /**
   * CPU time of the poll workers ({@code herald-ingest-N}: fetch, parse, map, hand to the producer)
   * so far; the rest of the process is the producer's I/O thread, the registry consumer, GC and
   * JIT.
   */
  private static long workerCpu(ThreadMXBean bean) {
    long sum = 0;
    for (ThreadInfo t : bean.getThreadInfo(bean.getAllThreadIds())) {
      if (t != null && t.getThreadName().matches("herald-ingest-\\d+")) {
        long cpu = bean.getThreadCpuTime(t.getThreadId());
        if (cpu > 0) {
          sum += cpu;
        }
      }
    }
    return sum;
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.2f", d);
  }
}
