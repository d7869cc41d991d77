package dev.herald.ingest.page;

import dev.herald.avro.RawArticle;
import dev.herald.ingest.SafeUrls;
import dev.herald.ingest.fetch.FetchSettings;
import dev.herald.ingest.poll.PollResult;
import dev.herald.ingest.schedule.HostLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full text behind short feed items. A poll hands its new articles to {@link #takeOver}, which
 * keeps those whose feed text is short and whose link is fetchable, and returns the rest to be
 * published at once. Kept articles wait in a bounded queue for a few page threads, with per-host
 * limits of their own (robots.txt Crawl-delay and Retry-After included); each is published through
 * the {@link Sink} when its page is done or has failed (then with its feed text and the reason), so
 * a slow site never holds up feed polling. {@link #close()} waits a while for pages in flight and
 * publishes the rest with their feed text: nothing taken over is dropped.
 */
public final class PageStage implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PageStage.class);
  private static final Duration MIN_WAIT = Duration.ofMillis(10);
  private static final Duration DEFAULT_HOLD = Duration.ofSeconds(30);

  /** Where finished articles go; must not throw (the Kafka one logs a failed send). */
  @FunctionalInterface
  public interface Sink {
    void publish(RawArticle article);
  }

  /** Counts since start. */
  public record Counters(
      long takenOver, long fromPage, long keptFeedText, long queueFull, long retried) {}

  private final PageFetchSettings settings;
  private final PageFetcher fetcher;
  private final Sink sink;
  private final Clock clock;
  private final HostLimiter hosts;
  private final ScheduledThreadPoolExecutor executor;
  private final Set<Task> pending = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicLong takenOver = new AtomicLong();
  private final AtomicLong fromPage = new AtomicLong();
  private final AtomicLong keptFeedText = new AtomicLong();
  private final AtomicLong queueFull = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();

  public PageStage(PageFetchSettings settings, FetchSettings fetch, Sink sink, Clock clock) {
    this(settings, new PageFetcher(fetch, settings, clock), sink, clock);
  }

  PageStage(PageFetchSettings settings, PageFetcher fetcher, Sink sink, Clock clock) {
    this.settings = settings;
    this.fetcher = fetcher;
    this.sink = sink;
    this.clock = clock;
    this.hosts = new HostLimiter(settings.maxPerHost(), settings.hostRequestGap());
    AtomicInteger n = new AtomicInteger();
    this.executor =
        new ScheduledThreadPoolExecutor(
            settings.threads(),
            r -> {
              Thread t = new Thread(r, "herald-page-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    executor.setRemoveOnCancelPolicy(true);
  }

  /**
   * The poll with the articles to publish now; the others wait for their page and are published
   * through the sink later. A failed poll or one without articles is returned as it is.
   */
  public PollResult takeOver(PollResult poll) {
    if (!settings.enabled() || poll.articles().isEmpty()) {
      return poll;
    }
    List<RawArticle> now = new ArrayList<>(poll.articles().size());
    for (RawArticle a : poll.articles()) {
      RawArticle kept = takeOver(a);
      if (kept != null) {
        now.add(kept);
      }
    }
    if (now.size() == poll.articles().size() && now.equals(poll.articles())) {
      return poll;
    }
    return new PollResult(
        poll.feedUrl(), poll.outcome(), poll.state(), now, poll.failure(), poll.retryAfter());
  }

  /**
   * Null when the article was taken over (its page is fetched later); else the article to publish
   * now, with the reason its page is not fetched when its text was short.
   */
  RawArticle takeOver(RawArticle a) {
    if (!settings.enabled() || a.getText().length() >= settings.minFeedChars()) {
      return a;
    }
    PageResult invalid = PageFetcher.unfetchable(a.getUrl());
    if (invalid != null) {
      keptFeedText.incrementAndGet();
      return invalid.applyTo(a);
    }
    if (closed.get()) {
      keptFeedText.incrementAndGet();
      return PageResult.failed(PageFailure.SHUTDOWN, "page stage closed").applyTo(a);
    }
    if (pending.size() >= settings.queueCapacity()) {
      queueFull.incrementAndGet();
      keptFeedText.incrementAndGet();
      return PageResult.failed(
              PageFailure.QUEUE_FULL,
              settings.queueCapacity() + " articles already wait for their page")
          .applyTo(a);
    }
    Task task = new Task(a);
    pending.add(task);
    takenOver.incrementAndGet();
    if (!schedule(task, Duration.ZERO)) {
      pending.remove(task);
      takenOver.decrementAndGet();
      keptFeedText.incrementAndGet();
      return PageResult.failed(PageFailure.SHUTDOWN, "page stage closed").applyTo(a);
    }
    return null;
  }

  /** Articles waiting for their page (or being fetched). */
  public int pending() {
    return pending.size();
  }

  /**
   * Ids of this feed's articles still waiting for their page. The feed state written to Kafka
   * leaves them out, so a crash before they are published makes the next poll offer them again (a
   * repeat is dropped downstream by id) instead of losing them.
   */
  public Set<String> awaiting(String feedUrl) {
    if (pending.isEmpty()) {
      return Set.of();
    }
    Set<String> ids = new HashSet<>();
    for (Task t : pending) {
      if (feedUrl.equals(t.article.getFeedUrl())) {
        ids.add(t.article.getId());
      }
    }
    return ids;
  }

  public Counters counters() {
    return new Counters(
        takenOver.get(), fromPage.get(), keptFeedText.get(), queueFull.get(), retried.get());
  }

  /**
   * Waits up to {@code max} for every page taken over so far, then publishes those still waiting
   * with their feed text (reason SHUTDOWN). For one-off polls ({@code herald ingest --once}) and
   * shutdown. Returns how many were published without their page.
   */
  public int drain(Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    while (!pending.isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    int cut = 0;
    for (Task t : List.copyOf(pending)) {
      if (t.finish(
          PageResult.failed(
              PageFailure.SHUTDOWN, "page not fetched within " + max + " of the end"))) {
        cut++;
      }
    }
    if (cut > 0) {
      LOG.warn("{} article(s) published with their feed text: pages not done in time", cut);
    }
    return cut;
  }

  /**
   * Takes no more articles, waits up to the drain timeout for pages in flight, publishes the rest
   * with their feed text, and stops the threads.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    drain(settings.drainTimeout());
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean schedule(Task task, Duration delay) {
    try {
      executor.schedule(task, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /** One article waiting for its page. */
  private final class Task implements Runnable {
    private final RawArticle article;
    private final String host;
    private final AtomicBoolean done = new AtomicBoolean();
    private int attempts;

    Task(RawArticle article) {
      this.article = article;
      this.host = HostLimiter.hostOf(article.getUrl());
    }

    @Override
    public void run() {
      if (done.get()) {
        return;
      }
      try {
        Instant now = clock.instant();
        if (!hosts.tryAcquire(host, now)) {
          Duration wait = Duration.between(now, hosts.availableAt(host, now));
          if (!schedule(this, wait.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : wait)) {
            finish(PageResult.failed(PageFailure.SHUTDOWN, "page stage closed"));
          }
          return;
        }
        PageResult result;
        try {
          attempts++;
          result = fetcher.fetch(article.getUrl());
          hold(result, clock.instant());
        } finally {
          hosts.release(host);
        }
        if (retryLater(result)) {
          return;
        }
        finish(result);
      } catch (RuntimeException e) {
        LOG.error("Page of article {}: failed", article.getId(), e);
        finish(PageResult.failed(PageFailure.INTERNAL, e.getClass().getSimpleName()));
      }
    }

    /** The host's own pace: Retry-After on 429/503, else a robots.txt Crawl-delay. */
    private void hold(PageResult r, Instant now) {
      int status = r.httpStatus();
      if (status == 429 || status == 503) {
        Duration d = r.retryAfter() != null ? r.retryAfter() : DEFAULT_HOLD;
        hosts.blockUntil(host, now.plus(d));
      } else if (r.crawlDelay() != null
          && r.crawlDelay().compareTo(settings.hostRequestGap()) > 0) {
        hosts.blockUntil(host, now.plus(r.crawlDelay()));
      }
    }

    /** A 429/503 whose Retry-After is short enough is tried once more after it. */
    private boolean retryLater(PageResult r) {
      int status = r.httpStatus();
      if ((status != 429 && status != 503) || attempts > 1 || closed.get()) {
        return false;
      }
      Duration after = r.retryAfter() != null ? r.retryAfter() : DEFAULT_HOLD;
      if (after.compareTo(settings.maxRetryAfter()) > 0) {
        return false;
      }
      retried.incrementAndGet();
      return schedule(this, after);
    }

    /** Publishes the article with this outcome, once; false when it was already published. */
    boolean finish(PageResult result) {
      if (!done.compareAndSet(false, true)) {
        return false;
      }
      RawArticle out = result.applyTo(article);
      if (out.getTextSource() == dev.herald.avro.TextSource.PAGE) {
        fromPage.incrementAndGet();
      } else {
        keptFeedText.incrementAndGet();
        LOG.debug(
            "Article {} keeps its feed text ({}): {}",
            article.getId(),
            SafeUrls.redact(article.getUrl()),
            out.getPageError());
      }
      try {
        sink.publish(out);
      } catch (RuntimeException e) {
        LOG.error("Article {}: not published", article.getId(), e);
      } finally {
        pending.remove(this);
      }
      return true;
    }
  }
}
