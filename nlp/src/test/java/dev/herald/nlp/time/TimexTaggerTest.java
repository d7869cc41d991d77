package dev.herald.nlp.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimexTaggerTest {

  private static final LocalDate DCT = LocalDate.of(2017, 11, 14); // a Tuesday
  private final TimexTagger tagger = TimexTagger.standard();

  private Timex only(String text) {
    List<Timex> all = tagger.tag(text, DCT);
    assertThat(all).as("timexes in %s", text).hasSize(1);
    return all.get(0);
  }

  private void assertValue(String text, String expr, String value, String mod) {
    // When
    Timex t = only(text);
    // Then
    assertThat(t.text()).isEqualTo(expr);
    assertThat(text.substring(t.start(), t.end())).isEqualTo(expr);
    assertThat(t.value()).isEqualTo(value);
    assertThat(t.mod()).isEqualTo(mod);
  }

  @Test
  void shouldResolveBareMonthToTheDctYear() {
    // Given a future reading and a month after the dct
    // When / Then
    assertValue(
        "The congress is expected to be held in Sochi in December.", "December", "2017-12", null);
  }

  @Test
  void shouldResolvePastMonthAfterDctToThePreviousYear() {
    // Given a past reading of a month whose nearest occurrence is still to come
    // When / Then
    assertValue("Sales fell in February, the company said.", "February", "2017-02", null);
  }

  @Test
  void shouldResolveMonthWithoutTenseToTheNearestOccurrence() {
    assertValue("Sales figures for August are in the report.", "August", "2017-08", null);
    assertValue("Sales figures for January are in the report.", "January", "2018-01", null);
  }

  @Test
  void shouldResolveFutureMonthBeforeDctToTheNextYear() {
    assertValue("The talks will resume in February.", "February", "2018-02", null);
  }

  @Test
  void shouldTagMidNovemberWithModMid() {
    assertValue(
        "The congress was expected to take place in mid-November.",
        "mid-November",
        "2017-11",
        "MID");
  }

  @Test
  void shouldTagEarlyAndLateMonths() {
    assertValue("They will meet in early December.", "early December", "2017-12", "START");
    assertValue("They will meet in late December.", "late December", "2017-12", "END");
  }

  @Test
  void shouldTagMonthDayInEveryOrder() {
    assertValue("Talks begin on November 28.", "November 28", "2017-11-28", null);
    assertValue("Talks begin on 28 November.", "28 November", "2017-11-28", null);
    assertValue("Talks set to begin on November, 28.", "November, 28", "2017-11-28", null);
    assertValue("It happened on Nov. 28, 2016.", "Nov. 28, 2016", "2016-11-28", null);
    assertValue("It happened on 2016-11-28.", "2016-11-28", "2016-11-28", null);
  }

  @Test
  void shouldNotReadACountAfterMonthCommaAsADay() {
    // Given
    String text = "In November, 28 people were hurt.";
    // When
    List<Timex> all = tagger.tag(text, DCT);
    // Then
    assertThat(all).extracting(Timex::text).containsExactly("November");
  }

  @Test
  void shouldTagYears() {
    assertValue("The law was passed in 2016.", "2016", "2016", null);
    assertValue("Elections are due in 2018.", "2018", "2018", null);
  }

  @Test
  void shouldResolveWeekdaysWithTense() {
    assertValue("Gatilov and de Mistura met on Tuesday.", "Tuesday", "2017-11-14", null);
    assertValue("The ambassador said Tuesday.", "Tuesday", "2017-11-14", null);
    assertValue("Officials met on Friday.", "Friday", "2017-11-10", null);
    assertValue("The ministers will meet on Thursday.", "Thursday", "2017-11-16", null);
  }

  @Test
  void shouldResolveDeicticDays() {
    assertValue("The vote is today.", "today", "2017-11-14", null);
    assertValue("The vote is tomorrow.", "tomorrow", "2017-11-15", null);
    assertValue("The vote was yesterday.", "yesterday", "2017-11-13", null);
    Timex t = only("The vote is tonight.");
    assertThat(t.type()).isEqualTo(TimexType.TIME);
    assertThat(t.value()).isEqualTo("2017-11-14TNI");
  }

  @Test
  void shouldResolveThisNextLastPeriods() {
    assertValue("Prices rose this week.", "this week", "2017-W46", null);
    assertValue("Prices will rise next week.", "next week", "2017-W47", null);
    assertValue("Prices rose last month.", "last month", "2017-10", null);
    assertValue("Prices will rise next year.", "next year", "2018", null);
    assertValue("It opens later this month.", "later this month", "2017-11", "END");
    assertValue("It opens early next year.", "early next year", "2018", "START");
  }

  @Test
  void shouldTagFirstHalfOfAMonthAsItsStart() {
    assertValue(
        "It will happen in the first half of December.",
        "the first half of December",
        "2017-12",
        "START");
  }

  @Test
  void shouldTagSeasonsQuartersAndDecades() {
    assertValue("The plant opens in summer 2018.", "summer 2018", "2018-SU", null);
    assertValue("Profits rose in the fourth quarter.", "the fourth quarter", "2017-Q4", null);
    assertValue("Inflation was high in the 1990s.", "the 1990s", "199", null);
  }

  @Test
  void shouldTagOneMoreUnitAsADuration() {
    // Given "a further month" and "another week", with no number
    // When tagged / Then each is a duration of one unit, its words included
    Timex further = only("The offer will be extended for a further month.");
    assertThat(further.type()).isEqualTo(TimexType.DURATION);
    assertThat(further.value()).isEqualTo("P1M");
    assertThat(further.text()).isEqualTo("a further month");
    Timex another = only("The strike could last another week.");
    assertThat(another.value()).isEqualTo("P1W");
    assertThat(another.text()).isEqualTo("another week");
  }

  @Test
  void shouldTagMidMonthAsThePartOfTheCurrentMonthButNotAsAnAdjective() {
    // Given "mid-month" and "end-week" on their own, and "mid-month" before a noun
    // When tagged / Then a part of the current unit; the adjective is not a date
    assertValue("Payments will be delayed until mid-month.", "mid-month", "2017-11", "MID");
    assertValue("The talks end at end-week.", "end-week", "2017-W46", "END");
    assertThat(tagger.tag("Mid-month figures were weak.", DCT)).isEmpty();
  }

  @Test
  void shouldTagDurations() {
    Timex three = only("The congress could last three days.");
    assertThat(three.type()).isEqualTo(TimexType.DURATION);
    assertThat(three.value()).isEqualTo("P3D");
    Timex few = only("The congress could last a few days.");
    assertThat(few.value()).isEqualTo("PXD");
    assertThat(few.text()).isEqualTo("a few days");
  }

  @Test
  void shouldTagPresentReference() {
    assertValue("Talks are now under way.", "now", "PRESENT_REF", null);
    assertValue("Talks are currently under way.", "currently", "PRESENT_REF", null);
  }

  @Test
  void shouldSplitADayRangeIntoStartAndEnd() {
    // When
    List<Timex> all = tagger.tag("Talks run 28-30 November in Geneva.", DCT);
    // Then
    assertThat(all).extracting(Timex::text).containsExactly("28", "30 November");
    assertThat(all).extracting(Timex::value).containsExactly("2017-11-28", "2017-11-30");
  }

  @Test
  void shouldNotTakeMayTheNameForAMonth() {
    assertThat(tagger.tag("Theresa May said the deal was good.", DCT)).isEmpty();
    assertThat(tagger.tag("It may rain.", DCT)).isEmpty();
    assertValue("The vote was held in May.", "May", "2017-05", null);
  }

  @Test
  void shouldReturnOnlyAbsoluteExpressionsWithoutDct() {
    // When
    List<Timex> all = tagger.tag("On Tuesday, officials said the 2016 plan failed.", null);
    // Then
    assertThat(all).extracting(Timex::value).containsExactly("2016");
  }

  @Test
  void shouldSurviveEmptyAndJunkText() {
    assertThat(tagger.tag("", DCT)).isEmpty();
    assertThat(tagger.tag(null, DCT)).isEmpty();
    assertThat(tagger.tag("\u0000\uFFFF\uD800 ### 24/7 $2017", DCT)).isEmpty();
  }

  @Test
  void shouldResolveClockTimesOnTheDayTheyName() {
    // When
    Timex t = only("The polls will close at 8 p.m. on Thursday.");
    // Then
    assertThat(t.type()).isEqualTo(TimexType.TIME);
    assertThat(t.text()).isEqualTo("8 p.m. on Thursday");
    assertThat(t.value()).isEqualTo("2017-11-16T20:00");
  }

  @Test
  void shouldAnchorAnaphoricYearsOnTheDateLastNamed() {
    // When
    List<Timex> all =
        tagger.tag("The plant opened in March 2009. The following year it doubled output.", DCT);
    // Then
    assertThat(all).extracting(Timex::value).containsExactly("2009-03", "2010");
  }

  @Test
  void shouldReadLastMonthNameAsTheOccurrenceBeforeTheCurrentMonth() {
    assertValue("Prices peaked last September.", "last September", "2017-09", null);
    assertValue("Prices peaked last December.", "last December", "2016-12", null);
  }

  @Test
  void shouldTagNumbersAndYearsInWords() {
    assertValue("The talks lasted twenty-five days.", "twenty-five days", "P25D", null);
    assertValue("It began in nineteen ninety-six.", "nineteen ninety-six", "1996", null);
  }

  @Test
  void shouldTagApproximateDurationsWithTheirModifier() {
    assertValue(
        "The siege lasted more than three weeks.", "more than three weeks", "P3W", "MORE_THAN");
  }

  @Test
  void shouldNotTagAgesOrPrices() {
    assertThat(tagger.tag("A 6-year-old boy paid $2017 for 24/7 service.", DCT)).isEmpty();
  }

  @Test
  void shouldReadTheYearAsTheDctYearAndTheYearEndedAsAYearLongPeriod() {
    assertValue("Sales for the full year rose 13%.", "the full year", "2017", null);
    // Given a fiscal year named by its end
    // When
    List<Timex> all = tagger.tag("For the year ended Sept. 30, net income rose.", DCT);
    // Then
    assertThat(all).extracting(Timex::text).containsExactly("the year", "Sept. 30");
    assertThat(all.get(0).type()).isEqualTo(TimexType.DURATION);
    assertThat(all.get(0).value()).isEqualTo("P1Y");
  }

  @Test
  void shouldWriteAHalfInTheNextSmallerUnit() {
    assertValue("They lived in camps for 2 1/2 years.", "2 1/2 years", "P2Y6M", null);
    assertValue("The flight took 5 1/2 hours.", "5 1/2 hours", "PT5H30M", null);
    assertValue("A minute and a half later it fell.", "A minute and a half", "PT1M30S", null);
    assertValue("It lasted half an hour.", "half an hour", "PT30M", null);
  }

  @Test
  void shouldNotTakeIndexValuesWithDecimalsForYears() {
    // Given stock index levels that look like years
    String text =
        "The Nasdaq fell to 1299.59 and the DAX to 1462.93 while the Russell 2000 Index rose.";
    // When / Then
    assertThat(tagger.tag(text, DCT)).isEmpty();
  }

  @Test
  void shouldReadAYearBeforeAQuarterAsThatQuarterOfTheYear() {
    assertValue(
        "It had a loss in the 2016 third quarter.", "the 2016 third quarter", "2016-Q3", null);
  }

  @Test
  void shouldAnchorTheYearPreviousOnTheYearLastNamed() {
    // When
    List<Timex> all = tagger.tag("Costs fell in 2015, less than the year previous.", DCT);
    // Then
    assertThat(all).extracting(Timex::value).containsExactly("2015", "2014");
  }

  @Test
  void shouldReadThePastYearAsLastYear() {
    assertValue("Hate groups grew over the past year.", "the past year", "2016", null);
  }

  @Test
  void shouldReadYearEndAsTheEndOfTheDctYear() {
    assertValue("The deal should close by year-end.", "year-end", "2017", "END");
  }

  @Test
  void shouldReadComingAndAheadPeriodsAsVagueDurations() {
    assertValue("Rates will fall in the coming months.", "the coming months", "PXM", null);
    assertValue("Investors face pressure in the weeks ahead.", "the weeks ahead", "PXW", null);
  }

  @Test
  void shouldTellConsecutiveQuartersFromAFraction() {
    assertValue(
        "Japan posted two consecutive quarters of negative growth.",
        "two consecutive quarters",
        "P2Q",
        null);
    assertThat(tagger.tag("He won three quarters of the vote.", DCT)).isEmpty();
  }

  @Test
  void shouldReadTheWeekOfADayAsItsIsoWeek() {
    assertValue("Talks are set for the week of Nov. 20.", "the week of Nov. 20", "2017-W47", null);
  }

  @Test
  void shouldReadTwentyFourHourClockTimesWithAZone() {
    assertValue("Voting closed at 1600 GMT.", "1600 GMT", "2017-11-14T16:00Z", null);
  }

  @Test
  void shouldNotTakeANewspaperNameForAFrequency() {
    assertThat(tagger.tag("The China Daily reported the deal.", DCT)).isEmpty();
    assertValue("Flights will leave daily.", "daily", "P1D", null);
  }

  @Test
  void shouldPutTheSecondOfTwoLinkedWeekdaysAfterTheFirst() {
    // Given a Tuesday dct and "Tuesday and Wednesday"
    // When
    List<Timex> all = tagger.tag("The pearls were to be shown on Tuesday and Wednesday.", DCT);
    // Then
    assertThat(all).extracting(Timex::value).containsExactly("2017-11-14", "2017-11-15");
  }

  @Test
  void shouldReadNumbersWithThousandsSeparators() {
    assertValue(
        "The site was settled over 4,000 years.", "over 4,000 years", "P4000Y", "MORE_THAN");
  }

  @Test
  void shouldTagEveryNUnitsAsASet() {
    Timex t = only("Elections are held every two years.");
    assertThat(t.type()).isEqualTo(TimexType.SET);
    assertThat(t.value()).isEqualTo("P2Y");
  }

  @Test
  void shouldKeepTheDayAfterBeginningAndTheYearAfterADay() {
    assertValue("Beginning Jan. 1, fares rise.", "Beginning Jan. 1", "2018-01-01", null);
    assertValue("It happened on Dec. 23 last year.", "Dec. 23 last year", "2016-12-23", null);
  }

  @Test
  void shouldAnchorTheNextDayOfAPastStoryOnTheDayLastNamed() {
    // When
    List<Timex> all =
        tagger.tag("Shares fell on Nov. 2. Speculators sold heavily the next day.", DCT);
    // Then
    assertThat(all).extracting(Timex::value).containsExactly("2017-11-02", "2017-11-03");
    assertValue("Prices will rise the next day.", "the next day", "2017-11-15", null);
  }

  @Test
  void shouldReadAWeekAgoAsADay() {
    assertValue("The quake hit a week ago.", "a week ago", "2017-11-07", null);
    assertValue("The talks began six weeks ago.", "six weeks ago", "2017-W40", null);
  }

  @Test
  void shouldTagPartsOfDayWithAModifier() {
    Timex t = only("In London at mid-afternoon yesterday, shares were up.");
    assertThat(t.text()).isEqualTo("mid-afternoon yesterday");
    assertThat(t.type()).isEqualTo(TimexType.TIME);
    assertThat(t.value()).isEqualTo("2017-11-13TAF");
  }

  @Test
  void shouldReadScheduledEventsInThePresentAsComing() {
    assertValue("The summit opens Thursday in Brussels.", "Thursday", "2017-11-16", null);
    assertValue("Lawmakers are due to vote on Saturday.", "Saturday", "2017-11-18", null);
  }

  @Test
  void shouldSplitADurationRangeIntoItsBounds() {
    // When
    List<Timex> all = tagger.tag("The process would take between 60 and 90 days.", DCT);
    // Then
    assertThat(all).extracting(Timex::text).containsExactly("60", "90 days");
    assertThat(all).extracting(Timex::value).containsExactly("P60D", "P90D");
  }

  @Test
  void shouldComputeMovableHolidays() {
    assertValue("Polls open on Election Day 2016.", "Election Day 2016", "2016-11-08", null);
    assertValue("Banks closed for Easter 2017.", "Easter 2017", "2017-04-16", null);
    assertValue("Stores open on Labor Day 2017.", "Labor Day 2017", "2017-09-04", null);
  }

  @Test
  void shouldAnchorTheDayOnTheDayLastNamed() {
    // Given a market report dated Tuesday about Monday's session
    String text = "Stocks fell on Monday. The Dow ended the day at 7,114.";
    // When
    List<Timex> all = tagger.tag(text, DCT);
    // Then
    assertThat(all).extracting(Timex::text).containsExactly("Monday", "the day");
    assertThat(all).extracting(Timex::value).containsExactly("2017-11-13", "2017-11-13");
  }

  @Test
  void shouldAnchorTheDayOnTheDctWhenNoDayWasNamed() {
    assertValue("Shares rose 2% later in the day.", "the day", "2017-11-14", null);
  }

  @Test
  void shouldTagCompoundLengthAdjectivesAsDurations() {
    assertValue(
        "It settled its decades-long dispute with Apple Corps.", "decades-long", "PXY", null);
    assertValue("They emerged from their third day-long meeting.", "day-long", "P1D", null);
    assertValue("It followed a several-year tenure as editor.", "several-year", "PXY", null);
  }

  @Test
  void shouldWriteVagueDecadesInYears() {
    assertValue("For decades, the families were cut off.", "decades", "PXY", null);
  }

  @Test
  void shouldLeaveOverOutWhenItMeansDuring() {
    assertValue("Trade doubled over the past five years.", "the past five years", "P5Y", null);
    assertValue("Prices rose over several years.", "several years", "PXY", null);
    assertValue("Thanks for your work over the years.", "the years", "PXY", null);
  }

  @Test
  void shouldKeepOverAsMoreThanBeforeANumber() {
    assertValue("The talks lasted over a week.", "over a week", "P1W", "MORE_THAN");
  }

  @Test
  void shouldGiveAHalfOfAYearItsOwnValue() {
    assertValue(
        "Profit rose in the first half of 2016.", "the first half of 2016", "2016-H1", null);
    assertValue(
        "Output will recover in the second half of next year.",
        "the second half of next year",
        "2018-H2",
        null);
  }

  @Test
  void shouldReadTheFinalQuarterOfLastYear() {
    assertValue(
        "The final quarter of last year was weak.",
        "The final quarter of last year",
        "2016-Q4",
        null);
  }

  @Test
  void shouldReadSetForAsAFutureCue() {
    assertValue(
        "The talks are set for the first half of March.",
        "the first half of March",
        "2018-03",
        "START");
  }

  @Test
  void shouldNotTakeAPhoneNumberGroupForAYear() {
    // When
    List<Timex> all = tagger.tag("Call 1-800-555-2013 or write in 2013.", DCT);
    // Then
    assertThat(all).extracting(Timex::text).containsExactly("2013");
    assertThat(all.get(0).start()).isEqualTo(32);
  }

  @Test
  void shouldMoveTheDctAheadForFromNow() {
    assertValue("Two weeks from now, the board meets.", "Two weeks from now", "2017-11-28", null);
    assertValue("Three years from now it will be gone.", "Three years from now", "2020", null);
  }

  @Test
  void shouldLeaveWithinAndTheArticleOfACompoundAdjectiveOutOfTheSpan() {
    assertValue("Iraq must withdraw within a week.", "a week", "P1W", null);
    assertValue(
        "The government called the 14-day waiting period a concession.", "14-day", "P14D", null);
  }

  @Test
  void shouldNotTakeAGameClockForATimeOfDay() {
    // When
    List<Timex> all = tagger.tag("They led with 2:45 left, and the vote is at 2:45 p.m.", DCT);
    // Then
    assertThat(all).extracting(Timex::value).containsExactly("2017-11-14T14:45");
  }

  @Test
  void shouldTagASingleDayAsADuration() {
    assertValue("It was the worst single-day drop on record.", "single-day", "P1D", null);
  }

  @Test
  void shouldTakeTheDayOfAClockTimeFromTheDateThatFollowsItsWeekday() {
    // When
    List<Timex> all = tagger.tag("Polls close at 8 p.m. on Sunday, Nov. 19.", DCT);
    // Then
    assertThat(all).extracting(Timex::value).containsExactly("2017-11-19T20:00", "2017-11-19");
  }
}
