package dev.herald.ingest.fetch;

import java.io.IOException;

/** The body exceeded the size cap; thrown inside the fetcher and classified as TOO_LARGE. */
final class BodyTooLargeException extends IOException {

  private static final long serialVersionUID = 1L;

  BodyTooLargeException(String what, long cap) {
    super(what + " exceeds the cap of " + cap + " bytes");
  }
}
