package dev.herald.app.cli;

import dev.herald.app.broker.EmbeddedKafka;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The embedded single-node KRaft broker alone, until interrupted. */
@Command(
    name = "broker",
    mixinStandardHelpOptions = true,
    description =
        "Run the embedded single-node Kafka broker alone (KRaft, data kept across restarts).")
public final class BrokerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "Client port on 127.0.0.1 (default 9092).")
  int port = 9092;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Data directory (default data/kafka).")
  Path dataDir = Path.of("data", "kafka");

  @Override
  public Integer call() throws Exception {
    if (port < 1 || port > 65535) {
      spec.commandLine()
          .getErr()
          .println("Invalid configuration:\n  - --port must be 1..65535, not " + port);
      return 2;
    }
    CountDownLatch done = new CountDownLatch(1);
    EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, port);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  kafka.close();
                  done.countDown();
                },
                "herald-broker-shutdown"));
    spec.commandLine()
        .getOut()
        .printf("Kafka broker listening on %s (data in %s)%n", kafka.bootstrapServers(), dataDir);
    spec.commandLine().getOut().flush();
    done.await();
    return 0;
  }
}
