package dev.herald.nlp.time.eval;

import dev.herald.nlp.time.Timex;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a MEANTIME (NewsReader) document: tokens are re-joined into text (one line per sentence, no
 * space before closing punctuation) and TIMEX3 token anchors become character offsets. The DCT is
 * the TIMEX3 whose functionInDocument is CREATION_TIME.
 */
final class MeantimeReader {
  private MeantimeReader() {}

  /**
   * MEANTIME annotates the title, the date line and the first sentences of each article: sentences
   * 0 to 5. Text after them is tagged (it gives tense context) but not scored.
   */
  static final int LAST_ANNOTATED_SENTENCE = 5;

  private static final Set<String> NO_SPACE_BEFORE =
      Set.of(
          ",", ".", ";", ":", "!", "?", ")", "]", "%", "'s", "n't", "'", "''", "'re", "'ve", "'ll",
          "'d", "'m");
  private static final Set<String> NO_SPACE_AFTER = Set.of("(", "[", "$", "``", "#");

  static GoldDoc read(Path file) throws IOException {
    Handler h = new Handler();
    Xml.parse(file, h);
    String id = file.getFileName().toString().replaceFirst("\\.xml$", "");
    List<Timex> gold = new ArrayList<>();
    for (RawTimex r : h.timexes) {
      int start = Integer.MAX_VALUE;
      int end = -1;
      for (String tid : r.tokens) {
        int[] span = h.spans.get(tid);
        if (span != null) {
          start = Math.min(start, span[0]);
          end = Math.max(end, span[1]);
        }
      }
      if (end > start) {
        gold.add(
            new Timex(
                start,
                end,
                h.text.substring(start, end),
                TimemlReader.parseType(r.type),
                r.value == null ? "" : r.value,
                r.mod));
      }
    }
    gold.sort((a, b) -> Integer.compare(a.start(), b.start()));
    LocalDate dct = h.dct;
    if (dct == null) {
      // No CREATION_TIME mark: the article's date line (sentence 1) carries the date.
      for (RawTimex r : h.timexes) {
        if (!r.tokens.isEmpty() && "1".equals(h.sentenceOf.get(r.tokens.get(0)))) {
          dct = Xml.dateOf(r.value);
          if (dct != null) {
            break;
          }
        }
      }
    }
    int annotatedEnd = h.annotatedEnd < 0 ? h.text.length() : h.annotatedEnd;
    return new GoldDoc(id, h.text.toString(), dct, gold, annotatedEnd);
  }

  private static int parseInt(String s) {
    try {
      return Integer.parseInt(s);
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private record RawTimex(String type, String value, String mod, List<String> tokens) {}

  private static final class Handler extends DefaultHandler {
    final StringBuilder text = new StringBuilder();
    final Map<String, int[]> spans = new HashMap<>();
    final Map<String, String> sentenceOf = new HashMap<>();
    final List<RawTimex> timexes = new ArrayList<>();
    LocalDate dct;
    String tokenId;
    String sentence;
    final StringBuilder tokenText = new StringBuilder();
    String prevToken = "";
    RawTimex open;
    int annotatedEnd = -1;

    @Override
    public void startElement(String uri, String local, String qName, Attributes atts) {
      switch (qName) {
        case "token" -> {
          tokenId = atts.getValue("t_id");
          String s = atts.getValue("sentence");
          if (sentence != null && !sentence.equals(s)) {
            if (annotatedEnd < 0 && parseInt(s) > LAST_ANNOTATED_SENTENCE) {
              annotatedEnd = text.length();
            }
            text.append('\n');
            prevToken = "";
          }
          sentence = s;
          tokenText.setLength(0);
        }
        case "TIMEX3" -> {
          String mod = atts.getValue("mod");
          open =
              new RawTimex(
                  atts.getValue("type"),
                  atts.getValue("value"),
                  mod == null || mod.isEmpty() ? null : mod,
                  new ArrayList<>());
          if ("CREATION_TIME".equals(atts.getValue("functionInDocument")) && dct == null) {
            dct = Xml.dateOf(atts.getValue("value"));
          }
        }
        case "token_anchor" -> {
          if (open != null) {
            open.tokens.add(atts.getValue("t_id"));
          }
        }
        default -> {}
      }
    }

    @Override
    public void endElement(String uri, String local, String qName) {
      switch (qName) {
        case "token" -> {
          String tok = tokenText.toString();
          boolean space =
              text.length() > 0
                  && text.charAt(text.length() - 1) != '\n'
                  && !NO_SPACE_BEFORE.contains(tok)
                  && !NO_SPACE_AFTER.contains(prevToken);
          if (space) {
            text.append(' ');
          }
          int start = text.length();
          text.append(tok);
          spans.put(tokenId, new int[] {start, text.length()});
          sentenceOf.put(tokenId, sentence);
          prevToken = tok;
          tokenId = null;
        }
        case "TIMEX3" -> {
          if (open != null) {
            timexes.add(open);
          }
          open = null;
        }
        default -> {}
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (tokenId != null) {
        tokenText.append(ch, start, length);
      }
    }
  }
}
