package dev.herald.ingest.fetch;

/**
 * On one or two cores the JVM's common pool has a parallelism of 1, and then {@code
 * CompletableFuture} runs every async step on a new thread. The JDK's HttpClient hops through that
 * default executor once per {@code sendAsync}, so {@link FeedFetcher} would start and end a thread
 * for every fetch (measured: about as much CPU as the poll workers themselves). A common pool of
 * two keeps those hops on pooled threads.
 */
public final class CommonPool {

  private static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

  private CommonPool() {}

  /**
   * Call first thing in {@code main}, before anything touches {@code CompletableFuture} (Kafka's
   * clients do). Does nothing when the property is set already. No logging here on purpose: a
   * logger created this early would miss the log configuration chosen after it.
   */
  public static void avoidThreadPerTask() {
    if (System.getProperty(PARALLELISM) == null) {
      System.setProperty(PARALLELISM, "2");
    }
  }

  /** Whether async steps run on the common pool (false: a new thread each). */
  public static boolean pooled() {
    return java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() > 1;
  }
}
