package dev.herald.nlp.time.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Runs the evaluator on the real TimeML corpora in ../shared (skips when absent). */
class TimemlCorpusTest {

  @Test
  void shouldScoreTheSharedTimemlCorpora() {
    // Given
    Path dir = Path.of(System.getProperty("herald.shared.dir", "../shared"), "data", "timeml");
    Assumptions.assumeTrue(Files.isDirectory(dir), "../shared/data/timeml not present: skipping");
    // When
    Report report = TimemlEvaluator.standard().evaluate(dir);
    // Then
    System.out.println(report.toTable());
    assertThat(report.corpora()).extracting(CorpusScore::corpus).contains("TimeBank", "AQUAINT");
    for (CorpusScore c : report.corpora()) {
      // Loose floors: the test guards against breakage, the table shows the real figures.
      assertThat(c.relaxed().f1()).as(c.corpus() + " relaxed F1").isGreaterThan(0.8);
      assertThat(c.value().f1()).as(c.corpus() + " value F1").isGreaterThan(0.65);
    }
  }
}
