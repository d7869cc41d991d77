package dev.herald.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageGuesserTest {

  private final LanguageGuesser guesser = new LanguageGuesser(Lexicon.standard());

  @Test
  void shouldReduceDeclaredCodesToIso6391() {
    // Given / When / Then
    assertThat(LanguageGuesser.normalise("en-US")).isEqualTo("en");
    assertThat(LanguageGuesser.normalise("pt_BR")).isEqualTo("pt");
    assertThat(LanguageGuesser.normalise("deu")).isEqualTo("de");
    assertThat(LanguageGuesser.normalise("iw")).isEqualTo("he");
    assertThat(LanguageGuesser.normalise("x")).isNull();
    assertThat(LanguageGuesser.normalise("")).isNull();
  }

  @Test
  void shouldGuessLanguagesFromFunctionWordsAndScripts() {
    // Given / When / Then
    assertThat(
            guesser.guess(
                "The council said that the bridge would be closed for the winter and that it was not safe."))
        .isEqualTo("en");
    assertThat(
            guesser.guess(
                "La mairie a annoncé que le pont sera fermé pour les travaux et que la circulation est déviée."))
        .isEqualTo("fr");
    assertThat(
            guesser.guess(
                "El ayuntamiento dijo que el puente estará cerrado durante el invierno y que no es seguro para los coches."))
        .isEqualTo("es");
    assertThat(guesser.guess("서울시는 다리를 겨울 동안 폐쇄한다고 밝혔다")).isEqualTo("ko");
    assertThat(guesser.guess("12 34 56")).isNull();
  }

  @Test
  void shouldTrustTheDeclaredLanguageUnlessTheTextClearlyDiffers() {
    // Given a page that declares English
    String german =
        "Die Stadt hat mitgeteilt, dass die Brücke im Winter geschlossen wird, und dass der Verkehr"
            + " über die Umleitung an der Bibliothek geführt wird.";

    // When / Then
    assertThat(guesser.language("Short text.", "en")).isEqualTo("en");
    assertThat(guesser.language(german, "en")).isEqualTo("de");
    assertThat(guesser.language(german, null)).isEqualTo("de");
  }
}
