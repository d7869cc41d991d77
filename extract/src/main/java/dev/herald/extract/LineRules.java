package dev.herald.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rules that recognise a whole paragraph: patterns that must match all of it, and patterns
 * ("contains: " lines in the data files) found anywhere in it. Kept apart so that no rule needs a
 * leading {@code .*}, which backtracks on every paragraph of a long page.
 */
record LineRules(Pattern whole, Pattern contains) {

  private static final int FLAGS =
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
  private static final String CONTAINS = "contains:";

  /**
   * @param trailer what may follow a whole-paragraph match (punctuation, white space)
   */
  static LineRules of(List<String> lines, String trailer) {
    List<String> whole = new ArrayList<>();
    List<String> contains = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith(CONTAINS)) {
        contains.add(line.substring(CONTAINS.length()).strip());
      } else {
        whole.add(line);
      }
    }
    return new LineRules(
        Pattern.compile(nonCapturing("(?:" + String.join("|", whole) + ")" + trailer), FLAGS),
        contains.isEmpty()
            ? null
            : Pattern.compile(nonCapturing(String.join("|", contains)), FLAGS));
  }

  /**
   * The regex with its capturing groups made non-capturing: nothing reads the groups, and a matcher
   * clears every group on each use, which costs on every paragraph.
   */
  static String nonCapturing(String regex) {
    StringBuilder b = new StringBuilder(regex.length() + 32);
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < regex.length()) {
        b.append(c).append(regex.charAt(++i));
        continue;
      }
      if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(' && (i + 1 >= regex.length() || regex.charAt(i + 1) != '?')) {
        b.append("(?:");
        continue;
      }
      b.append(c);
    }
    return b.toString();
  }

  boolean test(String paragraph) {
    return whole.matcher(paragraph).matches()
        || (contains != null && contains.matcher(paragraph).find());
  }
}
