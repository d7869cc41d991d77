package dev.herald.ingest;

/**
 * Why polling a feed failed. The name is the prefix of {@code FeedState.lastError} ("KIND:
 * message"), so operators and dashboards can group failures without parsing free text.
 */
public enum FailureKind {
  /** The feed URL cannot be parsed or is not absolute. */
  INVALID_URL,
  /** Neither http(s) nor file. */
  UNSUPPORTED_SCHEME,
  /** The SSRF guard refused the address the host resolves to (or a file: feed). */
  BLOCKED_ADDRESS,
  /** Unknown host, connection refused, TLS failure, missing file. */
  UNREACHABLE,
  /** Connect, response or total deadline exceeded. */
  TIMEOUT,
  /** The server answered with a status other than 200 or 304. */
  HTTP_STATUS,
  /** More redirects than allowed, or a redirect without a usable Location. */
  TOO_MANY_REDIRECTS,
  /** The body (or its gzip-decompressed form) exceeds the size cap. */
  TOO_LARGE,
  /** Any other I/O failure while reading the body. */
  IO_ERROR,
  /** The body is empty, HTML, plain text or anything else that is neither XML nor JSON. */
  NOT_XML,
  /** A body that starts like JSON but is not well-formed JSON. */
  MALFORMED_JSON,
  /** XML that ends before its root element is closed. */
  TRUNCATED,
  /** XML with a syntax error that is not a truncation. */
  MALFORMED_XML,
  /** A DOCTYPE with an internal subset (entity definitions): refused, it may be an entity bomb. */
  DOCTYPE_REFUSED,
  /** Well-formed XML or JSON that is not RSS 0.9x/1.0/2.0, Atom or JSON Feed. */
  UNSUPPORTED_FORMAT,
  /** A bug in Herald: caught so one feed cannot take the poller down. */
  INTERNAL
}
