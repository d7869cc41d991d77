package dev.herald.schemas.evolution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.SchemaNormalization;

/**
 * Backward compatibility of a set of Avro schemas with a released set: every record type defined in
 * a released {@code .avsc} file must still exist and read data written with the released schema,
 * and every top-level type whose schema changed must keep its released schema in {@code history/},
 * so the single-object decoder recognises the released fingerprint.
 */
final class SchemaCompatibilityCheck {

  private SchemaCompatibilityCheck() {}

  /**
   * Parses {@code .avsc} texts that refer to each other by name, in whatever order they come.
   *
   * @return full name to schema of each file's own type
   * @throws IllegalArgumentException when a file does not parse or names an unknown type
   */
  static Map<String, Schema> parseAll(Map<String, String> files) {
    Map<String, Schema> known = new HashMap<>();
    Map<String, Schema> roots = new LinkedHashMap<>();
    Map<String, String> pending = new LinkedHashMap<>(files);
    while (!pending.isEmpty()) {
      Map<String, String> failures = new LinkedHashMap<>();
      boolean progress = false;
      for (Map.Entry<String, String> file : List.copyOf(pending.entrySet())) {
        Schema.Parser parser = new Schema.Parser().addTypes(known.values());
        try {
          Schema s = parser.parse(file.getValue());
          roots.put(s.getFullName(), s);
          collectNamed(s, known);
          pending.remove(file.getKey());
          progress = true;
        } catch (AvroRuntimeException e) {
          failures.put(file.getKey(), e.getMessage()); // may name a type of a later file
        }
      }
      if (!progress) {
        throw new IllegalArgumentException("Cannot parse " + failures);
      }
    }
    return roots;
  }

  /** Adds a schema's named types (records, enums, fixed), nested ones included. */
  private static void collectNamed(Schema s, Map<String, Schema> into) {
    switch (s.getType()) {
      case RECORD -> {
        if (into.putIfAbsent(s.getFullName(), s) == null) {
          s.getFields().forEach(f -> collectNamed(f.schema(), into));
        }
      }
      case ENUM, FIXED -> into.putIfAbsent(s.getFullName(), s);
      case UNION -> s.getTypes().forEach(t -> collectNamed(t, into));
      case ARRAY -> collectNamed(s.getElementType(), into);
      case MAP -> collectNamed(s.getValueType(), into);
      default -> {
        // primitives have no name
      }
    }
  }

  /**
   * Every problem of {@code current} against {@code released}.
   *
   * @param topLevel full names of the types written to topics (their history must be kept)
   * @param history a type's older versions shipped in {@code history/}
   * @param release the release's name, for the messages
   */
  static List<String> problems(
      Map<String, Schema> released,
      Map<String, Schema> current,
      Set<String> topLevel,
      Function<String, List<Schema>> history,
      String release) {
    List<String> problems = new ArrayList<>();
    for (Schema old : released.values()) {
      String name = old.getFullName();
      Schema now = current.get(name);
      if (now == null) {
        problems.add(
            name + " was removed since " + release + ": records written by it could not be read");
        continue;
      }
      SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(now, old);
      if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
        result
            .getResult()
            .getIncompatibilities()
            .forEach(
                i ->
                    problems.add(
                        name
                            + " cannot read data written by "
                            + release
                            + ": "
                            + i.getType()
                            + " at "
                            + i.getLocation()
                            + " ("
                            + i.getMessage()
                            + ")"));
      }
      long oldPrint = SchemaNormalization.parsingFingerprint64(old);
      boolean changed = oldPrint != SchemaNormalization.parsingFingerprint64(now);
      if (changed && topLevel.contains(name)) {
        boolean kept =
            history.apply(name).stream()
                .anyMatch(h -> SchemaNormalization.parsingFingerprint64(h) == oldPrint);
        if (!kept) {
          problems.add(
              name
                  + " changed since "
                  + release
                  + " but its released schema is not in dev/herald/schemas/history/ (copy it there"
                  + " and list it in index.txt, see SchemaVersions)");
        }
      }
    }
    return problems;
  }
}
