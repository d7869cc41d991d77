package dev.herald.nlp.dedupe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
