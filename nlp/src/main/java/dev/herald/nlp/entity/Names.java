package dev.herald.nlp.entity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Normalisation shared by entity and event ids: slugs, stop words, corporate suffixes. */
public final class Names {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  /** Words that carry no identity in a name. */
  public static final Set<String> STOP_WORDS =
      Set.of(
          "the",
          "a",
          "an",
          "of",
          "for",
          "on",
          "in",
          "at",
          "to",
          "and",
          "or",
          "between",
          "with",
          "by",
          "from",
          "its",
          "their",
          "his",
          "her",
          "our",
          "this",
          "that",
          "these",
          "those",
          "s",
          "new",
          "planned",
          "proposed",
          "scheduled",
          "so-called",
          "upcoming",
          "forthcoming",
          "expected",
          "possible",
          "first",
          "next",
          "latest",
          "said",
          "de",
          "la",
          "du",
          "der");

  /** Legal-form suffixes dropped from organisation ids ("Cargill U.K. Ltd" ~ "Cargill U.K."). */
  public static final Set<String> CORPORATE_SUFFIXES =
      Set.of(
          "inc",
          "inc.",
          "corp",
          "corp.",
          "co",
          "co.",
          "ltd",
          "ltd.",
          "plc",
          "llc",
          "ag",
          "sa",
          "nv",
          "bv",
          "spa",
          "gmbh",
          "limited",
          "incorporated",
          "corporation",
          "cos",
          "l.p.",
          "lp");

  private Names() {}

  /** A readable id: lower case ASCII words joined by hyphens ("sergei-lavrov"). */
  public static String slug(String text) {
    // Most names are plain ASCII: they need no Unicode normalisation (hot in entity ids).
    String ascii =
        isAscii(text)
            ? text
            : MARKS
                .matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(ascii.length());
    boolean dash = false;
    for (int i = 0; i < ascii.length(); i++) {
      char c = ascii.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        sb.append(c);
        dash = false;
      } else if (c == '.' || c == '\'' || c == '\u2019') {
        // "U.S." -> "us", "Ltd's" handled by callers; dots and apostrophes join.
      } else if (!dash && sb.length() > 0) {
        sb.append('-');
        dash = true;
      }
    }
    int len = sb.length();
    if (len > 0 && sb.charAt(len - 1) == '-') {
      sb.setLength(len - 1);
    }
    return sb.toString();
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 127) {
        return false;
      }
    }
    return true;
  }

  /**
   * The normalised form of one word of a name: lower case, possessive dropped, a place or demonym
   * replaced by its place slug when the word is written capitalised ("Syrians" -> "syria").
   */
  public static String normalWord(String word) {
    String lower = Gazetteer.stripPossessive(word.toLowerCase(Locale.ROOT));
    if (!word.isEmpty() && Character.isUpperCase(word.charAt(0))) {
      String place = Gazetteer.place(lower);
      if (place != null) {
        return place;
      }
    }
    return slug(lower);
  }
}
