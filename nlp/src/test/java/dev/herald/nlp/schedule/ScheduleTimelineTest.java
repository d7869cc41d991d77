package dev.herald.nlp.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTimelineTest {

  private static final EventRef FORUM =
      new EventRef("energy-forum", "Energy Forum", List.of(), "Vienna");

  private static When when(String value, String mod, String text) {
    return new When(value, TimeSpan.precisionOf(value), mod, text);
  }

  private static TimelineClaim claim(
      String article,
      String source,
      When now,
      When before,
      ClaimStatus status,
      Certainty certainty,
      String sentence) {
    Claim c =
        new Claim(
            FORUM,
            now,
            before,
            status,
            certainty,
            sentence,
            0,
            sentence.length(),
            status == ClaimStatus.CHANGED ? ChangeKind.POSTPONED : null,
            null,
            false);
    return new TimelineClaim(
        c, article, "https://" + source + "/" + article, "t", source, Instant.EPOCH);
  }

  private static final When MID_NOV = when("2017-11", "MID", "mid-November");
  private static final When DEC = when("2017-12", null, "December");

  @Test
  void shouldRaiseAlertWhenALaterArticleExpectsADifferentMonth() {
    // Given one article on a June meeting, and a later one that expects it in August
    ScheduleDetector d = ScheduleDetector.standard();
    List<TimelineClaim> first =
        claimsOf(
            d, "a1", "The OPEC ministers' meeting will be held in Vienna in June.", "2017-03-01");
    List<TimelineClaim> second =
        claimsOf(
            d,
            "a2",
            "OPEC now expects the ministers' meeting to take place in August.",
            "2017-04-01");
    assertThat(first.get(0).claim().event().id()).isEqualTo(second.get(0).claim().event().id());

    // When the first is applied to a new event, then the second to its state
    TimelineUpdate u1 = ScheduleTimeline.apply(null, first);
    TimelineUpdate u2 = ScheduleTimeline.apply(u1.state(), second);

    // Then the first raises nothing, the second a postponement June -> August
    assertThat(u1.alerts()).isEmpty();
    assertThat(u2.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.previous().value()).isEqualTo("2017-06");
              assertThat(a.current().value()).isEqualTo("2017-08");
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(a.certainty()).isEqualTo(Certainty.CONFIRMED);
              assertThat(a.evidence()).hasSize(2);
            });
    assertThat(u2.state().lastAlertId()).isEqualTo(u2.alerts().get(0).alertId());
  }

  private static List<TimelineClaim> claimsOf(
      ScheduleDetector d, String id, String text, String published) {
    ArticleAnalysis a =
        d.analyze(new ArticleInput(id, null, text, LocalDate.parse(published), null, id, null));
    List<TimelineClaim> out = new ArrayList<>();
    a.claims().forEach(c -> out.add(new TimelineClaim(c, id, null, null, id, null)));
    return out;
  }

  @Test
  void shouldReemitTheSameAlertConfirmedWhenALaterSourceConfirms() {
    // Given a hedged change from one source
    TimelineUpdate u1 =
        ScheduleTimeline.apply(
            null,
            List.of(
                claim(
                    "a1",
                    "one",
                    DEC,
                    MID_NOV,
                    ClaimStatus.CHANGED,
                    Certainty.POSSIBLE,
                    "It was expected in mid-November but might take place in December.")));

    // When another source states December without a hedge
    TimelineUpdate u2 =
        ScheduleTimeline.apply(
            u1.state(),
            List.of(
                claim(
                    "a2",
                    "two",
                    DEC,
                    null,
                    ClaimStatus.SCHEDULED,
                    Certainty.CONFIRMED,
                    "The forum will be held in December.")));

    // Then the same alert id comes again, confirmed, with both sources
    assertThat(u1.alerts())
        .singleElement()
        .satisfies(a -> assertThat(a.certainty()).isEqualTo(Certainty.POSSIBLE));
    assertThat(u2.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.alertId()).isEqualTo(u1.alerts().get(0).alertId());
              assertThat(a.certainty()).isEqualTo(Certainty.CONFIRMED);
              assertThat(a.sourceCount()).isEqualTo(2);
              assertThat(a.evidence()).hasSize(2);
            });
  }

  @Test
  void shouldEmitNothingForAnUnchangedRepeat() {
    // Given a confirmed change mid-November -> December
    TimelineClaim change =
        claim(
            "a1",
            "one",
            DEC,
            MID_NOV,
            ClaimStatus.CHANGED,
            Certainty.CONFIRMED,
            "The forum has been postponed from mid-November to December.");
    TimelineUpdate u1 = ScheduleTimeline.apply(null, List.of(change));

    // When the same claim arrives again, and a plain repeat of December
    TimelineUpdate u2 = ScheduleTimeline.apply(u1.state(), List.of(change));
    TimelineUpdate u3 =
        ScheduleTimeline.apply(
            u2.state(),
            List.of(
                claim(
                    "a3",
                    "one",
                    DEC,
                    null,
                    ClaimStatus.SCHEDULED,
                    Certainty.CONFIRMED,
                    "The forum will take place in December.")));

    // Then nothing is emitted again
    assertThat(u1.alerts()).hasSize(1);
    assertThat(u2.alerts()).isEmpty();
    assertThat(u3.alerts()).isEmpty();
  }

  @Test
  void shouldSupersedeTheLastAlertWhenTheEventMovesOnward() {
    // Given mid-November -> December
    TimelineUpdate u1 =
        ScheduleTimeline.apply(
            null,
            List.of(
                claim(
                    "a1",
                    "one",
                    DEC,
                    MID_NOV,
                    ClaimStatus.CHANGED,
                    Certainty.CONFIRMED,
                    "The forum has been postponed from mid-November to December.")));

    // When a later article moves it to January, and another back to December
    When jan = when("2018-01", null, "January");
    TimelineUpdate u2 =
        ScheduleTimeline.apply(
            u1.state(),
            List.of(
                claim(
                    "a2",
                    "two",
                    jan,
                    null,
                    ClaimStatus.CHANGED,
                    Certainty.CONFIRMED,
                    "The forum has been postponed again, to January.")));
    TimelineUpdate u3 =
        ScheduleTimeline.apply(
            u2.state(),
            List.of(
                claim(
                    "a3",
                    "three",
                    DEC,
                    null,
                    ClaimStatus.SCHEDULED,
                    Certainty.CONFIRMED,
                    "The forum will be held in December after all.")));

    // Then each move is a new alert naming the one it replaces
    String first = u1.alerts().get(0).alertId();
    assertThat(u2.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.alertId()).isNotEqualTo(first);
              assertThat(a.supersedes()).isEqualTo(first);
              assertThat(a.previous().value()).isEqualTo("2017-12");
              assertThat(a.current().value()).isEqualTo("2018-01");
            });
    assertThat(u3.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.supersedes()).isEqualTo(u2.alerts().get(0).alertId());
              assertThat(a.kind()).isEqualTo(ChangeKind.ADVANCED);
            });
  }

  @Test
  void shouldRecordARefinementWithoutAlert() {
    // Given December, then December 5 in a later article
    TimelineUpdate u1 =
        ScheduleTimeline.apply(
            null,
            List.of(
                claim(
                    "a1",
                    "one",
                    DEC,
                    null,
                    ClaimStatus.SCHEDULED,
                    Certainty.CONFIRMED,
                    "The forum will be held in December.")));
    TimelineUpdate u2 =
        ScheduleTimeline.apply(
            u1.state(),
            List.of(
                claim(
                    "a2",
                    "two",
                    when("2017-12-05", null, "December 5"),
                    null,
                    ClaimStatus.SCHEDULED,
                    Certainty.CONFIRMED,
                    "The forum opens on December 5.")));

    // Then no alert, and the timeline holds both claims
    assertThat(u2.alerts()).isEmpty();
    assertThat(u2.state().claims()).hasSize(2);
  }

  @Test
  void shouldNotAlertOnADifferentTimeInTheSameArticleUnlessThePlanWasStatedAsFormer() {
    // Given one article with June and, later, August for the same event, both plain
    TimelineClaim june =
        claim(
            "a1",
            "one",
            when("2017-06", null, "June"),
            null,
            ClaimStatus.SCHEDULED,
            Certainty.CONFIRMED,
            "The forum is in June.");
    TimelineClaim august =
        claim(
            "a1",
            "one",
            when("2017-08", null, "August"),
            null,
            ClaimStatus.SCHEDULED,
            Certainty.CONFIRMED,
            "A second forum is in August.");

    // When applied
    TimelineUpdate u = ScheduleTimeline.apply(null, List.of(june, august));

    // Then no alert: one article naming two times is not evidence of a move
    assertThat(u.alerts()).isEmpty();
  }

  @Test
  void shouldGiveTheSameAlertIdForTheSameChange() {
    // Given the same change seen by two independent timelines
    TimelineClaim change =
        claim(
            "a1",
            "one",
            DEC,
            MID_NOV,
            ClaimStatus.CHANGED,
            Certainty.CONFIRMED,
            "The forum has been postponed from mid-November to December.");

    // When applied twice
    String id1 = ScheduleTimeline.apply(null, List.of(change)).alerts().get(0).alertId();
    String id2 = ScheduleTimeline.apply(null, List.of(change)).alerts().get(0).alertId();

    // Then the ids agree and depend on event and times only
    assertThat(id1).isEqualTo(id2);
    assertThat(id1)
        .isEqualTo(ScheduleTimeline.alertId("energy-forum", MID_NOV, DEC, ChangeKind.POSTPONED));
  }

  @Test
  void shouldKeepTheTimelineBounded() {
    // Given many repeats of the same claim
    TimelineUpdate u = null;
    for (int i = 0; i < 200; i++) {
      u =
          ScheduleTimeline.apply(
              u == null ? null : u.state(),
              List.of(
                  claim(
                      "a" + i,
                      "s" + i,
                      DEC,
                      null,
                      ClaimStatus.SCHEDULED,
                      Certainty.CONFIRMED,
                      "The forum will be held in December.")));
    }

    // Then the state keeps at most MAX_CLAIMS claims, the newest
    assertThat(u.state().claims()).hasSize(ScheduleTimeline.MAX_CLAIMS);
    assertThat(u.state().claims().get(ScheduleTimeline.MAX_CLAIMS - 1).articleId())
        .isEqualTo("a199");
  }

  @Test
  void shouldReadTheKindOfAClaimThatLostItAcrossSerialisation() {
    // Given a CHANGED claim built with the short constructor (as read back from Avro): no kind
    Claim c =
        new Claim(
            FORUM,
            null,
            MID_NOV,
            ClaimStatus.CHANGED,
            Certainty.CONFIRMED,
            "The forum, set for mid-November, has been brought forward.",
            0,
            10);

    // When applied
    TimelineUpdate u =
        ScheduleTimeline.apply(null, List.of(new TimelineClaim(c, "a1", null, null, "one", null)));

    // Then the kind comes from the sentence's wording
    assertThat(u.alerts())
        .singleElement()
        .satisfies(a -> assertThat(a.kind()).isEqualTo(ChangeKind.ADVANCED));
  }
}
