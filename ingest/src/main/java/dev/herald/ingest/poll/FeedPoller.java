package dev.herald.ingest.poll;

import dev.herald.avro.FeedState;
import dev.herald.avro.RawArticle;
import dev.herald.ingest.Failure;
import dev.herald.ingest.FailureKind;
import dev.herald.ingest.SafeUrls;
import dev.herald.ingest.article.ArticleMapper;
import dev.herald.ingest.fetch.FeedFetcher;
import dev.herald.ingest.fetch.FetchResult;
import dev.herald.ingest.parse.FeedParser;
import dev.herald.ingest.parse.ParseResult;
import dev.herald.ingest.parse.ParsedFeed;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one feed, given what is known about it: fetch (conditionally), parse, map, and keep
 * only what was not published before. "Nothing new on re-poll" holds at three levels: a 304
 * publishes nothing, a byte-identical body is not even parsed, and items whose id is among the
 * feed's recent ids are skipped. Never throws; a failure becomes the state's {@code lastError}.
 * Thread-safe when its collaborators are (they are).
 */
public final class FeedPoller {

  private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

  public static final int DEFAULT_RECENT_ITEM_LIMIT = 1_000;

  /** Items beyond this many in one document are ignored (keeps records and state bounded). */
  public static final int DEFAULT_MAX_ITEMS_PER_POLL = 2_000;

  private final FeedFetcher fetcher;
  private final FeedParser parser;
  private final ArticleMapper mapper;
  private final PollSchedule schedule;
  private final int recentItemLimit;
  private final int maxItemsPerPoll;

