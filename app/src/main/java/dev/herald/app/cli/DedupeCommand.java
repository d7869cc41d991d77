package dev.herald.app.cli;

import dev.herald.nlp.dedupe.DedupeJob;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code herald dedupe}: the topology's duplicate decisions over a JSON Lines file. */
@Command(
    name = "dedupe",
    mixinStandardHelpOptions = true,
    description =
        "Decide duplicates as the enrich topology does. Input lines"
            + " {\"id\",\"published\",\"title\",\"text\"} in publication order; output lines"
            + " {\"id\",\"duplicate_of\"}.")
public final class DedupeCommand implements Callable<Integer> {
  @Mixin JsonLinesFiles files;

  @Override
  public Integer call() throws Exception {
    return files.run((in, out) -> new DedupeJob().run(in, out, System.err));
  }
}
