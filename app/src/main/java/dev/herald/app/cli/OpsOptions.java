package dev.herald.app.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The operations HTTP port: {@code --http-port} or {@code HERALD_HTTP_PORT}; none when unset. */
final class OpsOptions {
  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      description =
          "Serve /metrics, /health/live and /health/ready on this port (env HERALD_HTTP_PORT;"
              + " 0 picks a free port; unset: no HTTP server).")
  Integer httpPort;

  /** The port to serve on, or null for none; problems are collected, not thrown. */
  Integer resolve(Map<String, String> env, List<String> problems) {
    Integer port = httpPort;
    if (port == null) {
      String v = env.get("HERALD_HTTP_PORT");
      if (v == null || v.isBlank()) {
        return null;
      }
      try {
        port = Integer.parseInt(v.trim());
      } catch (NumberFormatException e) {
        problems.add("HERALD_HTTP_PORT is not a port number: " + v);
        return null;
      }
    }
    if (port < 0 || port > 65535) {
      problems.add("HTTP port must be 0..65535, not " + port);
      return null;
    }
    return port;
  }
}
