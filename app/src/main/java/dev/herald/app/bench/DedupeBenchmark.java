package dev.herald.app.bench;

import dev.herald.app.broker.EmbeddedKafka;
import dev.herald.avro.DedupeEntry;
import dev.herald.avro.EnrichedArticle;
import dev.herald.avro.RawArticle;
import dev.herald.enrich.DedupeStage;
import dev.herald.enrich.EnrichConfig;
import dev.herald.enrich.EnrichMetrics;
import dev.herald.enrich.EnrichService;
import dev.herald.enrich.EnrichTopology;
import dev.herald.nlp.dedupe.NearDupFingerprint;
import dev.herald.nlp.dedupe.NearDupFingerprinter;
import dev.herald.schemas.Topics;
import dev.herald.schemas.serde.HeraldSerdes;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

/**
 * Throughput of the enrich dedupe stage (repeat filter and near-duplicate detection, exactly the
 * enrich wiring, without tagging) against a passthrough topology (decode, write), on the same
 * embedded broker, the same raw topic and the same Streams settings ({@code exactly_once_v2}), in
 * the same run, alternating rounds. Throughput is the steady state: articles output between the
 * moment 5 % of the output is readable (read_committed) and the last record; CPU is that of the
 * application's own threads over the same window. Not a JUnit test: run {@link #main}.
 */
public final class DedupeBenchmark {

  /**
   * @param articles articles in the stream
   * @param copyShare share of them that are syndicated copies
   * @param partitions partitions of the raw and output topics
   * @param streamThreads stream threads of each application
   * @param rounds passthrough/dedupe pairs, back to back in each round (each pair, the median of
   *     the warm pairs and the best of each stage are reported)
   * @param seed generator seed
   * @param stages the stages each round runs, in order: {@code passthrough} (required, the
   *     baseline), {@code dedupe}, and the floors {@code fingerprint} (passthrough + fingerprint)
   *     and {@code fingerprint+entry} (+ one entry record per article, no index)
   */
  public record Settings(
      int articles,
      double copyShare,
      int partitions,
      int streamThreads,
      int rounds,
      long seed,
      List<String> stages) {
    public static final List<String> STAGES =
        List.of("passthrough", "fingerprint", "fingerprint+entry", "dedupe");

    public Settings {
      stages = List.copyOf(stages);
      if (!stages.contains("passthrough") || !STAGES.containsAll(stages)) {
        throw new IllegalArgumentException(
            "stages must include passthrough and be among " + STAGES + ": " + stages);
      }
    }

    /**
     * 20 000 articles, a fifth copies, 6 partitions, two rounds, and as many stream threads as
     * enrich starts by default (one per core, at most one per raw partition), for both stages.
     */
    public static Settings defaults() {
      int threads = EnrichConfig.defaults("unused:9092", null).streamThreads();
      return new Settings(20_000, 0.2, 6, threads, 2, 42L, List.of("passthrough", "dedupe"));
    }
  }

  /** One application run over the whole stream; records and time of its steady state. */
  public record Run(
      String stage,
      int round,
      long records,
      double seconds,
      long linkedCopies,
      double cpuMicros,
      double processCpuMicros,
      double wholeSeconds,
      double wholeProcessCpuMicros,
      double jitMicros) {
    public double perSecond() {
      return records / seconds;
    }

    /** CPU time of the application's own threads (stream threads, their clients) per article. */
    public double cpuMicrosPerArticle() {
      return cpuMicros / records;
    }

    /**
     * CPU time of the whole process per article: the application, the embedded broker beside it and
     * the benchmark's reader, over the same window.
     */
    public double processCpuMicrosPerArticle() {
      return processCpuMicros / records;
    }

    /**
     * Process CPU per article over the whole run, from the start of the application to the last
     * record out (startup included). The steady window alone flatters a topology with several hops:
     * while its first 5 % of output waits on the last hop, the first hops have already done much of
     * the stream's work before the window opens.
     */
    public double wholeProcessCpuMicrosPerArticle(long articles) {
      return wholeProcessCpuMicros / articles;
    }

    /**
     * Share of the process CPU in the steady window taken by the JIT compilers (negative when
     * unknown). While it is high, the window measures compilation as much as the stage.
     */
    public double jitShare() {
      return jitMicros < 0 ? -1 : jitMicros / Math.max(1, processCpuMicros);
    }
  }

