package dev.herald.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import dev.herald.ingest.FailureKind;
import dev.herald.ingest.fetch.FetchSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** JSON Feed, repairs of ill-formed XML, polling hints and what Rome drops. */
class FeedParserBreadthTest {

  private final FeedParser parser = new FeedParser(FetchSettings.DEFAULT_MAX_BYTES);

  private ParseResult parse(String body) {
    return parser.parse(body.getBytes(StandardCharsets.UTF_8), null);
  }

  @Test
  void shouldReadAJsonFeedIntoRomesModel() {
    // Given
    String json =
        """
        {"version": "https://jsonfeed.org/version/1.1", "title": "Wire",
         "home_page_url": "https://wire.example/", "feed_url": "https://wire.example/feed.json",
         "items": [
          {"id": "w-1", "url": "https://wire.example/a", "title": "Talks move to December",
           "content_html": "<p>Delegates <b>agreed</b>.</p>",
           "date_published": "2017-11-14T09:00:00+03:00"},
          {"id": 2, "content_text": "No title here", "date_modified": "2017-11-15T10:00:00Z"},
          "not an item"
         ]}
        """;

    // When
    ParseResult result = parse(json);

    // Then
    assertThat(result.isOk()).isTrue();
    ParsedFeed feed = result.feed();
    assertThat(feed.feedType()).isEqualTo("json_1.1");
    assertThat(feed.feed().getTitle()).isEqualTo("Wire");
    assertThat(feed.entries()).hasSize(2);
    SyndEntry first = feed.entries().get(0);
    assertThat(first.getLink()).isEqualTo("https://wire.example/a");
    assertThat(first.getPublishedDate().toInstant())
        .isEqualTo(Instant.parse("2017-11-14T06:00:00Z"));
    assertThat(feed.extras(0).guid()).isEqualTo("w-1");
    assertThat(feed.extras(0).rawDate()).isEqualTo("2017-11-14T09:00:00+03:00");
    assertThat(feed.extras(1).guid()).isEqualTo("2");
    assertThat(feed.hints().selfUrl()).isEqualTo("https://wire.example/feed.json");
  }

  @Test
  void shouldClassifyBrokenAndForeignJson() {
    // Given / When / Then
    assertThat(parse("{\"items\": [").failure().kind()).isEqualTo(FailureKind.MALFORMED_JSON);
    assertThat(parse("[1, 2]").failure().kind()).isEqualTo(FailureKind.UNSUPPORTED_FORMAT);
    assertThat(parse("{\"name\": \"x\"}").failure().describe())
        .isEqualTo("UNSUPPORTED_FORMAT: JSON that is not a JSON Feed");
  }

  @Test
  void shouldRefuseJsonNestedBeyondTheCap() {
    // Given
    String deep = "{\"items\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}";

    // When
    ParseResult result = parse(deep);

    // Then
    assertThat(result.failure().kind()).isEqualTo(FailureKind.MALFORMED_JSON);
  }

  @Test
  void shouldDeclareNamespacePrefixesTheFeedForgot() {
    // Given media: and dc: used without declarations
    String rss =
        "<rss version=\"2.0\"><channel><title>T</title><item><title>A</title>"
            + "<dc:date>2017-11-14T09:00:00+03:00</dc:date>"
            + "<media:content url=\"https://x.example/a.jpg\"/></item></channel></rss>";

    // When
    ParseResult result = parse(rss);

    // Then
    assertThat(result.isOk()).isTrue();
    assertThat(result.feed().entries().get(0).getTitle()).isEqualTo("A");
    assertThat(result.feed().rawDate(0)).isEqualTo("2017-11-14T09:00:00+03:00");
  }

  @Test
  void shouldDropControlCharactersXmlForbids() {
    // Given
    String rss = "<rss version=\"2.0\"><channel><item><title>ab\bcd</title></item></channel></rss>";

    // When / Then
    assertThat(parse(rss).feed().entries().get(0).getTitle()).isEqualTo("abcd");
  }

