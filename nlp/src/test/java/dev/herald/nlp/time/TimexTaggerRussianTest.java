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

  @Test
  void shouldTagBothEndsOfARussianDayRange() {
    // When
    List<Timex> found = tagger.tag("С 28 по 30 ноября пройдет форум.", DCT);
    // Then
    assertThat(found).extracting(Timex::text).containsExactly("28", "30 ноября");
    assertThat(found).extracting(Timex::value).containsExactly("2017-11-28", "2017-11-30");
  }

  @Test
  void shouldMoveTheDctAheadForCherez() {
    // When
    List<Timex> found = tagger.tag("Через два дня и через неделю начнутся работы.", DCT);
    // Then
    assertThat(found).extracting(Timex::value).containsExactly("2017-11-16", "2017-11-21");
  }

  @Test
  void shouldTagRussianSetsVagueAgoAndDecades() {
    // When
    List<Timex> found =
        tagger.tag(
            "Каждый понедельник проходят совещания, ежегодно — форум. Несколько месяцев назад,"
                + " в 90-х годах и в ближайшие дни.",
            DCT);
    // Then
    assertThat(found)
        .extracting(Timex::value)
        .containsExactly("XXXX-WXX-1", "P1Y", "PAST_REF", "199", "PXD");
    assertThat(found)
        .extracting(Timex::type)
        .containsExactly(
            TimexType.SET, TimexType.SET, TimexType.DATE, TimexType.DATE, TimexType.DURATION);
  }

  @Test
  void shouldNotTakeACapitalisedMonthNameInsideASentenceForAMonth() {
    // When
    List<Timex> found = tagger.tag("Об этом сообщил Андрей Март, а форум пройдет 3 мая.", DCT);
    // Then
    assertThat(found).extracting(Timex::text).containsExactly("3 мая");
  }

  @Test
  void shouldReadRussianPastTenseVerbsAsPastCues() {
    // Given a dct on Tuesday 2017-11-14: a past Friday is 2017-11-10
    // When
    List<Timex> found = tagger.tag("В пятницу министр подписала указ.", DCT);
    // Then
    assertThat(found).extracting(Timex::value).containsExactly("2017-11-10");
    assertThat(Tense.russianPast("встречался")).isTrue();
    assertThat(Tense.russianPast("упали")).isTrue();
    assertThat(Tense.russianPast("стол")).isFalse();
    assertThat(Tense.russianPast("декабре")).isFalse();
  }

  @Test
  void shouldReadScheduledAsFutureInRussian() {
    // Given a dct in November: a scheduled March is next March
    // When
    List<Timex> found = tagger.tag("Визит запланирован на март.", DCT);
    // Then
    assertThat(found).extracting(Timex::value).containsExactly("2018-03");
  }
}
