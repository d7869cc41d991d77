package dev.herald.nlp.schedule.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.nlp.schedule.Alert;
import dev.herald.nlp.schedule.ArticleAnalysis;
import dev.herald.nlp.schedule.ArticleInput;
import dev.herald.nlp.schedule.Claim;
import dev.herald.nlp.schedule.ScheduleDetector;
import dev.herald.nlp.schedule.ScheduleTimeline;
import dev.herald.nlp.schedule.TimelineClaim;
import dev.herald.nlp.schedule.When;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code herald eval schedule}: runs each case (one article per JSON line: {@code id}, {@code
 * published}, {@code text}, optional {@code label}) through the detector and a fresh timeline,
 * writes one prediction line per case in input order, and prints precision, recall and F1 of {@code
 * change} when the cases are labelled. Hedged changes count as changes.
 */
public final class ScheduleEvalJob {

  /** Counts of one run. {@code dateRight}/{@code dateStated}: new date right on true changes. */
  public record Summary(
      int cases,
      int errors,
      int labelled,
      int truePositives,
      int falsePositives,
      int falseNegatives,
      int trueNegatives,
      int dateStated,
      int dateRight) {

    public double precision() {
      int d = truePositives + falsePositives;
      return d == 0 ? 0 : (double) truePositives / d;
    }

    public double recall() {
      int d = truePositives + falseNegatives;
      return d == 0 ? 0 : (double) truePositives / d;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double dateAccuracy() {
      return dateStated == 0 ? 0 : (double) dateRight / dateStated;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private ScheduleEvalJob() {}

  public static Summary run(Reader in, Writer out, PrintStream stdout) {
    return run(in, out, stdout, ScheduleDetector.standard());
  }

  public static Summary run(Reader in, Writer out, PrintStream stdout, ScheduleDetector detector) {
    int cases = 0;
    int errors = 0;
    int labelled = 0;
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int tn = 0;
    int dateStated = 0;
    int dateRight = 0;
    try {
      BufferedReader r = new BufferedReader(in);
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        ObjectNode result;
        JsonNode gold;
        try {
          gold = JSON.readTree(line);
          if (gold == null || !gold.isObject() || !gold.hasNonNull("text")) {
            throw new IllegalArgumentException(
                "expected an object with \"id\", \"published\", \"text\"");
          }
          result = predict(gold, detector);
        } catch (IOException | RuntimeException e) {
          errors++;
          ObjectNode err = JSON.createObjectNode();
          err.put("line", n);
          err.put("error", e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
          out.write(JSON.writeValueAsString(err));
          out.write('\n');
          continue;
        }
        cases++;
        out.write(JSON.writeValueAsString(result));
        out.write('\n');
        String label = gold.path("label").asText("");
        if (label.equals("change") || label.equals("no_change")) {
          labelled++;
          boolean predicted = result.get("label").asText().equals("change");
          boolean actual = label.equals("change");
          if (predicted && actual) {
            tp++;
            JsonNode goldIso = gold.path("new_when").path("iso");
            if (goldIso.isTextual()) {
              dateStated++;
              if (goldIso.asText().equals(result.path("new_when").path("iso").asText(null))) {
                dateRight++;
              }
            }
          } else if (predicted) {
            fp++;
          } else if (actual) {
            fn++;
          } else {
            tn++;
          }
        }
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Summary s = new Summary(cases, errors, labelled, tp, fp, fn, tn, dateStated, dateRight);
    if (labelled > 0) {
      stdout.printf(
          Locale.ROOT,
          "schedule change: precision %.3f recall %.3f F1 %.3f (tp %d, fp %d, fn %d, tn %d;"
              + " %d cases, %d errors)%n",
          s.precision(),
          s.recall(),
          s.f1(),
          tp,
          fp,
          fn,
          tn,
          cases,
          errors);
      stdout.printf(
          Locale.ROOT,
          "new date right on %d of %d detected changes that state one (%.3f)%n",
          dateRight,
          dateStated,
          s.dateAccuracy());
    } else {
      stdout.printf(Locale.ROOT, "%d cases, %d errors (no labels)%n", cases, errors);
    }
    return s;
  }

  /** One case through the detector and a fresh timeline per event, in isolation. */
  static ObjectNode predict(JsonNode gold, ScheduleDetector detector) {
    String id = gold.path("id").asText("");
    String published = gold.path("published").asText("");
    LocalDate dct = published.isEmpty() ? null : LocalDate.parse(published);
    ArticleInput input =
        new ArticleInput(id, null, gold.get("text").asText(), dct, null, null, null);
    ArticleAnalysis analysis = detector.analyze(input);
    Map<String, List<TimelineClaim>> byEvent = new LinkedHashMap<>();
    for (Claim c : analysis.claims()) {
      byEvent
          .computeIfAbsent(c.event().id(), k -> new ArrayList<>())
          .add(new TimelineClaim(c, id, null, null, null, null));
    }
    List<Alert> alerts = new ArrayList<>();
    for (List<TimelineClaim> claims : byEvent.values()) {
      alerts.addAll(ScheduleTimeline.apply(null, claims).alerts());
    }
    alerts.sort(Comparator.comparingDouble(Alert::confidence).reversed());
    ObjectNode o = JSON.createObjectNode();
    o.put("id", id);
    if (alerts.isEmpty()) {
      o.put("label", "no_change");
      o.putNull("kind");
      o.putNull("certainty");
      o.putNull("event");
      o.putNull("old_when");
      o.putNull("new_when");
      return o;
    }
    o.put("label", "change");
    fill(o, alerts.get(0));
    if (alerts.size() > 1) {
      ArrayNode all = o.putArray("changes");
      for (Alert a : alerts) {
        fill(all.addObject(), a);
      }
    }
    return o;
  }

  private static void fill(ObjectNode o, Alert a) {
    o.put("kind", a.kind().name());
    o.put("certainty", a.certainty().name());
    o.put("event", a.event().name());
    o.put("event_id", a.event().id());
    o.put("confidence", a.confidence());
    putWhen(o, "old_when", a.previous());
    putWhen(o, "new_when", a.current());
  }

  private static void putWhen(ObjectNode o, String field, When w) {
    if (w == null) {
      o.putNull(field);
      return;
    }
    ObjectNode n = o.putObject(field);
    n.put("text", w.text());
    n.put("iso", w.value());
    if (w.mod() != null) {
      n.put("mod", w.mod());
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
