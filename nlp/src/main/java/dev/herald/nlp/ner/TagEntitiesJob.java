package dev.herald.nlp.ner;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.nlp.entity.EntityMention;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;

/**
 * The {@code herald tag entities} job: JSONL in ({@code {"id","text"}}), JSONL out ({@code
 * {"id","lang","entities":[{"start","end","text","type","id"}]}}), one output line per input line,
 * in order. Offsets are Java String indices into {@code text}, end exclusive. Each line is its own
 * document; short forms learnt from earlier lines resolve later ones (one {@link EntityRegistry}
 * per run). A line that cannot be read yields {@code {"line":N,"error":"..."}}.
 */
public final class TagEntitiesJob {

  static final int PROGRESS_EVERY = 10_000;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private TagEntitiesJob() {}

  /**
   * What a run did.
   *
   * @param lines input lines read
   * @param tagged lines tagged
   * @param errors lines answered with an error object
   * @param entities mentions written
   */
  public record Summary(long lines, long tagged, long errors, long entities) {}

  /** Runs with the shipped models; {@code progress} may be null. Does not close the streams. */
  public static Summary run(Reader in, Writer out, PrintStream progress) throws IOException {
    return run(EntityTagger.standard(), in, out, progress);
  }

  public static Summary run(EntityTagger tagger, Reader in, Writer out, PrintStream progress)
      throws IOException {
    BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
    EntityRegistry registry = new EntityRegistry(200_000);
    long lines = 0;
    long tagged = 0;
    long errors = 0;
    long entities = 0;
    String line;
    while ((line = reader.readLine()) != null) {
      lines++;
      String result;
      try {
        Input input = parse(line);
        EntityTagger.Result r = tagger.tag(input.text(), registry);
        result = output(input.id(), r);
        tagged++;
        entities += r.entities().size();
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
        progress.printf(
            "tag entities: %,d lines, %,d entities, %,d errors%n", lines, entities, errors);
      }
    }
    out.flush();
    if (progress != null && lines >= PROGRESS_EVERY) {
      progress.printf(
          "tag entities: done, %,d lines, %,d entities, %,d errors%n", lines, entities, errors);
    }
    return new Summary(lines, tagged, errors, entities);
  }

  private record Input(JsonNode id, String text) {}

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
    return new Input(id, text.asText());
  }

  private static String output(JsonNode id, EntityTagger.Result r) throws IOException {
    StringWriter sw = new StringWriter(256 + 64 * r.entities().size());
    try (JsonGenerator g = FACTORY.createGenerator(sw)) {
      g.writeStartObject();
      g.writeFieldName("id");
      MAPPER.writeTree(g, id);
      g.writeStringField("lang", r.lang());
      g.writeArrayFieldStart("entities");
      for (EntityMention m : r.entities()) {
        g.writeStartObject();
        g.writeNumberField("start", m.start());
        g.writeNumberField("end", m.end());
        g.writeStringField("text", m.text());
        g.writeStringField("type", m.type());
        g.writeStringField("id", m.id());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return sw.toString();
  }

  private static String error(long line, String message) {
    StringWriter sw = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(sw)) {
      g.writeStartObject();
      g.writeNumberField("line", line);
      g.writeStringField("error", message);
      g.writeEndObject();
    } catch (IOException e) {
      return "{\"line\":" + line + ",\"error\":\"unprintable error\"}";
    }
    return sw.toString();
  }
}
