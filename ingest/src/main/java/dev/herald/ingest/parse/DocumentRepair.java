package dev.herald.ingest.parse;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdom2.Attribute;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

/**
 * The repairs real feeds need before Rome will read them. Text repairs run before parsing (control
 * characters XML forbids, padded namespace URIs) or after a syntax error (undeclared prefixes; as a
 * last resort a lenient re-parse with jsoup's XML parser, which closes what is left open). Tree
 * repairs run on the parsed document (Atom without its namespace, RSS without a version or a
 * channel, links without a target).
 */
final class DocumentRepair {

  /** Namespaces feeds use without declaring them, by their customary prefix. */
  private static final Map<String, String> KNOWN_PREFIXES =
      Map.ofEntries(
          Map.entry("media", "http://search.yahoo.com/mrss/"),
          Map.entry("dc", "http://purl.org/dc/elements/1.1/"),
          Map.entry("dcterms", "http://purl.org/dc/terms/"),
          Map.entry("content", "http://purl.org/rss/1.0/modules/content/"),
          Map.entry("atom", "http://www.w3.org/2005/Atom"),
          Map.entry("itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd"),
          Map.entry("sy", "http://purl.org/rss/1.0/modules/syndication/"),
          Map.entry("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
          Map.entry("slash", "http://purl.org/rss/1.0/modules/slash/"),
          Map.entry("wfw", "http://wellformedweb.org/CommentAPI/"),
          Map.entry("georss", "http://www.georss.org/georss"),
          Map.entry("geo", "http://www.w3.org/2003/01/geo/wgs84_pos#"),
          Map.entry("feedburner", "http://rssnamespace.org/feedburner/ext/1.0"));

  private static final String ATOM_10 = "http://www.w3.org/2005/Atom";
  private static final String RSS_10 = "http://purl.org/rss/1.0/";
  private static final Set<String> RSS_VERSIONS =
      Set.of("0.91", "0.92", "0.93", "0.94", "2.0", "2.00");

  private static final Pattern PADDED_NAMESPACE =
      Pattern.compile("(xmlns(?::[\\w.-]+)?\\s*=\\s*)([\"'])\\s*([^\"']*?)\\s*\\2");
  private static final Pattern TAG = Pattern.compile("<[A-Za-z_][^<>]*>");
  private static final Pattern QNAME =
      Pattern.compile("(?:^<|\\s)([A-Za-z_][\\w.-]*):[A-Za-z_][\\w.-]*");
  private static final Pattern DECLARED = Pattern.compile("xmlns:([\\w.-]+)\\s*=");
  private static final Pattern ROOT_NAME = Pattern.compile("<([A-Za-z_][\\w.:-]*)");

  private DocumentRepair() {}

  /** Drops characters XML 1.0 forbids and trims whitespace around namespace URIs. */
  static String cleanText(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean bad;
      if (Character.isHighSurrogate(c)) {
        bad = i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        if (!bad) {
          if (out != null) {
            out.append(c).append(text.charAt(i + 1));
          }
          i++;
          continue;
        }
      } else {
        bad =
            (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                || Character.isLowSurrogate(c)
                || c == '\uFFFE'
                || c == '\uFFFF';
      }
      if (bad && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      } else if (!bad && out != null) {
        out.append(c);
      }
    }
    String cleaned = out == null ? text : out.toString();
    Matcher m = PADDED_NAMESPACE.matcher(cleaned);
    return m.find() ? m.replaceAll("$1$2$3$2") : cleaned;
  }

  /**
   * Declares on the root element every prefix used in a tag or attribute name but declared nowhere,
   * with its customary namespace when it has one. Returns null when none is missing.
   */
  static String declareMissingPrefixes(String text) {
    Set<String> used = new LinkedHashSet<>();
    Set<String> declared = new LinkedHashSet<>();
    Matcher tags = TAG.matcher(text);
    int rootAt = -1;
    while (tags.find()) {
      if (rootAt < 0) {
        rootAt = tags.start();
      }
      String tag = tags.group();
      Matcher q = QNAME.matcher(tag);
      while (q.find()) {
        used.add(q.group(1));
      }
      Matcher d = DECLARED.matcher(tag);
      while (d.find()) {
        declared.add(d.group(1));
      }
    }
    used.removeAll(declared);
    used.remove("xml");
    used.remove("xmlns");
    if (used.isEmpty() || rootAt < 0) {
      return null;
    }
    Matcher root = ROOT_NAME.matcher(text);
    if (!root.find(rootAt)) {
      return null;
    }
    StringBuilder decls = new StringBuilder();
    for (String prefix : used) {
      String uri = KNOWN_PREFIXES.getOrDefault(prefix, "urn:herald:undeclared:" + prefix);
      decls.append(" xmlns:").append(prefix).append("=\"").append(uri).append('"');
    }
    return text.substring(0, root.end()) + decls + text.substring(root.end());
  }

  /**
   * Re-reads malformed XML with jsoup's lenient XML parser (unclosed and mismatched tags, bare
   * ampersands) and writes it back well-formed. jsoup never expands entities declared in a DTD.
   */
  static String viaLenientParser(String text) {
    org.jsoup.nodes.Document doc = Jsoup.parse(text, "", Parser.xmlParser());
    doc.outputSettings()
        .syntax(org.jsoup.nodes.Document.OutputSettings.Syntax.xml)
        .escapeMode(Entities.EscapeMode.xhtml)
        .prettyPrint(false)
        .charset("UTF-8");
    String xml = doc.outerHtml();
    // jsoup keeps the original XML declaration, whose encoding no longer applies to a string
    return xml.replaceFirst("^\\s*<\\?xml[^>]*\\?>", "");
  }

  private static final Pattern ITEM_OPEN = Pattern.compile("<(item|entry)[\\s>/]");
  private static final Pattern ITEM_CLOSE = Pattern.compile("</(item|entry)\\s*>");
  private static final Pattern PARTIAL_CLOSE = Pattern.compile("</[\\w:.-]*\\s*");

  /**
   * Whether a document that ends before its root closes was cut between entries, so that every
   * entry it holds is complete: it ends with a tag (or a closing tag cut short), and opens as many
   * items and entries as it closes.
   */
  static boolean cutBetweenEntries(String xml) {
    String body = xml.stripTrailing();
    if (!body.endsWith(">")) {
      int lt = body.lastIndexOf('<');
      if (lt < 0 || !PARTIAL_CLOSE.matcher(body.substring(lt)).matches()) {
        return false;
      }
      body = body.substring(0, lt).stripTrailing();
      if (!body.endsWith(">")) {
        return false;
      }
    }
    return count(ITEM_OPEN, body) == count(ITEM_CLOSE, body);
  }

  private static int count(Pattern p, String s) {
    Matcher m = p.matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** Repairs the tree so Rome recognises what it is. */
  static void normalise(Document document) {
    Element root = document.getRootElement();
    if (root.getName().equalsIgnoreCase("channel")
        && root.getNamespace() == Namespace.NO_NAMESPACE) {
      root = CdfToRss.convert(document);
    }
    if (root.getName().equals("entry") && root.getNamespaceURI().equals(ATOM_10)) {
      // an Atom entry document (RFC 4287 5.1): a feed of one
      Element feed = new Element("feed", root.getNamespace());
      root.detach();
      feed.addContent(root);
      document.setRootElement(feed);
      root = feed;
    }
    String name = root.getName();
    if (name.equals("rss") && root.getNamespace() != Namespace.NO_NAMESPACE) {
      // RSS 0.91 "userland" and other namespaced RSS: Rome reads unqualified RSS only
      moveToNamespace(root, root.getNamespace(), Namespace.NO_NAMESPACE);
    }
    decodeBase64Modes(root, 0);
    if (name.equals("feed") && !root.getNamespaceURI().startsWith("http://purl.org/atom")) {
      if (!root.getNamespaceURI().equals(ATOM_10)) {
        moveToNamespace(root, root.getNamespace(), Namespace.getNamespace(ATOM_10));
      }
    }
    if (name.equals("rss") && root.getNamespace() == Namespace.NO_NAMESPACE) {
      String version = root.getAttributeValue("version");
      if (version == null || !RSS_VERSIONS.contains(version.strip())) {
        root.setAttribute("version", "2.0");
      }
      if (root.getChild("channel") == null) {
        Element channel = new Element("channel");
        List<org.jdom2.Content> children = List.copyOf(root.getContent());
        for (org.jdom2.Content c : children) {
          c.detach();
          channel.addContent(c);
        }
        root.addContent(channel);
      }
    }
    if (name.equals("RDF")) {
      Namespace rss = rssNamespaceOf(root);
      if (root.getChild("channel", rss) == null) {
        root.addContent(0, new Element("channel", rss));
      }
    }
    dropEmptyLinks(root, 0);
  }

  /** The RSS 0.90 or 1.0 namespace of an RDF document: its default one, else RSS 1.0's. */
  private static Namespace rssNamespaceOf(Element root) {
    Namespace dflt = root.getNamespace("");
    return dflt == null || dflt == Namespace.NO_NAMESPACE ? Namespace.getNamespace(RSS_10) : dflt;
  }

  /**
   * Atom 0.3 {@code mode="base64"} text: decoded here, since Rome's decoder fails on the line
   * breaks feeds put in it.
   */
  private static void decodeBase64Modes(Element e, int depth) {
    if (depth > 3) {
      return;
    }
    for (Element c : e.getChildren()) {
      if ("base64".equals(c.getAttributeValue("mode"))) {
        try {
          byte[] bytes = java.util.Base64.getMimeDecoder().decode(c.getTextTrim());
          c.setText(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
          c.setAttribute("mode", "escaped");
        } catch (IllegalArgumentException notBase64) {
          c.setAttribute("mode", "escaped"); // keep the text as it is
        }
      } else {
        decodeBase64Modes(c, depth + 1);
      }
    }
  }

  /** Atom written without its namespace: the unqualified elements are Atom's. */
  private static void moveToNamespace(Element e, Namespace from, Namespace to) {
    if (e.getNamespace().equals(from)) {
      e.setNamespace(to);
    }
    for (Element c : e.getChildren()) {
      // XHTML content keeps its own namespace
      if (!c.getNamespaceURI().equals("http://www.w3.org/1999/xhtml")) {
        moveToNamespace(c, from, to);
      }
    }
  }

  /** Rome fails on an Atom link without href; such a link says nothing anyway. */
  private static void dropEmptyLinks(Element e, int depth) {
    if (depth > 2) {
      return;
    }
    List<Element> children = List.copyOf(e.getChildren());
    for (Element c : children) {
      if (c.getName().equals("link") && c.getNamespaceURI().startsWith("http://")) {
        Attribute href = c.getAttribute("href");
        if ((href == null && c.getTextTrim().isEmpty())
            || (href != null && href.getValue().isBlank())) {
          c.detach();
          continue;
        }
      }
      dropEmptyLinks(c, depth + 1);
    }
  }
}
