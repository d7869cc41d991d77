package dev.herald.ingest.registry;

import dev.herald.avro.FeedState;
import dev.herald.avro.FeedSubscription;
import dev.herald.schemas.TopicDescriptor;
import dev.herald.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed registry on Kafka: the compacted {@code herald.feeds} topic (key: feed URL, value: a
 * {@link FeedSubscription}, a tombstone unsubscribes) is the one source of truth about which feeds
 * Herald polls. Reads the whole registry, writes and removes subscriptions (a removal also
 * tombstones the feed's state, so neither topic keeps what is gone). Thread-safe.
 */
public final class FeedRegistry implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FeedRegistry.class);

  private final Map<String, Object> clientConfig;
  private final Producer<byte[], byte[]> producer;
  private final Serializer<String> keys = Topics.FEEDS.keySerde().serializer();
  private final Serializer<FeedSubscription> subscriptions = Topics.FEEDS.valueSerde().serializer();
  private final Serializer<FeedState> states = Topics.FEED_STATE.valueSerde().serializer();

  /**
   * @param clientConfig Kafka client properties, {@code bootstrap.servers} among them
   */
  public FeedRegistry(Map<String, Object> clientConfig) {
    this.clientConfig = Map.copyOf(clientConfig);
    Map<String, Object> p = new HashMap<>(clientConfig);
    p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "herald-feed-registry");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /**
   * Creates {@code herald.feeds} and {@code herald.feed-state} when missing, with the same
   * partition count (they are co-partitioned), replicated up to three times.
   */
  public static void ensureTopics(Map<String, Object> clientConfig) {
    try (Admin admin = Admin.create(clientConfig)) {
      int brokers = admin.describeCluster().nodes().get().size();
      short replication = (short) Math.max(1, Math.min(3, brokers));
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = new ArrayList<>();
      for (TopicDescriptor<?, ?> t : List.of(Topics.FEEDS, Topics.FEED_STATE)) {
        if (!existing.contains(t.name())) {
          missing.add(Topics.newTopic(t, replication));
        }
      }
      if (!missing.isEmpty()) {
        try {
          admin.createTopics(missing).all().get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create the registry topics: " + e.getCause(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating the registry topics", e);
    }
  }

  /** Every subscription of the registry, by URL in no particular order. */
  public Map<String, FeedSubscription> readAll(Duration timeout) throws TimeoutException {
    return readTopic(clientConfig, Topics.FEEDS, null, timeout);
  }

  /** Subscribes (or updates) a feed; waits for the broker's acknowledgement. */
  public void put(FeedSubscription subscription) {
    send(
        Topics.FEEDS.name(),
        subscription.getUrl(),
        subscriptions.serialize(Topics.FEEDS.name(), subscription));
  }

  /** Subscribes many feeds; waits for every acknowledgement. */
  public void putAll(List<FeedSubscription> list) {
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    String topic = Topics.FEEDS.name();
    for (FeedSubscription s : list) {
      sent.add(
          producer.send(
              new ProducerRecord<>(
                  topic, keys.serialize(topic, s.getUrl()), subscriptions.serialize(topic, s))));
    }
    for (Future<RecordMetadata> f : sent) {
      await(f);
    }
  }

  /** Stores a feed's state under its key (for moves). */
  public void putState(String url, FeedState state) {
    send(Topics.FEED_STATE.name(), url, states.serialize(Topics.FEED_STATE.name(), state));
  }

  /** Unsubscribes a feed and deletes its state: tombstones in both topics. */
  public void remove(String url) {
    Future<RecordMetadata> a = tombstone(Topics.FEEDS.name(), url);
    Future<RecordMetadata> b = tombstone(Topics.FEED_STATE.name(), url);
    await(a);
    await(b);
  }

  private Future<RecordMetadata> tombstone(String topic, String url) {
    return producer.send(new ProducerRecord<>(topic, keys.serialize(topic, url), null));
  }

  private void send(String topic, String url, byte[] value) {
    await(producer.send(new ProducerRecord<>(topic, keys.serialize(topic, url), value)));
  }

  private static void await(Future<RecordMetadata> f) {
    try {
      f.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the broker refused a registry write: " + e.getCause(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the registry", e);
    }
  }

  /**
   * Reads a compacted topic from its beginning to its current end: the latest value of every key.
   * {@code partitions} limits the read to those partitions (null: all).
   */
  static <V> Map<String, V> readTopic(
      Map<String, Object> clientConfig,
      TopicDescriptor<String, V> topic,
      List<Integer> partitions,
      Duration timeout)
      throws TimeoutException {
    Map<String, Object> props = new HashMap<>(clientConfig);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "herald-registry-reader");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    Deserializer<String> keys = topic.keySerde().deserializer();
    Deserializer<V> values = topic.valueSerde().deserializer();
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, V> out = new LinkedHashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> tps = new ArrayList<>();
      if (partitions == null) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic.name(), timeout);
        if (infos == null) {
          return out;
        }
        infos.forEach(i -> tps.add(new TopicPartition(topic.name(), i.partition())));
      } else {
        partitions.forEach(p -> tps.add(new TopicPartition(topic.name(), p)));
      }
      if (tps.isEmpty()) {
        return out;
      }
      consumer.assign(tps);
      consumer.seekToBeginning(tps);
      Map<TopicPartition, Long> end = consumer.endOffsets(tps, timeout);
      while (!caughtUp(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new TimeoutException(topic.name() + " not read within " + timeout);
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          apply(r, topic, keys, values, out);
        }
      }
    }
    return out;
  }

  /** Applies one record of a compacted topic to a map (a tombstone removes the key). */
  static <V> void apply(
      ConsumerRecord<byte[], byte[]> r,
      TopicDescriptor<String, V> topic,
      Deserializer<String> keys,
      Deserializer<V> values,
      Map<String, V> into) {
    if (r.key() == null) {
      return;
    }
    String key = keys.deserialize(topic.name(), r.key());
    if (r.value() == null) {
      into.remove(key);
      return;
    }
    try {
      into.put(key, values.deserialize(topic.name(), r.value()));
    } catch (RuntimeException e) {
      // one unreadable record must not stop the registry: it is skipped and said so
      LOG.warn(
          "Skipping unreadable record in {} at {}@{}: {}",
          topic.name(),
          r.partition(),
          r.offset(),
          e.toString());
    }
  }

  static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
