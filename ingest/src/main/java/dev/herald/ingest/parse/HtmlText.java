package dev.herald.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Safe HTML-to-text for feed titles and bodies: markup is parsed (never rendered or fetched),
 * scripts, styles and embedded objects are dropped, entities are decoded, block elements become
 * paragraph breaks. Text without markup keeps its own blank-line paragraphs.
 */
public final class HtmlText {

  private static final Pattern TAG = Pattern.compile("<[a-zA-Z!/][^>]*>");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

  /** Content that carries no readable text. */
  private static final Set<String> DROPPED =
      Set.of(
          "script",
          "style",
          "noscript",
          "iframe",
          "object",
          "embed",
          "template",
          "svg",
          "math",
          "head",
          "title",
          "meta",
          "link",
          "form",
          "button",
          "select",
          "textarea",
          "input",
          "canvas",
          "audio",
          "video",
          "map");

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "li",
          "ul",
          "ol",
          "dl",
          "dt",
          "dd",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "blockquote",
          "pre",
          "table",
          "thead",
          "tbody",
          "tfoot",
          "tr",
          "caption",
          "section",
          "article",
          "header",
          "footer",
          "aside",
          "nav",
          "main",
          "figure",
          "figcaption",
          "hr",
          "address",
          "details",
          "summary",
          "center",
          "body",
          "html");

  private static final Set<String> CELLS = Set.of("td", "th");

  private HtmlText() {}

  /**
   * One line of plain text (titles, names): tags stripped, entities decoded, whitespace collapsed.
   * Returns null for null or blank input.
   */
  public static String toLine(String htmlOrText) {
    if (htmlOrText == null) {
      return null;
    }
    String text = toParagraphs(htmlOrText);
    String line = SPACES.matcher(text).replaceAll(" ").strip();
    return line.isEmpty() ? null : line;
  }

  /** One line from text known to be plain (Atom {@code type="text"}): whitespace only. */
  public static String plainLine(String text) {
    if (text == null) {
      return null;
    }
    String line = SPACES.matcher(text).replaceAll(" ").strip();
    return line.isEmpty() ? null : line;
  }

  /**
   * Plain text in paragraphs separated by one blank line; a {@code <br>} becomes a line break
   * inside its paragraph. Never null.
   */
  public static String toParagraphs(String htmlOrText) {
    if (htmlOrText == null || htmlOrText.isBlank()) {
      return "";
    }
    if (!TAG.matcher(htmlOrText).find()) {
      String decoded = Parser.unescapeEntities(htmlOrText, false);
      // Feeds often escape their HTML twice: decode once more only if markup appears.
      if (!TAG.matcher(decoded).find()) {
        return normalize(decoded);
      }
      htmlOrText = decoded;
    }
    return normalize(renderHtml(htmlOrText));
  }

  private static String renderHtml(String html) {
    Document doc = Jsoup.parseBodyFragment(html);
    for (String tag : DROPPED) {
      doc.select(tag).remove();
    }
    StringBuilder out = new StringBuilder(html.length());
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
              out.append(
                  inPre(t) ? t.getWholeText() : SPACES.matcher(t.getWholeText()).replaceAll(" "));
            } else if (node instanceof Element e) {
              String name = e.normalName();
              if (name.equals("br")) {
                out.append('\n');
              } else if (BLOCKS.contains(name)) {
                out.append("\n\n");
              } else if (CELLS.contains(name)) {
                out.append(' ');
              }
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
              out.append("\n\n");
            }
          }
        },
        doc.body());
    return out.toString();
  }

  private static boolean inPre(TextNode t) {
    for (Node n = t.parent(); n != null; n = n.parent()) {
      if (n instanceof Element e && e.normalName().equals("pre")) {
        return true;
      }
    }
    return false;
  }

  /** Trims lines, collapses inner spaces, and keeps exactly one blank line between paragraphs. */
  private static String normalize(String text) {
    List<String> paragraphs = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String raw : text.split("\r\n|\r|\n", -1)) {
      String line = SPACES.matcher(raw).replaceAll(" ").strip();
      if (line.isEmpty()) {
        if (current.length() > 0) {
          paragraphs.add(current.toString());
          current.setLength(0);
        }
      } else {
        if (current.length() > 0) {
          current.append('\n');
        }
        current.append(line);
      }
    }
    if (current.length() > 0) {
      paragraphs.add(current.toString());
    }
    return String.join("\n\n", paragraphs);
  }
}
