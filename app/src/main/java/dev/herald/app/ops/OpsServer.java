package dev.herald.app.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * The operations endpoints of one Herald process: {@code /metrics} (Prometheus text format), {@code
 * /health/live} (the process answers) and {@code /health/ready} (every component ready).
 */
public final class OpsServer implements AutoCloseable {
  private final HttpServer server;

  private OpsServer(HttpServer server) {
    this.server = server;
  }

  /** Starts serving on {@code port} (0 picks a free one) on all interfaces. */
  public static OpsServer start(int port, PrometheusMeterRegistry registry, Readiness readiness) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
      server.createContext(
          "/metrics",
          ex -> respond(ex, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
      server.createContext(
          "/health/live", ex -> respond(ex, 200, "application/json", "{\"status\":\"UP\"}"));
      server.createContext(
          "/health/ready",
          ex -> {
            List<String> waiting = readiness.notReady();
            if (waiting.isEmpty()) {
              respond(ex, 200, "application/json", "{\"status\":\"UP\"}");
            } else {
              respond(
                  ex,
                  503,
                  "application/json",
                  "{\"status\":\"DOWN\",\"waiting\":[\"" + String.join("\",\"", waiting) + "\"]}");
            }
          });
      server.setExecutor(Executors.newSingleThreadExecutor(r -> daemon(r, "herald-ops-http")));
      server.start();
      return new OpsServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serve the operations endpoints on port " + port, e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void respond(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
