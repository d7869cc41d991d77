package dev.herald.app.bench;

import dev.herald.app.broker.EmbeddedKafka;
import dev.herald.app.pipeline.TopicSetup;
import dev.herald.avro.Evidence;
import dev.herald.avro.RawArticle;
import dev.herald.avro.ScheduleChangeAlert;
import dev.herald.enrich.EnrichConfig;
import dev.herald.enrich.EnrichService;
import dev.herald.nlp.dedupe.NearDupFingerprinter;
import dev.herald.nlp.schedule.ScheduleDetector;
import dev.herald.schemas.Topics;
import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * {@code herald bench}: in one run on one cluster, (a) a Kafka Streams passthrough topology and (b)
 * Herald's enrich topology ({@link EnrichService}, exactly what {@code herald run} starts) over the
 * same published article records with the same Streams settings, then (c) publish-to-alert latency
 * at a fixed offered rate, and the CPU cost per article of each enrich stage.
 *
 * <p>Throughput is measured the same way on both sides: records readable (read_committed) in the
 * application's output topic per second, from the end of the warm-up (5 % of the records, or a
 * quarter of the phase, whichever comes first) to the last record read. Each application starts
 * from the first benchmark record (its group offsets are set before it starts), so records already
 * on a cluster given with {@code --bootstrap-servers} are not read.
 */
public final class EnrichBenchmark {
  /** Share of the throughput phases' time the passthrough gets; the enrich phase gets more. */
  private static final double PASSTHROUGH_SHARE = 0.15;

  /**
   * Share of the time left for warming the JIT on the tagging code before anything is measured: a
   * daemon runs for days, so the first tens of seconds of compilation are not its speed.
   */
  private static final double WARMUP_SHARE = 0.15;

  /**
   * Share of the time left for the warm-up through Kafka ({@code --warm-up-articles}): generating
   * its articles, then a separate enrich application over them. More than half: on 2 cores the C2
   * compiler needs about two and a half minutes of the enrich path before its share of the process
   * CPU falls under a tenth (docs/performance.md, "How long the JIT takes"), and a quarter of the
   * default run left it at a third when the window opened.
   */
  private static final double KAFKA_WARMUP_SHARE = 0.55;

  /**
   * The warm-up through Kafka ends early once the JIT threads took less than this share of the
   * process CPU over two windows of five seconds in a row: the time left goes to the measurements.
   */
  private static final double JIT_SETTLED_SHARE = 0.05;

  /** Mixed into the seed for the warm-up's articles: a different set from the measured one. */
  private static final long WARMUP_SEED = 0x5eed_3a7e_11L;

  /** Warm-up ends early once compilation grows less than this many ms over two seconds. */
  private static final double JIT_SETTLED_MS = 100;

  private static final long JVM_SAMPLE_NANOS = Duration.ofSeconds(1).toNanos();

  /** Passthrough rounds over the same records at most (each is short: the records are few). */
  private static final int MAX_PASSTHROUGH_ROUNDS = 5;

  private static final double ENRICH_SHARE = 0.5;

  /** Of the time left after the enrich phase; the rest is for the stage profile. */
  private static final double LATENCY_SHARE = 0.75;

  private static final int PROFILE_SAMPLES = 200;

  /** Steady-state records a phase waits for past its share of the time (up to the deadline). */
  private static final int MIN_STEADY = 10;

  private static final String OUT_PREFIX = "herald.bench.passthrough-";

  /**
   * @param duration bound of the whole run
   * @param rate articles per second offered in the latency phase
   * @param latencyArticles articles sent in the latency phase, or 0 for as many as time allows
   * @param articles records published for the throughput phases
   * @param copyShare share of syndicated copies in the stream
   * @param warmUpArticles articles of a separate set run through a separate enrich application
   *     before anything is measured (a warm daemon), or 0 for the tagging code alone on the main
   *     thread
   * @param bootstrapServers an existing cluster, or null for an embedded broker
   * @param clientProperties more client properties (security) for every client
   * @param workDir broker data and Streams state
   * @param samplesDir the sample articles the text generator learns from
   */
  public record Settings(
      Duration duration,
      double rate,
      int latencyArticles,
      int articles,
      double copyShare,
      int warmUpArticles,
      long seed,
      String bootstrapServers,
      Map<String, String> clientProperties,
      Path workDir,
      Path samplesDir) {
    public Settings {
      clientProperties = Map.copyOf(clientProperties);
    }
  }

