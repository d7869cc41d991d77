package dev.herald.app.cli;

import dev.herald.nlp.ner.TrainNerJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Model training. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Train Herald's models.",
    subcommands = {TrainCommand.Ner.class})
public final class TrainCommand {

  /** {@code herald train ner}: the name-finder model, reproducibly, from the NER corpora. */
  @Command(
      name = "ner",
      mixinStandardHelpOptions = true,
      description =
          "Train the name-finder model from CoNLL-2003 train+valid (and what MODEL.md lists).")
  static final class Ner implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--data",
        paramLabel = "DIR",
        description = "NER corpora (default ../shared/data/ner).")
    Path data = Home.dir().resolve("../shared/data/ner").normalize();

    @Option(
        names = "--output",
        required = true,
        paramLabel = "FILE",
        description = "Where the model is written.")
    Path output;

    @Option(
        names = "--cluster-text",
        paramLabel = "PATH",
        description =
            "Unlabelled text the word classes and usual-case dictionary also learn from;"
                + " repeatable: a Reuters-21578 directory (reut2-*.sgm) or files/directories of"
                + " .tml, .xml (CAT/NAF tokens), .json (articleBody) or .txt (MODEL.md names the"
                + " shipped model's setting).")
    List<Path> clusterText = new ArrayList<>();

    @Option(
        names = "--glove",
        paramLabel = "FILE",
        description =
            "Word vectors in GloVe's text format (scripts/fetch-glove.sh writes them): adds word"
                + " classes learnt from them as features (MODEL.md, \"GloVe word classes\").")
    Path glove;

    @Override
    public Integer call() throws Exception {
      if (!Files.isDirectory(data)) {
        spec.commandLine().getErr().println("herald train ner: no corpora at " + data);
        return 2;
      }
      for (Path p : clusterText) {
        if (!Files.exists(p)) {
          spec.commandLine().getErr().println("herald train ner: no text at " + p);
          return 2;
        }
      }
      if (glove != null && !Files.isRegularFile(glove)) {
        spec.commandLine().getErr().println("herald train ner: no vectors at " + glove);
        return 2;
      }
      TrainNerJob.run(data, clusterText, glove, output, System.err);
      return 0;
    }
  }
}
