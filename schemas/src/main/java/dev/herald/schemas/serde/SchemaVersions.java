package dev.herald.schemas.serde;

import dev.herald.avro.ClaimBatch;
import dev.herald.avro.DeadLetter;
import dev.herald.avro.DedupeCluster;
import dev.herald.avro.DedupeEntry;
import dev.herald.avro.DedupeMessage;
import dev.herald.avro.DedupeProbe;
import dev.herald.avro.EnrichedArticle;
import dev.herald.avro.EventTimeline;
import dev.herald.avro.FeedState;
import dev.herald.avro.FeedSubscription;
import dev.herald.avro.RawArticle;
import dev.herald.avro.ScheduleChangeAlert;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every version of every top-level Herald record schema that ships in this module.
 *
 * <p>The current version of a type is the generated class's own schema. Older versions live as
 * self-contained schema JSON files under {@code src/main/resources/dev/herald/schemas/history/},
 * listed in {@code index.txt} there as {@code <RecordFullName> <file>} (every such index on the
 * classpath is read). When a schema changes in a compatible way, copy the old generated schema
 * ({@code Type.SCHEMA$.toString()}) into that folder first, so records already on the topics stay
 * readable.
 */
public final class SchemaVersions {

  private static final String HISTORY = "dev/herald/schemas/history/";

  /**
   * The record types Herald writes to Kafka, in topic-catalogue order, then the enrich topology's
   * internal ones: {@link ClaimBatch} (by-event), {@link DedupeEntry} (the fingerprint topic), and
   * types of earlier designs still readable: {@link DedupeProbe} (by-band), {@link DedupeMessage}
   * (by-article, by-cluster, pending store), {@link DedupeCluster} (the dedupe-clusters changelog;
   * now also what {@code EnrichTopology.cluster} returns).
   */
  public static final List<Class<? extends SpecificRecord>> TOP_LEVEL_TYPES =
      List.of(
          FeedSubscription.class,
          FeedState.class,
          RawArticle.class,
          EnrichedArticle.class,
          EventTimeline.class,
          ScheduleChangeAlert.class,
          DeadLetter.class,
          ClaimBatch.class,
          DedupeProbe.class,
          DedupeMessage.class,
          DedupeEntry.class,
          DedupeCluster.class);

  private static final Map<String, List<Schema>> HISTORY_BY_TYPE = loadHistory();

  private SchemaVersions() {}

  /** The current schema of a generated type. */
  public static Schema current(Class<? extends SpecificRecord> type) {
    return SpecificData.get().getSchema(type);
  }

  /** Older versions of a type's schema (oldest first); empty when the type never changed. */
  public static List<Schema> history(Class<? extends SpecificRecord> type) {
    return HISTORY_BY_TYPE.getOrDefault(current(type).getFullName(), List.of());
  }

  /** Every version of a type's schema: the history, then the current one. */
  public static List<Schema> all(Class<? extends SpecificRecord> type) {
    List<Schema> all = new ArrayList<>(history(type));
    all.add(current(type));
    return List.copyOf(all);
  }

  private static Map<String, List<Schema>> loadHistory() {
    Map<String, List<Schema>> byType = new LinkedHashMap<>();
    try {
      // Every index on the classpath counts, so a jar adding old versions needs no code change.
      Enumeration<URL> indexes =
          SchemaVersions.class.getClassLoader().getResources(HISTORY + "index.txt");
      while (indexes.hasMoreElements()) {
        readIndex(indexes.nextElement(), byType);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the schema history index", e);
    }
    byType.replaceAll((k, v) -> List.copyOf(v));
    return Map.copyOf(byType);
  }

  private static void readIndex(URL index, Map<String, List<Schema>> byType) throws IOException {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(index.openStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\\s+");
        if (parts.length != 2) {
          throw new IllegalStateException("Bad line in " + index + ": " + line);
        }
        Schema schema = parseResource(HISTORY + parts[1]);
        if (!schema.getFullName().equals(parts[0])) {
          throw new IllegalStateException(
              parts[1] + " holds " + schema.getFullName() + ", " + index + " says " + parts[0]);
        }
        byType.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(schema);
      }
    }
  }

  private static Schema parseResource(String path) throws IOException {
    try (InputStream in = SchemaVersions.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Schema history file missing: " + path);
      }
      // A fresh parser per file: every history file is self-contained.
      return new Schema.Parser().parse(in);
    }
  }
}