  /** One throughput phase: steady-state records, seconds, and CPU over the same window. */
  public record Phase(
      String name,
      long recordsRead,
      long steadyRecords,
      double steadySeconds,
      double appCpuMs,
      double processCpuMs,
      double jitMs,
      double gcMs) {
    public double perSecond() {
      return steadySeconds <= 0 ? 0 : steadyRecords / steadySeconds;
    }

    public double appCpuMsPerArticle() {
      return steadyRecords == 0 ? 0 : appCpuMs / steadyRecords;
    }

    public double processCpuMsPerArticle() {
      return steadyRecords == 0 ? 0 : processCpuMs / steadyRecords;
    }

    /**
     * CPU of the JIT compiler threads per article in the same window (part of the process CPU: a
     * daemon that has run for minutes no longer pays it), or negative when unknown.
     */
    public double jitMsPerArticle() {
      return steadyRecords == 0 || jitMs < 0 ? -1 : jitMs / steadyRecords;
    }

    /** CPU of the garbage collector's threads per article in the same window, or negative. */
    public double gcMsPerArticle() {
      return steadyRecords == 0 || gcMs < 0 ? -1 : gcMs / steadyRecords;
    }

    /** Process CPU per article without the JIT compiler's: the steady state of a warm daemon. */
    public double processCpuMsPerArticleWithoutJit() {
      return processCpuMsPerArticle() - Math.max(0, jitMsPerArticle());
    }

    static Phase sum(String name, List<Phase> rounds) {
      return new Phase(
          name,
          rounds.stream().mapToLong(Phase::recordsRead).sum(),
          rounds.stream().mapToLong(Phase::steadyRecords).sum(),
          rounds.stream().mapToDouble(Phase::steadySeconds).sum(),
          rounds.stream().mapToDouble(Phase::appCpuMs).sum(),
          rounds.stream().mapToDouble(Phase::processCpuMs).sum(),
          rounds.stream().mapToDouble(Phase::jitMs).sum(),
          rounds.stream().mapToDouble(Phase::gcMs).sum());
    }
  }

  /** The latency phase. */
  public record Latency(
      double offeredRate,
      double sentRate,
      int sent,
      int measured,
      int viaAlert,
      int unfinished,
      long alerts,
      double p50Ms,
      double p99Ms,
      double maxMs) {}

  /**
   * The warm-up before the measurements.
   *
   * @param throughKafka a separate enrich application over separate articles, or the tagging code
   *     on the main thread
   * @param articles articles the warm-up went through (enriched records read, or analyses)
   * @param seconds its length
   * @param jitMs CPU of the JIT compiler threads during it, negative when unknown
   * @param processMs CPU of the whole process during it
   * @param lastJitShare the JIT threads' share of the process CPU over its last seconds (about 5),
   *     negative when unknown: near 0 when the compiler has settled
   */
  public record WarmUp(
      boolean throughKafka,
      long articles,
      double seconds,
      double jitMs,
      double processMs,
      double lastJitShare) {}

  /** Everything one run saw. */
  public record Report(
      Settings settings,
      boolean embedded,
      int published,
      int copies,
      int changeArticles,
      double meanTokens,
      WarmUp warmUp,
      Phase passthrough,
      int passthroughRounds,
      Phase enrich,
      long enrichAlerts,
      long tagged,
      double taggingMsPerArticle,
      Latency latency,
      Map<String, Double> stageCpuMs,
      int cores,
      String java,
      long heapMaxMb,
      long heapPeakMb,
      double seconds) {
    public double ratio() {
      return passthrough.perSecond() == 0 ? 0 : enrich.perSecond() / passthrough.perSecond();
    }

    /** The enrich app's CPU per article beyond the measured stages: Streams, state, Kafka, EOS. */
    public double overheadCpuMs() {
      double stages = stageCpuMs.values().stream().mapToDouble(Double::doubleValue).sum();
      return Math.max(0, enrich.appCpuMsPerArticle() - stages);
    }
  }

  private final Settings s;
  private final PrintStream log;
  private final long deadline;
  private final String run;
  private final long started = System.nanoTime();

  /** Samples the whole heap from the start: the benchmark's peak occupancy. */
  private final HeapSampler heap = new HeapSampler(50);

  private int expected;
  // The raw topic's offsets before the warm-up through Kafka published its articles, and how many
  // it published: the passthrough copies those too, so that its steady window is long enough to
  // give a rate (over the measured records alone it lasted 0.04-1.4 s).
  private Map<TopicPartition, Long> warmUpStart;
  private int warmUpPublished;

  private EnrichBenchmark(Settings settings, PrintStream log) {
    this.s = settings;
    this.log = log;
    this.deadline = System.nanoTime() + settings.duration().toNanos();
    this.run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
  }

  /** Runs the benchmark; progress goes to {@code log}. */
  public static Report run(Settings settings, PrintStream log) throws Exception {
    return new EnrichBenchmark(settings, log).run();
  }

  private Report run() throws Exception {
    long started = System.nanoTime();
    EmbeddedKafka kafka = null;
    try {
      String bootstrap = s.bootstrapServers();
      if (bootstrap == null) {
        log.println("bench: starting an embedded Kafka broker");
        kafka = EmbeddedKafka.start(s.workDir().resolve("kafka"), 0);
        bootstrap = kafka.bootstrapServers();
      }
      log.printf("bench: cluster %s, run %s%n", bootstrap, run);
      try (Admin admin = Admin.create(adminProps(bootstrap))) {
        TopicSetup.ensureTopics(admin);
        Report r = measure(bootstrap, admin, kafka != null, started);
        if (kafka == null) {
          cleanUp(admin);
        }
        return r;
      }
    } finally {
      heap.close();
      if (kafka != null) {
        kafka.close();
      }
    }
  }

