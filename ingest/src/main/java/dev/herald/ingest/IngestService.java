package dev.herald.ingest;

import dev.herald.avro.FeedState;
import dev.herald.ingest.article.ArticleMapper;
import dev.herald.ingest.cli.FeedsJob;
import dev.herald.ingest.feeds.FeedListFile;
import dev.herald.ingest.feeds.FeedRef;
import dev.herald.ingest.feeds.FeedSource;
import dev.herald.ingest.feeds.FeedStateStore;
import dev.herald.ingest.feeds.MovableFeedSource;
import dev.herald.ingest.feeds.ShardedFeedSource;
import dev.herald.ingest.fetch.FeedFetcher;
import dev.herald.ingest.page.KafkaPageSink;
import dev.herald.ingest.page.PageStage;
import dev.herald.ingest.parse.FeedParser;
import dev.herald.ingest.poll.FeedPoller;
import dev.herald.ingest.poll.PollResult;
import dev.herald.ingest.registry.FeedRegistry;
import dev.herald.ingest.registry.RegistryFeedSource;
import dev.herald.ingest.schedule.DueQueue;
import dev.herald.ingest.schedule.HostLimiter;
import dev.herald.ingest.schedule.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest daemon: polls every feed of its {@link FeedSource} when the {@link Scheduler} says it
 * is due, with a few worker threads and per-host limits ({@link HostLimiter}), and publishes new
 * articles (key: article id) and each feed's state (key: feed URL) with one idempotent producer
 * (acks=all). With a plain source (a list file) the feed states are read back from the whole
 * compacted feed-state topic on first use; a {@link ShardedFeedSource} (the registry, shared by a
 * consumer group) hands over the states of its own share instead. Either way a restart neither
 * forgets validators nor re-publishes items.
 *
 * <p>A feed that moved for good (301/308) is polled at its new address at once; a source that can
 * move it ({@link MovableFeedSource}) is asked to re-key it.
 */
