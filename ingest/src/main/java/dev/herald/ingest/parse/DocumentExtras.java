package dev.herald.ingest.parse;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/** Reads from the XML document what Rome's model drops: raw dates, GUIDs, bases, polling hints. */
final class DocumentExtras {

  /** Dates of an entry, in the order the mapper prefers them (published before updated). */
  private static final List<String> DATE_ELEMENTS =
      List.of("pubDate", "published", "issued", "date", "created", "updated", "modified");

  private static final Set<String> ENTRY_ELEMENTS = Set.of("item", "entry");
  private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  private static final String SYNDICATION = "http://purl.org/rss/1.0/modules/syndication/";
  private static final String ATOM_10 = "http://www.w3.org/2005/Atom";
  private static final String ATOM_03 = "http://purl.org/atom/ns#";
  private static final String DC = "http://purl.org/dc/elements/1.1/";
  private static final String DC_TERMS = "http://purl.org/dc/terms/";
  private static final String MEDIA = "http://search.yahoo.com/mrss/";
  private static final XMLOutputter MARKUP = new XMLOutputter(Format.getRawFormat());

  /** Beyond this a ttl or update period is a typo; the scheduler caps it anyway. */
  private static final Duration MAX_HINT = Duration.ofDays(7);

  private DocumentExtras() {}

  /** One {@link EntryExtras} per item/entry, in document order (Rome keeps that order). */
  static List<EntryExtras> entries(Document document) {
    List<EntryExtras> out = new ArrayList<>();
    Element root = document.getRootElement();
    collect(root, baseOf(null, root), out, 0);
    return out;
  }

  private static void collect(Element element, String base, List<EntryExtras> out, int depth) {
    // Entries sit at depth 1 (Atom, RSS 1.0) or 2 (RSS 0.9x/2.0 channel/item).
    if (depth > 2) {
      return;
    }
    for (Element child : element.getChildren()) {
      String childBase = baseOf(base, child);
      if (ENTRY_ELEMENTS.contains(child.getName())) {
        out.add(
            new EntryExtras(
                firstDate(child),
                guid(child),
                childBase,
                markupTitle(child),
                altTitle(child, true)));
      } else if (depth < 2) {
        collect(child, childBase, out, depth + 1);
      }
    }
  }

  /** The document-level polling hints and self URL. */
  static FeedHints hints(Document document) {
    Element root = document.getRootElement();
    Element channel = child(root, "channel");
    Element scope = channel != null ? channel : root;
    Duration ttl = null;
    Long minutes = positiveLong(childText(scope, "ttl"));
    if (minutes != null) {
      ttl = cap(Duration.ofMinutes(Math.min(minutes, MAX_HINT.toMinutes())));
    }
    Duration period = updatePeriod(scope);
    if (period == null && channel != null) {
      period = updatePeriod(root); // RSS 1.0 sometimes puts it at the top
    }
    String base = baseOf(baseOf(null, root), channel == null ? root : channel);
    return new FeedHints(
        ttl, period, selfLink(scope), base, markupTitle(scope), altTitle(scope, false));
  }

  private static Duration updatePeriod(Element scope) {
    Namespace sy = Namespace.getNamespace(SYNDICATION);
    String period = scope.getChildTextTrim("updatePeriod", sy);
    if (period == null || period.isEmpty()) {
      return null;
    }
    Duration unit =
        switch (period.toLowerCase(Locale.ROOT)) {
          case "hourly" -> Duration.ofHours(1);
          case "daily" -> Duration.ofDays(1);
          case "weekly" -> Duration.ofDays(7);
          case "monthly" -> Duration.ofDays(30);
          case "yearly" -> Duration.ofDays(365);
          default -> null;
        };
    if (unit == null) {
      return null;
    }
    Long frequency = positiveLong(scope.getChildTextTrim("updateFrequency", sy));
    return cap(unit.dividedBy(frequency == null ? 1 : Math.min(frequency, 3600)));
  }

