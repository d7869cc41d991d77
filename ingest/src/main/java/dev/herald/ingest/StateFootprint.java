package dev.herald.ingest;

import dev.herald.avro.FeedState;
import dev.herald.ingest.feeds.FeedRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Measures the heap an ingest instance needs for the feeds it owns: builds that many realistic
 * states (validators, content hash, counters, a full list of recent ids) held as the service holds
 * them, and reads the heap before and after. For the benchmark, where the simulated feeds are fewer
 * than the 100,000 an instance is sized for.
 */
public final class StateFootprint {

  private StateFootprint() {}

  /** Heap bytes for {@code feeds} feeds remembering {@code idsPerFeed} article ids each. */
  public static long bytesFor(int feeds, int idsPerFeed) throws InterruptedException {
    long before = usedAfterGc();
    Map<String, RecentIds.Packed> states = new ConcurrentHashMap<>();
    List<FeedRef> refs = new ArrayList<>(feeds);
    Instant now = Instant.now();
    for (int i = 0; i < feeds; i++) {
      String url = "https://news-site-" + (i % 5000) + ".example.com/rss/section-" + i + ".xml";
      List<String> ids = new ArrayList<>(idsPerFeed);
      for (int j = 0; j < idsPerFeed; j++) {
        ids.add(String.format("%016x%016x", i, j));
      }
      FeedState s =
          FeedState.newBuilder()
              .setUrl(url)
              .setEtag("W/\"" + Integer.toHexString(i * 31) + "-5f3a9c\"")
              .setLastModified("Tue, 14 Nov 2017 09:00:00 GMT")
              .setContentHash(String.format("%064x", i))
              .setLastFetchAt(now)
              .setLastSuccessAt(now)
              .setLastStatus(200)
              .setFetchCount(12)
              .setNotModifiedCount(5)
              .setNextPollAt(now.plusSeconds(900))
              .setEntryIntervalSeconds(3600)
              .setLastNewItemAt(now)
              .setRecentItemIds(ids)
              .build();
      states.put(url, RecentIds.pack(s));
      refs.add(new FeedRef(url, null, Duration.ofMinutes(15)));
    }
    long after = usedAfterGc();
    if (states.size() + refs.size() != 2 * feeds) {
      throw new IllegalStateException("lost states"); // keeps both reachable until measured
    }
    return after - before;
  }

  private static long usedAfterGc() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
