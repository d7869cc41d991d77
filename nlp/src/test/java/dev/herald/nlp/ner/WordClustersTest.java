package dev.herald.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordClustersTest {

  /** Invented sentences: towns after "in", people before "said". */
  private static List<List<String>> text(String... towns) {
    List<List<String>> out = new ArrayList<>();
    String[] people = {"Anna", "Bert", "Cora", "Dirk"};
    for (int r = 0; r < 5; r++) {
      for (String t : towns) {
        out.add(List.of("we", "met", "in", t, "today"));
      }
      for (String p : people) {
        out.add(List.of("then", p, "said", "so"));
      }
    }
    return out;
  }

  @Test
  void shouldKeepTheBaseClassesOfKnownWordsAndPutANewWordWithWordsUsedAlike() throws IOException {
    // Given classes learnt on text about two towns, then more text with a third town
    WordClusters base =
        WordClusters.read(
            new BufferedReader(
                new StringReader(
                    "Leeds\t1\t1\nOslo\t1\t1\nAnna\t0\t2\nBert\t0\t2\nCora\t0\t2\nDirk\t0\t2\n"
                        + "we\t0\t0\nmet\t0\t0\nin\t0\t0\ntoday\t0\t3\nthen\t0\t0\nsaid\t0\t3\n"
                        + "so\t0\t3\n")));

    // When the classes are extended over the larger text, the known words fixed
    WordClusters c =
        WordClusters.learn(text("Leeds", "Oslo", "Turku"), new int[] {2, 4}, 2, 8, base);

    // Then every known word keeps its classes, and the new town joins the towns' classes
    assertThat(c.of("Leeds")).containsExactly(1, 1);
    assertThat(c.of("Anna")).containsExactly(0, 2);
    assertThat(c.of("said")).containsExactly(0, 3);
    assertThat(c.of("Turku")).containsExactly(1, 1);
  }
}
