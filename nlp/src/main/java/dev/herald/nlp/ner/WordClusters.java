package dev.herald.nlp.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Brown-like word classes learnt from the training text only, by the exchange algorithm
 * (Kneser-Ney/Martin style, as in Uszkoreit and Brants 2008) on a class model of both neighbours:
 * each word moves to the class that best predicts its left and right neighbours, a few passes over
 * the vocabulary. Several granularities are learnt; a word's classes are features of the name
 * finder, so that rare words borrow evidence from frequent words used alike.
 */
final class WordClusters {

  private final Map<String, int[]> classes;

  private WordClusters(Map<String, int[]> classes) {
    this.classes = classes;
  }

  /** Classes given as they are (word -> one class per granularity). */
  static WordClusters of(Map<String, int[]> classes) {
    return new WordClusters(classes);
  }

  static WordClusters empty() {
    return new WordClusters(Map.of());
  }

  /** The word's classes (one per granularity), trying it as written, lower-cased, capitalised. */
  int[] of(String word) {
    int[] c = classes.get(word);
    if (c == null) {
      c = classes.get(Words.lower(word));
    }
    if (c == null && !word.isEmpty()) {
      c = classes.get(Words.titleCase(word));
    }
    return c;
  }

  /** The classes of exactly this word (GloVe's words are all lower case: one lookup). */
  int[] exact(String word) {
    return classes.get(word);
  }

  int size() {
    return classes.size();
  }

  /**
   * Learns classes for words seen at least {@code minCount} times.
   *
   * @param sentences token sequences
   * @param granularities numbers of classes, e.g. {64, 256}
   */
  static WordClusters learn(
      List<List<String>> sentences, int[] granularities, int minCount, int passes) {
    return learn(sentences, granularities, minCount, passes, null);
  }

  /**
   * As {@link #learn(List, int[], int, int)}, the words of {@code base} (null: none) keeping their
   * classes there: only the other words move, into the classes the fixed words define. More text
   * then gives classes to the words it adds without reshuffling the classes the name finder's
   * weights were learnt on (a relearnt clustering is another local optimum of the exchange
   * algorithm: MODEL.md measured one that cost accuracy).
   */
  static WordClusters learn(
      List<List<String>> sentences,
      int[] granularities,
      int minCount,
      int passes,
      WordClusters base) {
    Map<String, Integer> freq = new HashMap<>();
    for (List<String> s : sentences) {
      for (String w : s) {
        freq.merge(w, 1, Integer::sum);
      }
    }
    List<String> vocab = new ArrayList<>();
    for (Map.Entry<String, Integer> e : freq.entrySet()) {
      if (e.getValue() >= minCount) {
        vocab.add(e.getKey());
      }
    }
    vocab.sort(
        (a, b) -> freq.get(b) - freq.get(a) != 0 ? freq.get(b) - freq.get(a) : a.compareTo(b));
    Map<String, Integer> id = new HashMap<>();
    for (int i = 0; i < vocab.size(); i++) {
      id.put(vocab.get(i), i);
    }
    int v = vocab.size();
    int unk = v; // rare words share one context id per side
    int ctxCount = 2 * (v + 2);
    // Sparse context counts per clustered word: contexts are left words (id) and right words (id
    // + offset); sentence boundaries are contexts too.
    List<Map<Integer, Integer>> ctx = new ArrayList<>(v);
    for (int i = 0; i < v; i++) {
      ctx.add(new HashMap<>());
    }
    int[] count = new int[v];
    for (List<String> s : sentences) {
      int n = s.size();
      for (int i = 0; i < n; i++) {
        Integer w = id.get(s.get(i));
        if (w == null) {
          continue;
        }
        count[w]++;
        int left = i == 0 ? v + 1 : id.getOrDefault(s.get(i - 1), unk);
        int right = i == n - 1 ? v + 1 : id.getOrDefault(s.get(i + 1), unk);
        ctx.get(w).merge(left, 1, Integer::sum);
        ctx.get(w).merge(v + 2 + right, 1, Integer::sum);
      }
    }
    int[][] ctxIds = new int[v][];
    int[][] ctxNs = new int[v][];
    for (int w = 0; w < v; w++) {
      Map<Integer, Integer> m = ctx.get(w);
      ctxIds[w] = new int[m.size()];
      ctxNs[w] = new int[m.size()];
      int k = 0;
      for (Map.Entry<Integer, Integer> e : m.entrySet()) {
        ctxIds[w][k] = e.getKey();
        ctxNs[w][k++] = e.getValue();
      }
    }
    int[][] assign = new int[granularities.length][];
    for (int g = 0; g < granularities.length; g++) {
      int[] fixed = new int[v];
      Arrays.fill(fixed, -1);
      if (base != null) {
        for (int w = 0; w < v; w++) {
          int[] c = base.classes.get(vocab.get(w));
          if (c != null && c.length == granularities.length && c[g] < granularities[g]) {
            fixed[w] = c[g];
          }
        }
      }
      assign[g] = exchange(v, granularities[g], ctxCount, ctxIds, ctxNs, count, passes, fixed);
    }
    Map<String, int[]> classes = new HashMap<>();
    for (int w = 0; w < v; w++) {
      int[] c = new int[granularities.length];
      for (int g = 0; g < granularities.length; g++) {
        c[g] = assign[g][w];
      }
      classes.put(vocab.get(w), c);
    }
    return new WordClusters(classes);
  }

