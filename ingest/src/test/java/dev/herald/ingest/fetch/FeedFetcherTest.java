package dev.herald.ingest.fetch;

import static dev.herald.ingest.testutil.LocalHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.ingest.FailureKind;
import dev.herald.ingest.testutil.Fixtures;
import dev.herald.ingest.testutil.LocalHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedFetcherTest {

  private static final String ETAG = "\"v1\"";
  private static final String LAST_MODIFIED = "Tue, 02 Mar 2021 09:15:00 GMT";

  private final LocalHttpServer server = new LocalHttpServer();
  private final CountDownLatch release = new CountDownLatch(1);
  private final FeedFetcher fetcher = new FeedFetcher(FetchSettings.defaults());
  @TempDir Path dir;

  @AfterEach
  void stop() {
    release.countDown();
    server.close();
  }

  @Test
  void shouldSendBothValidatorsAndReportNotModified() {
    // Given a server that answers 304 only when both validators match
    byte[] feed = Fixtures.bytes("rss2.xml");
    server.handle(
        "/feed",
        ex -> {
          var h = ex.getRequestHeaders();
          if (ETAG.equals(h.getFirst("If-None-Match"))
              && LAST_MODIFIED.equals(h.getFirst("If-Modified-Since"))) {
            respond(ex, 304, new byte[0]);
          } else {
            ex.getResponseHeaders().add("ETag", ETAG);
            ex.getResponseHeaders().add("Last-Modified", LAST_MODIFIED);
            ex.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
            respond(ex, 200, feed);
          }
        });

    // When
    FetchResult first = fetcher.fetch(server.url("/feed"), null, null);
    FetchResult second = fetcher.fetch(server.url("/feed"), first.etag(), first.lastModified());

    // Then
    assertThat(first.status()).isEqualTo(FetchResult.Status.OK);
    assertThat(first.body()).isEqualTo(feed);
    assertThat(first.etag()).isEqualTo(ETAG);
    assertThat(first.lastModified()).isEqualTo(LAST_MODIFIED);
    assertThat(first.charset()).isEqualTo("UTF-8");
    assertThat(second.status()).isEqualTo(FetchResult.Status.NOT_MODIFIED);
    assertThat(second.httpStatus()).isEqualTo(304);
    assertThat(second.etag()).isEqualTo(ETAG);
    assertThat(second.lastModified()).isEqualTo(LAST_MODIFIED);
    var conditional = server.requests().get(1);
    assertThat(conditional.getFirst("If-None-Match")).isEqualTo(ETAG);
    assertThat(conditional.getFirst("If-Modified-Since")).isEqualTo(LAST_MODIFIED);
    assertThat(server.requests().get(0).getFirst("User-Agent"))
        .isEqualTo(FetchSettings.DEFAULT_USER_AGENT);
    assertThat(server.requests().get(0).getFirst("If-None-Match")).isNull();
  }

  @Test
  void shouldClassifyHttpErrorsAndKeepRetryAfter() {
    // Given
    server.handle("/missing", ex -> respond(ex, 404, "gone".getBytes(StandardCharsets.UTF_8)));
    server.handle(
        "/busy",
        ex -> {
          ex.getResponseHeaders().add("Retry-After", "120");
          respond(ex, 503, new byte[0]);
        });

    // When
    FetchResult missing = fetcher.fetch(server.url("/missing"), null, null);
    FetchResult busy = fetcher.fetch(server.url("/busy"), null, null);

    // Then
    assertThat(missing.failure().kind()).isEqualTo(FailureKind.HTTP_STATUS);
    assertThat(missing.failure().describe()).isEqualTo("HTTP_STATUS: HTTP 404");
    assertThat(missing.httpStatus()).isEqualTo(404);
    assertThat(busy.failure().kind()).isEqualTo(FailureKind.HTTP_STATUS);
    assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void shouldFollowRedirectsToTheFinalUrl() {
    // Given
    server.handle(
        "/old",
        ex -> {
          ex.getResponseHeaders().add("Location", "/new");
          respond(ex, 301, new byte[0]);
        });
    server.handle("/new", ex -> respond(ex, 200, Fixtures.bytes("atom.xml")));

    // When
    FetchResult result = fetcher.fetch(server.url("/old"), null, null);

    // Then
    assertThat(result.status()).isEqualTo(FetchResult.Status.OK);
    assertThat(result.finalUrl()).isEqualTo(server.url("/new"));
  }

  @Test
  void shouldStopAfterTooManyRedirects() {
    // Given
    server.handle(
        "/loop",
        ex -> {
          ex.getResponseHeaders().add("Location", "/loop");
          respond(ex, 302, new byte[0]);
        });

    // When
    FetchResult result = fetcher.fetch(server.url("/loop"), null, null);

    // Then
    assertThat(result.failure().kind()).isEqualTo(FailureKind.TOO_MANY_REDIRECTS);
    assertThat(server.requests()).hasSize(FetchSettings.defaults().maxRedirects() + 1);
  }

  @Test
  void shouldRefuseABodyOverTheCapWhetherDeclaredOrStreamed() {
    // Given a 64 KB cap, one response declaring 100 KB and one streaming it chunked
    FeedFetcher small = new FeedFetcher(FetchSettings.defaults().withMaxBytes(64 * 1024));
    byte[] big = new byte[100 * 1024];
    server.handle("/declared", ex -> respond(ex, 200, big));
    server.handle(
        "/chunked",
        ex -> {
          ex.sendResponseHeaders(200, 0);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(big);
          } catch (IOException clientHungUp) {
            // expected: the fetcher stops reading at the cap
          }
        });

    // When
    FetchResult declared = small.fetch(server.url("/declared"), null, null);
    FetchResult chunked = small.fetch(server.url("/chunked"), null, null);

    // Then
    assertThat(declared.failure().kind()).isEqualTo(FailureKind.TOO_LARGE);
    assertThat(chunked.failure().kind()).isEqualTo(FailureKind.TOO_LARGE);
  }

  @Test
  void shouldDecompressGzipAndRefuseAGzipBombOverTheCap() throws IOException {
    // Given a gzipped feed, and 2 MB of zeros gzipped to a few KB, under a 1 MB cap
    FeedFetcher small = new FeedFetcher(FetchSettings.defaults().withMaxBytes(1024 * 1024));
    byte[] feed = Fixtures.bytes("rss1.xml");
    byte[] gzFeed = gzip(feed);
    byte[] bomb = gzip(new byte[2 * 1024 * 1024]);
    server.handle(
        "/gz",
        ex -> {
          ex.getResponseHeaders().add("Content-Encoding", "gzip");
          respond(ex, 200, gzFeed);
        });
    server.handle(
        "/bomb",
        ex -> {
          ex.getResponseHeaders().add("Content-Encoding", "gzip");
          respond(ex, 200, bomb);
        });

    // When
    FetchResult ok = small.fetch(server.url("/gz"), null, null);
    FetchResult refused = small.fetch(server.url("/bomb"), null, null);

    // Then
    assertThat(bomb.length).isLessThan(64 * 1024);
    assertThat(ok.body()).isEqualTo(feed);
    assertThat(server.requests().get(0).getFirst("Accept-Encoding")).isEqualTo("gzip");
    assertThat(refused.failure().kind()).isEqualTo(FailureKind.TOO_LARGE);
    assertThat(refused.failure().message()).contains("decompressed");
  }

  @Test
  void shouldReportARefusedConnectionAsUnreachable() throws IOException {
    // Given a port nobody listens on
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }

    // When
    FetchResult result = fetcher.fetch("http://127.0.0.1:" + port + "/feed", null, null);

    // Then
    assertThat(result.failure().kind()).isEqualTo(FailureKind.UNREACHABLE);
    assertThat(result.httpStatus()).isZero();
  }

  @Test
  void shouldTimeOutWhenTheServerNeverAnswers() {
    // Given a server that holds the request until the test ends
    server.handle(
        "/stuck",
        ex -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    FeedFetcher impatient =
        new FeedFetcher(
            FetchSettings.defaults()
                .withTimeouts(
                    Duration.ofSeconds(5), Duration.ofMillis(200), Duration.ofMillis(400)));

    // When
    FetchResult result = impatient.fetch(server.url("/stuck"), null, null);

    // Then
    assertThat(result.failure().kind()).isEqualTo(FailureKind.TIMEOUT);
  }

  @Test
  void shouldSendUrlCredentialsAsBasicAuthAndNeverReportThem() {
    // Given
    String expected =
        "Basic "
            + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
    server.handle(
        "/private",
        ex ->
            respond(
                ex,
                expected.equals(ex.getRequestHeaders().getFirst("Authorization")) ? 200 : 401,
                Fixtures.bytes("rss2.xml")));
    String url = server.url("/private").replace("http://", "http://alice:s3cret@");
    String wrong = server.url("/private").replace("http://", "http://alice:wrong@");

    // When
    FetchResult ok = fetcher.fetch(url, null, null);
    FetchResult denied = fetcher.fetch(wrong, null, null);

    // Then
    assertThat(ok.status()).isEqualTo(FetchResult.Status.OK);
    assertThat(ok.finalUrl()).isEqualTo(server.url("/private")).doesNotContain("s3cret");
    assertThat(denied.failure().describe()).isEqualTo("HTTP_STATUS: HTTP 401");
    assertThat(denied.toString()).doesNotContain("wrong");
  }

  @Test
  void shouldReadFileFeedsWithoutValidators() throws IOException {
    // Given
    Path file = dir.resolve("feed.xml");
    Files.write(file, Fixtures.bytes("rss2.xml"));

    // When
    FetchResult result = fetcher.fetch(file.toUri().toString(), null, null);

    // Then
    assertThat(result.status()).isEqualTo(FetchResult.Status.OK);
    assertThat(result.httpStatus()).isEqualTo(200);
    assertThat(result.body()).isEqualTo(Fixtures.bytes("rss2.xml"));
    assertThat(result.etag()).isNull();
    assertThat(result.lastModified()).isNull();
  }

  @Test
  void shouldClassifyFileProblems() throws IOException {
    // Given
    Path big = dir.resolve("big.xml");
    Files.write(big, new byte[2048]);
    FeedFetcher small = new FeedFetcher(FetchSettings.defaults().withMaxBytes(1024));

    // When / Then
    assertThat(
            fetcher.fetch(dir.resolve("none.xml").toUri().toString(), null, null).failure().kind())
        .isEqualTo(FailureKind.UNREACHABLE);
    assertThat(fetcher.fetch(dir.toUri().toString(), null, null).failure().kind())
        .isEqualTo(FailureKind.IO_ERROR);
    assertThat(small.fetch(big.toUri().toString(), null, null).failure().kind())
        .isEqualTo(FailureKind.TOO_LARGE);
  }

  @Test
  void shouldRefuseOtherSchemesAndInvalidUrls() {
    // Given / When / Then
    assertThat(fetcher.fetch("ftp://files.example/feed.xml", null, null).failure().kind())
        .isEqualTo(FailureKind.UNSUPPORTED_SCHEME);
    assertThat(fetcher.fetch("http://bad host/feed", null, null).failure().kind())
        .isEqualTo(FailureKind.INVALID_URL);
    assertThat(fetcher.fetch("relative/feed.xml", null, null).failure().kind())
        .isEqualTo(FailureKind.INVALID_URL);
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }
}