  private Report measure(String bootstrap, Admin admin, boolean embedded, long started)
      throws Exception {
    BenchCorpus corpus =
        new BenchCorpus(
            BenchArticles.shippedParagraphs(s.samplesDir()), s.copyShare(), 0.3, 120, s.seed());
    String raw = Topics.ARTICLES_RAW.name();
    WarmUp kafkaWarmUp =
        s.warmUpArticles() > 0
            ? warmUpThroughKafka(bootstrap, admin, share(KAFKA_WARMUP_SHARE))
            : null;
    Map<TopicPartition, Long> rawStart = endOffsets(admin, raw);
    // Created well before its application starts: a transactional producer writing to a topic
    // created a moment before gets retriable errors (CONCURRENT_TRANSACTIONS) and retries.
    admin
        .createTopics(
            List.of(new NewTopic(OUT_PREFIX + run, Optional.of(rawStart.size()), Optional.empty())))
        .all()
        .get();

    // Published up front: both applications read the same records from the same offsets.
    List<byte[]> rawSamples = new ArrayList<>();
    int[] counts = new int[2];
    long tokens = 0;
    Duration gap =
        Duration.ofMillis(Math.min(10_000, Duration.ofDays(5).toMillis() / s.articles()));
    Instant first = Instant.now().minus(gap.multipliedBy(s.articles()));
    log.printf("bench: publishing up to %d articles to %s%n", s.articles(), raw);
    var values = Topics.ARTICLES_RAW.valueSerde().serializer();
    // Generating the text costs CPU too: on a slow or busy machine fewer articles are published
    // rather than leaving the measurements no time.
    long publishEnd = share(0.15);
    int published = 0;
    try (KafkaProducer<String, byte[]> producer = producer(bootstrap, 20)) {
      for (int i = 0; i < s.articles() && (i < 100 || System.nanoTime() < publishEnd); i++) {
        BenchCorpus.Item item = corpus.next(first.plus(gap.multipliedBy(i)));
        RawArticle a = item.article();
        byte[] bytes = values.serialize(raw, a);
        if (rawSamples.size() < PROFILE_SAMPLES && !item.copy()) {
          rawSamples.add(bytes);
        }
        counts[0] += item.copy() ? 1 : 0;
        counts[1] += item.change() ? 1 : 0;
        tokens += item.tokens();
        producer.send(
            new ProducerRecord<>(raw, null, a.getFetchedAt().toEpochMilli(), a.getId(), bytes));
        published++;
      }
      producer.flush();
    }
    this.expected = published;
    double meanTokens = (double) tokens / published;
    log.printf(
        "bench: published %d articles (%d copies, %d schedule changes), %.0f tokens on average"
            + " (%s)%n",
        published, counts[0], counts[1], meanTokens, elapsed());

    WarmUp warmUp = kafkaWarmUp != null ? kafkaWarmUp : warmUp(rawSamples, share(WARMUP_SHARE));

    long passthroughEnd = share(PASSTHROUGH_SHARE);
    Map<TopicPartition, Long> passthroughFrom = warmUpStart != null ? warmUpStart : rawStart;
    long passthroughExpected = expected + (warmUpStart != null ? warmUpPublished : 0);
    List<Phase> rounds = new ArrayList<>();
    long roundNanos;
    do {
      long roundStart = System.nanoTime();
      rounds.add(
          passthroughRound(
              bootstrap,
              admin,
              passthroughFrom,
              passthroughExpected,
              rounds.size() + 1,
              passthroughEnd));
      roundNanos = System.nanoTime() - roundStart;
      // Another round only when one as long still fits: an application closed while it is still
      // joining its group can take tens of seconds to stop, which the enrich phase would lose.
    } while (rounds.size() < MAX_PASSTHROUGH_ROUNDS
        && System.nanoTime() + roundNanos < passthroughEnd
        && rounds.get(rounds.size() - 1).recordsRead() == passthroughExpected);
    Phase passthrough = Phase.sum("passthrough", rounds);
    log.printf(
        "bench: passthrough %.0f records/s over %d round(s), %.3f CPU-ms/article in its threads%n",
        passthrough.perSecond(), rounds.size(), passthrough.appCpuMsPerArticle());

    // The latency application starts now, after the published records, and idles until the
    // latency phase: its start-up (topics, stores, rebalance) is not counted as latency.
    String latencyApp = "herald-bench-latency-" + run;
    startAt(admin, latencyApp, endOffsets(admin, raw));
    try (EnrichService latencyService =
        new EnrichService(
            enrichConfig(bootstrap, latencyApp), ScheduleDetector.standard(), Clock.systemUTC())) {
      latencyService.start();
      return measureEnrich(
          bootstrap,
          admin,
          embedded,
          corpus,
          rawStart,
          rawSamples,
          latencyService,
          new int[] {published, counts[0], counts[1]},
          meanTokens,
          warmUp,
          passthrough,
          rounds.size());
    }
  }

