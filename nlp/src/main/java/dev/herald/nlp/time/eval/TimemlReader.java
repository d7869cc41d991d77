package dev.herald.nlp.time.eval;

import dev.herald.nlp.time.Timex;
import dev.herald.nlp.time.TimexType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a TempEval-3 style TimeML file: the text is the content of {@code <TEXT>} with all tags
 * removed; the DCT is the {@code <DCT>} TIMEX3's value.
 */
final class TimemlReader {
  private TimemlReader() {}

  static GoldDoc read(Path file) throws IOException {
    Handler h = new Handler();
    Xml.parse(file, h);
    String id = file.getFileName().toString().replaceFirst("\\.tml$", "");
    return new GoldDoc(id, h.text.toString(), h.dct, h.gold, h.text.length());
  }

  private static final class Handler extends DefaultHandler {
    final StringBuilder text = new StringBuilder();
    final List<Timex> gold = new ArrayList<>();
    LocalDate dct;
    boolean inText;
    boolean inDct;
    int timexStart = -1;
    String type;
    String value;
    String mod;

    @Override
    public void startElement(String uri, String local, String qName, Attributes atts) {
      switch (qName) {
        case "TEXT" -> inText = true;
        case "DCT" -> inDct = true;
        case "TIMEX3" -> {
          if (inDct && dct == null) {
            dct = Xml.dateOf(atts.getValue("value"));
          } else if (inText) {
            timexStart = text.length();
            type = atts.getValue("type");
            value = atts.getValue("value");
            String m = atts.getValue("mod");
            mod = m == null || m.isEmpty() ? null : m;
          }
        }
        default -> {}
      }
    }

    @Override
    public void endElement(String uri, String local, String qName) {
      switch (qName) {
        case "TEXT" -> inText = false;
        case "DCT" -> inDct = false;
        case "TIMEX3" -> {
          if (inText && timexStart >= 0) {
            gold.add(
                new Timex(
                    timexStart,
                    text.length(),
                    text.substring(timexStart),
                    parseType(type),
                    value == null ? "" : value,
                    mod));
          }
          timexStart = -1;
        }
        default -> {}
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inText) {
        text.append(ch, start, length);
      }
    }
  }

  static TimexType parseType(String type) {
    try {
      return TimexType.valueOf(type);
    } catch (RuntimeException e) {
      return TimexType.DATE;
    }
  }
}
