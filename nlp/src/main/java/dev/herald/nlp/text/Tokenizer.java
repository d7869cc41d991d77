package dev.herald.nlp.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits a span of text into {@link Token}s in one linear pass, without regular expressions. */
public final class Tokenizer {

  /** Longest token kept; longer runs are cut so that one absurd "word" stays cheap. */
  private static final int MAX_TOKEN = 64;

  private Tokenizer() {}

  public static List<Token> tokenize(String text) {
    return tokenize(text, 0, text.length());
  }

  /** Tokens of {@code text[from, to)}; offsets refer to {@code text}. */
  public static List<Token> tokenize(String text, int from, int to) {
    List<Token> out = new ArrayList<>(Math.max(8, (to - from) / 6));
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
        i++;
        continue;
      }
      int start = i;
      if (Character.isLetterOrDigit(c)) {
        i++;
        while (i < to && i - start < MAX_TOKEN) {
          char d = text.charAt(i);
          if (Character.isLetterOrDigit(d)) {
            i++;
          } else if (d == '"'
              && i + 1 < to
              && text.charAt(i + 1) == 's'
              && (i + 2 >= to || !Character.isLetter(text.charAt(i + 2)))) {
            // Wire copy types the possessive with a double quote: OPEC"s.
            i += 2;
          } else if (isJoiner(d) && i + 1 < to && Character.isLetterOrDigit(text.charAt(i + 1))) {
            // "U.S", "Ltd's", "mid-November", "1-1/8", "13/14": keep the joined run whole.
            i += 2;
          } else {
            break;
          }
        }
        // Keep the final dot of a dotted abbreviation ("U.S.", "Calif." stays without it).
        if (i < to
            && text.charAt(i) == '.'
            && i - start >= 3
            && text.charAt(i - 2) == '.'
            && Character.isLetter(text.charAt(i - 1))) {
          i++;
        }
      } else {
        i++;
      }
      String t = text.substring(start, i);
      out.add(new Token(start, i, t, t.toLowerCase(Locale.ROOT)));
    }
    return out;
  }

  private static boolean isJoiner(char c) {
    return c == '\'' || c == '\u2019' || c == '-' || c == '.' || c == '/' || c == '&';
  }
}