  private static Duration cap(Duration d) {
    return d.compareTo(MAX_HINT) > 0 ? MAX_HINT : d;
  }

  private static String selfLink(Element scope) {
    for (Element link : scope.getChildren()) {
      String ns = link.getNamespaceURI();
      if (link.getName().equals("link")
          && (ns.equals(ATOM_10) || ns.equals(ATOM_03))
          && "self".equals(link.getAttributeValue("rel"))) {
        String href = link.getAttributeValue("href");
        if (href != null && !href.isBlank()) {
          return href.strip();
        }
      }
    }
    return null;
  }

  /** The title's inner markup when it has child elements and is not declared XHTML. */
  private static String markupTitle(Element parent) {
    Element title = child(parent, "title");
    if (title == null || title.getChildren().isEmpty()) {
      return null;
    }
    String type = title.getAttributeValue("type");
    if (type != null && type.toLowerCase(Locale.ROOT).contains("xhtml")) {
      return null; // Rome serialises XHTML titles itself
    }
    return MARKUP.outputString(title.getContent());
  }

  /** {@code dc:title} (or, for entries, {@code media:title}) when there is no plain title. */
  private static String altTitle(Element parent, boolean entry) {
    String own = childText(parent, "title");
    if (own != null) {
      return null;
    }
    for (Element c : parent.getChildren()) {
      String ns = c.getNamespaceURI();
      boolean dc = ns.equals(DC) || ns.equals(DC_TERMS);
      boolean media = entry && ns.equals(MEDIA);
      if (c.getName().equals("title") && (dc || media) && !c.getTextTrim().isEmpty()) {
        return c.getTextTrim();
      }
    }
    return null;
  }

  private static String guid(Element entry) {
    if (entry.getName().equals("entry")) {
      return childText(entry, "id");
    }
    String guid = childText(entry, "guid");
    if (guid != null) {
      return guid;
    }
    String about = entry.getAttributeValue("about", Namespace.getNamespace(RDF));
    return about == null || about.isBlank() ? null : about.strip();
  }

  private static String firstDate(Element entry) {
    for (String name : DATE_ELEMENTS) {
      for (Element child : entry.getChildren()) {
        if (child.getName().equals(name) && !child.getTextTrim().isEmpty()) {
          return child.getTextTrim();
        }
      }
    }
    return null;
  }

  /** {@code xml:base} of the element resolved against the inherited base (either may be null). */
  private static String baseOf(String inherited, Element element) {
    String own = element.getAttributeValue("base", Namespace.XML_NAMESPACE);
    if (own == null || own.isBlank()) {
      return inherited;
    }
    own = own.strip();
    if (inherited == null) {
      return own;
    }
    try {
      URI outer = new URI(inherited);
      return outer.isOpaque() ? own : outer.resolve(new URI(own)).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return own;
    }
  }

  /**
   * The child of that name in the parent's own vocabulary (its namespace), so {@code dc:title} is
   * not taken for {@code title}; any namespace when the parent has none of that name.
   */
  private static Element child(Element parent, String name) {
    Element own = parent.getChild(name, parent.getNamespace());
    if (own != null) {
      return own;
    }
    for (Element c : parent.getChildren()) {
      if (c.getName().equals(name) && !isOtherVocabulary(c)) {
        return c;
      }
    }
    return null;
  }

  private static boolean isOtherVocabulary(Element e) {
    String ns = e.getNamespaceURI();
    return ns.equals(DC) || ns.equals(DC_TERMS) || ns.equals(MEDIA);
  }

  private static String childText(Element parent, String name) {
    Element c = child(parent, name);
    if (c == null) {
      return null;
    }
    String text = c.getTextTrim();
    return text.isEmpty() ? null : text;
  }

  private static Long positiveLong(String s) {
    if (s == null) {
      return null;
    }
    try {
      long v = Long.parseLong(s.strip());
      return v > 0 ? v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
