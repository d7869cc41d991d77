package dev.herald.app.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.herald.app.broker.EmbeddedKafka;
import dev.herald.app.cli.HeraldCommand;
import dev.herald.app.pipeline.TopicSetup;
import dev.herald.avro.FeedSubscription;
import dev.herald.ingest.IngestConfig;
import dev.herald.ingest.IngestService;
import dev.herald.ingest.cli.FeedsJob;
import dev.herald.ingest.feeds.FeedRef;
import dev.herald.ingest.registry.FeedRegistry;
import dev.herald.ingest.registry.RegistryFeedSource;
import dev.herald.ingest.schedule.SchedulePolicy;
import dev.herald.schemas.Topics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The feed registry on a real embedded broker: the {@code herald feeds} commands, ingest instances
 * sharing the registry through their consumer group, and a permanent redirect re-keying a feed.
 */
@Tag("broker")
class FeedRegistryBrokerTest {

  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Duration HOUR = Duration.ofHours(1);

  @TempDir Path work;

  private EmbeddedKafka kafka;
  private HttpServer server;
  private String base;

  /** Every request the feed server answered: path and User-Agent (which instance asked). */
  private final List<String[]> requests = new CopyOnWriteArrayList<>();

  private final List<IngestService> services = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    kafka = EmbeddedKafka.start(work.resolve("kafka"), 0);
    try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap()))) {
      TopicSetup.ensureTopics(admin);
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/", this::serve);
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    services.forEach(IngestService::close);
    if (server != null) {
      server.stop(0);
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void shouldAddListImportExportAndRemoveFeedsThroughTheCommands() throws Exception {
    // Given an empty registry, two feeds to add and a plain feed list with one of them again
    String a = base + "/feed/a";
    String b = base + "/feed/b";
    String c = base + "/feed/c";
    Files.writeString(work.resolve("local.rss"), rss("local", 1));
    Path list = work.resolve("feeds.txt");
    Files.writeString(list, "# my feeds\n" + b + "\n" + c + "\nlocal.rss\n");
    String local = work.resolve("local.rss").toUri().toString();

    // When they are added, listed, imported and exported
    Run added = herald("feeds", "add", a, b, "--interval", "30m", "--title", "News");
    Run imported = herald("feeds", "import", list.toString());
    Run listed = herald("feeds", "list");
    Path opml = work.resolve("out/feeds.opml");
    Run exported = herald("feeds", "export", "--output", opml.toString());

    // Then every feed is registered once, the list's known feed left as it was
    assertThat(added.exit).isZero();
    assertThat(added.out).contains("added " + a).contains("added " + b);
    assertThat(imported.exit).isZero();
    assertThat(imported.out).contains("2 feed(s) added, 1 already registered");
    assertThat(listed.exit).isZero();
    // sorted by URL: file: before http:
    assertThat(listed.out.lines().map(l -> l.split("\t")[0]).toList())
        .containsExactly(local, a, b, c);
    assertThat(listed.out.lines().filter(l -> l.startsWith(b + "\t")).findFirst().orElseThrow())
        .startsWith(b + "\tNews\t1800\ttrue\t");
    assertThat(exported.exit).isZero();
    String xml = Files.readString(opml);
    assertThat(xml).contains("<opml version=\"2.0\">").contains("xmlUrl=\"" + a + "\"");

    // When every feed is removed (one of them twice), then the exported OPML imported again
    Run removed = herald("feeds", "remove", a, b, c, local);
    Run removedAgain = herald("feeds", "remove", a);
    Run empty = herald("feeds", "list");
    Run reimported = herald("feeds", "import", opml.toString());
    Run relisted = herald("feeds", "list");

    // Then removal reports what was not registered, and the round trip restores the registry
    assertThat(removed.exit).isZero();
    assertThat(removedAgain.exit).isEqualTo(1);
    assertThat(removedAgain.out).contains("not registered: " + a);
    assertThat(empty.out).isEmpty();
    assertThat(reimported.out).contains("4 feed(s) added, 0 already registered");
    assertThat(relisted.out.lines().map(l -> l.split("\t")[0]).toList())
        .containsExactly(local, a, b, c);
    assertThat(relisted.out.lines().filter(l -> l.startsWith(a + "\t")).findFirst().orElseThrow())
        .startsWith(a + "\tNews\t");
    // and a removal tombstoned the feed's state as well as its subscription
    assertThat(tombstonedKeys(Topics.FEED_STATE.name())).contains(a, b, c, local);
  }

  @Test
  void shouldSplitTheFeedsBetweenTwoInstancesAndHandThemOverWhenOneCloses() throws Exception {
    // Given 24 feeds in the registry, polled once by instance A alone (hourly: no second poll)
    List<String> first = urls(0, 24);
    register(first);
    RegistryFeedSource sourceA = instance("A");
    awaitCondition(() -> fetchedPaths().size() == 24, "A polls every feed");

    // When instance B joins the group
    RegistryFeedSource sourceB = instance("B");
    // a rebalance settles in steps (an instance learns of a revocation at its next poll), so the
    // split is judged on one snapshot of both instances, once it has settled
    AtomicReference<Set<Integer>> partsA = new AtomicReference<>();
    AtomicReference<Set<Integer>> partsB = new AtomicReference<>();
    AtomicReference<Set<String>> feedsA = new AtomicReference<>();
    AtomicReference<Set<String>> feedsB = new AtomicReference<>();
    awaitCondition(
        () -> {
          if (!sourceA.ready() || !sourceB.ready()) {
            return false;
          }
          partsA.set(Set.copyOf(sourceA.assignedPartitions()));
          partsB.set(Set.copyOf(sourceB.assignedPartitions()));
          feedsA.set(urlsOf(sourceA.feeds()));
          feedsB.set(urlsOf(sourceB.feeds()));
          return !partsB.get().isEmpty()
              && Collections.disjoint(partsA.get(), partsB.get())
              && union(partsA.get(), partsB.get()).size() == Topics.FEEDS.partitions()
              && Collections.disjoint(feedsA.get(), feedsB.get())
              && union(feedsA.get(), feedsB.get()).size() == first.size();
        },
        "the partitions and the feeds are split");

    // Then each instance has its own share of the feeds, together all of them
    Set<String> shareA = feedsA.get();
    Set<String> shareB = feedsB.get();
    assertThat(partsA.get()).doesNotContainAnyElementsOf(partsB.get());
    assertThat(shareA).doesNotContainAnyElementsOf(shareB);
    assertThat(union(shareA, shareB)).containsExactlyInAnyOrderElementsOf(first);
    assertThat(shareB).isNotEmpty();

    // When 12 feeds are added
    List<String> added = urls(24, 36);
    register(added);
    awaitCondition(() -> fetchedPaths().size() == 36, "the new feeds are polled");

    // Then each new feed is polled by the instance whose share holds it, and only by it
    awaitCondition(
        () -> union(urlsOf(sourceA.feeds()), urlsOf(sourceB.feeds())).size() == 36,
        "both shares hold the new feeds");
    Set<String> nowA = urlsOf(sourceA.feeds());
    for (String url : added) {
      String expected = nowA.contains(url) ? "herald-test-A" : "herald-test-B";
      assertThat(agentsOf(url)).as(url).containsExactly(expected);
    }
    assertThat(added.stream().filter(nowA::contains)).isNotEmpty();
    assertThat(added.stream().filter(u -> !nowA.contains(u))).isNotEmpty();

    // When A closes, and then 4 more feeds are added
    services.get(0).close();
    awaitCondition(
        () ->
            sourceB.ready()
                && sourceB.assignedPartitions().size() == Topics.FEEDS.partitions()
                && sourceB.feeds().size() == 36,
        "B takes over every partition");
    List<String> late = urls(36, 40);
    register(late);
    awaitCondition(() -> fetchedPaths().size() == 40, "B polls the feeds added last");

    // Then B polls them, no feed was dropped, and none was polled twice: the states came along
    for (String url : late) {
      assertThat(agentsOf(url)).as(url).containsExactly("herald-test-B");
    }
    assertThat(urlsOf(sourceB.feeds())).hasSize(40);
    Map<String, Long> perFeed =
        requests.stream().collect(Collectors.groupingBy(r -> r[0], Collectors.counting()));
    assertThat(perFeed).hasSize(40);
    assertThat(perFeed.values()).allMatch(n -> n == 1L);
  }

  @Test
  void shouldMoveAPermanentlyRedirectedFeedToItsNewKeyAndTombstoneTheOldOne() throws Exception {
    // Given a feed that moved for good (301) to another address, in the registry
    String old = base + "/moved/old";
    String moved = base + "/feed/new";
    register(List.of(old));

    // When an instance polls it
    instance("A");
    awaitCondition(
        () -> {
          Map<String, FeedSubscription> all = readRegistry();
          return all.containsKey(moved) && !all.containsKey(old);
        },
        "the registry holds the new address only");

    // Then the old key has a tombstone in both topics and the state lives on under the new key
    assertThat(tombstonedKeys(Topics.FEEDS.name())).contains(old);
    assertThat(tombstonedKeys(Topics.FEED_STATE.name())).contains(old);
    Map<String, byte[]> states = latestValues(Topics.FEED_STATE.name());
    assertThat(states).containsKey(moved);
    assertThat(states.get(old)).isNull();
    // and the feed is not fetched again at its new key before its next poll is due
    assertThat(requests.stream().filter(r -> r[0].equals("/moved/old")).count()).isEqualTo(1);
  }

  // ---------------------------------------------------------------------------------------------

  private String bootstrap() {
    return kafka.bootstrapServers();
  }

  private Map<String, Object> client() {
    return Map.of("bootstrap.servers", bootstrap());
  }

  /** An ingest instance in group "herald-ingest", running; its requests carry its name. */
  private RegistryFeedSource instance(String name) {
    IngestConfig config =
        IngestConfig.of(bootstrap(), null, HOUR, Map.of())
            .withSchedule(SchedulePolicy.fixed(HOUR, HOUR))
            .withHostLimits(8, Duration.ZERO)
            .withUserAgent("herald-test-" + name);
    RegistryFeedSource source = new RegistryFeedSource(client(), RegistryFeedSource.DEFAULT_GROUP);
    IngestService service = new IngestService(config, source, Clock.systemUTC());
    services.add(service);
    Thread t = new Thread(service::run, "test-ingest-" + name);
    t.setDaemon(true);
    t.start();
    return source;
  }

  private void register(List<String> urls) throws Exception {
    try (FeedsJob job = new FeedsJob(client())) {
      job.add(urls, null, HOUR, new PrintStream(OutputStream.nullOutputStream()));
    }
  }

  private Map<String, FeedSubscription> readRegistry() {
    try (FeedRegistry registry = new FeedRegistry(client())) {
      return registry.readAll(Duration.ofSeconds(30));
    } catch (Exception e) {
      return Map.of();
    }
  }

  private List<String> urls(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> base + "/feed/" + i).toList();
  }

  private Set<String> fetchedPaths() {
    return requests.stream().map(r -> r[0]).collect(Collectors.toSet());
  }

  private List<String> agentsOf(String url) {
    String path = url.substring(base.length());
    return requests.stream().filter(r -> r[0].equals(path)).map(r -> r[1]).toList();
  }

  private static Set<String> urlsOf(List<FeedRef> feeds) {
    return feeds.stream().map(FeedRef::url).collect(Collectors.toSet());
  }

  private static <T> Set<T> union(Set<T> a, Set<T> b) {
    Set<T> u = new HashSet<>(a);
    u.addAll(b);
    return u;
  }

  private void serve(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      requests.add(new String[] {path, ex.getRequestHeaders().getFirst("User-Agent")});
      if (path.equals("/moved/old")) {
        ex.getResponseHeaders().add("Location", base + "/feed/new");
        ex.sendResponseHeaders(301, -1);
        return;
      }
      byte[] body = rss(path, 1).getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static String rss(String name, int items) {
    StringBuilder sb =
        new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>")
            .append("<title>Feed ")
            .append(name)
            .append("</title><link>http://example.org/</link><description>test</description>");
    for (int i = 0; i < items; i++) {
      sb.append("<item><title>Story ")
          .append(i)
          .append("</title><link>http://example.org")
          .append(name)
          .append('/')
          .append(i)
          .append("</link><pubDate>Tue, 14 Nov 2017 10:00:00 GMT</pubDate></item>");
    }
    return sb.append("</channel></rss>").toString();
  }

  /** Keys of the topic that have a tombstone (a record with a null value). */
  private Set<String> tombstonedKeys(String topic) {
    Set<String> keys = new HashSet<>();
    readTopic(
        topic,
        (k, v) -> {
          if (v == null) {
            keys.add(k);
          }
        });
    return keys;
  }

  /** The latest value of every key of the topic (null for a tombstone). */
  private Map<String, byte[]> latestValues(String topic) {
    Map<String, byte[]> latest = new HashMap<>();
    readTopic(topic, latest::put);
    return latest;
  }

  private void readTopic(String topic, java.util.function.BiConsumer<String, byte[]> each) {
    Map<String, Object> p = new HashMap<>(client());
    p.put("auto.offset.reset", "earliest");
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> tps =
          consumer.partitionsFor(topic).stream()
              .map(i -> new TopicPartition(topic, i.partition()))
              .toList();
      consumer.assign(tps);
      consumer.seekToBeginning(tps);
      Map<TopicPartition, Long> end = consumer.endOffsets(tps);
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (tps.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        assertThat(System.nanoTime()).as("read " + topic + " to its end").isLessThan(deadline);
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          each.accept(r.key(), r.value());
        }
      }
    }
  }

  private static void awaitCondition(BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + WAIT + ": " + what);
      }
      Thread.sleep(100);
    }
  }

  /** What one {@code herald} command line printed and returned. */
  private record Run(int exit, String out, String err) {}

  private Run herald(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--bootstrap-servers");
    all.add(bootstrap());
    CommandLine cl = HeraldCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(all.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }
}
