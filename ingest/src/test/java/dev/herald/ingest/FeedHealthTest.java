package dev.herald.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.avro.FeedState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedHealthTest {

  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

  @Test
  void shouldSummariseAWorkingFeed() {
    // Given 10 fetches, 6 answered 304, 1 failed long ago
    FeedState s =
        FeedState.newBuilder()
            .setUrl("https://a.example/feed")
            .setFetchCount(10)
            .setNotModifiedCount(6)
            .setErrorCount(1)
            .setLastSuccessAt(NOW.minusSeconds(60))
            .setLastStatus(304)
            .setLastNewItemAt(NOW.minus(Duration.ofDays(1)))
            .setNextPollAt(NOW.plusSeconds(840))
            .build();

    // When
    FeedHealth h = FeedHealth.of(s, NOW);

    // Then
    assertThat(h.status()).isEqualTo(FeedHealth.Status.OK);
    assertThat(h.notModifiedRatio()).isEqualTo(0.6);
    assertThat(h.errorRatio()).isEqualTo(0.1);
    assertThat(h.lastStatus()).isEqualTo(304);
    assertThat(h.nextPollAt()).isEqualTo(NOW.plusSeconds(840));
  }

  @Test
  void shouldTellFailingStaleAndNewFeeds() {
    // Given
    FeedState failing =
        FeedState.newBuilder()
            .setUrl("u")
            .setFetchCount(3)
            .setConsecutiveErrors(2)
            .setLastError("HTTP_STATUS: HTTP 500")
            .build();
    FeedState stale =
        FeedState.newBuilder()
            .setUrl("u")
            .setFetchCount(300)
            .setLastNewItemAt(NOW.minus(Duration.ofDays(90)))
            .build();

    // When / Then
    assertThat(FeedHealth.of(failing, NOW).status()).isEqualTo(FeedHealth.Status.FAILING);
    assertThat(FeedHealth.of(failing, NOW).lastError()).isEqualTo("HTTP_STATUS: HTTP 500");
    assertThat(FeedHealth.of(stale, NOW).status()).isEqualTo(FeedHealth.Status.STALE);
    assertThat(FeedHealth.of(FeedState.newBuilder().setUrl("u").build(), NOW).status())
        .isEqualTo(FeedHealth.Status.NEW);
  }
}
