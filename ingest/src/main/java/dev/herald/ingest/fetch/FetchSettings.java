package dev.herald.ingest.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * How the fetcher talks to servers. {@code responseTimeout} bounds the wait for the response
 * headers of one request; {@code totalDeadline} bounds the whole fetch, redirects and body included
 * (a server that drips bytes cannot hold a worker longer); {@code maxBytes} caps the body, also
 * after gzip decompression; {@code addressGuard} refuses non-public addresses when on.
 */
public record FetchSettings(
    String userAgent,
    Duration connectTimeout,
    Duration responseTimeout,
    Duration totalDeadline,
    long maxBytes,
    int maxRedirects,
    AddressGuard addressGuard) {

  public static final String DEFAULT_USER_AGENT =
      "Herald/0.1 (+https://github.com/herald-news/herald)";
  public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

  public FetchSettings {
    Objects.requireNonNull(userAgent, "userAgent");
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(responseTimeout, "responseTimeout");
    requirePositive(totalDeadline, "totalDeadline");
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    if (maxRedirects < 0) {
      throw new IllegalArgumentException("maxRedirects must not be negative: " + maxRedirects);
    }
    addressGuard = addressGuard == null ? AddressGuard.OFF : addressGuard;
  }

  /** Without an address guard. */
  public FetchSettings(
      String userAgent,
      Duration connectTimeout,
      Duration responseTimeout,
      Duration totalDeadline,
      long maxBytes,
      int maxRedirects) {
    this(
        userAgent,
        connectTimeout,
        responseTimeout,
        totalDeadline,
        maxBytes,
        maxRedirects,
        AddressGuard.OFF);
  }

  /** 10 s to connect, 20 s to the response headers, 60 s in all, 10 MB, 5 redirects. */
  public static FetchSettings defaults() {
    return new FetchSettings(
        DEFAULT_USER_AGENT,
        Duration.ofSeconds(10),
        Duration.ofSeconds(20),
        Duration.ofSeconds(60),
        DEFAULT_MAX_BYTES,
        5);
  }

  public FetchSettings withUserAgent(String agent) {
    return new FetchSettings(
        agent,
        connectTimeout,
        responseTimeout,
        totalDeadline,
        maxBytes,
        maxRedirects,
        addressGuard);
  }

  public FetchSettings withMaxBytes(long max) {
    return new FetchSettings(
        userAgent, connectTimeout, responseTimeout, totalDeadline, max, maxRedirects, addressGuard);
  }

  public FetchSettings withTimeouts(Duration connect, Duration response, Duration total) {
    return new FetchSettings(
        userAgent, connect, response, total, maxBytes, maxRedirects, addressGuard);
  }

  /** With the SSRF guard, e.g. {@code AddressGuard.publicOnly(List.of("10.20.0.0/16"))}. */
  public FetchSettings withAddressGuard(AddressGuard guard) {
    return new FetchSettings(
        userAgent, connectTimeout, responseTimeout, totalDeadline, maxBytes, maxRedirects, guard);
  }

  private static void requirePositive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }
}
