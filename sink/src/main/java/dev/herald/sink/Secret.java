package dev.herald.sink;

/**
 * A secret setting (a password, a webhook URL with its token): never printed. {@link #toString()}
 * hides the value, so records holding one can be logged.
 *
 * @param value the secret; only {@link #reveal()} gives it out
 */
public record Secret(String value) {

  /** The value, for the one place that needs it (a connection, a request). */
  public String reveal() {
    return value;
  }

  /** True when there is no value. */
  public boolean isEmpty() {
    return value == null || value.isEmpty();
  }

  @Override
  public String toString() {
    return isEmpty() ? "(none)" : "****";
  }
}
