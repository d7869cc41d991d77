package dev.herald.ingest.fetch;

import dev.herald.ingest.Failure;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outcome of one fetch.
 *
 * @param status OK (body present), NOT_MODIFIED (304) or ERROR (see {@code failure})
 * @param httpStatus the last HTTP status; 200 for a file read; 0 when no response was received
 * @param body the decompressed body; empty unless OK
 * @param contentType the Content-Type header, or null
 * @param etag the ETag validator (for OK and NOT_MODIFIED), or null
 * @param lastModified the Last-Modified validator (for OK and NOT_MODIFIED), or null
 * @param finalUrl the URL after redirects, without credentials
 * @param retryAfter the server's Retry-After (429, 503), or null
 * @param failure why it failed; null unless ERROR
 * @param cacheFor how long the server says the response stays fresh (Cache-Control max-age, else
 *     Expires), or null
 * @param movedTo where every redirect on the way said the feed moved for good (301, 308), or null;
 *     keeps the original URL's credentials when the host is the same, so it must never be logged
 */
public record FetchResult(
    Status status,
    int httpStatus,
    byte[] body,
    String contentType,
    String etag,
    String lastModified,
    String finalUrl,
    Duration retryAfter,
    Failure failure,
    Duration cacheFor,
    String movedTo) {

  public enum Status {
    OK,
    NOT_MODIFIED,
    ERROR
  }

  private static final Pattern CHARSET =
      Pattern.compile("(?i)charset\\s*=\\s*\"?([A-Za-z0-9._:+-]+)\"?");

  public FetchResult {
    Objects.requireNonNull(status, "status");
    body = body == null ? new byte[0] : body;
    if ((status == Status.ERROR) != (failure != null)) {
      throw new IllegalArgumentException("failure must be set exactly when status is ERROR");
    }
  }

  public static FetchResult ok(
      int httpStatus,
      byte[] body,
      String contentType,
      String etag,
      String lastModified,
      String finalUrl) {
    return new FetchResult(
        Status.OK,
        httpStatus,
        body,
        contentType,
        etag,
        lastModified,
        finalUrl,
        null,
        null,
        null,
        null);
  }

  public static FetchResult notModified(String etag, String lastModified, String finalUrl) {
    return new FetchResult(
        Status.NOT_MODIFIED, 304, null, null, etag, lastModified, finalUrl, null, null, null, null);
  }

  public static FetchResult error(
      Failure failure, int httpStatus, String finalUrl, Duration retryAfter) {
    return new FetchResult(
        Status.ERROR,
        httpStatus,
        null,
        null,
        null,
        null,
        finalUrl,
        retryAfter,
        failure,
        null,
        null);
  }

  /** This result with the server's freshness lifetime and the feed's permanent new address. */
  public FetchResult withCaching(Duration freshFor, String permanentlyMovedTo) {
    return new FetchResult(
        status,
        httpStatus,
        body,
        contentType,
        etag,
        lastModified,
        finalUrl,
        retryAfter,
        failure,
        freshFor,
        permanentlyMovedTo);
  }

  /** The charset named in the Content-Type header, or null. */
  public String charset() {
    if (contentType == null) {
      return null;
    }
    Matcher m = CHARSET.matcher(contentType);
    return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : null;
  }

  @Override
  public String toString() {
    return "FetchResult["
        + status
        + ", http "
        + httpStatus
        + ", "
        + body.length
        + " bytes, "
        + finalUrl
        + (failure == null ? "" : ", " + failure.describe())
        + "]";
  }
}
