package dev.herald.nlp.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.nlp.entity.EntityMention;
import dev.herald.nlp.time.TimexTagger;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CrossArticleEntityTest {

  private static final String FULL_NAME =
      "Russian Foreign Minister Sergei Lavrov met his Turkish counterpart in Moscow on Monday"
          + " to discuss the talks.";
  private static final String SURNAME_ONLY =
      "Officials said that Lavrov would stay in Ankara for two days of talks. The Syrian National"
          + " Dialogue Congress was expected to take place in mid-November but might take place"
          + " in December.";

  private static ScheduleDetector detector() {
    return new ScheduleDetector((t, d) -> TimexTagger.standard().tag(t, d));
  }

  private static ArticleAnalysis analyze(ScheduleDetector detector, String id, String text) {
    return detector.analyze(
        new ArticleInput(id, "", text, LocalDate.of(2017, 11, 14), null, "test", null));
  }

  private static EntityMention lavrov(ArticleAnalysis a) {
    return a.entities().stream()
        .filter(e -> e.text().equals("Lavrov"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Lavrov in " + a.entities()));
  }

  @Test
  void shouldLinkSurnameToTheFullNameAnEarlierArticleGave() {
    // Given a detector that has read an article naming Sergei Lavrov in full
    ScheduleDetector detector = detector();
    analyze(detector, "a1", FULL_NAME);

    // When a later article names him by his surname alone
    ArticleAnalysis later = analyze(detector, "a2", SURNAME_ONLY);

    // Then the surname carries the full name's id
    assertThat(lavrov(later).id()).isEqualTo("sergei-lavrov");
    assertThat(lavrov(later).type()).isEqualTo(EntityMention.PERSON);
  }

  @Test
  void shouldGiveTheSameClaimsWhateverWasReadBefore() {
    // Given one detector that read the full-name article first and one that did not
    ScheduleDetector primed = detector();
    analyze(primed, "a1", FULL_NAME);
    ScheduleDetector fresh = detector();

    // When both read the surname-only article
    ArticleAnalysis afterPriming = analyze(primed, "a2", SURNAME_ONLY);
    ArticleAnalysis alone = analyze(fresh, "a2", SURNAME_ONLY);

    // Then the claims (and so events and alerts) are the same; only published ids differ
    assertThat(afterPriming.claims()).isNotEmpty().isEqualTo(alone.claims());
    assertThat(lavrov(alone).id()).isEqualTo("lavrov");
  }
}
