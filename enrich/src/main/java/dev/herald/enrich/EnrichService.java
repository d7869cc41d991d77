package dev.herald.enrich;

import dev.herald.nlp.schedule.ScheduleDetector;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the enrich topology as a Kafka Streams application. */
public final class EnrichService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EnrichService.class);

  private final EnrichConfig config;
  private final EnrichMetrics metrics = new EnrichMetrics();
  private final KafkaStreams streams;

  public EnrichService(EnrichConfig config, ScheduleDetector detector, Clock clock) {
    this.config = config;
    Topology topology = EnrichTopology.build(config, detector, metrics, clock);
    Properties props = streamsProperties(config);
    // The handler counts its dead letters with this instance's metrics.
    props.put(DeadLetterDeserializationHandler.METRICS_CONFIG, metrics);
    this.streams = new KafkaStreams(topology, props);
    streams.setUncaughtExceptionHandler(
        e -> {
          LOG.error("Enrich stream thread failed; replacing it", e);
          return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    streams.setStateListener(
        (now, before) -> LOG.info("Enrich application state {} -> {}", before, now));
  }

  /** Kafka Streams properties for a configuration: Herald's settings, then pass-through extras. */
  public static Properties streamsProperties(EnrichConfig config) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.processingGuarantee());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
    if (config.stateDir() != null) {
      p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
    }
    // Herald's topics are created up front; internal topics follow the broker's default
    // replication.
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
    p.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
    // Undecodable bytes on a repartition topic become dead letters instead of stopping the thread.
    p.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterDeserializationHandler.class.getName());
    p.putAll(config.extraProperties());
    return p;
  }

  public void start() {
    streams.start();
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  public boolean isRunning() {
    return streams.state() == KafkaStreams.State.RUNNING;
  }

  public EnrichMetrics metrics() {
    return metrics;
  }

  public KafkaStreams streams() {
    return streams;
  }

  public EnrichConfig config() {
    return config;
  }

  @Override
  public void close() {
    streams.close(Duration.ofSeconds(30));
  }
}
