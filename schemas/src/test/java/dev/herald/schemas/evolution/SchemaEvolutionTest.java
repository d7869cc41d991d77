package dev.herald.schemas.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.schemas.serde.SchemaVersions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build check that Herald's Avro schemas stay backward compatible with the last release: the
 * newest git tag {@code v*}. Skips, saying why, when there is no such tag or no git repository.
 */
class SchemaEvolutionTest {

  private static final String AVRO_DIR = "schemas/src/main/avro";

  @TempDir Path tmp;

  @Test
  void shouldReadEveryReleasedSchemaWithTheCurrentOne() throws IOException {
    // Given the schemas of the last release tag
    Path repo = repoDir();
    Git git = new Git(repo);
    Optional<String> tag;
    Map<String, String> releasedFiles;
    try {
      tag = git.check().latestReleaseTag();
      Assumptions.assumeTrue(
          tag.isPresent(),
          "No release tag v* in "
              + repo
              + ": schema evolution check skipped (tag a release to"
              + " enable it; a shallow clone may lack tags: git fetch --tags)");
      releasedFiles = git.avscAt(tag.get(), AVRO_DIR);
    } catch (Git.Unavailable e) {
      Assumptions.abort(
          "No git repository or git at "
              + repo
              + ": schema evolution check skipped ("
              + e.getMessage()
              + ")");
      return;
    }

    // When
    Map<String, Schema> released = SchemaCompatibilityCheck.parseAll(releasedFiles);
    Map<String, Schema> current = SchemaCompatibilityCheck.parseAll(read(repo.resolve(AVRO_DIR)));
    List<String> problems =
        SchemaCompatibilityCheck.problems(
            released, current, topLevelNames(), historyByName(), tag.get());

    // Then
    assertThat(released).as("schemas at " + tag.get()).isNotEmpty();
    assertThat(problems).as("incompatible with " + tag.get()).isEmpty();
  }

  @Test
  void shouldFindTheNewestReleaseTagAndItsSchemasInARepository() throws Exception {
    // Given a repository with two tagged releases
    Git git = new Git(tmp);
    try {
      git.run("init", "-q");
    } catch (Git.Unavailable e) {
      Assumptions.abort("git not available: " + e.getMessage());
    }
    Path avro = tmp.resolve(AVRO_DIR);
    Files.createDirectories(avro.resolve("common"));
    Files.writeString(avro.resolve("common/Part.avsc"), PART);
    Files.writeString(avro.resolve("Thing.avsc"), THING_V1);
    commitAndTag(git, "v0.9.0");
    Files.writeString(avro.resolve("Thing.avsc"), THING_V2_COMPATIBLE);
    commitAndTag(git, "v0.10.0");
    Files.writeString(avro.resolve("Thing.avsc"), THING_V3_INCOMPATIBLE);

    // When
    String tag = git.latestReleaseTag().orElseThrow();
    Map<String, Schema> released = SchemaCompatibilityCheck.parseAll(git.avscAt(tag, AVRO_DIR));
    Map<String, Schema> current = SchemaCompatibilityCheck.parseAll(read(avro));

    // Then
    assertThat(tag).isEqualTo("v0.10.0");
    assertThat(released).containsOnlyKeys("test.Thing", "test.Part");
    assertThat(released.get("test.Thing").getField("note")).isNotNull();
    assertThat(
            SchemaCompatibilityCheck.problems(released, current, Set.of(), name -> List.of(), tag))
        .singleElement()
        .asString()
        .startsWith(
            "test.Thing cannot read data written by v0.10.0: READER_FIELD_MISSING_DEFAULT_VALUE");
  }