  /**
   * @param stateBytes changelog bytes per dedupe store after the last dedupe run
   */
  public record Report(
      Settings settings,
      List<Run> runs,
      int copiesGenerated,
      double meanTextChars,
      Map<String, Long> stateBytes) {
    public double best(String stage) {
      return runs.stream()
          .filter(r -> r.stage().equals(stage))
          .mapToDouble(Run::perSecond)
          .max()
          .orElse(0);
    }

    /** The run of a stage in a round, or null. */
    public Run run(String stage, int round) {
      return runs.stream()
          .filter(x -> x.stage().equals(stage) && x.round() == round)
          .findFirst()
          .orElse(null);
    }

    public double ratio() {
      return best("dedupe") / best("passthrough");
    }

    /** The lowest CPU cost per article of a stage's runs. */
    public double cpuPerArticle(String stage) {
      return runs.stream()
          .filter(r -> r.stage().equals(stage))
          .mapToDouble(Run::cpuMicrosPerArticle)
          .min()
          .orElse(0);
    }

    /** The lowest process CPU cost per article of a stage's runs. */
    public double processCpuPerArticle(String stage) {
      return runs.stream()
          .filter(r -> r.stage().equals(stage))
          .mapToDouble(Run::processCpuMicrosPerArticle)
          .min()
          .orElse(0);
    }
  }

  private static final String OUT_PREFIX = "bench.out.";
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(15);

  private DedupeBenchmark() {}

  /** Generates the stream, starts a broker under {@code workDir}, runs the rounds. */
  public static Report run(Settings s, Path articlesDir, Path workDir, PrintStream log)
      throws Exception {
    BenchArticles.Generated stream =
        BenchArticles.generate(
            BenchArticles.shippedParagraphs(articlesDir),
            s.articles(),
            s.copyShare(),
            s.seed(),
            spacing(s.articles()));
    double meanChars =
        stream.articles().stream().mapToInt(a -> a.getText().length()).average().orElse(0);
    log.printf(
        "bench: %d articles (%d copies), %.0f chars of text on average%n",
        s.articles(), stream.copies(), meanChars);
    printFingerprintState(stream.articles(), log);
    List<Run> runs = new ArrayList<>();
    Map<String, Long> stateBytes = Map.of();
    try (EmbeddedKafka kafka = EmbeddedKafka.start(workDir.resolve("kafka"), 0);
        Admin admin = admin(kafka.bootstrapServers())) {
      createTopic(admin, Topics.ARTICLES_RAW.name(), s.partitions());
      createTopic(admin, Topics.DLQ.name(), 1);
      produce(kafka.bootstrapServers(), stream.articles());
      for (int round = 1; round <= s.rounds(); round++) {
        for (String stage : s.stages()) {
          runs.add(runOnce(stage, round, s, kafka, admin, workDir, stageTopology(stage), log));
        }
        stateBytes = changelogBytes(admin, "bench-dedupe-" + round);
      }
    }
    return new Report(s, runs, stream.copies(), meanChars, stateBytes);
  }

