package dev.herald.ingest.poll;

import dev.herald.avro.FeedState;
import dev.herald.avro.RawArticle;
import dev.herald.ingest.Failure;
import dev.herald.ingest.FailureKind;
import dev.herald.ingest.SafeUrls;
import dev.herald.ingest.article.ArticleMapper;
import dev.herald.ingest.fetch.FeedFetcher;
import dev.herald.ingest.fetch.FetchResult;
import dev.herald.ingest.parse.FeedHints;
import dev.herald.ingest.parse.FeedParser;
import dev.herald.ingest.parse.ParseResult;
import dev.herald.ingest.parse.ParsedFeed;
import dev.herald.ingest.schedule.EntryFrequency;
import dev.herald.ingest.schedule.PollTiming;
import dev.herald.ingest.schedule.SchedulePolicy;
import dev.herald.ingest.schedule.Scheduler;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
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

  /**
   * The most ids remembered per feed. A feed remembers twice its current length (at least 50) up to
   * this: enough for items that drop out and come back, small enough for 100,000 feeds.
   */
  public static final int DEFAULT_RECENT_ITEM_LIMIT = 200;

  /** The fewest ids remembered per feed, however short it is. */
  static final int MIN_RECENT_ITEMS = 50;

  /** Items beyond this many in one document are ignored (keeps records and state bounded). */
  public static final int DEFAULT_MAX_ITEMS_PER_POLL = 2_000;

  private final FeedFetcher fetcher;
  private final FeedParser parser;
  private final ArticleMapper mapper;
  private final Scheduler scheduler;
  private final int recentItemLimit;
  private final int maxItemsPerPoll;

  /** With a fixed schedule: exactly the interval while a feed works, doubling while it fails. */
  public FeedPoller(
      FeedFetcher fetcher,
      FeedParser parser,
      ArticleMapper mapper,
      PollSchedule schedule,
      int recentItemLimit,
      int maxItemsPerPoll) {
    this(
        fetcher,
        parser,
        mapper,
        new Scheduler(SchedulePolicy.fixed(schedule.interval(), schedule.maxBackoff()), () -> 0.5),
        recentItemLimit,
        maxItemsPerPoll);
  }

  public FeedPoller(
      FeedFetcher fetcher,
      FeedParser parser,
      ArticleMapper mapper,
      Scheduler scheduler,
      int recentItemLimit,
      int maxItemsPerPoll) {
    this.fetcher = fetcher;
    this.parser = parser;
    this.mapper = mapper;
    this.scheduler = scheduler;
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

  /** A poller with the default limits and the given scheduler. */
  public static FeedPoller create(FeedFetcher fetcher, Scheduler scheduler) {
    return new FeedPoller(
        fetcher,
        new FeedParser(fetcher.settings().maxBytes()),
        new ArticleMapper(),
        scheduler,
        DEFAULT_RECENT_ITEM_LIMIT,
        DEFAULT_MAX_ITEMS_PER_POLL);
  }

  /**
   * Polls {@code feedUrl} once at the default interval; see {@link #poll(String, FeedState,
   * Instant, Duration)}.
   */
  public PollResult poll(String feedUrl, FeedState previous, Instant now) {
    return poll(feedUrl, previous, now, null);
  }

  /**
   * Polls {@code feedUrl} once: at the address it permanently moved to, if it did.
   *
   * @param previous the feed's last state, or null for a feed never polled
   * @param now the poll time: stamps {@code fetchedAt}, {@code lastFetchAt} and the next poll
   * @param interval the feed's own configured interval, or null for the scheduler's default
   */
  public PollResult poll(String feedUrl, FeedState previous, Instant now, Duration interval) {
    try {
      return pollUnchecked(feedUrl, previous, now, interval);
    } catch (RuntimeException | StackOverflowError e) {
      LOG.error("Feed {}: unexpected error", SafeUrls.redact(feedUrl), e);
      return failed(
          feedUrl,
          previous,
          now,
          interval,
          new Failure(FailureKind.INTERNAL, e.getClass().getSimpleName()),
          null,
          null);
    }
  }

  private PollResult pollUnchecked(
      String feedUrl, FeedState previous, Instant now, Duration interval) {
    String etag = previous == null ? null : previous.getEtag();
    String lastModified = previous == null ? null : previous.getLastModified();
    String target =
        previous != null && previous.getMovedTo() != null ? previous.getMovedTo() : feedUrl;
    FetchResult fetched = fetcher.fetch(target, etag, lastModified);
    String movedTo = fetched.movedTo() != null ? fetched.movedTo() : target;
    movedTo = movedTo.equals(feedUrl) ? null : movedTo;

    switch (fetched.status()) {
      case ERROR -> {
        return failed(
            feedUrl,
            previous,
            now,
            interval,
            fetched.failure(),
            fetched.httpStatus(),
            fetched.retryAfter());
      }
      case NOT_MODIFIED -> {
        FeedState.Builder b =
            succeeded(feedUrl, previous, now, 304)
                .setEtag(fetched.etag())
                .setLastModified(fetched.lastModified())
                .setNotModifiedCount(notModifiedCount(previous) + 1)
                .setMovedTo(movedTo);
        schedule(b, previous, now, interval, fetched, null, null);
        return new PollResult(feedUrl, PollResult.Outcome.NOT_MODIFIED, b.build(), List.of(), null);
      }
      default -> {
        // OK: fall through to the body
      }
    }

    String hash = sha256(fetched.body());
    if (previous != null && hash.equals(previous.getContentHash())) {
      FeedState.Builder b =
          succeeded(feedUrl, previous, now, fetched.httpStatus())
              .setEtag(fetched.etag())
              .setLastModified(fetched.lastModified())
              .setNotModifiedCount(notModifiedCount(previous) + 1)
              .setMovedTo(movedTo);
      schedule(b, previous, now, interval, fetched, null, null);
      return new PollResult(feedUrl, PollResult.Outcome.UNCHANGED, b.build(), List.of(), null);
    }

    ParseResult parsed = parser.parse(fetched.body(), fetched.contentType());
    if (!parsed.isOk()) {
      // Validators are not stored: a 304 must not hide a body we could not read.
      return failed(feedUrl, previous, now, interval, parsed.failure(), fetched.httpStatus(), null);
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
    ArticleMapper.Mapped mapped = mapper.mapNew(feedUrl, feed, now, maxItemsPerPoll, known);
    currentIds.addAll(mapped.ids());
    Set<String> taken = new HashSet<>();
    for (RawArticle article : mapped.fresh()) {
      if (taken.add(article.getId())) {
        fresh.add(article);
      }
    }
    FeedState.Builder b =
        succeeded(feedUrl, previous, now, fetched.httpStatus())
            .setEtag(fetched.etag())
            .setLastModified(fetched.lastModified())
            .setContentHash(hash)
            .setRecentItemIds(recentIds(currentIds, previous))
            .setMovedTo(movedTo)
            .setDeclaredIntervalSeconds(seconds(declared(feed.hints())));
    if (!fresh.isEmpty()) {
      b.setLastNewItemAt(now);
    }
    schedule(b, previous, now, interval, fetched, mapped.dates(), fresh);
    return new PollResult(feedUrl, PollResult.Outcome.FETCHED, b.build(), fresh, null);
  }

  /**
   * Sets the entry-interval estimate and the next poll of a successful poll. {@code entryDates} is
   * null when the body was not parsed (304, unchanged): the stored estimate then applies, stretched
   * if the feed has gone quiet.
   */
  private void schedule(
      FeedState.Builder b,
      FeedState previous,
      Instant now,
      Duration interval,
      FetchResult fetched,
      List<Instant> entryDates,
      List<RawArticle> fresh) {
    Duration estimate = previous == null ? null : duration(previous.getEntryIntervalSeconds());
    Instant newest = previous == null ? null : previous.getLastNewItemAt();
    if (entryDates != null) {
      List<Instant> dates = entryDates;
      Duration fromDates = EntryFrequency.fromDates(dates, now);
      if (fromDates != null) {
        estimate = fromDates;
        newest = dates.stream().filter(d -> !d.isAfter(now)).max(Instant::compareTo).orElse(newest);
      } else if (!fresh.isEmpty() && previous != null && previous.getLastNewItemAt() != null) {
        estimate =
            EntryFrequency.fromArrival(
                estimate, Duration.between(previous.getLastNewItemAt(), now));
      }
      if (!fresh.isEmpty() && fromDates == null) {
        newest = now;
      }
    }
    b.setEntryIntervalSeconds(seconds(estimate));
    Duration declared = duration(b.getDeclaredIntervalSeconds());
    PollTiming timing =
        new PollTiming(
            interval,
            fetched.cacheFor(),
            declared,
            EntryFrequency.withQuiet(estimate, newest, now),
            0,
            null);
    b.setNextPollAt(scheduler.nextPollAt(now, timing));
  }

  private static Duration declared(FeedHints hints) {
    Duration ttl = hints.ttl();
    Duration period = hints.updatePeriod();
    if (ttl == null) {
      return period;
    }
    return period == null || ttl.compareTo(period) >= 0 ? ttl : period;
  }

  private static Integer seconds(Duration d) {
    return d == null ? null : (int) Math.min(Integer.MAX_VALUE, d.toSeconds());
  }

  private static Duration duration(Integer seconds) {
    return seconds == null ? null : Duration.ofSeconds(seconds);
  }

  /**
   * The ids of the current document first (all of them, so none is re-published next time), then
   * the older ones, up to the limit.
   */
  private List<String> recentIds(LinkedHashSet<String> currentIds, FeedState previous) {
    LinkedHashSet<String> ids = new LinkedHashSet<>(currentIds);
    int wanted = Math.max(MIN_RECENT_ITEMS, 2 * currentIds.size());
    int limit = Math.max(Math.min(recentItemLimit, wanted), currentIds.size());
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
   * offered again at the next poll. The validators and content hash are cleared so that poll parses
   * the body.
   */
  public static FeedState forget(FeedState state, Set<String> unpublishedIds) {
    if (unpublishedIds.isEmpty()) {
      return state;
    }
    List<String> kept = new ArrayList<>(state.getRecentItemIds());
    kept.removeAll(unpublishedIds);
    // the validators and the body hash go too: a 304 or an unchanged body would skip the parse
    // that offers the forgotten articles again
    return FeedState.newBuilder(state)
        .setRecentItemIds(kept)
        .setContentHash(null)
        .setEtag(null)
        .setLastModified(null)
        .build();
  }

  private FeedState.Builder succeeded(
      String feedUrl, FeedState previous, Instant now, int httpStatus) {
    return base(feedUrl, previous, now, httpStatus)
        .setLastSuccessAt(now)
        .setLastError(null)
        .setConsecutiveErrors(0);
  }

  private PollResult failed(
      String feedUrl,
      FeedState previous,
      Instant now,
      Duration interval,
      Failure failure,
      Integer httpStatus,
      Duration retryAfter) {
    int errors = (previous == null ? 0 : previous.getConsecutiveErrors()) + 1;
    LOG.warn(
        "Feed {} failed ({} in a row): {}", SafeUrls.redact(feedUrl), errors, failure.describe());
    PollTiming timing =
        new PollTiming(
            interval,
            null,
            previous == null ? null : duration(previous.getDeclaredIntervalSeconds()),
            null,
            errors,
            retryAfter);
    FeedState state =
        base(feedUrl, previous, now, httpStatus == null ? 0 : httpStatus)
            .setLastError(failure.describe())
            .setLastErrorAt(now)
            .setErrorCount((previous == null ? 0 : previous.getErrorCount()) + 1)
            .setConsecutiveErrors(errors)
            .setNextPollAt(scheduler.nextPollAt(now, timing))
            .build();
    return new PollResult(
        feedUrl, PollResult.Outcome.FAILED, state, List.of(), failure, retryAfter);
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
