package dev.herald.ingest;

import dev.herald.avro.FeedState;
import dev.herald.schemas.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the compacted feed-state topic from the beginning to its current end: the latest state of
 * every feed, so a restarted service sends the validators it had and re-publishes nothing. No
 * consumer group: every instance reads every partition (fine while one instance polls all feeds).
 */
final class FeedStateLoader {

  private static final Logger LOG = LoggerFactory.getLogger(FeedStateLoader.class);

  private FeedStateLoader() {}

  /** The latest state of every feed, its recent ids packed as it is read (100,000 feeds fit). */
  static Map<String, RecentIds.Packed> load(Map<String, Object> clientConfig, Duration timeout)
      throws TimeoutException {
    Map<String, Object> props = new HashMap<>(clientConfig);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "herald-ingest-state-loader");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    String topic = Topics.FEED_STATE.name();
    Deserializer<String> keys = Topics.FEED_STATE.keySerde().deserializer();
    Deserializer<FeedState> values = Topics.FEED_STATE.valueSerde().deserializer();
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, RecentIds.Packed> states = new HashMap<>();
    try (KafkaConsumer<String, FeedState> consumer = new KafkaConsumer<>(props, keys, values)) {
      List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
      if (partitions == null || partitions.isEmpty()) {
        LOG.info("Topic {} does not exist yet: starting without feed state", topic);
        return states;
      }
      List<TopicPartition> tps =
          partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(tps);
      consumer.seekToBeginning(tps);
      Map<TopicPartition, Long> end = consumer.endOffsets(tps, timeout);
      while (!caughtUp(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new TimeoutException("feed state not read within " + timeout);
        }
        try {
          for (ConsumerRecord<String, FeedState> r : consumer.poll(Duration.ofMillis(200))) {
            if (r.key() == null) {
              continue;
            }
            if (r.value() == null) {
              states.remove(r.key());
            } else {
              states.put(r.key(), RecentIds.pack(r.value()));
            }
          }
        } catch (RecordDeserializationException e) {
          LOG.warn(
              "Skipping unreadable feed state at {}@{}: {}",
              e.topicPartition(),
              e.offset(),
              e.getMessage());
          consumer.seek(e.topicPartition(), e.offset() + 1);
        }
      }
    }
    LOG.info("Read the state of {} feed(s) from {}", states.size(), topic);
    return states;
  }

  private static boolean caughtUp(
      KafkaConsumer<String, FeedState> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }
}
