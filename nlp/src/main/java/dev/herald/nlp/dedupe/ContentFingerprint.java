package dev.herald.nlp.dedupe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Exact-copy fingerprint of an article body: a hash of its normalised text (case, punctuation and
 * white space folded), so that the same body republished under another URL is recognised.
 *
 * <p>Short bodies get no fingerprint: two one-line teasers can be equal without being the same
 * article, and a false merge loses an article.
 */
public final class ContentFingerprint {
  /** Normalised characters a body needs before its hash is trusted to identify an article. */
  public static final int DEFAULT_MIN_CHARS = 200;

  private final int minChars;

  public ContentFingerprint(int minChars) {
    if (minChars < 1) {
      throw new IllegalArgumentException("minChars must be positive: " + minChars);
    }
    this.minChars = minChars;
  }

  /** The hex SHA-256 of the normalised text, or empty when the text is too short to identify. */
  public Optional<String> of(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String normalised = normalise(text);
    if (normalised.length() < minChars) {
      return Optional.empty();
    }
    return Optional.of(sha256Hex(normalised));
  }

  /** Lower case letters and digits, every other run of characters folded to one space. */
  static String normalise(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        if (pendingSpace && sb.length() > 0) {
          sb.append(' ');
        }
        pendingSpace = false;
        sb.appendCodePoint(Character.toLowerCase(cp));
      } else {
        pendingSpace = true;
      }
    }
    return sb.toString();
  }

  private static String sha256Hex(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
