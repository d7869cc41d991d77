package dev.herald.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The highest heap occupancy seen, sampled every {@code periodMs} on a daemon thread. The sum of
 * each heap pool's own peak overstates it (the young and old generations peak at different moments,
 * and the sum can exceed {@code -Xmx}); a sample of the whole heap cannot.
 */
final class HeapSampler implements AutoCloseable {
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong peak = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;

  HeapSampler(long periodMs) {
    sample();
    thread =
        new Thread(
            () -> {
              while (running) {
                sample();
                try {
                  Thread.sleep(periodMs);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "herald-bench-heap-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void sample() {
    long used = memory.getHeapMemoryUsage().getUsed();
    peak.accumulateAndGet(used, Math::max);
  }

  /** The highest occupancy seen so far, in bytes. */
  long peakBytes() {
    sample();
    return peak.get();
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
