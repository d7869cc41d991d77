package dev.herald.app.cli;

import dev.herald.app.ops.HeraldMetrics;
import dev.herald.app.ops.KafkaReadiness;
import dev.herald.app.ops.OpsServer;
import dev.herald.app.ops.Readiness;
import dev.herald.sink.AlertSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
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
  @Mixin OpsOptions ops = new OpsOptions();

  @Override
  public Integer call() {
    Map<String, String> env = System.getenv();
    List<String> problems = new ArrayList<>();
    String bootstrap = IngestCommand.orLocal(kafka.bootstrapServers(env));
    Map<String, String> clientProps = KafkaOptions.clientProperties(env, problems);
    var resolved = stages.resolve(bootstrap, clientProps, env, false, problems);
    Integer httpPort = ops.resolve(env, problems);
    StageOptions.check(problems);
    try (AlertSink sink = new AlertSink(resolved.sink());
        Admin admin =
            Admin.create(
                Map.<String, Object>copyOf(RunCommand.adminProps(bootstrap, clientProps)));
        OpsServer server =
            httpPort == null
                ? null
                : OpsServer.start(
                    httpPort,
                    new HeraldMetrics().bind(sink).registry(),
                    new Readiness()
                        .register("sink", KafkaReadiness.groupAssigned(admin, sink.groupId())))) {
      Runtime.getRuntime().addShutdownHook(new Thread(sink::close, "herald-sink-shutdown"));
      sink.run();
    }
    return 0;
  }
}
