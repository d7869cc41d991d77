package dev.herald.ingest.registry;

import dev.herald.avro.FeedState;
import dev.herald.avro.FeedSubscription;
import dev.herald.ingest.SafeUrls;
import dev.herald.ingest.feeds.FeedRef;
import dev.herald.ingest.feeds.FeedStateStore;
import dev.herald.ingest.feeds.MovableFeedSource;
import dev.herald.ingest.feeds.ShardedFeedSource;
import dev.herald.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feeds of this ingest instance: its share of the registry. Every instance joins one Kafka
 * consumer group on {@code herald.feeds}; the group assigns each partition to one instance, so each
 * feed is polled by exactly one instance, and a second instance takes over half the partitions in a
 * rebalance (cooperative-sticky: the others keep theirs). No offsets are committed: on assignment a
 * partition is read from its beginning, as a compacted topic holds the whole registry; its
 * co-partitioned {@code herald.feed-state} partition is read too and its states handed to the
 * service, then followed, so a feed moved here by another instance comes with its state. On
 * revocation the partition's feeds leave the schedule and their polls in flight finish (up to 30 s)
 * before the partition goes, so no feed is polled by two instances at once.
 *
 * <p>One background thread owns both consumers; {@link #feeds()} returns a snapshot.
 */
public final class RegistryFeedSource implements ShardedFeedSource, MovableFeedSource {

  private static final Logger LOG = LoggerFactory.getLogger(RegistryFeedSource.class);

  public static final String DEFAULT_GROUP = "herald-ingest";
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration DRAIN = Duration.ofSeconds(30);
  private static final Duration STATE_READ_TIMEOUT = Duration.ofSeconds(120);
  private static final int ADOPT_BATCH = 5_000;

  private final Map<String, Object> clientConfig;
  private final String groupId;
  private final FeedRegistry registry;
  private final Deserializer<String> keys = Topics.FEEDS.keySerde().deserializer();
  private final Deserializer<FeedSubscription> subscriptionValues =
      Topics.FEEDS.valueSerde().deserializer();
  private final Deserializer<FeedState> stateValues = Topics.FEED_STATE.valueSerde().deserializer();

  /** Feeds by partition; touched by the loop thread only. */
  private final Map<Integer, Map<String, FeedSubscription>> byPartition = new HashMap<>();

  /** Every subscription of the share, for {@link #move} on worker threads. */
  private final Map<String, FeedSubscription> subscriptions = new ConcurrentHashMap<>();

  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile List<FeedRef> snapshot = List.of();
  private volatile boolean ready;
  private volatile boolean closing;
  private volatile Set<Integer> assigned = Set.of();
  private Map<TopicPartition, Long> registryEnds;
  private Thread loop;
  private FeedStateStore store;
  private KafkaConsumer<byte[], byte[]> registryConsumer;

  /**
   * @param clientConfig Kafka client properties, {@code bootstrap.servers} among them
   * @param groupId the consumer group every ingest instance of this deployment joins
   */
  public RegistryFeedSource(Map<String, Object> clientConfig, String groupId) {
    this.clientConfig = Map.copyOf(clientConfig);
    this.groupId = Objects.requireNonNull(groupId, "groupId");
    this.registry = new FeedRegistry(clientConfig);
  }

  @Override
  public synchronized void bind(FeedStateStore store) {
    if (this.store != null) {
      throw new IllegalStateException("already bound");
    }
    this.store = Objects.requireNonNull(store, "store");
    loop = new Thread(this::runLoop, "herald-registry");
    loop.setDaemon(true);
    loop.start();
  }

  @Override
  public List<FeedRef> feeds() {
    return snapshot;
  }

  @Override
  public boolean ready() {
    return ready;
  }

  /** The registry partitions this instance owns now. */
  public Set<Integer> assignedPartitions() {
    return assigned;
  }

  @Override
  public boolean move(FeedRef feed, FeedState state) {
    String to = state.getMovedTo();
    if (to == null || to.equals(feed.url())) {
      return false;
    }
    FeedSubscription current = subscriptions.get(feed.url());
    if (current == null) {
      return false; // removed meanwhile, or not ours any more
    }
    try {
      FeedState movedState = FeedState.newBuilder(state).setUrl(to).setMovedTo(null).build();
      FeedSubscription moved = FeedSubscription.newBuilder(current).setUrl(to).build();
      // state first, so whoever gets the new key finds it; then the key; then the old one goes
      registry.putState(to, movedState);
      registry.put(moved);
      registry.remove(feed.url());
      LOG.info(
          "Feed {} moved for good to {}: registry updated",
          SafeUrls.redact(feed.url()),
          SafeUrls.redact(to));
      return true;
    } catch (RuntimeException e) {
      LOG.warn("Feed {} not moved: {}", SafeUrls.redact(feed.url()), e.getMessage());
      return false;
    }
  }

  private void runLoop() {
    Map<String, Object> group = new HashMap<>(clientConfig);
    group.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    group.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "herald-ingest-registry");
    group.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    group.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    group.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    group.put(
        ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
        CooperativeStickyAssignor.class.getName());
    Map<String, Object> follower = new HashMap<>(clientConfig);
    follower.remove(ConsumerConfig.GROUP_ID_CONFIG);
    follower.put(ConsumerConfig.CLIENT_ID_CONFIG, "herald-ingest-state-follower");
    follower.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    follower.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // closed in reverse order: the group consumer first, as its last revocation uses the follower
    try (KafkaConsumer<byte[], byte[]> stateFollower =
            new KafkaConsumer<>(
                follower, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        KafkaConsumer<byte[], byte[]> feeds =
            new KafkaConsumer<>(group, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      synchronized (this) {
        registryConsumer = feeds;
      }
      feeds.subscribe(List.of(Topics.FEEDS.name()), new Listener(feeds, stateFollower));
      while (!closing) {
        boolean changed = false;
        for (ConsumerRecord<byte[], byte[]> r : feeds.poll(POLL)) {
          changed |= applyRegistry(r);
        }
        if (!stateFollower.assignment().isEmpty()) {
          Map<String, FeedState> followed = new HashMap<>();
          for (ConsumerRecord<byte[], byte[]> r : stateFollower.poll(Duration.ZERO)) {
            FeedRegistry.apply(r, Topics.FEED_STATE, keys, stateValues, followed);
          }
          if (!followed.isEmpty()) {
            store.adoptIfAbsent(followed);
          }
        }
        if (changed) {
          rebuildSnapshot();
        }
        if (!ready && registryEnds != null && FeedRegistry.caughtUp(feeds, registryEnds)) {
          ready = true;
          LOG.info("Registry share ready: partitions {}, {} feed(s)", assigned, snapshot.size());
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("Registry consumer stopped", e);
    } finally {
      stopped.countDown();
    }
  }

  /** One registry record; true when the share's feeds changed. */
  private boolean applyRegistry(ConsumerRecord<byte[], byte[]> r) {
    Map<String, FeedSubscription> partition = byPartition.get(r.partition());
    if (partition == null || r.key() == null) {
      return false;
    }
    String url = keys.deserialize(Topics.FEEDS.name(), r.key());
    if (r.value() == null) {
      if (partition.remove(url) != null) {
        subscriptions.remove(url);
        store.drop(List.of(url), Duration.ZERO);
        return true;
      }
      return false;
    }
    try {
      FeedSubscription s = subscriptionValues.deserialize(Topics.FEEDS.name(), r.value());
      partition.put(url, s);
      subscriptions.put(url, s);
      return true;
    } catch (RuntimeException e) {
      LOG.warn(
          "Skipping unreadable subscription at {}@{}: {}", r.partition(), r.offset(), e.toString());
      return false;
    }
  }

  private void rebuildSnapshot() {
    List<FeedRef> list = new ArrayList<>();
    for (Map<String, FeedSubscription> partition : byPartition.values()) {
      for (FeedSubscription s : partition.values()) {
        if (s.getEnabled()) {
          list.add(
              new FeedRef(
                  s.getUrl(),
                  s.getTitle(),
                  s.getIntervalSeconds() > 0 ? Duration.ofSeconds(s.getIntervalSeconds()) : null));
        }
      }
    }
    snapshot = List.copyOf(list);
  }

  private final class Listener implements ConsumerRebalanceListener {
    private final KafkaConsumer<byte[], byte[]> feeds;
    private final KafkaConsumer<byte[], byte[]> stateFollower;

    Listener(KafkaConsumer<byte[], byte[]> feeds, KafkaConsumer<byte[], byte[]> stateFollower) {
      this.feeds = feeds;
      this.stateFollower = stateFollower;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      Set<Integer> added = new HashSet<>();
      for (TopicPartition tp : partitions) {
        added.add(tp.partition());
        byPartition.put(tp.partition(), new HashMap<>());
      }
      if (!partitions.isEmpty()) {
        feeds.seekToBeginning(partitions); // the whole compacted share, every time
        adoptStates(added);
      }
      Set<Integer> all = new HashSet<>(assigned);
      all.addAll(added);
      assigned = Set.copyOf(all);
      registryEnds = feeds.endOffsets(feeds.assignment());
      ready = false; // until the new partitions are read
      LOG.info("Registry partitions assigned: {} (now {})", added, assigned);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      release(partitions, DRAIN);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      release(partitions, Duration.ZERO); // someone else may own them already
    }

    private void release(Collection<TopicPartition> partitions, Duration drain) {
      if (partitions.isEmpty()) {
        return;
      }
      Set<Integer> gone = new HashSet<>();
      List<String> urls = new ArrayList<>();
      for (TopicPartition tp : partitions) {
        gone.add(tp.partition());
        Map<String, FeedSubscription> feedsOfPartition = byPartition.remove(tp.partition());
        if (feedsOfPartition != null) {
          urls.addAll(feedsOfPartition.keySet());
          feedsOfPartition.keySet().forEach(subscriptions::remove);
        }
      }
      rebuildSnapshot(); // out of the schedule first
      store.drop(urls, drain); // then wait for their polls in flight
      Set<Integer> left = new HashSet<>(assigned);
      left.removeAll(gone);
      assigned = Set.copyOf(left);
      List<TopicPartition> follow = new ArrayList<>();
      for (TopicPartition tp : stateFollower.assignment()) {
        if (!gone.contains(tp.partition())) {
          follow.add(tp);
        }
      }
      stateFollower.assign(follow);
      LOG.info(
          "Registry partitions released: {} ({} feed(s)), now {}", gone, urls.size(), assigned);
    }

    /** Reads the co-partitioned state partitions to their end, hands them over, then follows. */
    private void adoptStates(Set<Integer> added) {
      List<TopicPartition> fresh = new ArrayList<>();
      for (int p : added) {
        fresh.add(new TopicPartition(Topics.FEED_STATE.name(), p));
      }
      List<TopicPartition> follow = new ArrayList<>(stateFollower.assignment());
      follow.addAll(fresh);
      try {
        stateFollower.assign(follow);
        stateFollower.seekToBeginning(fresh);
        Map<TopicPartition, Long> end = stateFollower.endOffsets(fresh, STATE_READ_TIMEOUT);
        // handed over in batches, so a large share never sits in memory unpacked
        Map<String, FeedState> batch = new HashMap<>();
        Map<String, FeedState> others = new HashMap<>();
        long adopted = 0;
        long deadline = System.nanoTime() + STATE_READ_TIMEOUT.toNanos();
        while (!FeedRegistry.caughtUp(stateFollower, end) && System.nanoTime() < deadline) {
          for (ConsumerRecord<byte[], byte[]> r : stateFollower.poll(POLL)) {
            if (!added.contains(r.partition())) {
              FeedRegistry.apply(r, Topics.FEED_STATE, keys, stateValues, others);
            } else if (r.key() != null && r.value() == null) {
              String url = keys.deserialize(Topics.FEED_STATE.name(), r.key());
              batch.remove(url);
              store.drop(List.of(url), Duration.ZERO); // adopted from an earlier batch
            } else {
              FeedRegistry.apply(r, Topics.FEED_STATE, keys, stateValues, batch);
            }
          }
          if (batch.size() >= ADOPT_BATCH) {
            store.adopt(batch);
            adopted += batch.size();
            batch.clear();
          }
        }
        store.adopt(batch);
        adopted += batch.size();
        if (!others.isEmpty()) {
          store.adoptIfAbsent(others);
        }
        LOG.info("Read the state of {} feed(s) for partitions {}", adopted, added);
      } catch (RuntimeException e) {
        // without its state a feed is polled as new: validators lost, nothing else
        LOG.warn("Feed state of partitions {} not read: {}", added, e.toString());
      }
    }
  }

  @Override
  public void close() {
    closing = true;
    KafkaConsumer<byte[], byte[]> c;
    synchronized (this) {
      c = registryConsumer;
    }
    if (c != null) {
      c.wakeup();
    }
    try {
      if (loop != null && !stopped.await(30, TimeUnit.SECONDS)) {
        LOG.warn("Registry consumer did not stop within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    registry.close();
  }
}
