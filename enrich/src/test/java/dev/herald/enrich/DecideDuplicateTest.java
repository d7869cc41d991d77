package dev.herald.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.avro.DedupeEntry;
import dev.herald.avro.RawArticle;
import dev.herald.nlp.dedupe.NearDupFingerprint;
import dev.herald.nlp.dedupe.NearDupFingerprinter;
import dev.herald.schemas.serde.HeraldSerdes;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DecideDuplicateTest {
  private final NearDupFingerprinter fingerprinter = new NearDupFingerprinter();
  private final LiveIndex index =
      new LiveIndex(fingerprinter, Duration.ofDays(7), EnrichTopology.MAX_ARTICLES_PER_BAND);
  private final DecideDuplicate decide =
      new DecideDuplicate(
          index,
          fingerprinter,
          HeraldSerdes.avro(DedupeEntry.class).serializer(),
          new EnrichMetrics());

  private final NearDupFingerprint seed =
      fingerprinter.fingerprint(SeedArticle.TITLE, SeedArticle.text());
  private final NearDupFingerprint copy =
      fingerprinter.fingerprint(
          SeedArticle.TITLE, "By Wire Staff\n\nMOSCOW, Nov 14 (Reuters) - " + SeedArticle.text());

  private static RawArticle article(String id) {
    return SeedArticle.article(id, "https://" + id + ".example/", "Source " + id);
  }

  @Test
  void shouldNumberACopyWithinItsClusterAndListWhoPublishedIt() {
    // Given the seed
    decide.decide(article("a1"), 0, seed, 0, 10);

    // When two copies of it arrive from other sources
    DecideDuplicate.Outcome first = decide.decide(article("w7"), 60_000, copy, 1, 5);
    DecideDuplicate.Outcome second = decide.decide(article("w8"), 120_000, copy, 2, 9);

    // Then they are the cluster's first and second copies, and the cluster lists both sources
    assertThat(first.copyNumber()).isEqualTo(1);
    assertThat(second.copyNumber()).isEqualTo(2);
    assertThat(second.copy().getSource()).isEqualTo("Source w8");
    var cluster = index.cluster("a1", EnrichTopology.MAX_COPIES_LISTED);
    assertThat(cluster.getCopyCount()).isEqualTo(2);
    assertThat(cluster.getCopies())
        .extracting(c -> c.getArticleId() + "@" + c.getSource())
        .containsExactly("w7@Source w7", "w8@Source w8");
  }

  @Test
  void shouldDropTheSameIdDeliveredAgainInAnotherRecord() {
    // Given the seed decided from raw record (partition 0, offset 10)
    assertThat(decide.decide(article("a1"), 0, seed, 0, 10)).isNotNull();

    // When the same id comes again in record (0, 11), a re-poll
    DecideDuplicate.Outcome again = decide.decide(article("a1"), 60_000, seed, 0, 11);

    // Then it is a repeat: dropped
    assertThat(again).isNull();
  }

  @Test
  void shouldDecideARetriedRecordAgainWithoutFilingItTwice() {
    // Given the seed and a copy of it decided, then their transaction aborted
    decide.decide(article("a1"), 0, seed, 0, 10);
    DecideDuplicate.Outcome first = decide.decide(article("w7"), 60_000, copy, 1, 5);
    int entries = index.stats().entries();

    // When the task reads the same raw records again
    DecideDuplicate.Outcome seedAgain = decide.decide(article("a1"), 0, seed, 0, 10);
    DecideDuplicate.Outcome copyAgain = decide.decide(article("w7"), 60_000, copy, 1, 5);

    // Then both are decided as before (the seed canonical, never a copy of its own copy; the copy
    // linked to it) and the index still holds one entry each
    assertThat(first.best().getCanonicalId()).isEqualTo("a1");
    assertThat(seedAgain.best()).isNull();
    assertThat(seedAgain.filed()).isFalse();
    assertThat(copyAgain.best().getCanonicalId()).isEqualTo("a1");
    assertThat(copyAgain.filed()).isFalse();
    assertThat(index.stats().entries()).isEqualTo(entries);
  }

  @Test
  void shouldKeepABodyTooShortToCompareButStillRecogniseItsRepeat() {
    // Given a one-word article
    NearDupFingerprint tiny = fingerprinter.fingerprint("Hi", "Hello");

    // When it arrives, then arrives again in another record
    DecideDuplicate.Outcome first = decide.decide(article("t1"), 0, tiny, 0, 1);
    DecideDuplicate.Outcome second = decide.decide(article("t1"), 1_000, tiny, 0, 2);

    // Then it is its own canonical the first time and a repeat the second
    assertThat(first.best()).isNull();
    assertThat(first.filed()).isTrue();
    assertThat(second).isNull();
  }

  @Test
  void shouldTreatAnIdSeenBeforeTheRetentionAsANewArticle() {
    // Given an article decided 8 days ago
    decide.decide(article("a1"), 0, seed, 0, 10);

    // When the same id arrives again now
    DecideDuplicate.Outcome now =
        decide.decide(article("a1"), Duration.ofDays(8).toMillis(), seed, 0, 99);

    // Then it is decided and filed anew
    assertThat(now).isNotNull();
    assertThat(now.filed()).isTrue();
  }
}
