package dev.herald.ingest.poll;

import static dev.herald.ingest.testutil.LocalHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.avro.FeedState;
import dev.herald.ingest.fetch.FeedFetcher;
import dev.herald.ingest.fetch.FetchSettings;
import dev.herald.ingest.schedule.SchedulePolicy;
import dev.herald.ingest.schedule.Scheduler;
import dev.herald.ingest.testutil.Fixtures;
import dev.herald.ingest.testutil.LocalHttpServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a poll tells the scheduler, and feed health on the state. */
class FeedPollerSchedulingTest {

  private static final Instant T1 = Instant.parse("2024-05-01T12:00:00Z");
  private static final Duration FIFTEEN = Duration.ofMinutes(15);

  private final LocalHttpServer server = new LocalHttpServer();
  private final List<String> paths = new CopyOnWriteArrayList<>();

  /** Around 15 minutes, adaptive, jitter pinned to "none" so delays are exact. */
  private final FeedPoller poller =
      FeedPoller.create(
          new FeedFetcher(FetchSettings.defaults()),
          new Scheduler(SchedulePolicy.around(FIFTEEN), () -> 0.5));

  @AfterEach
  void stop() {
    server.close();
  }

  private void serve(String path, int status, byte[] body, String... headers) {
    server.handle(
        path,
        ex -> {
          paths.add(ex.getRequestURI().getPath());
          for (int i = 0; i + 1 < headers.length; i += 2) {
            ex.getResponseHeaders().add(headers[i], headers[i + 1]);
          }
          respond(ex, status, body);
        });
  }

  private static byte[] rss(String channelExtras, String items) {
    return ("<rss version=\"2.0\" xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\">"
            + "<channel><title>T</title>"
            + channelExtras
            + items
            + "</channel></rss>")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void shouldFollowAPermanentRedirectAndPollTheNewAddressFromThenOn() {
    // Given /old moved for good to /new
    serve("/old", 301, new byte[0], "Location", "/new");
    serve("/new", 200, Fixtures.bytes("rss2.xml"));
    String old = server.url("/old");

    // When
    PollResult first = poller.poll(old, null, T1);
    PollResult second = poller.poll(old, first.state(), T1.plus(FIFTEEN));

    // Then
    assertThat(first.state().getMovedTo()).isEqualTo(server.url("/new"));
    assertThat(second.state().getMovedTo()).isEqualTo(server.url("/new"));
    assertThat(paths).containsExactly("/old", "/new", "/new");
  }

  @Test
  void shouldKeepTheAddressAfterATemporaryRedirect() {
    // Given
    serve("/feed", 302, new byte[0], "Location", "/today");
    serve("/today", 200, Fixtures.bytes("rss2.xml"));

    // When
    PollResult result = poller.poll(server.url("/feed"), null, T1);

    // Then
    assertThat(result.state().getMovedTo()).isNull();
  }

  @Test
  void shouldWaitForRetryAfterWhenThrottledAndCountTheError() {
    // Given a server answering 429 with Retry-After: 3600
    serve("/busy", 429, new byte[0], "Retry-After", "3600");

    // When
    PollResult result = poller.poll(server.url("/busy"), null, T1);

    // Then
    FeedState state = result.state();
    assertThat(result.retryAfter()).isEqualTo(Duration.ofHours(1));
    assertThat(state.getNextPollAt())
        .isBetween(T1.plus(Duration.ofHours(1)), T1.plus(Duration.ofMinutes(66)));
    assertThat(state.getLastStatus()).isEqualTo(429);
    assertThat(state.getErrorCount()).isEqualTo(1);
    assertThat(state.getLastErrorAt()).isEqualTo(T1);
  }

  @Test
  void shouldNotPollBeforeTheFeedsTtlEvenWhenItAnswersNotModified() {
    // Given a feed with <ttl>60</ttl> behind an ETag
    byte[] body = rss("<ttl>60</ttl>", "<item><title>A</title><guid>a</guid></item>");
    server.handle(
        "/ttl",
        ex -> {
          if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            respond(ex, 304, new byte[0]);
          } else {
            ex.getResponseHeaders().add("ETag", "\"v1\"");
            respond(ex, 200, body);
          }
        });

    // When
    PollResult first = poller.poll(server.url("/ttl"), null, T1);
    Instant t2 = first.state().getNextPollAt();
    PollResult second = poller.poll(server.url("/ttl"), first.state(), t2);

    // Then
    assertThat(first.state().getDeclaredIntervalSeconds()).isEqualTo(3600);
    assertThat(t2).isEqualTo(T1.plus(Duration.ofHours(1)));
    assertThat(second.outcome()).isEqualTo(PollResult.Outcome.NOT_MODIFIED);
    assertThat(second.state().getNextPollAt()).isEqualTo(t2.plus(Duration.ofHours(1)));
  }

