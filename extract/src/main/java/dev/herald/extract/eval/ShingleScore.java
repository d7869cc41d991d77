package dev.herald.extract.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article-extraction benchmark's page score: the true and extracted bodies as multisets of
 * 4-gram shingles of {@code \w+} tokens; tp, fp and fn from the shingle counts, divided by their
 * sum so that every page weighs the same.
 *
 * @param tp normalised true positives
 * @param fp normalised false positives
 * @param fn normalised false negatives
 */
public record ShingleScore(double tp, double fp, double fn) {

  private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final int N = 4;

  /** Scores one page. */
  public static ShingleScore of(String truth, String extracted) {
    Map<String, Integer> t = shingles(truth);
    Map<String, Integer> p = shingles(extracted);
    double tp = 0;
    double fp = 0;
    double fn = 0;
    for (Map.Entry<String, Integer> e : t.entrySet()) {
      int pc = p.getOrDefault(e.getKey(), 0);
      int tc = e.getValue();
      tp += Math.min(tc, pc);
      fn += Math.max(0, tc - pc);
    }
    for (Map.Entry<String, Integer> e : p.entrySet()) {
      fp += Math.max(0, e.getValue() - t.getOrDefault(e.getKey(), 0));
    }
    double s = tp + fp + fn;
    return s > 0 ? new ShingleScore(tp / s, fp / s, fn / s) : new ShingleScore(0, 0, 0);
  }

  /** Precision as the benchmark defines it (1 when both sides are empty). */
  public double precision() {
    if (fp == 0 && fn == 0) {
      return 1;
    }
    return tp + fp == 0 ? 0 : tp / (tp + fp);
  }

  /** Recall as the benchmark defines it (1 when both sides are empty). */
  public double recall() {
    if (fp == 0 && fn == 0) {
      return 1;
    }
    return tp + fn == 0 ? 0 : tp / (tp + fn);
  }

  /** Shingle counts; a text of fewer than four tokens is one short shingle, none if empty. */
  static Map<String, Integer> shingles(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text == null ? "" : text);
    while (m.find()) {
      tokens.add(m.group());
    }
    Map<String, Integer> out = new HashMap<>();
    int count = Math.max(1, tokens.size() - N + 1);
    for (int i = 0; i < count; i++) {
      List<String> gram = tokens.subList(i, Math.min(tokens.size(), i + N));
      if (!gram.isEmpty()) {
        out.merge(String.join(" ", gram), 1, Integer::sum);
      }
    }
    return out;
  }
}
