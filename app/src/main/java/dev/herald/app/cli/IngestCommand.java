package dev.herald.app.cli;

import dev.herald.ingest.IngestService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The ingest daemon alone. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = "Poll the feeds and publish raw articles (default cluster 127.0.0.1:9092).")
public final class IngestCommand implements Callable<Integer> {
  @Mixin KafkaOptions kafka = new KafkaOptions();
  @Mixin StageOptions stages = new StageOptions();

  @Option(names = "--once", description = "Poll every feed once, then exit.")
  boolean once;

  @Override
  public Integer call() {
    Map<String, String> env = System.getenv();
    List<String> problems = new ArrayList<>();
    String bootstrap = orLocal(kafka.bootstrapServers(env));
    var resolved =
        stages.resolve(
            bootstrap, KafkaOptions.clientProperties(env, problems), env, true, problems);
    StageOptions.check(problems);
    try (IngestService ingest = new IngestService(resolved.ingest())) {
      if (once) {
        System.out.println(ingest.pollAllOnce());
        return 0;
      }
      Runtime.getRuntime().addShutdownHook(new Thread(ingest::close, "herald-ingest-shutdown"));
      ingest.run();
    }
    return 0;
  }

  static String orLocal(String bootstrap) {
    return bootstrap == null ? "127.0.0.1:9092" : bootstrap;
  }
}