  private Report measureEnrich(
      String bootstrap,
      Admin admin,
      boolean embedded,
      BenchCorpus corpus,
      Map<TopicPartition, Long> rawStart,
      List<byte[]> rawSamples,
      EnrichService latencyService,
      int[] counts,
      double meanTokens,
      WarmUp warmUp,
      Phase passthrough,
      int passthroughRounds)
      throws Exception {
    long enrichEnd = share(ENRICH_SHARE);
    List<byte[]> enrichedSamples = new ArrayList<>();
    EnrichOutcome e = enrichPhase(bootstrap, admin, rawStart, enrichEnd, enrichedSamples);
    log.printf(
        "bench: enrich %.0f records/s, %.3f CPU-ms/article in its threads, %d alerts%n",
        e.phase().perSecond(), e.phase().appCpuMsPerArticle(), e.alerts());

    Latency latency = latencyPhase(bootstrap, admin, corpus, latencyService, share(LATENCY_SHARE));
    log.printf(
        "bench: latency p50 %.0f ms, p99 %.0f ms over %d articles at %.1f articles/s (%s)%n",
        latency.p50Ms(), latency.p99Ms(), latency.measured(), latency.sentRate(), elapsed());

    // Last, alone on the machine's cores: CPU per article of each stage, one stage at a time.
    log.println("bench: profiling the enrich stages on " + rawSamples.size() + " articles");
    Map<String, Double> stages =
        StageProfile.measure(
            rawSamples, enrichedSamples, Math.max(0, hardEnd() - System.nanoTime()));

    long heapPeak = heap.peakBytes();
    return new Report(
        s,
        embedded,
        counts[0],
        counts[1],
        counts[2],
        meanTokens,
        warmUp,
        passthrough,
        passthroughRounds,
        e.phase(),
        e.alerts(),
        e.tagged(),
        e.taggingMsPerArticle(),
        latency,
        stages,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        Runtime.getRuntime().maxMemory() >> 20,
        heapPeak >> 20,
        (System.nanoTime() - started) / 1e9);
  }

  /**
   * Runs the enrich path's pure stages (fingerprint, language, dates, entities, schedule claims)
   * over the sample articles on this thread until the JIT has compiled them (compilation time grows
   * less than {@link #JIT_SETTLED_MS} in two seconds) or {@code end}. Compiled code is shared by
   * every thread, so the enrich application starts warm, as a long-running daemon is; its own Kafka
   * and Streams code still warms in each phase's warm-up window, which is not counted.
   */
  private WarmUp warmUp(List<byte[]> rawSamples, long end) {
    long begin = System.nanoTime();
    double processAtStart = processCpuMs();
    JvmThreadCpu.Sample jvmAtStart = JvmThreadCpu.sample();
    if (rawSamples.isEmpty()) {
      return new WarmUp(false, 0, 0, 0, 0, -1);
    }
    var values = Topics.ARTICLES_RAW.valueSerde().deserializer();
    List<RawArticle> articles =
        rawSamples.stream().map(b -> values.deserialize(Topics.ARTICLES_RAW.name(), b)).toList();
    ScheduleDetector detector = ScheduleDetector.standard();
    NearDupFingerprinter fingerprinter = new NearDupFingerprinter();
    double jitAtStart = jitMs();
    double jitAtCheck = jitAtStart;
    long check = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    long passes = 0;
    while (System.nanoTime() < end) {
      for (RawArticle a : articles) {
        fingerprinter.fingerprint(a.getTitle(), a.getText());
        detector.analyze(StageProfile.input(a));
      }
      passes++;
      long now = System.nanoTime();
      if (now >= check) {
        double jit = jitMs();
        if (jit - jitAtCheck < JIT_SETTLED_MS) {
          break;
        }
        jitAtCheck = jit;
        check = now + Duration.ofSeconds(2).toNanos();
      }
    }
    log.printf(
        "bench: JIT warm-up, %d pass(es) over %d articles, %.0f ms of compilation (%s)%n",
        passes, articles.size(), jitMs() - jitAtStart, elapsed());
    JvmThreadCpu.Sample jvm = JvmThreadCpu.sample();
    return new WarmUp(
        false,
        passes * articles.size(),
        (System.nanoTime() - begin) / 1e9,
        jvm.known() && jvmAtStart.known() ? jvm.jitMs() - jvmAtStart.jitMs() : -1,
        processCpuMs() - processAtStart,
        -1);
  }

