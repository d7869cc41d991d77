package dev.herald.sink;

import dev.herald.avro.ScheduleChangeAlert;
import dev.herald.schemas.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes {@code herald.alerts} and appends each new alert version to a JSON Lines file (see
 * {@link JsonLinesAlertWriter} for what the file gets).
 *
 * <p>At-least-once with an idempotent file: a batch is written, flushed and fsynced, and only then
 * are the offsets committed. A crash in between re-delivers the batch, and the writer, which
 * rebuilt its index from the file, writes none of it twice. Only committed transactions are read
 * ({@code read_committed}), so alerts of an aborted enrich transaction never reach the file.
 *
 * <p>Values are read as bytes and decoded here, so an undecodable record is logged with its topic,
 * partition and offset, counted and skipped instead of stopping the sink. Tombstones carry no alert
 * and are skipped.
 *
 * <p>Threading: {@link #run()} or {@link #pollOnce} on one thread; {@link #close()} from any thread
 * (it wakes the loop and waits for it to stop).
 */
public final class AlertSink implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AlertSink.class);
  private static final Duration RUN_POLL = Duration.ofSeconds(1);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final SinkConfig config;
  private final Consumer<String, byte[]> consumer;
  private final JsonLinesAlertWriter writer;
  private final Deserializer<ScheduleChangeAlert> alerts =
      Topics.ALERTS.valueSerde().deserializer();

  private final AtomicBoolean closing = new AtomicBoolean();
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean released = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);

  private final AtomicLong written = new AtomicLong();
  private final AtomicLong unchanged = new AtomicLong();
  private final AtomicLong undecodable = new AtomicLong();

  /** Opens the alerts file (indexing what it holds) and subscribes to the alert topic. */
  public AlertSink(SinkConfig cfg) {
    this(cfg, new KafkaConsumer<>(consumerProps(cfg)));
  }

  /** For tests: any consumer (e.g. Kafka's {@code MockConsumer}). */
  AlertSink(SinkConfig cfg, Consumer<String, byte[]> consumer) {
    this.config = cfg;
    this.consumer = consumer;
    try {
      this.writer = new JsonLinesAlertWriter(cfg.alertsFile());
    } catch (IOException e) {
      consumer.close();
      throw new UncheckedIOException("Cannot open alerts file " + cfg.alertsFile(), e);
    }
    consumer.subscribe(List.of(Topics.ALERTS.name()));
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

  /** Polls and delivers until {@link #close()} is called from another thread. */
  public void run() {
    running.set(true);
    try {
      while (!closing.get()) {
        pollOnce(RUN_POLL);
      }
    } catch (WakeupException e) {
      if (!closing.get()) {
        throw e;
      }
    } finally {
      release();
      stopped.countDown();
    }
  }

  /**
   * One poll: writes the new alert versions, fsyncs the file, then commits the offsets.
   *
   * @return the number of alert lines appended
   * @throws UncheckedIOException when the file cannot be written (offsets are then not committed)
   */
  public int pollOnce(Duration timeout) {
    ConsumerRecords<String, byte[]> records = consumer.poll(timeout);
    if (records.isEmpty()) {
      return 0;
    }
    int appended = 0;
    try {
      for (ConsumerRecord<String, byte[]> rec : records) {
        ScheduleChangeAlert alert = decode(rec);
        if (alert == null) {
          continue;
        }
        if (writer.write(alert)) {
          appended++;
        } else {
          unchanged.incrementAndGet();
        }
      }
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write alerts to " + writer.file(), e);
    } finally {
      written.addAndGet(appended);
    }
    commit();
    return appended;
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
      // The batch comes again to whoever owns the partitions now; the file de-duplicates it.
      LOG.warn("Offset commit failed, the batch will be re-delivered: {}", e.getMessage());
    }
  }

  /** Alert lines appended by this sink since it started. */
  public long written() {
    return written.get();
  }

  /** Records skipped because this version of the alert was already in the file. */
  public long unchanged() {
    return unchanged.get();
  }

  /** Records skipped because they could not be decoded. */
  public long undecodable() {
    return undecodable.get();
  }

  /** The consumer group (to measure lag). */
  public String groupId() {
    return config.groupId();
  }

  /** The file alerts are appended to. */
  public Path alertsFile() {
    return writer.file();
  }

  /**
   * Stops the sink: wakes a running {@link #run()} loop and waits for it to finish its batch, then
   * closes the consumer and the file. Idempotent; callable from any thread.
   */
  @Override
  public void close() {
    closing.set(true);
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
    try {
      writer.close();
    } catch (IOException e) {
      LOG.warn("Closing {} failed: {}", writer.file(), e.toString());
    }
    consumer.close();
    LOG.info(
        "Sink stopped: {} written, {} unchanged, {} undecodable",
        written.get(),
        unchanged.get(),
        undecodable.get());
  }
}
