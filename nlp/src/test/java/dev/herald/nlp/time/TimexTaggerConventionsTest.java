package dev.herald.nlp.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TimeML value conventions for fiscal years, halves named as quarters and "a couple of". */
class TimexTaggerConventionsTest {

  private static final LocalDate DCT = LocalDate.of(2021, 3, 10); // a Wednesday
  private final TimexTagger tagger = TimexTagger.standard();

  private Timex only(String text) {
    List<Timex> all = tagger.tag(text, DCT);
    assertThat(all).as("timexes in %s", text).hasSize(1);
    return all.get(0);
  }

  @Test
  void shouldNameTheCurrentFiscalYearByTheDctYear() {
    // Given a fiscal year named relative to the publication date
    String text = "The brewer expects margins to widen in the current fiscal year.";
    // When
    Timex t = only(text);
    // Then the whole phrase is the DATE of the dct's year, not a vague PRESENT_REF
    assertThat(t.text()).isEqualTo("the current fiscal year");
    assertThat(t.type()).isEqualTo(TimexType.DATE);
    assertThat(t.value()).isEqualTo("2021");
  }

  @Test
  void shouldShiftNextAndLastFiscalYearFromTheDctYear() {
    // Given
    String text = "Spending will rise next fiscal year after it fell last fiscal year.";
    // When
    List<Timex> all = tagger.tag(text, DCT);
    // Then
    assertThat(all).extracting(Timex::text).containsExactly("next fiscal year", "last fiscal year");
    assertThat(all).extracting(Timex::value).containsExactly("2022", "2020");
  }

  @Test
  void shouldReadTwoQuartersOfAYearAsItsHalf() {
    // Given
    String text =
        "Output grew in the first two quarters of 2019 and in the last two quarters of 2018.";
    // When
    List<Timex> all = tagger.tag(text, DCT);
    // Then
    assertThat(all)
        .extracting(Timex::text)
        .containsExactly("the first two quarters of 2019", "the last two quarters of 2018");
    assertThat(all).extracting(Timex::value).containsExactly("2019-H1", "2018-H2");
  }

  @Test
  void shouldCountACoupleOfYearsAgoAsAboutTwoYears() {
    // Given
    String text = "A couple of years ago the mill closed its doors.";
    // When
    Timex t = only(text);
    // Then
    assertThat(t.value()).isEqualTo("2019");
    assertThat(t.mod()).isEqualTo("APPROX");
  }

  @Test
  void shouldGiveACoupleOfWeeksAnApproximateTwoWeekDuration() {
    // Given
    String text = "The repairs took a couple of weeks.";
    // When
    Timex t = only(text);
    // Then
    assertThat(t.type()).isEqualTo(TimexType.DURATION);
    assertThat(t.value()).isEqualTo("P2W");
    assertThat(t.mod()).isEqualTo("APPROX");
  }

  @Test
  void shouldReadUntilWeekdayBeforeAPastPerfectAsThePastWeekday() {
    // Given "until" (usually a future cue) bounding a span the past perfect says is over
    String text = "Until Monday, the council had not published the audit.";
    // When
    Timex t = only(text);
    // Then the Monday before the Wednesday dct
    assertThat(t.value()).isEqualTo("2021-03-08");
  }

  @Test
  void shouldKeepUntilWeekdayInTheFutureWithoutAPastPerfect() {
    // Given
    String text = "The bridge stays closed until Monday.";
    // When
    Timex t = only(text);
    // Then the coming Monday
    assertThat(t.value()).isEqualTo("2021-03-15");
  }

  @Test
  void shouldReadPastWithABarePluralAsVagueNotOneUnit() {
    // Given "past" with a plural and no number
    String text = "Floods hit the valley in past years and again over the past months.";
    // When
    List<Timex> all = tagger.tag(text, DCT);
    // Then a vague past, not one year or one month
    assertThat(all).extracting(Timex::text).containsExactly("past years", "the past months");
    assertThat(all).extracting(Timex::value).containsExactly("PAST_REF", "PXM");
  }

  @Test
  void shouldKeepThePastYearAsTheYearBefore() {
    // Given the singular, which names one unit
    String text = "Exports doubled over the past year.";
    // When
    Timex t = only(text);
    // Then
    assertThat(t.text()).isEqualTo("the past year");
  }
}
