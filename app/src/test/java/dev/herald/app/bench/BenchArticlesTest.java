package dev.herald.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.avro.RawArticle;
import dev.herald.nlp.dedupe.NearDupFingerprint;
import dev.herald.nlp.dedupe.NearDupFingerprinter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchArticlesTest {

  /** Share of texts that share at least one LSH band with an earlier text of the list. */
  private static double shareMeetingAnEarlierText(List<String[]> titleAndText) {
    NearDupFingerprinter fingerprinter = new NearDupFingerprinter();
    Set<Long> filed = new HashSet<>();
    int meeting = 0;
    for (String[] t : titleAndText) {
      NearDupFingerprint f = fingerprinter.fingerprint(t[0], t[1]);
      boolean met = false;
      for (long code : fingerprinter.bandCodes(f)) {
        met |= !filed.add(code);
      }
      if (met) {
        meeting++;
      }
    }
    return (double) meeting / titleAndText.size();
  }

  @Test
  void shouldRarelyGiveUnrelatedStoriesASharedBand() throws Exception {
    // Given 3 000 generated stories without copies, as the dedupe benchmark's originals
    List<RawArticle> stories =
        BenchArticles.generate(
                BenchArticles.shippedParagraphs(Path.of("../samples/articles")),
                3_000,
                0.0,
                42L,
                new BenchArticles.Arrivals(
                    Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMinutes(1)))
            .articles();

    // When each is fingerprinted and its bands compared with those of the stories before it
    double share =
        shareMeetingAnEarlierText(
            stories.stream().map(a -> new String[] {a.getTitle(), a.getText()}).toList());

    // Then few meet an earlier story, as unrelated news rarely does (about one Reuters-21578
    // story in seven meets an earlier one, its copies and template reports included), so the
    // benchmark's dedupe stage verifies as many candidates as it would on real news
    assertThat(share).isLessThan(0.10);
  }
}
