package dev.herald.nlp.dedupe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes the parts of an article body that syndication adds or changes without changing the story:
 * a dateline opening the text ("MOSCOW, Nov 14 (Reuters) -"), short byline, credit, footer and
 * call-to-action lines ("By Jane Doe", "Reporting by ...", "© AFP 2017", "Read more: ...").
 *
 * <p>Only short lines are removed, so that a sentence which merely mentions an agency or the word
 * "copyright" stays. Work is linear in the text length.
 *
 * <p>{@link #strip} builds the cleaned string and is the readable reference; {@link #keptLines}
 * finds the same lines as ranges of the text, without a string per line, and tries a regex only
 * when a cheap test of the line shows that it could match (most lines are paragraphs far longer
 * than {@link #MAX_LINE_WORDS} words). The tests hold the two together.
 */
final class Boilerplate {
  /** Lines with more words than this are content even when a cue matches. */
  static final int MAX_LINE_WORDS = 25;

  /**
   * A dateline: an upper-case place, optional date and agency, then a dash; or a place in any case
   * when an agency in brackets follows it ("Moscow, Nov 14 (Reuters) -").
   */
  private static final Pattern DATELINE =
      Pattern.compile(
          "^\\s*(?:\\p{Lu}[\\p{Lu}\\p{M} .'/-]{1,40}"
              + "(?:,\\s*\\p{L}{3,9}\\.?\\s+\\d{1,2}(?:,\\s*\\d{4})?)?"
              + "\\s*(?:\\([^)\\n]{1,40}\\))?"
              + "|\\p{Lu}[\\p{L}\\p{M} .'/-]{1,40}?"
              + "(?:,\\s*\\p{L}{3,9}\\.?\\s+\\d{1,2}(?:,\\s*\\d{4})?)?"
              + "\\s*\\([^)\\n]{1,40}\\))"
              + "\\s*[-\u2013\u2014]{1,2}\\s+");

  private static final Pattern AGENCY_ONLY =
      Pattern.compile(
          "^\\W*(?:reuters?|afp|ap|tass|ria novosti|xinhua|upi|dpa|efe|ansa|interfax|bloomberg"
              + "|associated press|agence france-presse|more|ends?)\\W*$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern BYLINE =
      Pattern.compile(
          "^\\W*(?i:by|from|par|von|por)\\s+\\p{Lu}[\\p{L}.'-]*(?:\\s+\\p{Lu}[\\p{L}.'-]*){0,4}"
              + "(?:\\s*(?:,|and|&|\\||/|-|\u2013|\u2014|(?i:in|for)).*)?$");

  /** Phrases that mark a short line as boilerplate wherever they stand (lower case). */
  private static final List<String> STRONG_CUES =
      List.of(
          "\u00a9",
          "(c) 1",
          "(c) 2",
          "copyright",
          "all rights reserved",
          "(reporting by",
          "(writing by",
          "(editing by",
          "click here",
          "subscribe to",
          "sign up for",
          "sign up to",
          "follow us on",
          "enable javascript",
          "use cookies",
          "uses cookies",
          "cookie policy",
          "privacy policy",
          "terms of use",
          "terms of service");

  /** Phrases that mark a short line as boilerplate when it starts with them (lower case). */
  private static final List<String> STRONG_STARTS =
      List.of("read more", "read also", "see also", "related", "more from", "advertisement");

  /** Cues trusted only in the first or last lines, where bylines and footers stand. */
  private static final Pattern EDGE_CUE =
      Pattern.compile(
          "(?:(?:reporting|editing|writing|compiled|edited|written|produced) by|additional"
              + " reporting|contributed to this|\\((?:reuters|afp|ap|tass|ria novosti|xinhua|upi"
              + "|dpa|efe|ansa|interfax)\\)|originally (?:published|appeared)|this (?:story"
              + "|article) (?:was|has been)|^\\W*(?:photo|image|file photo|source)\\b"
              + "|\\bupdated\\b|\\bpublished\\b|newsletter|subscribe)",
          Pattern.CASE_INSENSITIVE);

  /** How many lines at each end of the body may hold a byline or a footer. */
  private static final int EDGE_LINES = 3;

  /** The longest word AGENCY_ONLY accepts: "agence france-presse". */
  private static final int AGENCY_ONLY_LONGEST = 20;

  /** The words BYLINE accepts first (any ASCII case), each followed by whitespace. */
  private static final String[] BYLINE_STARTS = {"by", "from", "par", "von", "por"};

  /**
   * Bounds DATELINE's text before its last dash, whitespace (regex \s) not counted: a place of at
   * most 41 code points, a date of at most 18 and an agency in brackets of at most 42, each code
   * point at most two chars (203 with a first dash); a line with more before its first dash
   * followed by whitespace has no dateline.
   */
  private static final int DATELINE_MAX_CHARS = 256;

  /**
   * Bounds the second DATELINE alternative's text before its '(', whitespace not counted: a place
   * of at most 41 code points and a date of at most 18, each at most two chars (118).
   */
  private static final int DATELINE_BRACKET_CHARS = 128;

  /**
   * Literal parts of EDGE_CUE (lower case): every match contains one of them, so a line that holds
   * none (ASCII case ignored, as the pattern does) is not tried.
   */
  private static final String[] EDGE_CUE_PARTS = {
    " by",
    "additional",
    "contributed",
    "(",
    "originally",
    "this",
    "photo",
    "image",
    "source",
    "updated",
    "published",
    "newsletter",
    "subscribe"
  };

  /** STRONG_CUES and EDGE_CUE_PARTS by their first char (all below 256). */
  private static final String[][] STRONG_CUES_BY_FIRST = byFirstChar(STRONG_CUES);

  private static final String[][] EDGE_CUE_PARTS_BY_FIRST = byFirstChar(List.of(EDGE_CUE_PARTS));

  private Boilerplate() {}

  /** The body without its dateline and boilerplate lines, lines joined by '\n'. */
  static String strip(String text) {
    List<String> lines = new ArrayList<>();
    List<Boolean> breaks = new ArrayList<>();
    boolean blankBefore = false;
    int i = 0;
    int n = text.length();
    while (i < n) {
      int end = text.indexOf('\n', i);
      if (end < 0) {
        end = n;
      }
      String line = text.substring(i, end);
      i = end + 1;
      if (line.isBlank()) {
        blankBefore = true;
        continue;
      }
      lines.add(line);
      breaks.add(blankBefore || Character.isWhitespace(line.charAt(0)));
      blankBefore = false;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int k = 0; k < lines.size(); k++) {
      String line = lines.get(k);
      boolean edge = k < EDGE_LINES || k >= lines.size() - EDGE_LINES;
      if (k < EDGE_LINES && out.length() == 0) {
        line = DATELINE.matcher(line).replaceFirst("");
      }
      if (isBoilerplate(line, edge)) {
        continue;
      }
      if (out.length() > 0 && breaks.get(k)) {
        out.append('\n'); // keep the paragraph break: sentences never span it
      }
      out.append(line).append('\n');
    }
    return out.toString();
  }

  /**
   * Reusable state of {@link #keptLines}: the line ranges found and the matchers, so that cleaning
   * a body allocates nothing. Not thread-safe: one per thread.
   */
  static final class Lines {
    private static final int KEEP = 1 << 12;

    // start, end and flags of each line, three ints per line.
    private int[] lines = new int[3 * 64];
    private char[] lower = new char[256];
    private final Matcher dateline = DATELINE.matcher("");
    private final Matcher agencyOnly = AGENCY_ONLY.matcher("");
    private final Matcher byline = BYLINE.matcher("");
    private final Matcher edgeCue = EDGE_CUE.matcher("");
    private boolean matched;

    /** Where the {@code k}-th kept line starts in the text. */
    int start(int k) {
      return lines[3 * k];
    }

    /** Where the {@code k}-th kept line ends (exclusive): a '\n' or the end of the text. */
    int end(int k) {
      return lines[3 * k + 1];
    }

    /** Whether strip writes an empty line (a paragraph break) before the {@code k}-th kept line. */
    boolean breakBefore(int k) {
      return lines[3 * k + 2] != 0;
    }

    private void set(int k, int start, int end, boolean flag) {
      if (3 * k == lines.length) {
        lines = java.util.Arrays.copyOf(lines, 6 * k);
      }
      lines[3 * k] = start;
      lines[3 * k + 1] = end;
      lines[3 * k + 2] = flag ? 1 : 0;
    }

    private char[] lower(int length) {
      if (lower.length < length) {
        lower = new char[Math.max(length, 2 * lower.length)];
      }
      return lower;
    }

    /** A matcher on {@code text[start, end)}. */
    private Matcher on(Matcher m, String text, int start, int end) {
      matched = true;
      return m.reset(text).region(start, end);
    }

    /** Forgets the text and drops arrays grown for an unusually long one. */
    void release() {
      if (matched) {
        matched = false;
        dateline.reset("");
        agencyOnly.reset("");
        byline.reset("");
        edgeCue.reset("");
      }
      if (lines.length > 3 * KEEP) {
        lines = new int[3 * 64];
      }
      if (lower.length > KEEP) {
        lower = new char[256];
      }
    }
  }

  /**
   * The lines {@link #strip} keeps, as ranges of {@code text} ({@link Lines#start}, {@link
   * Lines#end}): strip's result is, for each kept line, a '\n' when {@link Lines#breakBefore}, the
   * range, and a '\n'. Returns the number of kept lines.
   */
  static int keptLines(String text, Lines out) {
    // Every non-blank line, and whether a blank line or an indent comes before it.
    int count = 0;
    boolean blankBefore = false;
    int i = 0;
    int n = text.length();
    while (i < n) {
      int end = text.indexOf('\n', i);
      if (end < 0) {
        end = n;
      }
      int first = i;
      while (first < end && Character.isWhitespace(text.charAt(first))) {
        first++;
      }
      if (first == end) {
        blankBefore = true; // String.isBlank: no supplementary character is whitespace
      } else {
        out.set(count++, i, end, blankBefore || first > i);
        blankBefore = false;
      }
      i = end + 1;
    }
    // The kept ones, written over the list (never ahead of the line read).
    int kept = 0;
    for (int k = 0; k < count; k++) {
      int start = out.start(k);
      int end = out.end(k);
      boolean breakBefore = out.breakBefore(k);
      boolean edge = k < EDGE_LINES || k >= count - EDGE_LINES;
      if (k < EDGE_LINES && kept == 0) {
        start = datelineEnd(text, start, end, out);
      }
      if (isBoilerplate(text, start, end, edge, out)) {
        continue;
      }
      out.set(kept, start, end, kept > 0 && breakBefore);
      kept++;
    }
    return kept;
  }

  /** Where the line {@code text[start, end)} goes on after its dateline, if it opens with one. */
  private static int datelineEnd(String text, int start, int end, Lines m) {
    // Both alternatives start with an upper-case letter after optional whitespace and end with a
    // dash followed by whitespace, after at most DATELINE_MAX_CHARS other chars.
    int p = start;
    while (p < end && isRegexSpace(text.charAt(p))) {
      p++;
    }
    if (p == end || Character.getType(text.codePointAt(p)) != Character.UPPERCASE_LETTER) {
      return start;
    }
    // The first alternative goes on with an upper-case letter, a mark or one of " .'/-"; without
    // one, only the second can match, and it has an agency in brackets after a place and a date:
    // a '(' after at most 59 code points that are not whitespace.
    int second = p + Character.charCount(text.codePointAt(p));
    if (second < end && !firstAlternativeGoesOn(text.codePointAt(second))) {
      int seen = 0;
      int q = second;
      while (q < end && text.charAt(q) != '(' && seen <= DATELINE_BRACKET_CHARS) {
        if (!isRegexSpace(text.charAt(q))) {
          seen++;
        }
        q++;
      }
      if (q == end || text.charAt(q) != '(') {
        return start;
      }
    }
    int chars = 0;
    for (int j = p; j + 1 < end; j++) {
      char c = text.charAt(j);
      if ((c == '-' || c == '\u2013' || c == '\u2014') && isRegexSpace(text.charAt(j + 1))) {
        // DATELINE is anchored (^): lookingAt finds what replaceFirst removes.
        Matcher d = m.on(m.dateline, text, start, end);
        return d.lookingAt() ? d.end() : start;
      }
      if (!isRegexSpace(c) && ++chars > DATELINE_MAX_CHARS) {
        return start;
      }
    }
    return start;
  }

  /** Whether DATELINE's first alternative can take this code point after its upper-case start. */
  private static boolean firstAlternativeGoesOn(int cp) {
    switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER,
      Character.NON_SPACING_MARK,
      Character.ENCLOSING_MARK,
      Character.COMBINING_SPACING_MARK:
        return true;
      default:
        return cp == ' ' || cp == '.' || cp == '\'' || cp == '/' || cp == '-';
    }
  }

  /** {@link #isBoilerplate(String, boolean)} of the line {@code text[start, end)}. */
  static boolean isBoilerplate(String text, int start, int end, boolean edge, Lines m) {
    if (countWords(text, start, end, MAX_LINE_WORDS + 1) > MAX_LINE_WORDS) {
      return false;
    }
    if (agencyOnly(text, start, end, m) || hasStrongCue(text, start, end, m)) {
      return true;
    }
    return edge && (byline(text, start, end, m) || edgeCue(text, start, end, m));
  }

  /** AGENCY_ONLY.matches(): the agency is the line's first to last ASCII word char. */
  private static boolean agencyOnly(String text, int start, int end, Lines m) {
    int a = start;
    while (a < end && !isRegexWordChar(text.charAt(a))) {
      a++;
    }
    if (a == end) {
      return false;
    }
    int b = end - 1;
    while (!isRegexWordChar(text.charAt(b))) {
      b--;
    }
    return b - a < AGENCY_ONLY_LONGEST && m.on(m.agencyOnly, text, start, end).matches();
  }

  /** BYLINE.matches(): the line's first ASCII word char starts "by", "from", ... and a space. */
  private static boolean byline(String text, int start, int end, Lines m) {
    int a = start;
    while (a < end && !isRegexWordChar(text.charAt(a))) {
      a++;
    }
    for (String w : BYLINE_STARTS) {
      int after = a + w.length();
      if (after < end
          && startsWithIgnoreAsciiCase(text, a, end, w)
          && isRegexSpace(text.charAt(after))) {
        return m.on(m.byline, text, start, end).matches();
      }
    }
    return false;
  }

  /** EDGE_CUE.find(), tried only when the line holds a literal part of it. */
  private static boolean edgeCue(String text, int start, int end, Lines m) {
    for (int j = start; j < end; j++) {
      char c = text.charAt(j);
      if (c < 128) {
        String[] parts = EDGE_CUE_PARTS_BY_FIRST[asciiLower(c)];
        if (parts != null) {
          for (String part : parts) {
            if (startsWithIgnoreAsciiCase(text, j, end, part)) {
              return m.on(m.edgeCue, text, start, end).find();
            }
          }
        }
      }
    }
    return false;
  }

  /**
   * {@link #hasStrongCue(String)} of the lower-cased line {@code text[start, end)}. The line is
   * lower-cased char by char as String.toLowerCase(Locale.ROOT) does, into a reused buffer; the few
   * chars that String lower-cases otherwise (surrogates, capital sigma, dotted capital I) send the
   * line to the string path.
   */
  private static boolean hasStrongCue(String text, int start, int end, Lines m) {
    int len = end - start;
    char[] lower = m.lower(len);
    for (int j = 0; j < len; j++) {
      char c = text.charAt(start + j);
      if (c < 128) {
        lower[j] = asciiLower(c);
      } else {
        int l = Character.toLowerCase((int) c);
        if (Character.isSurrogate(c)
            || c == '\u03a3'
            || c == '\u0130'
            || !Character.isBmpCodePoint(l)) {
          return hasStrongCue(text.substring(start, end).toLowerCase(Locale.ROOT));
        }
        lower[j] = (char) l;
      }
    }
    for (int j = 0; j < len; j++) {
      char c = lower[j];
      String[] cues = c < 256 ? STRONG_CUES_BY_FIRST[c] : null;
      if (cues != null) {
        for (String cue : cues) {
          if (startsWith(lower, j, len, cue)) {
            return true;
          }
        }
      }
    }
    int first = 0;
    while (first < len && !Character.isLetter(lower[first])) {
      first++;
    }
    for (String cue : STRONG_STARTS) {
      if (startsWith(lower, first, len, cue)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWith(char[] s, int from, int length, String prefix) {
    if (from > length - prefix.length()) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (s[from + k] != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code text[from, end)} starts with {@code lower}, ASCII letters in any case. */
  private static boolean startsWithIgnoreAsciiCase(String text, int from, int end, String lower) {
    if (from > end - lower.length()) {
      return false;
    }
    for (int k = 0; k < lower.length(); k++) {
      char c = text.charAt(from + k);
      if ((c < 128 ? asciiLower(c) : c) != lower.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /** The regex class \s (no UNICODE_CHARACTER_CLASS): space, tab, LF, VT, FF, CR. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  /** The regex class \w (no UNICODE_CHARACTER_CLASS): [a-zA-Z_0-9]. */
  private static boolean isRegexWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  private static String[][] byFirstChar(List<String> words) {
    String[][] out = new String[256][];
    for (String w : words) {
      char c = w.charAt(0);
      String[] old = out[c] == null ? new String[0] : out[c];
      String[] now = java.util.Arrays.copyOf(old, old.length + 1);
      now[old.length] = w;
      out[c] = now;
    }
    return out;
  }

  static boolean isBoilerplate(String line, boolean edge) {
    if (countWords(line, MAX_LINE_WORDS + 1) > MAX_LINE_WORDS) {
      return false;
    }
    if (AGENCY_ONLY.matcher(line).matches() || hasStrongCue(line.toLowerCase(Locale.ROOT))) {
      return true;
    }
    return edge && (BYLINE.matcher(line).matches() || EDGE_CUE.matcher(line).find());
  }

  // Plain substring tests: this runs on every short line, where a regex alternation is slow.
  private static boolean hasStrongCue(String lower) {
    for (String cue : STRONG_CUES) {
      if (lower.contains(cue)) {
        return true;
      }
    }
    int start = 0;
    while (start < lower.length() && !Character.isLetter(lower.charAt(start))) {
      start++;
    }
    for (String cue : STRONG_STARTS) {
      if (lower.startsWith(cue, start)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@link #countWords(String, int)} of {@code s[from, to)}: whitespace to non-whitespace steps
   * counted without a branch per word, ASCII whitespace from a table; stops once {@code stopAt}
   * words are seen (checked every 64 chars: the count only has to reach it).
   */
  private static int countWords(String s, int from, int to, int stopAt) {
    int words = 0;
    int in = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      int w = c < 128 ? NOT_SPACE[c] : Character.isWhitespace(c) ? 0 : 1;
      words += w & ~in;
      in = w;
      if (((i - from) & 63) == 63 && words >= stopAt) {
        break;
      }
    }
    return Math.min(words, stopAt);
  }

  /** 1 for ASCII chars that are not Character.isWhitespace, 0 for those that are. */
  private static final int[] NOT_SPACE = new int[128];

  static {
    for (char c = 0; c < 128; c++) {
      NOT_SPACE[c] = Character.isWhitespace(c) ? 0 : 1;
    }
  }

  private static int countWords(String s, int stopAt) {
    int words = 0;
    boolean in = false;
    for (int i = 0; i < s.length() && words < stopAt; i++) {
      boolean w = !Character.isWhitespace(s.charAt(i));
      if (w && !in) {
        words++;
      }
      in = w;
    }
    return words;
  }
}
