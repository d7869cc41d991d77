package dev.herald.nlp.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleDetectorTest {

  private static final ScheduleDetector DETECTOR = ScheduleDetector.standard();

  /** Runs one article through the detector and a fresh timeline per event. */
  static List<Alert> alertsOf(String text, String published) {
    ArticleAnalysis a = analyze(text, published);
    Map<String, List<TimelineClaim>> byEvent = new LinkedHashMap<>();
    for (Claim c : a.claims()) {
      byEvent
          .computeIfAbsent(c.event().id(), k -> new ArrayList<>())
          .add(new TimelineClaim(c, "a1", "https://example.org/a1", "t", "wire", null));
    }
    List<Alert> out = new ArrayList<>();
    for (List<TimelineClaim> claims : byEvent.values()) {
      out.addAll(ScheduleTimeline.apply(null, claims).alerts());
    }
    return out;
  }

  static ArticleAnalysis analyze(String text, String published) {
    return DETECTOR.analyze(
        new ArticleInput("a1", null, text, LocalDate.parse(published), null, "wire", null));
  }

  private static String seed() throws IOException {
    try (InputStream in =
        ScheduleDetectorTest.class.getResourceAsStream("sochi-congress-2017-11-14.txt")) {
      String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return all.substring(all.indexOf('\n') + 1); // the first line is capture metadata
    }
  }

  @Test
  void shouldRaiseAlertWhenCongressMovesToDecember() throws IOException {
    // Given the seed article, published 2017-11-14
    String text = seed();

    // When it is analysed and its claims applied to a new timeline
    List<Alert> alerts = alertsOf(text, "2017-11-14");

    // Then exactly one alert: the congress, mid-November -> December, postponed
    assertThat(alerts).hasSize(1);
    Alert a = alerts.get(0);
    assertThat(a.event().name()).isEqualTo("Syrian National Dialogue Congress");
    assertThat(a.event().aliases())
        .contains(
            "Syrian Congress of National Dialogue", "Congress of National Dialogue of Syrians");
    assertThat(a.event().location()).isEqualTo("Sochi");
    assertThat(a.previous().value()).isEqualTo("2017-11");
    assertThat(a.previous().mod()).isEqualTo("MID");
    assertThat(a.previous().text()).isEqualTo("mid-November");
    assertThat(a.current().value()).isEqualTo("2017-12");
    assertThat(a.current().text()).isEqualTo("December");
    assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
    // The official's unhedged "expected to be held ... in December" confirms the source's
    // "might take place in December" (ADR 0003: one unhedged supporting claim suffices).
    assertThat(a.certainty()).isEqualTo(Certainty.CONFIRMED);
    assertThat(a.summary()).contains("Syrian National Dialogue Congress", "postponed", "December");
    assertThat(a.summary().split("\\. ")).hasSize(1);
    assertThat(a.evidence())
        .extracting(
            e -> e.claim().sentence().replace('\u00A0', ' ')) // the copy has no-break spaces
        .anySatisfy(s -> assertThat(s).contains("might take place in December"))
        .anySatisfy(s -> assertThat(s).contains("expected to be held"));
    assertThat(a.sourceCount()).isEqualTo(1);
    assertThat(a.supersedes()).isNull();
  }

  @Test
  void shouldGiveEveryNameOfTheCongressOneId() throws IOException {
    // Given the seed article, which names the congress three ways
    ArticleAnalysis a = analyze(seed(), "2017-11-14");

    // When its claims and named events are read
    // Then all congress claims and named congress mentions share one readable id
    assertThat(a.claims())
        .filteredOn(c -> c.event().name().contains("Congress"))
        .extracting(c -> c.event().id())
        .containsOnly("syria-dialogue-national-congress");
    assertThat(a.entities())
        .filteredOn(e -> e.type().equals("EVENT") && e.text().contains("Dialogue"))
        .extracting(e -> e.id())
        .containsOnly("syria-dialogue-national-congress");
  }

  @Test
  void shouldNotAlertOnOtherEventsOfTheSeed() throws IOException {
    // Given the seed article, which also schedules the intra-Syrian talks for November 28
    ArticleAnalysis a = analyze(seed(), "2017-11-14");

    // When its alerts are computed
    List<Alert> alerts = alertsOf(seed(), "2017-11-14");

    // Then the talks are a plain claim and raise nothing
    assertThat(a.claims())
        .anySatisfy(
            c -> {
              assertThat(c.event().name()).containsIgnoringCase("intra-Syrian talks");
              assertThat(c.when().value()).isEqualTo("2017-11-28");
              assertThat(c.status()).isEqualTo(ClaimStatus.SCHEDULED);
            });
    assertThat(alerts).extracting(al -> al.event().name()).doesNotContain("intra-Syrian talks");
  }

  @Test
  void shouldReadOldAndNewDateOfAnExplicitPostponement() {
    // Given a committee meeting postponed from tomorrow to March 10
    String text =
        "The Senate Banking Committee has postponed until March 10 its meeting scheduled for"
            + " tomorrow to act on a bank regulation bill.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "1987-03-04");

    // Then one postponement, tomorrow -> March 10, confirmed
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).previous().value()).isEqualTo("1987-03-05");
    assertThat(alerts.get(0).current().value()).isEqualTo("1987-03-10");
    assertThat(alerts.get(0).kind()).isEqualTo(ChangeKind.POSTPONED);
    assertThat(alerts.get(0).certainty()).isEqualTo(Certainty.CONFIRMED);
    assertThat(alerts.get(0).event().id()).isEqualTo("banking-committee-senate-meeting");
  }

  @Test
  void shouldResolveWeekdayOfReschedulingToTheComingOne() {
    // Given talks due today "rescheduled for Thursday" in a Monday article
    String text =
        "Talks due today between management and unions at the Seaforth plant have been"
            + " rescheduled for Thursday, a company spokesman said.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "1987-03-02");

    // Then Thursday is the coming one, not the past one
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).previous().value()).isEqualTo("1987-03-02");
    assertThat(alerts.get(0).current().value()).isEqualTo("1987-03-05");
    assertThat(alerts.get(0).kind()).isEqualTo(ChangeKind.POSTPONED);
  }

  @Test
  void shouldCallAMoveToAnEarlierDateAdvanced() {
    // Given a payment date brought forward
    String text = "Payment date has been brought forward to March 27 from March 30.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "1987-03-12");

    // Then the kind is ADVANCED
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.ADVANCED);
              assertThat(a.current().value()).isEqualTo("1987-03-27");
              assertThat(a.previous().value()).isEqualTo("1987-03-30");
            });
  }

  @Test
  void shouldCallARescheduleWithinTheSameDayRescheduled() {
    // Given a meeting moved within the day, its direction stated by no date
    String text =
        "The buffer stock working group meeting set for 1130 GMT today was rescheduled for"
            + " 1430, delegates said.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "1987-03-17");

    // Then the clock times carry the day, and the move is later the same day
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.previous().value()).isEqualTo("1987-03-17T11:30Z");
              assertThat(a.current().value()).isEqualTo("1987-03-17T14:30Z");
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
            });
  }

  @Test
  void shouldTreatSuspendedIndefinitelyAsCancelled() {
    // Given talks suspended indefinitely
    String text = "The peace talks set for May 3 were suspended indefinitely, officials said.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2017-04-20");

    // Then a cancellation with no new time
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.CANCELLED);
              assertThat(a.current()).isNull();
              assertThat(a.previous().value()).isEqualTo("2017-05-03");
            });
  }

  @Test
  void shouldReportAPostponementToALaterDateWithNoNewTime() {
    // Given a summit postponed "to a later date"
    String text = "The summit planned for June 12 has been postponed to a later date.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2017-05-30");

    // Then a postponement whose new time is unknown
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(a.previous().value()).isEqualTo("2017-06-12");
              assertThat(a.current()).isNull();
            });
  }

  @Test
  void shouldMarkAHedgedChangePossible() {
    // Given a tender that "might not take place until a week later"
    String text =
        "Traders said the tender, originally scheduled for tomorrow, might not take place until"
            + " a week later.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "1987-03-27");

    // Then a possible postponement by a week
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.certainty()).isEqualTo(Certainty.POSSIBLE);
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(a.previous().value()).isEqualTo("1987-03-28");
              assertThat(a.current().value()).isEqualTo("1987-04-04");
            });
  }

  @Test
  void shouldJoinTheTwoHalvesOfAChangeStatedInTwoSentences() {
    // Given the new date in one sentence and the old in the next
    String text =
        "Cooper LaserSonics Inc said it rescheduled its annual meeting to Monday, May 11. The"
            + " meeting had previously been set for May 14 in Palo Alto, the company said.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "1987-03-16");

    // Then one alert May 14 -> May 11, advanced
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.previous().value()).isEqualTo("1987-05-14");
              assertThat(a.current().value()).isEqualTo("1987-05-11");
              assertThat(a.kind()).isEqualTo(ChangeKind.ADVANCED);
            });
  }

  @Test
  void shouldIgnoreLanguagesItDoesNotRead() {
    // Given a French article about a postponed summit
    String text =
        "Le sommet de la paix, prévu pour le 3 mai, a été reporté au mois de juin, selon les"
            + " responsables qui ont annoncé la nouvelle dans un communiqué.";

    // When analysed
    ArticleAnalysis a = analyze(text, "2017-04-20");

    // Then the language is recorded and no claim is made
    assertThat(a.language()).isEqualTo("fr");
    assertThat(a.claims()).isEmpty();
  }

  @Test
  void shouldKeepTheArticleTimeWhenNoPublicationDateIsGiven() {
    // Given an article with only a publication instant
    ArticleInput in =
        new ArticleInput(
            "a2",
            "t",
            "The meeting set for tomorrow has been postponed until Friday.",
            null,
            null,
            null,
            Instant.parse("2017-11-14T10:00:00Z"));

    // When analysed
    ArticleAnalysis a = DETECTOR.analyze(in);

    // Then relative dates anchor on that instant's day
    assertThat(a.claims())
        .singleElement()
        .satisfies(c -> assertThat(c.previousWhen().value()).isEqualTo("2017-11-15"));
  }
}
