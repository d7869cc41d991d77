package dev.herald.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

  @Test
  void shouldStripTagsAndDecodeEntitiesInTitles() {
    // Given
    String title = "Bridge <b>reopens</b> after &quot;repairs&quot; &amp; more";

    // When
    String line = HtmlText.toLine(title);

    // Then
    assertThat(line).isEqualTo("Bridge reopens after \"repairs\" & more");
  }

  @Test
  void shouldDecodeDoubleEscapedMarkupInTitles() {
    // Given markup escaped twice, as some feeds publish it
    String title = "Council &lt;i&gt;approves&lt;/i&gt; budget";

    // When
    String line = HtmlText.toLine(title);

    // Then
    assertThat(line).isEqualTo("Council approves budget");
  }

  @Test
  void shouldKeepLessThanSignsThatAreNotTags() {
    // Given / When / Then
    assertThat(HtmlText.toLine("Inflation < 2% for the year"))
        .isEqualTo("Inflation < 2% for the year");
  }

  @Test
  void shouldReturnNullForBlankTitles() {
    // Given / When / Then
    assertThat(HtmlText.toLine("  <span> </span> ")).isNull();
    assertThat(HtmlText.toLine(null)).isNull();
  }

  @Test
  void shouldTurnBlockElementsIntoParagraphsSeparatedByBlankLines() {
    // Given
    String html =
        "<div><h2>Headline</h2><p>First  paragraph\n spans lines.</p><ul><li>one</li><li>two</li>"
            + "</ul><blockquote>Quoted.</blockquote></div>";

    // When
    String text = HtmlText.toParagraphs(html);

    // Then
    assertThat(text).isEqualTo("Headline\n\nFirst paragraph spans lines.\n\none\n\ntwo\n\nQuoted.");
  }

  @Test
  void shouldDropScriptsStylesAndEmbeddedObjects() {
    // Given
    String html =
        "<p>Visible<script>alert('x')</script></p><style>p{color:red}</style>"
            + "<iframe src=\"https://ads.example/\">frame text</iframe><noscript>nojs</noscript>"
            + "<p>Also visible</p>";

    // When
    String text = HtmlText.toParagraphs(html);

    // Then
    assertThat(text).isEqualTo("Visible\n\nAlso visible");
  }

  @Test
  void shouldKeepALineBreakInsideAParagraphAndSplitOnDoubleBreaks() {
    // Given
    String html = "Line one<br>line two<br><br>Next paragraph";

    // When
    String text = HtmlText.toParagraphs(html);

    // Then
    assertThat(text).isEqualTo("Line one\nline two\n\nNext paragraph");
  }

  @Test
  void shouldKeepTheBlankLineParagraphsOfPlainText() {
    // Given
    String plain = "  Stalls will open at 8 am.\n\n\n   Parking is free &amp; easy.  ";

    // When
    String text = HtmlText.toParagraphs(plain);

    // Then
    assertThat(text).isEqualTo("Stalls will open at 8 am.\n\nParking is free & easy.");
  }

  @Test
  void shouldDecodeNamedAndNumericEntities() {
    // Given / When / Then
    assertThat(HtmlText.toParagraphs("<p>caf&eacute; &#8211; cr&#xEA;pes&nbsp;&hellip;</p>"))
        .isEqualTo("café – crêpes …");
  }

  @Test
  void shouldReturnEmptyTextForNullOrBlank() {
    // Given / When / Then
    assertThat(HtmlText.toParagraphs(null)).isEmpty();
    assertThat(HtmlText.toParagraphs("<p> </p>")).isEmpty();
  }
}
