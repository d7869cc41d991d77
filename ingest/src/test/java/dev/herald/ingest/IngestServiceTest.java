package dev.herald.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.avro.FeedState;
import dev.herald.ingest.feeds.FeedRef;
import dev.herald.ingest.feeds.FeedStateStore;
import dev.herald.ingest.feeds.ShardedFeedSource;
import dev.herald.ingest.schedule.SchedulePolicy;
import dev.herald.ingest.testutil.LocalHttpServer;
import dev.herald.schemas.Topics;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The daemon loop against a local server and Kafka's MockProducer: limits and states. */
class IngestServiceTest {

  private static final Duration BOUND = Duration.ofSeconds(60);

  private final LocalHttpServer server = new LocalHttpServer();
  private final AtomicInteger concurrent = new AtomicInteger();
  private final AtomicInteger maxConcurrent = new AtomicInteger();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final MockProducer<byte[], byte[]> producer =
      new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());

  @AfterEach
  void stop() {
    server.close();
  }

  /** A fixed share, ready at once, with no states of its own: the feeds are new. */
  private static final class FixedShare implements ShardedFeedSource {
    private final List<FeedRef> feeds;
    private FeedStateStore store;

    FixedShare(List<FeedRef> feeds) {
      this.feeds = List.copyOf(feeds);
    }

    @Override
    public void bind(FeedStateStore store) {
      this.store = store;
    }

    @Override
    public boolean ready() {
      return store != null;
    }

    @Override
    public List<FeedRef> feeds() {
      return feeds;
    }

    @Override
    public void close() {}
  }

  private void serveSlowly(String path, int status, String... headers) {
    server.handle(
        path,
        ex -> {
          hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
          int now = concurrent.incrementAndGet();
          maxConcurrent.accumulateAndGet(now, Math::max);
          try {
            Thread.sleep(50); // long enough for requests to overlap if allowed to
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            concurrent.decrementAndGet();
          }
          for (int i = 0; i + 1 < headers.length; i += 2) {
            ex.getResponseHeaders().add(headers[i], headers[i + 1]);
          }
          byte[] body =
              ("<rss version=\"2.0\"><channel><title>T</title><item><title>"
                      + path
                      + "</title><link>https://n.example"
                      + path
                      + "</link></item></channel></rss>")
                  .getBytes(StandardCharsets.UTF_8);
          if (status == 200) {
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
              out.write(body);
            }
          } else {
            ex.sendResponseHeaders(status, -1);
          }
        });
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + BOUND + ": " + what);
      }
      Thread.sleep(20);
    }
  }

  @Test
  void shouldPollEveryFeedOnceWithinThePerHostConcurrencyLimitAndPublishStates() throws Exception {
    // Given 12 feeds on one host, at most 2 fetches at a time, 8 workers
    List<FeedRef> feeds = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      serveSlowly("/f" + i, 200);
      feeds.add(FeedRef.of(server.url("/f" + i)));
    }
    IngestConfig config =
        IngestConfig.of("unused:9092", null, Duration.ofHours(1), Map.of())
            .withPollThreads(8)
            .withSchedule(SchedulePolicy.fixed(Duration.ofHours(1), Duration.ofHours(2)))
            .withHostLimits(2, Duration.ZERO);
    IngestService service =
        new IngestService(config, new FixedShare(feeds), Clock.systemUTC(), producer);
    Thread loop = new Thread(service::run);

    // When
    loop.start();
    await("every feed polled", () -> service.knownFeeds() == 12);
    service.close();
    loop.join(BOUND.toMillis());

    // Then
    assertThat(maxConcurrent.get()).isBetween(1, 2);
    assertThat(hits.values()).allMatch(h -> h.get() == 1);
    long statesSent =
        producer.history().stream().filter(r -> r.topic().equals(Topics.FEED_STATE.name())).count();
    assertThat(statesSent).isEqualTo(12);
    FeedState state = service.feedState(server.url("/f0"));
    assertThat(state.getNextPollAt()).isAfter(Instant.now().plus(Duration.ofMinutes(50)));
    assertThat(state.getRecentItemIds()).hasSize(1);
    assertThat(service.counters().articlesPublished()).isEqualTo(12);
  }

  @Test
  void shouldHoldEveryFeedOfAHostThatAnswered429() throws Exception {
    // Given one throttled feed and three others on the same host, one fetch at a time
    serveSlowly("/busy", 429, "Retry-After", "3600");
    List<FeedRef> feeds = new ArrayList<>(List.of(FeedRef.of(server.url("/busy"))));
    for (int i = 0; i < 3; i++) {
      serveSlowly("/f" + i, 200);
      feeds.add(FeedRef.of(server.url("/f" + i)));
    }
    IngestConfig config =
        IngestConfig.of("unused:9092", null, Duration.ofHours(1), Map.of())
            .withPollThreads(1)
            .withSchedule(SchedulePolicy.fixed(Duration.ofHours(1), Duration.ofHours(2)))
            .withHostLimits(1, Duration.ZERO);
    IngestService service =
        new IngestService(config, new FixedShare(feeds), Clock.systemUTC(), producer);
    Thread loop = new Thread(service::run);

    // When: the throttled feed comes first
    loop.start();
    await("the throttled feed polled", () -> service.knownFeeds() >= 1);
    Thread.sleep(500); // give the loop every chance to poll the others, which it must not
    service.close();
    loop.join(BOUND.toMillis());

    // Then
    assertThat(hits.get("/busy").get()).isEqualTo(1);
    assertThat(hits.keySet()).containsExactly("/busy");
    assertThat(service.counters().hostDeferrals()).isPositive();
  }
}
