package dev.herald.nlp.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ScheduleBenchmarkTest {

  private static final Pattern DOC =
      Pattern.compile(
          "<DATE>\\s*(\\d+)-(\\w{3})-(\\d{4}).*?</DATE>.*?<BODY>(.*?)</BODY>", Pattern.DOTALL);
  private static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");

  /** Reuters-21578 bodies, read in place from ../shared (never copied into the repository). */
  private static List<ArticleInput> reuters(Path dir, int max) throws IOException {
    List<ArticleInput> out = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "reut2-*.sgm")) {
      List<Path> sorted = new ArrayList<>();
      files.forEach(sorted::add);
      sorted.sort(null);
      for (Path f : sorted) {
        Matcher m = DOC.matcher(Files.readString(f, StandardCharsets.ISO_8859_1));
        while (m.find() && out.size() < max) {
          LocalDate d =
              LocalDate.of(
                  Integer.parseInt(m.group(3)),
                  MONTHS.indexOf(m.group(2).toUpperCase(Locale.ROOT)) + 1,
                  Integer.parseInt(m.group(1)));
          String body = m.group(4).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
          out.add(new ArticleInput("r" + out.size(), null, body, d, null, "reuters", null));
        }
      }
    }
    return out;
  }

  @Test
  void shouldMeasureDetectionThroughputOnReutersArticles() throws IOException {
    // Given 2,000 Reuters-21578 articles with their dates tagged beforehand
    Path dir =
        Path.of(System.getProperty("herald.shared.dir", "../shared"), "data", "reuters21578");
    Assumptions.assumeTrue(
        Files.isDirectory(dir), "../shared/data/reuters21578 not present: skipping");
    List<ArticleInput> articles = reuters(dir, 2000);

    // When the detection stage runs over them three times
    ScheduleBenchmark.Result r = ScheduleBenchmark.run(articles, 3);

    // Then the figure is printed (CPU time; the target is 2,000 articles per CPU-second)
    System.out.printf(
        Locale.ROOT,
        "schedule detection: %d articles x %d rounds in %.3f CPU-s = %.0f articles/CPU-s"
            + " (%d claims, %d alerts per round)%n",
        r.articles(),
        r.rounds(),
        r.cpuNanos() / 1e9,
        r.articlesPerCpuSecond(),
        r.claims() / r.rounds(),
        r.alerts() / r.rounds());
    assertThat(r.articles()).isEqualTo(2000);
    assertThat(r.claims()).isPositive();
  }
}
