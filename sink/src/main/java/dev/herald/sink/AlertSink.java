package dev.herald.sink;

import dev.herald.avro.ScheduleChangeAlert;
import dev.herald.schemas.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes {@code herald.alerts} and delivers each batch to every configured {@link AlertTarget}
 * (JSON Lines files, webhooks, PostgreSQL), in the order given.
 *
 * <p>At-least-once with idempotent targets: a batch is delivered to every target, each making it
 * durable (fsync, 2xx or dead letter, transaction commit), and only then are the offsets committed.
 * A crash in between re-delivers the batch, and each target, keyed by the alert id and its content,
 * stores none of it twice: effectively once. Only committed transactions are read ({@code
 * read_committed}), so alerts of an aborted enrich transaction never reach a target.
 *
 * <p>When a target fails (disk full, database down), nothing is committed and the consumer is
 * rewound to the start of the batch; {@link #run()} waits (1 s, doubling to 30 s) and tries again,
 * so an outage pauses the sink instead of ending it. Targets that already took the batch take it
 * again without duplicates.
 *
 * <p>Values are read as bytes and decoded here, so an undecodable record is logged with its topic,
 * partition and offset, counted and skipped instead of stopping the sink. Tombstones carry no alert
 * and are skipped.
 *
 * <p>Threading: {@link #run()} or {@link #pollOnce} on one thread; {@link #close()} from any thread
 * (it wakes the loop and waits for it to stop); the counters from any thread.
 */
public final class AlertSink implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AlertSink.class);
  private static final Duration RUN_POLL = Duration.ofSeconds(1);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  private static final Duration LAST_RETRY = Duration.ofSeconds(30);

  private final SinkConfig config;
  private final Consumer<String, byte[]> consumer;
  private final List<Delivery> targets;
  private final AutoCloseable deadLetters;
  private final Deserializer<ScheduleChangeAlert> alerts =
      Topics.ALERTS.valueSerde().deserializer();

  private final AtomicBoolean closing = new AtomicBoolean();
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean released = new AtomicBoolean();
  private final CountDownLatch closeRequested = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);

  private final AtomicLong written = new AtomicLong();
  private final AtomicLong unchanged = new AtomicLong();
  private final AtomicLong undecodable = new AtomicLong();
  private final AtomicLong failedBatches = new AtomicLong();
  private final AtomicInteger assigned = new AtomicInteger();
  private volatile String lastError;

  /** A target and its counters. */
  private record Delivery(AlertTarget target, AtomicLong delivered, AtomicLong failures) {
    Delivery(AlertTarget target) {
      this(target, new AtomicLong(), new AtomicLong());
    }
  }

  /**
   * Per-target figures.
   *
   * @param name the target, without secrets
   * @param delivered alert versions new to the target since start
   * @param failedBatches batches the target could not take (they were delivered again)
   * @param deadLettered alerts a webhook gave up on and sent to {@code herald.dlq}
   */
  public record TargetStats(String name, long delivered, long failedBatches, long deadLettered) {}

  /**
   * Opens every target (creating files, connecting to the database), then subscribes to the alert
   * topic.
   *
   * @throws UncheckedIOException when a target cannot be opened (nothing is left open)
   */
  public AlertSink(SinkConfig cfg) {
    this(cfg, new KafkaConsumer<>(consumerProps(cfg)), null);
  }

  /** For tests: any consumer (e.g. Kafka's {@code MockConsumer}); targets from the config. */
  AlertSink(SinkConfig cfg, Consumer<String, byte[]> consumer) {
    this(cfg, consumer, null);
  }

  /**
   * Over the given targets instead of those of the config (tests, embedding). The sink closes them.
   */
  AlertSink(SinkConfig cfg, Consumer<String, byte[]> consumer, List<AlertTarget> given) {
    this.config = cfg;
    this.consumer = consumer;
    KafkaDeadLetters dlq = null;
    List<AlertTarget> opened = new ArrayList<>();
    try {
      if (given != null) {
        opened.addAll(given);
      } else {
        dlq = cfg.needsDeadLetters() ? new KafkaDeadLetters(cfg) : null;
        for (TargetSpec spec : cfg.targets()) {
          opened.add(open(spec, dlq));
        }
      }
    } catch (IOException | RuntimeException e) {
      opened.forEach(AlertSink::closeQuietly);
      if (dlq != null) {
        dlq.close();
      }
      consumer.close();
      if (e instanceof IOException io) {
        throw new UncheckedIOException(io.getMessage(), io);
      }
      throw (RuntimeException) e;
    }
    this.deadLetters = dlq;
    this.targets = opened.stream().map(Delivery::new).toList();
    consumer.subscribe(List.of(Topics.ALERTS.name()), new AssignmentCounter());
    LOG.info("Sink delivering to {}", targets.stream().map(d -> d.target().name()).toList());
  }

  /** Opens the target of a spec. */
  static AlertTarget open(TargetSpec spec, DeadLetters deadLetters) throws IOException {
    if (spec instanceof TargetSpec.JsonLines j) {
      return new JsonLinesTarget(j.file(), j.rotation());
    }
    if (spec instanceof TargetSpec.Webhook w) {
      return new WebhookTarget(w, deadLetters);
    }
    if (spec instanceof TargetSpec.Postgres p) {
      return new PostgresTarget(p);
    }
    throw new IllegalArgumentException("Unknown target " + spec);
  }

  static Map<String, Object> consumerProps(SinkConfig cfg) {
    Map<String, Object> props = new HashMap<>(cfg.extraClientProps());
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cfg.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, cfg.groupId());
    props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, cfg.groupId());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return props;
  }

  /**
   * Polls and delivers until {@link #close()} is called from another thread. A failed delivery is
   * retried after a pause; other errors end the loop.
   */
  public void run() {
    running.set(true);
    Duration pause = FIRST_RETRY;
    try {
      while (!closing.get()) {
        try {
          pollOnce(RUN_POLL);
          pause = FIRST_RETRY;
        } catch (UncheckedIOException e) {
          LOG.warn("Delivery failed, retrying the batch in {}: {}", pause, e.getMessage());
          if (closeRequested.await(pause.toMillis(), TimeUnit.MILLISECONDS)) {
            break;
          }
          pause =
              pause.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : pause.multipliedBy(2);
        }
      }
    } catch (WakeupException e) {
      if (!closing.get()) {
        throw e;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      release();
      stopped.countDown();
    }
  }

  /**
   * One poll: delivers the new alerts to every target, then commits the offsets.
   *
   * @return the number of alert versions new to the targets (with one JSON Lines target: lines
   *     appended)
   * @throws UncheckedIOException when a target fails; offsets are then not committed and the
   *     consumer is rewound to the batch, so the next poll delivers it again
   */
  public int pollOnce(Duration timeout) {
    ConsumerRecords<String, byte[]> records = consumer.poll(timeout);
    if (records.isEmpty()) {
      return 0;
    }
    List<ScheduleChangeAlert> batch = new ArrayList<>(records.count());
    for (ConsumerRecord<String, byte[]> rec : records) {
      ScheduleChangeAlert alert = decode(rec);
      if (alert != null) {
        batch.add(alert);
      }
    }
    int delivered = 0;
    if (!batch.isEmpty()) {
      for (Delivery d : targets) {
        int n;
        try {
          n = d.target().deliver(batch);
        } catch (IOException | RuntimeException e) {
          d.failures().incrementAndGet();
          failedBatches.incrementAndGet();
          lastError = d.target().name() + ": " + e.getMessage();
          rewind(records);
          if (e instanceof IOException io) {
            throw new UncheckedIOException(
                "Cannot deliver to " + d.target().name() + ": " + io.getMessage(), io);
          }
          throw (RuntimeException) e;
        }
        d.delivered().addAndGet(n);
        delivered += n;
        unchanged.addAndGet(batch.size() - n);
      }
    }
    written.addAndGet(delivered);
    lastError = null;
    commit();
    return delivered;
  }

  /** Seeks every partition of the batch back to its first record, so it comes again. */
  private void rewind(ConsumerRecords<String, byte[]> records) {
    for (TopicPartition tp : records.partitions()) {
      List<ConsumerRecord<String, byte[]>> recs = records.records(tp);
      if (!recs.isEmpty()) {
        try {
          consumer.seek(tp, recs.get(0).offset());
        } catch (IllegalStateException e) {
          // no longer assigned: its next owner starts from the committed offset anyway
        }
      }
    }
  }

  private ScheduleChangeAlert decode(ConsumerRecord<String, byte[]> rec) {
    if (rec.value() == null) {
      return null; // a tombstone: nothing to deliver
    }
    try {
      return alerts.deserialize(rec.topic(), rec.headers(), rec.value());
    } catch (SerializationException e) {
      undecodable.incrementAndGet();
      LOG.warn(
          "Skipping undecodable alert at {}-{}@{} (key {}): {}",
          rec.topic(),
          rec.partition(),
          rec.offset(),
          rec.key(),
          e.getMessage());
      return null;
    }
  }

  private void commit() {
    try {
      consumer.commitSync();
    } catch (CommitFailedException | RebalanceInProgressException e) {
      // The batch comes again to whoever owns the partitions now; the targets de-duplicate it.
      LOG.warn("Offset commit failed, the batch will be re-delivered: {}", e.getMessage());
    }
  }

  /** Alert versions new to the targets since start, summed over the targets. */
  public long written() {
    return written.get();
  }

  /** Alert records a target already had (summed over the targets). */
  public long unchanged() {
    return unchanged.get();
  }

  /** Records skipped because they could not be decoded. */
  public long undecodable() {
    return undecodable.get();
  }

  /** Batches a target failed to take (each one was delivered again). */
  public long failedBatches() {
    return failedBatches.get();
  }

  /** The last delivery failure, empty once a batch went through (for readiness checks). */
  public Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }

  /** Partitions of the alert topic assigned to this sink (0 before the group has formed). */
  public int assignedPartitions() {
    return assigned.get();
  }

  /** Figures of every target, in delivery order. */
  public List<TargetStats> targetStats() {
    return targets.stream()
        .map(
            d ->
                new TargetStats(
                    d.target().name(),
                    d.delivered().get(),
                    d.failures().get(),
                    d.target() instanceof WebhookTarget w ? w.deadLettered() : 0))
        .toList();
  }

  /** The consumer group (to measure lag). */
  public String groupId() {
    return config.groupId();
  }

  /** The file of the first JSON Lines target; null when there is none. */
  public Path alertsFile() {
    return targets.stream()
        .map(Delivery::target)
        .filter(t -> t instanceof JsonLinesTarget)
        .map(t -> ((JsonLinesTarget) t).file())
        .findFirst()
        .orElse(null);
  }

  /**
   * Stops the sink: wakes a running {@link #run()} loop and waits for it to finish its batch, then
   * closes the consumer and the targets. Idempotent; callable from any thread.
   */
  @Override
  public void close() {
    closing.set(true);
    closeRequested.countDown();
    if (running.get()) {
      consumer.wakeup();
      try {
        if (!stopped.await(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
          LOG.warn("Sink loop did not stop within {}", CLOSE_TIMEOUT);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } else {
      release();
    }
  }

  private void release() {
    if (!released.compareAndSet(false, true)) {
      return;
    }
    for (Delivery d : targets) {
      closeQuietly(d.target());
    }
    closeQuietly(deadLetters);
    consumer.close();
    LOG.info(
        "Sink stopped: {} written, {} unchanged, {} undecodable, {} failed batches",
        written.get(),
        unchanged.get(),
        undecodable.get(),
        failedBatches.get());
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      LOG.warn("Closing {} failed: {}", c, e.toString());
    }
  }

  /** Counts the assigned partitions for {@link #assignedPartitions()}. */
  private final class AssignmentCounter implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      assigned.addAndGet(-partitions.size());
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      assigned.addAndGet(partitions.size());
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      assigned.addAndGet(-partitions.size());
    }
  }
}
