package dev.herald.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BandEntriesTest {

  @Test
  void shouldReadBackTheArticlesAppendedToABucketInOrder() {
    // Given
    String value = BandEntries.append(null, 1_700_000_000_000L, "a1");
    value = BandEntries.append(value, 1_700_000_060_000L, "id:with:colons");

    // When
    var entries = BandEntries.parse(value);

    // Then
    assertThat(entries)
        .containsExactly(
            new BandEntries.Entry(1_700_000_000_000L, "a1"),
            new BandEntries.Entry(1_700_000_060_000L, "id:with:colons"));
  }
}
