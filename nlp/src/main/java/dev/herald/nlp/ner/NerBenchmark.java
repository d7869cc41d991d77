package dev.herald.nlp.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Throughput of the whole entity tagger (language detection, sentence splitting, tokenizing, name
 * finding, event rules, ids) on articles of about 650 tokens assembled from the benchmark text in
 * {@code bench/paragraphs.txt}, in articles and tokens per CPU-second of the calling thread (so the
 * figure does not depend on what else the machine runs), after a warm-up. Also times the one-off
 * model loading.
 */
public final class NerBenchmark {

  static final int TARGET_TOKENS = 650;

  private NerBenchmark() {}

  /**
   * Benchmark figures.
   *
   * @param loadSeconds wall time to load all models (0 if they were loaded before)
   * @param articles articles tagged in the timed run
   * @param tokens tokens in them
   * @param entities mentions found
   * @param cpuSeconds CPU time of the timed run
   */
  public record Result(
      double loadSeconds, int articles, long tokens, long entities, double cpuSeconds) {
    public double articlesPerCpuSecond() {
      return articles / cpuSeconds;
    }

    public double tokensPerCpuSecond() {
      return tokens / cpuSeconds;
    }
  }

  public static Result run(int articles, PrintStream out) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long t0 = System.nanoTime();
    long l0 = mx.getCurrentThreadCpuTime();
    EntityTagger tagger = EntityTagger.standard();
    double load = (System.nanoTime() - t0) / 1e9;
    double loadCpu = (mx.getCurrentThreadCpuTime() - l0) / 1e9;
    List<String> texts = articles(Math.max(articles, 1));
    TextAnalyzer analyzer = TextAnalyzer.standard();
    long tokens = 0;
    for (String t : texts) {
      for (TextAnalyzer.AnalyzedSentence s : analyzer.sentences(t)) {
        tokens += s.size();
      }
    }
    // Warm-up until the JIT has settled: three fixed passes left C2 compiling during the timed
    // ones (a third pass ran at 0.39 CPU-s against 0.67 for the first), so the figure was partly
    // that of interpreted and C1 code. A pass counts as settled when the JIT compiled for under a
    // twentieth of its CPU time; at most MAX_WARM_UP_PASSES.
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    boolean timedJit = jit != null && jit.isCompilationTimeMonitoringSupported();
    int warmUpPasses = 0;
    double lastJitShare = -1;
    int settled = 0;
    while (warmUpPasses < MAX_WARM_UP_PASSES && settled < 2) {
      long c0 = mx.getCurrentThreadCpuTime();
      long j0 = timedJit ? jit.getTotalCompilationTime() : 0;
      for (String t : texts) {
        tagger.tag(t);
      }
      warmUpPasses++;
      double passMs = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
      if (!timedJit) {
        settled = warmUpPasses >= 3 ? 2 : 0; // no JIT figure: the old three passes
        continue;
      }
      lastJitShare = (jit.getTotalCompilationTime() - j0) / Math.max(1, passMs);
      settled = lastJitShare < 0.05 ? settled + 1 : 0;
    }
    // Three timed passes; the median one is reported (other processes on a shared machine make
    // single passes noisy even in CPU time).
    double[] cpu = new double[PASSES];
    long entities = 0;
    for (int p = 0; p < PASSES; p++) {
      long c0 = mx.getCurrentThreadCpuTime();
      long e = 0;
      for (String t : texts) {
        e += tagger.tag(t).entities().size();
      }
      cpu[p] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
      entities = e;
    }
    double[] sorted = cpu.clone();
    java.util.Arrays.sort(sorted);
    Result r = new Result(load, texts.size(), tokens, entities, sorted[PASSES / 2]);
    if (out != null) {
      out.printf(
          "warm-up: %d passes over the articles, the JIT compiling for %.0f%% of the last one's"
              + " CPU%s%n",
          warmUpPasses,
          100 * lastJitShare,
          settled >= 2 ? "" : " (not settled: the figures below include compilation)");
      out.printf(
          "model load %.2f s wall, %.2f s CPU; %d articles, %d tokens (%.0f per article), %d"
              + " entities in %.3f CPU-s (median of %s): %.0f articles/CPU-s, %.0f tokens/CPU-s%n",
          load,
          loadCpu,
          r.articles(),
          r.tokens(),
          (double) r.tokens() / r.articles(),
          r.entities(),
          r.cpuSeconds(),
          java.util.Arrays.toString(cpu),
          r.articlesPerCpuSecond(),
          r.tokensPerCpuSecond());
    }
    return r;
  }

  private static final int PASSES = 3;

  /** Warm-up passes at most (about 0.5-1 CPU-s each for 200 articles). */
  private static final int MAX_WARM_UP_PASSES = 30;

  /** Articles of about {@value #TARGET_TOKENS} tokens: a headline, then paragraphs in rotation. */
  static List<String> articles(int count) {
    List<String> heads = new ArrayList<>();
    List<List<String>> bodies = new ArrayList<>();
    try (InputStream in = NerBenchmark.class.getResourceAsStream("bench/paragraphs.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        if (line.startsWith("= ")) {
          heads.add(line.substring(2));
          bodies.add(new ArrayList<>());
        } else if (!bodies.isEmpty()) {
          bodies.get(bodies.size() - 1).add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> paragraphs = new ArrayList<>();
    for (List<String> b : bodies) {
      paragraphs.addAll(b);
    }
    List<String> out = new ArrayList<>(count);
    for (int a = 0; a < count; a++) {
      StringBuilder sb = new StringBuilder(heads.get(a % heads.size())).append("\n\n");
      int tokens = 0;
      for (int p = a; tokens < TARGET_TOKENS; p++) {
        String para = paragraphs.get(p % paragraphs.size());
        sb.append(para).append("\n\n");
        tokens += approxTokens(para);
      }
      out.add(sb.toString());
    }
    return out;
  }

  /** Words plus punctuation marks: close to the tokenizer's count for news copy. */
  static int approxTokens(String s) {
    int n = 0;
    boolean inWord = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        if (!inWord) {
          n++;
          inWord = true;
        }
      } else {
        inWord = false;
        if (c == ',' || c == '.' || c == '"' || c == '(' || c == ')' || c == ':') {
          n++;
        }
      }
    }
    return n;
  }
}
