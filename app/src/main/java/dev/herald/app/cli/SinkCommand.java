package dev.herald.app.cli;

import dev.herald.sink.AlertSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The alert sink alone. */
@Command(
    name = "sink",
    mixinStandardHelpOptions = true,
    description = "Append alerts to a JSON Lines file (default cluster 127.0.0.1:9092).")
public final class SinkCommand implements Callable<Integer> {
  @Mixin KafkaOptions kafka = new KafkaOptions();
  @Mixin StageOptions stages = new StageOptions();

  @Override
  public Integer call() {
    Map<String, String> env = System.getenv();
    List<String> problems = new ArrayList<>();
    String bootstrap = IngestCommand.orLocal(kafka.bootstrapServers(env));
    var resolved =
        stages.resolve(
            bootstrap, KafkaOptions.clientProperties(env, problems), env, false, problems);
    StageOptions.check(problems);
    try (AlertSink sink = new AlertSink(resolved.sink())) {
      Runtime.getRuntime().addShutdownHook(new Thread(sink::close, "herald-sink-shutdown"));
      sink.run();
    }
    return 0;
  }
}
