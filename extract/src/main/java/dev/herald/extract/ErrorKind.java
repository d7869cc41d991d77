package dev.herald.extract;

/** Why a page gave no article text. */
public enum ErrorKind {
  /** Binary data, or text with no markup at all. */
  NOT_HTML,
  /** More bytes, tags or nesting than the configured limits allow. */
  TOO_LARGE,
  /** No bytes, or markup without any visible text. */
  EMPTY,
  /** A "not found", "forbidden" or server-error page. */
  ERROR_PAGE,
  /** A cookie or privacy consent wall instead of the article. */
  CONSENT_WALL,
  /** A subscription or sign-in wall with at most a teaser of the article. */
  PAYWALL,
  /** A readable page, but no article-like main text (an index, a gallery, a stub). */
  NO_ARTICLE,
  /** The input could not be read (missing file, corrupt gzip). */
  READ_ERROR,
  /** An unexpected failure inside the extractor, caught so that a batch goes on. */
  INTERNAL
}
