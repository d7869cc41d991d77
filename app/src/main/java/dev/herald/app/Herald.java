package dev.herald.app;

import dev.herald.app.cli.HeraldCommand;
import dev.herald.ingest.fetch.CommonPool;

/** Entry point of the {@code herald} command. */
public final class Herald {
  private Herald() {}

  public static void main(String[] args) {
    // First: ingest's HTTP client would otherwise start a thread per fetch on small machines.
    CommonPool.avoidThreadPerTask();
    // Chosen before the first logger is created: JSON lines for log shippers on request.
    if ("json".equalsIgnoreCase(System.getenv("HERALD_LOG_FORMAT"))
        && System.getProperty("log4j2.configurationFile") == null) {
      System.setProperty("log4j2.configurationFile", "log4j2-json.xml");
    }
    System.exit(HeraldCommand.commandLine().execute(args));
  }
}
