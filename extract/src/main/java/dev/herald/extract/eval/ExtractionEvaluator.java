package dev.herald.extract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.extract.ArticleExtractor;
import dev.herald.extract.ExtractJob;
import dev.herald.extract.Extraction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores an {@link ArticleExtractor} on an article-extraction benchmark folder: {@code
 * ground-truth.json} ({@code {"<id>": {"url", "articleBody"}}}) and {@code html/<id>.html.gz}.
 * Precision and recall are the means over pages of the per-page shingle scores (a page with an
 * empty extraction counts for recall only, as in the benchmark), F1 comes from the two means.
 */
public final class ExtractionEvaluator {

  private final ArticleExtractor extractor;

  public ExtractionEvaluator(ArticleExtractor extractor) {
    this.extractor = extractor;
  }

  /**
   * Prints the table for the folder given as the first argument (default {@code
   * ../shared/data/extraction}), until the herald CLI offers it.
   */
  public static void main(String[] args) {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/extraction");
    System.out.print(standard().evaluate(dir).table());
  }

  public static ExtractionEvaluator standard() {
    return new ExtractionEvaluator(ArticleExtractor.standard());
  }

  /** One page's outcome. */
  public record PageResult(String id, String url, ShingleScore score, Extraction extraction) {}

  /**
   * The scores, or a report that only carries {@code skipped} when the folder is absent.
   *
   * @param cpuNanos CPU time of this thread spent in the extractor (not in reading and scoring)
   */
  public record Report(
      List<PageResult> pages,
      double precision,
      double recall,
      double f1,
      long cpuNanos,
      String skipped) {

    public Report {
      pages = List.copyOf(pages);
    }

    public boolean isSkipped() {
      return skipped != null;
    }

    /** Extracted pages per CPU-second of extraction. */
    public double pagesPerCpuSecond() {
      return cpuNanos == 0 ? 0 : pages.size() / (cpuNanos / 1e9);
    }

    /** A printable table: worst pages first, then the totals. */
    public String table() {
      if (isSkipped()) {
        return skipped + "\n";
      }
      StringBuilder b = new StringBuilder();
      b.append(
          String.format(
              Locale.ROOT,
              "%-10s %6s %6s %6s  %-12s %s%n",
              "page",
              "P",
              "R",
              "F1",
              "status",
              "url"));
      List<PageResult> sorted = new ArrayList<>(pages);
      sorted.sort((x, y) -> Double.compare(pageF1(x.score()), pageF1(y.score())));
      for (PageResult p : sorted) {
        ShingleScore s = p.score();
        b.append(
            String.format(
                Locale.ROOT,
                "%-10s %6.3f %6.3f %6.3f  %-12s %s%n",
                p.id().substring(0, Math.min(10, p.id().length())),
                s.precision(),
                s.recall(),
                pageF1(s),
                p.extraction().ok() ? "ok" : p.extraction().errorKind(),
                p.url()));
      }
      b.append(summary());
      return b.toString();
    }

    /** One line: pages, precision, recall, F1 and speed. */
    public String summary() {
      if (isSkipped()) {
        return skipped;
      }
      return String.format(
          Locale.ROOT,
          "pages=%d precision=%.3f recall=%.3f F1=%.3f (%.0f pages per CPU-second, one cold pass)%n",
          pages.size(),
          precision,
          recall,
          f1,
          pagesPerCpuSecond());
    }

    private static double pageF1(ShingleScore s) {
      double p = s.precision();
      double r = s.recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  public Report evaluate(Path extractionDir) {
    Path truthFile = extractionDir == null ? null : extractionDir.resolve("ground-truth.json");
    if (truthFile == null || !Files.isRegularFile(truthFile)) {
      return new Report(
          List.of(),
          0,
          0,
          0,
          0,
          extractionDir + " not present: skipping the extraction evaluation");
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    JsonNode truth;
    try {
      truth = new ObjectMapper().readTree(truthFile.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<PageResult> results = new ArrayList<>();
    long cpu = 0;
    for (Map.Entry<String, JsonNode> e : truth.properties()) {
      String id = e.getKey();
      String url = e.getValue().path("url").asText(null);
      Path html = extractionDir.resolve("html").resolve(id + ".html.gz");
      byte[] bytes;
      try {
        bytes = ExtractJob.readPage(html, Integer.MAX_VALUE);
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
      long t0 = mx.getCurrentThreadCpuTime();
      Extraction x = extractor.extract(bytes, null, url);
      cpu += mx.getCurrentThreadCpuTime() - t0;
      String body = x.body() == null ? "" : x.body();
      results.add(
          new PageResult(
              id, url, ShingleScore.of(e.getValue().path("articleBody").asText(""), body), x));
    }
    double p = mean(results, true);
    double r = mean(results, false);
    return new Report(results, p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), cpu, null);
  }

  private static double mean(List<PageResult> results, boolean precision) {
    double sum = 0;
    int n = 0;
    for (PageResult pr : results) {
      ShingleScore s = pr.score();
      if (precision ? s.tp() + s.fp() > 0 : s.tp() + s.fn() > 0) {
        sum += precision ? s.precision() : s.recall();
        n++;
      }
    }
    return n == 0 ? 0 : sum / n;
  }
}
