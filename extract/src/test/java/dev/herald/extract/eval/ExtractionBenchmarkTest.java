package dev.herald.extract.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.extract.ArticleExtractor;
import dev.herald.extract.Extraction;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractionBenchmarkTest {

  @Test
  void shouldExtractEveryBundledBenchmarkPageAsAnArticle() {
    // Given
    List<byte[]> pages = ExtractionBenchmark.bundledPages();
    ArticleExtractor extractor = ArticleExtractor.standard();

    // When / Then the benchmark measures real extractions, not failures
    assertThat(pages).hasSize(3);
    for (byte[] page : pages) {
      Extraction x = extractor.extract(page, null, null);
      assertThat(x.ok()).isTrue();
      assertThat(x.body().split("\n\n").length).isGreaterThanOrEqualTo(8);
      assertThat(x.body()).doesNotContain("Advertisement").doesNotContain("Most read");
    }
  }

  @Test
  void shouldMeasurePagesPerCpuSecond() {
    // Given
    ArticleExtractor extractor = ArticleExtractor.standard();

    // When
    ExtractionBenchmark.Result result =
        ExtractionBenchmark.run(extractor, ExtractionBenchmark.bundledPages(), 20, 50);

    // Then (no timing assertion: the figure is printed)
    System.out.println(result.summary());
    assertThat(result.pages()).isEqualTo(150);
    assertThat(result.bytes()).isPositive();
  }
}
