package dev.herald.ingest.parse;

import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;

/**
 * Microsoft's Channel Definition Format (1997), still served by a few old sites: {@code <CHANNEL
 * HREF><TITLE/><ABSTRACT/><ITEM HREF LASTMOD>…}. Rewritten as RSS 2.0 so Rome reads it.
 */
final class CdfToRss {

  private CdfToRss() {}

  /** Replaces the document's root with the equivalent {@code <rss>}; returns the new root. */
  static Element convert(Document document) {
    Element cdf = document.getRootElement();
    Element channel = new Element("channel");
    copyCommon(cdf, channel);
    for (Element item : List.copyOf(childrenNamed(cdf, "ITEM"))) {
      Element rssItem = new Element("item");
      copyCommon(item, rssItem);
      String lastmod = item.getAttributeValue("LASTMOD");
      if (lastmod != null && !lastmod.isBlank()) {
        rssItem.addContent(new Element("pubDate").setText(lastmod.strip()));
      }
      channel.addContent(rssItem);
    }
    Element rss = new Element("rss").setAttribute("version", "2.0");
    rss.addContent(channel);
    document.setRootElement(rss);
    return rss;
  }

  private static void copyCommon(Element from, Element to) {
    String title = text(from, "TITLE");
    if (title != null) {
      to.addContent(new Element("title").setText(title));
    }
    String href = from.getAttributeValue("HREF");
    if (href != null && !href.isBlank()) {
      to.addContent(new Element("link").setText(href.strip()));
    }
    String abstr = text(from, "ABSTRACT");
    if (abstr != null) {
      to.addContent(new Element("description").setText(abstr));
    }
  }

  private static List<Element> childrenNamed(Element e, String name) {
    return e.getChildren().stream().filter(c -> c.getName().equalsIgnoreCase(name)).toList();
  }

  private static String text(Element e, String name) {
    for (Element c : childrenNamed(e, name)) {
      String t = c.getText();
      if (!t.isBlank()) {
        return t.strip();
      }
    }
    return null;
  }
}
