package dev.herald.nlp.time.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/** SAX parsing with external entities and DTDs switched off (corpus files are untrusted). */
final class Xml {
  private Xml() {}

  static void parse(Path file, DefaultHandler handler) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      SAXParserFactory f = SAXParserFactory.newInstance();
      f.setNamespaceAware(false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      SAXParser p = f.newSAXParser();
      p.parse(in, handler);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The calendar date at the start of a TIMEX3 value ("1998-11-20T19:30"), or null. A few corpus
   * files write the DCT day first ("03-02-2009"); that is read too.
   */
  static LocalDate dateOf(String value) {
    if (value == null || value.length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(value.substring(0, 10));
    } catch (RuntimeException e) {
      // fall through to DD-MM-YYYY
    }
    try {
      String v = value.substring(0, 10);
      if (v.charAt(2) == '-' && v.charAt(5) == '-') {
        return LocalDate.of(
            Integer.parseInt(v.substring(6)),
            Integer.parseInt(v.substring(3, 5)),
            Integer.parseInt(v.substring(0, 2)));
      }
    } catch (RuntimeException e) {
      // not a date
    }
    return null;
  }
}
