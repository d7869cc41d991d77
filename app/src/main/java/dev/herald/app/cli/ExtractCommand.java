package dev.herald.app.cli;

import dev.herald.extract.ArticleExtractor;
import dev.herald.extract.ExtractJob;
import dev.herald.extract.ExtractorSettings;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code herald extract}: main text and metadata of local article pages. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description =
        "Extract the article from local HTML files (plain or .html.gz). One output line per file,"
            + " in order: {\"file\",\"ok\",\"error\",\"title\",\"body\",\"published\",\"lang\"}."
            + " Never stops on a bad file.")
public final class ExtractCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "HTML files.")
  List<String> files;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "F.jsonl",
      description = "Output file ('-' for stdout).")
  Path output;

  @Override
  public Integer call() throws Exception {
    ExtractorSettings settings = ExtractorSettings.defaults();
    try (Writer out = JsonLinesFiles.writer(output)) {
      new ExtractJob(new ArticleExtractor(settings), settings).run(files, out, System.err);
    }
    return 0;
  }
}
