package dev.herald.nlp.dedupe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code herald dedupe}: reads articles as JSON Lines ({@code {"id","published","title","text"}} in
 * publication order) and writes one line per input line, in order: {@code {"id", "duplicate_of"}},
 * or {@code {"line","error"}} for a line that cannot be read. Decisions come from a {@link
 * DedupeIndex}, so they are the pipeline's; memory is bounded by the retention window.
 */
public final class DedupeJob {
  private static final int PROGRESS_EVERY = 10_000;

  private final DedupeIndex index;
  private final ObjectMapper json = new ObjectMapper();

  /** Totals of one run. */
  public record Summary(long lines, long errors, Map<DedupeIndex.Kind, Long> kinds) {}

  public DedupeJob() {
    this(new DedupeIndex());
  }

  public DedupeJob(DedupeIndex index) {
    this.index = index;
  }

  /** Processes every line of {@code in}; returns the totals, also printed to {@code progress}. */
  public Summary run(Reader in, Writer out, PrintStream progress) throws IOException {
    BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
    Map<DedupeIndex.Kind, Long> kinds = new EnumMap<>(DedupeIndex.Kind.class);
    long lineNo = 0;
    long errors = 0;
    String line;
    while ((line = reader.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      ObjectNode result;
      try {
        DedupeIndex.Decision d = decide(line);
        kinds.merge(d.kind(), 1L, Long::sum);
        result = json.createObjectNode();
        result.put("id", d.id());
        result.put("duplicate_of", d.duplicateOf());
      } catch (BadLine e) {
        errors++;
        result = json.createObjectNode();
        result.put("line", lineNo);
        result.put("error", e.getMessage());
      }
      out.write(json.writeValueAsString(result));
      out.write('\n');
      if (lineNo % PROGRESS_EVERY == 0) {
        progress.printf("dedupe: %d lines, %d retained%n", lineNo, index.size());
      }
    }
    out.flush();
    Summary s = new Summary(lineNo, errors, kinds);
    progress.printf(
        "dedupe: %d lines, %d originals, %d exact copies, %d near copies, %d repeats, %d errors%n",
        lineNo,
        kinds.getOrDefault(DedupeIndex.Kind.ORIGINAL, 0L),
        kinds.getOrDefault(DedupeIndex.Kind.EXACT, 0L),
        kinds.getOrDefault(DedupeIndex.Kind.NEAR, 0L),
        kinds.getOrDefault(DedupeIndex.Kind.REPEAT, 0L),
        errors);
    return s;
  }

  private DedupeIndex.Decision decide(String line) throws BadLine {
    JsonNode node;
    try {
      node = json.readTree(line);
    } catch (JsonProcessingException e) {
      throw new BadLine("not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new BadLine("not a JSON object");
    }
    JsonNode id = node.get("id");
    if (id == null || !id.isValueNode() || id.isNull() || id.asText().isBlank()) {
      throw new BadLine("missing id");
    }
    JsonNode published = node.get("published");
    if (published == null || !published.isTextual()) {
      throw new BadLine("missing published");
    }
    Instant time = parsePublished(published.asText());
    return index.offer(id.asText(), time, text(node, "title"), text(node, "text"));
  }

  private static String text(JsonNode node, String field) throws BadLine {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return "";
    }
    if (!v.isTextual()) {
      throw new BadLine(field + " is not a string");
    }
    return v.asText();
  }

  /** ISO date or date-time; a time without zone or offset is UTC. */
  static Instant parsePublished(String s) throws BadLine {
    String t = s.strip();
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException ignored) {
      // next form
    }
    try {
      return ZonedDateTime.parse(t).toInstant();
    } catch (DateTimeParseException ignored) {
      // next form
    }
    try {
      return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException ignored) {
      // next form
    }
    try {
      return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadLine("published is not an ISO date or date-time: " + abbreviate(s));
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }

  /** A line that cannot be decided; reported in the output, never thrown out of {@link #run}. */
  static final class BadLine extends Exception {
    private static final long serialVersionUID = 1L;

    BadLine(String message) {
      super(message, null, false, false);
    }
  }
}
