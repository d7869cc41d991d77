package dev.herald.nlp.time;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The {@code herald tag dates} job: JSONL in ({@code {"id","dct","text"}}), JSONL out ({@code
 * {"id","timexes":[...]}}), one output line per input line, in order. A line that cannot be read
 * yields {@code {"line":N,"error":"..."}} instead. Streams line by line (memory bounded by the
 * longest line) and reports progress every {@value #PROGRESS_EVERY} lines.
 *
 * <p>{@code dct} is a date ({@code 2017-11-14}) or an ISO date-time with offset ({@code
 * 2017-11-14T09:30:00+03:00}: the date and offset are the article's own); absent or null means only
 * absolute expressions are resolved.
 */
public final class TagDatesJob {

  static final int PROGRESS_EVERY = 10_000;

  // "{...} junk" is one malformed line, not a document with its tail ignored
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private TagDatesJob() {}

  /**
   * What a run did.
   *
   * @param lines input lines read
   * @param tagged lines tagged
   * @param errors lines answered with an error object
   * @param timexes TIMEXes written
   */
  public record Summary(long lines, long tagged, long errors, long timexes) {}

  /** Runs with the standard tagger; {@code progress} may be null. Does not close the streams. */
  public static Summary run(Reader in, Writer out, PrintStream progress) throws IOException {
    return run(TimexTagger.standard(), in, out, progress);
  }

  public static Summary run(TimexTagger tagger, Reader in, Writer out, PrintStream progress)
      throws IOException {
    BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
    long lines = 0;
    long tagged = 0;
    long errors = 0;
    long timexes = 0;
    String line;
    StringBuilder buf = new StringBuilder(256);
    while ((line = readLine(reader, buf)) != null) {
      lines++;
      String result;
      try {
        Input input = parse(line);
        List<Timex> found = tagger.tag(input.text, input.dct, input.offset);
        result = output(input.id, found);
        tagged++;
        timexes += found.size();
      } catch (BadLine e) {
        result = error(lines, e.getMessage());
        errors++;
      } catch (RuntimeException e) {
        // Never let one document stop the stream.
        result = error(lines, "cannot tag: " + e);
        errors++;
      }
      out.write(result);
      out.write('\n');
      if (progress != null && lines % PROGRESS_EVERY == 0) {
        progress.printf("tag dates: %,d lines, %,d timexes, %,d errors%n", lines, timexes, errors);
      }
    }
    out.flush();
    if (progress != null && lines >= PROGRESS_EVERY) {
      progress.printf(
          "tag dates: done, %,d lines, %,d timexes, %,d errors%n", lines, timexes, errors);
    }
    return new Summary(lines, tagged, errors, timexes);
  }

  /**
   * The next line without its terminator, or null at the end. Only '\n' ends a line (a '\r' before
   * it is dropped): a stray '\r' inside a line must not split it, or output lines would no longer
   * match input lines one to one.
   */
  static String readLine(BufferedReader reader, StringBuilder buf) throws IOException {
    buf.setLength(0);
    int c;
    boolean any = false;
    while ((c = reader.read()) >= 0) {
      any = true;
      if (c == '\n') {
        break;
      }
      buf.append((char) c);
    }
    if (!any) {
      return null;
    }
    int n = buf.length();
    if (n > 0 && buf.charAt(n - 1) == '\r') {
      buf.setLength(n - 1);
    }
    return buf.toString();
  }

  private record Input(JsonNode id, LocalDate dct, ZoneOffset offset, String text) {}

  /** A line that cannot be tagged; the message goes into the error object. */
  private static final class BadLine extends Exception {
    private static final long serialVersionUID = 1L;

    BadLine(String message) {
      super(message);
    }
  }

  private static Input parse(String line) throws BadLine {
    JsonNode node;
    try {
      node = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new BadLine("malformed JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new BadLine("not a JSON object");
    }
    JsonNode id = node.get("id");
    if (id == null || id.isNull() || id.isContainerNode()) {
      throw new BadLine("missing id");
    }
    JsonNode text = node.get("text");
    if (text == null || !text.isTextual()) {
      throw new BadLine("missing text");
    }
    JsonNode dctNode = node.get("dct");
    LocalDate dct = null;
    ZoneOffset offset = null;
    if (dctNode != null && !dctNode.isNull()) {
      String d = dctNode.asText().strip();
      try {
        if (d.length() == 10) {
          dct = LocalDate.parse(d);
        } else {
          OffsetDateTime t = OffsetDateTime.parse(d);
          dct = t.toLocalDate();
          offset = t.getOffset();
        }
      } catch (DateTimeParseException e) {
        throw new BadLine("malformed dct: " + abbreviate(d) + " (expected YYYY-MM-DD)");
      }
    }
    return new Input(id, dct, offset, text.asText());
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }

  private static String output(JsonNode id, List<Timex> timexes) throws IOException {
    StringWriter sw = new StringWriter(64 + 96 * timexes.size());
    try (JsonGenerator g = FACTORY.createGenerator(sw)) {
      g.writeStartObject();
      g.writeFieldName("id");
      MAPPER.writeTree(g, id);
      g.writeArrayFieldStart("timexes");
      for (Timex t : timexes) {
        g.writeStartObject();
        g.writeNumberField("start", t.start());
        g.writeNumberField("end", t.end());
        g.writeStringField("text", t.text());
        g.writeStringField("type", t.type().name());
        g.writeStringField("value", t.value());
        if (t.mod() != null) {
          g.writeStringField("mod", t.mod());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return sw.toString();
  }

  private static String error(long line, String message) throws IOException {
    StringWriter sw = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(sw)) {
      g.writeStartObject();
      g.writeNumberField("line", line);
      g.writeStringField("error", message == null ? "error" : message);
      g.writeEndObject();
    }
    return sw.toString();
  }
}
