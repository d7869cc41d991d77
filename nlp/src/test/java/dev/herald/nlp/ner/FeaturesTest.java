package dev.herald.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeaturesTest {

  private static Features features(boolean docNeighbours, boolean runHead) {
    return new Features(
        WordClusters.empty(),
        Truecaser.empty(),
        Places.standard(),
        true,
        true,
        true,
        docNeighbours,
        runHead,
        null);
  }

  @Test
  void shouldRememberTheCapitalisedNeighbourALoneSurnameHasElsewhere() {
    // Given a story naming "George Weah" first and "Weah" alone later
    List<List<String>> story =
        List.of(List.of("Striker", "George", "Weah", "scored", "."), List.of("Weah", "added", "."));

    // When its document context is built with and without the neighbour features
    Features.Doc with = features(true, false).doc(story);
    Features.Doc without = features(false, false).doc(story);

    // Then the lone surname is known as George's right neighbour, only when asked for
    assertThat(with.capLeft).containsEntry("weah", "George");
    assertThat(with.capRight).containsEntry("george", "Weah");
    assertThat(without.capLeft).isEmpty();
  }

  @Test
  void shouldFindTheLastWordOfARunOfCapitalisedWords() {
    // Given a sentence with a three-word place name
    List<List<String>> story = List.of(List.of("at", "Cal", "Anderson", "Park", "today"));
    Features f = features(false, true);

    // When the sentence is prepared
    Features.View v = f.view(f.doc(story), 0);

    // Then each word of the run points at "Park", the others at themselves
    assertThat(v.runEnd).containsExactly(0, 3, 3, 3, 4);
  }

  /** Features with the given local and GloVe word classes, the other switches as above. */
  private static Features gloveFeatures(
      WordClusters local, WordClusters glove, boolean gloveContext, boolean gloveBackoff) {
    return new Features(
        local,
        Truecaser.empty(),
        Places.standard(),
        true,
        true,
        true,
        false,
        false,
        null,
        false,
        false,
        glove,
        gloveContext,
        gloveBackoff);
  }

  @Test
  void shouldGiveAWordItsGloveClassesOnlyWhenTheFeaturesHaveThem() {
    // Given GloVe classes for "oslo" and features with and without them
    WordClusters glove = WordClusters.of(java.util.Map.of("oslo", new int[] {3, 17, 250}));
    Features with = gloveFeatures(WordClusters.empty(), glove, true, false);
    Features without = features(false, false);
    List<List<String>> story = List.of(List.of("in", "Oslo", "today"));

    // When the capitalised word's lexical features are written
    long[] a = new long[Features.MAX_STATIC];
    long[] b = new long[Features.MAX_STATIC];
    int ka = with.lexicalFeatures(with.view(with.doc(story), 0), 1, a);
    int kb = without.lexicalFeatures(without.view(without.doc(story), 0), 1, b);

    // Then the lower-cased word's classes are among them, alone and with the word's shape
    List<Long> fa = java.util.Arrays.stream(a, 0, ka).boxed().toList();
    assertThat(fa).contains(Words.hash(90, 3), Words.hash(91, 17), Words.hash(92, 250));
    assertThat(fa).contains(Words.hash(93, 3, Words.hash(Words.shape("Oslo"))));
    assertThat(java.util.Arrays.stream(b, 0, kb).boxed().toList())
        .doesNotContain(Words.hash(90, 3));
    assertThat(ka).isEqualTo(kb + 6);
  }

  @Test
  void shouldGiveGloveClassesOnlyToWordsWithoutALocalClassWhenBackingOff() {
    // Given local word classes for "Oslo" only, GloVe classes for "oslo" and "turku", backing off
    WordClusters local = WordClusters.of(java.util.Map.of("Oslo", new int[] {1, 2, 3}));
    WordClusters glove =
        WordClusters.of(
            java.util.Map.of("oslo", new int[] {3, 17, 250}, "turku", new int[] {3, 17, 251}));
    Features f = gloveFeatures(local, glove, false, true);

    // When a sentence with both towns is prepared
    Features.View v = f.view(f.doc(List.of(List.of("Oslo", "and", "Turku"))), 0);

    // Then only the town the local classes lack gets its GloVe classes
    assertThat(v.words[0].gcls).isNull();
    assertThat(v.words[2].gcls).containsExactly(3, 17, 251);
  }

  @Test
  void shouldSplitEveryTokensContextFeaturesIntoItsNeighboursAndTheRest() {
    // Given local and GloVe classes for some words (not all) and a sentence of seven tokens
    WordClusters local =
        WordClusters.of(
            java.util.Map.of(
                "Oslo", new int[] {1, 2, 3}, "met", new int[] {4, 5, 6}, "in", new int[] {7}));
    WordClusters glove =
        WordClusters.of(
            java.util.Map.of("oslo", new int[] {3, 17, 250}, "turku", new int[] {3, 17, 251}));
    Features f = gloveFeatures(local, glove, true, false);
    Features.Doc doc = f.doc(List.of(List.of("Mayors", "of", "Oslo", "and", "Turku", "met", ".")));
    Features.View v = f.view(doc, 0);

    for (int i = 0; i < v.n; i++) {
      // When the decoder takes token i's one-neighbour features from the words around it
      long[] all = new long[Features.MAX_STATIC];
      long[] part = new long[Features.MAX_STATIC];
      int ka = f.contextFeatures(doc, v, i, all);
      int kp = f.contextFeatures(doc, v, i, part, false);
      List<Long> split =
          new java.util.ArrayList<>(java.util.Arrays.stream(part, 0, kp).boxed().toList());
      int[] at = {i - 1, i + 1, i - 2, i + 2};
      for (int slot = 0; slot < Features.NEIGHBOUR_SLOTS; slot++) {
        long[] nb = new long[Features.MAX_STATIC];
        Features.Word w = at[slot] < 0 || at[slot] >= v.n ? null : v.words[at[slot]];
        int kn = f.neighbourFeatures(w, slot, nb);
        split.addAll(java.util.Arrays.stream(nb, 0, kn).boxed().toList());
      }

      // Then, wherever that is allowed, the parts are the whole: the same features, no more
      if (Features.neighboursCacheable(v, i)) {
        assertThat(split)
            .as("token %d", i)
            .containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(all, 0, ka).boxed().toList());
      }
    }
  }
}
