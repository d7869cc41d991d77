package dev.herald.ingest.poll;

import static dev.herald.ingest.testutil.LocalHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.avro.FeedState;
import dev.herald.avro.RawArticle;
import dev.herald.ingest.article.ArticleMapper;
import dev.herald.ingest.fetch.FeedFetcher;
import dev.herald.ingest.fetch.FetchSettings;
import dev.herald.ingest.parse.FeedParser;
import dev.herald.ingest.testutil.Fixtures;
import dev.herald.ingest.testutil.LocalHttpServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedPollerTest {

  private static final Instant T1 = Instant.parse("2024-05-01T12:00:00Z");
  private static final Instant T2 = T1.plus(Duration.ofMinutes(15));
  private static final String ETAG = "W/\"abc\"";
  private static final String LAST_MODIFIED = "Wed, 01 May 2024 11:00:00 GMT";

  private final FeedFetcher fetcher = new FeedFetcher(FetchSettings.defaults());
  private final FeedPoller poller =
      FeedPoller.create(fetcher, PollSchedule.every(Duration.ofMinutes(15)));
  private final LocalHttpServer server = new LocalHttpServer();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    server.close();
  }

  private String fileFeed(String fixture) throws IOException {
    Path file = dir.resolve(fixture);
    Files.write(file, Fixtures.bytes(fixture));
    return file.toUri().toString();
  }

  @Test
  void shouldPublishEveryItemOnTheFirstPollAndNothingWhenPolledAgainUnchanged() throws IOException {
    // Given
    String url = fileFeed("rss2.xml");

    // When
    PollResult first = poller.poll(url, null, T1);
    PollResult second = poller.poll(url, first.state(), T2);

    // Then
    assertThat(first.outcome()).isEqualTo(PollResult.Outcome.FETCHED);
    assertThat(first.articles()).hasSize(3);
    assertThat(first.state().getRecentItemIds())
        .containsExactlyElementsOf(first.articles().stream().map(RawArticle::getId).toList());
    assertThat(first.state().getLastSuccessAt()).isEqualTo(T1);
    assertThat(first.state().getNextPollAt()).isEqualTo(T1.plus(Duration.ofMinutes(15)));
    assertThat(second.outcome()).isEqualTo(PollResult.Outcome.UNCHANGED);
    assertThat(second.articles()).isEmpty();
    assertThat(second.state().getFetchCount()).isEqualTo(2);
    assertThat(second.state().getNotModifiedCount()).isEqualTo(1);
    assertThat(second.state().getRecentItemIds()).isEqualTo(first.state().getRecentItemIds());
  }

  @Test
  void shouldPublishOnlyTheNewItemWhenTheFeedGainsOne() throws IOException {
    // Given a first poll, then the same feed with one more item (and a changed build date)
    String url = fileFeed("rss2.xml");
    PollResult first = poller.poll(url, null, T1);
    String changed =
        new String(Fixtures.bytes("rss2.xml"), StandardCharsets.UTF_8)
            .replace(
                "<item>",
                "<item><title>Fresh story</title><link>https://news.example.org/fresh</link>"
                    + "<description>New.</description></item>\n<item>");
    Files.writeString(Path.of(java.net.URI.create(url)), changed);

    // When
    PollResult second = poller.poll(url, first.state(), T2);

    // Then
    assertThat(second.outcome()).isEqualTo(PollResult.Outcome.FETCHED);
    assertThat(second.articles()).extracting(RawArticle::getTitle).containsExactly("Fresh story");
    assertThat(second.state().getRecentItemIds()).hasSize(4);
  }

  @Test
  void shouldSendBothValidatorsAndPublishNothingOnNotModified() {
    // Given a server honouring If-None-Match and If-Modified-Since together
    server.handle(
        "/rss",
        ex -> {
          var h = ex.getRequestHeaders();
          if (ETAG.equals(h.getFirst("If-None-Match"))
              && LAST_MODIFIED.equals(h.getFirst("If-Modified-Since"))) {
            respond(ex, 304, new byte[0]);
          } else {
            ex.getResponseHeaders().add("ETag", ETAG);
            ex.getResponseHeaders().add("Last-Modified", LAST_MODIFIED);
            respond(ex, 200, Fixtures.bytes("atom.xml"));
          }
        });
    String url = server.url("/rss");

    // When
    PollResult first = poller.poll(url, null, T1);
    PollResult second = poller.poll(url, first.state(), T2);

    // Then
    assertThat(first.articles()).hasSize(2);
    assertThat(first.state().getEtag()).isEqualTo(ETAG);
    assertThat(first.state().getLastModified()).isEqualTo(LAST_MODIFIED);
    var conditional = server.requests().get(1);
    assertThat(conditional.getFirst("If-None-Match")).isEqualTo(ETAG);
    assertThat(conditional.getFirst("If-Modified-Since")).isEqualTo(LAST_MODIFIED);
    assertThat(second.outcome()).isEqualTo(PollResult.Outcome.NOT_MODIFIED);
    assertThat(second.articles()).isEmpty();
    assertThat(second.state().getLastStatus()).isEqualTo(304);
    assertThat(second.state().getNotModifiedCount()).isEqualTo(1);
    assertThat(second.state().getEtag()).isEqualTo(ETAG);
    assertThat(second.state().getLastModified()).isEqualTo(LAST_MODIFIED);
  }

  @Test
  void shouldReplaceBothValidatorsTogether() {
    // Given a server that now sends only an ETag
    server.handle(
        "/rss",
        ex -> {
          ex.getResponseHeaders().add("ETag", "\"new\"");
          respond(ex, 200, Fixtures.bytes("atom.xml"));
        });
    FeedState previous =
        FeedState.newBuilder()
            .setUrl(server.url("/rss"))
            .setEtag(ETAG)
            .setLastModified(LAST_MODIFIED)
            .build();

    // When
    PollResult result = poller.poll(server.url("/rss"), previous, T1);

    // Then: no stale Last-Modified kept beside the new ETag
    assertThat(result.state().getEtag()).isEqualTo("\"new\"");
    assertThat(result.state().getLastModified()).isNull();
  }

  @Test
  void shouldRecordAnUnreachableFeedAndBackOff() throws IOException {
    // Given a feed on a port nobody listens on, with validators from an earlier success
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/rss";
    FeedState previous =
        FeedState.newBuilder().setUrl(url).setEtag(ETAG).setLastModified(LAST_MODIFIED).build();

    // When
    PollResult first = poller.poll(url, previous, T1);
    PollResult second = poller.poll(url, first.state(), T2);

    // Then
    assertThat(first.outcome()).isEqualTo(PollResult.Outcome.FAILED);
    assertThat(first.articles()).isEmpty();
    assertThat(first.state().getLastError()).startsWith("UNREACHABLE: ");
    assertThat(first.state().getConsecutiveErrors()).isEqualTo(1);
    assertThat(first.state().getEtag()).isEqualTo(ETAG);
    assertThat(first.state().getLastModified()).isEqualTo(LAST_MODIFIED);
    assertThat(second.state().getConsecutiveErrors()).isEqualTo(2);
    assertThat(second.state().getNextPollAt()).isEqualTo(T2.plus(Duration.ofMinutes(30)));
    assertThat(second.state().getFetchCount()).isEqualTo(2);
  }

  @Test
  void shouldNotStoreTheValidatorsOfABodyThatCannotBeParsed() {
    // Given a server sending half a feed with validators
    byte[] full = Fixtures.bytes("rss2.xml");
    server.handle(
        "/rss",
        ex -> {
          ex.getResponseHeaders().add("ETag", ETAG);
          respond(ex, 200, Arrays.copyOf(full, full.length / 2));
        });

    // When
    PollResult result = poller.poll(server.url("/rss"), null, T1);

    // Then: a later 304 must not hide the broken body
    assertThat(result.failure().kind().name()).isEqualTo("TRUNCATED");
    assertThat(result.state().getLastError()).startsWith("TRUNCATED: ");
    assertThat(result.state().getEtag()).isNull();
    assertThat(result.state().getContentHash()).isNull();
    assertThat(result.state().getLastStatus()).isEqualTo(200);
  }

  @Test
  void shouldClassifyBadBodiesWithoutThrowing() throws IOException {
    // Given
    Path notXml = dir.resolve("page.html");
    Files.write(notXml, Fixtures.bytes("not-a-feed.html"));

    // When
    PollResult html = poller.poll(notXml.toUri().toString(), null, T1);
    PollResult bomb = poller.poll(fileFeed("billion-laughs.xml"), null, T1);
    PollResult missing = poller.poll(dir.resolve("nope.xml").toUri().toString(), null, T1);

    // Then
    assertThat(html.state().getLastError()).startsWith("NOT_XML: ");
    assertThat(bomb.state().getLastError()).startsWith("DOCTYPE_REFUSED: ");
    assertThat(missing.state().getLastError()).startsWith("UNREACHABLE: ");
    assertThat(List.of(html, bomb, missing)).allSatisfy(r -> assertThat(r.articles()).isEmpty());
  }

  @Test
  void shouldClearTheErrorAfterASuccess() throws IOException {
    // Given
    String url = fileFeed("rss1.xml");
    FeedState failing =
        FeedState.newBuilder()
            .setUrl(url)
            .setLastError("UNREACHABLE: no such file")
            .setConsecutiveErrors(3)
            .build();

    // When
    PollResult result = poller.poll(url, failing, T1);

    // Then
    assertThat(result.state().getLastError()).isNull();
    assertThat(result.state().getConsecutiveErrors()).isZero();
    assertThat(result.articles()).hasSize(2);
  }

  @Test
  void shouldKeepAllCurrentIdsButBoundTheOlderOnes() throws IOException {
    // Given a limit of 2 and a state remembering two ids the feed no longer carries
    FeedPoller bounded =
        new FeedPoller(
            fetcher,
            new FeedParser(FetchSettings.DEFAULT_MAX_BYTES),
            new ArticleMapper(),
            PollSchedule.every(Duration.ofMinutes(15)),
            2,
            FeedPoller.DEFAULT_MAX_ITEMS_PER_POLL);
    String url = fileFeed("rss2.xml");
    FeedState previous =
        FeedState.newBuilder().setUrl(url).setRecentItemIds(List.of("old-1", "old-2")).build();

    // When
    PollResult result = bounded.poll(url, previous, T1);

    // Then
    assertThat(result.articles()).hasSize(3);
    assertThat(result.state().getRecentItemIds()).hasSize(3).doesNotContain("old-1", "old-2");
  }

  @Test
  void shouldForgetUnpublishedIdsSoTheNextPollOffersThemAgain() throws IOException {
    // Given a first poll whose first article did not reach Kafka
    String url = fileFeed("rss2.xml");
    PollResult first = poller.poll(url, null, T1);
    String lost = first.articles().get(0).getId();

    // When
    FeedState state = FeedPoller.forget(first.state(), Set.of(lost));
    PollResult second = poller.poll(url, state, T2);

    // Then
    assertThat(state.getRecentItemIds()).doesNotContain(lost);
    assertThat(second.articles()).extracting(RawArticle::getId).containsExactly(lost);
  }
}
