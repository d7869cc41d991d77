package dev.herald.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorClassesTest {

  @TempDir Path tmp;

  /** Invented 3-d vectors in GloVe's text format: towns along x, people along y, verbs along z. */
  private Path vectors() throws IOException {
    Path f = tmp.resolve("vectors.txt");
    Files.writeString(
        f,
        String.join(
            "\n",
            "said 0.1 0.0 2.0",
            "oslo 1.0 0.1 0.0",
            "anna 0.0 1.0 0.1",
            "leeds 2.0 0.3 0.1",
            "met -0.1 0.1 1.5",
            "bert 0.2 1.8 0.0",
            "turku 0.9 -0.1 0.1",
            "cora 0.1 0.7 -0.1",
            "oslo 0.0 0.0 1.0",
            ""),
        StandardCharsets.UTF_8);
    return f;
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }

  @Test
  void shouldReadTheMostFrequentWordsAsUnitVectorsKeepingTheFirstOfARepeatedWord()
      throws IOException {
    // Given a vectors file listing "oslo" twice

    // When its first eight lines are read
    VectorClasses.Vectors v = VectorClasses.read(vectors(), 8);

    // Then the words keep the file's order, the repeat is skipped, and the vectors have length 1
    assertThat(v.words())
        .containsExactly("said", "oslo", "anna", "leeds", "met", "bert", "turku", "cora");
    assertThat(v.dims()).isEqualTo(3);
    double norm = 0;
    for (int j = 0; j < 3; j++) {
      norm += v.data()[3 + j] * v.data()[3 + j];
    }
    assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void shouldPutWordsWithSimilarVectorsInOneClassTheSameWayEveryRun() throws IOException {
    // Given the invented vectors, centroids fitted on the five most frequent words
    VectorClasses.Params p = new VectorClasses.Params(8, 5, new int[] {3, 1}, 10, 7L);

    // When classes are learnt twice
    WordClusters a = VectorClasses.learn(vectors(), p, quiet());
    WordClusters b = VectorClasses.learn(vectors(), p, quiet());

    // Then towns, people and verbs each share a class (words past the fitted five too), the
    // coarsest granularity holds everything, and both runs agree word for word
    assertThat(a.of("leeds")[0]).isEqualTo(a.of("oslo")[0]).isEqualTo(a.of("turku")[0]);
    assertThat(a.of("bert")[0]).isEqualTo(a.of("anna")[0]).isEqualTo(a.of("cora")[0]);
    assertThat(a.of("met")[0]).isEqualTo(a.of("said")[0]);
    assertThat(a.of("oslo")[0]).isNotEqualTo(a.of("anna")[0]).isNotEqualTo(a.of("said")[0]);
    assertThat(a.of("anna")[0]).isNotEqualTo(a.of("said")[0]);
    assertThat(a.of("cora")[1]).isZero();
    StringWriter wa = new StringWriter();
    StringWriter wb = new StringWriter();
    a.write(wa);
    b.write(wb);
    assertThat(wa.toString()).isEqualTo(wb.toString());
  }
}
