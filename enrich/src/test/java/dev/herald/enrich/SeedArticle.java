package dev.herald.enrich;

import dev.herald.avro.RawArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The bundled seed article as the ingest stage would publish it. */
final class SeedArticle {
  static final Path FILE =
      Path.of(System.getProperty("herald.repo.dir", ".."))
          .resolve("samples/articles/sochi-congress-2017-11-14.txt");
  static final String TITLE = "Syrian National Congress to Give Impetus to Geneva Process - Lavrov";

  private SeedArticle() {}

  /** The article text: the capture's first line dropped, each block of the page a paragraph. */
  static String text() {
    try {
      List<String> lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
      List<String> paragraphs = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        if (!line.isBlank()) {
          paragraphs.add(line.strip());
        }
      }
      return String.join("\n\n", paragraphs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RawArticle article(String id, String url, String source) {
    return RawArticle.newBuilder()
        .setId(id)
        .setFeedUrl("file:/samples/feeds/sochi-congress.rss")
        .setSource(source)
        .setGuid(null)
        .setUrl(url)
        .setCanonicalUrl(url)
        .setTitle(TITLE)
        .setText(text())
        .setLanguage("en")
        .setAuthor(null)
        .setPublishedAt(Instant.parse("2017-11-14T00:00:00Z"))
        .setPublishedOffset("+00:00")
        .setFetchedAt(Instant.parse("2017-11-14T06:00:00Z"))
        .build();
  }
}
