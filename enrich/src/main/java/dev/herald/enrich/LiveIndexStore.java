package dev.herald.enrich;

import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.StateStoreProvider;

/**
 * The global store {@code dedupe-index}: a {@link LiveIndex} in memory, registered with Kafka
 * Streams so that the global thread restores it by re-running {@link FileFingerprint} over the
 * fingerprint topic (the topic is its log; it has no changelog and no checkpoint, so a restart
 * rebuilds it from the topic's retained records) and so that it can be queried.
 */
final class LiveIndexStore implements StateStore {
  /** Query type for {@code KafkaStreams#store}: gives this instance's store. */
  static final QueryableStoreType<LiveIndexStore> QUERY_TYPE =
      new QueryableStoreType<>() {
        @Override
        public boolean accepts(StateStore store) {
          return store instanceof LiveIndexStore;
        }

        @Override
        public LiveIndexStore create(StateStoreProvider provider, String storeName) {
          List<LiveIndexStore> stores = provider.stores(storeName, this);
          if (stores.isEmpty()) {
            throw new IllegalStateException("no store " + storeName);
          }
          return stores.get(0);
        }
      };

  private final String name;
  private final LiveIndex index;
  private volatile boolean open;

  LiveIndexStore(String name, LiveIndex index) {
    this.name = name;
    this.index = index;
  }

  LiveIndex index() {
    return index;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    // Restored by re-running the global processor (records with their headers), never by a
    // callback of keys and values, which could not tell an entry's arrival.
    context.register(
        root,
        (key, value) -> {
          throw new IllegalStateException(
              "dedupe-index is restored by its global processor, not by a restore callback");
        });
    open = true;
  }

  @Override
  public void close() {
    open = false;
  }

  @Override
  public boolean persistent() {
    return false;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  /** Builds the store around one index; logging is off (the fingerprint topic is the log). */
  static StoreBuilder<LiveIndexStore> builder(String name, LiveIndex index) {
    return new StoreBuilder<>() {
      @Override
      public StoreBuilder<LiveIndexStore> withCachingEnabled() {
        throw new UnsupportedOperationException("the live index has no cache");
      }

      @Override
      public StoreBuilder<LiveIndexStore> withCachingDisabled() {
        return this;
      }

      @Override
      public StoreBuilder<LiveIndexStore> withLoggingEnabled(Map<String, String> config) {
        throw new UnsupportedOperationException("the fingerprint topic is the live index's log");
      }

      @Override
      public StoreBuilder<LiveIndexStore> withLoggingDisabled() {
        return this;
      }

      @Override
      public LiveIndexStore build() {
        return new LiveIndexStore(name, index);
      }

      @Override
      public Map<String, String> logConfig() {
        return Map.of();
      }

      @Override
      public boolean loggingEnabled() {
        return false;
      }

      @Override
      public String name() {
        return name;
      }
    };
  }
}
