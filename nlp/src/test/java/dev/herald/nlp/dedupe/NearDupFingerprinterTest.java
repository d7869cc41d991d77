package dev.herald.nlp.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class NearDupFingerprinterTest {

  static final String TITLE = "Harbour authority delays opening of new container terminal";

  static final List<String> PARAGRAPHS =
      List.of(
          "The harbour authority of Port Alder said on Wednesday it would delay the opening of its"
              + " new container terminal by three months because cranes ordered from abroad had"
              + " not yet arrived.",
          "The terminal, which cost 420 million dollars, was due to open on March 1 and will now"
              + " start operations in early June, the authority's chairman told a news conference.",
          "He said the delay would not affect existing berths, which handled 1.8 million"
              + " containers last year, and that shipping lines had been informed of the new"
              + " timetable.",
          "Local business groups said the postponement would cost exporters time, but welcomed"
              + " the assurance that fees would not rise before the new terminal was running.",
          "The authority expects the terminal to double the port's capacity within five years"
              + " and to create about 900 permanent jobs in the region.");

  static final String BODY = String.join("\n\n", PARAGRAPHS);

  private final NearDupFingerprinter fingerprinter = new NearDupFingerprinter();

  private NearDupFingerprinter.Verdict compare(String title, String body) {
    return fingerprinter.compare(
        fingerprinter.fingerprint(TITLE, BODY), fingerprinter.fingerprint(title, body));
  }

  @Test
  void shouldTreatACopyWithBylineAsDuplicate() {
    // Given
    String copy = "By Maria Novak, Staff Correspondent\n\n" + BODY;

    // When / Then
    assertThat(compare(TITLE, copy).duplicate()).isTrue();
  }

  @Test
  void shouldTreatACopyWithDatelineAsDuplicate() {
    // Given
    String copy = "PORT ALDER, Nov 14 (Reuters) - " + BODY;

    // When / Then
    assertThat(compare(TITLE, copy).duplicate()).isTrue();
  }

  @Test
  void shouldTreatACopyWithFooterAsDuplicate() {
    // Given
    String copy =
        BODY
            + "\n\n(Reporting by Anna Weber; Editing by John Larsen)"
            + "\n\n\u00a9 2017 Agence France-Presse. All rights reserved.";

    // When / Then
    assertThat(compare(TITLE, copy).duplicate()).isTrue();
  }

  @Test
  void shouldTreatARetitledCopyAsDuplicate() {
    // When / Then
    assertThat(compare("Port Alder terminal opening pushed back to June", BODY).duplicate())
        .isTrue();
  }

  @Test
  void shouldTreatACopyWithoutItsLastParagraphsAsDuplicate() {
    // Given
    String copy = String.join("\n\n", PARAGRAPHS.subList(0, 3));

    // When / Then
    assertThat(compare(TITLE, copy).duplicate()).isTrue();
  }

  @Test
  void shouldTreatACopyWithReorderedParagraphsAsDuplicate() {
    // Given
    List<String> moved = new ArrayList<>(PARAGRAPHS);
    Collections.reverse(moved.subList(1, moved.size()));
    String copy = String.join("\n\n", moved);

    // When / Then
    assertThat(compare(TITLE, copy).duplicate()).isTrue();
  }

  @Test
  void shouldTreatACopyRewrappedIntoShortLinesAsExactCopy() {
    // Given
    String rewrapped = String.join("\n\n", PARAGRAPHS).replace(", ", ",\n");

    // When
    NearDupFingerprinter.Verdict v = compare(TITLE, rewrapped);

    // Then
    assertThat(v.duplicate()).isTrue();
    assertThat(v.exact()).isTrue();
  }

  @Test
  void shouldNotTreatTheSameTemplateWithOtherFiguresAsDuplicate() {
    // Given: the daily market operation notice, two days apart
    String monday =
        "The central bank entered the money market to arrange 2.5 billion dollars of repurchase"
            + " agreements on Monday, a spokesman said. Dealers said overnight funds were trading at"
            + " 6-3/16 pct when the bank began its temporary supply of reserves to the banks."
            + " The operation was in line with market expectations and was described by dealers"
            + " as a routine technical move to offset seasonal pressure on bank reserves."
            + " Analysts said the bank was likely to continue such operations in coming weeks as"
            + " tax payments drained liquidity from the banking system.";
    String wednesday =
        monday.replace("2.5", "1.5").replace("Monday", "Wednesday").replace("6-3/16", "6-1/16");
    String title = "Central bank adds reserves via repurchases";

    // When
    NearDupFingerprinter.Verdict v =
        fingerprinter.compare(
            fingerprinter.fingerprint(title, monday), fingerprinter.fingerprint(title, wednesday));

    // Then
    assertThat(v.duplicate()).isFalse();
    assertThat(v.reason()).isEqualTo("later text has new figures");
  }

  @Test
  void shouldNotTreatQuarterlyNoticesOfDifferentCompaniesAsDuplicates() {
    // Given: identical figures, different companies named only in the titles
    String body = "Qtly div 20 cts vs 20 cts prior\nPay April 15\nRecord March 23\nReuter";

    // When
    NearDupFingerprinter.Verdict v =
        fingerprinter.compare(
            fingerprinter.fingerprint("Northwind Traders Inc <NWT> regular dividend", body),
            fingerprinter.fingerprint("Blue Heron Mills Corp <BHM> regular dividend", body));

    // Then
    assertThat(v.duplicate()).isFalse();
  }

  @Test
  void shouldNotTreatThirdQuarterNetNoticesOfDifferentCompaniesAsDuplicates() {
    // Given
    String a = "Shr 22 cts vs 16 cts\nNet 2,460,000 vs 1,730,000\nSales 37.0 mln vs 27.3 mln";
    String b = "Shr 41 cts vs 38 cts\nNet 5,120,000 vs 4,870,000\nSales 88.4 mln vs 80.9 mln";

    // When / Then
    assertThat(
            fingerprinter.isDuplicate(
                fingerprinter.fingerprint("Acme Tools <ACT> 3rd qtr net", a),
                fingerprinter.fingerprint("Zenith Foods <ZFD> 3rd qtr net", b)))
        .isFalse();
  }

  @Test
  void shouldNotTreatAFollowUpThatAddsANewLedeAsDuplicate() {
    // Given: the next day's story quoting the whole first one as background
    String followUp =
        "Cranes for the new Port Alder container terminal were unloaded on Thursday after a"
            + " three-week voyage, and the harbour authority said installation would begin at once."
            + "\n\nEngineers from the supplier will spend six weeks testing the equipment before"
            + " the first ships are handled, the authority's technical director said.\n\n"
            + "Unions said they had agreed a training programme for 300 crane operators.\n\n"
            + BODY;

    // When / Then
    assertThat(compare("Cranes arrive for Port Alder terminal", followUp).duplicate()).isFalse();
  }

  @Test
  void shouldNeverMergeEmptyOrOneWordTexts() {
    // Given
    NearDupFingerprint empty = fingerprinter.fingerprint("", "");
    NearDupFingerprint nulls = fingerprinter.fingerprint(null, null);
    NearDupFingerprint word = fingerprinter.fingerprint("Update", "Developing");

    // When / Then
    assertThat(empty.comparable()).isFalse();
    assertThat(fingerprinter.isDuplicate(empty, empty)).isFalse();
    assertThat(fingerprinter.isDuplicate(nulls, empty)).isFalse();
    assertThat(fingerprinter.isDuplicate(word, word)).isFalse();
    assertThat(fingerprinter.bandKeys(word)).isEmpty();
  }

  @Test
  void shouldNotMergeDifferentArticlesWhoseBodiesAreOnlyTheSameBoilerplate() {
    // Given: extraction failed and only the site's furniture is left
    String boilerplate =
        "Subscribe to our newsletter for the latest news.\n"
            + "We use cookies to improve your experience. Read our privacy policy.\n"
            + "Copyright 2017 Daily Courier. All rights reserved.\n"
            + "Follow us on social media.";

    // When
    NearDupFingerprint a =
        fingerprinter.fingerprint("Mayor resigns after budget vote", boilerplate);
    NearDupFingerprint b = fingerprinter.fingerprint("Storm closes mountain pass", boilerplate);

    // Then
    assertThat(fingerprinter.isDuplicate(a, b)).isFalse();
    assertThat(fingerprinter.bandKeys(a)).isEmpty();
  }

  @Test
  void shouldNotMergeShortUnknownBoilerplateUnderDifferentTitles() {
    // Given: furniture no cue recognises, repeated on every page of a site
    String furniture =
        "Home News Sport Weather Business Culture Travel Opinion Video Audio Podcasts Live"
            + " Markets Tech Science Health Education Environment";

    // When / Then
    assertThat(
            fingerprinter.isDuplicate(
                fingerprinter.fingerprint("Mayor resigns after budget vote", furniture),
                fingerprinter.fingerprint("Storm closes mountain pass", furniture)))
        .isFalse();
  }

  @Test
  void shouldBoundWorkAndSizeForAHugeBody() {
    // Given: far more text than is ever read
    String huge = (BODY + "\n\n").repeat(5_000);

    // When
    NearDupFingerprint f = fingerprinter.fingerprint(TITLE, huge);

    // Then
    assertThat(huge.length()).isGreaterThan(fingerprinter.settings().maxChars());
    assertThat(f.toBytes().length).isLessThanOrEqualTo(NearDupFingerprint.MAX_BYTES);
    assertThat(fingerprinter.isDuplicate(fingerprinter.fingerprint(TITLE, BODY), f)).isTrue();
  }

  @Test
  void shouldRoundTripThroughBytesWithinTheBudget() {
    // Given
    NearDupFingerprint f = fingerprinter.fingerprint(TITLE, BODY);

    // When
    byte[] bytes = f.toBytes();

    // Then
    assertThat(bytes.length).isLessThanOrEqualTo(NearDupFingerprint.MAX_BYTES);
    assertThat(NearDupFingerprint.fromBytes(bytes)).isEqualTo(f);
    assertThatThrownBy(() -> NearDupFingerprint.fromBytes(new byte[] {1, 0}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldGiveCopiesASharedBandKeyAndAnExactKey() {
    // Given
    NearDupFingerprint original = fingerprinter.fingerprint(TITLE, BODY);
    NearDupFingerprint copy = fingerprinter.fingerprint("Retitled", "By Ivan Petrova\n\n" + BODY);

    // When
    List<String> a = fingerprinter.bandKeys(original);
    List<String> b = fingerprinter.bandKeys(copy);

    // Then
    assertThat(a).hasSize(33).anyMatch(k -> k.startsWith("x:"));
    assertThat(a).containsAnyElementsOf(b);
    assertThat(NearDupFingerprinter.exactKeyOf(copy))
        .isEqualTo(NearDupFingerprinter.exactKeyOf(original));
  }
}
