package dev.herald.nlp.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rule-based English sentence splitter, linear in the text length.
 *
 * <p>Breaks after {@code . ! ?} (and any closing quotes or brackets) when the next word starts a
 * sentence, and at paragraph breaks (a blank line, or a new line that starts indented or follows a
 * line without end punctuation that looks like a headline). Titles and initials never end a
 * sentence; other abbreviations ("Inc.", "Calif.", "U.S.") end one only when the next word is a
 * typical sentence opener ("The", "It", ...), because newswire writes "Santa Clara, Calif. The
 * meeting ...".
 */
public final class SentenceSplitter {

  /** Abbreviations that never end a sentence: a name or number always follows. */
  private static final Set<String> TITLES =
      Set.of(
          "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "gov",
          "sen", "rep", "rev", "st", "mt", "ft", "no", "nos", "vol", "art", "fig", "pp", "vs", "v",
          "hon", "maj", "brig", "messrs", "mme", "mlle", "sr", "jr", "op", "ca", "approx", "est",
          "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

  /** Abbreviations that may end a sentence (see class comment). */
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "inc", "corp", "co", "ltd", "plc", "bros", "llc", "ag", "sa", "nv", "bv", "cie", "etc",
          "calif", "ala", "ariz", "ark", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan",
          "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla",
          "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "dept", "univ", "assn",
          "e.g", "i.e", "approx");

  /** Capitalised words that typically open a sentence after an ambiguous abbreviation. */
  private static final Set<String> OPENERS =
      Set.of(
          "the",
          "a",
          "an",
          "it",
          "its",
          "he",
          "she",
          "they",
          "we",
          "i",
          "this",
          "that",
          "these",
          "those",
          "there",
          "in",
          "on",
          "at",
          "but",
          "and",
          "however",
          "meanwhile",
          "his",
          "her",
          "their",
          "our",
          "some",
          "many",
          "shares",
          "analysts",
          "officials",
          "earlier",
          "later",
          "also",
          "last",
          "for",
          "if",
          "when",
          "as",
          "after",
          "before",
          "while",
          "both",
          "no");

  private SentenceSplitter() {}

  public static List<Sentence> split(String text) {
    List<Sentence> out = new ArrayList<>();
    int n = text.length();
    int start = skipSpace(text, 0, n);
    int i = start;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        int lineEnd = i;
        int next = i + 1;
        if (c == '\r' && next < n && text.charAt(next) == '\n') {
          next++;
        }
        if (isParagraphBreak(text, start, lineEnd, next, n)) {
          emit(text, start, lineEnd, out);
          start = skipSpace(text, next, n);
          i = start;
          continue;
        }
        i = next;
        continue;
      }
      if (c == '.' || c == '!' || c == '?') {
        int j = i + 1;
        while (j < n && (text.charAt(j) == '.' || text.charAt(j) == '!' || text.charAt(j) == '?')) {
          j++;
        }
        while (j < n && isCloser(text.charAt(j))) {
          j++;
        }
        if (j >= n) {
          i = j;
          break;
        }
        if (!Character.isWhitespace(text.charAt(j))) {
          i = j;
          continue;
        }
        int k = skipSpace(text, j, n);
        if (k < n && startsSentence(text, k) && !(c == '.' && isNonFinalDot(text, start, i, k))) {
          emit(text, start, j, out);
          start = k;
          i = k;
          continue;
        }
        i = j;
        continue;
      }
      i++;
    }
    emit(text, start, n, out);
    return out;
  }

  private static boolean isParagraphBreak(String text, int start, int lineEnd, int next, int n) {
    if (next >= n) {
      return true;
    }
    char after = text.charAt(next);
    if (after == '\n' || after == '\r' || after == ' ' || after == '\t') {
      // A blank line, or an indented new paragraph (wire copy indents each paragraph).
      int k = next;
      while (k < n && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
        k++;
      }
      return k >= n || text.charAt(k) == '\n' || text.charAt(k) == '\r' || k > next;
    }
    // A single new line: a hard-wrapped sentence continues, a headline ends.
    int lineStart = Math.max(start, text.lastIndexOf('\n', lineEnd - 1) + 1);
    return looksLikeHeadline(text, lineStart, lineEnd);
  }

  /** A short line with no end punctuation whose words are mostly capitalised. */
  private static boolean looksLikeHeadline(String text, int from, int to) {
    int end = to;
    while (end > from && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end == from || end - from > 160) {
      return false;
    }
    char last = text.charAt(end - 1);
    if (last == ',' || last == ';' || last == '-') {
      return false;
    }
    int words = 0;
    int caps = 0;
    boolean inWord = false;
    for (int i = from; i < end; i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        if (!inWord) {
          words++;
          if (Character.isUpperCase(c)) {
            caps++;
          }
        }
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        inWord = false;
      }
    }
    return words > 0 && caps * 2 >= words;
  }

  private static boolean isCloser(char c) {
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == '\u201d' || c == '\u2019';
  }

  private static boolean startsSentence(String text, int k) {
    char c = text.charAt(k);
    return Character.isUpperCase(c)
        || Character.isDigit(c)
        || c == '"'
        || c == '\u201c'
        || c == '('
        || c == '\''
        || c == '\u2018';
  }

  /** True when the dot at {@code dot} belongs to an abbreviation or initial, not a sentence end. */
  private static boolean isNonFinalDot(String text, int sentenceStart, int dot, int next) {
    int w = dot;
    while (w > sentenceStart && dot - w < 12 && isAbbrevChar(text.charAt(w - 1))) {
      w--;
    }
    if (w == dot) {
      return false;
    }
    String word = text.substring(w, dot).toLowerCase(Locale.ROOT);
    if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
      return Character.isUpperCase(text.charAt(w)); // an initial: "George W. Bush"
    }
    if (TITLES.contains(word)) {
      return true;
    }
    boolean dotted = word.indexOf('.') > 0; // "U.S", "N.Y"
    if (dotted || ABBREVIATIONS.contains(word)) {
      return !OPENERS.contains(nextWord(text, next));
    }
    return false;
  }

  private static boolean isAbbrevChar(char c) {
    return Character.isLetter(c) || c == '.';
  }

  private static String nextWord(String text, int k) {
    int e = k;
    while (e < text.length() && Character.isLetter(text.charAt(e)) && e - k < 20) {
      e++;
    }
    return text.substring(k, e).toLowerCase(Locale.ROOT);
  }

  private static int skipSpace(String text, int i, int n) {
    while (i < n && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static void emit(String text, int from, int to, List<Sentence> out) {
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    while (from < to && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    if (to > from) {
      out.add(new Sentence(from, to, text.substring(from, to)));
    }
  }
}
