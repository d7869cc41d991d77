package dev.herald.app.cli;

import java.nio.file.Path;

/** Where Herald is installed: the {@code herald} launcher sets {@code herald.home}. */
final class Home {
  private Home() {}

  static Path dir() {
    String home = System.getProperty("herald.home");
    return home == null ? Path.of("").toAbsolutePath() : Path.of(home);
  }

  static Path sampleFeeds() {
    return dir().resolve("samples").resolve("feeds.txt");
  }
}
