package dev.herald.sink;

import dev.herald.avro.DeadLetter;
import dev.herald.avro.ScheduleChangeAlert;
import dev.herald.schemas.Topics;
import dev.herald.sink.TargetSpec.Retry;
import dev.herald.sink.TargetSpec.Webhook;
import dev.herald.sink.TargetSpec.WebhookFormat;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts to an HTTP endpoint: one POST per alert, as plain JSON or as a Slack message.
 *
 * <p><b>Retries.</b> A 2xx answer delivers the alert. Timeouts, connection failures, 408, 425, 429
 * and 5xx are retried up to {@link Retry#attempts()} tries in all, waiting {@link
 * Retry#backoff(int)} between them (or the server's {@code Retry-After} seconds, within the same
 * cap). Any other answer (400, 401, 404…) will not change by retrying. Either way, an alert that is
 * not delivered goes to the dead-letter topic ({@link DeadLetters}, stage {@value #STAGE}) with its
 * Avro bytes and the last error, and the batch goes on: one bad endpoint does not stop the sink.
 * Only a dead letter that cannot be stored fails the batch.
 *
 * <p><b>Once.</b> Each request carries {@code Idempotency-Key: <alertId>.<content hash>} (the same
 * for a re-delivered version, new for a changed one) and {@code X-Herald-Alert-Id}; receivers that
 * keep the key see each version once. Within a process, a version already delivered (or
 * dead-lettered) is not posted again.
 *
 * <p>The URL is a secret (Slack's carries its token): logs and dead letters show scheme and host
 * only.
 */
public final class WebhookTarget implements AlertTarget {

  /** The dead-letter stage of this target. */
  public static final String STAGE = "sink.webhook";

  /** Waits between tries; tests pass one that records instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(WebhookTarget.class);
  private static final int REMEMBERED = 100_000;
  private static final int BODY_IN_CAUSE = 300;

  private final Webhook spec;
  private final URI uri;
  private final HttpClient http;
  private final DeadLetters deadLetters;
  private final Sleeper sleeper;
  private final Clock clock;

  /** Alert id to the content hash last delivered: bounded, oldest forgotten first. */
  private final Map<String, String> delivered =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > REMEMBERED;
        }
      };

  private final AtomicLong posted = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();

  public WebhookTarget(Webhook spec, DeadLetters deadLetters) {
    this(spec, deadLetters, d -> Thread.sleep(d.toMillis()), Clock.systemUTC());
  }

  /** With the waits and the dead-letter time under the caller's control (tests). */
  public WebhookTarget(Webhook spec, DeadLetters deadLetters, Sleeper sleeper, Clock clock) {
    List<String> problems = spec.problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    this.spec = spec;
    this.uri = spec.uri();
    this.deadLetters = deadLetters;
    this.sleeper = sleeper;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(spec.retry().timeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  @Override
  public String name() {
    return spec.describe();
  }

  @Override
  public int deliver(List<ScheduleChangeAlert> alerts) throws IOException {
    int newlyDelivered = 0;
    for (ScheduleChangeAlert alert : alerts) {
      AlertVersions.Rendered rendered = AlertVersions.render(alert);
      if (rendered.contentHash().equals(delivered.get(alert.getAlertId()))) {
        continue;
      }
      Failure failure = post(alert, rendered.contentHash());
      if (failure == null) {
        posted.incrementAndGet();
        newlyDelivered++;
      } else {
        deadLetter(alert, failure);
      }
      delivered.put(alert.getAlertId(), rendered.contentHash());
    }
    return newlyDelivered;
  }

  /** Alerts posted successfully since start. */
  public long posted() {
    return posted.get();
  }

  /** Tries repeated after a retryable failure. */
  public long retried() {
    return retried.get();
  }

  /** Alerts sent to the dead-letter topic. */
  public long deadLettered() {
    return deadLettered.get();
  }

  /** What went wrong with the last try. */
  private record Failure(String errorClass, String cause, int tries) {}

  /** Tries to deliver; null when delivered, else the last failure. */
  private Failure post(ScheduleChangeAlert alert, String contentHash) throws IOException {
    Retry retry = spec.retry();
    String body =
        spec.format() == WebhookFormat.SLACK
            ? WebhookPayloads.slack(alert)
            : WebhookPayloads.json(alert);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(retry.timeout())
            .header("Content-Type", "application/json; charset=utf-8")
            .header("User-Agent", "herald-sink")
            .header("Idempotency-Key", alert.getAlertId() + "." + contentHash)
            .header("X-Herald-Alert-Id", alert.getAlertId())
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    Failure last = null;
    for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
      Duration retryAfter = null;
      try {
        HttpResponse<String> response =
            http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          return null;
        }
        last = new Failure("HTTP " + status, "HTTP " + status + snippet(response.body()), attempt);
        if (!retryable(status)) {
          LOG.warn("{} refused alert {}: HTTP {}; not retried", name(), alert.getAlertId(), status);
          return last;
        }
        retryAfter = retryAfter(response);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("Interrupted while posting to " + name());
      } catch (IOException e) {
        // Timeouts and connection failures: the endpoint may be back on the next try.
        last = new Failure(e.getClass().getName(), describe(e), attempt);
      }
      if (attempt < retry.attempts()) {
        Duration wait = retry.backoff(attempt);
        if (retryAfter != null) {
          wait = retryAfter.compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : retryAfter;
        }
        LOG.info(
            "{}: try {} of {} for alert {} failed ({}); next in {}",
            name(),
            attempt,
            retry.attempts(),
            alert.getAlertId(),
            last.errorClass(),
            wait);
        retried.incrementAndGet();
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("Interrupted while waiting to retry " + name());
        }
      }
    }
    return last;
  }

  private void deadLetter(ScheduleChangeAlert alert, Failure failure) throws IOException {
    String cause =
        "POST to "
            + name()
            + " failed after "
            + failure.tries()
            + (failure.tries() == 1 ? " try: " : " tries: ")
            + failure.cause();
    byte[] value = Topics.ALERTS.valueSerde().serializer().serialize(Topics.ALERTS.name(), alert);
    DeadLetter letter =
        DeadLetter.newBuilder()
            .setStage(STAGE)
            .setTopic(Topics.ALERTS.name())
            .setPartition(null)
            .setOffset(null)
            .setKey(ByteBuffer.wrap(alert.getAlertId().getBytes(StandardCharsets.UTF_8)))
            .setValue(ByteBuffer.wrap(value))
            .setErrorClass(failure.errorClass())
            .setCause(cause)
            .setOccurredAt(clock.instant())
            .build();
    deadLetters.send(alert.getAlertId(), letter);
    deadLettered.incrementAndGet();
    LOG.warn("Alert {} sent to {}: {}", alert.getAlertId(), Topics.DLQ.name(), cause);
  }

  static boolean retryable(int status) {
    return status == 408 || status == 425 || status == 429 || status >= 500;
  }

  /** {@code Retry-After} in seconds (the HTTP-date form is not used by webhook services). */
  private static Duration retryAfter(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .map(String::strip)
        .filter(v -> v.matches("\\d{1,6}"))
        .map(v -> Duration.ofSeconds(Long.parseLong(v)))
        .orElse(null);
  }

  private static String snippet(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String flat = body.strip().replaceAll("\\s+", " ");
    return ": " + (flat.length() <= BODY_IN_CAUSE ? flat : flat.substring(0, BODY_IN_CAUSE) + "…");
  }

  /** An exception without its message when the message could hold the URL. */
  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName()
        + (message == null || message.contains("://") ? "" : ": " + message);
  }

  @Override
  public void close() {
    // java.net.http.HttpClient (Java 17) has nothing to close; its threads end with it.
  }
}
