package dev.herald.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Scores the shipped model on CoNLL-2003 test and wikigold (evaluation only, no training). */
class NerCorpusTest {

  @Test
  void shouldScoreTheShippedModelOnConllTestAndWikigold() throws Exception {
    // Given the shared NER corpora
    Path dir = Path.of(System.getProperty("herald.shared.dir", "../shared"), "data", "ner");
    Assumptions.assumeTrue(
        Files.isDirectory(dir.resolve("conll2003")), "../shared/data/ner not present: skipping");

    // When evaluated
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    List<EvalNerJob.Score> scores =
        EvalNerJob.run(dir, null, new PrintStream(buf, true, StandardCharsets.UTF_8));
    String table = buf.toString(StandardCharsets.UTF_8);
    System.out.println(table);

    // Then the table is printed and the scores stay at the level recorded in MODEL.md
    assertThat(table).contains("conll2003-test").contains("wikigold");
    EvalNerJob.Score conll = scores.get(0);
    // (measured: CoNLL test ALL 0.8924; wikigold PER+ORG+LOC 0.6665, ALL 0.6322)
    assertThat(conll.all().f1()).isGreaterThanOrEqualTo(0.892);
    assertThat(scores.get(1).core().f1()).isGreaterThanOrEqualTo(0.666);
    assertThat(scores.get(1).all().f1()).isGreaterThanOrEqualTo(0.632);
  }
}
