package dev.herald.ingest.parse;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SAXBuilder;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.XmlReader;
import com.rometools.rome.io.impl.XmlFixerReader;
import dev.herald.ingest.Failure;
import dev.herald.ingest.FailureKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.xml.sax.SAXParseException;

/**
 * Parses RSS 0.9x/1.0/2.0 and Atom with Rome, safely: no external entities or DTDs are loaded, and
 * a DOCTYPE with an internal subset (where entity bombs live) is refused. A DOCTYPE that only names
 * an external DTD (old RSS 0.91 feeds) is accepted and ignored. Never throws: every problem is a
 * classified {@link Failure}. Thread-safe.
 */
public final class FeedParser {

  /** Dates Rome reads for an entry, in the order the mapper prefers them. */
  private static final List<String> DATE_ELEMENTS =
      List.of("pubDate", "published", "issued", "date", "created", "updated", "modified");

  private static final Set<String> ENTRY_ELEMENTS = Set.of("item", "entry");

  /**
   * JDOM checks ancestry on every insertion, so deep nesting costs depth squared: 200,000 nested
   * elements (1.4 MB) took 76 s. Real feeds nest a few dozen levels, XHTML content included.
   */
  static final int MAX_ELEMENT_DEPTH = 256;

  private static final String JDK_MAX_ELEMENT_DEPTH =
      "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";

  private final long maxBytes;

  public FeedParser(long maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /**
   * Parses a feed body. {@code contentType} is the HTTP Content-Type (may be null); its charset is
   * used unless the document declares its own, following RFC 3023 as Rome implements it.
   */
  public ParseResult parse(byte[] body, String contentType) {
    try {
      return parseUnchecked(body, contentType);
    } catch (StackOverflowError e) {
      return failed(FailureKind.MALFORMED_XML, "elements nested too deeply");
    } catch (RuntimeException e) {
      // Rome throws unchecked exceptions on some odd but well-formed feeds.
      return failed(FailureKind.UNSUPPORTED_FORMAT, "feed could not be read: " + describe(e));
    }
  }

  private ParseResult parseUnchecked(byte[] body, String contentType) {
    if (body == null || body.length == 0) {
      return failed(FailureKind.NOT_XML, "empty document");
    }
    if (body.length > maxBytes) {
      return failed(
          FailureKind.TOO_LARGE,
          "document of " + body.length + " bytes exceeds the cap of " + maxBytes + " bytes");
    }
    String text;
    try (Reader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
      text = readAll(reader);
    } catch (IOException e) {
      return failed(FailureKind.NOT_XML, "unreadable character encoding: " + describe(e));
    }
    String start = text.stripLeading();
    if (start.startsWith("\uFEFF")) {
      start = start.substring(1).stripLeading();
    }
    Failure notXml = sniff(start);
    if (notXml != null) {
      return ParseResult.failed(notXml);
    }
    Doctype doctype = Doctype.of(start);
    if (doctype == Doctype.INTERNAL_SUBSET) {
      return failed(
          FailureKind.DOCTYPE_REFUSED, "DOCTYPE with an internal subset (entity declarations)");
    }

    Document document;
    try {
      SAXBuilder builder = new SecureInput(doctype == Doctype.EXTERNAL_ONLY).saxBuilder();
      builder.setProperty(JDK_MAX_ELEMENT_DEPTH, String.valueOf(MAX_ELEMENT_DEPTH));
      document = builder.build(new XmlFixerReader(new StringReader(text)));
    } catch (JDOMParseException e) {
      return classifySyntaxError(e);
    } catch (JDOMException | IOException e) {
      return failed(FailureKind.MALFORMED_XML, describe(e));
    }

    SyndFeed feed;
    try {
      feed = new SyndFeedInput().build(document);
    } catch (IllegalArgumentException e) {
      Element root = document.getRootElement();
      return failed(
          FailureKind.UNSUPPORTED_FORMAT,
          "root element <" + root.getQualifiedName() + "> is not RSS or Atom");
    } catch (FeedException e) {
      return failed(FailureKind.UNSUPPORTED_FORMAT, describe(e));
    }
    List<String> rawDates = rawDates(document);
    if (rawDates.size() != feed.getEntries().size()) {
      rawDates = List.of();
    }
    return ParseResult.ok(new ParsedFeed(feed, rawDates));
  }

  /** Fails fast on bodies that are plainly not XML, with a message that says what they are. */
  private static Failure sniff(String start) {
    if (start.isEmpty()) {
      return new Failure(FailureKind.NOT_XML, "empty document");
    }
    if (start.startsWith("{") || start.startsWith("[")) {
      return start.contains("jsonfeed.org/version")
          ? new Failure(FailureKind.UNSUPPORTED_FORMAT, "JSON Feed is not supported yet")
          : new Failure(FailureKind.NOT_XML, "JSON, not XML");
    }
    if (start.charAt(0) != '<') {
      return new Failure(FailureKind.NOT_XML, "does not start with '<'");
    }
    if (!hasElement(start)) {
      return new Failure(FailureKind.NOT_XML, "no root element");
    }
    String head = start.substring(0, Math.min(start.length(), 512)).toLowerCase(Locale.ROOT);
    if (head.startsWith("<!doctype html") || head.startsWith("<html")) {
      return new Failure(FailureKind.NOT_XML, "an HTML page, not a feed");
    }
    return null;
  }

  /** Whether an element start tag appears outside comments (a prolog alone is no document). */
  private static boolean hasElement(String doc) {
    int i = 0;
    while (true) {
      int lt = doc.indexOf('<', i);
      if (lt < 0 || lt + 1 >= doc.length()) {
        return false;
      }
      if (doc.startsWith("<!--", lt)) {
        int end = doc.indexOf("-->", lt + 4);
        if (end < 0) {
          return false;
        }
        i = end + 3;
      } else {
        char c = doc.charAt(lt + 1);
        if (Character.isLetter(c) || c == '_' || c == ':') {
          return true;
        }
        i = lt + 1;
      }
    }
  }

  private static ParseResult classifySyntaxError(JDOMParseException e) {
    Throwable cause = e.getCause();
    String msg = cause != null && cause.getMessage() != null ? cause.getMessage() : e.getMessage();
    String lower = msg == null ? "" : msg.toLowerCase(Locale.ROOT);
    String where =
        cause instanceof SAXParseException sax
            ? "line " + sax.getLineNumber() + ", column " + sax.getColumnNumber() + ": "
            : "";
    if (lower.contains("must start and end within the same entity")
        || lower.contains("premature end of file")) {
      return failed(FailureKind.TRUNCATED, where + "document ends before its root element closes");
    }
    if (lower.contains("maxelementdepth")) {
      return failed(
          FailureKind.MALFORMED_XML, where + "elements nested deeper than " + MAX_ELEMENT_DEPTH);
    }
    if (lower.contains("doctype") || lower.contains("entity expansion")) {
      return failed(FailureKind.DOCTYPE_REFUSED, where + msg);
    }
    if (lower.contains("content is not allowed in prolog")) {
      return failed(FailureKind.NOT_XML, where + msg);
    }
    return failed(FailureKind.MALFORMED_XML, where + msg);
  }

  /** The raw date text of every item/entry, in document order ("" when it has none). */
  private static List<String> rawDates(Document document) {
    List<String> dates = new ArrayList<>();
    collectEntries(document.getRootElement(), dates, 0);
    return dates;
  }

  private static void collectEntries(Element element, List<String> dates, int depth) {
    // Entries sit at depth 1 (Atom, RSS 1.0) or 2 (RSS 0.9x/2.0 channel/item).
    if (depth > 2) {
      return;
    }
    for (Element child : element.getChildren()) {
      if (ENTRY_ELEMENTS.contains(child.getName())) {
        dates.add(firstDate(child));
      } else if (depth < 2) {
        collectEntries(child, dates, depth + 1);
      }
    }
  }

  private static String firstDate(Element entry) {
    for (String name : DATE_ELEMENTS) {
      for (Element child : entry.getChildren()) {
        if (child.getName().equals(name) && !child.getTextTrim().isEmpty()) {
          return child.getTextTrim();
        }
      }
    }
    return "";
  }

  private static String readAll(Reader reader) throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[8192];
    for (int n; (n = reader.read(buf)) > 0; ) {
      sb.append(buf, 0, n);
    }
    return sb.toString();
  }

