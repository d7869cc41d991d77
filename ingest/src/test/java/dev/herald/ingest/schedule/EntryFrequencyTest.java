package dev.herald.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntryFrequencyTest {

  private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");

  @Test
  void shouldTakeTheMedianGapBetweenTheNewestEntries() {
    // Given entries an hour apart, one odd gap, one future date and a duplicate
    List<Instant> dates = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      dates.add(NOW.minus(Duration.ofHours(i)));
    }
    dates.add(NOW.minus(Duration.ofDays(40)));
    dates.add(NOW.plus(Duration.ofDays(1)));
    dates.add(NOW.minus(Duration.ofHours(1)));

    // When / Then
    assertThat(EntryFrequency.fromDates(dates, NOW)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void shouldKnowNothingFromFewerThanThreeDates() {
    // Given / When / Then
    assertThat(EntryFrequency.fromDates(List.of(NOW.minusSeconds(60), NOW), NOW)).isNull();
  }

  @Test
  void shouldBlendObservedArrivals() {
    // Given / When / Then
    assertThat(EntryFrequency.fromArrival(null, Duration.ofHours(2)))
        .isEqualTo(Duration.ofHours(2));
    assertThat(EntryFrequency.fromArrival(Duration.ofHours(1), Duration.ofHours(11)))
        .isEqualTo(Duration.ofHours(4));
  }

  @Test
  void shouldStretchTheEstimateOfAFeedGoneQuiet() {
    // Given a feed that used to post hourly, silent for two days
    Instant newest = NOW.minus(Duration.ofDays(2));

    // When / Then
    assertThat(EntryFrequency.withQuiet(Duration.ofHours(1), newest, NOW))
        .isEqualTo(Duration.ofDays(1));
    assertThat(EntryFrequency.withQuiet(Duration.ofHours(1), NOW.minusSeconds(60), NOW))
        .isEqualTo(Duration.ofHours(1));
  }
}
