package dev.herald.kafkaui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validates docker-compose.yml against the Compose schema with dclint, offline (.ci/run installs it
 * into .ci/node). .dclintrc switches dclint's style rules off; any error or warning left fails.
 */
class DockerComposeLintTest {

  private Path repo;
  private Path dclint;

  @BeforeEach
  void findDclint() {
    repo = RepoFiles.root();
    Optional<Path> found = locate();
    // Per test, so that a machine without node reports the tests as skipped, with this reason.
    Assumptions.assumeTrue(
        found.isPresent() && onPath("node").isPresent(),
        "dclint or node not available (CI installs dclint with npm into .ci/node): skipping");
    dclint = found.get();
  }

  @Test
  void shouldPassComposeSchemaValidationAndTheNonStyleRules() throws Exception {
    // Given docker-compose.yml and .dclintrc
    // When
    Result result = run(repo.resolve("docker-compose.yml"));

    // Then
    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void shouldRejectAComposeFileThatBreaksTheSchema(@TempDir Path dir) throws Exception {
    // Given a service with a misspelled key, so the check above is known to bite
    Path broken = dir.resolve("docker-compose.yml");
    Files.writeString(
        broken,
        "name: broken\nservices:\n  sink:\n    image: busybox:1.36\n    enviroment:\n"
            + "      HERALD_LOG_LEVEL: INFO\n",
        StandardCharsets.UTF_8);

    // When
    Result result = run(broken);

    // Then
    assertThat(result.exitCode()).as(result.output()).isNotZero();
    assertThat(result.output()).contains("invalid-schema");
  }

  private record Result(int exitCode, String output) {}

  private Result run(Path composeFile) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(dclint.toString());
    command.addAll(
        List.of(
            "--config",
            repo.resolve(".dclintrc").toString(),
            "--max-warnings",
            "0",
            "--no-color",
            composeFile.toString()));
    Process p =
        new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    // A safety net for a hung process, not a timing assumption: dclint takes about a second.
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail("dclint did not finish: " + output);
    }
    return new Result(p.exitValue(), output);
  }

  private Optional<Path> locate() {
    Path local = repo.resolve(".ci/node/node_modules/.bin/dclint");
    return Files.isExecutable(local) ? Optional.of(local) : onPath("dclint");
  }

  private static Optional<Path> onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