  @Test
  void shouldCloseMismatchedTagsLikeALenientReader() {
    // Given an unclosed <br> and a stray end tag
    String rss =
        "<rss version=\"2.0\"><channel><title>T</title><item><title>A</title>"
            + "<description>one<br>two</description></item></span></channel></rss>";

    // When
    ParseResult result = parse(rss);

    // Then
    assertThat(result.isOk()).isTrue();
    assertThat(result.feed().entries()).hasSize(1);
  }

  @Test
  void shouldRecoverADocumentCutBetweenEntriesButNotInsideOne() {
    // Given
    String between =
        "<rss version=\"2.0\"><channel><item><title>A</title></item>\n</channel>\n</rs";
    String inside = "<rss version=\"2.0\"><channel><item><title>A</title><description>Half a";

    // When
    ParseResult recovered = parse(between);
    ParseResult refused = parse(inside);

    // Then
    assertThat(recovered.isOk()).isTrue();
    assertThat(recovered.feed().entries()).hasSize(1);
    assertThat(refused.failure().kind()).isEqualTo(FailureKind.TRUNCATED);
  }

  @Test
  void shouldReadAtomWithoutItsNamespaceAndABareEntryDocument() {
    // Given
    String noNamespace = "<feed><title>T</title><entry><title>A</title></entry></feed>";
    String entryDocument =
        "<entry xmlns=\"http://www.w3.org/2005/Atom\"><title>Solo</title>"
            + "<updated>2009-08-31T18:55:12Z</updated></entry>";

    // When / Then
    assertThat(parse(noNamespace).feed().entries().get(0).getTitle()).isEqualTo("A");
    assertThat(parse(entryDocument).feed().entries().get(0).getTitle()).isEqualTo("Solo");
  }

  @Test
  void shouldReadRssWithoutVersionOrChannel() {
    // Given
    String rss = "<rss><item><title>A</title></item></rss>";

    // When
    ParseResult result = parse(rss);

    // Then
    assertThat(result.feed().entries()).extracting(SyndEntry::getTitle).containsExactly("A");
  }

  @Test
  void shouldReadTheFeedsPollingHintsAndWhatRomeDrops() {
    // Given
    String rss =
        "<rss version=\"2.0\" xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\""
            + " xmlns:atom=\"http://www.w3.org/2005/Atom\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel xml:base=\"https://s.example/news/\">"
            + "<dc:title>DC title</dc:title><ttl>30</ttl>"
            + "<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>4</sy:updateFrequency>"
            + "<atom:link rel=\"self\" href=\"https://s.example/rss\"/>"
            + "<item xml:base=\"2017/\"><title><b>Bold</b> move</title><guid>g-1</guid></item>"
            + "</channel></rss>";

    // When
    ParsedFeed feed = parse(rss).feed();

    // Then
    assertThat(feed.hints().ttl()).isEqualTo(Duration.ofMinutes(30));
    assertThat(feed.hints().updatePeriod()).isEqualTo(Duration.ofMinutes(15));
    assertThat(feed.hints().selfUrl()).isEqualTo("https://s.example/rss");
    assertThat(feed.hints().altTitle()).isEqualTo("DC title");
    assertThat(feed.extras(0).guid()).isEqualTo("g-1");
    assertThat(feed.extras(0).base()).isEqualTo("https://s.example/news/2017/");
    assertThat(feed.extras(0).markupTitle()).isEqualTo("<b>Bold</b> move");
  }

  @Test
  void shouldReadCdfChannels() {
    // Given
    String cdf =
        "<CHANNEL HREF=\"http://c.example/\"><TITLE>Old channel</TITLE>"
            + "<ITEM HREF=\"http://c.example/1\" LASTMOD=\"2002-10-13T08:00\"><TITLE>One</TITLE>"
            + "</ITEM></CHANNEL>";

    // When
    ParsedFeed feed = parse(cdf).feed();

    // Then
    assertThat(feed.feed().getTitle()).isEqualTo("Old channel");
    assertThat(feed.entries().get(0).getLink()).isEqualTo("http://c.example/1");
    assertThat(feed.rawDate(0)).isEqualTo("2002-10-13T08:00");
  }
}
