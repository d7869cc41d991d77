package dev.herald.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedsParseJobTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private final FeedsParseJob job = new FeedsParseJob();

  private List<JsonNode> run(List<String> files) throws IOException {
    StringWriter out = new StringWriter();
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    job.run(files, out, new PrintStream(progress, true, StandardCharsets.UTF_8));
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }

  @Test
  void shouldWriteOneLineperFileInOrderWithTheDocumentedKeys() throws IOException {
    // Given an RSS feed, a missing file and an HTML page
    Path rss = dir.resolve("a.xml");
    Files.writeString(
        rss,
        "<rss version=\"2.0\"><channel><title>Wire &amp; <b>Co</b></title>"
            + "<link>https://w.example/</link>"
            + "<item><title>&lt;em&gt;Talks&lt;/em&gt; moved</title>"
            + "<link>https://w.example/1</link><guid>w-1</guid>"
            + "<pubDate>Tue, 14 Nov 2017 09:00:00 +0300</pubDate></item>"
            + "<item><title>No guid</title><link>/2</link></item>"
            + "</channel></rss>");
    Path html = dir.resolve("page.html");
    Files.writeString(html, "<!DOCTYPE html><html><body>hi</body></html>");
    String missing = dir.resolve("missing.xml").toString();

    // When
    List<JsonNode> lines = run(List.of(rss.toString(), missing, html.toString()));

    // Then
    assertThat(lines).hasSize(3);
    JsonNode first = lines.get(0);
    assertThat(fieldNames(first)).containsExactly("file", "ok", "error", "feed_title", "items");
    assertThat(first.get("file").asText()).isEqualTo(rss.toString());
    assertThat(first.get("ok").asBoolean()).isTrue();
    assertThat(first.get("error").isNull()).isTrue();
    assertThat(first.get("feed_title").asText()).isEqualTo("Wire & Co");
    JsonNode item = first.get("items").get(0);
    assertThat(fieldNames(item)).containsExactly("id", "title", "link", "published");
    assertThat(item.get("id").asText()).isEqualTo("w-1");
    assertThat(item.get("title").asText()).isEqualTo("Talks moved");
    assertThat(item.get("published").asText()).isEqualTo("2017-11-14T09:00:00+03:00");
    JsonNode second = first.get("items").get(1);
    assertThat(second.get("id").asText()).matches("[0-9a-f]{32}");
    assertThat(second.get("link").asText()).isEqualTo("https://w.example/2");
    assertThat(second.get("published").isNull()).isTrue();
    assertThat(lines.get(1).get("ok").asBoolean()).isFalse();
    assertThat(lines.get(1).get("error").asText()).isEqualTo("UNREACHABLE: no such file");
    assertThat(lines.get(1).get("items")).isEmpty();
    assertThat(lines.get(2).get("error").asText()).startsWith("NOT_XML: ");
  }

  @Test
  void shouldReadGzippedFilesJsonFeedsAndLegacyEncodings() throws IOException {
    // Given
    Path gz = dir.resolve("feed.xml.gz");
    try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(
          "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Zipped</title></feed>"
              .getBytes(StandardCharsets.UTF_8));
    }
    Path json = dir.resolve("feed.json");
    Files.writeString(
        json,
        "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"J\",\"items\":"
            + "[{\"id\":\"1\",\"title\":\"One\",\"date_published\":\"2020-01-02T03:04:05-05:00\"}]}");
    Path koi8 = dir.resolve("koi8.xml");
    Files.write(
        koi8,
        "<rss version=\"2.0\"><channel><title>Новости дня в России и мире</title></channel></rss>"
            .getBytes(Charset.forName("KOI8-R")));

    // When
    List<JsonNode> lines = run(List.of(gz.toString(), json.toString(), koi8.toString()));

    // Then
    assertThat(lines.get(0).get("feed_title").asText()).isEqualTo("Zipped");
    assertThat(lines.get(1).get("items").get(0).get("published").asText())
        .isEqualTo("2020-01-02T03:04:05-05:00");
    assertThat(lines.get(2).get("feed_title").asText()).isEqualTo("Новости дня в России и мире");
  }

  @Test
  void shouldReportProgressAndASummary() throws IOException {
    // Given
    Path empty = dir.resolve("empty.xml");
    Files.writeString(empty, "");
    StringWriter out = new StringWriter();
    ByteArrayOutputStream progress = new ByteArrayOutputStream();

    // When
    FeedsParseJob.Summary summary =
        job.run(
            List.of(empty.toString()),
            out,
            new PrintStream(progress, true, StandardCharsets.UTF_8));

    // Then
    assertThat(summary).isEqualTo(new FeedsParseJob.Summary(1, 0, 1, 0));
    assertThat(progress.toString(StandardCharsets.UTF_8)).contains("1 failed");
    assertThat(out.toString()).contains("\"error\":\"NOT_XML: empty document\"");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
