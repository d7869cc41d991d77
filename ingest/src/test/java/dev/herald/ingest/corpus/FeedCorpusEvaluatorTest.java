package dev.herald.ingest.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedCorpusEvaluatorTest {

  @Test
  void shouldReadTheSimpleEqualitiesOfAFeedparserExpectation() {
    // Given
    String expect =
        "not bozo and entries[0]['title'] == u'Caf\\xe9 and bar' and feed.title == \"T\""
            + " and entries[1]['updated_parsed'] == (2004, 1, 1, 19, 48, 21, 3, 1, 0)"
            + " and ord(entries[0]['description']) == 8230";

    // When
    List<Check> checks = FeedparserExpect.checks(expect);

    // Then
    assertThat(checks)
        .containsExactly(
            new Check(Field.ITEM_TITLE, 0, "Café and bar"),
            new Check(Field.FEED_TITLE, -1, "T"),
            new Check(Field.DATE, 1, Instant.parse("2004-01-01T19:48:21Z")));
  }

  @Test
  void shouldNotTakeALicenceLinkForTheEntryLink() {
    // Given
    String expect =
        "entries[0]['links'][0]['rel'] == 'license' and entries[0]['links'][0]['href'] == 'x'";

    // When / Then
    assertThat(FeedparserExpect.checks(expect)).isEmpty();
  }

  @Test
  void shouldCompareTitlesAsPlainTextAndLinksByResolution() {
    // Given / When / Then
    assertThat(FeedCorpusEvaluator.textMatches("<b>Bold</b>  move", "Bold move")).isTrue();
    assertThat(FeedCorpusEvaluator.textMatches("&lt;p&gt;Title&lt;/p&gt;", "<p>Title</p>"))
        .isTrue();
    assertThat(FeedCorpusEvaluator.textMatches("<img src=\"x.png\" />", null)).isTrue();
    assertThat(FeedCorpusEvaluator.textMatches("Other", "Title")).isFalse();
    assertThat(FeedCorpusEvaluator.linkMatches("/blog/a", "https://x.example/blog/a")).isTrue();
    assertThat(FeedCorpusEvaluator.linkMatches("http://X.example/a#c", "http://x.example/a"))
        .isTrue();
    assertThat(FeedCorpusEvaluator.linkMatches("/blog/b", "https://x.example/blog/a")).isFalse();
  }
}
