package dev.herald.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The elements that metadata and headline lookups need, gathered in one walk over the document
 * instead of one CSS query each.
 */
final class PageIndex {

  final List<Element> metas = new ArrayList<>();
  final List<Element> jsonLdScripts = new ArrayList<>();
  final List<Element> h1s = new ArrayList<>();
  final List<Element> times = new ArrayList<>();
  final List<Element> authorElements = new ArrayList<>();
  final List<Element> articleBodies = new ArrayList<>();

  /** Alternative texts of images, long enough to be a caption repeated under the image. */
  final List<String> imageAlts = new ArrayList<>();

  Element canonicalLink;

  private PageIndex() {}

  static PageIndex of(Document doc) {
    PageIndex ix = new PageIndex();
    for (Element e : doc.getAllElements()) {
      switch (e.normalName()) {
        case "meta" -> ix.metas.add(e);
        case "script" -> {
          if (e.attr("type").toLowerCase(Locale.ROOT).contains("ld+json")) {
            ix.jsonLdScripts.add(e);
          }
        }
        case "h1" -> ix.h1s.add(e);
        case "img" -> {
          String alt = e.attr("alt");
          if (alt.length() >= 20) {
            ix.imageAlts.add(alt);
          }
        }
        case "time" -> {
          if (e.hasAttr("datetime")) {
            ix.times.add(e);
          }
        }
        case "link" -> {
          if (ix.canonicalLink == null
              && e.attr("rel").equalsIgnoreCase("canonical")
              && e.hasAttr("href")) {
            ix.canonicalLink = e;
          }
        }
        case "a" -> {
          if (e.attr("rel").equalsIgnoreCase("author")) {
            ix.authorElements.add(e);
          }
        }
        default -> {
          // only the attributes below matter
        }
      }
      if (e.attributesSize() > 0 && e.hasAttr("itemprop")) {
        String prop = e.attr("itemprop").toLowerCase(Locale.ROOT);
        if (prop.equals("author")) {
          ix.authorElements.add(e);
        } else if (prop.equals("articlebody")) {
          ix.articleBodies.add(e);
        }
      }
    }
    return ix;
  }

  /** The first h1 with text, or null. */
  Element firstHeadline() {
    for (Element h : h1s) {
      if (h.hasText()) {
        return h;
      }
    }
    return null;
  }
}
