package dev.herald.nlp.dedupe;

import static dev.herald.nlp.dedupe.NearDupFingerprinterTest.BODY;
import static dev.herald.nlp.dedupe.NearDupFingerprinterTest.PARAGRAPHS;
import static dev.herald.nlp.dedupe.NearDupFingerprinterTest.TITLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DedupeIndexTest {

  private static final Instant T0 = Instant.parse("2017-11-14T08:00:00Z");

  private final DedupeIndex index =
      new DedupeIndex(new NearDupFingerprinter(), Duration.ofDays(7), 64);

  @Test
  void shouldLinkExactAndNearCopiesToTheFirstArticle() {
    // Given
    index.offer("a", T0, TITLE, BODY);

    // When
    DedupeIndex.Decision exact = index.offer("b", T0.plusSeconds(60), "Other title", BODY);
    DedupeIndex.Decision near =
        index.offer(
            "c",
            T0.plusSeconds(120),
            TITLE,
            "LONDON (AFP) - " + String.join("\n\n", PARAGRAPHS.subList(0, 4)));

    // Then
    assertThat(exact.duplicateOf()).isEqualTo("a");
    assertThat(exact.kind()).isEqualTo(DedupeIndex.Kind.EXACT);
    assertThat(near.duplicateOf()).isEqualTo("a");
    assertThat(near.kind()).isEqualTo(DedupeIndex.Kind.NEAR);
  }

  @Test
  void shouldPointACopyOfACopyAtTheCanonicalArticle() {
    // Given: b is a copy of a with an extra footer; c is b trimmed
    index.offer("a", T0, TITLE, BODY);
    String b = BODY + "\n\nCopyright 2017 The Courier. All rights reserved.";
    index.offer("b", T0.plusSeconds(60), TITLE, b);

    // When
    DedupeIndex.Decision c =
        index.offer("c", T0.plusSeconds(90), TITLE, String.join("\n\n", PARAGRAPHS.subList(0, 3)));

    // Then
    assertThat(c.duplicateOf()).isEqualTo("a");
  }

  @Test
  void shouldEvictByPublishedTimeBeyondRetention() {
    // Given
    index.offer("a", T0, TITLE, BODY);

    // When: eight days later by the articles' own clock
    DedupeIndex.Decision late = index.offer("b", T0.plus(Duration.ofDays(8)), TITLE, BODY);

    // Then
    assertThat(late.duplicateOf()).isNull();
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void shouldKeepArticlesInsideTheRetentionWindow() {
    // Given
    index.offer("a", T0, TITLE, BODY);

    // When
    DedupeIndex.Decision copy = index.offer("b", T0.plus(Duration.ofDays(6)), TITLE, BODY);

    // Then
    assertThat(copy.duplicateOf()).isEqualTo("a");
  }

  @Test
  void shouldKeepMemoryConstantBeyondTheRetentionWindow() {
    // Given: one distinct article an hour for 60 days, with a 2-day window
    DedupeIndex small = new DedupeIndex(new NearDupFingerprinter(), Duration.ofDays(2), 64);
    int maxRetained = 0;
    int maxKeys = 0;

    // When
    for (int h = 0; h < 24 * 60; h++) {
      String text =
          "Report number " + h + " says " + BODY.replace("Port Alder", "Port " + h) + " ref " + h;
      small.offer("id" + h, T0.plus(Duration.ofHours(h)), TITLE + " " + h, text);
      if (h > 24 * 3) {
        maxRetained = Math.max(maxRetained, small.size());
        maxKeys = Math.max(maxKeys, small.keyCount());
      }
    }

    // Then
    assertThat(maxRetained).isLessThanOrEqualTo(49);
    assertThat(maxKeys).isLessThanOrEqualTo(49 * 33);
  }

  @Test
  void shouldNotMergeEmptyTexts() {
    // Given
    index.offer("a", T0, "", "");

    // When
    DedupeIndex.Decision b = index.offer("b", T0.plusSeconds(1), "", "");
    DedupeIndex.Decision c = index.offer("c", T0.plusSeconds(2), "Word", "Word");

    // Then
    assertThat(b.duplicateOf()).isNull();
    assertThat(c.duplicateOf()).isNull();
  }

  @Test
  void shouldRepeatTheFirstDecisionForARepeatedId() {
    // Given
    index.offer("a", T0, TITLE, BODY);
    index.offer("b", T0.plusSeconds(1), TITLE, BODY);

    // When
    DedupeIndex.Decision again = index.offer("b", T0.plusSeconds(2), TITLE, BODY);

    // Then
    assertThat(again.kind()).isEqualTo(DedupeIndex.Kind.REPEAT);
    assertThat(again.duplicateOf()).isEqualTo("a");
  }
}