  /**
   * Fingerprint state per retained article, as the band stage stores it: the fingerprint alone
   * ({@code NearDupFingerprint.toBytes}), and the {@code dedupe-fingerprints} value (fingerprint,
   * canonical id, canonical arrival, Avro single-object encoding) of an article that is its own
   * canonical. The band index comes on top (changelog figures at the end).
   */
  private static void printFingerprintState(List<RawArticle> articles, PrintStream log) {
    NearDupFingerprinter fingerprinter = new NearDupFingerprinter();
    var entries = HeraldSerdes.avro(DedupeEntry.class).serializer();
    long fingerprintBytes = 0;
    long entryBytes = 0;
    int maxFingerprint = 0;
    int sketched = 0;
    for (RawArticle a : articles) {
      NearDupFingerprint f = fingerprinter.fingerprint(a.getTitle(), a.getText());
      if (!f.comparable()) {
        continue;
      }
      byte[] bytes = f.toBytes();
      sketched++;
      fingerprintBytes += bytes.length;
      maxFingerprint = Math.max(maxFingerprint, bytes.length);
      entryBytes +=
          entries.serialize(
                  "bench",
                  DedupeEntry.newBuilder()
                      .setFingerprint(ByteBuffer.wrap(bytes))
                      .setCanonicalId("")
                      .setCanonicalReceivedAt(a.getFetchedAt())
                      .build())
              .length;
    }
    log.printf(
        "bench: fingerprint state per retained article: fingerprint %.0f bytes on average (max %d,"
            + " limit %d), stored entry %.0f bytes (%d sketched articles), plus the band index%n",
        (double) fingerprintBytes / Math.max(1, sketched),
        maxFingerprint,
        NearDupFingerprint.MAX_BYTES,
        (double) entryBytes / Math.max(1, sketched),
        sketched);
  }

  /**
   * Arrival time of the first article and the gap between arrivals: ten seconds, less when that
   * would spread the stream over more than five days. The stream ends now: record timestamps far in
   * the past would fall to the broker's time retention.
   */
  private static BenchArticles.Arrivals spacing(int articles) {
    Duration gap = Duration.ofSeconds(10);
    Duration span = gap.multipliedBy(articles);
    if (span.compareTo(Duration.ofDays(5)) > 0) {
      gap = Duration.ofDays(5).dividedBy(articles);
      span = gap.multipliedBy(articles);
    }
    return new BenchArticles.Arrivals(Instant.now().minus(span), gap);
  }

  private static Function<EnrichConfig, Topology> stageTopology(String stage) {
    return switch (stage) {
      case "passthrough" -> c -> DedupeStage.passthrough(Clock.systemUTC(), out(stage, c));
      case "fingerprint" ->
          c -> DedupeStage.fingerprintFloor(Clock.systemUTC(), out(stage, c), null);
      case "fingerprint+entry" ->
          c -> DedupeStage.fingerprintFloor(Clock.systemUTC(), out(stage, c), entries(c));
      case "dedupe" ->
          c -> DedupeStage.topology(c, new EnrichMetrics(), Clock.systemUTC(), out(stage, c));
      default -> throw new IllegalArgumentException("unknown stage " + stage);
    };
  }

  private static String entries(EnrichConfig c) {
    return "bench.entries." + c.applicationId();
  }

  private static String out(String stage, EnrichConfig c) {
    return OUT_PREFIX + c.applicationId();
  }

