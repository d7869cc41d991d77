package dev.herald.nlp.ner;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Rule-based English tokenizer in the CoNLL/Penn Treebank style the name finder was trained on:
 * splits at white space, then peels opening and closing punctuation, clitics ({@code 's}, {@code
 * n't}, {@code 're} ...) and a sentence-final full stop off each word, keeping abbreviations
 * ("U.S.", "Inc.", "a.m."), numbers ("1,000", "10:30", "$49.5" as "$" "49.5"), hyphenated words,
 * e-mail addresses and URLs whole, and splitting photo credits at the slash ("REUTERS/Denis").
 * Linear, allocation-free per character. (OpenNLP's UD-EWT tokenizer model was measured at 1.6 ms
 * per 650-token article and leaves "Lavrov." and "Lavrov's" whole, so the name finder does not use
 * it.)
 */
final class NewsTokenizer {

  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "gov",
          "sen", "sens", "rep", "reps", "govs", "rev", "st", "mt", "ft", "no", "nos", "vol", "fig",
          "pp", "vs", "v", "hon", "maj", "brig", "messrs", "mme", "sr", "jr", "inc", "corp", "co",
          "ltd", "plc", "bros", "llc", "cie", "etc", "calif", "ala", "ariz", "ark", "colo", "conn",
          "del", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss",
          "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis",
          "wyo", "dept", "univ", "assn", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
          "sep", "sept", "oct", "nov", "dec", "est", "ave", "blvd", "rd", "mln", "bln", "pct");

  private static final String[] CLITICS = {"n't", "'s", "'re", "'ve", "'ll", "'d", "'m"};

  /** Token offsets of one sentence: pairs of start and end indices into the text. */
  static final class Tokens {
    int[] starts = new int[64];
    int[] ends = new int[64];
    int size;

    void add(int s, int e) {
      if (e <= s) {
        return;
      }
      if (size == starts.length) {
        starts = Arrays.copyOf(starts, size * 2);
        ends = Arrays.copyOf(ends, size * 2);
      }
      starts[size] = s;
      ends[size++] = e;
    }
  }

  private NewsTokenizer() {}

  /** Tokens of text[from, to), appended to {@code out}. */
  static void tokenize(String text, int from, int to, Tokens out) {
    int i = from;
    while (i < to) {
      while (i < to && isSpace(text.charAt(i))) {
        i++;
      }
      int s = i;
      while (i < to && !isSpace(text.charAt(i))) {
        i++;
      }
      if (i > s) {
        chunk(text, s, i, out);
      }
    }
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || c == '\u00a0' || c == '\u2009' || c == '\u202f';
  }

  private static boolean isOpener(char c) {
    return c == '('
        || c == '['
        || c == '{'
        || c == '"'
        || c == '\u201c'
        || c == '\u2018'
        || c == '\u00ab'
        || c == '\u201e'
        || c == '`'
        || c == '$'
        || c == '\u00a3'
        || c == '\u20ac'
        || c == '#'
        || c == '\u00bf'
        || c == '\u00a1';
  }

  private static boolean isCloser(char c) {
    return c == ')'
        || c == ']'
        || c == '}'
        || c == '"'
        || c == '\u201d'
        || c == '\u2019'
        || c == '\u00bb'
        || c == ','
        || c == ';'
        || c == ':'
        || c == '!'
        || c == '?'
        || c == '%'
        || c == '\''
        || c == '\u2026';
  }

  /** One white-space chunk: openers, the word (split further at clitics), closers. */
  private static void chunk(String t, int s, int e, Tokens out) {
    // Leading punctuation, one token each ("(" "``" "$").
    while (s < e - 1 && isOpener(t.charAt(s))) {
      out.add(s, s + 1);
      s++;
    }
    // Trailing punctuation, collected right to left.
    int closersEnd = e;
    int[] trail = new int[8];
    int nt = 0;
    while (e > s + 1 && nt < trail.length) {
      char c = t.charAt(e - 1);
      if (c == '.' && e - s >= 3 && t.charAt(e - 2) == '.' && t.charAt(e - 3) == '.') {
        trail[nt++] = e - 3; // "..." as one token
        e -= 3;
      } else if (c == '\'' || c == '\u2019') {
        // "Syrians'" possessive, or a closing quote
        trail[nt++] = e - 1;
        e--;
      } else if (isCloser(c)) {
        trail[nt++] = e - 1;
        e--;
      } else if (c == '.' && !keepsDot(t, s, e)) {
        trail[nt++] = e - 1;
        e--;
      } else {
        break;
      }
    }
    word(t, s, e, out);
    int end = closersEnd;
    // trail holds start offsets right to left; emit left to right.
    for (int k = nt - 1; k >= 0; k--) {
      int ts = trail[k];
      int te = k == 0 ? end : trail[k - 1];
      out.add(ts, te);
    }
  }

  /** The word part: clitics split off the end, photo credits split at the slash. */
  private static void word(String t, int s, int e, Tokens out) {
    if (e <= s) {
      return;
    }
    // "REUTERS/Denis Balibouse", "AP/John": a slash before a capital letter.
    for (int k = s + 1; k < e - 1; k++) {
      if (t.charAt(k) == '/'
          && Character.isLetter(t.charAt(k - 1))
          && Character.isUpperCase(t.charAt(k + 1))
          && !t.startsWith("http", s)) {
        word(t, s, k, out);
        out.add(k, k + 1);
        word(t, k + 1, e, out);
        return;
      }
    }
    int len = e - s;
    if (len >= 3
        && t.charAt(e - 1) == '+'
        && Character.isUpperCase(t.charAt(e - 2))
        && Character.isUpperCase(t.charAt(s))) {
      // "OPEC+", "BRICS+": the group's name, which the name finder knows, then the plus.
      out.add(s, e - 1);
      out.add(e - 1, e);
      return;
    }
    for (String c : CLITICS) {
      int cl = c.length();
      if (len > cl && regionMatchesClitic(t, e - cl, c)) {
        if (c.equals("n't")) {
          out.add(s, e - 3);
          out.add(e - 3, e);
          return;
        }
        if (Character.isLetter(t.charAt(e - cl - 1)) || Character.isDigit(t.charAt(e - cl - 1))) {
          out.add(s, e - cl);
          out.add(e - cl, e);
          return;
        }
      }
    }
    out.add(s, e);
  }

  private static boolean regionMatchesClitic(String t, int at, String clitic) {
    for (int k = 0; k < clitic.length(); k++) {
      char a = Character.toLowerCase(t.charAt(at + k));
      char b = clitic.charAt(k);
      if (a == b || b == '\'' && a == '\u2019') {
        continue;
      }
      return false;
    }
    return true;
  }

  /** Does the word t[s, e) (ending in ".") keep its full stop? Abbreviations and initials do. */
  private static boolean keepsDot(String t, int s, int e) {
    int len = e - s - 1; // without the dot
    if (len <= 0) {
      return false;
    }
    if (len == 1 && Character.isLetter(t.charAt(s))) {
      return true; // "J." initials
    }
    boolean innerDot = false;
    for (int k = s; k < e - 1; k++) {
      char c = t.charAt(k);
      if (c == '.') {
        innerDot = true;
      } else if (!Character.isLetter(c)) {
        return false;
      }
    }
    if (innerDot) {
      return true; // "U.S.", "a.m."
    }
    return ABBREVIATIONS.contains(t.substring(s, e - 1).toLowerCase(Locale.ROOT));
  }
}
