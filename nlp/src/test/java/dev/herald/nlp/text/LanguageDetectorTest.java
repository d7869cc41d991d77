package dev.herald.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

  @Test
  void shouldTellEnglishFromOtherLanguagesByTheirFunctionWords() {
    // Given short texts in four languages and one script
    // When detected
    // Then each gets its code
    assertThat(LanguageDetector.detect("The meeting has been postponed until Friday, it said."))
        .isEqualTo("en");
    assertThat(LanguageDetector.detect("Le sommet a été reporté et les ministres sont partis."))
        .isEqualTo("fr");
    assertThat(
            LanguageDetector.detect("Der Gipfel wurde verschoben und die Minister sind nicht da."))
        .isEqualTo("de");
    assertThat(LanguageDetector.detect("La cumbre se aplazó y los ministros no están en la sala."))
        .isEqualTo("es");
    assertThat(LanguageDetector.detect("Саммит перенесли на декабрь, сообщили в министерстве."))
        .isEqualTo("ru");
  }

  @Test
  void shouldTakeAnAllCapsEnglishHeadlineForEnglish() {
    // Given a headline with no function word
    // When detected
    // Then English (ASCII letters, no clue against it), and empty text is undetermined
    assertThat(LanguageDetector.detect("WEST GERMANY RESCHEDULES SIERRA LEONE DEBT"))
        .isEqualTo("en");
    assertThat(LanguageDetector.detect("   ")).isEqualTo("und");
  }

  @Test
  void shouldNameALinesLanguageOnlyWhenItsFunctionWordsLeaveNoDoubt() {
    // Given a French paragraph, an English one, a short English line and a results line
    String fr = "Le président a rencontré les ministres dans la capitale pour parler du sommet.";
    String en = "The president met the ministers in the capital to discuss the summit on Monday.";
    String shortLine = "Merkel met Macron in Paris.";
    String results = "Ajax Amsterdam 3 Feyenoord Rotterdam 1 PSV Eindhoven 2 De Graafschap 0";

    // When each is judged on its own
    // Then only the two paragraphs are named, each with its own language
    assertThat(LanguageDetector.clearLanguage(fr, 0, fr.length())).isEqualTo("fr");
    assertThat(LanguageDetector.clearLanguage(en, 0, en.length())).isEqualTo("en");
    assertThat(LanguageDetector.clearLanguage(shortLine, 0, shortLine.length())).isNull();
    assertThat(LanguageDetector.clearLanguage(results, 0, results.length())).isNull();
  }

  @Test
  void shouldJudgeOnlyTheSpanItIsGiven() {
    // Given an English sentence followed by a German one
    String text =
        "The summit has been moved to December, the ministry said on Tuesday in a statement."
            + " Der Gipfel wurde auf Dezember verschoben, sagte das Ministerium am Dienstag.";
    int cut = text.indexOf(" Der");

    // When each half is judged
    // Then each half gets its own language
    assertThat(LanguageDetector.clearLanguage(text, 0, cut)).isEqualTo("en");
    assertThat(LanguageDetector.clearLanguage(text, cut, text.length())).isEqualTo("de");
  }
}
