package dev.herald.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsistencyTest {

  @Test
  void shouldTagALoneSurnameTheTaggerMissedAsThePersonOfTheDocument() {
    // Given "George Weah" tagged PER and a later lone "Weah" left untagged
    List<List<String>> story =
        List.of(
            List.of("Striker", "George", "Weah", "scored", "."),
            List.of("Later", ",", "Weah", "added", "a", "second", "."));
    List<List<NameSpan>> tagged = List.of(List.of(new NameSpan(1, 3, "PER")), List.of());

    // When the consistency pass runs
    List<List<NameSpan>> out = Consistency.apply(story, tagged, Places.standard());

    // Then the lone surname is the person; the first sentence is unchanged
    assertThat(out.get(1)).containsExactly(new NameSpan(2, 3, "PER"));
    assertThat(out.get(0)).containsExactly(new NameSpan(1, 3, "PER"));
  }

  @Test
  void shouldRetypeOnlyOnAStrongMajorityOfThreeOrMoreMentions() {
    // Given "Bre-X" tagged ORG twice and LOC once, and "Porto" ORG once and LOC once
    List<List<String>> story =
        List.of(
            List.of("Bre-X", "shares", "fell", "in", "Porto", "."),
            List.of("Bre-X", "said", "FC", "Porto", "and", "Porto", "agreed", "."),
            List.of("Analysts", "doubt", "Bre-X", "."));
    List<List<NameSpan>> tagged =
        List.of(
            List.of(new NameSpan(0, 1, "ORG"), new NameSpan(4, 5, "LOC")),
            List.of(new NameSpan(0, 1, "ORG"), new NameSpan(5, 6, "ORG")),
            List.of(new NameSpan(2, 3, "LOC")));

    // When the consistency pass runs
    List<List<NameSpan>> out = Consistency.apply(story, tagged, Places.standard());

    // Then the third "Bre-X" becomes ORG (2 of 3), and a tie leaves both "Porto" as they were
    assertThat(out.get(2)).containsExactly(new NameSpan(2, 3, "ORG"));
    assertThat(out.get(0)).contains(new NameSpan(4, 5, "LOC"));
    assertThat(out.get(1)).contains(new NameSpan(5, 6, "ORG"));
  }

  @Test
  void shouldNeverMakeAGazetteerPlaceAPersonByAVote() {
    // Given "Sochi" tagged PER three times and LOC never (as a weaker model once did)
    List<List<String>> story =
        List.of(
            List.of("Sochi", "said", "."),
            List.of("Sochi", "added", "."),
            List.of("Sochi", "agreed", "."),
            List.of("Delegates", "will", "meet", "in", "Sochi", "."));
    List<List<NameSpan>> tagged =
        List.of(
            List.of(new NameSpan(0, 1, "PER")),
            List.of(new NameSpan(0, 1, "PER")),
            List.of(new NameSpan(0, 1, "PER")),
            List.of(new NameSpan(4, 5, "LOC")));

    // When the consistency pass runs
    List<List<NameSpan>> out = Consistency.apply(story, tagged, Places.standard());

    // Then the LOC mention stays LOC
    assertThat(out.get(3)).containsExactly(new NameSpan(4, 5, "LOC"));
  }

  @Test
  void shouldMakeAPersonOfAHeadNounNameWhenTheDocumentTagsItsLastWordAloneAsThatPersonTwice() {
    // Given an invented story: the skier "Zola Street" typed LOC by the head noun, "Street" alone
    // PER twice later; and a "Mill Road" typed LOC where "Road" is a person only once
    List<List<String>> story =
        List.of(
            List.of("Zola", "Street", "won", "the", "downhill", "."),
            List.of("Street", "led", "after", "the", "first", "run", "."),
            List.of("Street", "said", "she", "was", "tired", "at", "Mill", "Road", "."),
            List.of("Road", "finished", "third", "."));
    List<List<NameSpan>> tagged =
        List.of(
            List.of(new NameSpan(0, 2, "LOC")),
            List.of(new NameSpan(0, 1, "PER")),
            List.of(new NameSpan(0, 1, "PER"), new NameSpan(6, 8, "LOC")),
            List.of(new NameSpan(0, 1, "PER")));

    // When the consistency pass runs
    List<List<NameSpan>> out = Consistency.apply(story, tagged, Places.standard());

    // Then the skier is a person; the road, whose head is a lone person once only, stays a place
    assertThat(out.get(0)).containsExactly(new NameSpan(0, 2, "PER"));
    assertThat(out.get(2)).contains(new NameSpan(6, 8, "LOC"));
  }
}
