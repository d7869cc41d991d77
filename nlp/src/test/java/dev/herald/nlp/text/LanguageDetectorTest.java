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
}
