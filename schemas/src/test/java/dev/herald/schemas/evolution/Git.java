package dev.herald.schemas.evolution;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The few git commands the schema-evolution check needs, run as a process in a repository. */
final class Git {

  /** git is not installed, or the folder is not a repository. */
  static final class Unavailable extends Exception {
    Unavailable(String message) {
      super(message);
    }
  }

  private final Path repo;

  Git(Path repo) {
    this.repo = repo;
  }

  /** Fails with {@link Unavailable} unless git runs and the folder is inside a work tree. */
  Git check() throws Unavailable {
    run("rev-parse", "--is-inside-work-tree");
    return this;
  }

  /** The newest tag matching {@code v*} by version order ({@code v1.10.0} after {@code v1.9.2}). */
  Optional<String> latestReleaseTag() throws Unavailable {
    return run("tag", "--list", "v*", "--sort=-v:refname")
        .lines()
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .findFirst();
  }

  /**
   * Path (relative to {@code dir}) to content of every {@code .avsc} under {@code dir} at a tag.
   */
  Map<String, String> avscAt(String tag, String dir) throws Unavailable {
    Map<String, String> files = new LinkedHashMap<>();
    List<String> paths = new ArrayList<>();
    run("ls-tree", "-r", "--name-only", tag, "--", dir)
        .lines()
        .filter(p -> p.endsWith(".avsc"))
        .forEach(paths::add);
    for (String p : paths) {
      files.put(p.substring(dir.length() + 1), run("show", tag + ":" + p));
    }
    return files;
  }

  /** Runs git; its standard output. */
  String run(String... args) throws Unavailable {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.add("-C");
    command.add(repo.toString());
    command.addAll(List.of(args));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    } catch (IOException e) {
      throw new Unavailable("git cannot be run: " + e.getMessage());
    }
    try {
      process.getOutputStream().close();
      CompletableFuture<String> err =
          CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
      String out = read(process.getInputStream());
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new Unavailable("git " + String.join(" ", args) + " did not finish");
      }
      if (process.exitValue() != 0) {
        throw new Unavailable("git " + String.join(" ", args) + ": " + err.join().strip());
      }
      return out;
    } catch (IOException e) {
      throw new Unavailable("git failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("interrupted");
    }
  }

  private static String read(InputStream in) {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
