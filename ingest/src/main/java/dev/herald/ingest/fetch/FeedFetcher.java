package dev.herald.ingest.fetch;

import dev.herald.ingest.Failure;
import dev.herald.ingest.FailureKind;
import dev.herald.ingest.SafeUrls;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;

/**
 * Fetches one feed over {@code http(s):} (conditional GET, bounded redirects, timeouts, size cap)
 * or {@code file:} (size cap). Never throws: every failure comes back as a classified {@link
 * FetchResult} whose message carries no credentials. Thread-safe; share one instance.
 *
 * <p>{@code file:} feeds carry no validators: the poller's body hash already detects an unchanged
 * file, and a modification time has a granularity too coarse to trust.
 */
public final class FeedFetcher {

  private static final String ACCEPT =
      "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9,"
          + " application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

  /** Error pages are not parsed; keep only their start. */
  private static final int ERROR_BODY_CAP = 16 * 1024;

  private final FetchSettings settings;
  private final HttpClient client;

  public FeedFetcher(FetchSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    // Redirects are followed by hand: bounded, counted against the deadline, credentials dropped
    // on another host. HTTP/1.1 avoids the h2c upgrade dance that some feed servers mishandle.
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  public FetchSettings settings() {
    return settings;
  }

  /**
   * Fetches {@code url}, sending {@code etag} as If-None-Match and {@code lastModified} as
   * If-Modified-Since when they are not null.
   */
  public FetchResult fetch(String url, String etag, String lastModified) {
    String safeUrl = SafeUrls.redact(url);
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException | NullPointerException e) {
      return error(FailureKind.INVALID_URL, "not a valid URL", 0, safeUrl, null);
    }
    if (uri.getScheme() == null) {
      return error(FailureKind.INVALID_URL, "not an absolute URL", 0, safeUrl, null);
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    return switch (scheme) {
      case "http", "https" -> fetchHttp(uri, etag, lastModified, safeUrl, ACCEPT, null);
      case "file" ->
          settings.addressGuard().enabled()
              ? error(
                  FailureKind.BLOCKED_ADDRESS,
                  "file: feeds are refused while the SSRF guard is on",
                  0,
                  safeUrl,
                  null)
              : fetchFile(uri, safeUrl);
      default ->
          error(
              FailureKind.UNSUPPORTED_SCHEME,
              "scheme '" + scheme + "' is not http, https or file",
              0,
              safeUrl,
              null);
    };
  }

  /**
   * Fetches a web page over {@code http(s):} only (never {@code file:}, whatever the guard says: a
   * page link comes from a feed's content), with the same deadline, size cap, redirect limit and
   * SSRF check on every hop as a feed, asking for {@code accept} and adding every redirect target
   * followed (without credentials) to {@code redirects}.
   */
  public FetchResult fetchPage(String url, String accept, List<String> redirects) {
    String safeUrl = SafeUrls.redact(url);
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException | NullPointerException e) {
      return error(FailureKind.INVALID_URL, "not a valid URL", 0, safeUrl, null);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return error(
          uri.getScheme() == null ? FailureKind.INVALID_URL : FailureKind.UNSUPPORTED_SCHEME,
          uri.getScheme() == null
              ? "not an absolute URL"
              : "scheme '" + scheme + "' is not http or https",
          0,
          safeUrl,
          null);
    }
    return fetchHttp(uri, null, null, safeUrl, accept, redirects);
  }

  // ---------------------------------------------------------------- file:

