package dev.herald.app.cli;

import dev.herald.app.broker.EmbeddedKafka;
import dev.herald.app.pipeline.Pipeline;
import dev.herald.enrich.EnrichConfig;
import dev.herald.ingest.IngestConfig;
import dev.herald.ingest.page.PageFetchSettings;
import dev.herald.sink.SinkConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The whole pipeline once, on a fresh embedded broker: ingest the sample feeds, run every stage
 * until idle, print the alerts and write them to {@code out/alerts.jsonl}.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Run every stage on a fresh embedded Kafka broker over the bundled sample feeds, print"
            + " the alerts and write them to out/alerts.jsonl.")
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--feeds",
      paramLabel = "FILE",
      description = "Feed list to use instead of the bundled samples.")
  Path feeds;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Where the alerts go (replaced on each run; default out/alerts.jsonl).")
  Path output = Path.of("out", "alerts.jsonl");

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "Give up when the pipeline is not idle by then (default PT2M).")
  Duration timeout = Duration.ofMinutes(2);

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path feedList = feeds != null ? feeds : Home.sampleFeeds();
    if (!Files.isReadable(feedList)) {
      spec.commandLine().getErr().println("herald demo: feed list not found: " + feedList);
      return 2;
    }
    Path work = Files.createTempDirectory("herald-demo-");
    Files.deleteIfExists(output);
    long started = System.nanoTime();
    try (EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"), 0)) {
      out.printf(
          "Embedded Kafka broker on %s (fresh data in %s)%n", kafka.bootstrapServers(), work);
      out.flush();
      EnrichConfig enrich =
          EnrichConfig.defaults(kafka.bootstrapServers(), work.resolve("streams"));
      SinkConfig sink = new SinkConfig(kafka.bootstrapServers(), "herald-sink", output, Map.of());
      IngestConfig ingest =
          IngestConfig.of(kafka.bootstrapServers(), feedList, Duration.ofMinutes(15), Map.of())
              .withPages(PageFetchSettings.defaults()); // as `herald run`: pages of short items
      try (Pipeline pipeline = Pipeline.start(ingest, enrich, sink)) {
        pipeline.awaitEnrichRunning(timeout);
        var polled = pipeline.ingest().pollAllOnce();
        out.printf("Ingested %s%n", polled);
        out.flush();
        pipeline.drain(timeout);
        var m = pipeline.enrich().metrics();
        out.printf(
            "Enriched %d article(s): %d tagged, %d duplicate(s), %d repeat(s), %d dead letter(s);"
                + " %d alert(s)%n",
            m.articlesIn(), m.tagged(), m.duplicates(), m.repeats(), m.deadLetters(), m.alerts());
      }
    } finally {
      deleteTree(work);
    }
    var alerts = AlertPrinter.latestVersions(output);
    AlertPrinter.print(alerts, out);
    out.printf(
        "%n%d alert(s) written to %s in %.1f s%n",
        alerts.size(), output, (System.nanoTime() - started) / 1e9);
    out.flush();
    return 0;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a temp directory left behind is harmless
    }
  }
}
