package dev.herald.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameRepairsTest {

  private static List<NameSpan> repaired(List<String> tokens, NameSpan... names) {
    int[] tags = NerModel.encode(tokens.size(), List.of(names));
    NameRepairs.repair(tokens, tags);
    return NerModel.spans(tags);
  }

  @Test
  void shouldEndAPersonBeforeAScoreTheGreedyDecoderRanInto() {
    // Given a bowling line where the decoder opened a name at the bowler and had to continue it
    List<String> tokens = List.of("Doull", "8-1-60-0", ",");

    // When the names are repaired
    List<NameSpan> names = repaired(tokens, new NameSpan(0, 2, "PER"));

    // Then the name is the bowler alone
    assertThat(names).containsExactly(new NameSpan(0, 1, "PER"));
  }

  @Test
  void shouldEndANameBeforeALowerCaseVerbButKeepParticlesAndYears() {
    // Given names running into a verb, one ending in a particle and one in a year
    List<String> league = List.of("League", "has", "been");
    List<String> ivan = List.of("Ivan", "de", "said");
    List<String> euro = List.of("at", "Euro", "96");

    // When the names are repaired
    // Then only the verb is cut off
    assertThat(repaired(league, new NameSpan(0, 2, "ORG")))
        .containsExactly(new NameSpan(0, 1, "ORG"));
    assertThat(repaired(ivan, new NameSpan(0, 2, "PER")))
        .containsExactly(new NameSpan(0, 2, "PER"));
    assertThat(repaired(euro, new NameSpan(1, 3, "MISC")))
        .containsExactly(new NameSpan(1, 3, "MISC"));
  }

  @Test
  void shouldEndANameAtACommaOrVerbInsideIt() {
    // Given a name the decoder ran on past a comma, and one past "and" into a verb
    List<String> league = List.of("League", ",", "like", "many", "other", "far-Right");
    List<String> army = List.of("Army", "and", "was", "occupied");

    // When the names are repaired
    // Then each ends where the name did
    assertThat(repaired(league, new NameSpan(0, 6, "ORG")))
        .containsExactly(new NameSpan(0, 1, "ORG"));
    assertThat(repaired(army, new NameSpan(0, 4, "ORG")))
        .containsExactly(new NameSpan(0, 1, "ORG"));
  }

  @Test
  void shouldJoinAMiddleInitialToTheNameBeforeItAndDropTheTitle() {
    // Given "Brigadier General Ross" and "G. Hoyt" tagged as two people
    List<String> tokens = List.of("Brigadier", "General", "Ross", "G.", "Hoyt", ",");

    // When the names are repaired
    List<NameSpan> names = repaired(tokens, new NameSpan(0, 3, "PER"), new NameSpan(3, 5, "PER"));

    // Then it is one person without the rank
    assertThat(names).containsExactly(new NameSpan(2, 5, "PER"));
  }

  @Test
  void shouldKeepATitleThatIsTheWholeName() {
    // Given a one-word name that is also a title word
    List<String> tokens = List.of("General", "said");

    // When the names are repaired
    List<NameSpan> names = repaired(tokens, new NameSpan(0, 1, "PER"));

    // Then it stays
    assertThat(names).containsExactly(new NameSpan(0, 1, "PER"));
  }

  @Test
  void shouldJoinAGenerationalSuffixToAPersonButNotToAnotherName() {
    // Given a person followed by "Jr." and an organisation followed by "II"
    List<String> griffey = List.of("Ken", "Griffey", "Jr.", "hit");
    List<String> willem = List.of("Willem", "II", "won");

    // When the names are repaired
    // Then only the person takes the suffix
    assertThat(repaired(griffey, new NameSpan(0, 2, "PER")))
        .containsExactly(new NameSpan(0, 3, "PER"));
    assertThat(repaired(willem, new NameSpan(0, 1, "ORG")))
        .containsExactly(new NameSpan(0, 1, "ORG"));
  }

  @Test
  void shouldKeepAGivenNameAndSurnameEndingInAPlaceNounAPerson() {
    // Given invented sentences: a woman whose surname is a place noun, and parks and a street
    List<String> emily = List.of("Emily", "Park", "won", "the", "final", ".");
    List<String> hyde = List.of("They", "met", "in", "Hyde", "Park", ".");
    List<String> lincoln = List.of("They", "met", "in", "Lincoln", "Park", ".");
    List<String> wall = List.of("Shares", "rose", "on", "Wall", "Street", ".");

    // When the decoder typed each of them PER and the names are repaired
    // Then the given name and surname stay a person; the others take the head noun's type
    assertThat(repaired(emily, new NameSpan(0, 2, "PER")))
        .containsExactly(new NameSpan(0, 2, "PER"));
    assertThat(repaired(hyde, new NameSpan(3, 5, "PER")))
        .containsExactly(new NameSpan(3, 5, "LOC"));
    assertThat(repaired(lincoln, new NameSpan(3, 5, "PER")))
        .containsExactly(new NameSpan(3, 5, "LOC"));
    assertThat(repaired(wall, new NameSpan(3, 5, "PER")))
        .containsExactly(new NameSpan(3, 5, "LOC"));
  }

  @Test
  void shouldKeepTheSecondPersonOfAScorecardLineTheDecoderRanInto() {
    // Given an invented cricket line where the decoder read fielder, "b" and bowler as one person,
    // and an organisation run on past a lower-case word into a capitalised one
    List<String> cricket = List.of("Smith", "b", "Jones", "12");
    List<String> office = List.of("Office", "of", "biologist", "Mary", "Webb");

    // When the names are repaired
    // Then the person is split in two; the organisation is only cut
    assertThat(repaired(cricket, new NameSpan(0, 3, "PER")))
        .containsExactly(new NameSpan(0, 1, "PER"), new NameSpan(2, 3, "PER"));
    assertThat(repaired(office, new NameSpan(0, 5, "ORG")))
        .containsExactly(new NameSpan(0, 1, "ORG"));
  }
}
