package dev.herald.nlp.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentFingerprintTest {

  private static final String BODY =
      "The ministers met in Geneva on Tuesday to discuss the next round of talks. "
          + "Officials said the meeting, first planned for March, would now be held in April. "
          + "Delegations from twelve countries are expected to attend the two-day session.";

  private final ContentFingerprint fingerprint = new ContentFingerprint(100);

  @Test
  void shouldGiveTheSameFingerprintWhenOnlyCaseSpacingAndPunctuationDiffer() {
    // Given
    String republished = BODY.toUpperCase().replace(" ", "  \n").replace(",", " ;");

    // When / Then
    assertThat(fingerprint.of(republished)).isPresent().isEqualTo(fingerprint.of(BODY));
  }

  @Test
  void shouldGiveDifferentFingerprintsWhenOneWordDiffers() {
    // Given
    String other = BODY.replace("April", "May");

    // When / Then
    assertThat(fingerprint.of(other)).isNotEqualTo(fingerprint.of(BODY));
  }

  @Test
  void shouldGiveNoFingerprintForShortOrEmptyText() {
    // Given / When / Then
    assertThat(fingerprint.of("Talks postponed.")).isEmpty();
    assertThat(fingerprint.of("")).isEmpty();
    assertThat(fingerprint.of(null)).isEmpty();
    assertThat(fingerprint.of("!!! ... ??? ".repeat(100))).isEmpty();
  }
}
