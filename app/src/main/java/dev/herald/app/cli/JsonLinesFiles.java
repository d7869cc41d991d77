package dev.herald.app.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --input F.jsonl --output G.jsonl} pair of the JSON Lines tools (a picocli mixin), with
 * '-' for the standard streams, and the opening of those files for the other commands.
 */
final class JsonLinesFiles {

  /** A tool that reads JSON Lines and writes JSON Lines, progress on stderr. */
  @FunctionalInterface
  interface Job {
    void run(Reader in, Writer out) throws Exception;
  }

  @Option(
      names = "--input",
      required = true,
      paramLabel = "F.jsonl",
      description = "Input file ('-' for stdin).")
  Path input;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "G.jsonl",
      description = "Output file ('-' for stdout).")
  Path output;

  /** Runs {@code job} from the input to the output file; exit code 0. */
  int run(Job job) throws Exception {
    try (Reader in = reader(input);
        Writer out = writer(output)) {
      job.run(in, out);
    }
    return 0;
  }

  static Reader reader(Path p) throws IOException {
    if (p.toString().equals("-")) {
      return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }
    return Files.newBufferedReader(p, StandardCharsets.UTF_8);
  }

  static Writer writer(Path p) throws IOException {
    if (p.toString().equals("-")) {
      return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    }
    if (p.toAbsolutePath().getParent() != null) {
      Files.createDirectories(p.toAbsolutePath().getParent());
    }
    return Files.newBufferedWriter(p, StandardCharsets.UTF_8);
  }
}
