package dev.herald.nlp.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.nlp.text.SentenceSplitter;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityRecognizerTest {

  private static List<EntityMention> recognize(String text) {
    return EntityRecognizer.recognize(text, SentenceSplitter.split(text));
  }

  @Test
  void shouldGiveASurnameTheIdOfTheFullName() {
    // Given a full name after a title, then the surname alone
    String text =
        "Russian Foreign Minister Sergei Lavrov spoke on Tuesday. Later, officials said Lavrov"
            + " had left.";

    // When recognised
    List<EntityMention> m = recognize(text);

    // Then both mentions are one person
    assertThat(m)
        .filteredOn(e -> e.text().contains("Lavrov"))
        .extracting(EntityMention::type, EntityMention::id)
        .containsOnly(org.assertj.core.groups.Tuple.tuple("PERSON", "sergei-lavrov"));
  }

  @Test
  void shouldTypeEventsPlacesAndOrganisationsByTheirCues() {
    // Given a named congress, a city, a country demonym and a company
    String text =
        "The Syrian National Dialogue Congress will meet in Sochi. Cargill U.K. Ltd said the"
            + " talks would resume.";

    // When recognised
    List<EntityMention> m = recognize(text);

    // Then each gets its type and a readable id
    assertThat(m)
        .extracting(EntityMention::text, EntityMention::type)
        .contains(
            org.assertj.core.groups.Tuple.tuple("Syrian National Dialogue Congress", "EVENT"),
            org.assertj.core.groups.Tuple.tuple("Sochi", "LOCATION"),
            org.assertj.core.groups.Tuple.tuple("Cargill U.K. Ltd", "ORGANIZATION"));
    assertThat(m)
        .filteredOn(e -> e.text().equals("Sochi"))
        .extracting(EntityMention::id)
        .containsOnly("sochi");
    assertThat(m)
        .filteredOn(e -> e.text().startsWith("Cargill"))
        .extracting(EntityMention::id)
        .containsOnly("cargill-uk");
  }

  @Test
  void shouldNotTakeASentenceOpenerOrAHeadlineWordForAName() {
    // Given a typo opener ("Th") and a Title Case headline
    String text =
        "Th Syrian National Dialogue Congress was expected in mid-November.\n\n"
            + "Sochi Ready to Assist in Holding Syrian Congress of National Dialogue";

    // When recognised
    List<EntityMention> m = recognize(text);

    // Then the opener is left out and the headline yields places only
    assertThat(m).extracting(EntityMention::text).contains("Syrian National Dialogue Congress");
    assertThat(m)
        .extracting(EntityMention::text)
        .doesNotContain("Th Syrian National Dialogue Congress", "Sochi Ready");
  }
}