  /**
   * Warms the JVM on the real path, as a daemon that has run for a while is: a separate enrich
   * application (its own id, state and fingerprint topic) over a separate set of generated
   * articles, closed before anything is measured; its output is never counted. Warming the tagging
   * code alone on the main thread left Kafka's, Streams' and Avro's code to compile in the measured
   * window, and the tagging code itself was recompiled there (the types and branches the stream
   * threads see differ from the main thread's): the JIT threads took about a third of the process
   * CPU in the enrich phase.
   */
  private WarmUp warmUpThroughKafka(String bootstrap, Admin admin, long end) throws Exception {
    long begin = System.nanoTime();
    String raw = Topics.ARTICLES_RAW.name();
    Map<TopicPartition, Long> start = endOffsets(admin, raw);
    BenchCorpus corpus =
        new BenchCorpus(
            BenchArticles.shippedParagraphs(s.samplesDir()),
            s.copyShare(),
            0.3,
            120,
            s.seed() ^ WARMUP_SEED);
    String appId = "herald-bench-warmup-" + run;
    startAt(admin, appId, start);
    Map<TopicPartition, Long> outStart = endOffsets(admin, Topics.ARTICLES_ENRICHED.name());
    double processAtStart = processCpuMs();
    JvmThreadCpu.Sample jvmAtStart = JvmThreadCpu.sample();
    // The JIT's share of the process CPU over the last window of about five seconds.
    double lastShare = -1;
    double processAtWindow = processAtStart;
    JvmThreadCpu.Sample jvmAtWindow = jvmAtStart;
    long count = 0;
    int settledWindows = 0;
    EnrichService service =
        new EnrichService(
            enrichConfig(bootstrap, appId), ScheduleDetector.standard(), Clock.systemUTC());
    try (KafkaConsumer<String, byte[]> reader = reader(bootstrap, outStart)) {
      // Started first: its start-up (internal topics, group join) overlaps the generation.
      service.start();
      var values = Topics.ARTICLES_RAW.valueSerde().serializer();
      // Generating takes at most half the warm-up's time; enriching them overlaps it.
      long publishEnd = begin + (end - begin) / 2;
      // Timestamps as the measured set's: within the last five days, inside the dedupe retention
      // (older fingerprint records are deleted under the global store's reader).
      Duration gap =
          Duration.ofMillis(Math.min(10_000, Duration.ofDays(5).toMillis() / s.warmUpArticles()));
      Instant first = Instant.now().minus(gap.multipliedBy(s.warmUpArticles()));
      int published = 0;
      try (KafkaProducer<String, byte[]> producer = producer(bootstrap, 20)) {
        for (int i = 0;
            i < s.warmUpArticles() && (i < 100 || System.nanoTime() < publishEnd);
            i++) {
          RawArticle a = corpus.next(first.plus(gap.multipliedBy(i))).article();
          producer.send(
              new ProducerRecord<>(
                  raw, null, a.getFetchedAt().toEpochMilli(), a.getId(), values.serialize(raw, a)));
          published++;
        }
        producer.flush();
      }
      warmUpStart = start;
      warmUpPublished = published;
      log.printf(
          "bench: warm-up, %d separate articles published for a separate enrich application"
              + " (%s)%n",
          published, elapsed());
      long window = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (count < published && System.nanoTime() < end && settledWindows < 2) {
        KafkaStreams.State st = service.state();
        if (st == KafkaStreams.State.ERROR || st == KafkaStreams.State.NOT_RUNNING) {
          throw new IllegalStateException("warm-up application stopped: " + st);
        }
        count += reader.poll(Duration.ofMillis(100)).count();
        if (System.nanoTime() >= window) {
          double process = processCpuMs();
          JvmThreadCpu.Sample jvm = JvmThreadCpu.sample();
          if (jvm.known() && jvmAtWindow.known() && process > processAtWindow) {
            lastShare = (jvm.jitMs() - jvmAtWindow.jitMs()) / (process - processAtWindow);
          }
          log.printf(
              "bench: warm-up %d/%d enriched, JIT threads %.0f %% of the process CPU over the"
                  + " last 5 s (%s)%n",
              count, published, 100 * lastShare, elapsed());
          processAtWindow = process;
          jvmAtWindow = jvm;
          window = System.nanoTime() + Duration.ofSeconds(5).toNanos();
          settledWindows = lastShare >= 0 && lastShare < JIT_SETTLED_SHARE ? settledWindows + 1 : 0;
        }
      }
    } finally {
      service.close();
    }
    double process = processCpuMs();
    JvmThreadCpu.Sample jvm = JvmThreadCpu.sample();
    if (jvm.known() && jvmAtWindow.known() && process - processAtWindow > 500) {
      lastShare = (jvm.jitMs() - jvmAtWindow.jitMs()) / (process - processAtWindow);
    }
    double jit = jvm.known() && jvmAtStart.known() ? jvm.jitMs() - jvmAtStart.jitMs() : -1;
    String ended =
        settledWindows >= 2
            ? "the JIT settled"
            : System.nanoTime() >= end ? "its time" : "all read";
    log.printf(
        "bench: warm-up done (%s), %d articles enriched, JIT threads %.0f of %.0f process CPU-ms"
            + " (%s)%n",
        ended, count, jit, process - processAtStart, elapsed());
    return new WarmUp(
        true, count, (System.nanoTime() - begin) / 1e9, jit, process - processAtStart, lastShare);
  }

  /**
   * The passthrough: records copied from the raw topic to an output topic as they are, from {@code
   * from} on ({@code records} of them: the warm-up's and the measured ones).
   */
  private Phase passthroughRound(
      String bootstrap,
      Admin admin,
      Map<TopicPartition, Long> from,
      long records,
      int round,
      long end)
      throws Exception {
    String appId = "herald-bench-passthrough-" + run + "-" + round;
    String out = OUT_PREFIX + run;
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(
            Topics.ARTICLES_RAW.name(),
            Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("raw-articles"))
        .to(out, Produced.with(Serdes.String(), Serdes.ByteArray()).withName("passthrough-out"));
    Topology topology = builder.build();
    startAt(admin, appId, from);
    Map<TopicPartition, Long> outStart = endOffsets(admin, out);
    try (KafkaStreams streams = new KafkaStreams(topology, streamsProps(bootstrap, appId));
        KafkaConsumer<String, byte[]> reader = reader(bootstrap, outStart)) {
      streams.start();
      Phase p =
          readPhase("passthrough", appId, streams::state, reader, Set.of(out), records, end, null);
      streams.close(Duration.ofSeconds(30));
      return p;
    }
  }

  private record EnrichOutcome(Phase phase, long alerts, long tagged, double taggingMsPerArticle) {}

