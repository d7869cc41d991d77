package dev.herald.enrich;

import dev.herald.avro.ClaimBatch;
import dev.herald.avro.EventTimeline;
import dev.herald.avro.ScheduleChangeAlert;
import dev.herald.nlp.schedule.Alert;
import dev.herald.nlp.schedule.EventState;
import dev.herald.nlp.schedule.ScheduleTimeline;
import dev.herald.nlp.schedule.TimelineClaim;
import dev.herald.nlp.schedule.TimelineUpdate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one timeline per event (the stream arrives keyed by canonical event id) and lets the pure
 * {@link ScheduleTimeline} decide which alerts a new article's claims raise. Emits the updated
 * timeline and the alerts. Events nobody has mentioned for the retention are dropped after a final
 * timeline record, so the store does not grow without bound.
 */
final class ScheduleTracker
    implements Processor<String, ClaimBatch, String, ScheduleTracker.Output> {
  private static final Logger LOG = LoggerFactory.getLogger(ScheduleTracker.class);

  /** What one batch of claims produced. */
  record Output(EventTimeline timeline, List<ScheduleChangeAlert> alerts) {}

  private final String storeName;
  private final Duration eventRetention;
  private final EnrichMetrics metrics;
  private final Clock clock;
  private ProcessorContext<String, Output> context;
  private KeyValueStore<String, EventTimeline> timelines;

  ScheduleTracker(String storeName, Duration eventRetention, EnrichMetrics metrics, Clock clock) {
    this.storeName = storeName;
    this.eventRetention = eventRetention;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public void init(ProcessorContext<String, Output> context) {
    this.context = context;
    this.timelines = context.getStateStore(storeName);
    Duration every =
        eventRetention.compareTo(Duration.ofHours(1)) < 0 ? eventRetention : Duration.ofHours(1);
    context.schedule(every, PunctuationType.WALL_CLOCK_TIME, this::expire);
  }

  @Override
  public void process(Record<String, ClaimBatch> record) {
    try {
      track(record);
    } catch (RuntimeException e) {
      // A batch the tracker cannot apply must not kill the stream thread: a replaced thread would
      // meet the same record again and loop. The event's timeline is left as it was.
      metrics.deadLetters.incrementAndGet();
      LOG.error(
          "Cannot apply claims of article {} to event {}; skipped",
          record.value().getArticleId(),
          record.key(),
          e);
    }
  }

  private void track(Record<String, ClaimBatch> record) {
    ClaimBatch batch = record.value();
    EventState prior = AvroMapping.toState(timelines.get(record.key()));
    List<TimelineClaim> claims = new ArrayList<>();
    var event = AvroMapping.eventOf(batch);
    batch.getClaims().forEach(c -> claims.add(AvroMapping.fromAvro(c, event)));
    TimelineUpdate update = ScheduleTimeline.apply(prior, claims);
    Instant now = clock.instant();
    EventTimeline timeline = AvroMapping.toAvro(update.state(), now);
    timelines.put(record.key(), timeline);
    List<ScheduleChangeAlert> alerts = new ArrayList<>();
    for (Alert a : update.alerts()) {
      alerts.add(AvroMapping.toAvro(a, now));
    }
    metrics.alerts.addAndGet(alerts.size());
    context.forward(record.withValue(new Output(timeline, alerts)));
  }

  private void expire(long wallClockMs) {
    Instant cutoff = Instant.ofEpochMilli(wallClockMs).minus(eventRetention);
    List<KeyValue<String, EventTimeline>> expired = new ArrayList<>();
    try (KeyValueIterator<String, EventTimeline> it = timelines.all()) {
      while (it.hasNext()) {
        KeyValue<String, EventTimeline> kv = it.next();
        if (kv.value.getUpdatedAt().isBefore(cutoff)) {
          expired.add(kv);
        }
      }
    }
    for (KeyValue<String, EventTimeline> kv : expired) {
      timelines.delete(kv.key);
      context.forward(new Record<>(kv.key, new Output(kv.value, List.of()), wallClockMs));
    }
  }

  static List<KeyValue<String, ScheduleChangeAlert>> alertsOf(Output o) {
    List<KeyValue<String, ScheduleChangeAlert>> out = new ArrayList<>();
    o.alerts().forEach(a -> out.add(KeyValue.pair(a.getAlertId(), a)));
    return out;
  }
}
