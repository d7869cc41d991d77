package dev.herald.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Splits a page body into {@link TextBlock}s in document order, in one pass, skipping parts that
 * never carry visible text (scripts, styles, forms controls, media).
 */
final class BlockBuilder implements NodeFilter {

  static final Set<String> BLOCK_TAGS =
      Set.of(
          "address",
          "article",
          "aside",
          "blockquote",
          "body",
          "center",
          "dd",
          "details",
          "dir",
          "div",
          "dl",
          "dt",
          "fieldset",
          "figcaption",
          "figure",
          "footer",
          "form",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "header",
          "hgroup",
          "hr",
          "li",
          "main",
          "menu",
          "nav",
          "ol",
          "p",
          "pre",
          "section",
          "summary",
          "table",
          "caption",
          "tbody",
          "thead",
          "tfoot",
          "tr",
          "td",
          "th",
          "ul",
          "legend",
          "frameset",
          "html",
          "output");
  static final Set<String> SKIPPED_TAGS =
      Set.of(
          "script",
          "style",
          "noscript",
          "template",
          "svg",
          "math",
          "iframe",
          "object",
          "embed",
          "canvas",
          "video",
          "audio",
          "button",
          "input",
          "select",
          "textarea",
          "option",
          "link",
          "meta",
          "head",
          "title",
          "map",
          "picture",
          "source",
          "img",
          "noembed",
          "noframes",
          "frame",
          "datalist",
          "progress",
          "meter",
          "dialog",
          "slot");

  private static final Pattern HIDDEN_STYLE =
      Pattern.compile("(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden");

  private final Pattern hiddenInlineClass;
  private final List<TextBlock> blocks = new ArrayList<>();
  private final Deque<Element> owners = new ArrayDeque<>();
  private final StringBuilder text = new StringBuilder(256);
  private boolean pendingSpace;
  private int linkDepth;
  private int linkChars;

  private BlockBuilder(Pattern hiddenInlineClass) {
    this.hiddenInlineClass = hiddenInlineClass;
  }

  static List<TextBlock> build(Element root, Lexicon lexicon) {
    BlockBuilder b = new BlockBuilder(lexicon.hiddenInlineClass());
    b.owners.push(root);
    NodeTraversor.filter(b, root);
    b.flush();
    return b.blocks;
  }

  @Override
  public FilterResult head(Node node, int depth) {
    if (node instanceof TextNode t) {
      append(t.getWholeText());
      return FilterResult.CONTINUE;
    }
    if (!(node instanceof Element e)) {
      return FilterResult.SKIP_ENTIRELY; // comments, doctype, data nodes
    }
    String tag = e.normalName();
    if (SKIPPED_TAGS.contains(tag)) {
      return FilterResult.SKIP_ENTIRELY;
    }
    if (tag.equals("br")) {
      flush();
    } else if (isCell(tag)) {
      if (isLayoutCell(e)) {
        flush();
        owners.push(e);
      } else {
        pendingSpace = text.length() > 0; // a data cell: one line per table row
      }
    } else if (BLOCK_TAGS.contains(tag)) {
      flush();
      if (depth > 0) {
        owners.push(e);
      }
    } else if (e.attributesSize() > 0 && hiddenInline(e)) {
      return FilterResult.SKIP_ENTIRELY;
    } else if (tag.equals("a")) {
      linkDepth++;
    }
    return FilterResult.CONTINUE;
  }

  private static boolean isCell(String tag) {
    return tag.equals("td") || tag.equals("th");
  }

  /** A cell that lays out a page part (paragraphs, line breaks) rather than holding a datum. */
  static boolean isLayoutCell(Element cell) {
    for (Element c : cell.children()) {
      String t = c.normalName();
      if (t.equals("br") || BLOCK_TAGS.contains(t)) {
        return true;
      }
    }
    return false;
  }

  /** Inline parts a reader does not see in the flow of a paragraph (tooltips, hover cards). */
  private boolean hiddenInline(Element e) {
    if (e.hasAttr("hidden")) {
      return true;
    }
    String style = e.attr("style");
    if (!style.isEmpty() && HIDDEN_STYLE.matcher(style).find()) {
      return true;
    }
    String key = Lexicon.classKey(e.className(), e.id());
    if (key.isEmpty()) {
      return false;
    }
    return hiddenInlineClass.matcher(key).find()
        || (e.normalName().equals("span") && looksLikeHoverCard(e, 0));
  }

  /**
   * A hover card: an inline element with an image and several links and no text of its own, that
   * does not also carry the visible link it pops up from. A span that wraps paragraphs, or has text
   * of its own, is not a card.
   */
  private static boolean looksLikeHoverCard(Element span, int depth) {
    if (!cardShaped(span) || hasOwnText(span)) {
      return false;
    }
    boolean directLink = false;
    boolean cardChild = false;
    for (Element c : span.children()) {
      String t = c.normalName();
      directLink |= t.equals("a");
      cardChild |= t.equals("span") && depth < 8 && cardShaped(c);
    }
    return !(directLink && cardChild);
  }

  private static boolean cardShaped(Element span) {
    boolean image = false;
    int links = 0;
    for (Element d : span.getAllElements()) {
      String t = d.normalName();
      if (BLOCK_TAGS.contains(t)) {
        return false;
      }
      if (t.equals("img") || t.equals("picture")) {
        image = true;
      } else if (t.equals("a")) {
        links++;
      }
    }
    return image && links >= 2;
  }

  private static boolean hasOwnText(Element e) {
    for (TextNode t : e.textNodes()) {
      if (!t.isBlank()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public FilterResult tail(Node node, int depth) {
    if (node instanceof Element e) {
      String tag = e.normalName();
      if (SKIPPED_TAGS.contains(tag)) {
        return FilterResult.CONTINUE;
      }
      if (!BLOCK_TAGS.contains(tag) && e.attributesSize() > 0 && hiddenInline(e)) {
        return FilterResult.CONTINUE; // skipped in head: its tail must not close a link
      }
      if (isCell(tag)) {
        if (owners.peek() == e) {
          flush();
          owners.pop();
        } else {
          pendingSpace = text.length() > 0;
        }
      } else if (BLOCK_TAGS.contains(tag)) {
        flush();
        if (depth > 0 && owners.peek() == e) {
          owners.pop();
        }
      } else if (tag.equals("a") && linkDepth > 0) {
        linkDepth--;
      }
    }
    return FilterResult.CONTINUE;
  }

  private void append(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= ' ' || c == '\u00A0' || Character.isWhitespace(c)) {
        pendingSpace = text.length() > 0;
      } else if (c == '\u200B' || c == '\u200C' || c == '\uFEFF' || c == '\u00AD') {
        // zero-width and soft-hyphen characters: invisible, and they split words for tokenizers
      } else {
        if (pendingSpace) {
          text.append(' ');
          pendingSpace = false;
        }
        text.append(c);
        if (linkDepth > 0) {
          linkChars++;
        }
      }
    }
  }

  private void flush() {
    if (text.length() > 0) {
      blocks.add(new TextBlock(owners.peek(), text.toString(), linkChars));
      text.setLength(0);
    }
    pendingSpace = false;
    linkChars = 0;
  }
}
