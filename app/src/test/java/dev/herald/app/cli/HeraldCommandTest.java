package dev.herald.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HeraldCommandTest {

  @Test
  void shouldReportEveryConfigurationProblemAtOnceAndExitNonZeroBeforeStarting() {
    // Given a command line with four wrong values
    CommandLine cl = HeraldCommand.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));

    // When
    int exit =
        cl.execute(
            "run",
            "--bootstrap-servers",
            "127.0.0.1:1",
            "--feeds",
            "/no/such/feeds.txt",
            "--poll-interval",
            "often",
            "--dedupe-retention",
            "-P1D",
            "--processing-guarantee",
            "maybe");

    // Then all four are listed and the exit status is 2
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains("/no/such/feeds.txt")
        .contains("poll interval")
        .contains("dedupe retention")
        .contains("maybe");
  }

  @Test
  void shouldRejectAnUnknownFlagWithUsage() {
    // Given
    CommandLine cl = HeraldCommand.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));

    // When
    int exit = cl.execute("demo", "--no-such-flag");

    // Then
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--no-such-flag");
  }

  @Test
  void shouldPrintTheResolvedConfigurationWithSecretsMasked() {
    // Given
    CommandLine cl = HeraldCommand.commandLine();
    java.io.StringWriter out = new java.io.StringWriter();
    cl.setOut(new PrintWriter(out));

    // When
    int exit =
        cl.execute(
            "config",
            "check",
            "--no-feeds",
            "--bootstrap-servers",
            "b1:9092",
            "--http-port",
            "8081");

    // Then
    assertThat(exit).isZero();
    assertThat(out.toString()).contains("Configuration OK").contains("b1:9092").contains("8081");
  }

  @Test
  void shouldListEveryProblemWhenCheckingABadConfiguration() {
    // Given
    CommandLine cl = HeraldCommand.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));

    // When
    int exit = cl.execute("config", "check", "--http-port", "70000", "--poll-interval", "soon");

    // Then
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains("HTTP port")
        .contains("poll interval")
        .contains("feed list");
  }

  @Test
  void shouldShowTheArticlePageSettingsAndUserAgentInTheResolvedConfiguration() {
    // Given
    CommandLine cl = HeraldCommand.commandLine();
    java.io.StringWriter out = new java.io.StringWriter();
    cl.setOut(new PrintWriter(out));

    // When
    int exit = cl.execute("config", "check", "--feeds", "../samples/feeds.txt");

    // Then (page fetching is on by default in the daemons)
    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("article pages")
        .contains("items under 600 chars")
        .contains("user agent");
  }

  @Test
  void shouldMeasureTheEntityTaggersThroughputInArticlesAndTokensPerCpuSecond() {
    // Given the entity-tagging evaluation asked for a benchmark of three articles, and of none
    // When it runs
    Printed run = runPrinting("eval", "ner", "--bench", "3");
    int none = HeraldCommand.commandLine().execute("eval", "ner", "--bench", "0");

    // Then it prints the load time and both rates, and refuses an empty benchmark
    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("model load")
        .contains("3 articles")
        .contains("articles/CPU-s")
        .contains("tokens/CPU-s");
    assertThat(none).isEqualTo(2);
  }

  @Test
  void shouldMeasureTheDedupeStageAgainstAPassthroughOnOneBroker() {
    // Given the dedupe evaluation asked for a benchmark of 300 articles in one round, and of too
    // few articles
    // When it runs
    Printed run = runPrinting("eval", "dedupe", "--bench", "300", "--rounds", "1");
    int none = HeraldCommand.commandLine().execute("eval", "dedupe", "--bench", "0");

    // Then every stage ran over the same records and the comparison is printed, and an empty
    // benchmark is refused
    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("round 1 passthrough")
        .contains("round 1 fingerprint+entry")
        .contains("round 1 dedupe")
        .contains("dedupe keeps")
        .contains("of passthrough throughput");
    assertThat(none).isEqualTo(2);
  }

  /** A command's exit code and what it printed on System.out. */
  private record Printed(int exit, String out) {}

  /** Runs a command with System.out captured (commands that print through System.out). */
  private static Printed runPrinting(String... args) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.PrintStream before = System.out;
    try {
      System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
      int exit = HeraldCommand.commandLine().execute(args);
      return new Printed(exit, out.toString(java.nio.charset.StandardCharsets.UTF_8));
    } finally {
      System.setOut(before);
    }
  }
}
