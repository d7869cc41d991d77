package dev.herald.sink.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void shouldShowDoneOverTotalRateAndFile() {
    // When
    String line = Progress.line(1200, 5000, Duration.ofMillis(1500), 3, 10);

    // Then
    assertThat(line).isEqualTo("replay: 1200/5000 articles (24%), 800 articles/s, file 3/10");
  }

  @Test
  void shouldLetTheTotalFollowWhenTheEstimateWasShort() {
    // When
    String line = Progress.line(12, 10, Duration.ofSeconds(4), 1, 1);

    // Then
    assertThat(line).isEqualTo("replay: 12/12 articles (100%), 3.0 articles/s, file 1/1");
  }

  @Test
  void shouldShowNoRateBeforeAnyTimeHasPassed() {
    // When / Then
    assertThat(Progress.line(0, 0, Duration.ZERO, 0, 0))
        .isEqualTo("replay: 0/0 articles, - articles/s, file 0/0");
  }
}
