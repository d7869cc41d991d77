package dev.herald.nlp.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class NearDupEvaluatorCorpusTest {

  @Test
  void shouldMeetThePrecisionAndRecallTargetsOnReutersAndSyntheticSyndication() throws Exception {
    // Given
    Path shared = Path.of(System.getProperty("herald.shared.dir", "../shared"));
    Assumptions.assumeTrue(
        Files.isDirectory(shared.resolve("data/neardup"))
            && Files.isDirectory(shared.resolve("data/reuters21578")),
        "../shared/data/neardup or reuters21578 not present: skipping");
    ByteArrayOutputStream buf = new ByteArrayOutputStream();

    // When
    Optional<List<NearDupEvaluator.Score>> scores =
        new NearDupEvaluator(new NearDupFingerprinter())
            .run(shared, new PrintStream(buf, true, StandardCharsets.UTF_8));

    // Then
    String table = buf.toString(StandardCharsets.UTF_8);
    System.out.println(table);
    assertThat(scores).isPresent();
    NearDupEvaluator.Score reuters = find(scores.get(), "reuters copies (<=7d)");
    NearDupEvaluator.Score synthetic = find(scores.get(), "synthetic syndication (all)");
    assertThat(reuters.precision()).as(table).isGreaterThanOrEqualTo(0.98);
    assertThat(reuters.recall()).as(table).isGreaterThanOrEqualTo(0.95);
    assertThat(synthetic.precision()).as(table).isGreaterThanOrEqualTo(0.98);
    assertThat(synthetic.recall()).as(table).isGreaterThanOrEqualTo(0.95);
  }

  private static NearDupEvaluator.Score find(List<NearDupEvaluator.Score> scores, String name) {
    return scores.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }
}
