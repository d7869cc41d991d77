package dev.herald.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints the alerts of a JSON Lines file for people: the latest version of each alert id. */
final class AlertPrinter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AlertPrinter() {}

  static List<JsonNode> latestVersions(Path alertsFile) throws IOException {
    Map<String, JsonNode> latest = new LinkedHashMap<>();
    if (Files.exists(alertsFile)) {
      for (String line : Files.readAllLines(alertsFile)) {
        if (!line.isBlank()) {
          JsonNode n = JSON.readTree(line);
          latest.put(n.path("alertId").asText(), n);
        }
      }
    }
    return new ArrayList<>(latest.values());
  }

  static void print(List<JsonNode> alerts, PrintWriter out) {
    for (JsonNode a : alerts) {
      out.printf(
          "%n%s  %s%s%n",
          a.path("kind").asText(),
          a.path("eventName").asText(),
          a.path("location").isNull() ? "" : " (" + a.path("location").asText() + ")");
      out.printf("  %s%n", a.path("summary").asText());
      out.printf("  previous: %s%n", when(a.path("previous")));
      out.printf("  current:  %s%n", when(a.path("current")));
      out.printf(
          "  certainty %s, confidence %.2f, %d source(s)%n",
          a.path("certainty").asText(),
          a.path("confidence").asDouble(),
          a.path("sourceCount").asInt());
      if (a.path("aliases").size() > 0) {
        List<String> aliases = new ArrayList<>();
        a.path("aliases").forEach(x -> aliases.add(x.asText()));
        out.printf("  also called: %s%n", String.join("; ", aliases));
      }
      out.println("  evidence:");
      for (JsonNode e : a.path("evidence")) {
        out.printf("    - \"%s\"%n", e.path("sentence").asText());
        out.printf(
            "      %s | %s | %s%n",
            e.path("title").asText(""), e.path("publishedAt").asText(""), e.path("url").asText(""));
      }
      out.printf("  alert id %s%n", a.path("alertId").asText());
    }
    out.flush();
  }

  private static String when(JsonNode w) {
    if (w == null || w.isNull() || w.isMissingNode()) {
      return "(none)";
    }
    String mod = w.path("mod").isNull() ? "" : " " + w.path("mod").asText();
    return w.path("value").asText() + mod + "  \"" + w.path("text").asText() + "\"";
  }
}
