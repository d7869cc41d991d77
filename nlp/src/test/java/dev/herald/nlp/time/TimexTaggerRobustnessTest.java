package dev.herald.nlp.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimexTaggerRobustnessTest {

  private static final LocalDate DCT = LocalDate.of(2017, 11, 14);
  private final TimexTagger tagger = TimexTagger.standard();

  private static void assertOffsetsValid(String text, List<Timex> found) {
    for (Timex t : found) {
      assertThat(t.start()).isBetween(0, t.end() - 1);
      assertThat(t.end()).isLessThanOrEqualTo(text.length());
      assertThat(text.substring(t.start(), t.end())).isEqualTo(t.text());
    }
  }

  @Test
  void shouldSurviveRandomBinaryJunk() {
    // Given
    Random random = new Random(42);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 200_000; i++) {
      sb.append((char) random.nextInt(0x10000));
    }
    String junk = sb.toString();
    // When
    List<Timex> found = tagger.tag(junk, DCT);
    // Then
    assertOffsetsValid(junk, found);
  }

  @Test
  void shouldTagAFiveMegabyteTextAndFindDatesAcrossIt() {
    // Given
    String para = "The ministers met on Tuesday and will meet again on November 28. ";
    StringBuilder sb = new StringBuilder();
    while (sb.length() < 5_000_000) {
      sb.append(para);
    }
    String text = sb.toString();
    int copies = text.length() / para.length();
    // When
    List<Timex> found = tagger.tag(text, DCT);
    // Then
    assertThat(found).hasSize(copies * 2);
    assertOffsetsValid(text, found);
  }

  @Test
  void shouldStayLinearOnPathologicalInput() {
    // Given inputs that make backtracking matchers blow up: long runs of date-like tokens with
    // optional parts, of numbers, of hyphens, and one huge token
    String[] nasty = {
      "the ".repeat(30_000),
      "May May May, 28 28 - 28 ".repeat(6_000),
      "1-2-3-4-5-6-7-8-9-".repeat(10_000),
      "early late mid- ".repeat(10_000),
      "a".repeat(1_000_000),
      "9".repeat(1_000_000),
      "-".repeat(300_000),
      "twenty-five twenty-five ".repeat(10_000),
      "Tuesday, Nov. 28, 2017, ".repeat(6_000)
    };
    for (String s : nasty) {
      // When
      List<Timex> found = tagger.tag(s, DCT);
      // Then
      assertOffsetsValid(s, found);
    }
  }

  @Test
  void shouldBeSafeToShareAcrossThreads() throws Exception {
    // Given
    String text = "Talks begin on November 28 and end in early December, officials said Tuesday.";
    List<Timex> expected = tagger.tag(text, DCT);
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    Thread[] threads = new Thread[4];
    for (int i = 0; i < threads.length; i++) {
      threads[i] =
          new Thread(
              () -> {
                for (int k = 0; k < 2_000; k++) {
                  if (!tagger.tag(text, DCT).equals(expected)) {
                    failures.add(new AssertionError("different result"));
                    return;
                  }
                }
              });
      threads[i].start();
    }
    // When
    for (Thread t : threads) {
      t.join();
    }
    // Then
    assertThat(failures).isEmpty();
    assertThat(expected).extracting(Timex::value).contains("2017-11-28", "2017-12", "2017-11-14");
  }

  @Test
  void shouldReturnNothingForEmptyOrBlankText() {
    // When / Then
    assertThat(tagger.tag("", DCT)).isEmpty();
    assertThat(tagger.tag(null, DCT)).isEmpty();
    assertThat(tagger.tag(" \n\t ".repeat(1_000), DCT)).isEmpty();
  }

  @Test
  void shouldTagOnlyAbsoluteExpressionsWithoutADct() {
    // Given
    String text = "On Tuesday, talks resumed; they began on November 28, 2016, last year.";
    // When
    List<Timex> found = tagger.tag(text, null);
    // Then
    assertThat(found).extracting(Timex::value).containsExactly("2016-11-28");
    assertOffsetsValid(text, found);
  }

  @Test
  void shouldStayLinearOnAMegabyteOfDigitsSeparatorsAndMonthNames() {
    // Given a megabyte of digit groups glued by date separators, and a megabyte of month names
    Random random = new Random(7);
    String seps = "-/.:,' ";
    StringBuilder digits = new StringBuilder();
    while (digits.length() < 1_000_000) {
      int len = 1 + random.nextInt(4);
      for (int k = 0; k < len; k++) {
        digits.append((char) ('0' + random.nextInt(10)));
      }
      digits.append(seps.charAt(random.nextInt(seps.length())));
    }
    String[] months = {"January", "Feb.", "March", "mid-April", "May", "June 28", "Sept", "Dec"};
    StringBuilder names = new StringBuilder();
    while (names.length() < 1_000_000) {
      names.append(months[random.nextInt(months.length)]).append(random.nextBoolean() ? " " : "-");
    }
    for (String s : new String[] {digits.toString(), names.toString()}) {
      // When
      List<Timex> found = tagger.tag(s, DCT);
      // Then: it finishes (a backtracking matcher would not) with sane offsets
      assertOffsetsValid(s, found);
    }
  }
}
