package dev.herald.app.faults;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Damages feed documents the ways transport and publishers do: flipped bits, a cut-off end,
 * inserted or lost bytes, and elements written twice. Deterministic for a given {@link Random}.
 */
final class FeedMutator {

  /** One kind of damage. */
  enum Mutation {
    BIT_FLIPS,
    TRUNCATION,
    BYTE_INSERTION,
    BYTE_DELETION,
    DUPLICATED_ELEMENT
  }

  private static final Pattern START_TAG = Pattern.compile("<([A-Za-z][\\w:.-]*)[\\s>/]");
  private static final byte[] INSERTABLE =
      "<>&;\"'=/![]{}:,\\ \n\u0000\u00ff\u00c3\u00a9abc?-#%".getBytes(StandardCharsets.ISO_8859_1);

  private final Random random;

  FeedMutator(Random random) {
    this.random = random;
  }

  /** A damaged copy of {@code doc}; the original is left as it is. */
  byte[] mutate(byte[] doc, Mutation mutation) {
    if (doc.length == 0) {
      return doc.clone();
    }
    return switch (mutation) {
      case BIT_FLIPS -> flipBits(doc);
      case TRUNCATION -> Arrays.copyOf(doc, random.nextInt(doc.length));
      case BYTE_INSERTION -> insertBytes(doc);
      case BYTE_DELETION -> deleteBytes(doc);
      case DUPLICATED_ELEMENT -> duplicateElement(doc);
    };
  }

  private byte[] flipBits(byte[] doc) {
    byte[] out = doc.clone();
    int flips = 1 + random.nextInt(8);
    for (int i = 0; i < flips; i++) {
      int at = random.nextInt(out.length);
      out[at] ^= (byte) (1 << random.nextInt(8));
    }
    return out;
  }

  private byte[] insertBytes(byte[] doc) {
    int count = 1 + random.nextInt(16);
    int at = random.nextInt(doc.length + 1);
    byte[] inserted = new byte[count];
    for (int i = 0; i < count; i++) {
      inserted[i] =
          random.nextBoolean()
              ? INSERTABLE[random.nextInt(INSERTABLE.length)]
              : (byte) random.nextInt(256);
    }
    byte[] out = new byte[doc.length + count];
    System.arraycopy(doc, 0, out, 0, at);
    System.arraycopy(inserted, 0, out, at, count);
    System.arraycopy(doc, at, out, at + count, doc.length - at);
    return out;
  }

  private byte[] deleteBytes(byte[] doc) {
    int at = random.nextInt(doc.length);
    int count = Math.min(doc.length - at, 1 + random.nextInt(64));
    byte[] out = new byte[doc.length - count];
    System.arraycopy(doc, 0, out, 0, at);
    System.arraycopy(doc, at + count, out, at, doc.length - at - count);
    return out;
  }

  /**
   * Writes one element below the root (start tag to its end tag) twice; for JSON, one object. Falls
   * back to deleting bytes when no such element is found at a few random places.
   */
  private byte[] duplicateElement(byte[] doc) {
    // ISO-8859-1 maps bytes one to one, so offsets in the string are offsets in the bytes.
    String text = new String(doc, StandardCharsets.ISO_8859_1);
    // A few random places, each the next start tag after it that has an end tag (bounded work).
    int[] span = null;
    Matcher m = START_TAG.matcher(text);
    int root = m.find() ? m.start() : -1;
    for (int tries = 0; tries < 8 && span == null; tries++) {
      if (m.find(random.nextInt(text.length())) && m.start() != root) {
        String name = m.group(1);
        int startEnd = text.indexOf('>', m.start());
        int end = text.indexOf("</" + name + ">", m.end());
        int nested = text.indexOf("<" + name, m.end());
        boolean selfClosing = startEnd > 0 && text.charAt(startEnd - 1) == '/';
        if (end > 0 && !selfClosing && (nested < 0 || nested > end)) {
          span = new int[] {m.start(), end + name.length() + 3};
        }
      }
    }
    for (int tries = 0; tries < 8 && span == null; tries++) {
      int open = text.indexOf('{', random.nextInt(text.length()));
      int close = open < 0 ? -1 : matchingBrace(text, open);
      if (close > 0) {
        span = new int[] {open, close + 1};
      }
    }
    if (span == null) {
      return deleteBytes(doc);
    }
    String dup = text.substring(span[0], span[1]);
    String sep = text.charAt(span[0]) == '{' ? "," : "";
    String out = text.substring(0, span[1]) + sep + dup + text.substring(span[1]);
    return out.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static int matchingBrace(String text, int open) {
    int depth = 0;
    boolean inString = false;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
