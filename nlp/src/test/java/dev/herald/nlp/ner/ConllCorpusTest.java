package dev.herald.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConllCorpusTest {

  @Test
  void shouldReadIob1AndIob2TagsToTheSameSpans() {
    // Given the same names tagged IOB2 (B- opens every name) and IOB1 (I- throughout)
    List<String> iob2 = List.of("B-PER", "I-PER", "O", "B-LOC", "B-LOC", "O", "I-ORG");
    List<String> iob1 = List.of("I-PER", "I-PER", "O", "I-LOC", "B-LOC", "O", "I-ORG");

    // When converted to spans
    List<NameSpan> a = ConllCorpus.spans(iob2);
    List<NameSpan> b = ConllCorpus.spans(iob1);

    // Then both give two-token PER, two adjacent LOCs and a final ORG
    assertThat(a)
        .containsExactly(
            new NameSpan(0, 2, "PER"),
            new NameSpan(3, 4, "LOC"),
            new NameSpan(4, 5, "LOC"),
            new NameSpan(6, 7, "ORG"));
    assertThat(b).isEqualTo(a);
  }

  @Test
  void shouldRoundTripSpansThroughBilouTags() {
    // Given names of one, two and three tokens
    List<NameSpan> names =
        List.of(new NameSpan(0, 1, "LOC"), new NameSpan(2, 4, "PER"), new NameSpan(5, 8, "MISC"));

    // When encoded as BILOU outcomes and decoded
    int[] tags = NerModel.encode(9, names);

    // Then the same spans come back, and the sequence is valid
    assertThat(NerModel.spans(tags)).isEqualTo(names);
    for (int i = 0; i < tags.length; i++) {
      assertThat(NerModel.allowed(i == 0 ? -1 : tags[i - 1], tags[i])).isTrue();
    }
  }

  @Test
  void shouldReadStanfordTypeNamesAndBareTypesAsConllTags() {
    // Given Stanford's output tags (IO encoding, long type names) and prefixed tags
    // When normalised
    // Then long names map to the CoNLL types, bare types become inside tags, others stay
    assertThat(ConllCorpus.normalizeTag("PERSON")).isEqualTo("I-PER");
    assertThat(ConllCorpus.normalizeTag("ORGANIZATION")).isEqualTo("I-ORG");
    assertThat(ConllCorpus.normalizeTag("LOCATION")).isEqualTo("I-LOC");
    assertThat(ConllCorpus.normalizeTag("MISC")).isEqualTo("I-MISC");
    assertThat(ConllCorpus.normalizeTag("B-PERSON")).isEqualTo("B-PER");
    assertThat(ConllCorpus.normalizeTag("B-LOC")).isEqualTo("B-LOC");
    assertThat(ConllCorpus.normalizeTag("O")).isEqualTo("O");
  }
}
