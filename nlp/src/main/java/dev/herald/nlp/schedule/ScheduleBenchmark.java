package dev.herald.nlp.schedule;

import dev.herald.nlp.text.LanguageDetector;
import dev.herald.nlp.time.Timex;
import dev.herald.nlp.time.TimexTagger;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures the detection stage (sentences, entities, claims, event ids, timeline) in CPU time of
 * the calling thread, with dates tagged beforehand so that the tagger's cost is left out.
 */
public final class ScheduleBenchmark {

  /** One run: {@code rounds} passes over {@code articles} after one warm-up pass. */
  public record Result(int articles, int rounds, long cpuNanos, long claims, long alerts) {

    public double articlesPerCpuSecond() {
      return cpuNanos == 0 ? 0 : articles * (double) rounds / (cpuNanos / 1e9);
    }
  }

  private ScheduleBenchmark() {}

  public static Result run(List<ArticleInput> articles, int rounds) {
    ScheduleDetector detector = ScheduleDetector.standard();
    List<List<Timex>> tagged = new ArrayList<>(articles.size());
    List<String> languages = new ArrayList<>(articles.size());
    for (ArticleInput a : articles) {
      String text = a.text() == null ? "" : a.text();
      tagged.add(TimexTagger.standard().tag(text, a.published()));
      languages.add(LanguageDetector.detect(text));
    }
    pass(detector, articles, tagged, languages); // warm-up: class loading and JIT
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long claims = 0;
    long alerts = 0;
    long t0 = mx.getCurrentThreadCpuTime();
    for (int r = 0; r < rounds; r++) {
      long[] counts = pass(detector, articles, tagged, languages);
      claims += counts[0];
      alerts += counts[1];
    }
    long cpu = mx.getCurrentThreadCpuTime() - t0;
    return new Result(articles.size(), rounds, cpu, claims, alerts);
  }

  private static long[] pass(
      ScheduleDetector detector,
      List<ArticleInput> articles,
      List<List<Timex>> tagged,
      List<String> languages) {
    long claims = 0;
    long alerts = 0;
    for (int i = 0; i < articles.size(); i++) {
      ArticleInput a = articles.get(i);
      String text = a.text() == null ? "" : a.text();
      LocalDate dct = a.published();
      ArticleAnalysis analysis = detector.analyze(a, text, languages.get(i), dct, tagged.get(i));
      Map<String, List<TimelineClaim>> byEvent = new LinkedHashMap<>();
      for (Claim c : analysis.claims()) {
        byEvent
            .computeIfAbsent(c.event().id(), k -> new ArrayList<>())
            .add(new TimelineClaim(c, a.id(), a.url(), a.title(), a.source(), a.publishedAt()));
      }
      for (List<TimelineClaim> group : byEvent.values()) {
        alerts += ScheduleTimeline.apply(null, group).alerts().size();
      }
      claims += analysis.claims().size();
    }
    return new long[] {claims, alerts};
  }
}
