package dev.herald.nlp.time.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.nlp.time.TimexTagger;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaggerBenchmarkTest {

  @Test
  void shouldMeasureWordsAndCpuTimeOverTheShippedNews() {
    // Given
    List<String> articles = TaggerBenchmark.articles();
    // When
    TaggerBenchmark.Result r = TaggerBenchmark.measure(TimexTagger.standard(), articles, 2, 3);
    // Then (no timing assertion: only that the measurement is real)
    assertThat(articles).hasSize(6);
    long words = articles.stream().mapToLong(TaggerBenchmark::countWords).sum();
    assertThat(words).isGreaterThan(1_000);
    assertThat(r.words()).isEqualTo(words * 3);
    assertThat(r.timexes()).isGreaterThan(3 * 50L);
    assertThat(r.toString()).contains("words per CPU-second");
  }

  @Test
  void shouldCountWhitespaceSeparatedWords() {
    assertThat(TaggerBenchmark.countWords("  one two\nthree\t four ")).isEqualTo(4);
  }
}
