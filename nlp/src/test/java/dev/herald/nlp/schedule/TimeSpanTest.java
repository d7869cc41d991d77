package dev.herald.nlp.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimeSpanTest {

  private static TimeSpan span(String value, String mod) {
    return TimeSpan.of(new When(value, TimeSpan.precisionOf(value), mod, "")).orElseThrow();
  }

  @Test
  void shouldSplitAMonthInThirdsForItsModifiers() {
    // Given mid-November and late November
    // When read as spans
    TimeSpan mid = span("2017-11", "MID");
    TimeSpan late = span("2017-11", "END");

    // Then they do not overlap, and November 18 lies in the middle third
    assertThat(mid.overlaps(late)).isFalse();
    assertThat(mid.contains(span("2017-11-18", null))).isTrue();
    assertThat(span("2017-11", null).contains(mid)).isTrue();
  }

  @Test
  void shouldReadRangesWeeksQuartersAndTimes() {
    // Given other TIMEX3 values
    // When read
    // Then each covers what it says
    assertThat(span("1987-04-13/1987-04-16", null).contains(span("1987-04-15", null))).isTrue();
    assertThat(span("1987-W11", null).contains(span("1987-03-10", null))).isTrue();
    assertThat(span("2017-Q4", null).contains(span("2017-12", null))).isTrue();
    assertThat(span("1987-03-17T14:30", null).after(span("1987-03-17T11:30", null))).isTrue();
    assertThat(TimeSpan.of(new When("XXXX-11", When.Precision.MONTH, null, ""))).isEmpty();
    assertThat(TimeSpan.precisionOf("2017-SU")).isEqualTo(When.Precision.SEASON);
  }
}
