package dev.herald.extract.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ShingleScoreTest {

  @Test
  void shouldScoreAnExactExtractionAsPerfect() {
    // Given / When
    ShingleScore s = ShingleScore.of("one two three four five", "one, two; three four five!");

    // Then punctuation and paragraph breaks do not matter, only \w+ tokens
    assertThat(s.precision()).isEqualTo(1.0);
    assertThat(s.recall()).isEqualTo(1.0);
  }

  @Test
  void shouldCountShinglesWithMultiplicityAndNormalisePerPage() {
    // Given truth with 3 shingles; extraction with 2 of them plus 2 foreign ones
    String truth = "a b c d e f";
    String extracted = "b c d e f x y";

    // When
    ShingleScore s = ShingleScore.of(truth, extracted);

    // Then tp=2 ("b c d e", "c d e f"), fp=2, fn=1, divided by 5
    assertThat(s.tp()).isCloseTo(0.4, within(1e-9));
    assertThat(s.fp()).isCloseTo(0.4, within(1e-9));
    assertThat(s.fn()).isCloseTo(0.2, within(1e-9));
    assertThat(s.precision()).isCloseTo(0.5, within(1e-9));
    assertThat(s.recall()).isCloseTo(2.0 / 3, within(1e-9));
  }

  @Test
  void shouldTreatAnEmptyExtractionAsNoPrecisionEvidenceAndZeroRecall() {
    // Given / When
    ShingleScore s = ShingleScore.of("one two three four five", "");

    // Then
    assertThat(s.tp() + s.fp()).isZero();
    assertThat(s.recall()).isZero();
  }

  @Test
  void shouldTreatTextsShorterThanFourTokensAsOneShingle() {
    // Given / When
    ShingleScore same = ShingleScore.of("two words", "two words");
    ShingleScore other = ShingleScore.of("two words", "other words");

    // Then
    assertThat(same.precision()).isEqualTo(1.0);
    assertThat(other.precision()).isZero();
  }
}