  private static Run runOnce(
      String stage,
      int round,
      Settings s,
      EmbeddedKafka kafka,
      Admin admin,
      Path workDir,
      Function<EnrichConfig, Topology> topology,
      PrintStream log)
      throws Exception {
    String appId = "bench-" + stage.replace('+', '-') + "-" + round;
    EnrichConfig config =
        EnrichConfig.defaults(kafka.bootstrapServers(), workDir.resolve("streams").resolve(appId))
            .withApplicationId(appId)
            .withStreamThreads(s.streamThreads());
    if (stage.equals("dedupe")) {
      EnrichService.ensureFingerprintTopic(config);
    }
    if (stage.equals("fingerprint+entry")) {
      createTopic(admin, entries(config), s.partitions());
    }
    String outTopic = out(stage, config);
    createTopic(admin, outTopic, s.partitions());
    Properties props = EnrichService.streamsProperties(config);
    try (KafkaStreams streams = new KafkaStreams(topology.apply(config), props);
        KafkaConsumer<String, byte[]> reader =
            reader(kafka.bootstrapServers(), outTopic, s.partitions())) {
      long started = System.nanoTime();
      double processCpuAtStart = processCpuMicros();
      streams.start();
      long deadline = started + RUN_TIMEOUT.toNanos();
      // Steady state: from the moment 5 % of the output is readable to the last record, so that
      // startup (rebalance, internal topics) and the first transactions are not counted.
      long warm = Math.max(1, s.articles() / 20);
      long warmAt = 0;
      double cpuAtWarm = 0;
      double processCpuAtWarm = 0;
      JvmThreadCpu.Sample jitAtWarm = JvmThreadCpu.Sample.UNKNOWN;
      long count = 0;
      long linked = 0;
      var deserializer = Topics.ARTICLES_ENRICHED.valueSerde().deserializer();
      while (count < s.articles()) {
        check(streams, deadline);
        for (ConsumerRecord<String, byte[]> r : reader.poll(Duration.ofMillis(20))) {
          EnrichedArticle e = deserializer.deserialize(outTopic, r.value());
          count++;
          if (e.getDuplicateOf() != null) {
            linked++;
          }
        }
        if (warmAt == 0 && count >= warm) {
          warmAt = System.nanoTime();
          cpuAtWarm = cpuMicros(appId);
          processCpuAtWarm = processCpuMicros();
          jitAtWarm = JvmThreadCpu.sample();
          warm = count;
        }
      }
      double seconds = (System.nanoTime() - warmAt) / 1e9;
      JvmThreadCpu.Sample jitAtEnd = JvmThreadCpu.sample();
      double jitMicros =
          jitAtWarm.known() && jitAtEnd.known() ? (jitAtEnd.jitMs() - jitAtWarm.jitMs()) * 1e3 : -1;
      Run run =
          new Run(
              stage,
              round,
              count - warm,
              seconds,
              linked,
              cpuMicros(appId) - cpuAtWarm,
              processCpuMicros() - processCpuAtWarm,
              (System.nanoTime() - started) / 1e9,
              processCpuMicros() - processCpuAtStart,
              jitMicros);
      log.printf(
          "bench: round %d %-11s %6d articles, steady %6.2f s = %7.0f articles/s, %5.0f us"
              + " CPU/article, process %5.0f us (first 5%% after %.1f s, %d linked as copies,"
              + " JIT %.0f%% of the process CPU)%n",
          round,
          stage,
          count,
          seconds,
          run.perSecond(),
          run.cpuMicrosPerArticle(),
          run.processCpuMicrosPerArticle(),
          (warmAt - started) / 1e9,
          linked,
          100 * run.jitShare());
      log.printf(
          "bench: round %d %-11s whole run %6.2f s = %7.0f articles/s, process %5.0f us"
              + " CPU/article (startup included)%n",
          round,
          stage,
          run.wholeSeconds(),
          count / run.wholeSeconds(),
          run.wholeProcessCpuMicrosPerArticle(count));
      if (Boolean.getBoolean("herald.bench.threads")) {
        printThreadCpu(log);
        printBrokerRequests(log);
      }
      if (stage.equals("dedupe")) {
        printIndexSize(streams, log);
      }
      streams.close(Duration.ofSeconds(30));
      return run;
    }
  }

  /**
   * Size of the instance's live dedupe index after the run: entries, band postings and the heap
   * bytes per retained article it estimates ({@code LiveIndex.Stats}).
   */
  private static void printIndexSize(KafkaStreams streams, PrintStream log) {
    EnrichTopology.IndexStats s = EnrichTopology.dedupeIndex(streams);
    log.printf(
        "bench: live index %d articles, %d band postings, ~%.0f heap bytes per retained article%n",
        s.entries(), s.postings(), s.bytesPerEntry());
  }

