package dev.herald.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalNerJobTest {

  @TempDir Path dir;

  @Test
  void shouldScoreStanfordStyleBareTypesAgainstIob1GoldWithExactSpans() throws IOException {
    // Given an invented gold file in CoNLL columns (IOB1) and another system's output in
    // Stanford's format (token, gold, guess with bare types; adjacent tokens of a type are one
    // name)
    Path gold =
        write(
            "gold.txt",
            "-DOCSTART- -X- O O\n\nAnna NNP I-NP I-PER\nKarlsson NNP I-NP I-PER\nvisited VBD"
                + " I-VP O\nOslo NNP I-NP I-LOC\n. . O O\n\nAcme NNP I-NP I-ORG\nwon VBD I-VP"
                + " O\n");
    Path pred =
        write(
            "pred.txt",
            "Anna\tI-PER\tPERSON\nKarlsson\tI-PER\tPERSON\nvisited\tO\tO\nOslo\tI-LOC\tPERSON\n"
                + ".\tO\tO\n\nAcme\tI-ORG\tORGANIZATION\nwon\tO\tO\n");

    // When scored
    EvalNerJob.Score s = EvalNerJob.scorePredictions("mini", gold, pred);

    // Then the two-token person and the organisation count, Oslo as a person is both a false
    // positive (PER) and a miss (LOC)
    assertThat(s.byType().get("PER")).isEqualTo(new EvalNerJob.Prf(1, 1, 0));
    assertThat(s.byType().get("ORG")).isEqualTo(new EvalNerJob.Prf(1, 0, 0));
    assertThat(s.byType().get("LOC")).isEqualTo(new EvalNerJob.Prf(0, 0, 1));
    assertThat(s.all()).isEqualTo(new EvalNerJob.Prf(2, 1, 1));
    assertThat(s.tokens()).isEqualTo(7);
  }

  @Test
  void shouldRefusePredictionsThatDoNotLineUpWithTheGoldSentences() throws IOException {
    // Given predictions that lost a token of the first sentence
    Path gold = write("gold.txt", "Anna I-PER\nslept O\n\nBob I-PER\n");
    Path pred = write("pred.txt", "Anna PERSON\n\nBob PERSON\n");

    // When scored, then the mismatch is reported instead of a wrong score
    assertThatThrownBy(() -> EvalNerJob.scorePredictions("mini", gold, pred))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("sentence 1 has 1 tokens, the gold one 2");
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }
}
