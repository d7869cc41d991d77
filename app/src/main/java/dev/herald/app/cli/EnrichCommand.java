package dev.herald.app.cli;

import dev.herald.app.ops.HeraldMetrics;
import dev.herald.app.ops.OpsServer;
import dev.herald.app.ops.Readiness;
import dev.herald.enrich.EnrichService;
import dev.herald.nlp.schedule.ScheduleDetector;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The enrich Kafka Streams application alone. */
@Command(
    name = "enrich",
    mixinStandardHelpOptions = true,
    description =
        "Run the enrich topology: dedupe, tagging, schedule tracking (default cluster"
            + " 127.0.0.1:9092).")
public final class EnrichCommand implements Callable<Integer> {
  @Mixin KafkaOptions kafka = new KafkaOptions();
  @Mixin StageOptions stages = new StageOptions();
  @Mixin OpsOptions ops = new OpsOptions();

  @Override
  public Integer call() throws InterruptedException {
    Map<String, String> env = System.getenv();
    List<String> problems = new ArrayList<>();
    String bootstrap = IngestCommand.orLocal(kafka.bootstrapServers(env));
    var resolved =
        stages.resolve(
            bootstrap, KafkaOptions.clientProperties(env, problems), env, false, problems);
    Integer httpPort = ops.resolve(env, problems);
    StageOptions.check(problems);
    CountDownLatch done = new CountDownLatch(1);
    EnrichService service =
        new EnrichService(resolved.enrich(), ScheduleDetector.standard(), Clock.systemUTC());
    OpsServer server =
        httpPort == null
            ? null
            : OpsServer.start(
                httpPort,
                new HeraldMetrics().bind(service).registry(),
                new Readiness().register("enrich", service::isRunning));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  service.close();
                  if (server != null) {
                    server.close();
                  }
                  done.countDown();
                },
                "herald-enrich-shutdown"));
    service.start();
    done.await();
    return 0;
  }
}
