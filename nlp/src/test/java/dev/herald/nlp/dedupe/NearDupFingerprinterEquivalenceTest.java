package dev.herald.nlp.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fingerprint reads the kept lines of the article in place, with reused arrays ({@link
 * Boilerplate#keptLines}, {@link TextScan#range}); before, it built the cleaned string ({@link
 * Boilerplate#strip}) and scanned that. Both must give the same bytes and band keys for every text:
 * duplicate decisions depend on nothing else. Checked here against the old code ({@link
 * LegacyFingerprinter}) on texts made to hit the edge cases and on generated ones.
 */
class NearDupFingerprinterEquivalenceTest {

  private final NearDupFingerprinter fingerprinter = new NearDupFingerprinter();
  private final LegacyFingerprinter legacy = new LegacyFingerprinter();

  @Test
  void shouldFingerprintEdgeCasesExactlyAsBefore() {
    for (String text : edgeCases()) {
      // When / Then
      assertSame("Title", text);
      assertSame(text, NearDupFingerprinterTest.BODY);
    }
  }

  @Test
  void shouldFingerprintGeneratedTextsExactlyAsBefore() {
    Random rnd = new Random(20261129L);
    for (int k = 0; k < 20_000; k++) {
      // Given
      String title = generated(rnd, rnd.nextInt(12));
      String body = generated(rnd, 1 + rnd.nextInt(k % 10 == 0 ? 400 : 60));

      // When / Then
      assertSame(title, body);
    }
  }

  @Test
  void shouldKeepTheSameLinesAsStrip() {
    Random rnd = new Random(7L);
    Boilerplate.Lines lines = new Boilerplate.Lines();
    List<String> texts = new ArrayList<>(edgeCases());
    for (int k = 0; k < 20_000; k++) {
      texts.add(generated(rnd, 1 + rnd.nextInt(80)));
    }
    for (String text : texts) {
      // When
      int kept = Boilerplate.keptLines(text, lines);

      // Then: the ranges rebuild strip's string
      StringBuilder rebuilt = new StringBuilder();
      for (int k = 0; k < kept; k++) {
        if (lines.breakBefore(k)) {
          rebuilt.append('\n');
        }
        rebuilt.append(text, lines.start(k), lines.end(k)).append('\n');
      }
      assertThat(rebuilt.toString()).as(text).isEqualTo(Boilerplate.strip(text));
    }
  }

  @Test
  void shouldJudgeEveryShortLineAsTheStringTestDoes() {
    Random rnd = new Random(11L);
    Boilerplate.Lines lines = new Boilerplate.Lines();
    List<String> candidates = new ArrayList<>(List.of(LINES));
    for (int k = 0; k < 20_000; k++) {
      candidates.add(generated(rnd, 1 + rnd.nextInt(14)).replace('\n', ' '));
    }
    for (String line : candidates) {
      String text = "x\n" + line + "\ny";
      for (boolean edge : new boolean[] {false, true}) {
        // When / Then
        assertThat(Boilerplate.isBoilerplate(text, 2, 2 + line.length(), edge, lines))
            .as("%s (edge %s)", line, edge)
            .isEqualTo(Boilerplate.isBoilerplate(line, edge));
      }
    }
  }

  @Test
  void shouldGiveTheSameFingerprintWhenCalledAgainOrOnAnotherThread() throws Exception {
    // Given: per-thread work arrays, grown by a long text
    String huge = (NearDupFingerprinterTest.BODY + "\n\n").repeat(3_000);
    byte[] before = fingerprinter.fingerprint("T", NearDupFingerprinterTest.BODY).toBytes();

    // When
    fingerprinter.fingerprint("T", huge);
    byte[] after = fingerprinter.fingerprint("T", NearDupFingerprinterTest.BODY).toBytes();
    byte[][] other = new byte[1][];
    Thread t =
        new Thread(
            () ->
                other[0] = fingerprinter.fingerprint("T", NearDupFingerprinterTest.BODY).toBytes());
    t.start();
    t.join();

    // Then
    assertThat(after).isEqualTo(before);
    assertThat(other[0]).isEqualTo(before);
  }

  private void assertSame(String title, String body) {
    NearDupFingerprint now = fingerprinter.fingerprint(title, body);
    NearDupFingerprint then = legacy.fingerprint(title, body);
    String what = describe(title) + " / " + describe(body);
    assertThat(now.toBytes()).as(what).isEqualTo(then.toBytes());
    assertThat(now).as(what).isEqualTo(then);
    assertThat(fingerprinter.bandKeys(now)).as(what).isEqualTo(fingerprinter.bandKeys(then));
  }

  private static String describe(String s) {
    return s.length() <= 120 ? s : s.substring(0, 120) + "... (" + s.length() + " chars)";
  }

  /** Lines that are or look like bylines, datelines, credits and footers. */
  private static final String[] LINES = {
    "By John Smith",
    "by jane doe, Reuters",
    "BY MARIA NOVAK | Nov 3",
    "From Staff Reporters",
    "Von Hans Meier",
    "Reuters",
    "REUTER",
    " - AFP - ",
    "Agence France-Presse",
    "agence france-presses",
    "(Reporting by Anna Weber; Editing by John Larsen)",
    "\u00a9 2017 Agence France-Presse. All rights reserved.",
    "(c) 2024 Reuters. All rights reserved.",
    "Copyright 2017 The Associated Press.",
    "COPYRIGHT",
    "Read more: business news",
    "  Related: other stories",
    "ADVERTISEMENT",
    "Subscribe to our newsletter",
    "This story was originally published by AP.",
    "Photo: John Smith",
    "File photo of the harbour",
    "Updated 12:30 GMT",
    "Published on Monday",
    "More",
    "ENDS",
    "LONDON (Reuters) - Shares rose.",
    "Moscow, Nov 14 (Reuters) - The rouble fell.",
    "NEW YORK - Stocks fell 3.5 pct.",
    "PARIS, March 3, 2024 (AFP) \u2014 Strikes.",
    "\u00c9T\u00c9, Jan 2 - Hot.",
    "\u041c\u041e\u0421\u041a\u0412\u0410, 14 \u043d\u043e\u044f\u0431\u0440\u044f (\u0422\u0410\u0421\u0421) - \u0420\u0443\u0431\u043b\u044c.",
    "Click here to sign up for alerts.",
    "CLI\u212aK HERE",
    "\u0130 CLICK HERE",
    "\u03a3 copyright",
    "\ud835\udd18 copyright",
    "Follow us on Twitter",
    "We use cookies. Cookie policy.",
    "Contributed to this report: staff",
    "Additional reporting by X",
    "Image source: Getty",
    "(Xinhua) -- Beijing",
    "Editing by Sam",
    "see also",
    "this article has been corrected",
    "the updated figures",
    "a subscriber",
    "By",
    "by 2025",
  };

  private static final String[] TOKENS = {
    "the",
    "The",
    "shares",
    "rose",
    "1,465,153",
    "1.5",
    "3/16",
    "6-3/16",
    "Monday",
    "march",
    "March",
    "3rd",
    "six",
    "ninety",
    "sept",
    "By",
    "by",
    "Reuters",
    "(Reuters)",
    "AFP",
    "(c)",
    "2024",
    "\u00a9",
    "copyright",
    "All",
    "rights",
    "reserved",
    "Read",
    "more:",
    "LONDON",
    "NEW",
    "YORK",
    "-",
    "\u2014",
    "\u2013",
    "--",
    ",",
    ".",
    "!",
    "?",
    ";",
    "(",
    ")",
    "'",
    "/",
    ":",
    "|",
    "&",
    "\n",
    "\n",
    "\n",
    "\n\n",
    "\n  ",
    "\r\n",
    "\t",
    " ",
    "  ",
    "\u00a0",
    "\u2028",
    "\u041c\u043e\u0441\u043a\u0432\u0430",
    "\u0440\u0443\u0431\u043b\u044c",
    "\u4e2d\u56fd\u7ecf\u6d4e",
    "\u0627\u0644\u0627\u0642\u062a\u0635\u0627\u062f",
    "\ud83d\ude00",
    "\ud835\udd18\ud835\udd2b",
    "\ud801\udc00",
    "\u00c9te",
    "\u00c9T\u00c9",
    "a\u0301",
    "\u0130stanbul",
    "\u00df",
    "Reporting",
    "Editing",
    "updated",
    "published",
    "photo",
    "source",
    "newsletter",
    "subscribe",
    "Related",
    "Advertisement",
    "12",
    "0",
    "00",
    "1.",
    ".5",
    "1..2",
    "1,,2",
    "1/",
    "x1y",
    "Nov",
    "14",
    "Jan.",
    "2,",
    "\ud800",
    "\udc00",
    "\u0663\u0664",
    "\ud835\udfce",
    "\u212a",
    "\u03a3\u039f\u03a3"
  };

  private static String generated(Random rnd, int tokens) {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < tokens; k++) {
      if (rnd.nextInt(8) == 0) {
        b.append(LINES[rnd.nextInt(LINES.length)]).append('\n');
        continue;
      }
      b.append(TOKENS[rnd.nextInt(TOKENS.length)]);
      if (rnd.nextInt(4) != 0) {
        b.append(' ');
      }
    }
    return b.toString();
  }

  private static List<String> edgeCases() {
    String body = NearDupFingerprinterTest.BODY;
    List<String> l = new ArrayList<>();
    l.add("");
    l.add(" ");
    l.add("   \n\t\n  \r\n ");
    l.add("word");
    l.add("By John Smith\nReuters\n(c) 2024 Reuters. All rights reserved.");
    l.add("MOSCOW, Nov 14 (Reuters) - ");
    l.add("MOSCOW, Nov 14 (Reuters) -");
    l.add("MOSCOW (Reuters) - \n");
    l.add("MOSCOW - \nBy John Smith\n" + body);
    String sentence = "The quick brown fox jumps over the lazy dog near 42 river banks on Monday. ";
    l.add(sentence.repeat(1_000_000 / sentence.length()));
    l.add(body.replace("\n", " "));
    l.add(body.replace("\n", "\r\n"));
    l.add(body.replace("\n", "\r"));
    l.add(
        "\u041c\u043e\u0441\u043a\u0432\u0430, 14 \u043d\u043e\u044f\u0431\u0440\u044f"
            + " (\u0420\u0435\u0439\u0442\u0435\u0440) - \u0420\u0443\u0431\u043b\u044c \u0443\u043f\u0430\u043b"
            + " \u043d\u0430 3,5 \u043f\u0440\u043e\u0446\u0435\u043d\u0442\u0430 \u0432"
            + " \u043f\u043e\u043d\u0435\u0434\u0435\u043b\u044c\u043d\u0438\u043a.\n\n"
            + "\u0410\u043d\u0430\u043b\u0438\u0442\u0438\u043a\u0438 \u0436\u0434\u0443\u0442.");
    l.add(
        "\u5317\u4eac\uff0c11\u670814\u65e5\uff08\u65b0\u534e\u793e\uff09\u2014"
            + " \u5de5\u4e1a\u589e\u52a0\u503c\u540c\u6bd4\u589e\u957f4.6%\u3002\n\n"
            + "\u96f6\u552e\u603b\u989d\u589e\u957f7.6%\u3002");
    l.add(
        "\u0627\u0644\u0642\u0627\u0647\u0631\u0629 (\u0631\u0648\u064a\u062a\u0631\u0632) -"
            + " \u0642\u0627\u0644 \u0627\u0644\u0628\u0646\u0643 200 \u0646\u0642\u0637\u0629.");
    l.add("Sales rose to 1,465,153,000 dlrs from 1,234,567, up 12.5 pct, 3/16 and 1.000,50 euros.");
    // Longer than maxChars, cut inside a word, inside a number and inside a surrogate pair.
    for (int d = -6; d <= 6; d++) {
      StringBuilder b = new StringBuilder();
      while (b.length() < 200_000 + d - 40) {
        b.append(sentence);
      }
      l.add(
          b.substring(0, 200_000 + d - 40)
              + "Supercalifragilistic 1,234,567.5 \ud83d\ude00\ud83d\ude00.");
    }
    l.add("a ".repeat(99_999) + "x\ud83d\ude00 end");
    l.add(
        "Emoji \ud83d\ude00 news \ud835\udd18\ud835\udd2b words, a lone \ud800 and \udc00. "
            + body);
    l.add("\ud800");
    l.add("a\ud800");
    l.add(body + "\n\n(Reporting by Anna Weber; Editing by John Larsen)\n\n\u00a9 2017 AFP.");
    l.add("By Maria Novak, Staff Correspondent\n\n" + body);
    l.add("PORT ALDER, Nov 14 (Reuters) - " + body);
    l.add("  PORT ALDER, Nov 14 (Reuters) - " + body);
    l.add("\n\n\nPORT ALDER (Reuters) \u2014 " + body);
    l.add("By John\nBy Jane\nBy Ann\nLONDON - " + body);
    l.add(body.replace(", ", ",\n"));
    l.add("Qtly div 20 cts vs 20 cts prior\nPay April 15\nRecord March 23\nReuter");
    l.add("Shr 22 cts vs 16 cts\nNet 2,460,000 vs 1,730,000\nSales 37.0 mln vs 27.3 mln");
    l.add(
        "\u00a0\u00a0LONDON\u00a0-\u00a0nbsp\u2028line sep\u2029para\u0085nel\u000bvt\ffeed "
            + body);
    l.add(
        "\u0130STANBUL, Kas\u0131m 14 (Reuters) - T\u00fcrk liras\u0131 d\u00fc\u015ft\u00fc. "
            + body);
    l.add("x".repeat(300_000));
    l.add(" ".repeat(250_000) + "word");
    l.add("\n".repeat(10_000) + body);
    l.add("short line\n".repeat(3_000));
    l.add("By Someone\n".repeat(1_000));
    l.add("1.2.3 and 1..2 and 1,,2 and 12. Then 3/ and /4 and 5,6,7.8/9 end");
    l.add("A. B. c. D! e? F?! 3. 4 ok.\n\n  indented. Next");
    l.addAll(Arrays.asList(LINES));
    return l;
  }
}
