package dev.herald.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedListReaderTest {

  private final FeedListReader reader = new FeedListReader();
  @TempDir Path dir;

  @Test
  void shouldReadPlainTextWithCommentsBlankLinesAndRelativePaths() throws Exception {
    // Given
    Path list = dir.resolve("lists/feeds.txt");
    Files.createDirectories(list.getParent());
    Files.writeString(
        list,
        "# my feeds\n"
            + "\n"
            + "https://news.example.org/rss.xml\n"
            + "   http://old.example.com/feed#frag   # an old one\n"
            + "local/sample.rss\n"
            + "../other.xml\n"
            + "file:///srv/feeds/a.xml\n"
            + "https://news.example.org/rss.xml\n");

    // When
    List<FeedRef> feeds = reader.read(list);

    // Then: duplicates kept once, paths resolved against the list's folder
    assertThat(feeds)
        .extracting(FeedRef::url)
        .containsExactly(
            "https://news.example.org/rss.xml",
            "http://old.example.com/feed#frag",
            dir.resolve("lists/local/sample.rss").toUri().toString(),
            dir.resolve("other.xml").toUri().toString(),
            "file:///srv/feeds/a.xml");
    assertThat(feeds.get(2).url()).startsWith("file:");
  }

  @Test
  void shouldReportEveryBadLineAtOnceWithItsNumber() {
    // Given
    String list =
        "https://ok.example/rss\n"
            + "ftp://files.example/feed.xml\n"
            + "# fine\n"
            + "http:///no-host\n"
            + "https://bad host.example/\n";

    // When / Then
    assertThatThrownBy(() -> reader.parse(list, dir, "feeds.txt"))
        .isInstanceOfSatisfying(
            FeedListException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(3)
                    .satisfiesExactly(
                        p -> assertThat(p).startsWith("line 2: unsupported scheme 'ftp'"),
                        p -> assertThat(p).startsWith("line 4: URL without a host"),
                        p -> assertThat(p).startsWith("line 5: not a valid URL")))
        .hasMessageContaining("feeds.txt: 3 bad entries");
  }

  @Test
  void shouldRefuseRelativePathsWithoutABaseFolder() {
    // Given / When / Then
    assertThatThrownBy(() -> reader.parse("feeds/a.xml\n", null, "stdin"))
        .isInstanceOfSatisfying(
            FeedListException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly("line 1: relative path without a base folder: feeds/a.xml"));
  }

  @Test
  void shouldNeverEchoCredentialsInProblems() {
    // Given
    String list = "ftp://user:hunter2@files.example/feed.xml\n";

    // When / Then
    assertThatThrownBy(() -> reader.parse(list, dir, "feeds.txt"))
        .isInstanceOf(FeedListException.class)
        .message()
        .doesNotContain("hunter2");
  }

  @Test
  void shouldReadOpmlWithNestedOutlinesAndTitles() throws Exception {
    // Given
    Path opml = dir.resolve("subs.opml");
    Files.writeString(
        opml,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<opml version=\"2.0\">\n"
            + "  <head><title>Subscriptions</title></head>\n"
            + "  <body>\n"
            + "    <outline text=\"World\">\n"
            + "      <outline text=\"Wire\" title=\"Wire Service\" type=\"rss\""
            + " xmlUrl=\"https://wire.example/rss\"/>\n"
            + "      <outline text=\"Regional\">\n"
            + "        <outline text=\"Local\" xmlUrl=\"local.xml\"/>\n"
            + "      </outline>\n"
            + "    </outline>\n"
            + "    <outline text=\"Blog\" xmlurl=\"https://blog.example/atom\"/>\n"
            + "  </body>\n"
            + "</opml>\n");

    // When
    List<FeedRef> feeds = reader.read(opml);

    // Then
    assertThat(feeds)
        .containsExactly(
            new FeedRef("https://wire.example/rss", "Wire Service"),
            new FeedRef(dir.resolve("local.xml").toUri().toString(), "Local"),
            new FeedRef("https://blog.example/atom", "Blog"));
  }

  @Test
  void shouldReportBadOpmlOutlinesWithLineNumbers() {
    // Given
    String opml =
        "<opml version=\"2.0\"><body>\n"
            + "<outline text=\"a\" xmlUrl=\"gopher://x.example/\"/>\n"
            + "<outline text=\"b\" xmlUrl=\"\"/>\n"
            + "</body></opml>";

    // When / Then
    assertThatThrownBy(() -> reader.parse(opml, dir, "subs.opml"))
        .isInstanceOfSatisfying(
            FeedListException.class,
            e ->
                assertThat(e.problems())
                    .satisfiesExactly(
                        p -> assertThat(p).startsWith("line 2: unsupported scheme 'gopher'"),
                        p -> assertThat(p).startsWith("line 3: outline with an empty xmlUrl")));
  }

  @Test
  void shouldReportMalformedOpml() {
    // Given
    String opml =
        "<opml version=\"2.0\"><body>\n<outline text=\"a\" xmlUrl=\"https://a.example/\">\n</body></opml>";

    // When / Then
    assertThatThrownBy(() -> reader.parse(opml, dir, "subs.opml"))
        .isInstanceOfSatisfying(
            FeedListException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .asString()
                    .startsWith("line 3: malformed OPML"));
  }

  @Test
  void shouldRefuseOpmlWithADoctype() {
    // Given an OPML file trying to read a local file through an entity
    String opml =
        "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<opml><body><outline xmlUrl=\"https://a.example/&x;\"/></body></opml>";

    // When / Then
    assertThatThrownBy(() -> reader.parse(opml, dir, "subs.opml"))
        .isInstanceOf(FeedListException.class)
        .hasMessageContaining("malformed OPML");
  }
}
