package dev.herald.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractJobTest {

  @TempDir Path dir;

  @Test
  void shouldWriteOneLinePerFileInInputOrderAndGoOnAfterBadFiles() throws IOException {
    // Given a plain page, a gzipped page, a missing file, a corrupt gzip file and an error page
    Path plain = dir.resolve("a.html");
    Files.write(plain, Fixtures.bytes("article-with-furniture.html"));
    Path gz = dir.resolve("b.html.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Fixtures.bytes("article-with-furniture.html"));
    }
    Path corrupt = dir.resolve("c.html.gz");
    Files.write(corrupt, "not gzip at all".getBytes(StandardCharsets.US_ASCII));
    Path notFound = dir.resolve("d.html");
    Files.write(notFound, Fixtures.bytes("not-found.html"));
    List<String> files =
        List.of(
            plain.toString(),
            gz.toString(),
            dir.resolve("missing.html").toString(),
            corrupt.toString(),
            notFound.toString());
    StringWriter out = new StringWriter();
    ByteArrayOutputStream progress = new ByteArrayOutputStream();

    // When
    ExtractJob.Summary summary =
        ExtractJob.standard()
            .run(files, out, new PrintStream(progress, true, StandardCharsets.UTF_8));

    // Then
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      lines.add(new ObjectMapper().readTree(line));
    }
    assertThat(lines).hasSize(5);
    assertThat(lines.stream().map(l -> l.get("file").asText())).containsExactlyElementsOf(files);
    assertThat(lines.stream().map(l -> l.get("ok").asBoolean()))
        .containsExactly(true, true, false, false, false);
    assertThat(lines.get(2).get("error").asText()).startsWith("READ_ERROR: ");
    assertThat(lines.get(3).get("error").asText()).startsWith("READ_ERROR: ");
    assertThat(lines.get(4).get("error").asText()).startsWith("ERROR_PAGE: ");
    assertThat(lines.get(1).get("body").asText()).isEqualTo(lines.get(0).get("body").asText());
    assertThat(summary).isEqualTo(new ExtractJob.Summary(5, 2, 3));
    assertThat(progress.toString(StandardCharsets.UTF_8)).contains("5 files, 2 ok, 3 failed");
  }

  @Test
  void shouldWriteTheFieldsInTheDocumentedOrder() throws IOException {
    // Given
    Path page = dir.resolve("a.html");
    Files.write(page, Fixtures.bytes("article-with-furniture.html"));
    StringWriter out = new StringWriter();

    // When
    ExtractJob.standard()
        .run(List.of(page.toString()), out, new PrintStream(OutputStream.nullOutputStream()));

    // Then
    JsonNode line = new ObjectMapper().readTree(out.toString());
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = line.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    assertThat(names).containsExactly("file", "ok", "error", "title", "body", "published", "lang");
    assertThat(line.get("error").isNull()).isTrue();
    assertThat(line.get("published").asText()).isEqualTo("2024-01-15T08:30:00+01:00");
    assertThat(line.get("lang").asText()).isEqualTo("en");
    assertThat(out.toString()).endsWith("}\n");
  }

  @Test
  void shouldReadAtMostOneByteMoreThanTheLimitSoThatHugePagesAreRefusedCheaply()
      throws IOException {
    // Given a gzip file that expands to 3 MB
    Path gz = dir.resolve("big.html.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(new byte[3_000_000]);
    }

    // When
    byte[] bytes = ExtractJob.readPage(gz, 1_000_000);

    // Then
    assertThat(bytes).hasSize(1_000_001);
  }
}
