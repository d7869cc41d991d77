package dev.herald.nlp.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ResolverPadTest {

  @Test
  void shouldPadExactlyAsStringFormatDoes() {
    // Given values around every width the resolver writes (years, months, days), signs included
    int[] values = {0, 7, 12, 99, 100, 999, 1000, 2026, 12345, -1, -7, -42, -999, -1000};
    for (int width = 1; width <= 4; width++) {
      for (int v : values) {
        // When
        String padded = Resolver.pad(v, width);
        // Then
        assertEquals(String.format("%0" + width + "d", v), padded, v + " width " + width);
      }
    }
  }
}
