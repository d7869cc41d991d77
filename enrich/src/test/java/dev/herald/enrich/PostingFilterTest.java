package dev.herald.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PostingFilterTest {

  @Test
  void shouldNeverForgetAFiledKeyWhileItsFiltersGrow() {
    // Given more keys than the first filter of a bucket holds
    PostingFilter filter = new PostingFilter();
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
    PostingFilter filter = new PostingFilter();
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
    PostingFilter filter = new PostingFilter();
    filter.add("b01:00010002", 0L);
    filter.add("b01:00010002", 100L);

    // When the first bucket leaves
    filter.dropBefore(100L);

    // Then only the second remembers it
    assertThat(filter.mightContain("b01:00010002", 0L)).isFalse();
    assertThat(filter.mightContain("b01:00010002", 100L)).isTrue();
  }

  @Test
  void shouldLetOneWriterAndAReaderWorkAtOnceWithoutLosingAKeyAlreadyAdded() throws Exception {
    // Given a writer adding keys while a reader checks each key the writer reported added
    PostingFilter filter = new PostingFilter();
    AtomicInteger added = new AtomicInteger();
    Thread writer =
        new Thread(
            () -> {
              for (int i = 0; i < 200_000; i++) {
                filter.add("b" + (i % 32) + ":" + i, 7L);
                added.set(i + 1);
              }
            });

    // When both run
    writer.start();
    int missed = 0;
    while (writer.isAlive() || added.get() < 200_000) {
      int upTo = added.get();
      for (int i = Math.max(0, upTo - 100); i < upTo; i++) {
        missed += filter.mightContain("b" + (i % 32) + ":" + i, 7L) ? 0 : 1;
      }
      if (!writer.isAlive() && added.get() == 200_000) {
        break;
      }
    }
    writer.join();

    // Then no key the writer had finished adding was ever reported absent
    assertThat(missed).isZero();
  }
}
