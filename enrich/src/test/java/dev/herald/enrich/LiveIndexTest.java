package dev.herald.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.avro.DedupeCopy;
import dev.herald.nlp.dedupe.NearDupFingerprint;
import dev.herald.nlp.dedupe.NearDupFingerprinter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LiveIndexTest {
  private static final long HOUR = Duration.ofHours(1).toMillis();
  private final NearDupFingerprinter fingerprinter = new NearDupFingerprinter();
  private final LiveIndex index = new LiveIndex(fingerprinter, Duration.ofDays(7), 64);

  /** A body of its own words: no two articles of different {@code n} share a band. */
  private NearDupFingerprint article(int n) {
    StringBuilder text = new StringBuilder();
    for (int s = 0; s < 12; s++) {
      text.append("Report ")
          .append(n)
          .append(" sentence ")
          .append(s)
          .append(" says word")
          .append(n * 100 + s)
          .append(" and word")
          .append(n * 100 + s + 50)
          .append(" moved today.\n");
    }
    return fingerprinter.fingerprint("Title " + n, text.toString());
  }

  private LiveIndex.Entry entry(String id, long at, NearDupFingerprint f) {
    return new LiveIndex.Entry(id, at, f.toBytes(), "", at, 0, at, null);
  }

  private boolean file(String id, long at, NearDupFingerprint f) {
    return index.file(entry(id, at, f), index.codes(f));
  }

  @Test
  void shouldFindAFiledArticleByItsCodesOnceEvenThroughManySharedBands() {
    // Given an article filed under its 32 bands and its exact hash
    NearDupFingerprint f = article(1);
    file("a1", 0, f);

    // When an identical body looks its codes up
    var found = index.candidates(index.codes(f), HOUR);

    // Then the article comes back once, and an unrelated body finds nothing
    assertThat(found).extracting(LiveIndex.Entry::id).containsExactly("a1");
    assertThat(index.candidates(index.codes(article(2)), HOUR)).isEmpty();
  }

  @Test
  void shouldForgetArticlesOlderThanTheRetentionBehindTheNewestArrival() {
    // Given 100 articles an hour apart, then one 8 days after the last of them
    for (int i = 0; i < 100; i++) {
      file("a" + i, i * HOUR, article(i));
    }
    long late = 99 * HOUR + Duration.ofDays(8).toMillis();

    // When it is filed
    file("late", late, article(500));

    // Then every earlier article has left the index, ids and postings alike
    assertThat(index.stats().entries()).isEqualTo(1);
    assertThat(index.get("a0")).isNull();
    assertThat(index.candidates(index.codes(article(0)), late)).isEmpty();
    assertThat(index.stats().postings()).isEqualTo(index.codes(article(500)).length);
  }

  @Test
  void shouldNotReturnACandidateOutsideTheRetentionOfTheArticleLookingItUp() {
    // Given an article filed at time 0
    NearDupFingerprint f = article(3);
    file("a3", 0, f);

    // When a copy arriving 8 days later looks it up before anything newer was filed
    var found = index.candidates(index.codes(f), Duration.ofDays(8).toMillis());

    // Then the old article is not a candidate
    assertThat(found).isEmpty();
  }

  @Test
  void shouldRefuseAnIdAlreadyLiveAndAcceptItAgainOnceExpired() {
    // Given an article filed at time 0
    file("a1", 0, article(1));

    // When the same id is filed again a day later, and again 8 days later
    boolean sameWeek = file("a1", 24 * HOUR, article(1));
    boolean nextWeek = file("a1", Duration.ofDays(8).toMillis(), article(1));

    // Then the first is refused, the second replaces the expired entry
    assertThat(sameWeek).isFalse();
    assertThat(nextWeek).isTrue();
    assertThat(index.get("a1").arrival()).isEqualTo(Duration.ofDays(8).toMillis());
    assertThat(index.stats().entries()).isEqualTo(1);
  }

  @Test
  void shouldFileABodyTooShortToSketchByIdOnly() {
    // Given a one-word body
    NearDupFingerprint tiny = fingerprinter.fingerprint("Hi", "Hello");

    // When it is filed as the global thread files entries
    boolean filed = index.file(entry("t1", 0, tiny));

    // Then its id is known, and it has no postings
    assertThat(filed).isTrue();
    assertThat(index.get("t1")).isNotNull();
    assertThat(index.stats().postings()).isZero();
  }

  @Test
  void shouldSkipAnEntryItCannotRead() {
    // Given an entry whose fingerprint bytes are not a fingerprint
    LiveIndex.Entry garbage = new LiveIndex.Entry("g1", 0, new byte[] {9, 9}, "", 0, -1, -1, null);

    // When the global thread files it
    boolean filed = index.file(garbage);

    // Then it is skipped, without an exception
    assertThat(filed).isFalse();
    assertThat(index.get("g1")).isNull();
  }

  @Test
  void shouldForgetACopyFromItsClusterWhenItLeavesTheWindow() {
    // Given a canonical and a copy of it filed a day later
    NearDupFingerprint f = article(7);
    file("c1", 0, f);
    DedupeCopy provenance =
        DedupeCopy.newBuilder()
            .setArticleId("k1")
            .setReceivedAt(java.time.Instant.ofEpochMilli(24 * HOUR))
            .setMatchedId("c1")
            .setContainment(1.0)
            .build();
    index.file(
        new LiveIndex.Entry("k1", 24 * HOUR, f.toBytes(), "c1", 0, 0, 1, provenance),
        index.codes(f));
    assertThat(index.cluster("c1", 50).getCopyCount()).isEqualTo(1);

    // When an article arrives 9 days after the copy
    file("late", 24 * HOUR + Duration.ofDays(9).toMillis(), article(8));

    // Then the cluster has no copy left
    assertThat(index.cluster("c1", 50)).isNull();
  }
}
