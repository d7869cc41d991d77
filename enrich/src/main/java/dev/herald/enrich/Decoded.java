package dev.herald.enrich;

import dev.herald.avro.DeadLetter;

/**
 * Either a value or the dead letter that replaces it: errors travel as data to the dead-letter
 * topic instead of stopping the topology (cf. bakdata's KErrorStream).
 */
record Decoded<T>(T value, DeadLetter error) {
  static <T> Decoded<T> ok(T value) {
    return new Decoded<>(value, null);
  }

  static <T> Decoded<T> failed(DeadLetter error) {
    return new Decoded<>(null, error);
  }

  boolean isError() {
    return error != null;
  }
}
