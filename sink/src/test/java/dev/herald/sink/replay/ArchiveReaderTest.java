package dev.herald.sink.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.avro.RawArticle;
import dev.herald.schemas.Topics;
import dev.herald.sink.replay.ArchiveReader.FileResult;
import dev.herald.sink.replay.ArchiveReader.Kind;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveReaderTest {

  private static final String RSS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
        <channel>
          <title>Harbour Gazette</title>
          <link>https://gazette.example.net/</link>
          <atom:link rel="self" href="https://gazette.example.net/rss.xml"/>
          <item>
            <title>Summit moved to September</title>
            <link>https://gazette.example.net/news/summit</link>
            <description>&lt;p&gt;The summit will take place in September.&lt;/p&gt;</description>
            <pubDate>Wed, 02 Apr 2025 08:00:00 +0200</pubDate>
          </item>
          <item>
            <title>Ferry timetable</title>
            <link>https://gazette.example.net/news/ferry</link>
            <description>New timetable.</description>
            <pubDate>Tue, 01 Apr 2025 18:30:00 +0200</pubDate>
          </item>
          <item></item>
        </channel>
      </rss>
      """;

  private static final String ATOM =
      """
      <?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom">
        <title>Wire</title>
        <id>urn:wire</id>
        <updated>2025-04-02T10:00:00Z</updated>
        <entry>
          <title>Conference cancelled</title>
          <link href="https://wire.example.com/c"/>
          <id>urn:wire:1</id>
          <updated>2025-04-02T10:00:00Z</updated>
          <summary>The conference was called off.</summary>
        </entry>
      </feed>
      """;

  private static final Instant FILE_TIME = Instant.parse("2025-04-03T00:00:00Z");

  @TempDir Path dir;

  private final ArchiveReader reader = new ArchiveReader();

  @Test
  void shouldMapAnArchivedRssFeedAsIngestWouldWithItsPublicationTimes() throws IOException {
    // Given
    Path file = write("2025/04/gazette.xml", RSS);

    // When
    List<RawArticle> articles = new ArrayList<>();
    FileResult result = reader.read(file, articles::add);

    // Then
    assertThat(result.kind()).isEqualTo(Kind.FEED);
    assertThat(result.articles()).isEqualTo(2);
    assertThat(result.skipped()).isEqualTo(1);
    RawArticle first = articles.get(0);
    assertThat(first.getTitle()).isEqualTo("Summit moved to September");
    assertThat(first.getText()).isEqualTo("The summit will take place in September.");
    assertThat(first.getSource()).isEqualTo("Harbour Gazette");
    assertThat(first.getFeedUrl()).isEqualTo("https://gazette.example.net/rss.xml");
    assertThat(first.getPublishedAt()).isEqualTo(Instant.parse("2025-04-02T06:00:00Z"));
    assertThat(first.getPublishedOffset()).isEqualTo("+02:00");
    assertThat(first.getFetchedAt()).isEqualTo(FILE_TIME);
    assertThat(ArchiveReader.timestamp(first))
        .isEqualTo(Instant.parse("2025-04-02T06:00:00Z").toEpochMilli());
  }

  @Test
  void shouldUseTheFileUrlWhenTheFeedNamesNoHomeOfItsOwn() throws IOException {
    // Given
    Path file = write("wire.atom", ATOM);

    // When
    List<RawArticle> articles = new ArrayList<>();
    reader.read(file, articles::add);

    // Then
    assertThat(articles)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getFeedUrl()).isEqualTo(file.toAbsolutePath().toUri().toString());
              assertThat(a.getUrl()).isEqualTo("https://wire.example.com/c");
              assertThat(a.getPublishedAt()).isEqualTo(Instant.parse("2025-04-02T10:00:00Z"));
            });
  }

  @Test
  void shouldReadGzippedJsonLinesAndReportBadLinesWithTheirNumbers() throws IOException {
    // Given
    Path file = dir.resolve("articles.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(
          ("{\"url\":\"https://e.org/1\",\"title\":\"One\",\"text\":\"1\",\"published\":\"2025-01-01T00:00:00Z\"}\n"
                  + "\n"
                  + "not json\n"
                  + "{\"url\":\"https://e.org/2\",\"title\":\"Two\",\"text\":\"2\"}\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    Files.setLastModifiedTime(file, FileTime.from(FILE_TIME));

    // When
    List<RawArticle> articles = new ArrayList<>();
    FileResult result = reader.read(file, articles::add);

    // Then
    assertThat(result.kind()).isEqualTo(Kind.ARTICLE_LINES);
    assertThat(articles).extracting(RawArticle::getTitle).containsExactly("One", "Two");
    assertThat(result.skipped()).isEqualTo(1);
    assertThat(result.problems())
        .singleElement()
        .asString()
        .startsWith("articles.jsonl.gz:3: not JSON");
    assertThat(reader.count(file)).isEqualTo(3);
  }

  @Test
  void shouldReportAFileThatIsNotAFeed() throws IOException {
    // Given
    Path file = write("page.html", "<html><body>Not a feed</body></html>");

    // When
    FileResult result = reader.read(file, a -> {});

    // Then
    assertThat(result.failed()).isTrue();
    assertThat(result.problems()).singleElement().asString().startsWith("page.html: ");
  }

  @Test
  void shouldTellArticleLinesFromFeedsByNameOrFirstLine() {
    // When / Then
    assertThat(ArchiveReader.kind("a.ndjson", "")).isEqualTo(Kind.ARTICLE_LINES);
    assertThat(ArchiveReader.kind("dump.txt", "{\"url\":\"https://e.org\",\"text\":\"x\"}\n{}"))
        .isEqualTo(Kind.ARTICLE_LINES);
    assertThat(
            ArchiveReader.kind(
                "feed.json", "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[]}"))
        .isEqualTo(Kind.FEED);
    assertThat(ArchiveReader.kind("feed.json", "{\n  \"version\": \"1\"\n}")).isEqualTo(Kind.FEED);
    assertThat(ArchiveReader.kind("x.xml", "<rss/>")).isEqualTo(Kind.FEED);
  }

  @Test
  void shouldCountItemsAndEntriesForTheProgressTotal() throws Exception {
    // Given
    Path rss = write("a.xml", RSS);
    Path atom = write("b.xml", ATOM);
    Path json =
        write(
            "c.json",
            "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"J\",\"items\":[{\"id\":\"1\"},{\"id\":\"2\"}]}");

    // When / Then
    assertThat(reader.count(rss)).isEqualTo(3);
    assertThat(reader.count(atom)).isEqualTo(1);
    assertThat(reader.count(json)).isEqualTo(2);
    assertThat(
            ArchiveReader.countEntries("<rdf:RDF xmlns:rdf='r' xmlns='x'><item/><item/></rdf:RDF>"))
        .isEqualTo(2);
  }

  @Test
  void shouldListFolderFilesSortedWithoutHiddenOnesAndRefuseMissingInputs() throws IOException {
    // Given
    Path b = write("in/b.xml", RSS);
    Path a = write("in/sub/a.xml", RSS);
    write("in/.cache/x.xml", RSS);
    Path single = write("single.jsonl", "{}");

    // When
    List<Path> files = ArchiveReader.expand(List.of(dir.resolve("in"), single));

    // Then
    assertThat(files).containsExactly(b, a, single);
    assertThatThrownBy(() -> ArchiveReader.expand(List.of(dir.resolve("missing"))))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void shouldKeyTheRecordByArticleIdAndStampItWithThePublicationTime() throws IOException {
    // Given
    List<RawArticle> articles = new ArrayList<>();
    reader.read(write("g.xml", RSS), articles::add);

    // When
    ProducerRecord<String, RawArticle> record = ReplayJob.record(articles.get(1));

    // Then
    assertThat(record.topic()).isEqualTo(Topics.ARTICLES_RAW.name());
    assertThat(record.key()).isEqualTo(articles.get(1).getId());
    assertThat(record.timestamp()).isEqualTo(Instant.parse("2025-04-01T16:30:00Z").toEpochMilli());
    assertThat(record.partition()).isNull();
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, FileTime.from(FILE_TIME));
    return file;
  }
}
