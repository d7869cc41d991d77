package dev.herald.app.cli;

import dev.herald.ingest.cli.FeedsParseJob;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Feed tools. */
@Command(
    name = "feeds",
    mixinStandardHelpOptions = true,
    description = "Feed tools.",
    subcommands = {FeedsCommand.Parse.class})
public final class FeedsCommand {

  /** {@code herald feeds parse}: Herald's feed parser over local files, one line per file. */
  @Command(
      name = "parse",
      mixinStandardHelpOptions = true,
      description =
          "Parse feed files as ingest does. One output line per input file, in order:"
              + " {\"file\",\"ok\",\"error\",\"feed_title\",\"items\":[{\"id\",\"title\",\"link\",\"published\"}]}."
              + " Never stops on a bad file.")
  static final class Parse implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Feed files.")
    List<String> files;

    @Option(
        names = "--output",
        required = true,
        paramLabel = "F.jsonl",
        description = "Output file ('-' for stdout).")
    Path output;

    @Override
    public Integer call() throws Exception {
      try (Writer out = TagCommand.JsonLinesIo.writer(output)) {
        new FeedsParseJob().run(files, out, System.err);
      }
      return 0;
    }
  }
}
