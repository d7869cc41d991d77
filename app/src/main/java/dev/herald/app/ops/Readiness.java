package dev.herald.app.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The components of one process and whether each is ready. The process is ready only when every
 * registered component is (the Streams app RUNNING, the consumers assigned, the producers
 * connected).
 */
public final class Readiness {
  private final Map<String, BooleanSupplier> checks = new LinkedHashMap<>();

  public synchronized Readiness register(String component, BooleanSupplier ready) {
    checks.put(component, ready);
    return this;
  }

  /** Components that are not ready now; empty when the process is ready. */
  public synchronized List<String> notReady() {
    List<String> waiting = new ArrayList<>();
    checks.forEach(
        (name, check) -> {
          boolean ok;
          try {
            ok = check.getAsBoolean();
          } catch (RuntimeException e) {
            ok = false;
          }
          if (!ok) {
            waiting.add(name);
          }
        });
    return waiting;
  }

  public synchronized boolean isEmpty() {
    return checks.isEmpty();
  }
}
