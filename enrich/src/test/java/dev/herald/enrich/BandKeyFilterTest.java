package dev.herald.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BandKeyFilterTest {

  @Test
  void shouldNeverForgetAFiledKeyWhileItsFiltersGrow() {
    // Given more keys than the first filter of a bucket holds
    BandKeyFilter filter = new BandKeyFilter();
    for (int i = 0; i < 100_000; i++) {
      filter.add("b" + (i % 32) + ":" + Integer.toHexString(i * 7919), 1000L);
    }

    // Then every one of them may be there (no false negatives)
    for (int i = 0; i < 100_000; i++) {
      assertThat(filter.mightContain("b" + (i % 32) + ":" + Integer.toHexString(i * 7919), 1000L))
          .isTrue();
    }
  }

  @Test
  void shouldRejectMostKeysNeverFiled() {
    // Given 50 000 filed keys
    BandKeyFilter filter = new BandKeyFilter();
    for (int i = 0; i < 50_000; i++) {
      filter.add("x:" + i, 0L);
    }

    // When asking for 50 000 others
    int maybe = 0;
    for (int i = 50_000; i < 100_000; i++) {
      maybe += filter.mightContain("x:" + i, 0L) ? 1 : 0;
    }

    // Then few false positives (a false positive only costs a store read)
    assertThat(maybe).isLessThan(1_500);
  }

  @Test
  void shouldForgetBucketsThatLeftTheRetention() {
    // Given a key filed in two buckets
    BandKeyFilter filter = new BandKeyFilter();
    filter.add("b01:00010002", 0L);
    filter.add("b01:00010002", 100L);

    // When the first bucket leaves
    filter.dropBefore(100L);

    // Then only the second remembers it
    assertThat(filter.mightContain("b01:00010002", 0L)).isFalse();
    assertThat(filter.mightContain("b01:00010002", 100L)).isTrue();
  }
}
