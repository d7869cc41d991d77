package dev.herald.app.ops;

import dev.herald.avro.FeedState;
import dev.herald.enrich.EnrichMetrics;
import dev.herald.enrich.EnrichService;
import dev.herald.ingest.IngestService;
import dev.herald.sink.AlertSink;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Herald's meters: JVM, Kafka Streams (with its clients) and Herald's own counters. */
public final class HeraldMetrics {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  public HeraldMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Articles in and out, copies, alerts, dead letters and tagging time; Streams client metrics. */
  public HeraldMetrics bind(EnrichService enrich) {
    EnrichMetrics m = enrich.metrics();
    counter(
        "herald.enrich.articles.in",
        "Articles read from the raw topic",
        m,
        EnrichMetrics::articlesIn);
    counter("herald.enrich.articles.tagged", "Canonical articles tagged", m, EnrichMetrics::tagged);
    counter(
        "herald.enrich.duplicates",
        "Articles linked to a canonical as copies",
        m,
        EnrichMetrics::duplicates);
    counter("herald.enrich.repeats", "Articles dropped as repeated ids", m, EnrichMetrics::repeats);
    counter(
        "herald.enrich.dead.letters",
        "Records sent to the dead-letter topic",
        m,
        EnrichMetrics::deadLetters);
    counter("herald.enrich.alerts", "Alert versions emitted", m, EnrichMetrics::alerts);
    FunctionCounter.builder("herald.enrich.tagging.seconds", m, x -> x.taggingNanos() / 1e9)
        .description("CPU-bound time spent tagging articles")
        .baseUnit("seconds")
        .register(registry);
    new KafkaStreamsMetrics(enrich.streams()).bindTo(registry);
    return this;
  }

  /** Feeds, fetches and feed errors as the feed states say. */
  public HeraldMetrics bind(IngestService ingest) {
    gauge("herald.ingest.feeds", "Feeds with a known state", ingest, i -> i.feedStates().size());
    gauge(
        "herald.ingest.feeds.failing",
        "Feeds whose last poll failed",
        ingest,
        i -> count(i.feedStates(), s -> s.getConsecutiveErrors() > 0));
    gauge(
        "herald.ingest.fetches",
        "Fetches made, all feeds",
        ingest,
        i -> sum(i.feedStates(), FeedState::getFetchCount));
    gauge(
        "herald.ingest.not.modified",
        "Fetches answered 304 or with an unchanged body",
        ingest,
        i -> sum(i.feedStates(), FeedState::getNotModifiedCount));
    counter(
        "herald.ingest.pages.taken.over",
        "Short feed items sent to fetch their article page",
        ingest,
        i -> i.pageCounters().takenOver());
    counter(
        "herald.ingest.pages.from.page",
        "Articles published with their page's text",
        ingest,
        i -> i.pageCounters().fromPage());
    counter(
        "herald.ingest.pages.kept.feed.text",
        "Short items published with their feed text (page not fetched, refused or no article)",
        ingest,
        i -> i.pageCounters().keptFeedText());
    counter(
        "herald.ingest.pages.queue.full",
        "Short items not queued for their page because the queue was full",
        ingest,
        i -> i.pageCounters().queueFull());
    return this;
  }

  /** Alerts written, unchanged re-deliveries and undecodable records. */
  public HeraldMetrics bind(AlertSink sink) {
    counter("herald.sink.alerts.written", "Alert versions written", sink, s -> s.written());
    counter(
        "herald.sink.alerts.unchanged",
        "Re-delivered alert versions skipped",
        sink,
        s -> s.unchanged());
    counter(
        "herald.sink.undecodable", "Records that could not be decoded", sink, s -> s.undecodable());
    return this;
  }

  private <T> void counter(String name, String description, T obj, ToDoubleFunction<T> f) {
    FunctionCounter.builder(name, obj, f).description(description).register(registry);
  }

  private <T> void gauge(String name, String description, T obj, ToDoubleFunction<T> f) {
    Gauge.builder(name, obj, f).description(description).register(registry);
  }

  private static double count(
      Map<String, FeedState> states, java.util.function.Predicate<FeedState> p) {
    return states.values().stream().filter(p).count();
  }

  private static double sum(
      Map<String, FeedState> states, java.util.function.ToLongFunction<FeedState> f) {
    return states.values().stream().mapToLong(f).sum();
  }
}
