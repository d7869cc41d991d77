package dev.herald.app.cli;

import dev.herald.nlp.ner.TagEntitiesJob;
import dev.herald.nlp.time.TagDatesJob;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Tagging tools over JSON Lines files. */
@Command(
    name = "tag",
    mixinStandardHelpOptions = true,
    description = "Tag texts in JSON Lines files.",
    subcommands = {TagCommand.Dates.class, TagCommand.Entities.class})
public final class TagCommand {

  /** {@code herald tag dates}: TIMEX3 expressions anchored on each line's dct. */
  @Command(
      name = "dates",
      mixinStandardHelpOptions = true,
      description =
          "Tag TIMEX3 dates. Input lines {\"id\",\"dct\",\"text\"}; output lines"
              + " {\"id\",\"timexes\":[{\"start\",\"end\",\"text\",\"type\",\"value\",\"mod\"}]}.")
  static final class Dates implements Callable<Integer> {
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

    @Override
    public Integer call() throws Exception {
      try (Reader in = JsonLinesIo.reader(input);
          Writer out = JsonLinesIo.writer(output)) {
        TagDatesJob.run(in, out, System.err);
      }
      return 0;
    }
  }

  /** {@code herald tag entities}: people, organisations, places, events and canonical ids. */
  @Command(
      name = "entities",
      mixinStandardHelpOptions = true,
      description =
          "Tag named entities. Input lines {\"id\",\"text\"}; output lines"
              + " {\"id\",\"lang\",\"entities\":[{\"start\",\"end\",\"text\",\"type\",\"id\"}]}.")
  static final class Entities implements Callable<Integer> {
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

    @Override
    public Integer call() throws Exception {
      try (Reader in = JsonLinesIo.reader(input);
          Writer out = JsonLinesIo.writer(output)) {
        TagEntitiesJob.run(in, out, System.err);
      }
      return 0;
    }
  }

  /** Opens the files of the JSON Lines tools, with '-' for the standard streams. */
  static final class JsonLinesIo {
    private JsonLinesIo() {}

    static Reader reader(Path p) throws java.io.IOException {
      if (p.toString().equals("-")) {
        return new BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8));
      }
      return Files.newBufferedReader(p, StandardCharsets.UTF_8);
    }

    static Writer writer(Path p) throws java.io.IOException {
      if (p.toString().equals("-")) {
        return new BufferedWriter(
            new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8));
      }
      if (p.toAbsolutePath().getParent() != null) {
        Files.createDirectories(p.toAbsolutePath().getParent());
      }
      return Files.newBufferedWriter(p, StandardCharsets.UTF_8);
    }
  }
}