  /** Herald's enrich topology as {@code herald run} starts it, on the same records. */
  private EnrichOutcome enrichPhase(
      String bootstrap,
      Admin admin,
      Map<TopicPartition, Long> rawStart,
      long end,
      List<byte[]> samples)
      throws Exception {
    String appId = "herald-bench-enrich-" + run;
    startAt(admin, appId, rawStart);
    Map<TopicPartition, Long> outStart = new HashMap<>();
    outStart.putAll(endOffsets(admin, Topics.ARTICLES_ENRICHED.name()));
    outStart.putAll(endOffsets(admin, Topics.ALERTS.name()));
    EnrichConfig config = enrichConfig(bootstrap, appId);
    EnrichService service =
        new EnrichService(config, ScheduleDetector.standard(), Clock.systemUTC());
    try (KafkaConsumer<String, byte[]> reader = reader(bootstrap, outStart)) {
      service.start();
      AtomicInteger alerts = new AtomicInteger();
      Phase p =
          readPhase(
              "enrich",
              appId,
              service::state,
              reader,
              Set.of(Topics.ARTICLES_ENRICHED.name()),
              expected,
              end,
              r -> {
                if (r.topic().equals(Topics.ALERTS.name())) {
                  alerts.incrementAndGet();
                } else if (samples.size() < PROFILE_SAMPLES) {
                  samples.add(r.value());
                }
              });
      var m = service.metrics();
      double tagging = m.tagged() == 0 ? 0 : m.taggingNanos() / 1e6 / m.tagged();
      return new EnrichOutcome(p, alerts.get(), m.tagged(), tagging);
    } finally {
      service.close();
    }
  }

  /**
   * Reads an application's output until {@code expected} records are out or {@code end}; counts the
   * records of {@code counted} topics, passes every record to {@code seen}.
   */
  private Phase readPhase(
      String name,
      String appId,
      java.util.function.Supplier<KafkaStreams.State> state,
      KafkaConsumer<String, byte[]> reader,
      Set<String> counted,
      long expected,
      long end,
      java.util.function.Consumer<ConsumerRecord<String, byte[]>> seen) {
    long phaseStart = System.nanoTime();
    double cpuAtStart = appCpuMs(appId);
    double processAtStart = processCpuMs();
    JvmThreadCpu.Sample jvmAtStart = JvmThreadCpu.sample();
    long warmCount = Math.max(1, expected / 20);
    long warmTime = phaseStart + (end - phaseStart) / 4;
    long count = 0;
    long warmAt = 0;
    long warmRecords = 0;
    long lastAt = 0;
    double cpuAtWarm = 0;
    double processAtWarm = 0;
    JvmThreadCpu.Sample jvmAtWarm = JvmThreadCpu.Sample.UNKNOWN;
    JvmThreadCpu.Sample jvmAtLast = JvmThreadCpu.Sample.UNKNOWN;
    long jvmSampledAt = 0;
    double cpuAtLast = 0;
    double processAtLast = 0;
    long nextProgress = phaseStart + Duration.ofSeconds(5).toNanos();
    while (count < expected) {
      long t = System.nanoTime();
      // Past its share a phase still waits for a few steady-state records, up to the deadline.
      if (t >= hardEnd() || (t >= end && warmAt != 0 && count - warmRecords >= MIN_STEADY)) {
        break;
      }
      KafkaStreams.State st = state.get();
      if (st == KafkaStreams.State.ERROR || st == KafkaStreams.State.NOT_RUNNING) {
        throw new IllegalStateException(name + " application stopped: " + st);
      }
      int before = (int) count;
      for (ConsumerRecord<String, byte[]> r : reader.poll(Duration.ofMillis(50))) {
        if (counted.contains(r.topic())) {
          count++;
        }
        if (seen != null) {
          seen.accept(r);
        }
      }
      long now = System.nanoTime();
      if (count > before) {
        lastAt = now;
        cpuAtLast = appCpuMs(appId);
        processAtLast = processCpuMs();
        boolean warming = warmAt == 0 && (count >= warmCount || now >= warmTime);
        // Reading /proc costs a few ms: at most once a second, so the JIT and GC figures end up
        // to a second short of the window.
        if (warming || now - jvmSampledAt >= JVM_SAMPLE_NANOS) {
          jvmAtLast = JvmThreadCpu.sample();
          jvmSampledAt = now;
        }
        if (warming) {
          warmAt = now;
          warmRecords = count;
          cpuAtWarm = cpuAtLast;
          processAtWarm = processAtLast;
          jvmAtWarm = jvmAtLast;
        }
      }
      if (now >= nextProgress) {
        log.printf(
            "bench: %s %d/%d records after %.0f s (%s)%n",
            name, count, expected, (now - phaseStart) / 1e9, elapsed());
        nextProgress = now + Duration.ofSeconds(5).toNanos();
      }
    }
    if (count > 0 && (warmAt == 0 || count == warmRecords)) {
      // Every record came out at once (a small run: one commit carried them all), so there is no
      // steady window after a warm-up: the phase is measured whole, from its start.
      warmAt = phaseStart;
      warmRecords = 0;
      cpuAtWarm = cpuAtStart;
      processAtWarm = processAtStart;
      jvmAtWarm = jvmAtStart;
    }
    double seconds = warmAt == 0 ? 0 : (lastAt - warmAt) / 1e9;
    return new Phase(
        name,
        count,
        warmAt == 0 ? 0 : count - warmRecords,
        seconds,
        cpuAtLast - cpuAtWarm,
        processAtLast - processAtWarm,
        jvmAtWarm.known() && jvmAtLast.known() ? jvmAtLast.jitMs() - jvmAtWarm.jitMs() : -1,
        jvmAtWarm.known() && jvmAtLast.known() ? jvmAtLast.gcMs() - jvmAtWarm.gcMs() : -1);
  }

