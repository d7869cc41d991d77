package dev.herald.ingest.page;

/**
 * Why an article keeps its feed text although the feed text was short. The name is the prefix of
 * {@code RawArticle.pageError} ("KIND: message"). Fetch failures keep the feed fetcher's names
 * ({@code FailureKind}); extraction failures keep the extractor's ({@code ErrorKind}).
 */
public enum PageFailure {
  /** The item has no link, or a relative one. */
  INVALID_URL,
  /** The link is not http(s) (a {@code file:} link is never followed). */
  UNSUPPORTED_SCHEME,
  /** The host's robots.txt disallows the page for Herald's product token. */
  ROBOTS_DISALLOWED,
  /** robots.txt could not be read (5xx, unreachable, timeout): the host is not crawled for now. */
  ROBOTS_UNAVAILABLE,
  /** The SSRF guard refused an address of the page or of a redirect. */
  BLOCKED_ADDRESS,
  /** Unknown host, refused connection, TLS failure. */
  UNREACHABLE,
  /** Connect, response or total deadline exceeded. */
  TIMEOUT,
  /** A status other than 200 (404, 410, 500, a 429 whose Retry-After was too long, ...). */
  HTTP_STATUS,
  /** More redirects than allowed (an endless chain), or one without a Location. */
  TOO_MANY_REDIRECTS,
  /** The body exceeds the size cap, or the page has too many tags or too deep nesting. */
  TOO_LARGE,
  /** The body could not be read (corrupt gzip, broken connection). */
  IO_ERROR,
  /** Not an HTML page: another Content-Type, or binary data served as HTML. */
  NOT_HTML,
  /** An empty page or markup without text. */
  EMPTY,
  /** A "not found" or error page served with status 200. */
  ERROR_PAGE,
  /** A cookie or privacy consent wall instead of the article. */
  CONSENT_WALL,
  /** A subscription or sign-in wall. */
  PAYWALL,
  /** A readable page without article text (an index, a gallery, a stub). */
  NO_ARTICLE,
  /** The page text is not longer than the feed's own text. */
  NOT_LONGER,
  /** Too many articles were waiting for their page. */
  QUEUE_FULL,
  /** Herald shut down (or a one-off poll ended) before the page was fetched. */
  SHUTDOWN,
  /** A bug in Herald, caught so one page cannot stop the stage. */
  INTERNAL;

  /** The kind of a fetcher or extractor failure name; INTERNAL for an unknown one. */
  static PageFailure named(String name) {
    try {
      return valueOf(name);
    } catch (IllegalArgumentException | NullPointerException e) {
      return INTERNAL;
    }
  }
}