  @Test
  void shouldHonourSyUpdatePeriodAndCacheControl() {
    // Given a daily/2 syndication period, and a max-age of 45 minutes on another feed
    serve(
        "/sy",
        200,
        rss(
            "<sy:updatePeriod>daily</sy:updatePeriod><sy:updateFrequency>24</sy:updateFrequency>"
                + "<sy:updatePeriod>daily</sy:updatePeriod>",
            ""));
    serve("/cc", 200, rss("", ""), "Cache-Control", "public, max-age=2700");

    // When
    PollResult sy = poller.poll(server.url("/sy"), null, T1);
    PollResult cc = poller.poll(server.url("/cc"), null, T1);

    // Then: hourly is longer than 15 minutes, so it wins; so do 45 minutes
    assertThat(sy.state().getNextPollAt()).isEqualTo(T1.plus(Duration.ofHours(1)));
    assertThat(cc.state().getNextPollAt()).isEqualTo(T1.plus(Duration.ofMinutes(45)));
  }

  @Test
  void shouldAdaptToHowOftenTheFeedGetsEntries() {
    // Given a feed with an entry every 4 hours
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      Instant d = T1.minus(Duration.ofHours(1 + 4L * i));
      items
          .append("<item><title>E")
          .append(i)
          .append("</title><guid>e")
          .append(i)
          .append("</guid><pubDate>")
          .append(
              java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                  d.atOffset(java.time.ZoneOffset.UTC)))
          .append("</pubDate></item>");
    }
    serve("/slow", 200, rss("", items.toString()));

    // When
    PollResult result = poller.poll(server.url("/slow"), null, T1);

    // Then: twice per entry
    assertThat(result.state().getEntryIntervalSeconds()).isEqualTo(4 * 3600);
    assertThat(result.state().getNextPollAt()).isEqualTo(T1.plus(Duration.ofHours(2)));
    assertThat(result.state().getLastNewItemAt()).isEqualTo(T1);
  }

  @Test
  void shouldKeepErrorHistoryAfterRecovering() {
    // Given a feed failing once, then working
    serve("/flaky", 200, Fixtures.bytes("rss2.xml"));
    serve("/down", 500, new byte[0]);
    PollResult failed = poller.poll(server.url("/down"), null, T1);
    FeedState afterFailure =
        FeedState.newBuilder(failed.state()).setUrl(server.url("/flaky")).build();

    // When
    PollResult ok = poller.poll(server.url("/flaky"), afterFailure, T1.plus(FIFTEEN));

    // Then
    assertThat(failed.state().getConsecutiveErrors()).isEqualTo(1);
    assertThat(ok.state().getConsecutiveErrors()).isZero();
    assertThat(ok.state().getErrorCount()).isEqualTo(1);
    assertThat(ok.state().getLastErrorAt()).isEqualTo(T1);
    assertThat(ok.state().getLastSuccessAt()).isEqualTo(T1.plus(FIFTEEN));
    assertThat(ok.state().getLastError()).isNull();
    assertThat(ok.state().getFetchCount()).isEqualTo(2);
  }
}
