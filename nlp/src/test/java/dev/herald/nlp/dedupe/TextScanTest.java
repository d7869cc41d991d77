package dev.herald.nlp.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextScanTest {

  private static final TextScan.FigureWords FIGURE_WORDS = NearDupFingerprinter.FIGURE_WORDS;

  private static final List<String> TEXTS =
      List.of(
          "",
          "word",
          NearDupFingerprinterTest.BODY,
          "Der 3. Oktober 2024 war ein Montag. Die Börse stieg um 1,5 Prozent auf 15.300 Punkte.\n\n"
              + "  Am Dienstag fiel sie. ÉTÉ à Paris! 𝔘𝔫𝔦 words and 1/16 and six of them.\n"
              + "wrapped line. lower case after a stop keeps the sentence",
          "Shares rose 1,465,153 on Monday, March 3, and six analysts said ninety days.\n"
              + "NEW PARAGRAPH?\n\n\nYes. sept 9 and Sep 10.");

  @Test
  void shouldFindTheSameShinglesAsTheWordListReference() {
    for (String text : TEXTS) {
      // Given
      List<List<String>> sentences = NearDupFingerprinter.sentences(text);

      // When
      TextScan scan = TextScan.scan(text, FIGURE_WORDS);

      // Then
      assertThat(scan.distinctShingles(5))
          .as(text)
          .containsExactly(NearDupFingerprinter.distinctShingles(sentences, 5));
      assertThat(scan.distinctShingles(2))
          .as(text)
          .containsExactly(NearDupFingerprinter.distinctShingles(sentences, 2));
      assertThat(scan.tokenHashes())
          .containsExactly(
              NearDupFingerprinter.flatten(sentences).stream()
                  .mapToLong(NearDupFingerprinter::hash64)
                  .toArray());
    }
  }

  @Test
  void shouldFindTheSameFiguresAsTheWordListReference() {
    for (String text : TEXTS) {
      // Given
      List<String> words = NearDupFingerprinter.flatten(NearDupFingerprinter.sentences(text));

      // When
      List<String> figures =
          NearDupFingerprinter.figures(TextScan.scan(text, FIGURE_WORDS).figureWords());

      // Then
      assertThat(figures).as(text).isEqualTo(NearDupFingerprinter.figures(words));
    }
  }

  @Test
  void shouldGiveTheSameExactHashWhenOnlyCaseSpacingAndPunctuationDiffer() {
    // Given
    String a = NearDupFingerprinterTest.BODY;
    String b = a.toUpperCase(java.util.Locale.ROOT).replace(" ", "  \n").replace(",", " ;");

    // When
    long ha = TextScan.scan(a, FIGURE_WORDS).exactHash(200);
    long hb = TextScan.scan(b, FIGURE_WORDS).exactHash(200);

    // Then
    assertThat(ha).isNotZero().isEqualTo(hb);
    assertThat(TextScan.scan(a.replace("harbour", "harbor"), FIGURE_WORDS).exactHash(200))
        .isNotEqualTo(ha);
    assertThat(TextScan.scan("short text", FIGURE_WORDS).exactHash(200)).isZero();
  }
}