  private FetchResult fetchFile(URI uri, String safeUrl) {
    Path path;
    try {
      path = Path.of(uri);
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return error(
          FailureKind.INVALID_URL, "not a usable file URL: " + e.getMessage(), 0, safeUrl, null);
    }
    try {
      if (Files.isDirectory(path)) {
        return error(FailureKind.IO_ERROR, "is a directory", 0, safeUrl, null);
      }
      long size = Files.size(path);
      if (size > settings.maxBytes()) {
        return error(
            FailureKind.TOO_LARGE,
            "file of " + size + " bytes exceeds the cap of " + settings.maxBytes() + " bytes",
            0,
            safeUrl,
            null);
      }
      byte[] body;
      try (InputStream in = Files.newInputStream(path)) {
        body = readCapped(in, settings.maxBytes(), "file");
      }
      body = maybeGunzip(body, null);
      return FetchResult.ok(200, body, null, null, null, safeUrl);
    } catch (NoSuchFileException e) {
      return error(FailureKind.UNREACHABLE, "no such file", 0, safeUrl, null);
    } catch (IOException e) {
      return ioFailure(e, 0, safeUrl);
    }
  }

  // ---------------------------------------------------------------- http(s):

  private FetchResult fetchHttp(
      URI original,
      String etag,
      String lastModified,
      String safeUrl,
      String accept,
      List<String> redirectsFollowed) {
    if (original.getHost() == null) {
      return error(FailureKind.INVALID_URL, "URL without a host", 0, safeUrl, null);
    }
    String authorization = basicAuthorization(original);
    long deadlineNanos = System.nanoTime() + settings.totalDeadline().toNanos();
    URI current = withoutUserInfo(original);
    boolean allPermanent = true;
    for (int redirects = 0; ; redirects++) {
      String currentSafe = SafeUrls.redact(current.toString());
      long remainingNanos = deadlineNanos - System.nanoTime();
      if (remainingNanos <= 0) {
        return error(FailureKind.TIMEOUT, deadlineMessage(), 0, currentSafe, null);
      }
      FetchResult refused = guard(current, currentSafe);
      if (refused != null) {
        return refused;
      }
      HttpRequest request;
      try {
        request =
            request(
                current,
                etag,
                lastModified,
                sameOrigin(original, current) ? authorization : null,
                remainingNanos,
                accept);
      } catch (IllegalArgumentException e) {
        return error(FailureKind.INVALID_URL, "not a valid HTTP URL", 0, currentSafe, null);
      }
      HttpResponse<byte[]> response;
      CompletableFuture<HttpResponse<byte[]>> future =
          client.sendAsync(request, this::bodySubscriber);
      try {
        response = future.get(remainingNanos, TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        future.cancel(true);
        return error(FailureKind.TIMEOUT, deadlineMessage(), 0, currentSafe, null);
      } catch (InterruptedException e) {
        future.cancel(true);
        Thread.currentThread().interrupt();
        return error(FailureKind.TIMEOUT, "interrupted", 0, currentSafe, null);
      } catch (ExecutionException e) {
        return exceptionFailure(e.getCause(), currentSafe);
      }

      int status = response.statusCode();
      HttpHeaders headers = response.headers();
      if (isRedirect(status)) {
        String location = headers.firstValue("Location").orElse(null);
        if (location == null || location.isBlank()) {
          return error(
              FailureKind.TOO_MANY_REDIRECTS,
              "HTTP " + status + " without a Location",
              status,
              currentSafe,
              null);
        }
        if (redirects >= settings.maxRedirects()) {
          return error(
              FailureKind.TOO_MANY_REDIRECTS,
              "more than " + settings.maxRedirects() + " redirects",
              status,
              currentSafe,
              null);
        }
        try {
          URI next = current.resolve(new URI(location.strip()));
          String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
          if (!scheme.equals("http") && !scheme.equals("https")) {
            return error(
                FailureKind.UNSUPPORTED_SCHEME,
                "redirect to scheme '" + scheme + "'",
                status,
                currentSafe,
                null);
          }
          current = withoutUserInfo(next);
          allPermanent &= status == 301 || status == 308;
          if (redirectsFollowed != null) {
            redirectsFollowed.add(SafeUrls.redact(current.toString()));
          }
        } catch (URISyntaxException | IllegalArgumentException e) {
          return error(
              FailureKind.INVALID_URL,
              "redirect to an invalid Location",
              status,
              currentSafe,
              null);
        }
        continue;
      }
      String newEtag = headers.firstValue("ETag").orElse(null);
      String newLastModified = headers.firstValue("Last-Modified").orElse(null);
      String movedTo = redirects > 0 && allPermanent ? movedTo(original, current) : null;
      Duration cacheFor = CacheHeaders.freshFor(headers, Instant.now());
      if (status == 304) {
        // A 304 may omit validators; the ones we sent are then still current.
        boolean fresh = newEtag != null || newLastModified != null;
        return FetchResult.notModified(
                fresh ? newEtag : etag, fresh ? newLastModified : lastModified, currentSafe)
            .withCaching(cacheFor, movedTo);
      }
      if (status != 200 && status != 203) {
        return error(
            FailureKind.HTTP_STATUS, "HTTP " + status, status, currentSafe, retryAfter(headers));
      }
      try {
        byte[] body =
            maybeGunzip(response.body(), headers.firstValue("Content-Encoding").orElse(null));
        return FetchResult.ok(
                status,
                body,
                headers.firstValue("Content-Type").orElse(null),
                newEtag,
                newLastModified,
                currentSafe)
            .withCaching(cacheFor, movedTo);
      } catch (IOException e) {
        return ioFailure(e, status, currentSafe);
      }
    }
  }

  /** The SSRF check of one hop (the first request and every redirect); null when allowed. */
  private FetchResult guard(URI uri, String safeUrl) {
    try {
      settings.addressGuard().check(uri.getHost());
      return null;
    } catch (AddressGuard.RefusedException e) {
      return error(FailureKind.BLOCKED_ADDRESS, e.getMessage(), 0, safeUrl, null);
    } catch (UnknownHostException e) {
      return error(FailureKind.UNREACHABLE, "unknown host", 0, safeUrl, null);
    }
  }

  private HttpRequest request(
      URI uri,
      String etag,
      String lastModified,
      String authorization,
      long remainingNanos,
      String accept) {
    Duration timeout = settings.responseTimeout();
    if (timeout.toNanos() > remainingNanos) {
      timeout = Duration.ofNanos(remainingNanos);
    }
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .GET()
            .timeout(timeout)
            .header("User-Agent", settings.userAgent())
            .header("Accept", accept)
            .header("Accept-Encoding", "gzip");
    if (etag != null && !etag.isBlank()) {
      b.header("If-None-Match", etag);
    }
    if (lastModified != null && !lastModified.isBlank()) {
      b.header("If-Modified-Since", lastModified);
    }
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return b.build();
  }

  private HttpResponse.BodySubscriber<byte[]> bodySubscriber(HttpResponse.ResponseInfo info) {
    long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1L);
    boolean feedBody = info.statusCode() == 200 || info.statusCode() == 203;
    return feedBody
        ? new CappedBodySubscriber(settings.maxBytes(), true, declared)
        : new CappedBodySubscriber(ERROR_BODY_CAP, false, declared);
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /** user:password@ in the URL becomes Basic authorization, sent to that origin only. */
  private static String basicAuthorization(URI uri) {
    String userInfo = uri.getRawUserInfo();
    if (userInfo == null || userInfo.isEmpty()) {
      return null;
    }
    String decoded = URLDecoder.decode(userInfo, StandardCharsets.UTF_8);
    return "Basic " + Base64.getEncoder().encodeToString(decoded.getBytes(StandardCharsets.UTF_8));
  }

  /** The new address of a feed moved for good, with its credentials when the host is the same. */
  private static String movedTo(URI original, URI moved) {
    String userInfo = original.getRawUserInfo();
    if (userInfo == null || !Objects.equals(lower(original.getHost()), lower(moved.getHost()))) {
      return moved.toString();
    }
    String s = moved.toString();
    int at = s.indexOf("://");
    return s.substring(0, at + 3) + userInfo + "@" + s.substring(at + 3);
  }

  private static boolean sameOrigin(URI a, URI b) {
    return Objects.equals(lower(a.getScheme()), lower(b.getScheme()))
        && Objects.equals(lower(a.getHost()), lower(b.getHost()))
        && a.getPort() == b.getPort();
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  private static URI withoutUserInfo(URI uri) {
    if (uri.getRawUserInfo() == null) {
      return uri;
    }
    try {
      return new URI(
          uri.getScheme(),
          null,
          uri.getHost(),
          uri.getPort(),
          uri.getPath(),
          uri.getQuery(),
          uri.getFragment());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("cannot strip credentials", e);
    }
  }

  private String deadlineMessage() {
    return "no complete response within " + settings.totalDeadline().toSeconds() + " s";
  }

  /** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(HttpHeaders headers) {
    String value = headers.firstValue("Retry-After").orElse(null);
    if (value == null) {
      return null;
    }
    String v = value.strip();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(Instant.now(), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }

  // ---------------------------------------------------------------- bodies and failures

  private byte[] maybeGunzip(byte[] body, String contentEncoding) throws IOException {
    String enc = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
    boolean gzipMagic = body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
    if (enc.equals("gzip") || enc.equals("x-gzip") || (enc.isEmpty() && gzipMagic)) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
        return readCapped(in, settings.maxBytes(), "decompressed body");
      }
    }
    if (!enc.isEmpty() && !enc.equals("identity")) {
      throw new IOException("unsupported Content-Encoding '" + enc + "'");
    }
    return body;
  }

  private static byte[] readCapped(InputStream in, long cap, String what) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(cap + 1, Integer.MAX_VALUE - 16));
    if (bytes.length > cap) {
      throw new BodyTooLargeException(what, cap);
    }
    return bytes;
  }

  private static FetchResult exceptionFailure(Throwable t, String safeUrl) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof BodyTooLargeException) {
        return error(FailureKind.TOO_LARGE, c.getMessage(), 200, safeUrl, null);
      }
      if (c instanceof HttpConnectTimeoutException) {
        return error(FailureKind.TIMEOUT, "connect timed out", 0, safeUrl, null);
      }
      if (c instanceof HttpTimeoutException) {
        return error(FailureKind.TIMEOUT, "no response headers in time", 0, safeUrl, null);
      }
      if (c instanceof UnresolvedAddressException || c instanceof UnknownHostException) {
        return error(FailureKind.UNREACHABLE, "unknown host", 0, safeUrl, null);
      }
      if (c instanceof SSLException) {
        return error(FailureKind.UNREACHABLE, "TLS: " + describe(c), 0, safeUrl, null);
      }
      if (c instanceof ConnectException) {
        return error(
            FailureKind.UNREACHABLE, "connection failed: " + describe(c), 0, safeUrl, null);
      }
    }
    if (t instanceof IOException io) {
      return ioFailure(io, 0, safeUrl);
    }
    if (t instanceof IllegalArgumentException) {
      return error(FailureKind.INVALID_URL, describe(t), 0, safeUrl, null);
    }
    return error(FailureKind.INTERNAL, describe(t), 0, safeUrl, null);
  }

  private static FetchResult ioFailure(IOException e, int status, String safeUrl) {
    if (e instanceof BodyTooLargeException) {
      return error(FailureKind.TOO_LARGE, e.getMessage(), status, safeUrl, null);
    }
    if (e instanceof EOFException) {
      return error(FailureKind.TRUNCATED, "compressed body ends early", status, safeUrl, null);
    }
    if (e instanceof ZipException) {
      return error(
          FailureKind.IO_ERROR, "corrupt gzip body: " + e.getMessage(), status, safeUrl, null);
    }
    return error(FailureKind.IO_ERROR, describe(e), status, safeUrl, null);
  }

  /** Exception text without any URL the JDK may have put in it. */
  private static String describe(Throwable t) {
    String msg = t.getMessage();
    String text = msg == null || msg.isBlank() ? t.getClass().getSimpleName() : msg;
    return text.replaceAll("[a-zA-Z][a-zA-Z0-9+.-]*://\\S+", "<url>");
  }

  private static FetchResult error(
      FailureKind kind, String message, int status, String safeUrl, Duration retryAfter) {
    return FetchResult.error(new Failure(kind, message), status, safeUrl, retryAfter);
  }
}
