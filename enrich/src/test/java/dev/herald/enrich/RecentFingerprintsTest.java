package dev.herald.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.nlp.dedupe.NearDupFingerprint;
import dev.herald.nlp.dedupe.NearDupFingerprinter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentFingerprintsTest {
  private static final NearDupFingerprinter FINGERPRINTER = new NearDupFingerprinter();
  private static final NearDupFingerprint SEED =
      FINGERPRINTER.fingerprint("Seed", SeedArticle.text());
  private static final List<String> KEYS = FINGERPRINTER.bandKeys(SEED);

  private final AtomicLong now = new AtomicLong();

  @Test
  void shouldFindAnOwnDecisionUntilTheGlobalIndexHasAppliedIt() {
    // Given an article this instance decided, not yet indexed
    RecentFingerprints recent = new RecentFingerprints(Duration.ofMinutes(2), 100, now::get);
    recent.add("a1", 1_000L, SEED, "", 1_000L, KEYS);

    // When a later article shares one band key with it
    var found = recent.sharing(List.of("unrelated", KEYS.get(3)));

    // Then it is a candidate, once, until the global processor reports it applied
    assertThat(found).extracting(RecentFingerprints.Recent::id).containsExactly("a1");
    recent.applied("a1");
    assertThat(recent.sharing(KEYS)).isEmpty();
    assertThat(recent.size()).isZero();
  }

  @Test
  void shouldKeepFindingTheOtherArticlesOfASharedKeyWhenOneIsApplied() {
    // Given three decided articles under the same band keys, one of them added twice (decided
    // again after an aborted transaction)
    RecentFingerprints recent = new RecentFingerprints(Duration.ofMinutes(2), 100, now::get);
    recent.add("a1", 1L, SEED, "", 1L, KEYS);
    recent.add("a2", 2L, SEED, "", 2L, KEYS);
    recent.add("a2", 2L, SEED, "", 2L, KEYS);
    recent.add("a3", 3L, SEED, "", 3L, KEYS);

    // When the global index applies the middle one
    recent.applied("a2");

    // Then the others are still found, each once, and the applied one is gone from every key
    assertThat(recent.sharing(List.of(KEYS.get(0))))
        .extracting(RecentFingerprints.Recent::id)
        .containsExactly("a1", "a3");
    recent.applied("a1");
    recent.applied("a3");
    assertThat(recent.sharing(KEYS)).isEmpty();
  }

  @Test
  void shouldDropDecisionsNeverAppliedOnceTooOldOrTooMany() {
    // Given a bound of two minutes and two entries
    RecentFingerprints recent = new RecentFingerprints(Duration.ofMinutes(2), 2, now::get);
    recent.add("a1", 1L, SEED, "", 1L, KEYS);
    recent.add("a2", 2L, SEED, "", 2L, KEYS);

    // When a third comes, then three minutes pass before a fourth
    recent.add("a3", 3L, SEED, "", 3L, KEYS);
    var afterThird = recent.sharing(KEYS);
    now.addAndGet(Duration.ofMinutes(3).toNanos());
    recent.add("a4", 4L, SEED, "", 4L, KEYS);

    // Then the oldest left first, and the stale ones with the age bound
    assertThat(afterThird)
        .extracting(RecentFingerprints.Recent::id)
        .containsExactlyInAnyOrder("a2", "a3");
    assertThat(recent.sharing(KEYS))
        .extracting(RecentFingerprints.Recent::id)
        .containsExactly("a4");
  }
}