  @Test
  void shouldAcceptAFieldAddedWithADefaultWhenTheOldSchemaIsInHistory() {
    // Given
    Map<String, Schema> released = parse(THING_V1);
    Map<String, Schema> current = parse(THING_V2_COMPATIBLE);
    Schema old = released.get("test.Thing");

    // When
    List<String> problems =
        SchemaCompatibilityCheck.problems(
            released, current, Set.of("test.Thing"), name -> List.of(old), "v1");

    // Then
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldReportAChangedTopLevelSchemaMissingFromHistory() {
    // When
    List<String> problems =
        SchemaCompatibilityCheck.problems(
            parse(THING_V1),
            parse(THING_V2_COMPATIBLE),
            Set.of("test.Thing"),
            name -> List.of(),
            "v1");

    // Then
    assertThat(problems).singleElement().asString().contains("not in dev/herald/schemas/history/");
  }

  @Test
  void shouldReportARemovedTypeAndATypeChange() {
    // Given
    String changedType = THING_V1.replace("\"type\": \"long\"", "\"type\": \"string\"");

    // When
    List<String> problems =
        SchemaCompatibilityCheck.problems(
            parse(THING_V1), parse(changedType), Set.of(), name -> List.of(), "v1");
    List<String> removed =
        SchemaCompatibilityCheck.problems(
            parse(THING_V1),
            Map.of("test.Part", parse(THING_V1).get("test.Part")),
            Set.of(),
            name -> List.of(),
            "v1");

    // Then
    assertThat(problems).singleElement().asString().contains("TYPE_MISMATCH");
    assertThat(removed)
        .singleElement()
        .asString()
        .isEqualTo("test.Thing was removed since v1: records written by it could not be read");
  }

  @Test
  void shouldParseTheShippedSchemasAsTheGeneratedClassesHaveThem() throws IOException {
    // When
    Map<String, Schema> current =
        SchemaCompatibilityCheck.parseAll(read(repoDir().resolve(AVRO_DIR)));

    // Then every top-level type's file gives the generated class's schema (as written on the wire)
    for (Class<? extends SpecificRecord> type : SchemaVersions.TOP_LEVEL_TYPES) {
      Schema generated = SchemaVersions.current(type);
      assertThat(current).as(type.getSimpleName()).containsKey(generated.getFullName());
      assertThat(SchemaNormalization.parsingFingerprint64(current.get(generated.getFullName())))
          .as(type.getSimpleName())
          .isEqualTo(SchemaNormalization.parsingFingerprint64(generated));
    }
  }

  private static final String PART =
      "{\"type\": \"record\", \"name\": \"Part\", \"namespace\": \"test\", \"fields\": ["
          + "{\"name\": \"n\", \"type\": \"int\"}]}";
  private static final String THING_V1 =
      "{\"type\": \"record\", \"name\": \"Thing\", \"namespace\": \"test\", \"fields\": ["
          + "{\"name\": \"id\", \"type\": \"string\"},"
          + "{\"name\": \"at\", \"type\": \"long\"},"
          + "{\"name\": \"part\", \"type\": [\"null\", \"test.Part\"], \"default\": null}]}";
  private static final String THING_V2_COMPATIBLE =
      THING_V1.replace(
          "]}", ",{\"name\": \"note\", \"type\": [\"null\", \"string\"], \"default\": null}]}");
  private static final String THING_V3_INCOMPATIBLE =
      THING_V2_COMPATIBLE.replace("]}", ",{\"name\": \"required\", \"type\": \"string\"}]}");

  private static Map<String, Schema> parse(String thing) {
    return SchemaCompatibilityCheck.parseAll(Map.of("Part.avsc", PART, "Thing.avsc", thing));
  }

  private static void commitAndTag(Git git, String tag) throws Git.Unavailable {
    git.run("add", "-A");
    git.run(
        "-c",
        "user.name=Test",
        "-c",
        "user.email=test@example.invalid",
        "-c",
        "commit.gpgsign=false",
        "commit",
        "-q",
        "-m",
        "release " + tag);
    git.run("tag", tag);
  }

  private static Map<String, String> read(Path dir) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(f -> f.toString().endsWith(".avsc")).sorted().toList()) {
        files.put(dir.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  private static Path repoDir() {
    String dir = System.getProperty("herald.repo.dir");
    return (dir != null ? Path.of(dir) : Path.of("").toAbsolutePath().getParent()).toAbsolutePath();
  }

  private static Set<String> topLevelNames() {
    return SchemaVersions.TOP_LEVEL_TYPES.stream()
        .map(t -> SchemaVersions.current(t).getFullName())
        .collect(Collectors.toSet());
  }

  private static Function<String, List<Schema>> historyByName() {
    Map<String, List<Schema>> byName = new LinkedHashMap<>();
    for (Class<? extends SpecificRecord> t : SchemaVersions.TOP_LEVEL_TYPES) {
      byName.put(SchemaVersions.current(t).getFullName(), SchemaVersions.history(t));
    }
    return name -> byName.getOrDefault(name, List.of());
  }
}
