package dev.herald.ingest.fetch;

import static dev.herald.ingest.testutil.LocalHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.herald.avro.FeedState;
import dev.herald.ingest.FailureKind;
import dev.herald.ingest.poll.FeedPoller;
import dev.herald.ingest.poll.PollResult;
import dev.herald.ingest.poll.PollSchedule;
import dev.herald.ingest.testutil.Fixtures;
import dev.herald.ingest.testutil.LocalHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A feed is hostile input: bombs, slow drips, inward addresses, and secrets in URLs. */
class FetchSecurityTest {

  /** Bounds every wait in this class; no assertion depends on how long anything took. */
  private static final Duration BOUND = Duration.ofSeconds(60);

  private final LocalHttpServer server = new LocalHttpServer();
  private final CountDownLatch release = new CountDownLatch(1);
  @TempDir Path dir;

  @AfterEach
  void stop() {
    release.countDown();
    server.close();
  }

  @Test
  void shouldStopInflatingAGzipBombAtTheDecompressedSizeCap() throws IOException {
    // Given 64 MB of zeros gzipped to about 64 KB, under a 256 KB cap, over HTTP and on disk
    byte[] bomb = gzip(64 * 1024 * 1024);
    server.handle(
        "/bomb",
        ex -> {
          ex.getResponseHeaders().add("Content-Encoding", "gzip");
          respond(ex, 200, bomb);
        });
    Path file = dir.resolve("bomb.xml.gz");
    Files.write(file, bomb);
    FeedFetcher fetcher = new FeedFetcher(FetchSettings.defaults().withMaxBytes(256 * 1024));

    // When
    FetchResult http = fetcher.fetch(server.url("/bomb"), null, null);
    FetchResult local = fetcher.fetch(file.toUri().toString(), null, null);

    // Then
    assertThat(bomb.length).isLessThan(256 * 1024);
    assertThat(http.failure().describe())
        .isEqualTo("TOO_LARGE: decompressed body exceeds the cap of 262144 bytes");
    assertThat(local.failure().kind()).isEqualTo(FailureKind.TOO_LARGE);
  }

