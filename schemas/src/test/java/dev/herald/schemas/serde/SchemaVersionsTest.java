package dev.herald.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class SchemaVersionsTest {

  @Test
  void shouldRegisterEveryTopLevelAvscFileAsARecordType() throws IOException {
    // Given: top-level .avsc files (common/ holds nested types only)
    Path avro = Path.of("src/main/avro"); // surefire runs in the module folder
    if (!Files.isDirectory(avro)) {
      avro = Path.of(System.getProperty("herald.repo.dir", "."), "schemas", "src", "main", "avro");
    }
    List<String> declared;
    try (Stream<Path> files = Files.list(avro)) {
      declared =
          files
              .filter(p -> p.toString().endsWith(".avsc"))
              .map(p -> p.getFileName().toString().replace(".avsc", ""))
              .toList();
    }

    // When
    List<String> registered =
        SchemaVersions.TOP_LEVEL_TYPES.stream().map(Class::getSimpleName).toList();

    // Then: a new message type must be listed, or its schema never reaches herald.schemas
    assertThat(registered).containsExactlyInAnyOrderElementsOf(declared);
  }

  @Test
  void shouldReadEveryShippedOldVersionWithTheCurrentSchema() {
    for (Class<? extends SpecificRecord> type : SchemaVersions.TOP_LEVEL_TYPES) {
      Schema current = SchemaVersions.current(type);
      for (Schema old : SchemaVersions.history(type)) {
        // When
        var result = SchemaCompatibility.checkReaderWriterCompatibility(current, old);

        // Then
        assertThat(result.getType())
            .as("%s reading %s: %s", type.getSimpleName(), old, result.getDescription())
            .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
      }
    }
  }

  @Test
  void shouldListTheCurrentVersionLast() {
    for (Class<? extends SpecificRecord> type : SchemaVersions.TOP_LEVEL_TYPES) {
      List<Schema> all = SchemaVersions.all(type);
      assertThat(all.get(all.size() - 1)).isEqualTo(SchemaVersions.current(type));
    }
  }
}
