package dev.herald.ingest.feeds;

import dev.herald.ingest.SafeUrls;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a feed list: plain text (one URL or path per line, {@code #} comments, blank lines) or OPML
 * ({@code xmlUrl} of every outline, nested outlines included), told apart by content. Relative
 * paths resolve against the list file's folder and become {@code file:} URLs. Every bad entry is
 * reported at once, with its line number, so a long list is fixed in one go.
 */
public final class FeedListReader {

  /** Reads and parses the list file; relative entries resolve against its folder. */
  public List<FeedRef> read(Path listFile) throws IOException, FeedListException {
    String content = Files.readString(listFile, StandardCharsets.UTF_8);
    Path base = listFile.toAbsolutePath().getParent();
    return parse(content, base, listFile.toString());
  }

  /**
   * Parses list content. {@code baseDir} may be null, in which case relative paths are errors.
   * Duplicate URLs are kept once (the first occurrence wins).
   */
  public List<FeedRef> parse(String content, Path baseDir, String sourceName)
      throws FeedListException {
    String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
    List<String> problems = new ArrayList<>();
    List<FeedRef> refs =
        text.stripLeading().startsWith("<")
            ? parseOpml(text, baseDir, problems)
            : parsePlain(text, baseDir, problems);
    if (!problems.isEmpty()) {
      throw new FeedListException(sourceName, problems);
    }
    Map<String, FeedRef> unique = new LinkedHashMap<>();
    for (FeedRef ref : refs) {
      unique.putIfAbsent(ref.url(), ref);
    }
    return List.copyOf(unique.values());
  }

  private static List<FeedRef> parsePlain(String text, Path baseDir, List<String> problems) {
    List<FeedRef> refs = new ArrayList<>();
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = stripInlineComment(lines[i]).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String url = toFeedUrl(line, baseDir, i + 1, problems);
      if (url != null) {
        refs.add(FeedRef.of(url));
      }
    }
    return refs;
  }

  /** {@code url # note}: a '#' after whitespace starts a comment; a fragment has none before. */
  private static String stripInlineComment(String line) {
    for (int i = 1; i < line.length(); i++) {
      if (line.charAt(i) == '#' && Character.isWhitespace(line.charAt(i - 1))) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private static List<FeedRef> parseOpml(String text, Path baseDir, List<String> problems) {
    List<FeedRef> refs = new ArrayList<>();
    DefaultHandler handler =
        new DefaultHandler() {
          private Locator locator;

          @Override
          public void setDocumentLocator(Locator locator) {
            this.locator = locator;
          }

          @Override
          public void startElement(String uri, String local, String qName, Attributes atts) {
            String name = local.isEmpty() ? qName : local;
            if (!name.equalsIgnoreCase("outline")) {
              return;
            }
            String xmlUrl = attribute(atts, "xmlUrl");
            if (xmlUrl == null) {
              return; // a folder outline: its children carry the feeds
            }
            int line = locator == null ? 0 : locator.getLineNumber();
            if (xmlUrl.isBlank()) {
              problems.add("line " + line + ": outline with an empty xmlUrl");
              return;
            }
            String url = toFeedUrl(xmlUrl.strip(), baseDir, line, problems);
            if (url != null) {
              String title = attribute(atts, "title");
              refs.add(new FeedRef(url, title != null ? title : attribute(atts, "text")));
            }
          }
        };
    try {
      newSecureSaxParser().parse(new InputSource(new StringReader(text)), handler);
    } catch (SAXParseException e) {
      problems.add("line " + e.getLineNumber() + ": malformed OPML: " + e.getMessage());
    } catch (SAXException | IOException | ParserConfigurationException e) {
      problems.add("line 0: cannot read OPML: " + e.getMessage());
    }
    return refs;
  }

  private static String attribute(Attributes atts, String name) {
    for (int i = 0; i < atts.getLength(); i++) {
      String n = atts.getLocalName(i).isEmpty() ? atts.getQName(i) : atts.getLocalName(i);
      if (n.equalsIgnoreCase(name)) {
        return atts.getValue(i);
      }
    }
    return null;
  }

  /** No DOCTYPE, no external entities: a feed list must not be able to read local files. */
  private static SAXParser newSecureSaxParser() throws ParserConfigurationException, SAXException {
    SAXParserFactory factory = SAXParserFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    return factory.newSAXParser();
  }

  /** Turns one entry into an absolute feed URL, or records why it cannot and returns null. */
  private static String toFeedUrl(String entry, Path baseDir, int line, List<String> problems) {
    String scheme = schemeOf(entry);
    if (scheme == null) {
      return pathToUrl(entry, baseDir, line, problems);
    }
    URI uri;
    try {
      uri = new URI(entry);
    } catch (URISyntaxException e) {
      problems.add(
          "line "
              + line
              + ": not a valid URL: "
              + SafeUrls.redact(entry)
              + " ("
              + e.getReason()
              + ")");
      return null;
    }
    switch (scheme) {
      case "http", "https" -> {
        if (uri.getHost() == null) {
          problems.add("line " + line + ": URL without a host: " + SafeUrls.redact(entry));
          return null;
        }
        return entry;
      }
      case "file" -> {
        return entry;
      }
      default -> {
        problems.add(
            "line "
                + line
                + ": unsupported scheme '"
                + scheme
                + "' (http, https or file): "
                + SafeUrls.redact(entry));
        return null;
      }
    }
  }

  /** The lower-cased scheme, or null for a path (a one-letter "scheme" is a Windows drive). */
  private static String schemeOf(String entry) {
    int colon = entry.indexOf(':');
    if (colon < 2) {
      return null;
    }
    for (int i = 0; i < colon; i++) {
      char c = entry.charAt(i);
      boolean ok =
          Character.isLetter(c) || (i > 0 && (Character.isDigit(c) || "+.-".indexOf(c) >= 0));
      if (!ok || c > 127) {
        return null;
      }
    }
    return entry.substring(0, colon).toLowerCase(Locale.ROOT);
  }

  private static String pathToUrl(String entry, Path baseDir, int line, List<String> problems) {
    try {
      Path path = Path.of(entry);
      if (!path.isAbsolute()) {
        if (baseDir == null) {
          problems.add("line " + line + ": relative path without a base folder: " + entry);
          return null;
        }
        path = baseDir.resolve(path);
      }
      return path.normalize().toUri().toString();
    } catch (InvalidPathException e) {
      problems.add("line " + line + ": not a URL nor a valid path: " + entry);
      return null;
    }
  }
}