  @Test
  void shouldGiveUpOnAServerThatDripsItsBodyAtTheTotalDeadline() {
    // Given a server that answers at once, then sends one byte every 50 ms until the test ends
    server.handle(
        "/drip",
        ex -> {
          ex.sendResponseHeaders(200, 0);
          try (OutputStream out = ex.getResponseBody()) {
            out.write("<rss version=\"2.0\"><channel>".getBytes(StandardCharsets.UTF_8));
            while (!release.await(50, TimeUnit.MILLISECONDS)) {
              out.write(' ');
              out.flush();
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (IOException clientGone) {
            // the fetcher hung up, as it should
          }
        });
    // each byte arrives well within the read timeout; only the total deadline can end the fetch
    FeedFetcher fetcher =
        new FeedFetcher(
            FetchSettings.defaults()
                .withTimeouts(
                    Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(1)));

    // When
    FetchResult result =
        assertTimeoutPreemptively(BOUND, () -> fetcher.fetch(server.url("/drip"), null, null));

    // Then
    assertThat(result.failure().kind()).isEqualTo(FailureKind.TIMEOUT);
    assertThat(result.failure().message()).isEqualTo("no complete response within 1 s");
  }

  @Test
  void shouldRefuseALoopbackNameAfterResolvingItWithoutSendingARequest() {
    // Given the guard on, and a URL whose host name resolves to the loopback interface
    server.handle("/feed", ex -> respond(ex, 200, Fixtures.bytes("rss2.xml")));
    FeedFetcher guarded =
        new FeedFetcher(
            FetchSettings.defaults().withAddressGuard(AddressGuard.publicOnly(List.of())));
    String byName = "http://localhost:" + server.port() + "/feed";

    // When
    FetchResult result = guarded.fetch(byName, null, null);

    // Then
    assertThat(result.failure().kind()).isEqualTo(FailureKind.BLOCKED_ADDRESS);
    assertThat(result.failure().message()).contains("is not public");
    assertThat(server.requests()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "http://169.254.169.254/latest/meta-data/, BLOCKED_ADDRESS",
    "http://10.0.0.1/feed, BLOCKED_ADDRESS",
    "http://[::1]/feed, BLOCKED_ADDRESS",
    "http://[::ffff:10.0.0.1]/feed, BLOCKED_ADDRESS",
    // Java resolves no hexadecimal IPv4 forms, neither in the guard nor in the HTTP client
    "http://0x7f000001/feed, UNREACHABLE"
  })
  void shouldCheckEveryRedirectAgainstTheGuard(String inward, FailureKind expected) {
    // Given the guard allowing only the test server, which redirects inward
    server.handle(
        "/hop",
        ex -> {
          ex.getResponseHeaders().add("Location", inward);
          respond(ex, 302, new byte[0]);
        });
    FeedFetcher guarded =
        new FeedFetcher(
            FetchSettings.defaults()
                .withAddressGuard(AddressGuard.publicOnly(List.of("127.0.0.1/32"))));

    // When
    FetchResult result =
        assertTimeoutPreemptively(BOUND, () -> guarded.fetch(server.url("/hop"), null, null));

    // Then: the first hop was allowed and made, the redirect was not followed
    assertThat(server.requests()).hasSize(1);
    assertThat(result.failure().kind()).isEqualTo(expected);
  }

  @Test
  void shouldRefuseFileFeedsWhileTheGuardIsOn() throws IOException {
    // Given
    Path feed = dir.resolve("feed.xml");
    Files.write(feed, Fixtures.bytes("rss2.xml"));
    FeedFetcher guarded =
        new FeedFetcher(
            FetchSettings.defaults().withAddressGuard(AddressGuard.publicOnly(List.of())));

    // When / Then
    assertThat(guarded.fetch(feed.toUri().toString(), null, null).failure().kind())
        .isEqualTo(FailureKind.BLOCKED_ADDRESS);
  }

  @Test
  void shouldTellPublicAddressesFromInwardOnes() throws Exception {
    // Given / When / Then
    for (String inward :
        List.of(
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "::1",
            "fe80::1",
            "fd12:3456::1",
            "::ffff:10.0.0.1",
            "64:ff9b::a00:1")) {
      assertThat(AddressGuard.isPublic(InetAddress.getByName(inward))).as(inward).isFalse();
    }
    for (String outward :
        List.of("8.8.8.8", "1.1.1.1", "2001:4860:4860::8888", "64:ff9b::808:808")) {
      assertThat(AddressGuard.isPublic(InetAddress.getByName(outward))).as(outward).isTrue();
    }
    assertThatThrownBy(() -> AddressGuard.publicOnly(List.of("intranet.example")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldNeverLogOrStoreCredentialsFromFeedUrls() {
    // Given a feed behind Basic auth and a token, which fails, after a redirect that carries more
    server.handle(
        "/private",
        ex -> {
          ex.getResponseHeaders().add("Location", server.url("/gone?api_key=REDIRECTKEY&page=2"));
          respond(ex, 301, new byte[0]);
        });
    server.handle("/gone", ex -> respond(ex, 500, "oops".getBytes(StandardCharsets.UTF_8)));
    String url =
        server.url("/private?token=TOKENVALUE").replace("http://", "http://alice:PASSWORD@");
    FeedPoller poller =
        FeedPoller.create(
            new FeedFetcher(FetchSettings.defaults()), PollSchedule.every(Duration.ofMinutes(15)));
    PrintStream realErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PollResult result;

    // When: the poller logs the failure (slf4j-simple writes to System.err)
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      result = poller.poll(url, null, Instant.parse("2024-01-01T00:00:00Z"));
    } finally {
      System.setErr(realErr);
    }

    // Then
    String log = captured.toString(StandardCharsets.UTF_8);
    FeedState state = result.state();
    assertThat(log).contains("HTTP_STATUS: HTTP 500");
    for (String secret : List.of("PASSWORD", "TOKENVALUE", "REDIRECTKEY", "alice:")) {
      assertThat(log).as("log").doesNotContain(secret);
      assertThat(state.getLastError()).as("lastError").doesNotContain(secret);
      assertThat(result.failure().describe()).doesNotContain(secret);
    }
  }

  private static byte[] gzip(int zeros) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      byte[] chunk = new byte[1024 * 1024];
      for (int i = 0; i < zeros / chunk.length; i++) {
        out.write(chunk);
      }
    }
    return bytes.toByteArray();
  }
}
