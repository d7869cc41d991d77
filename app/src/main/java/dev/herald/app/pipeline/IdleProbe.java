package dev.herald.app.pipeline;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Tells whether a consumer group has consumed everything readable on its topics. Transactional
 * topics end in commit markers that no consumer ever reads, so "committed offset == end offset" is
 * not the test: a partition is drained when a read-committed consumer starting at the committed
 * offset finds no record before the end.
 */
public final class IdleProbe implements AutoCloseable {
  private final Admin admin;
  private final KafkaConsumer<byte[], byte[]> reader;

  public IdleProbe(Admin admin, String bootstrapServers, Map<String, String> clientProps) {
    this.admin = admin;
    Map<String, Object> props = new HashMap<>(clientProps);
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    this.reader =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * Whether {@code groupId} has nothing left to read on {@code topics} (missing topics skipped).
   */
  public boolean isDrained(String groupId, Collection<String> topics) throws InterruptedException {
    try {
      var existing = admin.listTopics().names().get();
      List<String> present = topics.stream().filter(existing::contains).toList();
      if (present.isEmpty()) {
        return true;
      }
      // Committed offsets first, end offsets after: under exactly-once a commit makes its outputs
      // readable at the same moment, so an end read later includes them. The other order can see
      // an input committed after its output topic's end was read, and call a busy pipeline idle.
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
      Map<String, TopicDescription> described = admin.describeTopics(present).allTopicNames().get();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      described
          .values()
          .forEach(
              d ->
                  d.partitions()
                      .forEach(
                          p ->
                              latest.put(
                                  new TopicPartition(d.name(), p.partition()),
                                  OffsetSpec.latest())));
      Map<TopicPartition, ListOffsetsResultInfo> ends =
          admin
              .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
              .all()
              .get();
      for (var e : ends.entrySet()) {
        long end = e.getValue().offset();
        OffsetAndMetadata c = committed.get(e.getKey());
        long start = c == null ? 0 : c.offset();
        if (start < end && hasRecordBetween(e.getKey(), start, end)) {
          return false;
        }
      }
      return true;
    } catch (ExecutionException e) {
      return false; // e.g. the group is rebalancing: not idle yet
    }
  }

  private boolean hasRecordBetween(TopicPartition tp, long start, long end) {
    reader.assign(List.of(tp));
    long begin = reader.beginningOffsets(List.of(tp)).get(tp);
    reader.seek(tp, Math.max(start, begin));
    long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    while (System.nanoTime() < deadline) {
      if (!reader.poll(Duration.ofMillis(200)).isEmpty()) {
        return true;
      }
      if (reader.position(tp) >= end) {
        return false;
      }
    }
    return true; // could not tell in time: assume work is left
  }

  /** The topics a Kafka Streams application reads, by name. */
  public static List<String> streamsInputTopics(
      String applicationId, Collection<String> sources, Collection<String> repartitionNames) {
    return java.util.stream.Stream.concat(
            sources.stream(),
            repartitionNames.stream().map(n -> applicationId + "-" + n + "-repartition"))
        .collect(Collectors.toList());
  }

  @Override
  public void close() {
    reader.close();
  }
}
