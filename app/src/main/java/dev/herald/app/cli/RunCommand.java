package dev.herald.app.cli;

import dev.herald.app.broker.EmbeddedKafka;
import dev.herald.app.ops.HeraldMetrics;
import dev.herald.app.ops.KafkaReadiness;
import dev.herald.app.ops.OpsServer;
import dev.herald.app.ops.Readiness;
import dev.herald.app.pipeline.Pipeline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Every stage as one daemon; starts an embedded broker when no cluster is configured. The feed list
 * is imported into the registry, which ingest then polls.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Run ingest, enrich and sink as one daemon. Without --bootstrap-servers or"
            + " KAFKA_BOOTSTRAP_SERVERS, starts an embedded Kafka broker with data under"
            + " ./data/kafka, kept across restarts. --feeds FILE is imported into the feed"
            + " registry (herald.feeds), which ingest polls; without it, the registry as it is.")
public final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin KafkaOptions kafka = new KafkaOptions();
  @Mixin StageOptions stages = new StageOptions();
  @Mixin OpsOptions ops = new OpsOptions();

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Data directory of the embedded broker (env HERALD_DATA_DIR; default data/kafka).")
  Path dataDir;

  @Option(
      names = "--broker-port",
      paramLabel = "PORT",
      description = "Client port of the embedded broker (default 9092).")
  int brokerPort = 9092;

  @Override
  public Integer call() throws Exception {
    Map<String, String> env = System.getenv();
    List<String> problems = new ArrayList<>();
    String bootstrap = kafka.bootstrapServers(env);
    Map<String, String> clientProps = KafkaOptions.clientProperties(env, problems);
    if (brokerPort < 1 || brokerPort > 65535) {
      problems.add("--broker-port must be 1..65535, not " + brokerPort);
    }
    StageOptions.Stages resolved =
        stages.resolveWithRegistry(
            bootstrap == null ? "127.0.0.1:" + brokerPort : bootstrap, clientProps, env, problems);
    Integer httpPort = ops.resolve(env, problems);
    StageOptions.check(problems);

    EmbeddedKafka embedded = null;
    if (bootstrap == null) {
      Path dir =
          dataDir != null
              ? dataDir
              : Path.of(env.getOrDefault("HERALD_DATA_DIR", Path.of("data", "kafka").toString()));
      embedded = EmbeddedKafka.start(dir, brokerPort);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    try (Pipeline pipeline = Pipeline.start(resolved.ingest(), resolved.enrich(), resolved.sink());
        Admin admin =
            Admin.create(
                Map.<String, Object>copyOf(
                    adminProps(resolved.enrich().bootstrapServers(), clientProps)));
        OpsServer opsServer =
            httpPort == null
                ? null
                : OpsServer.start(
                    httpPort,
                    new HeraldMetrics()
                        .bind(pipeline.enrich())
                        .bind(pipeline.ingest())
                        .bind(pipeline.sink())
                        .registry(),
                    new Readiness()
                        .register("enrich", pipeline.enrich()::isRunning)
                        .register(
                            "sink", KafkaReadiness.groupAssigned(admin, pipeline.sink().groupId()))
                        .register("ingest", KafkaReadiness.clusterReachable(admin)))) {
      if (opsServer != null) {
        spec.commandLine().getErr().printf("Operations endpoints on port %d%n", opsServer.port());
      }
      Thread sinkThread = new Thread(pipeline.sink()::run, "herald-sink");
      Thread ingestThread = new Thread(pipeline.ingest()::run, "herald-ingest");
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    pipeline.ingest().close();
                    pipeline.sink().close();
                    try {
                      stopped.await();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  },
                  "herald-shutdown"));
      sinkThread.start();
      ingestThread.start();
      spec.commandLine()
          .getErr()
          .printf("Herald running against %s%n", resolved.enrich().bootstrapServers());
      ingestThread.join();
      sinkThread.join(Duration.ofSeconds(30).toMillis());
    } finally {
      if (embedded != null) {
        embedded.close();
      }
      stopped.countDown();
    }
    return 0;
  }

  static Map<String, String> adminProps(String bootstrap, Map<String, String> clientProps) {
    Map<String, String> p = new HashMap<>(clientProps);
    p.put("bootstrap.servers", bootstrap);
    return p;
  }
}
