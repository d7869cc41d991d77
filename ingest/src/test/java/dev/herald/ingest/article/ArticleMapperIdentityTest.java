package dev.herald.ingest.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.avro.RawArticle;
import dev.herald.ingest.fetch.FetchSettings;
import dev.herald.ingest.parse.FeedParser;
import dev.herald.ingest.parse.ParsedFeed;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ids when GUIDs or links are missing or shared, relative links, titles Rome mangles. */
class ArticleMapperIdentityTest {

  private static final Instant FETCHED = Instant.parse("2021-03-05T00:00:00Z");
  private static final String FEED = "https://news.example.org/feeds/main.xml";
  private final FeedParser parser = new FeedParser(FetchSettings.DEFAULT_MAX_BYTES);
  private final ArticleMapper mapper = new ArticleMapper();

  private List<RawArticle> map(String feedUrl, String items) {
    String xml = "<rss version=\"2.0\"><channel><title>T</title>" + items + "</channel></rss>";
    ParsedFeed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_8), null).feed();
    return mapper.mapAll(feedUrl, feed, FETCHED, 100);
  }

  @Test
  void shouldKeepItemsApartThatShareALinkToTheHomePage() {
    // Given two different items both linked to the site root
    String items =
        "<item><title>First</title><link>https://news.example.org/</link><guid>a</guid></item>"
            + "<item><title>Second</title><link>https://news.example.org/</link><guid>b</guid>"
            + "</item>";

    // When
    List<RawArticle> articles = map(FEED, items);

    // Then: the shared link does not identify them; their own GUIDs do
    assertThat(articles).hasSize(2);
    assertThat(articles.get(0).getId())
        .isEqualTo(ArticleIds.articleId(FEED, null, "a", null, null))
        .isNotEqualTo(articles.get(1).getId());
  }

  @Test
  void shouldKeepItemsApartThatShareAGuidAndHaveNoLink() {
    // Given a feed that repeats one GUID
    String items =
        "<item><title>One</title><guid isPermaLink=\"false\">same</guid></item>"
            + "<item><title>Two</title><guid isPermaLink=\"false\">same</guid></item>";

    // When
    List<RawArticle> articles = map(FEED, items);

    // Then
    assertThat(articles).extracting(RawArticle::getId).doesNotHaveDuplicates().hasSize(2);
  }

  @Test
  void shouldGiveTheSameIdToAnItemListedTwice() {
    // Given the very same item twice
    String item = "<item><title>Twice</title><link>https://news.example.org/a</link></item>";

    // When
    List<RawArticle> articles = map(FEED, item + item);

    // Then
    assertThat(articles.get(0).getId()).isEqualTo(articles.get(1).getId());
  }

  @Test
  void shouldGiveAStableIdToAnItemWithNeitherLinkNorGuid() {
    // Given
    String item =
        "<item><title>Notice</title><pubDate>Tue, 14 Nov 2017 09:00:00 +0300</pubDate>" + "</item>";

    // When
    String first = map(FEED, item).get(0).getId();
    String again = map(FEED, item).get(0).getId();

    // Then
    assertThat(first)
        .isEqualTo(again)
        .isEqualTo(
            ArticleIds.articleId(
                FEED, null, null, "Notice", Instant.parse("2017-11-14T06:00:00Z")));
  }

  @Test
  void shouldNotTakeTheLinkForTheGuidWhenTheItemHasNone() {
    // Given
    String item = "<item><title>A</title><link>https://news.example.org/a</link></item>";

    // When / Then
    assertThat(map(FEED, item).get(0).getGuid()).isNull();
  }

  @Test
  void shouldResolveRelativeLinksAgainstXmlBaseThenTheDocumentUrl() {
    // Given one item with an xml:base, one without
    String items =
        "<item xml:base=\"https://cdn.example.net/story/\"><title>A</title><link>42</link></item>"
            + "<item><title>B</title><link>43.html</link></item>"
            + "<item><title>C</title><link>/top/44</link></item>";

    // When
    List<RawArticle> articles = map(FEED, items);

    // Then
    assertThat(articles)
        .extracting(RawArticle::getUrl)
        .containsExactly(
            "https://cdn.example.net/story/42",
            "https://news.example.org/feeds/43.html",
            "https://news.example.org/top/44");
  }

  @Test
  void shouldResolveRelativeLinksOfALocalFileAgainstTheFeedsSelfLink() {
    // Given a feed read from disk that names its web address
    String xml =
        "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel><title>T</title>"
            + "<atom:link rel=\"self\" href=\"https://w.example/blog/rss.xml\"/>"
            + "<item><title>A</title><link>/blog/a</link></item></channel></rss>";
    ParsedFeed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_8), null).feed();

    // When
    RawArticle a = mapper.mapAll("file:///tmp/rss.xml", feed, FETCHED, 10).get(0);

    // Then
    assertThat(a.getUrl()).isEqualTo("https://w.example/blog/a");
  }

  @Test
  void shouldStripHtmlFromTitlesWhetherEscapedOrNaked() {
    // Given
    String items =
        "<item><title>&lt;b&gt;Escaped&lt;/b&gt; &amp;amp; more</title><guid>1</guid></item>"
            + "<item><title><b>Naked</b> markup</title><guid>2</guid></item>"
            + "<item><title><![CDATA[<i>CDATA</i> title]]></title><guid>3</guid></item>";

    // When
    List<RawArticle> articles = map(FEED, items);

    // Then
    assertThat(articles)
        .extracting(RawArticle::getTitle)
        .containsExactly("Escaped & more", "Naked markup", "CDATA title");
  }

  @Test
  void shouldKeepTheOffsetAndReadDatesInOtherLanguages() {
    // Given
    String item =
        "<item><title>A</title><guid>1</guid>"
            + "<pubDate>ter, 14 nov 2017 09:00:00 -0200</pubDate></item>";

    // When
    RawArticle a = map(FEED, item).get(0);

    // Then
    assertThat(a.getPublishedAt()).isEqualTo(Instant.parse("2017-11-14T11:00:00Z"));
    assertThat(a.getPublishedOffset()).isEqualTo("-02:00");
  }

  @Test
  void shouldMapOnlyTheEntriesNotKnownYetButReportEveryId() {
    // Given a feed of three items, the first two published before
    String xml =
        "<rss version=\"2.0\"><channel><title>T</title>"
            + "<item><title>A</title><link>https://n.example/a</link><description>old</description>"
            + "<pubDate>Tue, 14 Nov 2017 09:00:00 +0300</pubDate></item>"
            + "<item><title>B</title><link>https://n.example/b</link></item>"
            + "<item><title>C</title><link>https://n.example/c</link><description>new</description>"
            + "</item></channel></rss>";
    ParsedFeed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_8), null).feed();
    List<RawArticle> all = mapper.mapAll(FEED, feed, FETCHED, 10);
    java.util.Set<String> known = java.util.Set.of(all.get(0).getId(), all.get(1).getId());

    // When
    ArticleMapper.Mapped mapped = mapper.mapNew(FEED, feed, FETCHED, 10, known);

    // Then
    assertThat(mapped.ids())
        .containsExactlyElementsOf(all.stream().map(RawArticle::getId).toList());
    assertThat(mapped.fresh()).containsExactly(all.get(2));
    assertThat(mapped.dates()).containsExactly(Instant.parse("2017-11-14T06:00:00Z"));
  }
}
