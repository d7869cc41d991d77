package dev.herald.extract;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** How much of one text's vocabulary another text contains: a cheap "same text?" test. */
final class WordOverlap {

  private WordOverlap() {}

  /**
   * The share of distinct words (of three letters or more) of {@code a} that occur in {@code b}.
   */
  static double coverage(String a, String b) {
    Set<String> wa = words(a);
    if (wa.isEmpty()) {
      return 1;
    }
    Set<String> wb = words(b);
    int hit = 0;
    for (String w : wa) {
      if (wb.contains(w)) {
        hit++;
      }
    }
    return (double) hit / wa.size();
  }

  static Set<String> words(String s) {
    Set<String> out = new HashSet<>();
    String lower = s.toLowerCase(Locale.ROOT);
    int start = -1;
    for (int i = 0; i <= lower.length(); i++) {
      boolean letter = i < lower.length() && Character.isLetterOrDigit(lower.charAt(i));
      if (letter && start < 0) {
        start = i;
      } else if (!letter && start >= 0) {
        if (i - start >= 3) {
          out.add(lower.substring(start, i));
        }
        start = -1;
      }
    }
    return out;
  }
}
