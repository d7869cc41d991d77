package dev.herald.nlp.time.bench;

import dev.herald.nlp.time.TimexTagger;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Throughput of {@link TimexTagger} in words per CPU-second of the calling thread (ThreadMXBean),
 * on news paragraphs shipped with the tagger ({@code bench/news.txt}, written for Herald). Each
 * article is tagged separately, as the pipeline does; the JIT is warmed up first.
 */
public final class TaggerBenchmark {

  private static final String NEWS = "/dev/herald/nlp/time/bench/news.txt";
  private static final LocalDate DCT = LocalDate.of(2017, 11, 14);

  private TaggerBenchmark() {}

  /**
   * One measurement.
   *
   * @param words whitespace-separated words tagged in the measured rounds
   * @param cpuNanos CPU time of the measuring thread
   * @param timexes TIMEXes found in the measured rounds
   */
  public record Result(long words, long cpuNanos, long timexes) {
    public double wordsPerCpuSecond() {
      return cpuNanos == 0 ? 0 : words * 1e9 / cpuNanos;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%,d words, %,d timexes in %.3f CPU s: %,.0f words per CPU-second",
          words,
          timexes,
          cpuNanos / 1e9,
          wordsPerCpuSecond());
    }
  }

  /** The shipped news articles, one string per article (blank-line separated headline blocks). */
  public static List<String> articles() {
    String all;
    try (InputStream in = TaggerBenchmark.class.getResourceAsStream(NEWS)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + NEWS);
      }
      all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // An article starts at a headline: a line without a final full stop after a blank line.
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String para : all.split("\n\\s*\n")) {
      String p = para.strip();
      boolean headline = !p.isEmpty() && !p.endsWith(".") && !p.endsWith("\"") && p.length() < 120;
      if (headline && cur.length() > 0) {
        out.add(cur.toString());
        cur.setLength(0);
      }
      cur.append(p).append("\n\n");
    }
    if (cur.length() > 0) {
      out.add(cur.toString());
    }
    return out;
  }

  /** Warms up for {@code warmupRounds}, then measures {@code rounds} passes over the articles. */
  public static Result measure(
      TimexTagger tagger, List<String> articles, int warmupRounds, int rounds) {
    long sink = 0;
    for (int r = 0; r < warmupRounds; r++) {
      for (String a : articles) {
        sink += tagger.tag(a, DCT).size();
      }
    }
    long words = 0;
    for (String a : articles) {
      words += countWords(a);
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long t0 = mx.getCurrentThreadCpuTime();
    long timexes = 0;
    for (int r = 0; r < rounds; r++) {
      for (String a : articles) {
        timexes += tagger.tag(a, DCT).size();
      }
    }
    long cpu = mx.getCurrentThreadCpuTime() - t0;
    if (sink < 0) {
      throw new AssertionError(); // keeps the warm-up from being optimised away
    }
    return new Result(words * rounds, cpu, timexes);
  }

  /** The standard measurement: 500 warm-up rounds, 2,000 measured rounds. */
  public static Result run() {
    return measure(TimexTagger.standard(), articles(), 500, 2_000);
  }

  /** Whitespace-separated words in {@code s}. */
  public static long countWords(String s) {
    long n = 0;
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      boolean ws = Character.isWhitespace(s.charAt(i));
      if (!ws && !in) {
        n++;
      }
      in = !ws;
    }
    return n;
  }

  /** {@code java -cp herald-nlp.jar dev.herald.nlp.time.bench.TaggerBenchmark} */
  public static void main(String[] args) {
    System.out.println(run());
  }
}
