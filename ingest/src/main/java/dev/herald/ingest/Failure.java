package dev.herald.ingest;

import java.util.Objects;

/**
 * A classified failure of one fetch or parse. The message never contains credentials: callers build
 * it from {@link SafeUrls#redact(String)} URLs and exception messages that do not carry the URL.
 */
public record Failure(FailureKind kind, String message) {

  public Failure {
    Objects.requireNonNull(kind, "kind");
    message = message == null || message.isBlank() ? kind.name().toLowerCase() : message.strip();
  }

  /** The form stored in {@code FeedState.lastError}: {@code "KIND: message"}. */
  public String describe() {
    return kind + ": " + message;
  }
}
