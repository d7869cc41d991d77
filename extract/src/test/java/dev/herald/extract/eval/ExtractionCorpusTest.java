package dev.herald.extract.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Scores the extractor on the development half of the article-extraction benchmark. */
class ExtractionCorpusTest {

  private static Path extractionDir() {
    return Path.of(System.getProperty("herald.shared.dir", "../shared")).resolve("data/extraction");
  }

  @Test
  void shouldScoreTheDevelopmentPagesAtLeastAsWellAsThePublishedExtractors() {
    // Given
    Path dir = extractionDir();
    Assumptions.assumeTrue(
        Files.isDirectory(dir), "../shared/data/extraction not present: skipping");

    // When
    ExtractionEvaluator.Report report = ExtractionEvaluator.standard().evaluate(dir);

    // Then
    System.out.println(report.table());
    assertThat(report.pages()).hasSize(92);
    assertThat(report.f1()).isGreaterThanOrEqualTo(0.95);
    assertThat(report.pages()).allSatisfy(p -> assertThat(p.extraction().ok()).isTrue());
  }

  @Test
  void shouldReportASkipWhenTheFolderIsAbsent() {
    // Given
    Path absent = Path.of("no/such/folder");

    // When
    ExtractionEvaluator.Report report = ExtractionEvaluator.standard().evaluate(absent);

    // Then
    assertThat(report.isSkipped()).isTrue();
    assertThat(report.table()).contains("not present: skipping");
  }
}
