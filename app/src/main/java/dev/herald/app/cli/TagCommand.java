package dev.herald.app.cli;

import dev.herald.nlp.ner.TagEntitiesJob;
import dev.herald.nlp.time.TagDatesJob;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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
    @Mixin JsonLinesFiles files;

    @Override
    public Integer call() throws Exception {
      return files.run((in, out) -> TagDatesJob.run(in, out, System.err));
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
    @Mixin JsonLinesFiles files;

    @Override
    public Integer call() throws Exception {
      return files.run((in, out) -> TagEntitiesJob.run(in, out, System.err));
    }
  }
}
