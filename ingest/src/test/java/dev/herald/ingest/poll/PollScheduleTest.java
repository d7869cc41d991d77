package dev.herald.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PollScheduleTest {

  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
  private final PollSchedule schedule = PollSchedule.every(Duration.ofMinutes(15));

  @Test
  void shouldPollAgainAfterTheIntervalWhileTheFeedWorks() {
    // Given / When / Then
    assertThat(schedule.nextPollAt(NOW, 0, null)).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    assertThat(schedule.nextPollAt(NOW, 1, null)).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
  }

  @Test
  void shouldDoubleTheDelayPerFailureUpToTheCap() {
    // Given / When / Then
    assertThat(schedule.nextPollAt(NOW, 2, null)).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
    assertThat(schedule.nextPollAt(NOW, 3, null)).isEqualTo(NOW.plus(Duration.ofMinutes(60)));
    assertThat(schedule.nextPollAt(NOW, 50, null)).isEqualTo(NOW.plus(Duration.ofHours(4)));
  }

  @Test
  void shouldHonourALongerRetryAfterButNotForever() {
    // Given / When / Then
    assertThat(schedule.nextPollAt(NOW, 1, Duration.ofHours(2)))
        .isEqualTo(NOW.plus(Duration.ofHours(2)));
    assertThat(schedule.nextPollAt(NOW, 1, Duration.ofDays(30)))
        .isEqualTo(NOW.plus(PollSchedule.MAX_RETRY_AFTER));
    assertThat(schedule.nextPollAt(NOW, 1, Duration.ofSeconds(5)))
        .isEqualTo(NOW.plus(Duration.ofMinutes(15)));
  }
}