public final class IngestService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
  private static final Duration TICK = Duration.ofSeconds(1);
  private static final Duration HOST_WAIT = Duration.ofMillis(100);
  private static final Duration MIN_WAIT = Duration.ofMillis(10);
  private static final Duration STATE_LOAD_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STATE_LOAD_RETRY = Duration.ofSeconds(5);
  private static final Duration SHARE_WAIT = Duration.ofSeconds(120);
  private static final Duration ONCE_PAGE_WAIT = Duration.ofMinutes(10);

  private final IngestConfig config;
  private final FeedSource source;
  private final Clock clock;
  private final FeedPoller poller;
  private final Producer<byte[], byte[]> producer;
  private final IngestPublisher publisher;
  private final PageStage pages;
  private final ExecutorService workers;
  private final HostLimiter hosts;
  private final IngestCounters counters = new IngestCounters();

  /** Every known state, its recent ids packed (see {@link RecentIds}). */
  private final Map<String, RecentIds.Packed> states = new ConcurrentHashMap<>();

  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicInteger queued = new AtomicInteger();
  private final DueQueue due = new DueQueue();
  private volatile Map<String, FeedRef> byUrl = Map.of();
  private List<FeedRef> lastFeeds;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch stop = new CountDownLatch(1);
  private volatile boolean stateLoaded;

  /**
   * Reads the feed list now.
   *
   * @throws IllegalArgumentException when the feed list is unreadable or has bad entries
   */
  public IngestService(IngestConfig config) {
    this(config, new FeedListFile(requireList(config)), Clock.systemUTC());
  }

  /** With another source of feeds (the registry, a fixed list) and clock. */
  public IngestService(IngestConfig config, FeedSource source, Clock clock) {
    this(
        config,
        source,
        clock,
        new KafkaProducer<>(
            producerConfig(config), new ByteArraySerializer(), new ByteArraySerializer()));
  }

  /** With a producer of the caller's (tests, benchmarks); the service closes it. */
  public IngestService(
      IngestConfig config, FeedSource source, Clock clock, Producer<byte[], byte[]> producer) {
    this.config = config;
    this.source = source;
    this.clock = clock;
    FeedFetcher fetcher = new FeedFetcher(config.fetch());
    this.poller =
        new FeedPoller(
            fetcher,
            new FeedParser(config.fetch().maxBytes()),
            new ArticleMapper(),
            new Scheduler(config.schedule()),
            config.recentItemLimit(),
            FeedPoller.DEFAULT_MAX_ITEMS_PER_POLL);
    this.producer = producer;
    this.publisher = new IngestPublisher(producer);
    this.pages = new PageStage(config.pages(), config.fetch(), new KafkaPageSink(producer), clock);
    this.workers = Executors.newFixedThreadPool(config.pollThreads(), workerThreads());
    this.hosts = new HostLimiter(config.maxFetchesPerHost(), config.hostRequestGap());
    if (source instanceof ShardedFeedSource sharded) {
      sharded.bind(new Store());
      stateLoaded = true; // the source brings the states of its share
    }
  }

  /**
   * The sharded daemon: feeds from the registry ({@code herald.feeds}), shared with every other
   * instance of consumer group {@code groupId} over the topic's partitions. Creates the registry
   * topics when missing and first imports {@code config.feedList()} when set (feeds not registered
   * yet are added; the registry stays the source of truth).
   *
   * @throws IllegalArgumentException when the feed list has bad entries
   * @throws IllegalStateException when Kafka cannot be reached to import the list
   */
  public static IngestService withRegistry(IngestConfig config, String groupId) {
    Map<String, Object> client = clientConfig(config);
    if (config.feedList() != null) {
      try (FeedsJob job = new FeedsJob(client)) {
        FeedsJob.ImportSummary imported =
            job.importFile(
                config.feedList(),
                config.interval(),
                new java.io.PrintStream(
                    java.io.OutputStream.nullOutputStream(),
                    true,
                    java.nio.charset.StandardCharsets.UTF_8));
        LOG.info(
            "Imported {} into the registry: {} feed(s) added, {} already registered",
            config.feedList(),
            imported.added(),
            imported.alreadyRegistered());
      } catch (java.io.IOException | TimeoutException e) {
        throw new IllegalStateException("cannot import " + config.feedList() + ": " + e, e);
      }
    } else {
      FeedRegistry.ensureTopics(client);
    }
    return new IngestService(config, new RegistryFeedSource(client, groupId), Clock.systemUTC());
  }

  private static java.nio.file.Path requireList(IngestConfig config) {
    if (config.feedList() == null) {
      throw new IllegalArgumentException("no feed list configured");
    }
    return config.feedList();
  }

  /** The Kafka client properties of a config: its extra properties and bootstrap servers. */
  public static Map<String, Object> clientConfig(IngestConfig config) {
    Map<String, Object> p = new HashMap<>(config.clientProperties());
    p.put("bootstrap.servers", config.bootstrapServers());
    return p;
  }

  static Map<String, Object> producerConfig(IngestConfig config) {
    Map<String, Object> p = clientConfig(config);
    p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "herald-ingest");
    // Not overridable: a retried send must never duplicate an article or a state.
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    return p;
  }

  /**
   * Polls every feed now, whatever its schedule (but within the per-host concurrency limit), waits
   * for the broker's acknowledgements and returns what happened. For tests, demos and {@code herald
   * ingest --once}.
   *
   * @throws IllegalStateException when the feed state cannot be read from Kafka, or the service is
   *     closed
   */
  public PollSummary pollAllOnce() {
    ensureOpen();
    ensureStateLoaded();
    awaitShare(SHARE_WAIT);
    List<Future<PollSummary>> futures = new ArrayList<>();
    for (FeedRef feed : source.feeds()) {
      if (inFlight.add(feed.url())) {
        futures.add(workers.submit(() -> pollWhenHostAllows(feed)));
      }
    }
    PollSummary total = PollSummary.EMPTY;
    for (Future<PollSummary> f : futures) {
      try {
        total = total.plus(f.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while polling", e);
      } catch (ExecutionException e) {
        // pollAndPublish catches everything; this is a bug
        throw new IllegalStateException("poll failed", e.getCause());
      }
    }
    pages.drain(ONCE_PAGE_WAIT); // short items wait for their article page
    producer.flush();
    LOG.info("Polled all feeds: {}", total);
    return total;
  }

  /** Polls each feed when it is due, until {@link #close()}. Blocks the calling thread. */
  public void run() {
    while (!closed.get() && !stateLoaded) {
      try {
        ensureStateLoaded();
      } catch (IllegalStateException e) {
        LOG.warn("{}; retrying in {} s", e.getMessage(), STATE_LOAD_RETRY.toSeconds());
        if (await(STATE_LOAD_RETRY)) {
          return;
        }
      }
    }
    while (!closed.get() && source instanceof ShardedFeedSource sharded && !sharded.ready()) {
      if (await(HOST_WAIT)) {
        return;
      }
    }
    LOG.info("Ingest running: {} feed(s), every {}", source.feeds().size(), config.interval());
    int capacity = config.pollThreads() * 2;
    while (!closed.get()) {
      if (source instanceof ShardedFeedSource sharded && !sharded.ready()) {
        if (await(HOST_WAIT)) {
          return; // closed while the share is (re)assigned
        }
        continue;
      }
      Instant now = clock.instant();
      reconcile(source.feeds(), now);
      int room = capacity - queued.get();
      if (room > 0) {
        for (String url : due.pollDue(now, room)) {
          FeedRef feed = byUrl.get(url);
          if (feed == null || inFlight.contains(url)) {
            continue; // removed, or its running poll reschedules it
          }
          String host = HostLimiter.hostOf(target(feed));
          if (!hosts.tryAcquire(host, now)) {
            counters.hostDeferred();
            Instant at = hosts.availableAt(host, now);
            due.schedule(url, at.isAfter(now) ? at : now.plusMillis(MIN_WAIT.toMillis()));
            continue;
          }
          if (!submit(feed, host)) {
            return; // closing
          }
        }
      }
      if (await(untilNext(now, capacity))) {
        return;
      }
    }
  }

  /** How long the loop may sleep: until the next feed is due, a worker frees up, or a tick. */
  private Duration untilNext(Instant now, int capacity) {
    if (queued.get() >= capacity) {
      return HOST_WAIT;
    }
    Instant next = due.nextDue();
    if (next == null) {
      return TICK;
    }
    Duration d = Duration.between(now, next);
    if (d.compareTo(MIN_WAIT) < 0) {
      return MIN_WAIT;
    }
    return d.compareTo(TICK) > 0 ? TICK : d;
  }

  /** Brings the due queue in line with the source's feeds (cheap when they did not change). */
  private void reconcile(List<FeedRef> feeds, Instant now) {
    if (feeds == lastFeeds) {
      return;
    }
    Map<String, FeedRef> next = new HashMap<>(feeds.size() * 2);
    for (FeedRef f : feeds) {
      next.put(f.url(), f);
      if (!byUrl.containsKey(f.url()) && !inFlight.contains(f.url())) {
        due.schedule(f.url(), dueAt(f.url(), now));
      }
    }
    for (String url : byUrl.keySet()) {
      if (!next.containsKey(url)) {
        due.remove(url);
      }
    }
    byUrl = next;
    lastFeeds = feeds;
  }

  private Instant dueAt(String url, Instant now) {
    RecentIds.Packed packed = states.get(url);
    Instant at = packed == null ? null : packed.state().getNextPollAt();
    return at == null || at.isBefore(now) ? now : at;
  }

  /** Hands one feed to a worker; false when the service is closing. */
  private boolean submit(FeedRef feed, String host) {
    if (!inFlight.add(feed.url())) {
      hosts.release(host);
      return true;
    }
    queued.incrementAndGet();
    try {
      workers.execute(
          () -> {
            try {
              pollAndPublish(feed);
            } finally {
              hosts.release(host);
              queued.decrementAndGet();
              if (byUrl.containsKey(feed.url())) {
                due.schedule(feed.url(), dueAt(feed.url(), clock.instant()));
              }
            }
          });
      return true;
    } catch (RejectedExecutionException e) {
      inFlight.remove(feed.url());
      hosts.release(host);
      queued.decrementAndGet();
      return false;
    }
  }

  /**
   * The last known state of every feed polled or read back from Kafka (a snapshot), without their
   * recent article ids, which are held packed; {@link #feedState(String)} gives one in full.
   */
  public Map<String, FeedState> feedStates() {
    Map<String, FeedState> out = new HashMap<>(states.size() * 2);
    states.forEach((url, packed) -> out.put(url, packed.state()));
    return out;
  }

  /** The last known state of one feed, in full, or null. */
  public FeedState feedState(String url) {
    RecentIds.Packed packed = states.get(url);
    return packed == null ? null : packed.unpack();
  }

  /** How many feeds have a known state (cheap; for metrics). */
  public int knownFeeds() {
    return states.size();
  }

  /** Counters since start (cheap; for metrics). */
  public IngestCounters counters() {
    return counters;
  }

  /** Article-page counters since start (cheap; for metrics). */
  public PageStage.Counters pageCounters() {
    return pages.counters();
  }

  /** Where the feed is fetched from: its permanent new address when it moved. */
  private String target(FeedRef feed) {
    RecentIds.Packed packed = states.get(feed.url());
    String movedTo = packed == null ? null : packed.state().getMovedTo();
    return movedTo != null ? movedTo : feed.url();
  }

  /** {@link #pollAndPublish} once the feed's host has a free slot (waits for it). */
  private PollSummary pollWhenHostAllows(FeedRef feed) {
    String host = HostLimiter.hostOf(target(feed));
    try {
      while (!hosts.tryAcquire(host, clock.instant())) {
        Instant at = hosts.availableAt(host, clock.instant());
        long millis =
            Math.max(
                1,
                Math.min(HOST_WAIT.toMillis(), Duration.between(clock.instant(), at).toMillis()));
        Thread.sleep(millis);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      inFlight.remove(feed.url());
      return new PollSummary(0, 0, 1, 0);
    }
    try {
      return pollAndPublish(feed);
    } finally {
      hosts.release(host);
    }
  }

  /** Polls one feed and publishes the result; never throws. The caller has marked it in flight. */
  private PollSummary pollAndPublish(FeedRef feed) {
    String url = feed.url();
    try {
      Instant now = clock.instant();
      RecentIds.Packed before = states.get(url);
      if (before != null && before.state().getNextPollAt() != null) {
        counters.started(Duration.between(before.state().getNextPollAt(), now));
      }
      long t0 = System.nanoTime();
      PollResult polled = poller.poll(url, feedState(url), now, feed.interval());
      // articles with a short feed text are published later, with their page's text
      PollResult result = pages.takeOver(polled);
      int paged = polled.articles().size() - result.articles().size();
      long t1 = System.nanoTime();
      IngestPublisher.Published published = publisher.publish(result, pages.awaiting(url));
      counters.timed(Duration.ofNanos(t1 - t0), Duration.ofNanos(System.nanoTime() - t1));
      states.put(url, RecentIds.pack(published.state()));
      counters.record(result, published.articles() + paged, published.articlesFailed());
      if (published.articles() > 0) {
        LOG.info("Feed {}: {} new article(s)", SafeUrls.redact(url), published.articles());
      }
      if (result.failed() && result.state().getLastStatus() != null) {
        int status = result.state().getLastStatus();
        if ((status == 429 || status == 503) && result.state().getNextPollAt() != null) {
          // the host asked everyone to wait, not just this feed
          hosts.blockUntil(HostLimiter.hostOf(target(feed)), retryUntil(result, now));
        }
      }
      if (published.state().getMovedTo() != null && source instanceof MovableFeedSource movable) {
        if (movable.move(feed, published.state())) {
          counters.feedMoved();
        }
      }
      boolean failed = result.failed() || published.articlesFailed() > 0;
      boolean unchanged =
          result.outcome() == PollResult.Outcome.NOT_MODIFIED
              || result.outcome() == PollResult.Outcome.UNCHANGED;
      return new PollSummary(
          failed ? 0 : 1,
          !failed && unchanged ? 1 : 0,
          failed ? 1 : 0,
          published.articles() + paged);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new PollSummary(0, 0, 1, 0);
    } catch (RuntimeException e) {
      LOG.error("Feed {}: not published", SafeUrls.redact(url), e);
      return new PollSummary(0, 0, 1, 0);
    } finally {
      inFlight.remove(url);
    }
  }

  /** The host-wide hold after a 429/503: the server's Retry-After, else a short pause. */
  private static Instant retryUntil(PollResult result, Instant now) {
    Duration retryAfter = result.retryAfter();
    return now.plus(retryAfter != null ? retryAfter : Duration.ofSeconds(30));
  }

  private synchronized void ensureStateLoaded() {
    if (stateLoaded) {
      return;
    }
    try {
      Map<String, RecentIds.Packed> loaded =
          FeedStateLoader.load(clientConfig(config), STATE_LOAD_TIMEOUT);
      loaded.forEach(states::putIfAbsent);
      stateLoaded = true;
    } catch (TimeoutException | org.apache.kafka.common.KafkaException e) {
      throw new IllegalStateException(
          "cannot read the feed state from Kafka: " + e.getMessage(), e);
    }
  }

  /** Waits (bounded) until a sharded source has its share; a plain source is always ready. */
  private void awaitShare(Duration max) {
    if (!(source instanceof ShardedFeedSource sharded)) {
      return;
    }
    long deadline = System.nanoTime() + max.toNanos();
    while (!sharded.ready()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no registry share assigned within " + max);
      }
      if (await(HOST_WAIT)) {
        throw new IllegalStateException("ingest service is closed");
      }
    }
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("ingest service is closed");
    }
  }

  /** Waits up to {@code d}; true when the service was closed meanwhile. */
  private boolean await(Duration d) {
    try {
      return stop.await(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  /** Stops {@link #run()}, lets running polls finish (up to 30 s) and closes the producer. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    stop.countDown();
    workers.shutdown();
    try {
      if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
    pages.close(); // publishes what waits for a page, with its feed text at the latest
    if (source instanceof ShardedFeedSource sharded) {
      sharded.close();
    }
    producer.close(Duration.ofSeconds(10));
  }

  /** Where a sharded source hands over the states of its share. */
  private final class Store implements FeedStateStore {
    @Override
    public void adopt(Map<String, FeedState> adopted) {
      adopted.forEach((url, state) -> states.put(url, RecentIds.pack(state)));
    }

    @Override
    public void adoptIfAbsent(Map<String, FeedState> adopted) {
      adopted.forEach((url, state) -> states.computeIfAbsent(url, u -> RecentIds.pack(state)));
    }

    @Override
    public void drop(Collection<String> urls, Duration wait) {
      long deadline = System.nanoTime() + wait.toNanos();
      for (String url : urls) {
        while (inFlight.contains(url) && System.nanoTime() < deadline) {
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          }
        }
        states.remove(url);
      }
    }
  }

  private static ThreadFactory workerThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "herald-ingest-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