  public FeedPoller(
      FeedFetcher fetcher,
      FeedParser parser,
      ArticleMapper mapper,
      PollSchedule schedule,
      int recentItemLimit,
      int maxItemsPerPoll) {
    this.fetcher = fetcher;
    this.parser = parser;
    this.mapper = mapper;
    this.schedule = schedule;
    if (recentItemLimit < 1 || maxItemsPerPoll < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
    this.recentItemLimit = recentItemLimit;
    this.maxItemsPerPoll = maxItemsPerPoll;
  }

  /** A poller with the default limits, its parser capped like the fetcher. */
  public static FeedPoller create(FeedFetcher fetcher, PollSchedule schedule) {
    return new FeedPoller(
        fetcher,
        new FeedParser(fetcher.settings().maxBytes()),
        new ArticleMapper(),
        schedule,
        DEFAULT_RECENT_ITEM_LIMIT,
        DEFAULT_MAX_ITEMS_PER_POLL);
  }

  /**
   * Polls {@code feedUrl} once.
   *
   * @param previous the feed's last state, or null for a feed never polled
   * @param now the poll time: stamps {@code fetchedAt}, {@code lastFetchAt} and the next poll
   */
  public PollResult poll(String feedUrl, FeedState previous, Instant now) {
    try {
      return pollUnchecked(feedUrl, previous, now);
    } catch (RuntimeException | StackOverflowError e) {
      LOG.error("Feed {}: unexpected error", SafeUrls.redact(feedUrl), e);
      return failed(
          feedUrl,
          previous,
          now,
          new Failure(FailureKind.INTERNAL, e.getClass().getSimpleName()),
          null,
          null);
    }
  }

  private PollResult pollUnchecked(String feedUrl, FeedState previous, Instant now) {
    String etag = previous == null ? null : previous.getEtag();
    String lastModified = previous == null ? null : previous.getLastModified();
    FetchResult fetched = fetcher.fetch(feedUrl, etag, lastModified);

    switch (fetched.status()) {
      case ERROR -> {
        return failed(
            feedUrl, previous, now, fetched.failure(), fetched.httpStatus(), fetched.retryAfter());
      }
      case NOT_MODIFIED -> {
        FeedState state =
            succeeded(feedUrl, previous, now, 304)
                .setEtag(fetched.etag())
                .setLastModified(fetched.lastModified())
                .setNotModifiedCount(notModifiedCount(previous) + 1)
                .build();
        return new PollResult(feedUrl, PollResult.Outcome.NOT_MODIFIED, state, List.of(), null);
      }
      default -> {
        // OK: fall through to the body
      }
    }

    String hash = sha256(fetched.body());
    if (previous != null && hash.equals(previous.getContentHash())) {
      FeedState state =
          succeeded(feedUrl, previous, now, fetched.httpStatus())
              .setEtag(fetched.etag())
              .setLastModified(fetched.lastModified())
              .setNotModifiedCount(notModifiedCount(previous) + 1)
              .build();
      return new PollResult(feedUrl, PollResult.Outcome.UNCHANGED, state, List.of(), null);
    }

    ParseResult parsed = parser.parse(fetched.body(), fetched.contentType());
    if (!parsed.isOk()) {
      // Validators are not stored: a 304 must not hide a body we could not read.
      return failed(feedUrl, previous, now, parsed.failure(), fetched.httpStatus(), null);
    }

    Set<String> known =
        previous == null ? Set.of() : new LinkedHashSet<>(previous.getRecentItemIds());
    List<RawArticle> fresh = new ArrayList<>();
    LinkedHashSet<String> currentIds = new LinkedHashSet<>();
    ParsedFeed feed = parsed.feed();
    if (feed.entries().size() > maxItemsPerPoll) {
      LOG.info(
          "Feed {}: {} items, only the first {} are read",
          SafeUrls.redact(feedUrl),
          feed.entries().size(),
          maxItemsPerPoll);
    }
    for (RawArticle article : mapper.mapAll(feedUrl, feed, now, maxItemsPerPoll)) {
      String id = article.getId();
      if (currentIds.add(id) && !known.contains(id)) {
        fresh.add(article);
      }
    }
    FeedState state =
        succeeded(feedUrl, previous, now, fetched.httpStatus())
            .setEtag(fetched.etag())
            .setLastModified(fetched.lastModified())
            .setContentHash(hash)
            .setRecentItemIds(recentIds(currentIds, previous))
            .build();
    return new PollResult(feedUrl, PollResult.Outcome.FETCHED, state, fresh, null);
  }

  /**
   * The ids of the current document first (all of them, so none is re-published next time), then
   * the older ones, up to the limit.
   */
  private List<String> recentIds(LinkedHashSet<String> currentIds, FeedState previous) {
    LinkedHashSet<String> ids = new LinkedHashSet<>(currentIds);
    int limit = Math.max(recentItemLimit, currentIds.size());
    if (previous != null) {
      for (String id : previous.getRecentItemIds()) {
        if (ids.size() >= limit) {
          break;
        }
        ids.add(id);
      }
    }
    return new ArrayList<>(ids);
  }

  /**
   * Removes ids from a state's recent list, for articles that could not be published: they will be
   * offered again at the next poll. The content hash is cleared so that poll parses the body.
   */
  public static FeedState forget(FeedState state, Set<String> unpublishedIds) {
    if (unpublishedIds.isEmpty()) {
      return state;
    }
    List<String> kept = new ArrayList<>(state.getRecentItemIds());
    kept.removeAll(unpublishedIds);
    return FeedState.newBuilder(state).setRecentItemIds(kept).setContentHash(null).build();
  }

  private FeedState.Builder succeeded(
      String feedUrl, FeedState previous, Instant now, int httpStatus) {
    return base(feedUrl, previous, now, httpStatus)
        .setLastSuccessAt(now)
        .setLastError(null)
        .setConsecutiveErrors(0)
        .setNextPollAt(schedule.nextPollAt(now, 0, null));
  }

  private PollResult failed(
      String feedUrl,
      FeedState previous,
      Instant now,
      Failure failure,
      Integer httpStatus,
      Duration retryAfter) {
    int errors = (previous == null ? 0 : previous.getConsecutiveErrors()) + 1;
    LOG.warn(
        "Feed {} failed ({} in a row): {}", SafeUrls.redact(feedUrl), errors, failure.describe());
    FeedState state =
        base(feedUrl, previous, now, httpStatus == null ? 0 : httpStatus)
            .setLastError(failure.describe())
            .setConsecutiveErrors(errors)
            .setNextPollAt(schedule.nextPollAt(now, errors, retryAfter))
            .build();
    return new PollResult(feedUrl, PollResult.Outcome.FAILED, state, List.of(), failure);
  }

  private static FeedState.Builder base(
      String feedUrl, FeedState previous, Instant now, int httpStatus) {
    FeedState.Builder b =
        previous == null ? FeedState.newBuilder().setUrl(feedUrl) : FeedState.newBuilder(previous);
    return b.setUrl(feedUrl)
        .setLastFetchAt(now)
        .setLastStatus(httpStatus == 0 ? null : httpStatus)
        .setFetchCount((previous == null ? 0 : previous.getFetchCount()) + 1);
  }

  private static long notModifiedCount(FeedState previous) {
    return previous == null ? 0 : previous.getNotModifiedCount();
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
