package dev.herald.nlp.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad input must never throw; the work stays linear in the text (bounded per sentence). */
class BadInputTest {

  private static ArticleAnalysis analyze(ScheduleDetector d, String text) {
    return d.analyze(
        new ArticleInput("x", null, text, LocalDate.parse("2017-11-14"), null, null, null));
  }

  @Test
  void shouldReturnNothingForTextWithoutDates() {
    // Given text with no date and no schedule word
    // When analysed
    ArticleAnalysis a =
        analyze(ScheduleDetector.standard(), "Prices rose. Shares fell. Nobody met.");

    // Then no claims and no exception
    assertThat(a.claims()).isEmpty();
    assertThat(a.timexes()).isEmpty();
  }

  @Test
  void shouldCopeWithHundredsOfDates() {
    // Given an article listing hundreds of dates and a postponement at the end
    StringBuilder sb = new StringBuilder("Auctions were held on ");
    for (int i = 1; i <= 300; i++) {
      sb.append("March ").append(1 + i % 28).append(", ");
    }
    sb.append("1987. The meeting set for April 2 was postponed to April 9.");

    // When analysed
    ArticleAnalysis a = analyze(ScheduleDetector.standard(), sb.toString());

    // Then the dates are tagged and the one change is still read (next April: the plan is ahead)
    assertThat(a.timexes().size()).isGreaterThan(200);
    assertThat(a.claims())
        .singleElement()
        .satisfies(c -> assertThat(c.when().value()).isEqualTo("2018-04-09"));
  }

  @Test
  void shouldCopeWithAFiveMegabyteSentence() {
    // Given one 5 MB "sentence" (no full stop) full of change words, dates tagged as none
    StringBuilder sb = new StringBuilder(5_000_100);
    while (sb.length() < 5_000_000) {
      sb.append("the meeting was postponed to May and delayed again, ");
    }
    ScheduleDetector detector = new ScheduleDetector((t, d) -> List.of());

    // When the detection stage runs on it
    ArticleAnalysis a = analyze(detector, sb.toString());

    // Then it returns (an over-long sentence is skipped) with no exception
    assertThat(a.claims()).isEmpty();
    assertThat(a.language()).isEqualTo("en");
  }

  @Test
  void shouldCopeWithEmptyAndOddText() {
    // Given empty, null-like and symbol-only texts
    ScheduleDetector d = ScheduleDetector.standard();

    // When analysed
    // Then nothing breaks
    assertThat(analyze(d, "").claims()).isEmpty();
    assertThat(analyze(d, "((((\"\"\"....;;;;'''")).isNotNull();
    assertThat(analyze(d, "postponed postponed postponed until until").claims()).isEmpty();
    assertThat(d.analyze(new ArticleInput("y", null, null, null, null, null, null)).claims())
        .isEmpty();
  }

  @Test
  void shouldNotThrowOnFragmentsOfTheNewWordings() {
    // Given sentence fragments that start or end inside the session-3 patterns
    ScheduleDetector d = ScheduleDetector.standard();
    List<String> fragments =
        List.of(
            ", which were due to expire March 19 have been extended to April 18.",
            "which expire March 19 have been extended to April 18.",
            "adjourned until",
            "reconvened on March 3 after it was first adjourned",
            "first adjourned January 14, reconvened",
            "had planned to introduce",
            "postponed the move",
            "dividend delayed until",
            "it may have to be delayed until",
            "scheduled to have been launched");

    // When each is analysed
    // Then no exception escapes
    for (String f : fragments) {
      assertThat(analyze(d, f)).isNotNull();
    }
  }
}
