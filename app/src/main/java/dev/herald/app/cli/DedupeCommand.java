package dev.herald.app.cli;

import dev.herald.nlp.dedupe.DedupeJob;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code herald dedupe}: the topology's duplicate decisions over a JSON Lines file. */
@Command(
    name = "dedupe",
    mixinStandardHelpOptions = true,
    description =
        "Decide duplicates as the enrich topology does. Input lines"
            + " {\"id\",\"published\",\"title\",\"text\"} in publication order; output lines"
            + " {\"id\",\"duplicate_of\"}.")
public final class DedupeCommand implements Callable<Integer> {
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
    try (Reader in = TagCommand.JsonLinesIo.reader(input);
        Writer out = TagCommand.JsonLinesIo.writer(output)) {
      new DedupeJob().run(in, out, System.err);
    }
    return 0;
  }
}
