package dev.herald.schemas;

import dev.herald.schemas.serde.HeraldSerdes;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * One Kafka topic with its key and value types, so producers, consumers and topologies get the name
 * and the serdes from the same place.
 *
 * @param name the topic name
 * @param keyType the key type
 * @param valueType the value type
 * @param compacted whether the topic is log-compacted (latest value per key wins)
 * @param partitions the default partition count
 * @param doc what the topic carries and how it is keyed
 */
public record TopicDescriptor<K, V>(
    String name,
    Class<K> keyType,
    Class<V> valueType,
    boolean compacted,
    int partitions,
    String doc) {

  public TopicDescriptor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keyType, "keyType");
    Objects.requireNonNull(valueType, "valueType");
    Objects.requireNonNull(doc, "doc");
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1: " + partitions);
    }
  }

  /** The key serde, from {@link HeraldSerdes}. */
  public Serde<K> keySerde() {
    return HeraldSerdes.forType(keyType);
  }

  /** The value serde, from {@link HeraldSerdes}. */
  public Serde<V> valueSerde() {
    return HeraldSerdes.forType(valueType);
  }
}
