package dev.herald.ingest.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import dev.herald.avro.FeedState;
import dev.herald.avro.RawArticle;
import dev.herald.avro.TextSource;
import dev.herald.ingest.fetch.FetchSettings;
import dev.herald.ingest.poll.PollResult;
import dev.herald.ingest.testutil.LocalHttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The stage between the poll and the topic: which items wait for their page, and what they get. */
class PageStageTest {

  /** A bound on waits for the stage's threads, never a speed requirement. */
  private static final long BOUND_SECONDS = 60;

  private static final String TEASER = "Congress postponed, organisers say.";

  private final LocalHttpServer server = new LocalHttpServer();
  private final BlockingQueue<RawArticle> published = new LinkedBlockingQueue<>();
  private final FetchSettings fetch =
      FetchSettings.defaults()
          .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(20));
  private PageStage stage = stage(PageFetchSettings.defaults().withHostLimits(1, Duration.ZERO));

  private PageStage stage(PageFetchSettings settings) {
    return new PageStage(settings, fetch, published::add, Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    stage.close();
    server.close();
  }

  private RawArticle next() throws InterruptedException {
    RawArticle a = published.poll(BOUND_SECONDS, TimeUnit.SECONDS);
    assertThat(a).as("an article published within " + BOUND_SECONDS + " s").isNotNull();
    return a;
  }

  private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
    LocalHttpServer.respond(ex, status, body);
  }

  @Test
  void shouldPublishAShortItemWithItsPageTextAndCanonicalLinkUnderItsFeedId() throws Exception {
    // Given
    server.handle(
        "/news/1", ex -> send(ex, 200, PagePages.articleBytes(server.url("/news/canonical-1"))));
    RawArticle item = PagePages.item("id-1", server.url("/news/1?utm_medium=rss"), TEASER);

    // When
    RawArticle now = stage.takeOver(item);
    RawArticle later = next();

    // Then
    assertThat(now).as("taken over, not published at once").isNull();
    assertThat(later.getId()).isEqualTo("id-1");
    assertThat(later.getTextSource()).isEqualTo(TextSource.PAGE);
    assertThat(later.getText()).startsWith(PagePages.PARAGRAPH_1).contains(PagePages.PARAGRAPH_2);
    assertThat(later.getCanonicalUrl()).isEqualTo(server.url("/news/canonical-1"));
    assertThat(later.getUrl()).isEqualTo(server.url("/news/1?utm_medium=rss"));
    assertThat(later.getPageUrl()).isEqualTo(server.url("/news/1?utm_medium=rss"));
    assertThat(later.getPageStatus()).isEqualTo(200);
    assertThat(later.getPageError()).isNull();
    assertThat(stage.counters().fromPage()).isEqualTo(1);
  }

  @Test
  void shouldPublishALongItemAtOnceWithoutFetchingItsPage() {
    // Given
    String longText = (PagePages.PARAGRAPH_1 + "\n\n").repeat(5);
    RawArticle item = PagePages.item("id-2", server.url("/news/2"), longText);

    // When
    RawArticle now = stage.takeOver(item);

    // Then
    assertThat(now).isSameAs(item);
    assertThat(server.requests()).isEmpty();
    assertThat(stage.pending()).isZero();
  }

  @Test
  void shouldFetchNoPageWhenDisabled() {
    // Given
    stage.close();
    stage = stage(PageFetchSettings.disabled());
    RawArticle item = PagePages.item("id-3", server.url("/news/3"), TEASER);

    // When
    RawArticle now = stage.takeOver(item);

    // Then
    assertThat(now).isSameAs(item);
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void shouldKeepTheFeedTextWithTheReasonWhenRobotsTxtDisallowsThePage() throws Exception {
    // Given
    server.handle(
        "/robots.txt",
        ex -> {
          ex.getResponseHeaders().add("Content-Type", "text/plain");
          LocalHttpServer.respond(
              ex, 200, "User-agent: *\nDisallow: /news/\n".getBytes(StandardCharsets.UTF_8));
        });
    server.handle("/news/4", ex -> send(ex, 200, PagePages.articleBytes(null)));

    // When
    stage.takeOver(PagePages.item("id-4", server.url("/news/4"), TEASER));
    RawArticle a = next();

    // Then
    assertThat(a.getText()).isEqualTo(TEASER);
    assertThat(a.getTextSource()).isEqualTo(TextSource.FEED);
    assertThat(a.getPageError()).startsWith("ROBOTS_DISALLOWED: ");
    assertThat(a.getPageUrl()).isNull();
    assertThat(server.requests()).hasSize(1); // robots.txt only
  }

  @Test
  void shouldKeepTheFeedTextOfANotFoundPage() throws Exception {
    // When (no handler: 404)
    stage.takeOver(PagePages.item("id-5", server.url("/news/5"), TEASER));
    RawArticle a = next();

    // Then
    assertThat(a.getText()).isEqualTo(TEASER);
    assertThat(a.getTextSource()).isEqualTo(TextSource.FEED);
    assertThat(a.getPageError()).isEqualTo("HTTP_STATUS: HTTP 404");
    assertThat(a.getPageStatus()).isEqualTo(404);
  }

  @Test
  void shouldKeepTheFeedTextBehindAConsentWall() throws Exception {
    // Given
    server.handle("/news/6", ex -> send(ex, 200, PagePages.consentWall()));

    // When
    stage.takeOver(PagePages.item("id-6", server.url("/news/6"), TEASER));
    RawArticle a = next();

    // Then
    assertThat(a.getText()).isEqualTo(TEASER);
    assertThat(a.getTextSource()).isEqualTo(TextSource.FEED);
    assertThat(a.getPageError()).startsWith("CONSENT_WALL: ");
    assertThat(a.getPageStatus()).isEqualTo(200);
  }

  @Test
  void shouldFetchThePageAgainAfterTheRetryAfterOfA429() throws Exception {
    // Given the first request is throttled for one second
    AtomicLong firstAt = new AtomicLong();
    AtomicLong secondAt = new AtomicLong();
    server.handle(
        "/news/7",
        ex -> {
          if (firstAt.compareAndSet(0, System.nanoTime())) {
            ex.getResponseHeaders().add("Retry-After", "1");
            LocalHttpServer.respond(ex, 429, new byte[0]);
          } else {
            secondAt.set(System.nanoTime());
            send(ex, 200, PagePages.articleBytes(null));
          }
        });

    // When
    stage.takeOver(PagePages.item("id-7", server.url("/news/7"), TEASER));
    RawArticle a = next();

    // Then the page came on the second try, not before the server's Retry-After
    assertThat(a.getTextSource()).isEqualTo(TextSource.PAGE);
    assertThat(Duration.ofNanos(secondAt.get() - firstAt.get()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(stage.counters().retried()).isEqualTo(1);
  }

  @Test
  void shouldKeepTheFeedTextWhenTheRetryAfterIsLongerThanTheStageWaits() throws Exception {
    // Given
    server.handle(
        "/news/8",
        ex -> {
          ex.getResponseHeaders().add("Retry-After", "86400");
          LocalHttpServer.respond(ex, 503, new byte[0]);
        });

    // When
    stage.takeOver(PagePages.item("id-8", server.url("/news/8"), TEASER));
    RawArticle a = next();

    // Then
    assertThat(a.getPageError()).isEqualTo("HTTP_STATUS: HTTP 503");
    assertThat(a.getTextSource()).isEqualTo(TextSource.FEED);
  }

  @Test
  void shouldPublishAnUnfetchableLinkAtOnceWithTheReason() {
    // Given the sample feed's kind of link: relative, and a file: one
    RawArticle relative =
        PagePages.item("id-9", "../articles/sochi-congress-2017-11-14.txt", TEASER);
    RawArticle file = PagePages.item("id-10", "file:///etc/passwd", TEASER);

    // When
    RawArticle a = stage.takeOver(relative);
    RawArticle b = stage.takeOver(file);

    // Then
    assertThat(a.getText()).isEqualTo(TEASER);
    assertThat(a.getPageError()).isEqualTo("INVALID_URL: not an absolute URL");
    assertThat(b.getPageError()).startsWith("UNSUPPORTED_SCHEME: ");
    assertThat(stage.pending()).isZero();
  }

  @Test
  void shouldPublishWithTheFeedTextWhenTooManyArticlesWait() throws Exception {
    // Given a queue of one, and a page that answers only when released
    stage.close();
    stage = stage(PageFetchSettings.defaults().withThreads(1, 1));
    CountDownLatch release = new CountDownLatch(1);
    server.handle(
        "/slow",
        ex -> {
          try {
            release.await(BOUND_SECONDS, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          send(ex, 200, PagePages.articleBytes(null));
        });

    // When
    RawArticle first = stage.takeOver(PagePages.item("id-11", server.url("/slow"), TEASER));
    RawArticle second = stage.takeOver(PagePages.item("id-12", server.url("/slow?2"), TEASER));
    release.countDown();

    // Then
    assertThat(first).isNull();
    assertThat(second.getPageError()).startsWith("QUEUE_FULL: ");
    assertThat(next().getId()).isEqualTo("id-11");
  }

  @Test
  void shouldPublishEveryWaitingArticleWithItsFeedTextOnClose() throws Exception {
    // Given a page that never answers within the drain time
    stage.close();
    stage =
        stage(
            PageFetchSettings.defaults()
                .withRetryAndDrain(Duration.ofMinutes(2), Duration.ofMillis(200)));
    CountDownLatch release = new CountDownLatch(1);
    server.handle(
        "/hang",
        ex -> {
          try {
            release.await(BOUND_SECONDS, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          send(ex, 200, PagePages.articleBytes(null));
        });
    stage.takeOver(PagePages.item("id-13", server.url("/hang"), TEASER));

    // When
    stage.close();
    release.countDown();

    // Then
    RawArticle a = next();
    assertThat(a.getId()).isEqualTo("id-13");
    assertThat(a.getText()).isEqualTo(TEASER);
    assertThat(a.getPageError()).startsWith("SHUTDOWN: ");
    assertThat(published.poll(200, TimeUnit.MILLISECONDS)).as("published once").isNull();
    assertThat(stage.takeOver(PagePages.item("id-14", server.url("/hang"), TEASER)).getPageError())
        .startsWith("SHUTDOWN: ");
  }

  @Test
  void shouldReturnThePollWithoutTheArticlesThatWaitForTheirPage() throws Exception {
    // Given
    server.handle("/news/15", ex -> send(ex, 200, PagePages.articleBytes(null)));
    RawArticle shortItem = PagePages.item("id-15", server.url("/news/15"), TEASER);
    RawArticle longItem =
        PagePages.item("id-16", server.url("/news/16"), PagePages.article(null).repeat(2));
    FeedState state = FeedState.newBuilder().setUrl("https://feeds.example/rss").build();
    PollResult poll =
        new PollResult(
            "https://feeds.example/rss",
            PollResult.Outcome.FETCHED,
            state,
            List.of(shortItem, longItem),
            null);

    // When
    PollResult now = stage.takeOver(poll);

    // Then
    assertThat(now.articles()).containsExactly(longItem);
    assertThat(now.state()).isSameAs(state);
    assertThat(next().getId()).isEqualTo("id-15");
  }

  @Test
  void shouldRequireAContactInTheUserAgentAndReadTheRobotsToken() {
    // Then
    PageFetchSettings.requireContact("Herald/0.1 (+https://example.org/bot)");
    PageFetchSettings.requireContact("Herald/0.1 (ops@example.org)");
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> PageFetchSettings.requireContact("Herald/0.1"))
        .withMessageContaining("contact");
    assertThat(PageFetchSettings.robotsToken("Herald/0.1 (+https://x.example)"))
        .isEqualTo("herald");
  }

  @Test
  void shouldReportEveryBadPageSettingFromTheEnvironment() {
    // Given
    List<String> problems = new java.util.ArrayList<>();

    // When
    PageFetchSettings s =
        PageFetchSettings.fromEnv(
            java.util.Map.of(
                "HERALD_PAGE_FETCH_MIN_CHARS", "-1",
                "HERALD_PAGE_FETCH_THREADS", "many",
                "HERALD_PAGE_FETCH_ROBOTS_TTL", "P2D",
                "HERALD_PAGE_FETCH_HOST_GAP", "PT5S"),
            problems);

    // Then
    assertThat(problems)
        .hasSize(3)
        .anyMatch(p -> p.startsWith("HERALD_PAGE_FETCH_MIN_CHARS"))
        .anyMatch(p -> p.startsWith("HERALD_PAGE_FETCH_THREADS"))
        .anyMatch(p -> p.startsWith("HERALD_PAGE_FETCH_ROBOTS_TTL"));
    assertThat(s.hostRequestGap()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.minFeedChars()).isEqualTo(PageFetchSettings.DEFAULT_MIN_FEED_CHARS);
  }

  @Test
  void shouldSpacePageRequestsToAHostByItsRobotsCrawlDelay() throws Exception {
    // Given a robots.txt asking for one second between requests, and two pages of that host
    server.handle(
        "/robots.txt",
        ex -> {
          ex.getResponseHeaders().add("Content-Type", "text/plain");
          LocalHttpServer.respond(
              ex, 200, "User-agent: *\nCrawl-delay: 1\n".getBytes(StandardCharsets.UTF_8));
        });
    List<Long> pageRequests = new java.util.concurrent.CopyOnWriteArrayList<>();
    server.handle(
        "/news/",
        ex -> {
          pageRequests.add(System.nanoTime());
          send(ex, 200, PagePages.articleBytes(null));
        });

    // When
    stage.takeOver(PagePages.item("id-17", server.url("/news/17"), TEASER));
    stage.takeOver(PagePages.item("id-18", server.url("/news/18"), TEASER));
    RawArticle first = next();
    RawArticle second = next();

    // Then both got their page, the second request not before the crawl delay
    assertThat(List.of(first.getTextSource(), second.getTextSource()))
        .containsOnly(TextSource.PAGE);
    assertThat(pageRequests).hasSize(2);
    assertThat(Duration.ofNanos(pageRequests.get(1) - pageRequests.get(0)))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void shouldHoldEveryPageOfAHostThatAnswered429UntilItsRetryAfter() throws Exception {
    // Given the host throttles its first request for one second
    AtomicLong throttledAt = new AtomicLong();
    List<Long> served = new java.util.concurrent.CopyOnWriteArrayList<>();
    server.handle(
        "/news/",
        ex -> {
          if (throttledAt.compareAndSet(0, System.nanoTime())) {
            ex.getResponseHeaders().add("Retry-After", "1");
            LocalHttpServer.respond(ex, 429, new byte[0]);
          } else {
            served.add(System.nanoTime());
            send(ex, 200, PagePages.articleBytes(null));
          }
        });

    // When two articles of that host wait for their page
    stage.takeOver(PagePages.item("id-19", server.url("/news/19"), TEASER));
    stage.takeOver(PagePages.item("id-20", server.url("/news/20"), TEASER));
    next();
    next();

    // Then no page of the host was requested again before the Retry-After
    assertThat(served).hasSize(2);
    assertThat(served).allMatch(t -> t - throttledAt.get() >= Duration.ofSeconds(1).toNanos());
  }
}
