package dev.herald.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocLabelsTest {

  private static long[] lowerHashes(List<String> toks) {
    long[] h = new long[toks.size()];
    for (int i = 0; i < h.length; i++) {
      h[i] = Words.hash(Words.lower(toks.get(i)));
    }
    return h;
  }

  @Test
  void shouldKnowALoneSurnameAsPartOfAnEarlierPersonName() {
    // Given a story whose first pass typed "George Weah" PER and the lone "Weah" ORG
    List<List<String>> story =
        List.of(
            List.of("Striker", "George", "Weah", "scored", "."),
            List.of("Weah", "added", "a", "second", "."));
    List<List<NameSpan>> firstPass =
        List.of(List.of(new NameSpan(1, 3, "PER")), List.of(new NameSpan(0, 1, "ORG")));

    // When the document is summarised
    DocLabels d = DocLabels.of(story, firstPass);

    // Then "weah" is part of a longer PER name, and its own occurrences split PER and ORG
    assertThat(DocLabels.majority(d.superEntity("weah"))).isEqualTo(0);
    assertThat(d.token("weah")).containsExactly(1, 1, 0, 0, 0);
    assertThat(d.token("striker")).containsExactly(0, 0, 0, 0, 1);
    assertThat(d.superEntity("striker")).isNull();
  }

  @Test
  void shouldFindAnUntaggedRepeatOfATaggedNameWhateverItsCase() {
    // Given "Bre-X Minerals" tagged ORG once, then written in a headline and left untagged
    List<List<String>> story =
        List.of(
            List.of("Shares", "of", "Bre-X", "Minerals", "fell", "."),
            List.of("BRE-X", "MINERALS", "SAYS", "NOTHING"));
    List<List<NameSpan>> firstPass = List.of(List.of(new NameSpan(2, 4, "ORG")), List.of());
    DocLabels d = DocLabels.of(story, firstPass);

    // When the headline's tokens are matched against the document's names
    List<String> headline = story.get(1);
    int[] cover = d.entityCover(lowerHashes(headline), headline.size());

    // Then the repeat is covered as an ORG name, first and last word, and nothing else is
    int org = List.of(NerModel.TYPES).indexOf("ORG");
    assertThat(cover).containsExactly(NerModel.outcome('B', org), NerModel.outcome('L', org), 0, 0);
  }

  @Test
  void shouldPreferTheLongestNameCoveringAWord() {
    // Given "Porto" tagged LOC alone and "FC Porto" tagged ORG
    List<List<String>> story =
        List.of(List.of("FC", "Porto", "won", "in", "Porto", "."), List.of("FC", "Porto", "lost"));
    List<List<NameSpan>> firstPass =
        List.of(List.of(new NameSpan(0, 2, "ORG"), new NameSpan(4, 5, "LOC")), List.of());
    DocLabels d = DocLabels.of(story, firstPass);

    // When the second sentence is matched
    int[] cover = d.entityCover(lowerHashes(story.get(1)), 3);

    // Then "Porto" there is the last word of the ORG name, not the LOC
    int org = List.of(NerModel.TYPES).indexOf("ORG");
    assertThat(cover).containsExactly(NerModel.outcome('B', org), NerModel.outcome('L', org), 0);
  }
}
