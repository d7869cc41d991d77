package dev.herald.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BadInputTest {

  private static final String ARTICLE =
      "<p>Le café du port rouvrira en mars après des travaux de rénovation qui ont duré près d'un"
          + " an, a annoncé la mairie lundi. Les habitants attendaient cette réouverture depuis"
          + " longtemps.</p><p>La terrasse sera agrandie et le menu restera le même, selon le"
          + " nouveau gérant, qui a repris l'établissement à l'automne dernier.</p>";

  private final ArticleExtractor extractor = ArticleExtractor.standard();

  @Test
  void shouldExtractFromMalformedMarkup() {
    // Given unclosed and misnested tags around the article
    String html =
        "<html><body><div><b><i>" + ARTICLE + "</b></i><table><td>x<div></span></p></body>";

    // When
    Extraction x = extractor.extract(html.getBytes(StandardCharsets.UTF_8), null, null);

    // Then
    assertThat(x.ok()).isTrue();
    assertThat(x.body()).contains("Le café du port rouvrira en mars");
  }

  @Test
  void shouldSurviveRandomTagSoup() {
    // Given 200 KB of random fragments of markup
    Random random = new Random(42);
    String[] parts = {
      "<div>",
      "</div>",
      "<p>",
      "</p>",
      "<table>",
      "<td>",
      "<a href='x'>",
      "</a>",
      "<b>",
      "<i>",
      "</b>",
      "<!--",
      "-->",
      "<script>",
      "</script>",
      "<",
      ">",
      "&amp;",
      "&#x0;",
      "\"",
      "text ",
      "<br>",
      "<li>",
      "<select>",
      "<option>",
      "</html>",
      "<body>",
      "<svg>",
      "<math>",
      "<![CDATA["
    };
    StringBuilder b = new StringBuilder();
    while (b.length() < 200_000) {
      b.append(parts[random.nextInt(parts.length)]);
    }

    // When
    Extraction x = extractor.extract(b.toString().getBytes(StandardCharsets.UTF_8), null, null);

    // Then it completes with a result, whatever it is
    assertThat(x).isNotNull();
    assertThat(x.ok() || x.errorKind() != null).isTrue();
  }

  @Test
  void shouldRefuseA20MegabytePageAsTooLarge() {
    // Given
    byte[] page = new byte[20 * 1024 * 1024];
    Arrays.fill(page, (byte) 'a');
    System.arraycopy("<html><body><p>".getBytes(StandardCharsets.US_ASCII), 0, page, 0, 15);

    // When
    Extraction x = extractor.extract(page, null, null);

    // Then
    assertThat(x.errorKind()).isEqualTo(ErrorKind.TOO_LARGE);
    assertThat(x.error()).startsWith("TOO_LARGE: ");
  }

  @Test
  void shouldExtractALargePageJustUnderTheLimit() {
    // Given 9 MB: a long article, a 2 MB title and a 3 MB paragraph without spaces
    StringBuilder html = new StringBuilder("<html><head><title>");
    html.append("t".repeat(2_000_000)).append("</title></head><body><article>");
    for (int i = 0; html.length() < 6_000_000; i++) {
      html.append("<p>Paragraph ").append(i).append(" of a very long report on the harbour works,");
      html.append(" with enough words to read as prose for the scorer.</p>");
    }
    html.append("<p>").append("x".repeat(3_000_000)).append("</p></article></body></html>");

    // When
    Extraction x = extractor.extract(html.toString().getBytes(StandardCharsets.UTF_8), null, null);

    // Then
    assertThat(x.ok()).isTrue();
    assertThat(x.body()).startsWith("Paragraph 0 of a very long report");
  }

  @Test
  void shouldRefuseVeryDeeplyNestedMarkupBeforeParsingIt() {
    // Given 100,000 nested divs (1 MB, within the byte limit)
    String html = "<html><body>" + "<div>".repeat(100_000) + ARTICLE;

    // When
    Extraction x = extractor.extract(html.getBytes(StandardCharsets.UTF_8), null, null);

    // Then
    assertThat(x.errorKind()).isEqualTo(ErrorKind.TOO_LARGE);
    assertThat(x.error()).contains("nested");
  }

  @Test
  void shouldRefuseTooManyTags() {
    // Given 300,000 empty elements
    String html = "<html><body>" + "<br>".repeat(300_000) + ARTICLE;

    // When
    Extraction x = extractor.extract(html.getBytes(StandardCharsets.UTF_8), null, null);

    // Then
    assertThat(x.errorKind()).isEqualTo(ErrorKind.TOO_LARGE);
    assertThat(x.error()).contains("tags");
  }

  @Test
  void shouldClassifyAnImageServedAsHtmlAsNotHtml() {
    // Given PNG bytes
    byte[] png = {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };

    // When
    Extraction x = extractor.extract(png, "utf-8", null);

    // Then
    assertThat(x.errorKind()).isEqualTo(ErrorKind.NOT_HTML);
  }

  @Test
  void shouldClassifyRandomBinaryAsNotHtml() {
    // Given
    byte[] noise = new byte[50_000];
    new Random(7).nextBytes(noise);

    // When
    Extraction x = extractor.extract(noise, null, null);

    // Then
    assertThat(x.errorKind()).isEqualTo(ErrorKind.NOT_HTML);
  }

  @Test
  void shouldClassifyPlainTextWithoutMarkupAsNotHtml() {
    // Given
    byte[] text = "just some words, no markup at all".getBytes(StandardCharsets.UTF_8);

    // When
    Extraction x = extractor.extract(text, null, null);

    // Then
    assertThat(x.errorKind()).isEqualTo(ErrorKind.NOT_HTML);
  }

  @Test
  void shouldClassifyEmptyAndBlankInputAsEmpty() {
    // Given / When
    Extraction none = extractor.extract(new byte[0], null, null);
    Extraction nothing = extractor.extract(null, null, null);
    Extraction blank = extractor.extract(" \n\t ".getBytes(StandardCharsets.US_ASCII), null, null);
    Extraction noText =
        extractor.extract(
            "<html><body><div></div></body></html>".getBytes(StandardCharsets.US_ASCII),
            null,
            null);

    // Then
    assertThat(none.errorKind()).isEqualTo(ErrorKind.EMPTY);
    assertThat(nothing.errorKind()).isEqualTo(ErrorKind.EMPTY);
    assertThat(blank.errorKind()).isEqualTo(ErrorKind.EMPTY);
    assertThat(noText.errorKind()).isEqualTo(ErrorKind.EMPTY);
  }

  @Test
  void shouldDecodeWindows1252BytesThatThePageLabelsUtf8() {
    // Given a page that declares UTF-8 but was saved in windows-1252
    byte[] page =
        ("<html><head><meta charset=\"utf-8\"></head><body>" + ARTICLE + "</body></html>")
            .getBytes(Charset.forName("windows-1252"));

    // When
    Extraction x = extractor.extract(page, null, null);

    // Then
    assertThat(x.body()).contains("Le café du port").contains("rénovation");
  }

  @Test
  void shouldDecodeUtf8BytesThatTheServerLabelsLatin1() {
    // Given
    byte[] page = ("<html><body>" + ARTICLE + "</body></html>").getBytes(StandardCharsets.UTF_8);

    // When
    Extraction x = extractor.extract(page, "ISO-8859-1", null);

    // Then
    assertThat(x.body()).contains("Le café du port");
  }

  @Test
  void shouldDecodeWithoutAnyCharsetDeclaration() {
    // Given the same page in two encodings, neither declared
    String html = "<html><body>" + ARTICLE + "</body></html>";
    byte[] utf8 = html.getBytes(StandardCharsets.UTF_8);
    byte[] latin = html.getBytes(Charset.forName("windows-1252"));

    // When
    Extraction fromUtf8 = extractor.extract(utf8, null, null);
    Extraction fromLatin = extractor.extract(latin, null, null);

    // Then
    assertThat(fromUtf8.body()).contains("Le café du port");
    assertThat(fromLatin.body()).contains("Le café du port");
  }

  @Test
  void shouldHonourTheDeclaredCharsetOfANonLatinPage() {
    // Given a Cyrillic page in windows-1251 that says so
    String html =
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
            + "</head><body><article><p>Городская библиотека откроется после ремонта в октябре, а"
            + " не летом, как планировалось раньше, сообщила администрация города.</p><p>До"
            + " переезда старое здание будет работать как обычно, а по субботам даже дольше.</p>"
            + "</article></body></html>";
    byte[] page = html.getBytes(Charset.forName("windows-1251"));

    // When
    Extraction x = extractor.extract(page, null, null);

    // Then
    assertThat(x.body()).startsWith("Городская библиотека откроется");
    assertThat(x.lang()).isEqualTo("ru");
  }

  @Test
  void shouldReadUtf16WithAByteOrderMarkAndIgnoreAnUnknownCharsetHint() {
    // Given
    byte[] body = ("<html><body>" + ARTICLE + "</body></html>").getBytes(StandardCharsets.UTF_16LE);
    byte[] page = new byte[body.length + 2];
    page[0] = (byte) 0xFF;
    page[1] = (byte) 0xFE;
    System.arraycopy(body, 0, page, 2, body.length);

    // When
    Extraction x = extractor.extract(page, "x-no-such-charset", null);

    // Then
    assertThat(x.body()).contains("Le café du port");
  }
}
