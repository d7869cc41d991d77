package dev.herald.ingest.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every file of {@code ../shared/data/feeds} through the parser, as {@code herald feeds parse}
 * reads it: nothing may crash, and where the reference parsers (gofeed, feed-rs, feedparser)
 * recorded what they read, Herald must agree on at least 95% of feed titles, item titles, links and
 * dates. Prints the table.
 */
class FeedCorpusTest {

  @Test
  void shouldParseEveryCorpusFileWithoutCrashingAndAgreeWithTheReferences() throws IOException {
    // Given
    Path feeds =
        Path.of(System.getProperty("herald.shared.dir", "../../shared")).resolve("data/feeds");
    Assumptions.assumeTrue(Files.isDirectory(feeds), "../shared/data/feeds not present: skipping");

    // When
    CorpusReport report = new FeedCorpusEvaluator().evaluate(feeds);

    // Then
    System.out.println(report.table());
    report.suites().forEach(s -> s.crashedFiles().forEach(f -> System.out.println("CRASH " + f)));
    assertThat(report.crashes()).isZero();
    for (Field field : Field.values()) {
      assertThat(report.score(field).ratio()).as(field.label()).isGreaterThanOrEqualTo(0.95);
    }
  }
}
