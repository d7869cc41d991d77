package dev.herald.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SchedulerTest {

  private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");
  private static final Duration FIFTEEN = Duration.ofMinutes(15);

  /** The policy around 15 minutes: 5 min to 2 h, back off to a day, 10% jitter. */
  private final SchedulePolicy policy = SchedulePolicy.around(FIFTEEN);

  /** Jitter at its midpoint: no change. */
  private final Scheduler middle = new Scheduler(policy, () -> 0.5);

  private static PollTiming timing(
      Duration configured, Duration cacheFor, Duration declared, Duration entries) {
    return new PollTiming(configured, cacheFor, declared, entries, 0, null);
  }

  @Test
  void shouldPollAWorkingFeedAtItsIntervalOrTheDefault() {
    // Given / When / Then
    assertThat(middle.delay(PollTiming.plain())).isEqualTo(FIFTEEN);
    assertThat(middle.delay(timing(Duration.ofMinutes(30), null, null, null)))
        .isEqualTo(Duration.ofMinutes(30));
    assertThat(middle.nextPollAt(NOW, PollTiming.plain())).isEqualTo(NOW.plus(FIFTEEN));
  }

  @Test
  void shouldAdaptToTheEntryFrequencyWithinMinAndMax() {
    // Given / When / Then: twice per new entry, within 5 min .. 2 h
    assertThat(middle.delay(timing(null, null, null, Duration.ofMinutes(40))))
        .isEqualTo(Duration.ofMinutes(20));
    assertThat(middle.delay(timing(null, null, null, Duration.ofMinutes(1))))
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(middle.delay(timing(null, null, null, Duration.ofDays(7))))
        .isEqualTo(Duration.ofHours(2));
  }

  @Test
  void shouldNotPollBeforeTheServerOrTheFeedSaysItChanges() {
    // Given / When / Then: Cache-Control max-age 1 h, RSS ttl 45 min, both beyond 15 min
    assertThat(middle.delay(timing(null, Duration.ofHours(1), null, null)))
        .isEqualTo(Duration.ofHours(1));
    assertThat(middle.delay(timing(null, null, Duration.ofMinutes(45), null)))
        .isEqualTo(Duration.ofMinutes(45));
    // a hint shorter than the interval changes nothing; a huge one is capped at the max
    assertThat(middle.delay(timing(null, Duration.ofMinutes(1), null, null))).isEqualTo(FIFTEEN);
    assertThat(middle.delay(timing(null, null, Duration.ofDays(30), null)))
        .isEqualTo(Duration.ofHours(2));
  }

  @Test
  void shouldBackOffExponentiallyButNeverGiveUp() {
    // Given / When
    Duration first = middle.delay(PollTiming.failing(1, null));
    Duration second = middle.delay(PollTiming.failing(2, null));
    Duration fifth = middle.delay(PollTiming.failing(5, null));
    Duration thousandth = middle.delay(PollTiming.failing(1_000, null));

    // Then
    assertThat(first).isEqualTo(FIFTEEN);
    assertThat(second).isEqualTo(Duration.ofMinutes(30));
    assertThat(fifth).isEqualTo(Duration.ofMinutes(240));
    assertThat(thousandth).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void shouldHonourRetryAfterAndOnlyEverStretchIt() {
    // Given jitter at both ends of its range
    Scheduler low = new Scheduler(policy, () -> 0.0);
    Scheduler high = new Scheduler(policy, () -> 0.999_999);
    PollTiming throttled = PollTiming.failing(1, Duration.ofHours(3));

    // When / Then
    assertThat(low.delay(throttled)).isEqualTo(Duration.ofHours(3));
    assertThat(high.delay(throttled)).isBetween(Duration.ofHours(3), Duration.ofMinutes(198));
    assertThat(low.delay(PollTiming.failing(1, Duration.ofDays(30)))).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void shouldSpreadDelaysByTheJitterEitherWay() {
    // Given
    Scheduler low = new Scheduler(policy, () -> 0.0);
    Scheduler high = new Scheduler(policy, () -> 0.999_999);

    // When / Then: 15 min ± 10%
    assertThat(low.delay(PollTiming.plain())).isEqualTo(Duration.ofSeconds(810));
    assertThat(high.delay(PollTiming.plain()))
        .isBetween(Duration.ofSeconds(989), FIFTEEN.plusSeconds(90));
  }

  @Test
  void shouldKeepAFixedScheduleExact() {
    // Given
    Scheduler fixed = new Scheduler(SchedulePolicy.fixed(FIFTEEN, Duration.ofHours(4)), () -> 0.0);

    // When / Then
    assertThat(fixed.delay(timing(null, null, null, Duration.ofMinutes(1)))).isEqualTo(FIFTEEN);
    assertThat(fixed.delay(PollTiming.failing(10, null))).isEqualTo(Duration.ofHours(4));
  }
}
