package dev.herald.app.cli;

import dev.herald.app.ops.HeraldMetrics;
import dev.herald.app.ops.KafkaReadiness;
import dev.herald.app.ops.OpsServer;
import dev.herald.app.ops.Readiness;
import dev.herald.ingest.IngestService;
import dev.herald.ingest.registry.RegistryFeedSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The ingest daemon alone: imports {@code --feeds} (when given) into the feed registry, then polls
 * its share of the registry. Every instance of one group shares the registry's partitions.
 */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description =
        "Poll the feeds of the registry (herald.feeds) and publish raw articles (default cluster"
            + " 127.0.0.1:9092). --feeds FILE is imported into the registry first (feeds not"
            + " registered yet are added). Instances of one --group share the feeds.")
public final class IngestCommand implements Callable<Integer> {
  @Mixin KafkaOptions kafka = new KafkaOptions();
  @Mixin StageOptions stages = new StageOptions();
  @Mixin OpsOptions ops = new OpsOptions();

  @Option(
      names = "--once",
      description = "Poll every feed of this instance's share once, then exit.")
  boolean once;

  @Option(
      names = "--group",
      paramLabel = "ID",
      description =
          "Consumer group the ingest instances share the registry in (env HERALD_INGEST_GROUP;"
              + " default "
              + RegistryFeedSource.DEFAULT_GROUP
              + ").")
  String group;

  @Override
  public Integer call() {
    Map<String, String> env = System.getenv();
    List<String> problems = new ArrayList<>();
    String bootstrap = orLocal(kafka.bootstrapServers(env));
    Map<String, String> clientProps = KafkaOptions.clientProperties(env, problems);
    var resolved = stages.resolveWithRegistry(bootstrap, clientProps, env, problems);
    Integer httpPort = ops.resolve(env, problems);
    String groupId = group != null ? group : env.get("HERALD_INGEST_GROUP");
    if (groupId == null || groupId.isBlank()) {
      groupId = RegistryFeedSource.DEFAULT_GROUP;
    }
    StageOptions.check(problems);
    try (IngestService ingest = IngestService.withRegistry(resolved.ingest(), groupId.strip());
        Admin admin =
            Admin.create(
                Map.<String, Object>copyOf(RunCommand.adminProps(bootstrap, clientProps)));
        OpsServer server =
            httpPort == null
                ? null
                : OpsServer.start(
                    httpPort,
                    new HeraldMetrics().bind(ingest).registry(),
                    new Readiness().register("ingest", KafkaReadiness.clusterReachable(admin)))) {
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
