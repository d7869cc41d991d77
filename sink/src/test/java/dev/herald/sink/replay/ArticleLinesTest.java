package dev.herald.sink.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.avro.RawArticle;
import dev.herald.avro.TextSource;
import dev.herald.ingest.article.ArticleIds;
import dev.herald.schemas.AvroJson;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleLinesTest {

  private static final String FILE = "file:/archive/articles.jsonl";
  private static final Instant FILE_TIME = Instant.parse("2024-01-01T00:00:00Z");

  @Test
  void shouldReadTheDocumentedFieldsAndKeepThePublishersOffset() {
    // Given
    String line =
        "{\"url\":\"https://news.example.org/a/1?utm_source=x\",\"title\":\"Forum moved\","
            + "\"text\":\"The forum will take place in May.\","
            + "\"published\":\"2019-03-04T10:15:00+03:00\",\"source\":\"Example News\"}";

    // When
    RawArticle a = ArticleLines.parse(line, FILE, FILE_TIME);

    // Then
    assertThat(a.getId())
        .isEqualTo(
            ArticleIds.articleId(
                FILE, "https://news.example.org/a/1?utm_source=x", null, null, null));
    assertThat(a.getCanonicalUrl()).isEqualTo("https://news.example.org/a/1");
    assertThat(a.getTitle()).isEqualTo("Forum moved");
    assertThat(a.getText()).isEqualTo("The forum will take place in May.");
    assertThat(a.getPublishedAt()).isEqualTo(Instant.parse("2019-03-04T07:15:00Z"));
    assertThat(a.getPublishedOffset()).isEqualTo("+03:00");
    assertThat(a.getSource()).isEqualTo("Example News");
    assertThat(a.getFeedUrl()).isEqualTo(FILE);
    assertThat(a.getFetchedAt()).isEqualTo(FILE_TIME);
    assertThat(a.getTextSource()).isEqualTo(TextSource.FEED);
  }

  @Test
  void shouldKeepAGivenIdAndTakeTheSourceFromTheHostWhenMissing() {
    // When
    RawArticle a =
        ArticleLines.parse(
            "{\"id\":\"abc\",\"url\":\"https://WWW.Example.com/x\",\"text\":\"t\",\"published\":\"Mon, 04 Mar 2019 10:15:00 GMT\"}",
            FILE,
            FILE_TIME);

    // Then
    assertThat(a.getId()).isEqualTo("abc");
    assertThat(a.getSource()).isEqualTo("www.example.com");
    assertThat(a.getPublishedAt()).isEqualTo(Instant.parse("2019-03-04T10:15:00Z"));
    assertThat(a.getPublishedOffset()).isEqualTo("+00:00");
  }

  @Test
  void shouldReadEpochMillisecondsAndAnArticleWithoutDate() {
    // When
    RawArticle dated =
        ArticleLines.parse(
            "{\"url\":\"https://e.org/1\",\"published\":1551694500000}", FILE, FILE_TIME);
    RawArticle undated =
        ArticleLines.parse("{\"title\":\"No date\",\"text\":\"x\"}", FILE, FILE_TIME);

    // Then
    assertThat(dated.getPublishedAt()).isEqualTo(Instant.ofEpochMilli(1551694500000L));
    assertThat(dated.getText()).isEmpty();
    assertThat(undated.getPublishedAt()).isNull();
    assertThat(undated.getId()).isEqualTo(ArticleIds.articleId(FILE, null, null, "No date", null));
    assertThat(ArchiveReader.timestamp(undated)).isEqualTo(FILE_TIME.toEpochMilli());
  }

  @Test
  void shouldReplayThePlainJsonOfARawArticleAsItWas() {
    // Given an article as the JSON Lines tools print it
    RawArticle original =
        RawArticle.newBuilder()
            .setId("0123")
            .setFeedUrl("https://feeds.example.org/rss")
            .setSource("Example")
            .setGuid("g-1")
            .setUrl("https://example.org/story")
            .setCanonicalUrl("https://example.org/story")
            .setTitle("Story")
            .setText("Body.")
            .setTextSource(TextSource.PAGE)
            .setLanguage("fr")
            .setAuthor("A. Writer")
            .setPublishedAt(Instant.parse("2020-02-02T02:02:02Z"))
            .setPublishedOffset("+00:00")
            .setFetchedAt(Instant.parse("2020-02-02T03:00:00Z"))
            .build();

    // When
    RawArticle replayed = ArticleLines.parse(AvroJson.toPlainJson(original), FILE, FILE_TIME);

    // Then
    assertThat(replayed).isEqualTo(original);
  }

  @Test
  void shouldRefuseLinesThatAreNotArticles() {
    // When / Then
    assertThatThrownBy(() -> ArticleLines.parse("[1,2]", FILE, FILE_TIME))
        .hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> ArticleLines.parse("{\"source\":\"x\"}", FILE, FILE_TIME))
        .hasMessageContaining("no url, title nor text");
    assertThatThrownBy(() -> ArticleLines.parse("{\"url\":", FILE, FILE_TIME))
        .hasMessageContaining("not JSON");
    assertThatThrownBy(
            () ->
                ArticleLines.parse(
                    "{\"url\":\"https://e.org\",\"published\":\"soon\"}", FILE, FILE_TIME))
        .hasMessageContaining("not a date: soon");
  }
}
