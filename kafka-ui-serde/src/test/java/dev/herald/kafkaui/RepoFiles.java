package dev.herald.kafkaui;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files at the root of the Herald repository, found from the build's working folders. */
final class RepoFiles {

  private RepoFiles() {}

  /** The repository root: the nearest folder up from the build's that holds docker-compose.yml. */
  static Path root() {
    Path start =
        Path.of(System.getProperty("herald.repo.dir", System.getProperty("user.dir")))
            .toAbsolutePath()
            .normalize();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("docker-compose.yml"))
          && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("No docker-compose.yml in " + start + " or above");
  }
}