  /**
   * A fresh enrich application positioned at the end of the raw topic; articles published at {@code
   * rate}, each timed from its send to the first alert naming it in its evidence (or, when none
   * does, to its enriched record) being readable.
   */
  private Latency latencyPhase(
      String bootstrap, Admin admin, BenchCorpus corpus, EnrichService service, long end)
      throws Exception {
    String raw = Topics.ARTICLES_RAW.name();
    Map<TopicPartition, Long> outStart = new HashMap<>();
    outStart.putAll(endOffsets(admin, Topics.ARTICLES_ENRICHED.name()));
    outStart.putAll(endOffsets(admin, Topics.ALERTS.name()));
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    Map<String, Long> enrichedAt = new HashMap<>();
    Map<String, Long> alertAt = new HashMap<>();
    long alerts = 0;
    var alertSerde = Topics.ALERTS.valueSerde().deserializer();
    try (KafkaConsumer<String, byte[]> reader = reader(bootstrap, outStart)) {
      while (service.state() != KafkaStreams.State.RUNNING && System.nanoTime() < end) {
        reader.poll(Duration.ofMillis(100));
      }
      // Sending stops early enough for the last articles to come through before the deadline.
      long sendEnd = end - Math.min(Duration.ofSeconds(5).toNanos(), (end - System.nanoTime()) / 4);
      long sendStart = System.nanoTime();
      // The first tenth of the articles warm the new application (first transactions).
      long planned =
          s.latencyArticles() > 0
              ? s.latencyArticles()
              : (long) (s.rate() * (sendEnd - sendStart) / 1e9);
      long warmArticles = Math.max(1, planned / 10);
      Set<String> warmIds = ConcurrentHashMap.newKeySet();
      Set<String> changeIds = ConcurrentHashMap.newKeySet();
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger sent = new AtomicInteger();
      AtomicReference<Exception> failed = new AtomicReference<>();
      Thread sender =
          new Thread(
              () -> {
                var values = Topics.ARTICLES_RAW.valueSerde().serializer();
                long intervalNanos = (long) (1e9 / s.rate());
                try (KafkaProducer<String, byte[]> producer = producer(bootstrap, 0)) {
                  for (long i = 0; !stop.get(); i++) {
                    long slot = sendStart + i * intervalNanos;
                    if (slot >= sendEnd || (s.latencyArticles() > 0 && i >= s.latencyArticles())) {
                      break;
                    }
                    long wait = slot - System.nanoTime();
                    if (wait > 0) {
                      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    BenchCorpus.Item item = corpus.next(Instant.now());
                    RawArticle a = item.article();
                    if (item.change()) {
                      changeIds.add(a.getId());
                    }
                    byte[] bytes = values.serialize(raw, a);
                    long now = System.nanoTime();
                    if (i < warmArticles) {
                      warmIds.add(a.getId());
                    }
                    sentAt.put(a.getId(), now);
                    producer.send(
                        new ProducerRecord<>(
                            raw, null, System.currentTimeMillis(), a.getId(), bytes));
                    sent.incrementAndGet();
                  }
                  producer.flush();
                } catch (InterruptedException ex) {
                  Thread.currentThread().interrupt();
                } catch (Exception ex) {
                  failed.set(ex);
                }
              },
              "herald-bench-sender");
      sender.start();
      long nextProgress = sendStart + Duration.ofSeconds(5).toNanos();
      try {
        while (System.nanoTime() < end) {
          if (!sender.isAlive() && enrichedAt.size() >= sent.get()) {
            break;
          }
          for (ConsumerRecord<String, byte[]> r : reader.poll(Duration.ofMillis(20))) {
            long now = System.nanoTime();
            if (r.topic().equals(Topics.ALERTS.name())) {
              alerts++;
              ScheduleChangeAlert alert = alertSerde.deserialize(r.topic(), r.value());
              for (Evidence ev : alert.getEvidence()) {
                alertAt.putIfAbsent(ev.getArticleId(), now);
              }
            } else {
              enrichedAt.putIfAbsent(r.key(), now);
            }
          }
          if (System.nanoTime() >= nextProgress) {
            log.printf(
                "bench: latency %d sent, %d enriched, %d alerts%n",
                sent.get(), enrichedAt.size(), alerts);
            nextProgress = System.nanoTime() + Duration.ofSeconds(5).toNanos();
          }
        }
      } finally {
        stop.set(true);
        sender.join(10_000);
      }
      if (failed.get() != null) {
        throw failed.get();
      }
      List<Double> ms = new ArrayList<>();
      int viaAlert = 0;
      int unfinished = 0;
      for (Map.Entry<String, Long> sentEntry : sentAt.entrySet()) {
        String id = sentEntry.getKey();
        if (warmIds.contains(id)) {
          continue;
        }
        // Only an article stating a change raises an alert; the others end at their enriched
        // record (an announcement also appears as evidence in the alert of a later change).
        Long at = changeIds.contains(id) ? alertAt.get(id) : null;
        if (at != null) {
          viaAlert++;
        } else {
          at = enrichedAt.get(id);
        }
        if (at == null) {
          unfinished++;
        } else {
          ms.add((at - sentEntry.getValue()) / 1e6);
        }
      }
      ms.sort(Double::compare);
      double sendSeconds = (Math.min(sendEnd, System.nanoTime()) - sendStart) / 1e9;
      return new Latency(
          s.rate(),
          sendSeconds <= 0 ? 0 : sent.get() / sendSeconds,
          sent.get(),
          ms.size(),
          viaAlert,
          unfinished,
          alerts,
          percentile(ms, 50),
          percentile(ms, 99),
          ms.isEmpty() ? 0 : ms.get(ms.size() - 1));
    }
  }

  /** When the measurements must be over: the rest of the duration is for closing down. */
  private long hardEnd() {
    long reserve = Math.min(Duration.ofSeconds(15).toNanos(), s.duration().toNanos() / 8);
    return deadline - reserve;
  }

  /** The end of a phase that gets {@code share} of the time left. */
  private long share(double share) {
    long now = System.nanoTime();
    return now + (long) (Math.max(0, hardEnd() - now) * share);
  }

  private String elapsed() {
    return String.format("%.0f s", (System.nanoTime() - started) / 1e9);
  }

  /** Nearest-rank percentile; 0 when there is no sample. */
  static double percentile(List<Double> sorted, double p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  private EnrichConfig enrichConfig(String bootstrap, String appId) {
    return EnrichConfig.defaults(bootstrap, s.workDir().resolve("streams").resolve(appId))
        .withApplicationId(appId)
        .withExtraProperties(s.clientProperties());
  }

  /** Same settings as the enrich application: {@link EnrichService#streamsProperties}. */
  private Properties streamsProps(String bootstrap, String appId) {
    return EnrichService.streamsProperties(enrichConfig(bootstrap, appId));
  }

  /** Commits the group's offsets so that the application starts at {@code offsets}. */
  private static void startAt(Admin admin, String groupId, Map<TopicPartition, Long> offsets)
      throws InterruptedException, ExecutionException {
    Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
    offsets.forEach((tp, o) -> commit.put(tp, new OffsetAndMetadata(o)));
    admin.alterConsumerGroupOffsets(groupId, commit).all().get();
  }

  private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic)
      throws InterruptedException, ExecutionException {
    var description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    description
        .partitions()
        .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    Map<TopicPartition, Long> out = new LinkedHashMap<>();
    for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e :
        admin.listOffsets(request).all().get().entrySet()) {
      out.put(e.getKey(), e.getValue().offset());
    }
    return out;
  }

