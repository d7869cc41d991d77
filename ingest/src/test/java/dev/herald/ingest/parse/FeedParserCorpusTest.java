package dev.herald.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.herald.ingest.article.ArticleMapper;
import dev.herald.ingest.fetch.FetchSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs the parser and the mapper over every feed file of the shared corpora (Rome's own test data
 * and real news feeds). Nothing may escape as an exception; the counts are printed.
 */
class FeedParserCorpusTest {

  private final FeedParser parser = new FeedParser(FetchSettings.DEFAULT_MAX_BYTES);
  private final ArticleMapper mapper = new ArticleMapper();

  @Test
  void shouldClassifyEveryCorpusFileWithoutThrowing() throws IOException {
    // Given
    Path shared = Path.of(System.getProperty("herald.shared.dir", "../../shared"));
    Path rome = shared.resolve("data/feeds/rome");
    Path real = shared.resolve("data/feeds/real");
    Assumptions.assumeTrue(
        Files.isDirectory(rome) || Files.isDirectory(real),
        "../shared/data/feeds/{rome,real} not present: skipping");
    List<Path> files = new ArrayList<>();
    for (Path dir : List.of(rome, real)) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> s = Files.walk(dir)) {
          s.filter(Files::isRegularFile)
              .filter(p -> p.toString().endsWith(".xml") || p.toString().endsWith(".rss"))
              .sorted()
              .forEach(files::add);
        }
      }
    }
    Map<String, Integer> counts = new TreeMap<>();
    int[] articles = {0};

    // When
    for (Path file : files) {
      byte[] body = Files.readAllBytes(file);
      assertThatCode(
              () -> {
                ParseResult result = parser.parse(body, null);
                String key = result.isOk() ? "OK" : result.failure().kind().name();
                counts.merge(key, 1, Integer::sum);
                if (result.isOk()) {
                  for (int i = 0; i < result.feed().entries().size(); i++) {
                    articles[0] +=
                        mapper
                                .map(file.toUri().toString(), result.feed(), i, Instant.EPOCH)
                                .isPresent()
                            ? 1
                            : 0;
                  }
                } else {
                  System.out.println(
                      shared.relativize(file) + " -> " + result.failure().describe());
                }
              })
          .as(file.toString())
          .doesNotThrowAnyException();
    }

    // Then
    System.out.println(
        "corpus: " + files.size() + " files, " + counts + ", " + articles[0] + " articles mapped");
    assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(files.size());
    assertThat(counts.getOrDefault("OK", 0)).isPositive();
  }
}
