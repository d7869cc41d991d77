package dev.herald.nlp.dedupe;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes the parts of an article body that syndication adds or changes without changing the story:
 * a dateline opening the text ("MOSCOW, Nov 14 (Reuters) -"), short byline, credit, footer and
 * call-to-action lines ("By Jane Doe", "Reporting by ...", "© AFP 2017", "Read more: ...").
 *
 * <p>Only short lines are removed, so that a sentence which merely mentions an agency or the word
 * "copyright" stays. Work is linear in the text length.
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

  /** Cues that mark a short line as boilerplate wherever it stands. */
  private static final Pattern STRONG_CUE =
      Pattern.compile(
          "(?:\u00a9|\\(c\\)\\s*\\d{4}|copyright|all rights reserved|^\\W*(?:read more|read also"
              + "|see also|related|more from|advertisement)\\b|\\((?:reporting|writing|editing)"
              + " by|click here|subscribe to|sign up (?:for|to)|follow us on|enable javascript"
              + "|uses? cookies|cookie policy|privacy policy|terms of (?:use|service))",
          Pattern.CASE_INSENSITIVE);

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

  static boolean isBoilerplate(String line, boolean edge) {
    if (countWords(line, MAX_LINE_WORDS + 1) > MAX_LINE_WORDS) {
      return false;
    }
    if (AGENCY_ONLY.matcher(line).matches() || STRONG_CUE.matcher(line).find()) {
      return true;
    }
    return edge && (BYLINE.matcher(line).matches() || EDGE_CUE.matcher(line).find());
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
