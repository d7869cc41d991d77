package dev.herald.nlp.ner;

import java.util.Locale;

/** Word-level helpers for features: shapes, case tests and a 64-bit string hash. */
final class Words {

  private Words() {}

  /**
   * The word's shape with runs collapsed to two: "Lavrov" -> "Xxx", "U.S." -> "X.X.", "1996-08-22"
   * -> "dd-dd-dd", "McDonald" -> "XxXx". Long words keep their first and last parts only.
   */
  static String shape(String w) {
    StringBuilder sb = new StringBuilder(Math.min(w.length(), 12));
    char last = 0;
    int run = 0;
    for (int i = 0; i < w.length() && sb.length() < 12; i++) {
      char c = w.charAt(i);
      char k;
      if (Character.isUpperCase(c)) {
        k = 'X';
      } else if (Character.isLowerCase(c)) {
        k = 'x';
      } else if (Character.isDigit(c)) {
        k = 'd';
      } else if (Character.isLetter(c)) {
        k = 'o';
      } else {
        k = c;
      }
      if (k == last) {
        if (++run >= 2 && (k == 'X' || k == 'x' || k == 'd' || k == 'o')) {
          continue;
        }
      } else {
        run = 0;
      }
      sb.append(k);
      last = k;
    }
    return sb.toString();
  }

  static boolean hasLetter(String w) {
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      // ASCII settled without the Unicode tables (the same answer: its letters are a-z, A-Z).
      if (c < 128 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c)) {
        return true;
      }
    }
    return false;
  }

  static boolean isCapitalised(String w) {
    return !w.isEmpty() && Character.isUpperCase(w.charAt(0));
  }

  /** Two or more letters, none lower case ("NATO", "U.S."). */
  static boolean isAllCaps(String w) {
    int letters = 0;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (Character.isLetter(c)) {
        if (!Character.isUpperCase(c)) {
          return false;
        }
        letters++;
      }
    }
    return letters >= 2;
  }

  static String lower(String w) {
    return w.toLowerCase(Locale.ROOT);
  }

  /** "LAVROV" -> "Lavrov". */
  static String titleCase(String w) {
    if (w.isEmpty()) {
      return w;
    }
    return w.substring(0, 1) + w.substring(1).toLowerCase(Locale.ROOT);
  }

  /** FNV-1a over the chars, then a final mix: stable across runs and JVMs. */
  static long hash(CharSequence s) {
    return hash(s, 0, s.length());
  }

  /** The hash of s[from, to): equal to hashing that substring. */
  static long hash(CharSequence s, int from, int to) {
    long h = 0xcbf29ce484222325L;
    for (int i = from; i < to; i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  static long hash(long template, long value) {
    return mix(value * 0x9E3779B97F4A7C15L + template * 0xC2B2AE3D27D4EB4FL + template);
  }

  static long hash(long template, long a, long b) {
    return hash(template, mix(a * 0x9E3779B97F4A7C15L ^ b));
  }

  static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