  /** CPU time so far of every live thread, by name with digits folded, largest first. */
  private static void printThreadCpu(PrintStream log) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Map<String, Double> byName = new TreeMap<>();
    for (ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (t != null) {
        long ns = mx.getThreadCpuTime(t.getThreadId());
        String name =
            t.getThreadName()
                .replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "*")
                .replaceAll("[0-9]+", "#");
        byName.merge(name, ns > 0 ? ns / 1e9 : 0, Double::sum);
      }
    }
    byName.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(15)
        .forEach(e -> log.printf("bench:   thread CPU %7.2f s %s%n", e.getValue(), e.getKey()));
    JvmThreadCpu.Sample vm = JvmThreadCpu.sample();
    if (vm.known()) {
      // The JIT and the collector are native threads the MXBean does not list; without them the
      // gap between the threads above and the process figure is unexplained.
      log.printf("bench:   thread CPU %7.2f s JIT compilers%n", vm.jitMs() / 1e3);
      log.printf("bench:   thread CPU %7.2f s garbage collector%n", vm.gcMs() / 1e3);
    }
    log.printf("bench:   process CPU %7.2f s%n", processCpuMicros() / 1e6);
  }

  private static final Map<String, Long> REQUESTS_BEFORE = new TreeMap<>();

  /**
   * Requests the embedded broker handled since the previous call, by type (its JMX request
   * metrics): which requests a stage adds, beyond its records, explains the broker's share of it.
   */
  private static void printBrokerRequests(PrintStream log) {
    try {
      var server = ManagementFactory.getPlatformMBeanServer();
      var names =
          server.queryNames(
              new javax.management.ObjectName(
                  "kafka.network:type=RequestMetrics,name=RequestsPerSec,*"),
              null);
      Map<String, Long> counts = new TreeMap<>();
      for (var n : names) {
        String request = n.getKeyProperty("request");
        long count = ((Number) server.getAttribute(n, "Count")).longValue();
        counts.merge(request, count, Long::sum);
      }
      StringBuilder line = new StringBuilder("bench:   broker requests");
      counts.forEach(
          (request, count) -> {
            long delta = count - REQUESTS_BEFORE.getOrDefault(request, 0L);
            if (delta >= 20) {
              line.append(' ').append(request).append('=').append(delta);
            }
          });
      REQUESTS_BEFORE.putAll(counts);
      log.println(line);
    } catch (javax.management.JMException e) {
      log.println("bench:   broker requests unknown: " + e);
    }
  }

  /** CPU time so far of the whole process (broker included), in µs. */
  private static double processCpuMicros() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e3;
  }

  /** CPU time so far of the live threads whose name carries the application id, in µs. */
  private static double cpuMicros(String appId) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double total = 0;
    for (ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (t != null && t.getThreadName().contains(appId)) {
        long ns = mx.getThreadCpuTime(t.getThreadId());
        total += ns > 0 ? ns / 1e3 : 0;
      }
    }
    return total;
  }

  private static void check(KafkaStreams streams, long deadline) {
    if (streams.state() == KafkaStreams.State.ERROR
        || streams.state() == KafkaStreams.State.NOT_RUNNING) {
      throw new IllegalStateException("application stopped: " + streams.state());
    }
    if (System.nanoTime() > deadline) {
      throw new IllegalStateException("run not finished after " + RUN_TIMEOUT);
    }
  }

  private static Admin admin(String bootstrap) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    return Admin.create(p);
  }

  private static void createTopic(Admin admin, String name, int partitions)
      throws InterruptedException, ExecutionException {
    admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
  }

  private static void produce(String bootstrap, List<RawArticle> articles) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    var values = Topics.ARTICLES_RAW.valueSerde().serializer();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            p,
            new StringSerializer(),
            new org.apache.kafka.common.serialization.ByteArraySerializer())) {
      for (RawArticle a : articles) {
        // Keyed by id with the default partitioner, as ingest publishes; stamped with the time
        // the article was fetched, so arrivals are spread as in a live stream.
        producer.send(
            new ProducerRecord<>(
                Topics.ARTICLES_RAW.name(),
                null,
                a.getFetchedAt().toEpochMilli(),
                a.getId(),
                values.serialize(Topics.ARTICLES_RAW.name(), a)));
      }
      producer.flush();
    }
  }

  private static KafkaConsumer<String, byte[]> reader(
      String bootstrap, String topic, int partitions) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    KafkaConsumer<String, byte[]> c =
        new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    // The count it was created with: describing a topic just created can fail (metadata lag).
    List<TopicPartition> tps = new ArrayList<>();
    for (int i = 0; i < partitions; i++) {
      tps.add(new TopicPartition(topic, i));
    }
    c.assign(tps);
    c.seekToBeginning(tps);
    return c;
  }

  private static void printMedian(Report r, String stage, boolean settledOnly, PrintStream out) {
    List<Double> ratios = new ArrayList<>();
    List<Double> cpuRatios = new ArrayList<>();
    List<Integer> rounds = new ArrayList<>();
    for (int round = 2; round <= r.settings().rounds(); round++) {
      Run pass = r.run("passthrough", round);
      Run other = r.run(stage, round);
      if (pass == null || other == null) {
        continue;
      }
      boolean settled = pass.jitShare() >= 0 && pass.jitShare() < 0.1 && other.jitShare() < 0.1;
      if (settledOnly && !settled) {
        continue;
      }
      ratios.add(other.perSecond() / pass.perSecond());
      cpuRatios.add(other.processCpuMicrosPerArticle() / pass.processCpuMicrosPerArticle());
      rounds.add(round);
    }
    String which = settledOnly ? "warm rounds with the JIT settled (under 10%)" : "warm rounds";
    if (ratios.isEmpty()) {
      out.printf("bench: %s: no %s%n", stage, which);
      return;
    }
    out.printf(
        "bench: %s, %s %s, median of the same-round pairs: %s keeps %.0f%% of passthrough"
            + " throughput; process CPU per article %.1fx the passthrough's%n",
        stage, which, rounds, stage, 100 * median(ratios), median(cpuRatios));
  }

  /** Changelog bytes on the broker per dedupe store of an application. */
  private static Map<String, Long> changelogBytes(Admin admin, String appId)
      throws InterruptedException, ExecutionException {
    Map<String, Long> bytes = new TreeMap<>();
    var dirs = admin.describeLogDirs(List.of(1)).allDescriptions().get();
    dirs.values()
        .forEach(
            byDir ->
                byDir
                    .values()
                    .forEach(
                        d ->
                            d.replicaInfos()
                                .forEach(
                                    (tp, info) -> {
                                      String t = tp.topic();
                                      if (t.startsWith(appId + "-") && t.endsWith("-changelog")) {
                                        String store =
                                            t.substring(
                                                appId.length() + 1,
                                                t.length() - "-changelog".length());
                                        bytes.merge(store, info.size(), Long::sum);
                                      } else if (t.equals(
                                          Topics.dedupeFingerprints(appId).name())) {
                                        // The global index's log: its only broker-side state.
                                        bytes.merge(
                                            "(topic) dedupe-fingerprints", info.size(), Long::sum);
                                      }
                                    })));
    return bytes;
  }

  /**
   * Runs the benchmark. Options (all optional): {@code --articles=N --copies=0.2 --partitions=6
   * --threads=1 --rounds=2 --seed=42 --samples=DIR --work=DIR
   * --stages=passthrough,fingerprint,fingerprint+entry,dedupe} (default: passthrough,dedupe).
   */
  public static void main(String[] args) throws Exception {
    Settings d = Settings.defaults();
    Map<String, String> opts = new TreeMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      if (!a.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("expected --name=value, got " + a);
      }
      opts.put(a.substring(2, eq), a.substring(eq + 1));
    }
    Settings s =
        new Settings(
            Integer.parseInt(opts.getOrDefault("articles", "" + d.articles())),
            Double.parseDouble(opts.getOrDefault("copies", "" + d.copyShare())),
            Integer.parseInt(opts.getOrDefault("partitions", "" + d.partitions())),
            Integer.parseInt(opts.getOrDefault("threads", "" + d.streamThreads())),
            Integer.parseInt(opts.getOrDefault("rounds", "" + d.rounds())),
            Long.parseLong(opts.getOrDefault("seed", "" + d.seed())),
            opts.containsKey("stages") ? List.of(opts.get("stages").split(",")) : d.stages());
    String home = System.getProperty("herald.home", "");
    Path samples =
        Path.of(opts.getOrDefault("samples", Path.of(home, "samples", "articles").toString()));
    Path work =
        opts.containsKey("work")
            ? Path.of(opts.get("work"))
            : Files.createTempDirectory("herald-dedupe-bench");
    Report r = run(s, samples, work, System.out);
    print(r, System.out);
    deleteQuietly(work, !opts.containsKey("work"));
  }

  /** The summary lines: per round, then the best of each stage. */
  public static void print(Report r, PrintStream out) {
    // Round by round: the stages of a round ran back to back on the same records, so the JIT and
    // the machine's load were alike; early rounds are cold for all, the last the warmest.
    for (int round = 1; round <= r.settings().rounds(); round++) {
      Run pass = r.run("passthrough", round);
      for (String stage : r.settings().stages()) {
        Run other = r.run(stage, round);
        if (pass == null || other == null || stage.equals("passthrough")) {
          continue;
        }
        out.printf(
            "bench: round %d: passthrough %.0f articles/s, %s %.0f articles/s = %.0f%%;"
                + " process CPU/article %.0f -> %.0f us (%.1fx), application threads %.0f ->"
                + " %.0f us; whole run %.0f%%; JIT %.0f%% / %.0f%% of the process CPU%n",
            round,
            pass.perSecond(),
            stage,
            other.perSecond(),
            100 * other.perSecond() / pass.perSecond(),
            pass.processCpuMicrosPerArticle(),
            other.processCpuMicrosPerArticle(),
            other.processCpuMicrosPerArticle() / pass.processCpuMicrosPerArticle(),
            pass.cpuMicrosPerArticle(),
            other.cpuMicrosPerArticle(),
            100 * pass.wholeSeconds() / other.wholeSeconds(),
            100 * pass.jitShare(),
            100 * other.jitShare());
      }
    }
    // The warm rounds (all but the first, JIT-cold one), each pair compared within its round: the
    // passthrough's steady window is short (under a second warm), so one round's ratio swings with
    // the machine's load; the median of the pairs and the CPU ratio move less. Rounds in which the
    // JIT still took over a tenth of either run's process CPU are reported apart: in them the
    // stage with more code to compile (the dedupe stage: its own code, RocksDB, the global thread,
    // transactions over more partitions) pays for compilation the other has finished.
    for (String stage : r.settings().stages()) {
      if (stage.equals("passthrough")) {
        continue;
      }
      printMedian(r, stage, false, out);
      printMedian(r, stage, true, out);
    }
    out.printf(
        "bench: passthrough %.0f articles/s, dedupe %.0f articles/s: dedupe keeps %.0f%% of"
            + " passthrough throughput (target >= 50%%)%n",
        r.best("passthrough"), r.best("dedupe"), 100 * r.ratio());
    out.printf(
        "bench: CPU of the application's threads: passthrough %.0f us/article, dedupe %.0f"
            + " us/article (%.1fx)%n",
        r.cpuPerArticle("passthrough"),
        r.cpuPerArticle("dedupe"),
        r.cpuPerArticle("dedupe") / r.cpuPerArticle("passthrough"));
    out.printf(
        "bench: CPU of the whole process (broker included): passthrough %.0f us/article, dedupe"
            + " %.0f us/article (%.1fx)%n",
        r.processCpuPerArticle("passthrough"),
        r.processCpuPerArticle("dedupe"),
        r.processCpuPerArticle("dedupe") / r.processCpuPerArticle("passthrough"));
    long total = r.stateBytes().values().stream().mapToLong(Long::longValue).sum();
    r.stateBytes()
        .forEach(
            (store, b) ->
                out.printf(
                    "bench: changelog %-26s %9d bytes = %6.0f bytes/article%n",
                    store, b, (double) b / r.settings().articles()));
    out.printf(
        "bench: dedupe state on the broker %.0f bytes/article in total%n",
        (double) total / r.settings().articles());
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** Deletes a folder and what it holds, best effort (a temp folder), when {@code delete}. */
  public static void deleteQuietly(Path dir, boolean delete) {
    if (!delete) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // best effort: a temp folder
                }
              });
    } catch (IOException e) {
      // best effort
    }
  }
}
