package dev.herald.ingest.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.avro.RawArticle;
import dev.herald.avro.TextSource;
import dev.herald.ingest.fetch.FetchSettings;
import dev.herald.ingest.parse.FeedParser;
import dev.herald.ingest.parse.ParsedFeed;
import dev.herald.ingest.testutil.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleMapperTest {

  private static final Instant FETCHED = Instant.parse("2021-03-05T00:00:00Z");
  private final FeedParser parser = new FeedParser(FetchSettings.DEFAULT_MAX_BYTES);
  private final ArticleMapper mapper = new ArticleMapper();

  private List<RawArticle> mapAll(String fixture, String feedUrl) {
    ParsedFeed feed = parser.parse(Fixtures.bytes(fixture), null).feed();
    List<RawArticle> out = new ArrayList<>();
    for (int i = 0; i < feed.entries().size(); i++) {
      mapper.map(feedUrl, feed, i, FETCHED).ifPresent(out::add);
    }
    return out;
  }

  @Test
  void shouldMapAnRss20ItemToAPlainTextArticle() {
    // Given / When
    RawArticle a = mapAll("rss2.xml", "https://news.example.org/feed.xml").get(0);

    // Then
    assertThat(a.getFeedUrl()).isEqualTo("https://news.example.org/feed.xml");
    assertThat(a.getSource()).isEqualTo("Harbour & Hills Gazette");
    assertThat(a.getTitle()).isEqualTo("Bridge reopens after \"repairs\"");
    assertThat(a.getUrl())
        .isEqualTo(
            "https://news.example.org/2021/03/bridge-reopens?utm_source=rss&utm_medium=feed#comments");
    assertThat(a.getCanonicalUrl()).isEqualTo("https://news.example.org/2021/03/bridge-reopens");
    assertThat(a.getId()).isEqualTo(ArticleIds.fromCanonicalUrl(a.getCanonicalUrl()));
    assertThat(a.getGuid()).isEqualTo("gazette-1001");
    assertThat(a.getText())
        .isEqualTo(
            "The old stone bridge opened again on Monday morning, the council said.\n\n"
                + "Engineers had worked on it for six weeks – longer than planned.");
    assertThat(a.getTextSource()).isEqualTo(TextSource.FEED);
    assertThat(a.getLanguage()).isEqualTo("en");
    assertThat(a.getAuthor()).isEqualTo("desk@example.org (City Desk)");
    assertThat(a.getPublishedAt()).isEqualTo(Instant.parse("2021-03-02T06:15:00Z"));
    assertThat(a.getPublishedOffset()).isEqualTo("+03:00");
    assertThat(a.getFetchedAt()).isEqualTo(FETCHED);
  }

  @Test
  void shouldResolveRelativeLinksAgainstTheSiteAndKeepPlainTextParagraphs() {
    // Given / When
    RawArticle a = mapAll("rss2.xml", "https://news.example.org/feed.xml").get(1);

    // Then
    assertThat(a.getUrl()).isEqualTo("https://news.example.org/2021/03/market-day");
    assertThat(a.getText()).isEqualTo("Stalls will open at 8 am.\n\nParking is free.");
    assertThat(a.getPublishedOffset()).isEqualTo("+00:00");
  }

  @Test
  void shouldIdentifyAnItemWithoutLinkByFeedAndGuid() {
    // Given / When
    RawArticle a = mapAll("rss2.xml", "https://news.example.org/feed.xml").get(2);

    // Then
    assertThat(a.getUrl()).isNull();
    assertThat(a.getCanonicalUrl()).isNull();
    assertThat(a.getId())
        .isEqualTo(
            ArticleIds.articleId(
                "https://news.example.org/feed.xml", null, "gazette-1003", null, null));
    assertThat(a.getPublishedAt()).isEqualTo(Instant.parse("2021-03-04T12:30:00Z"));
    assertThat(a.getPublishedOffset()).isEqualTo("-05:00");
  }

  @Test
  void shouldMapAtomEntriesWithHtmlAndXhtmlContent() {
    // Given / When
    List<RawArticle> articles = mapAll("atom.xml", "https://atom.example.com/feed");

    // Then
    RawArticle first = articles.get(0);
    assertThat(first.getSource()).isEqualTo("Atom <Example> Journal");
    assertThat(first.getTitle()).isEqualTo("Council approves budget");
    assertThat(first.getText()).isEqualTo("The council approved the budget.\n\nSchools\n\nRoads");
    assertThat(first.getAuthor()).isEqualTo("Erika Muster");
    assertThat(first.getPublishedAt()).isEqualTo(Instant.parse("2022-01-10T07:00:00Z"));
    assertThat(first.getPublishedOffset()).isEqualTo("+01:00");
    RawArticle second = articles.get(1);
    assertThat(second.getGuid()).isEqualTo("tag:atom.example.com,2022:nolink");
    assertThat(second.getText()).isEqualTo("First paragraph.\n\nSecond\nline.");
    assertThat(second.getPublishedAt()).isEqualTo(Instant.parse("2022-01-11T10:00:00Z"));
  }

  @Test
  void shouldMapRss10AndRss091Items() {
    // Given / When
    List<RawArticle> rdf = mapAll("rss1.xml", "https://rdf.example.net/rss");
    List<RawArticle> old = mapAll("rss091.xml", "http://old.example.com/rss.xml");

    // Then
    assertThat(rdf)
        .extracting(RawArticle::getTitle)
        .containsExactly("First wire item", "Second wire item");
    assertThat(rdf.get(0).getPublishedOffset()).isEqualTo("+02:00");
    assertThat(old).hasSize(2);
    assertThat(old.get(0).getText()).isEqualTo("The café serves crêpes and tea.");
    assertThat(old.get(0).getLanguage()).isEqualTo("fr");
    assertThat(old.get(0).getPublishedAt()).isNull();
  }

  @Test
  void shouldCutVeryLongBodiesAtAParagraphBoundary() {
    // Given an item of 50 paragraphs of 100 characters, and a mapper capped at 1,000 characters
    String para = "x".repeat(99) + ".";
    String body = ("<p>" + para + "</p>").repeat(50);
    String xml =
        "<rss version=\"2.0\"><channel><title>t</title><link>https://l.example/</link>"
            + "<description>d</description><item><title>Long</title><link>https://l.example/1</link>"
            + "<description><![CDATA["
            + body
            + "]]></description></item></channel></rss>";
    ParsedFeed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_8), null).feed();

    // When
    RawArticle a = new ArticleMapper(1_000).map("https://l.example/rss", feed, 0, FETCHED).get();

    // Then
    assertThat(a.getText().length()).isLessThanOrEqualTo(1_000);
    assertThat(a.getText()).endsWith(para);
  }

  @Test
  void shouldSkipAnItemWithNothingToIdentifyIt() {
    // Given
    String xml =
        "<rss version=\"2.0\"><channel><title>t</title><link>https://l.example/</link>"
            + "<description>d</description><item></item></channel></rss>";
    ParsedFeed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_8), null).feed();

    // When / Then
    assertThat(mapper.map("https://l.example/rss", feed, 0, FETCHED)).isEmpty();
  }
}
