package dev.herald.app;

import dev.herald.app.cli.HeraldCommand;

/** Entry point of the {@code herald} command. */
public final class Herald {
  private Herald() {}

  public static void main(String[] args) {
    System.exit(HeraldCommand.commandLine().execute(args));
  }
}
