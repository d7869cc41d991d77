package dev.herald.app.cli;

import dev.herald.app.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code herald} command. */
@Command(
    name = "herald",
    mixinStandardHelpOptions = true,
    version = "Herald 0.1.0",
    description = "News feeds in, schedule-change alerts out, on Apache Kafka.",
    subcommands = {
      DemoCommand.class,
      RunCommand.class,
      BrokerCommand.class,
      IngestCommand.class,
      EnrichCommand.class,
      SinkCommand.class,
      TagCommand.class,
      DedupeCommand.class,
      ConfigCommand.class,
      FeedsCommand.class,
      ExtractCommand.class,
      TrainCommand.class,
      ReplayCommand.class,
      EvalCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class HeraldCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command.");
  }

  /** The command line with Herald's error handling: configuration problems exit 2, listed. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new HeraldCommand());
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof ConfigException ce) {
            commandLine.getErr().println(ce.getMessage());
            return 2;
          }
          commandLine.getErr().println("herald: " + ex);
          ex.printStackTrace(commandLine.getErr());
          return 1;
        });
    return cl;
  }
}
