package dev.herald.enrich;

import dev.herald.avro.DedupeProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * How the LSH band keys of an article are split among the band shards. Key {@code i} of {@link
 * dev.herald.nlp.dedupe.NearDupFingerprinter#bandKeys} (band {@code i}, the exact key last) belongs
 * to shard {@code i mod shards}: a band key always lives in the same shard, so every article that
 * shares it meets the same store, and each article sends one probe per shard instead of one per
 * key.
 */
final class BandShards {
  private BandShards() {}

  /** The keys of {@code bandKeys} that {@code shard} owns. */
  static List<String> keysOf(List<String> bandKeys, int shard, int shards) {
    List<String> out = new ArrayList<>(bandKeys.size() / shards + 1);
    for (int i = shard; i < bandKeys.size(); i += shards) {
      out.add(bandKeys.get(i));
    }
    return out;
  }

  /** The record key of a shard's probes on by-band. */
  static String key(int shard) {
    return Integer.toString(shard);
  }

  static int shardOf(String key) {
    return Integer.parseInt(key);
  }

  /** Spreads shards evenly over the by-band partitions (shard i to partition i mod n). */
  static StreamPartitioner<String, DedupeProbe> partitioner() {
    return new ShardPartitioner();
  }

  private static final class ShardPartitioner implements StreamPartitioner<String, DedupeProbe> {
    @Override
    public Optional<Set<Integer>> partitions(
        String topic, String key, DedupeProbe value, Headers headers, int partitions) {
      return Optional.of(Set.of(Math.floorMod(shardOf(key), partitions)));
    }

    // Still abstract in Kafka 4.4 though deprecated for removal: delegates to the method above.
    @Override
    @SuppressWarnings("removal")
    public Optional<Set<Integer>> partitions(
        String topic, String key, DedupeProbe value, int partitions) {
      return partitions(topic, key, value, null, partitions);
    }
  }
}
