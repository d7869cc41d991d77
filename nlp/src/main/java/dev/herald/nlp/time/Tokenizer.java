package dev.herald.nlp.time;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits text into words, numbers (with any glued letter suffix: "28th", "1990s") and single
 * punctuation characters. One pass, no regular expressions.
 */
final class Tokenizer {

  private Tokenizer() {}

  static List<Token> tokenize(String text, int from, int to) {
    return tokenize(text, from, to, null);
  }

  /** Tokens of text[from, to); with a lexicon, each token carries its lexicon entries. */
  static List<Token> tokenize(String text, int from, int to, Lexicon lexicon) {
    List<Token> out = new ArrayList<>(Math.max(16, (to - from) / 5));
    int i = from;
    boolean glued = false;
    while (i < to) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
        i++;
        glued = false;
        continue;
      }
      int start = i;
      if (Character.isLetter(c)) {
        while (i < to && isWordChar(text.charAt(i))) {
          i++;
        }
        // Dotted abbreviations ("a.m.", "p.m.", "U.S.") stay one token.
        if (i - start == 1) {
          int j = i;
          if (j + 2 < to
              && text.charAt(j) == '.'
              && Character.isLetter(text.charAt(j + 1))
              && text.charAt(j + 2) == '.'
              && (j + 3 >= to || !Character.isLetter(text.charAt(j + 3)))) {
            j += 3;
          }
          if (j > i) {
            i = j;
          }
        }
        String lower = text.substring(start, i).toLowerCase(Locale.ROOT);
        out.add(
            new Token(
                start,
                i,
                lower,
                Token.Kind.WORD,
                glued,
                Character.isUpperCase(c),
                -1,
                0,
                "",
                classes(lexicon, lower)));
      } else if (c >= '0' && c <= '9') {
        long value = 0;
        while (i < to && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
          if (value < 1_000_000_000L) {
            value = value * 10 + (text.charAt(i) - '0');
          }
          i++;
        }
        int digits = i - start;
        int sufStart = i;
        // A short letter suffix belongs to the number ("28th", "1990s"); a long one does not.
        while (i < to && Character.isLetter(text.charAt(i)) && i - sufStart < 3) {
          i++;
        }
        if (i < to && Character.isLetter(text.charAt(i))) {
          i = sufStart;
        }
        String suffix = text.substring(sufStart, i).toLowerCase(Locale.ROOT);
        int num = digits <= 9 ? (int) value : -1;
        out.add(
            new Token(
                start,
                i,
                text.substring(start, sufStart),
                Token.Kind.NUMBER,
                glued,
                false,
                num,
                digits,
                suffix,
                Map.of()));
      } else {
        i += Character.charCount(text.codePointAt(i));
        if (i > to) {
          i = to;
        }
        String p = normalizePunct(text.substring(start, i));
        out.add(
            new Token(start, i, p, Token.Kind.PUNCT, glued, false, -1, 0, "", classes(lexicon, p)));
      }
      glued = true;
    }
    return out;
  }

  private static Map<String, Lexicon.Entry[]> classes(Lexicon lexicon, String lower) {
    return lexicon == null ? Map.of() : lexicon.classesOf(lower);
  }

  private static boolean isWordChar(char c) {
    return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK;
  }

  /** Dashes and quotes come in many code points; rules only need one of each. */
  private static String normalizePunct(String p) {
    switch (p) {
      case "\u2010":
      case "\u2011":
      case "\u2012":
      case "\u2013":
      case "\u2014":
      case "\u2212":
        return "-";
      case "\u2019":
      case "\u2018":
      case "`":
        return "'";
      default:
        return p;
    }
  }
}
