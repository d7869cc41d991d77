package dev.herald.extract;

/** Internal signal that a page is refused for a classified reason; never leaves the extractor. */
final class Rejection extends Exception {

  private final ErrorKind kind;

  Rejection(ErrorKind kind, String message) {
    super(message, null, false, false); // no stack trace: this is control flow, not a bug
    this.kind = kind;
  }

  ErrorKind kind() {
    return kind;
  }
}
