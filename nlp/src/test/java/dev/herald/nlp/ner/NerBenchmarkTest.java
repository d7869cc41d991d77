package dev.herald.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NerBenchmarkTest {

  @Test
  void shouldReportArticlesAndTokensPerCpuSecond() {
    // Given the benchmark articles (about 650 tokens each)
    // When the whole tagger runs over them after a warm-up
    NerBenchmark.Result r = NerBenchmark.run(200, System.out);

    // Then the figures are printed (the target is 300 articles per CPU-second) and plausible
    assertThat(r.articles()).isEqualTo(200);
    assertThat((double) r.tokens() / r.articles()).isBetween(550.0, 800.0);
    assertThat(r.entities()).isGreaterThan(r.articles() * 20L);
  }
}
