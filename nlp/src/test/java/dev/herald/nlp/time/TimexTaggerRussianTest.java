package dev.herald.nlp.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimexTaggerRussianTest {

  private static final LocalDate DCT = LocalDate.of(2017, 11, 14);
  private final TimexTagger tagger = TimexTagger.standard();

  @Test
  void shouldTagMidNovemberAndADayInRussian() {
    // Given
    String text = "Конгресс пройдет в середине ноября, а 28 ноября начнется новый раунд.";
    // When
    List<Timex> found = tagger.tag(text, DCT);
    // Then
    assertThat(found).extracting(Timex::text).containsExactly("середине ноября", "28 ноября");
    assertThat(found).extracting(Timex::value).containsExactly("2017-11", "2017-11-28");
    assertThat(found).extracting(Timex::mod).containsExactly("MID", null);
  }

  @Test
  void shouldTagAMonthInThePrepositionalCase() {
    // When
    List<Timex> found = tagger.tag("Встреча состоится в декабре.", DCT);
    // Then
    assertThat(found).extracting(Timex::value).containsExactly("2017-12");
  }

  @Test
  void shouldTagRelativeExpressionsAndDurationsInRussian() {
    // When
    List<Timex> found =
        tagger.tag("В прошлом году, три дня назад, на следующей неделе, несколько дней.", DCT);
    // Then
    assertThat(found)
        .extracting(Timex::value)
        .containsExactly("2016", "2017-11-11", "2017-W47", "PXD");
  }

  @Test
  void shouldTagYearsWithTheYearWord() {
    // When
    List<Timex> found = tagger.tag("в начале декабря 2017 года", DCT);
    // Then
    assertThat(found).hasSize(1);
    assertThat(found.get(0).text()).isEqualTo("начале декабря 2017 года");
    assertThat(found.get(0).value()).isEqualTo("2017-12");
    assertThat(found.get(0).mod()).isEqualTo("START");
  }
}
