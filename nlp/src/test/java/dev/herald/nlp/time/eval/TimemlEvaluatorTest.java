package dev.herald.nlp.time.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimemlEvaluatorTest {

  private static Path fixture() throws URISyntaxException {
    return Path.of(TimemlEvaluatorTest.class.getResource("fixture").toURI());
  }

  @Test
  void shouldReadTextDctAndGoldOffsetsFromTimeml() throws Exception {
    // Given
    Path file = fixture().resolve("Mini/mini1.tml");
    // When
    GoldDoc doc = TimemlEvaluator.read(file);
    // Then
    assertThat(doc.dct()).isEqualTo(LocalDate.of(2017, 11, 14));
    assertThat(doc.gold()).hasSize(5);
    assertThat(doc.gold())
        .allSatisfy(t -> assertThat(doc.text().substring(t.start(), t.end())).isEqualTo(t.text()));
    assertThat(doc.gold().get(2).text()).isEqualTo("the spring of 2015");
    assertThat(doc.text()).contains("2015 & revised");
  }

  @Test
  void shouldScoreStrictRelaxedAndValueMatches() throws Exception {
    // Given a fixture where the tagger finds "spring of 2015" (overlapping, not exact, other
    // value) and everything else exactly
    // When
    Report report = TimemlEvaluator.standard().evaluate(fixture());
    // Then
    assertThat(report.skipped()).isFalse();
    assertThat(report.corpora()).hasSize(1);
    CorpusScore mini = report.corpora().get(0);
    assertThat(mini.corpus()).isEqualTo("Mini");
    assertThat(mini.documents()).isEqualTo(1);
    assertThat(mini.relaxed().gold()).isEqualTo(5);
    assertThat(mini.relaxed().system()).isEqualTo(5);
    assertThat(mini.relaxed().correct()).isEqualTo(5);
    assertThat(mini.strict().correct()).isEqualTo(4);
    assertThat(mini.value().correct()).isEqualTo(4);
    assertThat(mini.value().f1()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(report.toTable()).contains("Mini").contains("0.800");
  }

  @Test
  void shouldSkipWhenTheCorpusFolderIsAbsent() {
    // When
    Report report = TimemlEvaluator.standard().evaluate(Path.of("/nonexistent/timeml"));
    // Then
    assertThat(report.skipped()).isTrue();
    assertThat(report.corpora()).isEmpty();
    assertThat(report.toTable()).contains("not present");
  }

  @Test
  void shouldDumpTheValueErrorWithItsGoldAndSystemValues() throws Exception {
    // Given the fixture, whose only error is the value of "spring of 2015"
    StringBuilder dump = new StringBuilder();
    TimemlEvaluator eval =
        new TimemlEvaluator(
            dev.herald.nlp.time.TimexTagger.standard(), TimemlEvaluator.Half.ALL, dump);
    // When
    eval.evaluate(fixture());
    // Then one tab-separated VALUE line naming the corpus and the document
    String[] lines = dump.toString().split("\n");
    assertThat(lines).hasSize(1);
    String[] cols = lines[0].split("\t");
    assertThat(cols).hasSize(10);
    assertThat(cols[0]).isEqualTo("Mini");
    assertThat(cols[1]).isEqualTo("mini1.tml");
    assertThat(cols[2]).isEqualTo("VALUE");
    assertThat(cols[3]).isEqualTo("the spring of 2015");
  }

  @Test
  void shouldPutEveryDocumentInExactlyOneHalf() {
    // Given some file names
    java.util.List<String> names =
        java.util.List.of("a.tml", "b.tml", "wsj_0001.tml", "APW19980820.1428.tml", "x.xml");
    // When / Then
    for (String n : names) {
      assertThat(TimemlEvaluator.Half.TUNE.contains(n))
          .as(n)
          .isNotEqualTo(TimemlEvaluator.Half.CHECK.contains(n));
      assertThat(TimemlEvaluator.Half.ALL.contains(n)).isTrue();
    }
  }
}
