package dev.herald.nlp.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Word classes from pre-trained word vectors (GloVe): spherical k-means (cosine, unit vectors) at
 * several granularities, as discrete name-finder features (Guo et al. 2014, "Revisiting embedding
 * features for simple semi-supervised learning": k-means classes of embeddings help a linear NER
 * model about as much as Brown classes). The vectors come from a corpus about a thousand times
 * larger than Herald's unlabelled news, so rare names get classes that {@link WordClusters} cannot
 * give them. Deterministic: k-means++ seeding from a fixed seed, assignments independent of thread
 * scheduling.
 */
final class VectorClasses {

  private VectorClasses() {}

  /** What to learn: how many words get a class, how many fit the centroids, the granularities. */
  record Params(int words, int fitWords, int[] granularities, int iterations, long seed) {

    static Params fromProperties() {
      String[] ks = System.getProperty("herald.ner.gloveClasses", "128,512,2048").split(",");
      int[] g = new int[ks.length];
      for (int i = 0; i < ks.length; i++) {
        g[i] = Integer.parseInt(ks[i].trim());
      }
      return new Params(
          Integer.getInteger("herald.ner.gloveWords", 200_000),
          Integer.getInteger("herald.ner.gloveFitWords", 100_000),
          g,
          Integer.getInteger("herald.ner.gloveIterations", 15),
          Long.getLong("herald.ner.gloveSeed", 1L));
    }
  }

  /** Word vectors, unit length, row-major. */
  record Vectors(List<String> words, float[] data, int dims) {
    int size() {
      return words.size();
    }
  }

