package dev.herald.app.cli;

import dev.herald.app.config.KafkaEnv;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code herald config check}: validates a configuration without starting anything. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Configuration tools.",
    subcommands = {ConfigCommand.Check.class})
public final class ConfigCommand {

  /** Prints every problem at once (exit 2), or the resolved configuration (exit 0). */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description =
          "Validate flags and environment as the daemons would; print every problem at once,"
              + " or the resolved configuration with secrets masked.")
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin KafkaOptions kafka = new KafkaOptions();
    @Mixin StageOptions stages = new StageOptions();
    @Mixin OpsOptions ops = new OpsOptions();

    @Option(
        names = "--no-feeds",
        description = "Do not require a feed list (enrich and sink only).")
    boolean noFeeds;

    @Override
    public Integer call() {
      return check(System.getenv());
    }

    int check(Map<String, String> env) {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      List<String> problems = new ArrayList<>();
      String bootstrap = kafka.bootstrapServers(env);
      Map<String, String> clientProps = KafkaOptions.clientProperties(env, problems);
      var resolved =
          stages.resolve(
              bootstrap == null ? "(embedded broker)" : bootstrap,
              clientProps,
              env,
              !noFeeds,
              problems);
      Integer port = ops.resolve(env, problems);
      if (!problems.isEmpty()) {
        err.println("Invalid configuration:");
        problems.forEach(p -> err.println("  - " + p));
        err.flush();
        return 2;
      }
      Map<String, String> table = new TreeMap<>();
      table.put("bootstrap servers", bootstrap == null ? "(embedded broker for run)" : bootstrap);
      if (resolved.ingest() != null) {
        table.put("feeds", String.valueOf(resolved.ingest().feedList()));
        table.put("poll interval", String.valueOf(resolved.ingest().interval()));
        table.put("user agent", resolved.ingest().userAgent());
        table.put("article pages", resolved.ingest().pages().summary());
      }
      table.put("alerts file", String.valueOf(resolved.sink().alertsFile()));
      table.put("state dir", String.valueOf(resolved.enrich().stateDir()));
      table.put("processing guarantee", resolved.enrich().processingGuarantee());
      table.put("dedupe retention", String.valueOf(resolved.enrich().dedupeRetention()));
      table.put("http port", port == null ? "(none)" : String.valueOf(port));
      clientProps.forEach((k, v) -> table.put("kafka " + k, KafkaEnv.isSecret(k) ? "******" : v));
      out.println("Configuration OK:");
      table.forEach((k, v) -> out.printf("  %-28s %s%n", k, v));
      out.flush();
      return 0;
    }
  }
}