  private static String describe(Throwable t) {
    String msg = t.getMessage();
    return msg == null || msg.isBlank() ? t.getClass().getSimpleName() : msg;
  }

  private static ParseResult failed(FailureKind kind, String message) {
    return ParseResult.failed(new Failure(kind, message));
  }

  /** Whether the prolog has a DOCTYPE, and whether it declares anything itself. */
  enum Doctype {
    NONE,
    EXTERNAL_ONLY,
    INTERNAL_SUBSET;

    static Doctype of(String doc) {
      int limit = Math.min(doc.length(), 64 * 1024);
      String prolog = doc.substring(0, limit);
      int i = 0;
      while (i < prolog.length()) {
        int lt = prolog.indexOf('<', i);
        if (lt < 0 || lt + 1 >= prolog.length()) {
          return NONE;
        }
        char c = prolog.charAt(lt + 1);
        if (c == '?') {
          i = skipPast(prolog, lt, "?>");
        } else if (prolog.startsWith("<!--", lt)) {
          i = skipPast(prolog, lt, "-->");
        } else if (prolog.regionMatches(true, lt, "<!DOCTYPE", 0, 9)) {
          return hasInternalSubset(prolog, lt + 9) ? INTERNAL_SUBSET : EXTERNAL_ONLY;
        } else {
          return NONE; // the root element: no DOCTYPE can follow
        }
        if (i < 0) {
          return NONE;
        }
      }
      return NONE;
    }

    private static int skipPast(String s, int from, String end) {
      int at = s.indexOf(end, from);
      return at < 0 ? -1 : at + end.length();
    }

    private static boolean hasInternalSubset(String s, int from) {
      char quote = 0;
      for (int i = from; i < s.length(); i++) {
        char c = s.charAt(i);
        if (quote != 0) {
          if (c == quote) {
            quote = 0;
          }
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '[') {
          return true;
        } else if (c == '>') {
          return false;
        }
      }
      return true; // an unterminated DOCTYPE: refuse rather than guess
    }
  }

  /** Rome's own hardened SAX set-up, reachable through its protected factory method. */
  private static final class SecureInput extends WireFeedInput {
    SecureInput(boolean allowExternalOnlyDoctype) {
      setAllowDoctypes(allowExternalOnlyDoctype);
    }

    SAXBuilder saxBuilder() {
      return createSAXBuilder();
    }
  }
}
