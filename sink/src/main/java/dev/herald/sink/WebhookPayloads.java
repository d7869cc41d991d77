package dev.herald.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.avro.Evidence;
import dev.herald.avro.ScheduleChangeAlert;
import dev.herald.avro.TimeValue;
import dev.herald.schemas.AvroJson;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** The request bodies of the webhook formats. */
final class WebhookPayloads {

  /** Slack allows at most 150 characters in a header and 10 elements in a context block. */
  private static final int HEADER_MAX = 150;

  private static final int LINKS_MAX = 10;
  private static final int SECTION_MAX = 3000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private WebhookPayloads() {}

  /** The generic body: the alert's plain JSON, as the JSON Lines file has it. */
  static String json(ScheduleChangeAlert alert) {
    return AvroJson.toPlainJson(alert);
  }

  /**
   * A Slack incoming-webhook message: {@code text} (notifications and clients without blocks), a
   * header, the summary with the old and new time, certainty and sources, and links to the evidence
   * articles.
   */
  static String slack(ScheduleChangeAlert alert) {
    ObjectNode message = JSON.createObjectNode();
    String kind = word(alert.getKind().name());
    String event =
        alert.getEventName()
            + (alert.getLocation() == null ? "" : " (" + alert.getLocation() + ")");
    message.put(
        "text",
        kind
            + ": "
            + event
            + ": "
            + time(alert.getPrevious())
            + " → "
            + (alert.getCurrent() == null ? "no new date" : time(alert.getCurrent())));
    ArrayNode blocks = message.putArray("blocks");
    ObjectNode header = blocks.addObject().put("type", "header");
    header
        .putObject("text")
        .put("type", "plain_text")
        .put("text", cut(kind + ": " + event, HEADER_MAX));
    String details =
        escape(alert.getSummary())
            + "\n*Was:* "
            + escape(time(alert.getPrevious()))
            + "   *Now:* "
            + (alert.getCurrent() == null ? "no new date" : escape(time(alert.getCurrent())))
            + "\n*Certainty:* "
            + alert.getCertainty().name()
            + " · confidence "
            + String.format(Locale.ROOT, "%.2f", alert.getConfidence())
            + " · "
            + alert.getSourceCount()
            + (alert.getSourceCount() == 1 ? " source" : " sources");
    ObjectNode section = blocks.addObject().put("type", "section");
    section.putObject("text").put("type", "mrkdwn").put("text", cut(details, SECTION_MAX));
    ArrayNode links = JSON.createArrayNode();
    Set<String> seen = new LinkedHashSet<>();
    for (Evidence e : alert.getEvidence()) {
      if (e.getUrl() == null || !seen.add(e.getUrl()) || links.size() == LINKS_MAX) {
        continue;
      }
      String label = e.getTitle() != null ? e.getTitle() : e.getUrl();
      String source = e.getSource() == null ? "" : " · " + escape(e.getSource());
      links
          .addObject()
          .put("type", "mrkdwn")
          .put("text", "<" + linkTarget(e.getUrl()) + "|" + escape(cut(label, 200)) + ">" + source);
    }
    if (!links.isEmpty()) {
      blocks.addObject().put("type", "context").set("elements", links);
    }
    return message.toString();
  }

  /** "mid-November (2017-11)": the phrase and the normalised value. */
  private static String time(TimeValue t) {
    return t.getText().equals(t.getValue()) ? t.getText() : t.getText() + " (" + t.getValue() + ")";
  }

  private static String word(String symbol) {
    return symbol.charAt(0) + symbol.substring(1).toLowerCase(Locale.ROOT);
  }

  /** Slack's mrkdwn control characters: &amp;, &lt; and &gt; must be escaped. */
  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** A URL inside {@code <url|label>}: the separators must not appear raw. */
  private static String linkTarget(String url) {
    return url.replace("|", "%7C").replace(">", "%3E").replace("<", "%3C");
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
