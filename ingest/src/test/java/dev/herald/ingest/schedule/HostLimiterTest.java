package dev.herald.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HostLimiterTest {

  private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");

  @Test
  void shouldLimitConcurrentFetchesPerHost() {
    // Given two slots, no gap
    HostLimiter limiter = new HostLimiter(2, Duration.ZERO);

    // When / Then
    assertThat(limiter.tryAcquire("a.example", T0)).isTrue();
    assertThat(limiter.tryAcquire("a.example", T0)).isTrue();
    assertThat(limiter.tryAcquire("a.example", T0)).isFalse();
    assertThat(limiter.tryAcquire("b.example", T0)).isTrue();
    limiter.release("a.example");
    assertThat(limiter.tryAcquire("a.example", T0)).isTrue();
  }

  @Test
  void shouldSpaceRequestStartsToOneHost() {
    // Given
    HostLimiter limiter = new HostLimiter(10, Duration.ofSeconds(1));

    // When
    boolean first = limiter.tryAcquire("a.example", T0);
    boolean tooSoon = limiter.tryAcquire("a.example", T0.plusMillis(500));
    Instant available = limiter.availableAt("a.example", T0.plusMillis(500));
    boolean later = limiter.tryAcquire("a.example", T0.plusSeconds(1));

    // Then
    assertThat(first).isTrue();
    assertThat(tooSoon).isFalse();
    assertThat(available).isEqualTo(T0.plusSeconds(1));
    assertThat(later).isTrue();
  }

  @Test
  void shouldHoldEveryFeedOfAHostThatAskedToWait() {
    // Given a 429 with Retry-After: 120 seen on one feed of the host
    HostLimiter limiter = HostLimiter.polite();
    limiter.blockUntil("a.example", T0.plusSeconds(120));

    // When / Then
    assertThat(limiter.tryAcquire("a.example", T0.plusSeconds(60))).isFalse();
    assertThat(limiter.availableAt("a.example", T0.plusSeconds(60))).isEqualTo(T0.plusSeconds(120));
    assertThat(limiter.tryAcquire("a.example", T0.plusSeconds(120))).isTrue();
  }

  @Test
  void shouldNeverLimitLocalFilesAndForgetIdleHosts() {
    // Given
    HostLimiter limiter = new HostLimiter(1, Duration.ZERO);

    // When
    boolean file1 = limiter.tryAcquire(HostLimiter.hostOf("file:///tmp/a.xml"), T0);
    boolean file2 = limiter.tryAcquire(HostLimiter.hostOf("file:///tmp/b.xml"), T0);
    limiter.tryAcquire(HostLimiter.hostOf("https://A.example/feed"), T0);
    limiter.release("a.example");

    // Then
    assertThat(file1).isTrue();
    assertThat(file2).isTrue();
    assertThat(limiter.trackedHosts()).isZero();
  }
}
