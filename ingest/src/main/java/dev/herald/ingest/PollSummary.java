package dev.herald.ingest;

/**
 * What one round of polling did.
 *
 * @param feedsOk feeds fetched and parsed, or answered 304 / an unchanged body
 * @param feedsUnchanged of those, the ones answered 304 or with an unchanged body
 * @param feedsFailed feeds whose fetch, parse or publish failed
 * @param articlesPublished articles sent to the raw-article topic (and acknowledged)
 */
public record PollSummary(
    int feedsOk, int feedsUnchanged, int feedsFailed, long articlesPublished) {

  public static final PollSummary EMPTY = new PollSummary(0, 0, 0, 0);

  public PollSummary plus(PollSummary o) {
    return new PollSummary(
        feedsOk + o.feedsOk,
        feedsUnchanged + o.feedsUnchanged,
        feedsFailed + o.feedsFailed,
        articlesPublished + o.articlesPublished);
  }

  @Override
  public String toString() {
    return feedsOk
        + " feed(s) ok ("
        + feedsUnchanged
        + " unchanged), "
        + feedsFailed
        + " failed, "
        + articlesPublished
        + " article(s) published";
  }
}