  /**
   * Reads the first {@code max} words of a vectors file in GloVe's text format (a word, then its
   * components, separated by single spaces; most frequent words first), each scaled to unit length.
   * A word listed twice keeps its first vector.
   */
  static Vectors read(Path file, int max) throws IOException {
    List<String> words = new ArrayList<>();
    float[] data = null;
    int dims = -1;
    java.util.Set<String> seen = new java.util.HashSet<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while (words.size() < max && (line = r.readLine()) != null) {
        String[] f = line.split(" ");
        if (dims < 0) {
          dims = f.length - 1;
          data = new float[max * dims];
        }
        if (f.length - 1 != dims) {
          throw new IOException(file + ": " + (f.length - 1) + " components, expected " + dims);
        }
        if (!seen.add(f[0])) {
          continue;
        }
        int off = words.size() * dims;
        double norm = 0;
        for (int j = 0; j < dims; j++) {
          float x = Float.parseFloat(f[j + 1]);
          data[off + j] = x;
          norm += (double) x * x;
        }
        float inv = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
        for (int j = 0; j < dims; j++) {
          data[off + j] *= inv;
        }
        words.add(f[0]);
      }
    }
    if (dims < 0) {
      throw new IOException(file + ": no vectors");
    }
    return new Vectors(words, java.util.Arrays.copyOf(data, words.size() * dims), dims);
  }

  /** Reads the vectors and learns their classes ({@link #learn(Vectors, Params, PrintStream)}). */
  static WordClusters learn(Path file, Params p, PrintStream log) throws IOException {
    long t = System.nanoTime();
    Vectors v = read(file, p.words());
    log.printf(
        "GloVe vectors: %d words x %d from %s in %.0f s%n",
        v.size(), v.dims(), file, (System.nanoTime() - t) / 1e9);
    return learn(v, p, log);
  }

  /**
   * Classes of every word at each granularity: the centroids are fitted on the {@code fitWords}
   * most frequent words (whose vectors are the most reliable, and which keeps the run to minutes),
   * then every word goes to its nearest centroid.
   */
  static WordClusters learn(Vectors v, Params p, PrintStream log) {
    int n = v.size();
    int fit = Math.min(n, p.fitWords());
    int[][] assign = new int[p.granularities().length][];
    for (int g = 0; g < assign.length; g++) {
      long t = System.nanoTime();
      int k = Math.min(p.granularities()[g], fit);
      float[] centroids = kmeans(v, fit, k, p.iterations(), p.seed() + g, log);
      assign[g] = nearest(v, 0, n, centroids, k);
      log.printf("GloVe classes: k=%d in %.0f s%n", k, (System.nanoTime() - t) / 1e9);
    }
    Map<String, int[]> classes = new HashMap<>(n * 2);
    for (int w = 0; w < n; w++) {
      int[] c = new int[assign.length];
      for (int g = 0; g < assign.length; g++) {
        c[g] = assign[g][w];
      }
      classes.put(v.words().get(w), c);
    }
    return WordClusters.of(classes);
  }

  /** Spherical k-means over the first {@code fit} vectors; returns k unit centroids, row-major. */
  static float[] kmeans(Vectors v, int fit, int k, int iterations, long seed, PrintStream log) {
    int d = v.dims();
    float[] x = v.data();
    float[] c = seed(v, fit, k, seed);
    int[] cls = new int[fit];
    java.util.Arrays.fill(cls, -1);
    for (int it = 0; it < iterations; it++) {
      int[] next = nearest(v, 0, fit, c, k);
      int moved = 0;
      for (int i = 0; i < fit; i++) {
        if (next[i] != cls[i]) {
          moved++;
        }
      }
      cls = next;
      double[] sum = new double[k * d];
      int[] size = new int[k];
      for (int i = 0; i < fit; i++) {
        int o = cls[i] * d;
        size[cls[i]]++;
        for (int j = 0; j < d; j++) {
          sum[o + j] += x[i * d + j];
        }
      }
      for (int q = 0; q < k; q++) {
        if (size[q] == 0) {
          continue; // an empty class keeps its centroid
        }
        double norm = 0;
        for (int j = 0; j < d; j++) {
          norm += sum[q * d + j] * sum[q * d + j];
        }
        double inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
        for (int j = 0; j < d; j++) {
          c[q * d + j] = (float) (sum[q * d + j] * inv);
        }
      }
      // Stop when under 0.1 % of the words change class.
      if (moved * 1000L < fit) {
        break;
      }
    }
    return c;
  }

  /** k-means++ seeding (Arthur and Vassilvitskii 2007) with cosine distance, from a fixed seed. */
  private static float[] seed(Vectors v, int fit, int k, long seed) {
    int d = v.dims();
    float[] x = v.data();
    float[] c = new float[k * d];
    SplittableRandom rnd = new SplittableRandom(seed);
    int first = rnd.nextInt(fit);
    System.arraycopy(x, first * d, c, 0, d);
    double[] dist = new double[fit];
    java.util.Arrays.fill(dist, Double.MAX_VALUE);
    for (int q = 1; q < k; q++) {
      int prev = q - 1;
      IntStream.range(0, fit)
          .parallel()
          .forEach(
              i -> {
                double dd = 1 - dot(x, i * d, c, prev * d, d);
                if (dd < dist[i]) {
                  dist[i] = Math.max(0, dd);
                }
              });
      double total = 0;
      for (int i = 0; i < fit; i++) {
        total += dist[i];
      }
      double r = rnd.nextDouble() * total;
      int pick = fit - 1;
      for (int i = 0; i < fit; i++) {
        r -= dist[i];
        if (r <= 0) {
          pick = i;
          break;
        }
      }
      System.arraycopy(x, pick * d, c, q * d, d);
    }
    return c;
  }

  /** The nearest centroid (largest cosine) of words [from, to); ties to the lower class. */
  static int[] nearest(Vectors v, int from, int to, float[] c, int k) {
    int d = v.dims();
    float[] x = v.data();
    int[] out = new int[to - from];
    IntStream.range(from, to)
        .parallel()
        .forEach(
            i -> {
              int best = 0;
              double bestDot = Double.NEGATIVE_INFINITY;
              for (int q = 0; q < k; q++) {
                double s = dot(x, i * d, c, q * d, d);
                if (s > bestDot) {
                  bestDot = s;
                  best = q;
                }
              }
              out[i - from] = best;
            });
    return out;
  }

  /** Dot product with four partial sums (the loop's dependency chain is the cost). */
  private static double dot(float[] a, int ao, float[] b, int bo, int d) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int j = 0;
    for (; j + 3 < d; j += 4) {
      s0 += a[ao + j] * b[bo + j];
      s1 += a[ao + j + 1] * b[bo + j + 1];
      s2 += a[ao + j + 2] * b[bo + j + 2];
      s3 += a[ao + j + 3] * b[bo + j + 3];
    }
    for (; j < d; j++) {
      s0 += a[ao + j] * b[bo + j];
    }
    return (s0 + s1) + (s2 + s3);
  }
}
