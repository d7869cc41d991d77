package dev.herald.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.SyndFeedInput;
import dev.herald.ingest.FailureKind;
import dev.herald.ingest.fetch.FetchSettings;
import dev.herald.ingest.testutil.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FeedParserTest {

  private final FeedParser parser = new FeedParser(FetchSettings.DEFAULT_MAX_BYTES);

  @Test
  void shouldParseRss20WithItsEntriesAndRawDates() {
    // Given
    byte[] body = Fixtures.bytes("rss2.xml");

    // When
    ParseResult result = parser.parse(body, "application/rss+xml; charset=utf-8");

    // Then
    assertThat(result.isOk()).isTrue();
    assertThat(result.feed().feedType()).isEqualTo("rss_2.0");
    assertThat(result.feed().entries()).hasSize(3);
    assertThat(result.feed().rawDate(0)).isEqualTo("Tue, 02 Mar 2021 09:15:00 +0300");
    assertThat(result.feed().rawDate(2)).isEqualTo("2021-03-04T07:30:00-05:00");
  }

  @Test
  void shouldParseRss10() {
    // Given
    byte[] body = Fixtures.bytes("rss1.xml");

    // When
    ParseResult result = parser.parse(body, null);

    // Then
    assertThat(result.isOk()).isTrue();
    assertThat(result.feed().feedType()).isEqualTo("rss_1.0");
    assertThat(result.feed().entries())
        .extracting(SyndEntry::getTitle)
        .containsExactly("First wire item", "Second wire item");
    assertThat(result.feed().rawDate(0)).isEqualTo("2020-06-01T10:00:00+02:00");
  }

  @Test
  void shouldParseRss091WithAnExternalDoctypeAndHtmlEntities() {
    // Given a Netscape DOCTYPE (no internal subset) and &eacute; declared only by that DTD
    byte[] body = Fixtures.bytes("rss091.xml");

    // When
    ParseResult result = parser.parse(body, null);

    // Then
    assertThat(result.failure()).isNull();
    assertThat(result.feed().feedType()).isEqualTo("rss_0.91N");
    assertThat(result.feed().entries().get(0).getTitle()).isEqualTo("Café opens in the square");
  }

  @Test
  void shouldParseAtom() {
    // Given
    byte[] body = Fixtures.bytes("atom.xml");

    // When
    ParseResult result = parser.parse(body, "application/atom+xml");

    // Then
    assertThat(result.isOk()).isTrue();
    assertThat(result.feed().feedType()).isEqualTo("atom_1.0");
    assertThat(result.feed().entries()).hasSize(2);
    assertThat(result.feed().rawDate(0)).isEqualTo("2022-01-10T08:00:00+01:00");
    assertThat(result.feed().rawDate(1)).isEqualTo("2022-01-11T10:00:00Z");
  }

  @Test
  void shouldKeepRomeDoctypesDisallowedByDefault() {
    // Given / When / Then: the default this parser relies on for documents with a DOCTYPE subset
    assertThat(new SyndFeedInput().isAllowDoctypes()).isFalse();
  }

  @Test
  void shouldRefuseBillionLaughsWithoutExpandingIt() {
    // Given
    byte[] body = Fixtures.bytes("billion-laughs.xml");

    // When
    ParseResult result = parser.parse(body, null);

    // Then
    assertThat(result.isOk()).isFalse();
    assertThat(result.failure().kind()).isEqualTo(FailureKind.DOCTYPE_REFUSED);
  }

  @Test
  void shouldRefuseExternalEntitiesThatReadLocalFiles() {
    // Given
    byte[] body = Fixtures.bytes("xxe.xml");

    // When
    ParseResult result = parser.parse(body, null);

    // Then
    assertThat(result.failure().kind()).isEqualTo(FailureKind.DOCTYPE_REFUSED);
  }

  @Test
  void shouldClassifyAnHtmlPageAsNotXml() {
    // Given
    byte[] body = Fixtures.bytes("not-a-feed.html");

    // When
    ParseResult result = parser.parse(body, "text/html");

    // Then
    assertThat(result.failure().kind()).isEqualTo(FailureKind.NOT_XML);
    assertThat(result.failure().message()).contains("HTML");
  }

  @Test
  void shouldClassifyPlainTextAndEmptyBodiesAsNotXmlAndOtherJsonAsUnsupported() {
    // Given / When / Then
    assertThat(parser.parse("hello, world".getBytes(StandardCharsets.UTF_8), null).failure().kind())
        .isEqualTo(FailureKind.NOT_XML);
    assertThat(parser.parse("{\"a\": 1}".getBytes(StandardCharsets.UTF_8), null).failure().kind())
        .isEqualTo(FailureKind.UNSUPPORTED_FORMAT);
    assertThat(parser.parse("{\"a\": ".getBytes(StandardCharsets.UTF_8), null).failure().kind())
        .isEqualTo(FailureKind.MALFORMED_JSON);
    assertThat(parser.parse(new byte[0], null).failure().kind()).isEqualTo(FailureKind.NOT_XML);
    assertThat(parser.parse("  \n ".getBytes(StandardCharsets.UTF_8), null).failure().kind())
        .isEqualTo(FailureKind.NOT_XML);
    assertThat(
            parser
                .parse(
                    "<?xml version=\"1.0\"?>\n<!-- <rss> -->\n".getBytes(StandardCharsets.UTF_8),
                    null)
                .failure()
                .describe())
        .isEqualTo("NOT_XML: no root element");
  }

  @Test
  void shouldClassifyATruncatedFeed() {
    // Given the first half of a valid feed
    byte[] full = Fixtures.bytes("rss2.xml");
    byte[] half = Arrays.copyOf(full, full.length / 2);

    // When
    ParseResult result = parser.parse(half, null);

    // Then
    assertThat(result.failure().kind()).isEqualTo(FailureKind.TRUNCATED);
    assertThat(result.failure().message()).startsWith("line ");
  }

  @Test
  void shouldClassifyMalformedXmlThatEvenALenientReadCannotRepair() {
    // Given two root elements
    byte[] body =
        "<rss version=\"2.0\"><channel><title>a</title></channel></rss><rss/>"
            .getBytes(StandardCharsets.UTF_8);

    // When
    ParseResult result = parser.parse(body, null);

    // Then
    assertThat(result.failure().kind()).isEqualTo(FailureKind.MALFORMED_XML);
  }

  @Test
  void shouldClassifyXmlThatIsNoFeedAsUnsupported() {
    // Given
    byte[] body = Fixtures.bytes("opml-root.xml");

    // When
    ParseResult result = parser.parse(body, null);

    // Then
    assertThat(result.failure().kind()).isEqualTo(FailureKind.UNSUPPORTED_FORMAT);
    assertThat(result.failure().message()).contains("<opml>");
  }

  @Test
  void shouldRefuseADocumentOverTheSizeCapWithoutParsingIt() {
    // Given a body one byte over the 10 MB default
    byte[] huge = new byte[(int) FetchSettings.DEFAULT_MAX_BYTES + 1];
    Arrays.fill(huge, (byte) ' ');

    // When
    ParseResult result = parser.parse(huge, null);

    // Then
    assertThat(result.failure().kind()).isEqualTo(FailureKind.TOO_LARGE);
  }

  @Test
  void shouldClassifyDeeplyNestedXmlWithoutThrowing() {
    // Given 200,000 nested elements inside an item
    StringBuilder sb = new StringBuilder("<rss version=\"2.0\"><channel><title>t</title><item>");
    sb.append("<a>".repeat(200_000)).append("</a>".repeat(200_000));
    sb.append("</item></channel></rss>");

    // When
    ParseResult result = parser.parse(sb.toString().getBytes(StandardCharsets.UTF_8), null);

    // Then: refused before JDOM's depth-squared insertion cost explodes
    assertThat(result.failure().kind()).isEqualTo(FailureKind.MALFORMED_XML);
    assertThat(result.failure().message()).contains("nested deeper than");
  }

  @Test
  void shouldHonourTheCharsetOfTheContentTypeWhenTheDocumentHasNoDeclaration() {
    // Given a Latin-1 body without an XML declaration
    String xml =
        "<rss version=\"2.0\"><channel><title>Gr\u00fc\u00dfe</title><link>https://l.example/</link>"
            + "<description>d</description></channel></rss>";
    byte[] body = xml.getBytes(StandardCharsets.ISO_8859_1);

    // When
    ParseResult result = parser.parse(body, "text/xml; charset=ISO-8859-1");

    // Then
    assertThat(result.feed().feed().getTitle()).isEqualTo("Grüße");
  }
}
