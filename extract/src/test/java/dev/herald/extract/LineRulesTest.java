package dev.herald.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineRulesTest {

  @Test
  void shouldMakeGroupsNonCapturingButLeaveEscapesClassesAndSpecialGroupsAlone() {
    // Given / When
    String converted = LineRules.nonCapturing("(a|b)\\(c\\)[(]x(?:y)(?-i:Z)(?=q)");

    // Then
    assertThat(converted).isEqualTo("(?:a|b)\\(c\\)[(]x(?:y)(?-i:Z)(?=q)");
  }

  @Test
  void shouldMatchWholeParagraphsOrFindContainedPhrases() {
    // Given
    LineRules rules =
        LineRules.of(
            List.of("advert(isement)?", "contains: \\bnewsletters?\\b.*\\bsign up\\b"), "[.!]*");

    // When / Then
    assertThat(rules.test("Advertisement")).isTrue();
    assertThat(rules.test("Advertisement!")).isTrue();
    assertThat(rules.test("The advertisement ran twice")).isFalse();
    assertThat(rules.test("Our newsletter: sign up today")).isTrue();
  }
}
