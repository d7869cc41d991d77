package dev.herald.ingest.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import dev.herald.ingest.fetch.AddressGuard;
import dev.herald.ingest.fetch.FetchSettings;
import dev.herald.ingest.testutil.LocalHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One page at a time against a real HTTP server on loopback: politeness, protection, bad input. */
class PageFetcherTest {

  private final LocalHttpServer server = new LocalHttpServer();
  private final FetchSettings fetch =
      FetchSettings.defaults()
          .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(20));
  private final PageFetcher fetcher =
      new PageFetcher(fetch, PageFetchSettings.defaults(), Clock.systemUTC());

  @AfterEach
  void stop() {
    server.close();
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body)
      throws IOException {
    if (type != null) {
      ex.getResponseHeaders().add("Content-Type", type);
    }
    LocalHttpServer.respond(ex, status, body);
  }

  @Test
  void shouldExtractTheArticleTextAndItsCanonicalLink() {
    // Given
    server.handle(
        "/news/congress",
        ex ->
            send(
                ex,
                200,
                "text/html; charset=utf-8",
                PagePages.articleBytes("/news/congress-postponed")));

    // When
    PageResult r = fetcher.fetch(server.url("/news/congress?utm_source=rss"));

    // Then
    assertThat(r.ok()).as(r.describe()).isTrue();
    assertThat(r.text()).contains(PagePages.PARAGRAPH_1).contains(PagePages.PARAGRAPH_3);
    assertThat(r.text()).doesNotContain("Other story").doesNotContain("Home");
    assertThat(r.canonicalUrl()).isEqualTo(server.url("/news/congress-postponed"));
    assertThat(r.httpStatus()).isEqualTo(200);
    assertThat(r.finalUrl()).isEqualTo(server.url("/news/congress?utm_source=rss"));
  }

  @Test
  void shouldAskForHtmlWithTheConfiguredUserAgentAndReadRobotsTxtFirst() {
    // Given
    server.handle("/robots.txt", ex -> send(ex, 200, "text/plain", "".getBytes()));
    server.handle("/p", ex -> send(ex, 200, "text/html", PagePages.articleBytes(null)));

    // When
    fetcher.fetch(server.url("/p"));

    // Then
    assertThat(server.requests()).hasSize(2);
    assertThat(server.requests().get(1).getFirst("User-Agent"))
        .isEqualTo(FetchSettings.DEFAULT_USER_AGENT);
    assertThat(server.requests().get(1).getFirst("Accept")).startsWith("text/html");
  }

  @Test
  void shouldFollowAndRecordRedirects() {
    // Given
    server.handle("/r1", ex -> redirect(ex, "/r2"));
    server.handle("/r2", ex -> redirect(ex, server.url("/article")));
    server.handle("/article", ex -> send(ex, 200, "text/html", PagePages.articleBytes(null)));

    // When
    PageResult r = fetcher.fetch(server.url("/r1"));

    // Then
    assertThat(r.ok()).as(r.describe()).isTrue();
    assertThat(r.redirects()).containsExactly(server.url("/r2"), server.url("/article"));
    assertThat(r.finalUrl()).isEqualTo(server.url("/article"));
  }

  @Test
  void shouldRefuseAPageThatRobotsTxtDisallowsForHerald() {
    // Given
    AtomicInteger pageHits = new AtomicInteger();
    server.handle(
        "/robots.txt",
        ex ->
            send(
                ex,
                200,
                "text/plain",
                "User-agent: herald\nDisallow: /private/\n\nUser-agent: *\nAllow: /\n"
                    .getBytes(StandardCharsets.UTF_8)));
    server.handle(
        "/private/p",
        ex -> {
          pageHits.incrementAndGet();
          send(ex, 200, "text/html", PagePages.articleBytes(null));
        });

    // When
    PageResult r = fetcher.fetch(server.url("/private/p"));

    // Then
    assertThat(r.failure()).isEqualTo(PageFailure.ROBOTS_DISALLOWED);
    assertThat(r.describe()).startsWith("ROBOTS_DISALLOWED: robots.txt disallows /private/p");
    assertThat(pageHits.get()).isZero();
  }

  @Test
  void shouldReadRobotsTxtOncePerHostWithinItsTtl() {
    // Given
    AtomicInteger robotsHits = new AtomicInteger();
    server.handle(
        "/robots.txt",
        ex -> {
          robotsHits.incrementAndGet();
          send(ex, 404, null, new byte[0]);
        });
    server.handle("/a", ex -> send(ex, 200, "text/html", PagePages.articleBytes(null)));

    // When
    PageResult first = fetcher.fetch(server.url("/a"));
    PageResult second = fetcher.fetch(server.url("/a?again"));

    // Then a missing robots.txt allows everything, and is asked for once
    assertThat(first.ok()).isTrue();
    assertThat(second.ok()).isTrue();
    assertThat(robotsHits.get()).isEqualTo(1);
  }

  @Test
  void shouldNotCrawlAHostWhoseRobotsTxtFailsWithAServerError() {
    // Given
    server.handle("/robots.txt", ex -> send(ex, 503, null, new byte[0]));
    server.handle("/a", ex -> send(ex, 200, "text/html", PagePages.articleBytes(null)));

    // When
    PageResult r = fetcher.fetch(server.url("/a"));

    // Then
    assertThat(r.failure()).isEqualTo(PageFailure.ROBOTS_UNAVAILABLE);
    assertThat(r.message()).contains("HTTP 503");
  }

  @Test
  void shouldClassifyANotFoundPage() {
    // When (no handler: the server answers 404)
    PageResult r = fetcher.fetch(server.url("/gone"));

    // Then
    assertThat(r.failure()).isEqualTo(PageFailure.HTTP_STATUS);
    assertThat(r.httpStatus()).isEqualTo(404);
    assertThat(r.describe()).isEqualTo("HTTP_STATUS: HTTP 404");
  }

  @Test
  void shouldClassifyAConsentWallServedWithStatus200() {
    // Given
    server.handle("/a", ex -> send(ex, 200, "text/html", PagePages.consentWall()));

    // When
    PageResult r = fetcher.fetch(server.url("/a"));

    // Then
    assertThat(r.failure()).isEqualTo(PageFailure.CONSENT_WALL);
    assertThat(r.text()).isNull();
    assertThat(r.httpStatus()).isEqualTo(200);
  }

  @Test
  void shouldReturnTheRetryAfterOfA429() {
    // Given
    server.handle(
        "/a",
        ex -> {
          ex.getResponseHeaders().add("Retry-After", "120");
          send(ex, 429, null, new byte[0]);
        });

    // When
    PageResult r = fetcher.fetch(server.url("/a"));

    // Then
    assertThat(r.failure()).isEqualTo(PageFailure.HTTP_STATUS);
    assertThat(r.httpStatus()).isEqualTo(429);
    assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void shouldStopReadingA20MegabytePageAtTheSizeCap() {
    // Given a 20 MB page, streamed without a Content-Length
    server.handle(
        "/huge",
        ex -> {
          ex.getResponseHeaders().add("Content-Type", "text/html");
          ex.sendResponseHeaders(200, 0);
          byte[] chunk = "<p>filler text of a huge page</p>\n".repeat(1000).getBytes();
          try (OutputStream out = ex.getResponseBody()) {
            for (long sent = 0; sent < 20L * 1024 * 1024; sent += chunk.length) {
              out.write(chunk);
            }
          } catch (IOException clientStopped) {
            // expected: Herald hangs up at the cap
          }
        });

    // When
    PageResult r = fetcher.fetch(server.url("/huge"));

    // Then
    assertThat(r.failure()).isEqualTo(PageFailure.TOO_LARGE);
    assertThat(r.message()).contains("exceeds the cap of " + FetchSettings.DEFAULT_MAX_BYTES);
  }

  @Test
  void shouldClassifyBinaryDataServedAsHtml() {
    // Given
    byte[] noise = new byte[64 * 1024];
    new Random(7).nextBytes(noise);
    server.handle("/bin", ex -> send(ex, 200, "text/html; charset=utf-8", noise));

    // When
    PageResult r = fetcher.fetch(server.url("/bin"));

    // Then
    assertThat(r.failure()).isEqualTo(PageFailure.NOT_HTML);
    assertThat(r.message()).contains("binary");
  }

  @Test
  void shouldRefuseAPdfWithoutReadingItAsHtml() {
    // Given
    server.handle("/doc", ex -> send(ex, 200, "application/pdf", "%PDF-1.7 ...".getBytes()));

    // When
    PageResult r = fetcher.fetch(server.url("/doc"));

    // Then
    assertThat(r.describe()).isEqualTo("NOT_HTML: Content-Type application/pdf");
  }

  @Test
  void shouldDecodeAPageWhoseHeaderNamesTheWrongCharset() {
    // Given windows-1252 bytes (é, ’) that the server labels UTF-8
    String html =
        PagePages.article(null)
            .replace("<meta charset=\"utf-8\">", "")
            .replace("organisers said", "organisers’ café said");
    byte[] cp1252 = html.getBytes(Charset.forName("windows-1252"));
    server.handle("/a", ex -> send(ex, 200, "text/html; charset=utf-8", cp1252));

    // When
    PageResult r = fetcher.fetch(server.url("/a"));

    // Then
    assertThat(r.ok()).as(r.describe()).isTrue();
    assertThat(r.text()).contains("organisers’ café said").doesNotContain("\uFFFD");
  }

  @Test
  void shouldDecodeAPageWithoutAnyCharset() {
    // Given UTF-8 bytes, no charset in the header or the page
    String html =
        PagePages.article(null)
            .replace("<meta charset=\"utf-8\">", "")
            .replace("Diplomats in Geneva", "Diplomaten in Genf (Zürich)");
    server.handle("/a", ex -> send(ex, 200, "text/html", html.getBytes(StandardCharsets.UTF_8)));

    // When
    PageResult r = fetcher.fetch(server.url("/a"));

    // Then
    assertThat(r.ok()).as(r.describe()).isTrue();
    assertThat(r.text()).contains("Diplomaten in Genf (Zürich)");
  }

  @Test
  void shouldGiveUpOnAnEndlessRedirectChain() {
    // Given every address redirects to the next one
    AtomicInteger hops = new AtomicInteger();
    server.handle("/loop", ex -> redirect(ex, "/loop?" + hops.incrementAndGet()));

    // When
    PageResult r = fetcher.fetch(server.url("/loop"));

    // Then
    assertThat(r.failure()).isEqualTo(PageFailure.TOO_MANY_REDIRECTS);
    assertThat(r.redirects()).hasSize(fetch.maxRedirects());
    assertThat(hops.get()).isEqualTo(fetch.maxRedirects() + 1);
  }

  @Test
  void shouldRefuseLoopbackPagesAndRedirectsWhenTheSsrfGuardIsOn() {
    // Given the guard on and a page on loopback
    PageFetcher guarded =
        new PageFetcher(
            fetch.withAddressGuard(AddressGuard.publicOnly(List.of())),
            PageFetchSettings.defaults(),
            Clock.systemUTC());
    server.handle("/a", ex -> send(ex, 200, "text/html", PagePages.articleBytes(null)));

    // When
    PageResult r = guarded.fetch(server.url("/a"));

    // Then
    assertThat(r.failure()).isEqualTo(PageFailure.BLOCKED_ADDRESS);
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void shouldRefuseARedirectToAnAddressOutsideTheAllowedRange() {
    // Given the guard allows 127.0.0.1 only, and the page redirects to another loopback address
    PageFetcher guarded =
        new PageFetcher(
            fetch.withAddressGuard(AddressGuard.publicOnly(List.of("127.0.0.1"))),
            PageFetchSettings.defaults(),
            Clock.systemUTC());
    server.handle("/a", ex -> redirect(ex, "http://127.0.0.2:" + server.port() + "/internal"));

    // When
    PageResult r = guarded.fetch(server.url("/a"));

    // Then
    assertThat(r.failure()).isEqualTo(PageFailure.BLOCKED_ADDRESS);
    assertThat(r.redirects()).containsExactly("http://127.0.0.2:" + server.port() + "/internal");
  }

  @Test
  void shouldNeverFollowAFileOrRelativeLink() {
    // When
    PageResult file = fetcher.fetch("file:///etc/passwd");
    PageResult relative = fetcher.fetch("../articles/sochi-congress-2017-11-14.txt");
    PageResult none = fetcher.fetch(null);

    // Then
    assertThat(file.describe()).isEqualTo("UNSUPPORTED_SCHEME: scheme 'file' is not http or https");
    assertThat(relative.describe()).isEqualTo("INVALID_URL: not an absolute URL");
    assertThat(none.describe()).isEqualTo("INVALID_URL: the item has no link");
  }

  private static void redirect(HttpExchange ex, String location) throws IOException {
    ex.getResponseHeaders().add("Location", location);
    ex.sendResponseHeaders(302, -1);
  }
}
