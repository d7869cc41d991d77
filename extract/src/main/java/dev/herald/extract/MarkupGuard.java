package dev.herald.extract;

import java.util.Locale;
import java.util.Set;

/**
 * A linear pre-scan that refuses pages whose parse would cost too much: too many start tags
 * (memory) or too deep an element nesting (the HTML tree builder checks its open-element stack on
 * every tag, so its cost grows with depth times tags). The nesting figure is an estimate: opened
 * minus closed elements, ignoring void elements and those the parser closes implicitly.
 */
final class MarkupGuard {

  private static final Set<String> VOID =
      Set.of(
          "area",
          "base",
          "br",
          "col",
          "embed",
          "hr",
          "img",
          "input",
          "link",
          "meta",
          "param",
          "source",
          "track",
          "wbr",
          "keygen",
          "basefont",
          "bgsound",
          "frame",
          "image",
          "command");
  private static final Set<String> IMPLICITLY_CLOSED =
      Set.of(
          "p",
          "li",
          "dt",
          "dd",
          "option",
          "optgroup",
          "tr",
          "td",
          "th",
          "thead",
          "tbody",
          "tfoot",
          "colgroup",
          "rb",
          "rt",
          "rp",
          "html",
          "head",
          "body");
  private static final Set<String> RAW_TEXT =
      Set.of("script", "style", "textarea", "title", "xmp", "plaintext", "noembed", "noframes");

  private MarkupGuard() {}

  static void check(String html, ExtractorSettings settings) throws Rejection {
    int tags = 0;
    int depth = 0;
    int maxDepth = 0;
    int n = html.length();
    int i = html.indexOf('<');
    while (i >= 0 && i + 1 < n) {
      char c = html.charAt(i + 1);
      if (c == '!' && html.startsWith("<!--", i)) {
        int end = html.indexOf("-->", i + 4);
        i = end < 0 ? -1 : html.indexOf('<', end + 3);
        continue;
      }
      boolean closing = c == '/';
      int nameStart = closing ? i + 2 : i + 1;
      int nameEnd = nameStart;
      while (nameEnd < n && nameEnd - nameStart < 16 && isNameChar(html.charAt(nameEnd))) {
        nameEnd++;
      }
      if (nameEnd == nameStart || !Character.isLetter(html.charAt(nameStart))) {
        i = html.indexOf('<', i + 1);
        continue;
      }
      String name = html.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
      int tagEnd = html.indexOf('>', nameEnd);
      if (tagEnd < 0) {
        break;
      }
      if (closing) {
        if (!VOID.contains(name) && !IMPLICITLY_CLOSED.contains(name) && depth > 0) {
          depth--;
        }
        i = html.indexOf('<', tagEnd + 1);
        continue;
      }
      if (++tags > settings.maxTags()) {
        throw new Rejection(
            ErrorKind.TOO_LARGE, "more than " + settings.maxTags() + " tags in the page");
      }
      if (RAW_TEXT.contains(name)) {
        int close = indexOfIgnoreCase(html, "</" + name, tagEnd + 1);
        int closeEnd = close < 0 ? -1 : html.indexOf('>', close);
        i = closeEnd < 0 ? -1 : html.indexOf('<', closeEnd + 1);
        continue;
      }
      boolean selfClosing = html.charAt(tagEnd - 1) == '/';
      if (!selfClosing && !VOID.contains(name) && !IMPLICITLY_CLOSED.contains(name)) {
        depth++;
        if (depth > maxDepth) {
          maxDepth = depth;
          if (maxDepth > settings.maxNesting()) {
            throw new Rejection(
                ErrorKind.TOO_LARGE,
                "elements nested more than " + settings.maxNesting() + " deep");
          }
        }
      }
      i = html.indexOf('<', tagEnd + 1);
    }
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  }

  private static int indexOfIgnoreCase(String s, String needle, int from) {
    int n = needle.length();
    for (int i = s.indexOf('<', from); i >= 0; i = s.indexOf('<', i + 1)) {
      if (s.regionMatches(true, i, needle, 0, n)) {
        return i;
      }
    }
    return -1;
  }
}
