package dev.herald.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.avro.ScheduleChangeAlert;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void shouldHaveUniqueTopicNamesUnderTheHeraldPrefix() {
    // When
    List<String> names = Topics.all().stream().map(TopicDescriptor::name).toList();

    // Then
    assertThat(names).doesNotHaveDuplicates().hasSize(8).allMatch(n -> n.startsWith("herald."));
  }

  @Test
  void shouldCoPartitionFeedStateWithFeeds() {
    // Then
    assertThat(Topics.FEED_STATE.partitions()).isEqualTo(Topics.FEEDS.partitions());
  }

  @Test
  void shouldCompactExactlyTheLatestValueWinsTopics() {
    // When
    List<String> compacted =
        Topics.all().stream()
            .filter(TopicDescriptor::compacted)
            .map(TopicDescriptor::name)
            .toList();

    // Then
    assertThat(compacted)
        .containsExactlyInAnyOrder(
            "herald.feeds",
            "herald.feed-state",
            "herald.events",
            "herald.alerts",
            "herald.schemas");
  }

  @Test
  void shouldCreateCompactedTopicsWithCompactCleanupPolicy() {
    // When
    NewTopic alerts = Topics.newTopic(Topics.ALERTS, 3, (short) 1);
    NewTopic raw = Topics.newTopic(Topics.ARTICLES_RAW, 6, (short) 3);

    // Then
    assertThat(alerts.name()).isEqualTo("herald.alerts");
    assertThat(alerts.numPartitions()).isEqualTo(3);
    assertThat(alerts.configs()).isEqualTo(Map.of("cleanup.policy", "compact"));
    assertThat(raw.replicationFactor()).isEqualTo((short) 3);
    assertThat(raw.configs()).isNullOrEmpty();
  }

  @Test
  void shouldRoundTripValuesThroughTheDescriptorSerdes() {
    // Given
    ScheduleChangeAlert alert = Fixtures.alert();

    // When
    byte[] key = Topics.ALERTS.keySerde().serializer().serialize("t", alert.getAlertId());
    byte[] value = Topics.ALERTS.valueSerde().serializer().serialize("t", alert);

    // Then
    assertThat(Topics.ALERTS.keySerde().deserializer().deserialize("t", key))
        .isEqualTo("3c9a1f0e77d2b456");
    assertThat(Topics.ALERTS.valueSerde().deserializer().deserialize("t", value)).isEqualTo(alert);
    assertThat(Topics.SCHEMAS.valueSerde().deserializer().deserialize("t", key))
        .isEqualTo("3c9a1f0e77d2b456");
  }
}