  private Properties adminProps(String bootstrap) {
    Properties p = new Properties();
    p.putAll(s.clientProperties());
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    return p;
  }

  private KafkaProducer<String, byte[]> producer(String bootstrap, int lingerMs) {
    Properties p = adminProps(bootstrap);
    p.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  /** A read_committed reader of the given partitions from the given offsets. */
  private KafkaConsumer<String, byte[]> reader(
      String bootstrap, Map<TopicPartition, Long> offsets) {
    Properties p = adminProps(bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 << 20);
    KafkaConsumer<String, byte[]> c =
        new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    c.assign(offsets.keySet());
    offsets.forEach(c::seek);
    return c;
  }

  /** CPU time so far of the live threads whose name carries the application id. */
  private static double appCpuMs(String appId) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double total = 0;
    for (ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (t != null && t.getThreadName().contains(appId)) {
        long ns = mx.getThreadCpuTime(t.getThreadId());
        total += ns > 0 ? ns / 1e6 : 0;
      }
    }
    return total;
  }

  /** The JVM's accumulated JIT compilation time, or 0 where it is not reported. */
  private static double jitMs() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported()
        ? jit.getTotalCompilationTime()
        : 0;
  }

  /** CPU time of this whole process (the embedded broker included). */
  private static double processCpuMs() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime() / 1e6;
    }
    return 0;
  }

  /** On a cluster that outlives the run: the passthrough topic and the bench apps' topics go. */
  private void cleanUp(Admin admin) {
    try {
      Set<String> doomed = new HashSet<>();
      for (String t : admin.listTopics().names().get()) {
        if (t.startsWith(OUT_PREFIX + run) || t.startsWith("herald-bench-") && t.contains(run)) {
          doomed.add(t);
        }
      }
      admin.deleteTopics(doomed).all().get();
      Collection<String> groups = new ArrayList<>();
      for (var g : admin.listGroups().all().get()) {
        if (g.groupId().startsWith("herald-bench-") && g.groupId().contains(run)) {
          groups.add(g.groupId());
        }
      }
      admin.deleteConsumerGroups(groups).all().get();
      log.printf(
          "bench: removed %d topic(s) and %d group(s) of this run%n", doomed.size(), groups.size());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      log.println("bench: could not remove every topic of this run: " + e.getCause());
    }
  }
}
