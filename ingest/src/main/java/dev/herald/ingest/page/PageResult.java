package dev.herald.ingest.page;

import dev.herald.avro.RawArticle;
import dev.herald.avro.TextSource;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What fetching one article page gave: its text, or why there is none.
 *
 * @param text the extracted main text (paragraphs separated by a blank line); null on failure
 * @param canonicalUrl the page's {@code <link rel="canonical">}, absolute, or null
 * @param finalUrl where the page was found after redirects (without credentials), or null
 * @param redirects every redirect target followed, in order
 * @param httpStatus the last HTTP status, or 0 when no response came
 * @param failure why there is no text; null on success
 * @param message the failure's detail; null on success
 * @param retryAfter the server's Retry-After on a 429/503, or null
 * @param crawlDelay the host's robots.txt Crawl-delay, or null
 */
public record PageResult(
    String text,
    String canonicalUrl,
    String finalUrl,
    List<String> redirects,
    int httpStatus,
    PageFailure failure,
    String message,
    Duration retryAfter,
    Duration crawlDelay) {

  public PageResult {
    redirects = redirects == null ? List.of() : List.copyOf(redirects);
    if ((text == null) == (failure == null)) {
      throw new IllegalArgumentException("exactly one of text and failure must be set");
    }
  }

  static PageResult failed(PageFailure failure, String message) {
    return new PageResult(null, null, null, List.of(), 0, failure, message, null, null);
  }

  public boolean ok() {
    return failure == null;
  }

  /** "KIND: message", as stored in {@code RawArticle.pageError}; null on success. */
  public String describe() {
    return failure == null ? null : failure + ": " + Objects.requireNonNullElse(message, "");
  }

  /** This result with another failure (the page was fetched but its text is not taken). */
  PageResult rejected(PageFailure kind, String why) {
    return new PageResult(
        null, canonicalUrl, finalUrl, redirects, httpStatus, kind, why, retryAfter, crawlDelay);
  }

  /**
   * The article with this page's outcome: on success the page text (textSource PAGE) and its
   * canonical URL; otherwise the feed text stays and the reason is recorded. The id never changes,
   * so republishing stays idempotent.
   */
  public RawArticle applyTo(RawArticle article) {
    if (ok() && text.length() <= article.getText().length()) {
      return rejected(
              PageFailure.NOT_LONGER,
              "page text of "
                  + text.length()
                  + " characters, feed text of "
                  + article.getText().length())
          .applyTo(article);
    }
    RawArticle.Builder b =
        RawArticle.newBuilder(article)
            .setPageUrl(finalUrl)
            .setPageRedirects(List.copyOf(redirects))
            .setPageStatus(httpStatus > 0 ? httpStatus : null)
            .setPageError(describe());
    if (ok()) {
      b.setText(text).setTextSource(TextSource.PAGE);
      if (canonicalUrl != null) {
        b.setCanonicalUrl(canonicalUrl);
      }
    }
    return b.build();
  }
}
