package dev.herald.nlp.schedule;

import static dev.herald.nlp.schedule.ScheduleDetectorTest.alertsOf;
import static dev.herald.nlp.schedule.ScheduleDetectorTest.analyze;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * General English wordings of a schedule change beyond the plain change verbs (ADR 0003): an
 * adjournment to a date, a plan verb that names the occasion, "the move" standing for a plan, a
 * hedge over a "that" clause, a pronoun for the event just changed.
 */
class ChangeWordingTest {

  @Test
  void shouldReadAdjournedUntilADateAsAPostponement() {
    // Given a meeting adjourned until a later date
    String text =
        "Earlier today the board adjourned the annual meeting of shareholders until June 9, the"
            + " company said.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2024-05-20");

    // Then a postponement to June 9
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(a.current().value()).isEqualTo("2024-06-09");
              assertThat(a.event().name()).contains("meeting");
            });
  }

  @Test
  void shouldReadReconvenedAfterAnEarlierAdjournmentAsAPostponement() {
    // Given a meeting first convened and adjourned on a past date, to be reconvened later
    String text =
        "The special meeting of unitholders, first convened and adjourned January 14, will be"
            + " reconvened on March 3.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-02-10");

    // Then January 14 (the past one, not next January) -> March 3
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(a.previous().value()).isEqualTo("2025-01-14");
              assertThat(a.current().value()).isEqualTo("2025-03-03");
            });
  }

  @Test
  void shouldNameTheOccasionFromThePlanVerbOfTheSubject() {
    // Given a subject that is no occasion itself ("the bourse"), planned "to have been opened"
    String text =
        "Officials said the new bourse, scheduled to have been opened on May 2, has been delayed"
            + " pending a court ruling.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2024-05-10");

    // Then the bourse's opening changed, from May 2
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.event().name()).contains("bourse").contains("opening");
              assertThat(a.previous().value()).isEqualTo("2024-05-02");
            });
  }

  @Test
  void shouldReadAPostponedVoteFromWasToBeVotedOn() {
    // Given a bill that "was to be voted on today" and then "was postponed"
    String text =
        "The housing bill was to be voted on today by the committee but was postponed because of a"
            + " procedural dispute.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2024-06-12");

    // Then the vote changed, from today
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.event().name()).contains("vote");
              assertThat(a.previous().value()).isEqualTo("2024-06-12");
            });
  }

  @Test
  void shouldReadAScheduledClosureKeptOpenLongerAsAChange() {
    // Given a plant scheduled to close in one year that will now stay open until a later one
    String text =
        "The smelter had been scheduled to close in 2026, but will now stay open until 2030.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2024-02-01");

    // Then its closure moved from 2026 to 2030
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.event().name()).contains("closure");
              assertThat(a.previous().value()).isEqualTo("2026");
              assertThat(a.current().value()).isEqualTo("2030");
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
            });
  }

  @Test
  void shouldResolveTheMoveToThePlanStatedBeforeIt() {
    // Given "had planned to introduce X on a date, but postponed the move"
    String text =
        "The exchange had planned to introduce evening trading on May 5, but postponed the move"
            + " after complaints from members.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2024-04-20");

    // Then the introduction of evening trading changed, from May 5
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.event().name()).contains("introduction").contains("evening trading");
              assertThat(a.previous().value()).isEqualTo("2024-05-05");
            });
  }

  @Test
  void shouldReadAnExtendedExpiryNamedInARelativeClause() {
    // Given warrants "which were due to expire" on a date and are extended to another
    String text =
        "Acme said its class B warrants which were due to expire June 30 have been extended to"
            + " September 30.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2024-06-10");

    // Then the warrants' expiry moved from June 30 to September 30
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.event().name()).contains("warrants").contains("expiry");
              assertThat(a.previous().value()).isEqualTo("2024-06-30");
              assertThat(a.current().value()).isEqualTo("2024-09-30");
            });
  }

  @Test
  void shouldMoveAnExpiryExtendedForAFurtherMonth() {
    // Given an offer "which was due to expire" on a weekday and is extended "for a further month"
    String text =
        "The exchange offer, which was due to expire next Friday, will be extended for a further"
            + " month, the company said.";

    // When analysed (published on Tuesday 4 June 2024)
    List<Alert> alerts = alertsOf(text, "2024-06-04");

    // Then the expiry moved one month, from Friday 7 June to 7 July
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.previous().value()).isEqualTo("2024-06-07");
              assertThat(a.current().value()).isEqualTo("2024-07-07");
            });
  }

  @Test
  void shouldHedgeAChangeInsideAThatClauseOfAHedge() {
    // Given "may be that" over the clause with the change verb
    String text =
        "The outcome may be that the ministry will have to delay its planned licence auction in"
            + " June, analysts said.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2024-04-02");

    // Then a possible change, not a confirmed one
    assertThat(alerts)
        .singleElement()
        .satisfies(a -> assertThat(a.certainty()).isEqualTo(Certainty.POSSIBLE));
  }

  @Test
  void shouldTakeTheNewTimeOfAPronounForTheEventJustDelayed() {
    // Given a delay, then "it may have to be delayed even until next week" in the next clause
    String text =
        "A power cut delayed the start of the hearing, and clerks said it may have to be delayed"
            + " even until next week.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2024-03-05");

    // Then one possible postponement of the hearing's start to next week
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.event().name()).contains("hearing");
              assertThat(a.current().value()).isEqualTo("2024-W11");
              assertThat(a.certainty()).isEqualTo(Certainty.POSSIBLE);
            });
    assertThat(analyze(text, "2024-03-05").claims()).hasSize(1);
  }

  @Test
  void shouldReadADividendDelayedUntilADateAsAMovedPaymentDate() {
    // Given a final dividend "delayed until" a date
    String text =
        "Northwind said it would pay a final, dividend delayed until August 2 to benefit from the"
            + " new tax rules.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2024-05-15");

    // Then the dividend's payment date moved to August 2
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.event().name()).contains("dividend").contains("payment date");
              assertThat(a.current().value()).isEqualTo("2024-08-02");
            });
  }

  @Test
  void shouldKeepAYearBeforeAConjunctionAsThePlannedTime() {
    // Given "scheduled to close in 2026 after ..." and a later time after "but will now"
    String text =
        "The pit had been scheduled to close in 2026 after the upper seams were worked out, but"
            + " will now stay open until the deeper seams are exhausted, probably in 2031.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2024-02-01");

    // Then a possible postponement of its closure, 2026 -> 2031
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.previous().value()).isEqualTo("2026");
              assertThat(a.current().value()).isEqualTo("2031");
              assertThat(a.certainty()).isEqualTo(Certainty.POSSIBLE);
            });
  }

  @Test
  void shouldReadAFormerPlanInARelativeClauseAndAWillNowTimeAsAChange() {
    // Given "X, which had been scheduled for <quarter>, will now ... in <quarter>", no "but"
    String text =
        "The new tablets, which had been scheduled for delivery in the fourth quarter, will now be"
            + " delivered in the third quarter, the maker said.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-05-06");

    // Then the delivery moved earlier, both quarters read in the publication year
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.ADVANCED);
              assertThat(a.event().name()).contains("delivery");
              assertThat(a.previous().value()).isEqualTo("2025-Q4");
              assertThat(a.current().value()).isEqualTo("2025-Q3");
            });
  }

  @Test
  void shouldReadAWillNowTimeAfterAReportedFormerPlanAsAChange() {
    // Given reported speech ("the agency said ... had been set for") and a later "will now"
    String text =
        "The agency said the hearing, which had been set for June 4, will now be held on June 18.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-05-06");

    // Then a postponement June 4 -> June 18
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(a.previous().value()).isEqualTo("2025-06-04");
              assertThat(a.current().value()).isEqualTo("2025-06-18");
            });
  }

  @Test
  void shouldReadAnExtendedPeriodAsAMovedExpiry() {
    // Given a subscription period extended to a date from another
    String text =
        "Harbor Mills said it extended the subscription period for its rights issue to July 9 from"
            + " June 25.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-06-20");

    // Then June 25 -> July 9
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(a.previous().value()).isEqualTo("2025-06-25");
              assertThat(a.current().value()).isEqualTo("2025-07-09");
            });
  }

  @Test
  void shouldReadAPeriodExtendedByADurationAsAChangeWithoutDates() {
    // Given "extended by N days the period during which ..."
    String text =
        "The fund said it extended by 14 days the period during which holders may swap their"
            + " units for shares.";

    // When analysed
    List<Claim> claims = analyze(text, "2025-06-20").claims();

    // Then one changed claim about the period
    assertThat(claims)
        .singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo(ClaimStatus.CHANGED));
  }

  @Test
  void shouldReadAnOfferExtendedToADateFromAnotherFarAfterTheVerb() {
    // Given an offer's expiry extended "to T2 from T1", after a long object
    String text =
        "Northwind Capital said it has extended the expiration of its offer to pay 12 dlrs a share"
            + " for all outstanding shares of Bluefin Foods Inc, a Delaware company, to June 14 from"
            + " June 2.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-05-30");

    // Then June 2 -> June 14
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(a.previous().value()).isEqualTo("2025-06-02");
              assertThat(a.current().value()).isEqualTo("2025-06-14");
            });
  }

  @Test
  void shouldReadAnOfferExtendedFromADateToAnotherFarAfterTheVerb() {
    // Given the same move written "from T1 until T2"
    String text =
        "Northwind Capital said it has extended the expiration of its offer to pay 12 dlrs a share"
            + " for all outstanding shares of Bluefin Foods Inc, a Delaware company, from June 2"
            + " until June 14.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-05-30");

    // Then June 2 -> June 14
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.previous().value()).isEqualTo("2025-06-02");
              assertThat(a.current().value()).isEqualTo("2025-06-14");
            });
  }

  @Test
  void shouldReadAResumedMeetingAfterAnEarlierAdjournmentAsAPostponement() {
    // Given a meeting previously adjourned that "will be resumed" at a stated time
    String text =
        "A previously adjourned meeting of Carrow Mills holders will be resumed on Friday.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-11");

    // Then the meeting moved to that Friday
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(a.current().value()).isEqualTo("2025-03-14");
              assertThat(a.event().name()).contains("meeting");
            });
  }

  @Test
  void shouldReadAnyAgreementExtendedToADateFromAnotherAsAMovedExpiry() {
    // Given an exclusivity agreement (no offer, period or deadline named) extended by a date pair
    String text =
        "Harbor Trust said its agreement to negotiate exclusively with Pellam Group has been"
            + " extended until July 8 from June 20.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-06-18");

    // Then June 20 -> July 8
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(a.previous().value()).isEqualTo("2025-06-20");
              assertThat(a.current().value()).isEqualTo("2025-07-08");
            });
  }

  @Test
  void shouldReadABidExtendedInARelativeClauseAsAMovedExpiry() {
    // Given a bid extended in a relative clause after other material
    String text =
        "The company said it had received 2.1 mln shares in the bid, which has been extended"
            + " until May 16.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-05-09");

    // Then the bid's expiry moved to May 16
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(a.current().value()).isEqualTo("2025-05-16");
              assertThat(a.event().name()).contains("bid");
            });
  }

  @Test
  void shouldReadAScheduleSetBackToADateFromAnotherAsAPostponement() {
    // Given "set back the schedule for X to T2 from T1"
    String text =
        "The utility has set back the schedule for the reactor's first power run to late August"
            + " from July 10.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-06-02");

    // Then July 10 -> late August, named after the run the schedule times
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(a.previous().value()).isEqualTo("2025-07-10");
              assertThat(a.current().value()).isEqualTo("2025-08");
              assertThat(a.event().name()).contains("power run");
            });
  }

  @Test
  void shouldReadANowTimeBehindScheduleAsAPostponementOfTheVerbsOccasion() {
    // Given a plant that "will now come on stream" at a time, "behind schedule"
    String text =
        "The new ethylene unit at the Corran works will now come on stream in the third quarter"
            + " of 2026, about four months behind schedule.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2026-03-05");

    // Then its start-up is postponed to that quarter
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(a.current().value()).isEqualTo("2026-Q3");
              assertThat(a.event().name()).contains("start-up");
            });
  }

  @Test
  void shouldReadANowTimeEarlierThanPlannedAsAnAdvance() {
    // Given a terminal that "will now open" at a time "earlier than planned"
    String text = "The ferry terminal will now open in September, two months earlier than planned.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2026-03-05");

    // Then its opening is brought forward to September
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.ADVANCED);
              assertThat(a.current().value()).isEqualTo("2026-09");
              assertThat(a.event().name()).contains("opening");
            });
  }

  @Test
  void shouldReadAPlanStatedWithNowAsAChangeWithOnlyTheNewTime() {
    // Given "is now due to be signed on" with no former date stated
    String text = "The Harbour accord is now due to be signed on May 14, officials said.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-05-02");

    // Then a change of unknown direction to May 14, the signing of the accord
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.RESCHEDULED);
              assertThat(a.previous()).isNull();
              assertThat(a.current().value()).isEqualTo("2025-05-14");
              assertThat(a.event().name()).contains("signing");
            });
  }

  @Test
  void shouldReadAnOccasionNowExpectedAtATimeAsAChange() {
    // Given an occasion that is "now expected" at a time
    String text = "Completion of the bypass is now expected in October.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-05-02");

    // Then a change to October
    assertThat(alerts)
        .singleElement()
        .satisfies(a -> assertThat(a.current().value()).isEqualTo("2025-10"));
  }

  @Test
  void shouldReadPostponedPlansToLaunchAsAPostponedLaunch() {
    // Given plans to launch something at a time, postponed to another
    String text = "Its plans to launch the Meridian fund in May have been postponed until July.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-12");

    // Then the launch moved from May to July
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(a.previous().value()).isEqualTo("2025-05");
              assertThat(a.current().value()).isEqualTo("2025-07");
              assertThat(a.event().name()).contains("launch");
            });
  }

  @Test
  void shouldReadADelayOfPlansToMarketAsADelayedLaunchFromThePlansTime() {
    // Given a delay of plans to market a product at a time, with no new time
    String text =
        "The extra review will delay the group's plans to market the vaccine this autumn.";

    // When analysed
    List<Claim> claims = analyze(text, "2025-03-12").claims();

    // Then a postponed launch whose old time is the plan's autumn
    assertThat(claims)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.status()).isEqualTo(ClaimStatus.CHANGED);
              assertThat(c.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(c.previousWhen().value()).isEqualTo("2025-FA");
              assertThat(c.event().name()).contains("launch");
            });
  }

  @Test
  void shouldReadADelayedFinalisationAsAChangeWithoutDates() {
    // Given the finalising of a deal delayed, with no time stated (like a delayed completion)
    String text = "Licensing problems have delayed the finalising of the ferry contracts.";

    // When analysed
    List<Claim> claims = analyze(text, "2025-03-12").claims();

    // Then one changed claim about the finalising
    assertThat(claims)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.status()).isEqualTo(ClaimStatus.CHANGED);
              assertThat(c.event().name()).contains("finalising");
            });
  }

  @Test
  void shouldReadAFormerPlanAndALaterWillNowTimeAsAChange() {
    // Given a plan stated as former in a main clause and "will now" with a new time after "and"
    String text = "The vouchers were due to expire on May 10 and will now expire on August 10.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-04-01");

    // Then the vouchers' expiry moves from May 10 to August 10
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(a.previous().value()).isEqualTo("2025-05-10");
              assertThat(a.current().value()).isEqualTo("2025-08-10");
              assertThat(a.event().name()).contains("vouchers").contains("expiry");
            });
  }

  @Test
  void shouldTakeTheEventOfARelativeClauseWhosePlanIsItsSecondVerb() {
    // Given "which began ... and were initially expected to end ..., will now run into ..."
    String text =
        "The committee's hearings, which opened on Monday and were initially expected to end on"
            + " Thursday, will now run into next week.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-12");

    // Then the hearings move from this Thursday to next week
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(a.event().name()).contains("hearings");
              assertThat(a.previous().value()).isEqualTo("2025-03-13");
              assertThat(a.current().value()).isEqualTo("2025-W12");
            });
  }

  @Test
  void shouldReadHeldOverUntilADateAsAPostponement() {
    // Given a vote "held over until" a day, the occasion after the time
    String text = "The council held over until Friday the final vote on the harbour plan.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-12");

    // Then the vote is postponed to Friday
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(a.current().value()).isEqualTo("2025-03-14");
              assertThat(a.event().name()).contains("vote");
            });
  }

  @Test
  void shouldReadAProgrammeExtendedToADateAsAChange() {
    // Given a programme whose run is extended to a date
    String text = "The carmaker extended its spring rebate program on two models to May 31.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-12");

    // Then a postponement to May 31
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(a.current().value()).isEqualTo("2025-05-31");
              assertThat(a.event().name()).contains("program");
            });
  }

  @Test
  void shouldReadWarrantsExtendedByADurationAsAChangeWithoutDates() {
    // Given warrants (a money word heads no lending here) extended by a stated duration
    String text =
        "The board extended the company's common stock purchase warrants by three months.";

    // When analysed
    List<Claim> claims = analyze(text, "2025-03-12").claims();

    // Then one changed claim about the warrants' expiry, with no dates
    assertThat(claims)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.status()).isEqualTo(ClaimStatus.CHANGED);
              assertThat(c.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(c.event().name()).contains("warrants").contains("expiry");
              assertThat(c.when()).isNull();
            });
  }

  @Test
  void shouldReadDelayedDeliberationsAsAChangeWithoutDates() {
    // Given deliberations (an occasion like a debate) delayed with no time
    String text = "A walkout by the opposition has delayed deliberations of the finance committee.";

    // When analysed
    List<Claim> claims = analyze(text, "2025-03-12").claims();

    // Then one changed claim about the deliberations
    assertThat(claims)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.status()).isEqualTo(ClaimStatus.CHANGED);
              assertThat(c.event().name()).contains("deliberations");
            });
  }

  @Test
  void shouldReadADelayedBudgetAsAChangeWithoutDates() {
    // Given a budget (its presentation and passage are an occasion) delayed with no time
    String text = "The state budget has been delayed by a dispute over school funding.";

    // When analysed
    List<Claim> claims = analyze(text, "2025-03-12").claims();

    // Then one changed claim about the budget
    assertThat(claims)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.status()).isEqualTo(ClaimStatus.CHANGED);
              assertThat(c.event().name()).contains("budget");
            });
  }

  @Test
  void shouldReadSlippedToADateWithTheSubjectAsTheOccasion() {
    // Given an intransitive "slipped to" whose subject (with its plan in commas) is the occasion
    String text = "The launch, set for June, has slipped to September.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-12");

    // Then the launch moves from June to September
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(a.event().name()).contains("launch");
              assertThat(a.previous().value()).isEqualTo("2025-06");
              assertThat(a.current().value()).isEqualTo("2025-09");
            });
  }

  @Test
  void shouldReadAFormerPlanBetweenCommasAndAWillNowTimeAsAChange() {
    // Given a former plan inserted between commas after the occasion, then "will now" + a time
    String text = "The meeting, originally set for March 20, will now be held on March 27.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-12");

    // Then March 20 -> March 27
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(a.previous().value()).isEqualTo("2025-03-20");
              assertThat(a.current().value()).isEqualTo("2025-03-27");
            });
  }

  @Test
  void shouldReadAFuturePlanBeforeLaterThanPlannedAsTheNewTime() {
    // Given a plain future plan with its time, then "a week later than planned"
    String text = "The strike ballot will be held on April 2, a week later than planned.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-12");

    // Then the ballot is postponed to April 2
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(a.event().name()).contains("ballot");
              assertThat(a.current().value()).isEqualTo("2025-04-02");
            });
  }

  @Test
  void shouldReadAMeetingVerbBeforeLaterThanPlannedAsAMovedMeeting() {
    // Given "will meet" with a day, then "a day later than originally planned"
    String text = "The ministers will meet on Friday, a day later than originally planned.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-12");

    // Then the ministers' meeting is postponed to Friday
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(a.event().name()).contains("meeting");
              assertThat(a.current().value()).isEqualTo("2025-03-14");
            });
  }

  @Test
  void shouldReadPutBackToADateAsAPostponement() {
    // Given "put back" followed by a new time
    String text = "The shareholder vote has been put back to May.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-12");

    // Then the vote is postponed to May
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(a.current().value()).isEqualTo("2025-05");
            });
  }

  @Test
  void shouldReadAFormerPlanInCommasThenAFuturePlanAsAChange() {
    // Given a plan stated as former between commas, then a plain future plan with another day
    String text = "The vote, which had been due on Tuesday, will take place on Thursday.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-12");

    // Then Tuesday -> Thursday
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(a.previous().value()).isEqualTo("2025-03-11");
              assertThat(a.current().value()).isEqualTo("2025-03-13");
            });
  }

  @Test
  void shouldReadWouldBeHeldBeforeLaterThanScheduledAsTheNewTime() {
    // Given reported speech "would be held" with a day, then "one week later than originally
    // scheduled"
    String text =
        "Officials said the auction would be held next Tuesday, one week later than originally scheduled.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-12");

    // Then the auction is postponed to next Tuesday
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(a.event().name()).contains("auction");
              assertThat(a.current().value()).isEqualTo("2025-03-18");
            });
  }

  @Test
  void shouldReadPutForwardToADateAsAnAdvance() {
    // Given "put forward" followed by a day
    String text = "The ministers' meeting has been put forward to Thursday.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-12");

    // Then an advance to Thursday
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.ADVANCED);
              assertThat(a.current().value()).isEqualTo("2025-03-13");
            });
  }

  @Test
  void shouldReadAYearBeforeFromAsTheOldTimeOfAPair() {
    // Given a move "to 1989 from 1988" (a year before "from" is no noun modifier)
    String text = "The start of production has been pushed back to 1989 from 1988.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "1987-03-12");

    // Then 1988 -> 1989
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(a.previous().value()).isEqualTo("1988");
              assertThat(a.current().value()).isEqualTo("1989");
            });
  }

  @Test
  void shouldReadSlippedIntoAYearAsAPostponement() {
    // Given "slipped into" a year
    String text = "Delivery of the first aircraft has slipped into 1990.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "1987-03-12");

    // Then a postponement of the delivery to 1990
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(a.event().name()).contains("Delivery");
              assertThat(a.current().value()).isEqualTo("1990");
            });
  }

  @Test
  void shouldReadWillNowTakePlaceOnADateAsAChange() {
    // Given "will now take place" with a day
    String text = "The merger vote will now take place on May 1.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-12");

    // Then a change of the vote to May 1
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.RESCHEDULED);
              assertThat(a.current().value()).isEqualTo("2025-05-01");
            });
  }

  @Test
  void shouldReadADelayedClosingAsAChangeWithoutDates() {
    // Given the closing of a deal delayed, with no time stated
    String text = "The closing of the pipeline sale has been delayed.";

    // When analysed
    List<Claim> claims = analyze(text, "2025-03-12").claims();

    // Then one changed claim about the closing
    assertThat(claims)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.status()).isEqualTo(ClaimStatus.CHANGED);
              assertThat(c.event().name()).contains("closing");
            });
  }

  @Test
  void shouldReadMovedForwardByADurationAsAnAdvance() {
    // Given an occasion "moved forward by" a duration, with no date
    String text = "The summit has been moved forward by a day.";

    // When analysed
    List<Claim> claims = analyze(text, "2025-03-12").claims();

    // Then an advance of the summit without dates
    assertThat(claims)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.status()).isEqualTo(ClaimStatus.CHANGED);
              assertThat(c.kind()).isEqualTo(ChangeKind.ADVANCED);
              assertThat(c.event().name()).contains("summit");
            });
  }

  @Test
  void shouldReadAnExtensionWhoseDateComesBeforeThePeriodAsAChangeOfItsEnd() {
    // Given an extension that states the date before its object, a period
    String text =
        "Nimbus Ltd said it extended until May 20 the period during which holders may swap their"
            + " units for shares.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-05-02");

    // Then the period's end moved to May 20
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(a.current().value()).isEqualTo("2025-05-20");
            });
  }

  @Test
  void shouldReadExtendedPluralOffersAsAChangeOfTheirExpiry() {
    // Given offers (plural) extended by a duration to a date named before them
    String text = "Harbor Foods said it is extending by a week to June 6 its exchange offers.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-05-28");

    // Then the offers' expiry moved to June 6
    assertThat(alerts)
        .singleElement()
        .satisfies(a -> assertThat(a.current().value()).isEqualTo("2025-06-06"));
  }

  @Test
  void shouldReadAnAgreementExtendedToADateAsAChangeOfItsEnd() {
    // Given a standstill (an agreement that runs until a date) extended by a duration to a date
    String text =
        "Under the new terms, the standstill will be extended for two years to May 31, 2027.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-05-28");

    // Then its end moved to May 31, 2027
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(a.current().value()).isEqualTo("2027-05-31");
              assertThat(a.event().name()).contains("standstill");
            });
  }

  @Test
  void shouldReadAnExtendedProgramWithAMoneyModifierAsAChangeOfItsEnd() {
    // Given a "stock buyback program" (a money word modifying a programme) extended to a date
    String text =
        "Delta Tools said its board approved an extension of its stock buyback program until June"
            + " 2027.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-05-28");

    // Then the programme's end moved to June 2027
    assertThat(alerts)
        .singleElement()
        .satisfies(a -> assertThat(a.current().value()).isEqualTo("2027-06"));
  }

  @Test
  void shouldReadADelayOfAnOccasionThatASentenceForeseesAsAPossibleChange() {
    // Given a noun-form delay of an occasion that "could" come
    String text = "Analysts said the recall could result in a delay of the product launch.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-04-02");

    // Then a possible postponement of the launch, with no date
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(a.certainty()).isEqualTo(Certainty.POSSIBLE);
              assertThat(a.event().name()).contains("launch");
            });
  }

  @Test
  void shouldReadAnAdjectiveBeforeAForeseenDelayAsTheNounForm() {
    // Given "a lengthy delay of" an occasion that the sentence calls inevitable
    String text = "The union said a lengthy delay of the plant's opening now seems inevitable.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-04-02");

    // Then a postponement of the opening
    assertThat(alerts)
        .singleElement()
        .satisfies(a -> assertThat(a.event().name()).contains("opening"));
  }

  @Test
  void shouldReadALikelyExtensionOfAnAgreementBeyondItsEndAsAPossibleChange() {
    // Given a likely extension of an agreement for a year beyond its end date, and a later
    // "today" that is when the delegates spoke
    String text =
        "An extension of the cocoa agreement for two years beyond September 30 is increasingly"
            + " likely, delegates said after a council session today.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-04-02");

    // Then a possible postponement of its end from September 30, not a move to today
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(a.certainty()).isEqualTo(Certainty.POSSIBLE);
              assertThat(a.previous().value()).isEqualTo("2025-09-30");
              assertThat(a.current()).isNull();
            });
  }

  @Test
  void shouldReadAnOfferExtendedToMidnightWithABracketedZoneAsExtendedToThatDay() {
    // Given an offer extended "until midnight (EDT) June 4"
    String text = "Orchid Corp said it extended its tender offer until midnight (EDT) June 4.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-05-30");

    // Then the offer's expiry moved to June 4, the day (not the publication day, not a clock time)
    assertThat(alerts)
        .singleElement()
        .satisfies(a -> assertThat(a.current().value()).isEqualTo("2025-06-04"));
  }

  @Test
  void shouldReadAFutureOccasionVerbWithItsTimeAheadOfScheduleAsAnAdvance() {
    // Given a future verb naming an occasion, its time, then "ahead of schedule"
    String text =
        "The minister said the new rules would be introduced next year, ahead of schedule.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-04-02");

    // Then the introduction was brought forward to next year
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.ADVANCED);
              assertThat(a.current().value()).isEqualTo("2026");
              assertThat(a.event().name()).contains("introduction");
            });
  }

  @Test
  void shouldReadAFutureOccasionVerbAShiftLaterThanPlannedAsAPostponement() {
    // Given a future opening "three weeks later than planned", with no date
    String text = "Kestrel Mining said it will open the new shaft three weeks later than planned.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-04-02");

    // Then a postponement without a new date
    assertThat(alerts)
        .singleElement()
        .satisfies(a -> assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED));
  }

  @Test
  void shouldReadACancelledProposedOfferingAsACancellation() {
    // Given a proposed offering (a plan) cancelled
    String text = "Bluewater Inc said it has cancelled a proposed share offering to its members.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-04-02");

    // Then the offering is cancelled
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.CANCELLED);
              assertThat(a.event().name()).contains("offering");
            });
  }

  @Test
  void shouldReadAMeetingChangedFromOneDayToAnotherAsAMove() {
    // Given a meeting "changed from" one day "to" a later one
    String text =
        "Harlow Corp said the special meeting of shareholders has been changed from March 12 to"
            + " March 19.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-03");

    // Then a postponement from March 12 to March 19
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
              assertThat(a.previous().value()).isEqualTo("2025-03-12");
              assertThat(a.current().value()).isEqualTo("2025-03-19");
            });
  }

  @Test
  void shouldReadARecordDateChangedToAnEarlierDayAsAnAdvanceNotARange() {
    // Given a record date changed "to May 8 from May 29", after another date of the dividend
    String text =
        "Kite Inc said it changed the record date for its dividend payable June 26 to May 8 from"
            + " May 29.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-03");

    // Then the record date moved forward to May 8 (June 26 to May 8 is no range)
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(ChangeKind.ADVANCED);
              assertThat(a.current().value()).isEqualTo("2025-05-08");
            });
  }

  @Test
  void shouldReadAFurtherDurationAsTheShiftOfAnExtension() {
    // Given an offer extended "for a further two weeks" (no date)
    String text = "Ridgeway Foods said it extended its tender offer for a further two weeks.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-04-02");

    // Then a postponement of the offer's expiry
    assertThat(alerts)
        .singleElement()
        .satisfies(a -> assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED));
  }
}
