package dev.herald.ingest.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticleIdsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "HTTPS://News.Example.ORG/a/b | https://news.example.org/a/b",
        "https://news.example.org:443/a | https://news.example.org/a",
        "http://news.example.org:80/a | http://news.example.org/a",
        "http://news.example.org:8080/a | http://news.example.org:8080/a",
        "https://news.example.org | https://news.example.org/",
        "https://news.example.org/a#comments | https://news.example.org/a",
        "https://news.example.org/a?utm_source=rss&utm_medium=feed | https://news.example.org/a",
        "https://news.example.org/a?fbclid=x&gclid=y&mc_cid=1&mc_eid=2&ref=home&cmpid=9 |"
            + " https://news.example.org/a",
        "https://news.example.org/a?b=2&a=1&utm_campaign=c | https://news.example.org/a?a=1&b=2",
        "https://www.example.com/2021/x.html?partner=rss&emc=rss | https://www.example.com/2021/x.html",
        "https://www.example.com/x?partner=acme | https://www.example.com/x?partner=acme",
        "https://user:secret@news.example.org/a | https://news.example.org/a",
        "https://news.example.org/a/./b/../c | https://news.example.org/a/c",
        "https://news.example.org/a b | https://news.example.org/a%20b",
        "https://news.example.org/Case/Path?Q=V | https://news.example.org/Case/Path?Q=V"
      })
  void shouldCanonicaliseLinks(String link, String expected) {
    // Given / When
    String canonical = ArticleIds.canonicalUrl(link);

    // Then
    assertThat(canonical).isEqualTo(expected);
  }

  @Test
  void shouldLeaveNonHttpLinksAloneButTheirFragment() {
    // Given / When / Then
    assertThat(ArticleIds.canonicalUrl("urn:uuid:1234#x")).isEqualTo("urn:uuid:1234");
    assertThat(ArticleIds.canonicalUrl("  ")).isNull();
  }

  @Test
  void shouldGiveTheSameIdToTheSameArticleWrittenDifferently() {
    // Given two links to one article
    String a = "https://News.Example.org:443/story?id=7&utm_source=rss#top";
    String b = "https://news.example.org/story?id=7";

    // When
    String idA = ArticleIds.articleId("https://feed.example/rss", a, "g1", "T", null);
    String idB = ArticleIds.articleId("https://other.example/rss", b, "g2", "U", null);

    // Then
    assertThat(idA).isEqualTo(idB);
  }

  @Test
  void shouldBeTheFirst16BytesOfTheSha256OfTheCanonicalUrl() throws Exception {
    // Given
    String canonical = "https://news.example.org/story?id=7";
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));

    // When
    String id = ArticleIds.articleId("https://feed.example/rss", canonical, null, null, null);

    // Then: stable across runs and implementations
    assertThat(id).hasSize(32).isEqualTo(HexFormat.of().formatHex(digest, 0, 16));
  }

  @Test
  void shouldUseTheFeedAndGuidWhenThereIsNoLink() throws Exception {
    // Given
    String feed = "https://feed.example/rss";
    byte[] digest =
        MessageDigest.getInstance("SHA-256")
            .digest((feed + "\n" + "guid-42").getBytes(StandardCharsets.UTF_8));

    // When
    String id = ArticleIds.articleId(feed, null, " guid-42 ", "Title", null);

    // Then
    assertThat(id).isEqualTo(HexFormat.of().formatHex(digest, 0, 16));
    assertThat(ArticleIds.articleId("https://other.example/rss", null, "guid-42", "Title", null))
        .isNotEqualTo(id);
  }

  @Test
  void shouldUseTitleAndDateWhenThereIsNeitherLinkNorGuid() {
    // Given
    String feed = "https://feed.example/rss";
    Instant date = Instant.parse("2021-03-02T06:15:00Z");

    // When
    String id = ArticleIds.articleId(feed, null, null, "Notice", date);

    // Then
    assertThat(id).isEqualTo(ArticleIds.articleId(feed, null, null, "Notice", date));
    assertThat(id)
        .isNotEqualTo(ArticleIds.articleId(feed, null, null, "Notice", date.plusSeconds(1)));
    assertThat(id).isNotEqualTo(ArticleIds.articleId(feed, null, null, "Other", date));
  }
}
