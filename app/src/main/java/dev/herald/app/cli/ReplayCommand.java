package dev.herald.app.cli;

import dev.herald.avro.RawArticle;
import dev.herald.sink.replay.ReplayJob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.Producer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code herald replay}: backfill archived feeds or JSON Lines of articles into the raw topic. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description =
        "Load archived feeds (RSS/Atom/JSON Feed, .gz too) or JSON Lines of articles"
            + " {\"id\"?,\"url\",\"title\",\"text\",\"published\",\"source\"?} into"
            + " herald.articles.raw with their original timestamps, with progress on stderr"
            + " (default cluster 127.0.0.1:9092).")
public final class ReplayCommand implements Callable<Integer> {
  @Mixin KafkaOptions kafka = new KafkaOptions();

  @Parameters(arity = "1..*", paramLabel = "DIR|FILE", description = "Folders or files to replay.")
  List<Path> inputs;

  @Override
  public Integer call() throws Exception {
    Map<String, String> env = System.getenv();
    List<String> problems = new ArrayList<>();
    String bootstrap = IngestCommand.orLocal(kafka.bootstrapServers(env));
    Map<String, String> clientProps = KafkaOptions.clientProperties(env, problems);
    StageOptions.check(problems);
    try (Producer<String, RawArticle> producer =
        ReplayJob.producer(bootstrap, new HashMap<>(clientProps))) {
      System.err.println(new ReplayJob().run(inputs, producer, System.err));
    }
    return 0;
  }
}
