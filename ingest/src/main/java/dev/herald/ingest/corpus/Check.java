package dev.herald.ingest.corpus;

import java.time.Instant;
import java.util.Objects;

/**
 * One expectation of a reference parser: {@code field} of item {@code item} (or of the feed when
 * {@code item} is -1) should be {@code expected}, a String or, for dates, an {@link Instant}.
 */
public record Check(Field field, int item, Object expected) {

  public Check {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(expected, "expected");
    if (field == Field.DATE != expected instanceof Instant) {
      throw new IllegalArgumentException("dates are Instants, other fields Strings");
    }
  }
}
