package dev.herald.nlp.schedule;

import static dev.herald.nlp.schedule.ScheduleDetectorTest.alertsOf;
import static dev.herald.nlp.schedule.ScheduleDetectorTest.analyze;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sentences that look like schedule changes and are not (ADR 0003). */
class NotAChangeTest {

  @Test
  void shouldTreatADayInsideTheKnownMonthAsRefinement() {
    // Given "November" then "November 18" for the same summit
    String text =
        "The climate summit will be held in Bonn in November. Officials said the climate summit"
            + " will be held on November 18.";

    // When analysed
    // Then no alert
    assertThat(alertsOf(text, "2017-09-01")).isEmpty();
  }

  @Test
  void shouldTreatARangeInsideMidMonthAsRefinement() {
    // Given "mid-April" then "April 13 to 16"
    String text =
        "Secretary of State George Shultz and Soviet Foreign Minister Eduard Shevardnadze will"
            + " meet in Moscow in mid-April, administration sources said. The sources said they"
            + " will meet April 13 to 16.";

    // When analysed
    // Then no alert
    assertThat(alertsOf(text, "1987-03-06")).isEmpty();
  }

  @Test
  void shouldTreatMidToLateMonthAsAChange() {
    // Given a plan stated as former (mid-November) and a later one (late November)
    String text =
        "The forum was expected to take place in mid-November. The forum will now take place in"
            + " late November, organisers said.";

    // When analysed
    // Then a postponement: the ranges do not overlap
    assertThat(alertsOf(text, "2017-10-02"))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.previous().mod()).isEqualTo("MID");
              assertThat(a.current().mod()).isEqualTo("END");
              assertThat(a.kind()).isEqualTo(ChangeKind.POSTPONED);
            });
  }

  @Test
  void shouldNotTreatAPartialOverlapAsAChangeUnlessTheTextSaysSo() {
    // Given early March, then March 8 to 14 (overlapping), with no change word
    String plain =
        "The trade fair was expected to take place in early March. The trade fair will take"
            + " place March 8 to 14.";
    // and the same overlap stated as a postponement
    String stated =
        "The trade fair, originally scheduled for early March, has been postponed to March 8 to"
            + " 14.";

    // When analysed
    // Then only the stated one is a change
    assertThat(alertsOf(plain, "2017-02-01")).isEmpty();
    assertThat(alertsOf(stated, "2017-02-01"))
        .singleElement()
        .satisfies(a -> assertThat(a.kind()).isEqualTo(ChangeKind.RESCHEDULED));
  }

  @Test
  void shouldIgnoreHistoricalDates() {
    // Given past events in a story
    String text =
        "Oilseed processing at the plant has been halted since December 19 when mill workers"
            + " walked out. On Tuesday, the Senate Banking Committee passed a bill to recapitalize"
            + " FSLIC.";

    // When analysed
    // Then no claim at all
    assertThat(analyze(text, "1987-03-02").claims()).isEmpty();
  }

  @Test
  void shouldIgnoreFinancialSensesOfChangeWords() {
    // Given debt rescheduling, deferred tax and delayed payments
    String text =
        "West Germany and Tanzania agreed a debt rescheduling on Monday. The company reported"
            + " deferred tax of 3 mln dlrs for 1986. Delayed payments of 12 mln dlrs are due in"
            + " April. Nigeria will reschedule 7.5 billion dlrs of official debt in March.";

    // When analysed
    // Then no alert
    assertThat(alertsOf(text, "1987-03-04")).isEmpty();
  }

  @Test
  void shouldIgnorePushingBackAgainstAProposal() {
    // Given "pushed back against"
    String text =
        "Unions pushed back against the proposal at the meeting on Monday, which is set for"
            + " March 9.";

    // When analysed
    // Then no alert
    assertThat(alertsOf(text, "1987-03-04")).isEmpty();
  }

  @Test
  void shouldIgnoreNegatedChanges() {
    // Given denials
    String text =
        "The summit scheduled for June 12 has not been postponed, a spokesman said. There are"
            + " no plans to delay the summit planned for June 12. The election will not be"
            + " delayed beyond May 3.";

    // When analysed
    // Then no alert
    assertThat(alertsOf(text, "2017-05-30")).isEmpty();
  }

  @Test
  void shouldIgnoreConditionalChanges() {
    // Given an offer that expires "unless extended" and an "if" postponement
    String text =
        "The offer and withdrawal rights will expire on April 3, unless extended. The vote"
            + " scheduled for April 9 would be postponed to May if the talks fail.";

    // When analysed
    // Then no alert
    assertThat(alertsOf(text, "1987-03-24")).isEmpty();
  }

  @Test
  void shouldIgnoreRevisedFigures() {
    // Given figures revised from a previous announcement
    String text =
        "In January, durable goods fell a revised 9.9 pct instead of the previously reported 7.5"
            + " pct. The January rise in consumer prices was 1.0 pct instead of the previously"
            + " announced 1.3 pct.";

    // When analysed
    // Then no alert
    assertThat(alertsOf(text, "1987-03-24")).isEmpty();
  }

  @Test
  void shouldIgnoreAPossibleExtensionOfAMeeting() {
    // Given a meeting set for Saturday that "could also continue on Sunday"
    String text = "\"The meeting is set for Saturday but could also continue on Sunday,\" he said.";

    // When analysed
    // Then no alert
    assertThat(alertsOf(text, "1987-03-18")).isEmpty();
  }

  @Test
  void shouldNotAlertOnAPostponedDecisionWithNoDate() {
    // Given a purchase decision put off, and shareholders asked to postpone action
    String text =
        "SAS said it was postponing a decision on the order for 12 airliners. GENCORP ASKS"
            + " SHAREHOLDERS TO POSTPONE ACTION IN TENDER OFFER";

    // When analysed
    // Then no alert
    assertThat(alertsOf(text, "1987-03-20")).isEmpty();
  }

  @Test
  void shouldNotTreatAnAdjournedSessionAsAChange() {
    // Given a council that adjourned, with no "until" a date, and a session that resumes later
    String ended = "The council adjourned after hearing both delegations, officials said.";
    String resumes =
        "The council adjourned on Friday and will reconvene on Tuesday, delegates said.";
    String due = "The conference is due to adjourn on Friday.";

    // When analysed
    // Then no alert: a session that ends or breaks has not moved
    assertThat(alertsOf(ended, "2024-03-12")).isEmpty();
    assertThat(alertsOf(resumes, "2024-03-12")).isEmpty();
    assertThat(alertsOf(due, "2024-03-12")).isEmpty();
  }

  @Test
  void shouldNotTurnAPostponedMoveWithoutAPlannedOccasionIntoAChange() {
    // Given "the move" after a plan whose verb names no occasion (buying shares)
    String text = "The fund had planned to buy more shares in May, but postponed the move.";

    // When analysed
    // Then no alert
    assertThat(alertsOf(text, "2024-04-02")).isEmpty();
  }

  @Test
  void shouldNotReadAPlanToReconveneAsAChange() {
    // Given a plain plan to reconvene, with no adjournment stated as the former plan
    String text = "The full council is to reconvene on Tuesday, delegates said.";

    // When analysed
    // Then no alert
    assertThat(alertsOf(text, "2024-03-14")).isEmpty();
  }

  @Test
  void shouldNotReadDeferredDividendsWithoutADateAsAChange() {
    // Given dividends deferred with no date to go to
    String text = "The company has deferred dividends on its preferred stock since last year.";

    // When analysed
    // Then no alert: a money matter
    assertThat(alertsOf(text, "2024-02-01")).isEmpty();
  }

  @Test
  void shouldNotReadAnExtendedLoanAgreementAsAMovedExpiry() {
    // Given a loan agreement "which covers short term debt" scheduled to expire, then extended
    String passive =
        "The bank agreement, which covers 40 mln dlrs of short term debt, had been scheduled to"
            + " expire June 30 but was extended to September 30.";
    String relative =
        "The covenant waivers which were due to expire June 30 have been extended to September 30.";

    // When analysed
    // Then no alert: lending, not an occasion
    assertThat(alertsOf(passive, "2024-06-10")).isEmpty();
    assertThat(alertsOf(relative, "2024-06-10")).isEmpty();
  }

  @Test
  void shouldNotReadGainsExtendedInAPeriodAsAChange() {
    // Given "extended" in its market sense with a period that is not its object
    String text = "Shares of the group extended their gains in the period to June 30.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-07-02");

    // Then nothing moved
    assertThat(alerts).isEmpty();
  }

  @Test
  void shouldNotReadAnExtendedRepaymentPeriodAsAChange() {
    // Given a loan's repayment period extended (lending, not an occasion)
    String text = "The lenders extended the period for repaying the loan to 2031.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-07-02");

    // Then no alert
    assertThat(alerts).isEmpty();
  }

  @Test
  void shouldNotReadAReportedPlanWithoutANewTimeAsAChange() {
    // Given reported speech with "had been set for" and no later "now" time
    String text = "Organisers said the march had been set for Saturday and would go ahead.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-07-02");

    // Then no alert
    assertThat(alerts).isEmpty();
  }

  @Test
  void shouldNotReadTalksThatResumeOnADateAsAChange() {
    // Given talks that "will resume" on a date, with no adjournment stated as a former plan
    String text = "Union and management negotiators said talks will resume on Friday.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-11");

    // Then nothing moved
    assertThat(alerts).isEmpty();
  }

  @Test
  void shouldNotReadAWaiverExtendedToADateFromAnotherAsAChange() {
    // Given banks extending a covenant waiver by a date pair (lending, not an occasion)
    String text =
        "The company said its banks agreed to extend a waiver of certain net worth covenants to"
            + " May 30 from April 15.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-04-10");

    // Then no alert
    assertThat(alerts).isEmpty();
  }

  @Test
  void shouldNotReadLongerDailyHoursAsAChange() {
    // Given a daily break extended from one clock time to another
    String text = "The exchange extends the midday break to 1100 to 1330 from 1100 to 1300.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-04-10");

    // Then no alert: daily hours are no occasion
    assertThat(alerts).isEmpty();
  }

  @Test
  void shouldNotReadASetbackWithoutTimesAsAChange() {
    // Given "set back" in its sense of a blow
    String text = "The strike set back the company's recovery by several months.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-04-10");

    // Then no alert
    assertThat(alerts).isEmpty();
  }

  @Test
  void shouldNotReadALagBehindScheduleWithoutANewTimeAsAChange() {
    // Given work that is "now" behind schedule with no new time stated
    String text = "Spring planting is now running about two weeks behind schedule.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-04-10");

    // Then no alert
    assertThat(alerts).isEmpty();
  }

  @Test
  void shouldNotReadAHistoricalStartAheadOfScheduleAsAChange() {
    // Given a start-up that already happened ahead of schedule
    String text = "The mine began production in January, one month ahead of schedule.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-04-10");

    // Then no alert
    assertThat(alerts).isEmpty();
  }

  @Test
  void shouldNotReadAFigureNowExpectedAtATimeAsAChange() {
    // Given a figure, not an occasion, "now expected" in a period
    String text = "Net profit is now expected to exceed 5 mln dlrs in the second half.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-05-02");

    // Then no alert
    assertThat(alerts).isEmpty();
  }

  @Test
  void shouldNotReadANowPlanWithOnlyAPastTimeAsAChange() {
    // Given "now" with a time that is already over
    String text = "The hearing is now scheduled, the court said last week.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-05-02");

    // Then no alert
    assertThat(alerts).isEmpty();
  }

  @Test
  void shouldNotReadDelayedPlansToBuyAsAChange() {
    // Given delayed plans whose verb names no occasion
    String text = "The army has delayed plans to buy a new air defence missile.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-12");

    // Then no alert
    assertThat(alerts).isEmpty();
  }

  @Test
  void shouldNotReadHeldOverWithoutAnUntilTimeAsAChange() {
    // Given "held over" in the sense of detained, with a time but no "until"
    String text = "Police said two men were held over the weekend for questioning.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-12");

    // Then no alert
    assertThat(alerts).isEmpty();
  }

  @Test
  void shouldNotReadAProgrammeExtendedToPlacesAsAChange() {
    // Given a programme extended to more places, with no time
    String text = "The state extended its school meals program to three more counties.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-12");

    // Then no alert
    assertThat(alerts).isEmpty();
  }

  @Test
  void shouldNotReadABudgetThatDelaysSomethingElseAsAChange() {
    // Given a budget as the agent of a delay of something that is no occasion
    String text = "Budget cuts have delayed the new hospital wing.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-12");

    // Then no alert
    assertThat(alerts).isEmpty();
  }

  @Test
  void shouldNotReadPutBackWithoutATimeAsAChange() {
    // Given "put back" in the sense of returned, with no time after it
    String text = "The paintings will be put back in the museum's main hall next month.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-12");

    // Then no alert
    assertThat(alerts).isEmpty();
  }

  @Test
  void shouldNotReadAFuturePlanLaterThanUsualAsAChange() {
    // Given a future plan compared with habit, not with a plan
    String text = "The fair will open on May 3, a week later than usual.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-12");

    // Then no alert
    assertThat(alerts).isEmpty();
  }

  @Test
  void shouldNotReadPutForwardAProposalAsAChange() {
    // Given "put forward" a proposal that names a day later
    String text = "The group put forward a proposal to hold talks on Monday.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-12");

    // Then no alert
    assertThat(alerts).isEmpty();
  }

  @Test
  void shouldNotReadTalksThatWillNowResumeAsAChange() {
    // Given talks that "will now resume" on a day (after a break)
    String text = "Talks will now resume on Monday.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-12");

    // Then no alert
    assertThat(alerts).isEmpty();
  }

  @Test
  void shouldNotReadARelativeClauseOfPastEventsThenAFuturePlanAsAChange() {
    // Given a relative clause of what happened, then a future plan
    String text = "The talks, which began on Monday, will end on Friday.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-12");

    // Then no alert
    assertThat(alerts).isEmpty();
  }

  @Test
  void shouldNotReadWhatABillWouldExtendAsAChange() {
    // Given a bill that "would extend" a deadline to a date: a proposal, not a change
    String text = "The bill would extend the deadline for the agency's report to June 30, 2026.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-12");

    // Then no alert
    assertThat(alerts).isEmpty();
  }

  @Test
  void shouldNotReadAnAgreementThatIsTheObjectOfAnotherVerbAsTheThingExtended() {
    // Given an authority "to negotiate an agreement" that would be extended: no agreement moved
    String text =
        "The envoy's authority to negotiate a new trade agreement would be extended through March"
            + " 2027.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-12");

    // Then no alert
    assertThat(alerts).isEmpty();
  }

  @Test
  void shouldNotReadADelayToBeAvoidedAsAChange() {
    // Given a delay of an occasion that the company could avoid
    String text = "The company said it could avoid a delay of the product launch.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-12");

    // Then no alert
    assertThat(alerts).isEmpty();
  }

  @Test
  void shouldNotReadAPastDelayCitedAsACauseAsAChange() {
    // Given a past delay of an occasion named as the cause of something
    String text = "The delay of the launch hurt sales last year, the company said.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-12");

    // Then no alert
    assertThat(alerts).isEmpty();
  }

  @Test
  void shouldNotReadAFigureAheadOfScheduleAsAChange() {
    // Given a future verb that names no occasion ("grow"), a time, then "ahead of schedule"
    String text = "The company said sales will grow next year, ahead of schedule.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-12");

    // Then no alert
    assertThat(alerts).isEmpty();
  }

  @Test
  void shouldNotReadAWorkCompletedAheadOfScheduleAsAChange() {
    // Given an occasion already done, ahead of schedule
    String text = "The bridge was completed in February, ahead of schedule.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-12");

    // Then no alert
    assertThat(alerts).isEmpty();
  }

  @Test
  void shouldNotReadACancelledPurchaseThatWasNoPlanAsACancellation() {
    // Given a purchase (not stated as planned) cancelled
    String text = "The refiner cancelled a large crude oil purchase from the traders yesterday.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-12");

    // Then no alert
    assertThat(alerts).isEmpty();
  }

  @Test
  void shouldNotReadAChangedFiscalYearEndAsAChange() {
    // Given a fiscal year end changed from one day to another
    String text = "Kite Inc said it changed its fiscal year end to December 31 from August 31.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-12");

    // Then no alert
    assertThat(alerts).isEmpty();
  }

  @Test
  void shouldNotReadAChangeWithoutAPairOfDaysAsAChange() {
    // Given a "change" and one day
    String text = "Kite said it will change its name at the meeting on March 20.";

    // When analysed
    List<Alert> alerts = alertsOf(text, "2025-03-12");

    // Then no alert
    assertThat(alerts).isEmpty();
  }
}