  private static int[] exchange(
      int v,
      int k,
      int ctxCount,
      int[][] ctxIds,
      int[][] ctxNs,
      int[] count,
      int passes,
      int[] fixed) {
    int[] cls = new int[v];
    for (int w = 0; w < v; w++) {
      cls[w] = fixed[w] >= 0 ? fixed[w] : w % k;
    }
    // n[c][ctx]: how often a word of class c is seen with context ctx; total[c]: class counts.
    int[][] n = new int[k][ctxCount];
    long[] total = new long[k];
    for (int w = 0; w < v; w++) {
      add(n[cls[w]], ctxIds[w], ctxNs[w], 1);
      total[cls[w]] += count[w];
    }
    double[] gain = new double[k];
    for (int pass = 0; pass < passes; pass++) {
      int moved = 0;
      for (int w = 0; w < v; w++) {
        if (fixed[w] >= 0) {
          continue;
        }
        int a = cls[w];
        add(n[a], ctxIds[w], ctxNs[w], -1);
        total[a] -= count[w];
        int[] ids = ctxIds[w];
        int[] ns = ctxNs[w];
        Arrays.fill(gain, 0);
        for (int c = 0; c < k; c++) {
          int[] nc = n[c];
          double g = 0;
          for (int j = 0; j < ids.length; j++) {
            int before = nc[ids[j]];
            g += xlogx(before + ns[j]) - xlogx(before);
          }
          // Two sides: each class count appears in both conditional models.
          g -= 2 * (xlogx(total[c] + count[w]) - xlogx(total[c]));
          gain[c] = g;
        }
        int best = a;
        for (int c = 0; c < k; c++) {
          if (gain[c] > gain[best] + 1e-9) {
            best = c;
          }
        }
        if (best != a) {
          moved++;
        }
        cls[w] = best;
        add(n[best], ids, ns, 1);
        total[best] += count[w];
      }
      if (moved == 0) {
        break;
      }
    }
    return cls;
  }

  private static void add(int[] row, int[] ids, int[] ns, int sign) {
    for (int j = 0; j < ids.length; j++) {
      row[ids[j]] += sign * ns[j];
    }
  }

  /** x log x for the small counts that dominate, by table. */
  private static final double[] XLOGX = new double[1 << 16];

  static {
    for (int i = 1; i < XLOGX.length; i++) {
      XLOGX[i] = i * Math.log(i);
    }
  }

  private static double xlogx(long x) {
    if (x < XLOGX.length) {
      return x <= 0 ? 0 : XLOGX[(int) x];
    }
    return x * Math.log(x);
  }

  void write(Writer out) throws IOException {
    List<String> words = new ArrayList<>(classes.keySet());
    words.sort(null);
    for (String w : words) {
      StringBuilder sb = new StringBuilder(w);
      for (int c : classes.get(w)) {
        sb.append('\t').append(c);
      }
      out.write(sb.append('\n').toString());
    }
  }

  static WordClusters read(BufferedReader in) throws IOException {
    Map<String, int[]> classes = new HashMap<>();
    String line;
    while ((line = in.readLine()) != null) {
      String[] f = line.split("\t");
      if (f.length < 2) {
        continue;
      }
      int[] c = new int[f.length - 1];
      for (int i = 1; i < f.length; i++) {
        c[i - 1] = Integer.parseInt(f[i]);
      }
      classes.put(f[0], c);
    }
    return new WordClusters(classes);
  }
}
