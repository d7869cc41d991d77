package dev.herald.ingest.corpus;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the simple equalities out of a feedparser {@code Expect:} expression, e.g. {@code not bozo
 * and entries[0]['title'] == u'Caf\xe9'}: clauses joined by {@code and} whose left side is a path
 * to one of our four fields and whose right side is a single Python literal. Anything else (calls,
 * {@code in}, attribute access) is not an equality we can check and is skipped.
 */
final class FeedparserExpect {

  private static final Pattern CLAUSE =
      Pattern.compile(
          "^(feed|entries\\[(\\d+)])((?:\\[(?:'[a-z_]+'|\"[a-z_]+\"|\\d+)])+)\\s*==\\s*(.+)$");

  private FeedparserExpect() {}

  static List<Check> checks(String expression) {
    List<Check> checks = new ArrayList<>();
    // links[0] is the entry's link only when it is the alternate one
    boolean firstLinkIsOther =
        Pattern.compile("\\['links'\\]\\[0\\]\\['rel'\\] == '(?!alternate')")
            .matcher(expression.replace('"', '\''))
            .find();
    for (String clause : splitAnd(expression)) {
      Matcher m = CLAUSE.matcher(attributesAsKeys(clause.strip()));
      if (!m.matches()) {
        continue;
      }
      boolean feed = m.group(1).equals("feed");
      int item = feed ? -1 : Integer.parseInt(m.group(2));
      String path = m.group(3).replace('"', '\'');
      String rhs = m.group(4).strip();
      Field field = field(feed, path);
      if (field == null || (firstLinkIsOther && path.startsWith("['links'][0]"))) {
        continue;
      }
      Object expected = field == Field.DATE ? tupleInstant(rhs) : PythonLiteral.string(rhs);
      if (expected != null && !(expected instanceof String s && s.isBlank())) {
        checks.add(new Check(field, item, expected));
      }
    }
    return checks;
  }

  /** {@code entries[0].link} is feedparser's attribute access for {@code entries[0]['link']}. */
  private static String attributesAsKeys(String clause) {
    int eq = clause.indexOf("==");
    if (eq < 0) {
      return clause;
    }
    String lhs = clause.substring(0, eq).replaceAll("\\.([a-z_]+)", "['$1']");
    return lhs + clause.substring(eq);
  }

  private static Field field(boolean feed, String path) {
    if (feed) {
      return path.equals("['title']") || path.equals("['title_detail']['value']")
          ? Field.FEED_TITLE
          : null;
    }
    return switch (path) {
      case "['title']", "['title_detail']['value']" -> Field.ITEM_TITLE;
      case "['link']", "['links'][0]['href']" -> Field.LINK;
      case "['published_parsed']", "['updated_parsed']" -> Field.DATE;
      default -> null;
    };
  }

  /** A struct_time tuple (UTC): {@code (2004, 1, 1, 19, 48, 21, 3, 1, 0)}. */
  private static Instant tupleInstant(String rhs) {
    Matcher m =
        Pattern.compile(
                "\\(\\s*(\\d+),\\s*(\\d+),\\s*(\\d+),\\s*(\\d+),\\s*(\\d+),\\s*(\\d+),.*\\)")
            .matcher(rhs);
    if (!m.matches()) {
      return null;
    }
    try {
      return LocalDateTime.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)),
              Integer.parseInt(m.group(4)),
              Integer.parseInt(m.group(5)),
              Math.min(59, Integer.parseInt(m.group(6))))
          .toInstant(ZoneOffset.UTC);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /** Splits on top-level {@code " and "}, not inside string literals. */
  static List<String> splitAnd(String expression) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < expression.length(); i++) {
      char c = expression.charAt(i);
      if (quote != 0) {
        current.append(c);
        if (c == '\\' && i + 1 < expression.length()) {
          current.append(expression.charAt(++i));
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        current.append(c);
      } else if (expression.startsWith(" and ", i)) {
        parts.add(current.toString());
        current.setLength(0);
        i += 4;
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    return parts;
  }

  /** Python 2/3 string literals: {@code 'x'}, {@code "x"}, {@code u'x'}, with escapes. */
  static final class PythonLiteral {
    private PythonLiteral() {}

    /** The value, or null when {@code s} is not exactly one string literal. */
    static String string(String s) {
      try {
        return parse(s);
      } catch (NumberFormatException | IndexOutOfBoundsException e) {
        return null;
      }
    }

    private static String parse(String s) {
      String t = s.strip();
      if (t.startsWith("u") || t.startsWith("b")) {
        t = t.substring(1);
      }
      if (t.length() < 2) {
        return null;
      }
      char q = t.charAt(0);
      if ((q != '\'' && q != '"') || t.charAt(t.length() - 1) != q) {
        return null;
      }
      StringBuilder out = new StringBuilder();
      for (int i = 1; i < t.length() - 1; i++) {
        char c = t.charAt(i);
        if (c == q) {
          return null; // two literals, or a literal followed by something
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        if (++i >= t.length() - 1) {
          return null;
        }
        char e = t.charAt(i);
        switch (e) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case '\\', '\'', '"' -> out.append(e);
          case 'x' -> {
            out.append((char) Integer.parseInt(t.substring(i + 1, i + 3), 16));
            i += 2;
          }
          case 'u' -> {
            out.append((char) Integer.parseInt(t.substring(i + 1, i + 5), 16));
            i += 4;
          }
          case 'U' -> {
            out.appendCodePoint(Integer.parseInt(t.substring(i + 1, i + 9), 16));
            i += 8;
          }
          default -> out.append('\\').append(e);
        }
      }
      return out.toString();
    }
  }
}
