package dev.herald.extract.eval;

import dev.herald.extract.ArticleExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Extraction speed in pages per CPU-second of the calling thread (ThreadMXBean), over article pages
 * shipped with this module (self-written, with the furniture of real news pages: menus, scripts,
 * styles, share bars, related lists, comments). After warm-up rounds, so that the figure is the
 * JIT-compiled steady state a long-running pipeline sees.
 */
public final class ExtractionBenchmark {

  private static final String[] BUNDLED = {
    "bench-bridge.html", "bench-library.html", "bench-festival.html"
  };

  /**
   * @param pages pages extracted in the measured rounds
   * @param bytes HTML bytes extracted in the measured rounds
   * @param cpuNanos CPU time of the measured rounds
   */
  public record Result(int pages, long bytes, long cpuNanos) {

    public double pagesPerCpuSecond() {
      return cpuNanos == 0 ? 0 : pages / (cpuNanos / 1e9);
    }

    public String summary() {
      return String.format(
          Locale.ROOT,
          "%d pages (%.1f MB) in %.3f CPU-seconds: %.0f pages per CPU-second",
          pages,
          bytes / 1e6,
          cpuNanos / 1e9,
          pagesPerCpuSecond());
    }
  }

  private ExtractionBenchmark() {}

  /** Prints the standard benchmark's figure (until the herald CLI offers it). */
  public static void main(String[] args) {
    System.out.println(runBundled(ArticleExtractor.standard()).summary());
  }

  /** The bundled benchmark pages. */
  public static List<byte[]> bundledPages() {
    List<byte[]> pages = new ArrayList<>();
    for (String name : BUNDLED) {
      try (InputStream in =
          ExtractionBenchmark.class.getResourceAsStream("/dev/herald/extract/bench/" + name)) {
        if (in == null) {
          throw new IllegalStateException("missing benchmark page " + name);
        }
        pages.add(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return pages;
  }

  /** The bundled pages, 300 warm-up rounds and 1,000 measured rounds. */
  public static Result runBundled(ArticleExtractor extractor) {
    return run(extractor, bundledPages(), 300, 1000);
  }

  /**
   * Extracts every page {@code warmupRounds} times unmeasured, then {@code rounds} times measured.
   */
  public static Result run(
      ArticleExtractor extractor, List<byte[]> pages, int warmupRounds, int rounds) {
    int sink = 0;
    for (int r = 0; r < warmupRounds; r++) {
      for (byte[] p : pages) {
        sink += extractor.extract(p, null, null).ok() ? 1 : 0;
      }
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long bytes = 0;
    long start = mx.getCurrentThreadCpuTime();
    for (int r = 0; r < rounds; r++) {
      for (byte[] p : pages) {
        sink += extractor.extract(p, null, null).ok() ? 1 : 0;
        bytes += p.length;
      }
    }
    long cpu = mx.getCurrentThreadCpuTime() - start;
    if (sink < 0) {
      throw new IllegalStateException(); // keeps the results observable to the JIT
    }
    return new Result(rounds * pages.size(), bytes, cpu);
  }
}
