package dev.herald.ingest.parse;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SAXBuilder;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import dev.herald.ingest.Failure;
import dev.herald.ingest.FailureKind;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.xml.sax.SAXParseException;

/**
 * Parses RSS 0.9x/1.0/2.0 and Atom with Rome, and JSON Feed with Jackson, safely: no external
 * entities or DTDs are loaded, and a DOCTYPE with an internal subset (where entity bombs live) is
 * refused. A DOCTYPE that only names an external DTD (old RSS 0.91 feeds) is accepted and ignored.
 * Never throws: every problem is a classified {@link Failure}. Thread-safe.
 */
public final class FeedParser {

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
   * Parses a feed body. {@code contentType} is the HTTP Content-Type (may be null); its charset
   * counts as {@link FeedCharsets} explains.
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
    String text = FeedCharsets.decode(body, contentType).text();
    String start = text.stripLeading();
    if (start.startsWith("\uFEFF")) {
      start = start.substring(1).stripLeading();
    }
    if (start.startsWith("{") || start.startsWith("[")) {
      return JsonFeedParser.parse(start);
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

    String xml = DocumentRepair.cleanText(start);
    boolean allowDoctype = doctype == Doctype.EXTERNAL_ONLY;
    Document document;
    try {
      document = build(xml, allowDoctype);
    } catch (JDOMParseException e) {
      ParseResult failure = classifySyntaxError(e);
      document = recover(xml, allowDoctype, failure);
      if (document == null) {
        return failure;
      }
    } catch (JDOMException | IOException e) {
      return failed(FailureKind.MALFORMED_XML, describe(e));
    }
    DocumentRepair.normalise(document);

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
    List<EntryExtras> extras = DocumentExtras.entries(document);
    if (extras.size() != feed.getEntries().size()) {
      extras = List.of();
    }
    return ParseResult.ok(new ParsedFeed(feed, extras, DocumentExtras.hints(document)));
  }

  private static Document build(String xml, boolean allowDoctype)
      throws JDOMException, IOException {
    SAXBuilder builder = new SecureInput(allowDoctype).saxBuilder();
    builder.setProperty(JDK_MAX_ELEMENT_DEPTH, String.valueOf(MAX_ELEMENT_DEPTH));
    return builder.build(new XmlFixerReader(new StringReader(xml)));
  }

  /**
   * Second chances for ill-formed XML, as lenient readers give them: declare the namespace prefixes
   * the feed forgot, then let a forgiving parser close what was left open. A document truncated
   * inside an entry (whose last item would be cut short), refused DOCTYPEs and over-deep nesting
   * get none: their error stands.
   */
  private static Document recover(String xml, boolean allowDoctype, ParseResult failure) {
    FailureKind kind = failure.failure().kind();
    boolean malformed =
        kind == FailureKind.MALFORMED_XML
            && !failure.failure().message().contains("nested deeper than");
    boolean cleanCut = kind == FailureKind.TRUNCATED && DocumentRepair.cutBetweenEntries(xml);
    if (!malformed && !cleanCut) {
      return null;
    }
    String declared = DocumentRepair.declareMissingPrefixes(xml);
    if (declared != null) {
      try {
        return build(declared, allowDoctype);
      } catch (JDOMException | IOException e) {
        // try the lenient parser
      }
    }
    try {
      String lenient = DocumentRepair.viaLenientParser(xml);
      String lenientDeclared = DocumentRepair.declareMissingPrefixes(lenient);
      return build(lenientDeclared != null ? lenientDeclared : lenient, allowDoctype);
    } catch (JDOMException | IOException | RuntimeException e) {
      return null;
    }
  }

  /** Fails fast on bodies that are plainly not XML, with a message that says what they are. */
  private static Failure sniff(String start) {
    if (start.isEmpty()) {
      return new Failure(FailureKind.NOT_XML, "empty document");
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
