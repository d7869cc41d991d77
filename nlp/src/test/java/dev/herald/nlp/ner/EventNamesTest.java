package dev.herald.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventNamesTest {

  private static List<NameSpan> events(String sentence) {
    return EventNames.find(sentence.split(" "), NerModel.standard().truecaser());
  }

  @Test
  void shouldNotStartAnEventAtACommonSentenceInitialWord() {
    // Given a sentence that opens with a common word before a named event
    // When events are found
    List<NameSpan> e = events("Results of the World Cup race in Tignes on Friday :");

    // Then the event is the cup alone
    assertThat(e).containsExactly(new NameSpan(3, 5, "EVENT"));
  }

  @Test
  void shouldTakeALegislatureOrALeagueForNoEvent() {
    // Given a legislature qualified by a two-word country and a sports conference
    // When events are found
    // Then neither is an event, while a summit still is
    assertThat(events("The United States Congress passed the bill .")).isEmpty();
    assertThat(events("They joined the Southwest Conference in 1920 .")).isEmpty();
    assertThat(events("The Kigali Climate Summit opens on Monday ."))
        .containsExactly(new NameSpan(1, 4, "EVENT"));
  }

  @Test
  void shouldEndAnEventNameBeforeADayOrAMonth() {
    // Given event names followed by "on" and a weekday or a month
    // When events are found
    // Then the date stays out of the name, while "Conference on Climate Change" keeps its topic
    assertThat(events("He named his squad for the World Cup on Friday ."))
        .containsExactly(new NameSpan(6, 8, "EVENT"));
    assertThat(events("The Geneva Talks on March 3 ended early ."))
        .containsExactly(new NameSpan(1, 3, "EVENT"));
    assertThat(events("The Conference on Climate Change opens ."))
        .containsExactly(new NameSpan(1, 5, "EVENT"));
  }

  @Test
  void shouldNameBattlesAndWarsAsEvents() {
    // Given a battle, a numbered war and a ministry named after war
    // When events are found
    // Then the battle and the war are events, with the war's ordinal; the ministry is none
    assertThat(events("The Battle of Hastings was fought in 1066 ."))
        .containsExactly(new NameSpan(1, 4, "EVENT"));
    assertThat(events("He served in World War II as a pilot ."))
        .containsExactly(new NameSpan(3, 6, "EVENT"));
    assertThat(events("The War Office said nothing .")).isEmpty();
  }

  @Test
  void shouldNotMakeAnEventOfGamesPlayedInALeague() {
    // Given a player's games in a league, written lower case
    // When events are found
    // Then "NHL games" is no event
    assertThat(events("He played 20 NHL games last season .")).isEmpty();
  }

  @Test
  void shouldTakeALeagueHeaderOrAContinentalPartyForNoEvent() {
    // Given a re-cased standings header and a party named after a continent
    // When events are found
    // Then neither is an event, while the dialogue congress still is
    assertThat(EventNames.find(new String[] {"Eastern", "conference"})).isEmpty();
    assertThat(events("The African National Congress said on Friday .")).isEmpty();
    assertThat(events("The Organisation of the Islamic Conference met in Jakarta .")).isEmpty();
    assertThat(events("The Syrian National Dialogue Congress was expected in Sochi ."))
        .containsExactly(new NameSpan(1, 5, "EVENT"));
  }

  @Test
  void shouldLeaveAnEventInsideALongerModelNameToThatName() {
    // Given the model's organisation name around an event-like name
    List<NameSpan> names = List.of(new NameSpan(0, 5, "ORG"));
    List<NameSpan> inside = List.of(new NameSpan(3, 5, "EVENT"));
    List<NameSpan> same = List.of(new NameSpan(0, 5, "EVENT"));

    // When events inside names are dropped
    // Then only the strictly inner one goes
    assertThat(EntityTagger.withoutEventsInsideNames(inside, names)).isEmpty();
    assertThat(EntityTagger.withoutEventsInsideNames(same, names)).isEqualTo(same);
  }
}
