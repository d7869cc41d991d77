package dev.herald.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class HeapSamplerTest {

  @Test
  void shouldReportAPeakWithinTheHeapLimit() {
    // Given a sampler over this JVM
    try (HeapSampler sampler = new HeapSampler(10)) {
      // When something is allocated
      byte[][] held = new byte[64][];
      for (int i = 0; i < held.length; i++) {
        held[i] = new byte[64 * 1024];
      }

      // Then its peak is positive, covers what is held now and never exceeds the maximum heap
      long max = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
      long peak = sampler.peakBytes();
      assertThat(peak).isPositive().isGreaterThanOrEqualTo(held.length * 64L * 1024);
      if (max > 0) {
        assertThat(peak).isLessThanOrEqualTo(max);
      }
    }
  }
}
