import dev.herald.app.bench.BenchArticles;
import dev.herald.app.bench.BenchCorpus;
import dev.herald.avro.RawArticle;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Same-JVM A/B of the tagging stages: two builds of the nlp module (class folders A and B) in two
 * class loaders, run over the same generated bench articles ({@link BenchCorpus}, as {@code
 * herald bench} makes them), passes interleaved and their order alternated, thread CPU time. On a
 * shared machine both sides see the same load, so the ratio B/A is the figure to quote. Run by
 * scripts/tagging-ab.sh.
 */
public class TaggingAB {
  record Doc(String id, LocalDate dct, String text) {}

  public static void main(String[] args) throws Exception {
    String a = args[0];
    String b = args[1];
    int rounds = Integer.parseInt(args[2]);
    List<String> names = List.of(args[3].split(","));
    Path samples = Path.of(args[4]);
    String lib = args[5];
    int n = args.length > 6 ? Integer.parseInt(args[6]) : 200;
    List<Doc> docs = articles(samples, n);
    Map<String, Consumer<Doc>> sa = stages(loader(a, lib));
    Map<String, Consumer<Doc>> sb = stages(loader(b, lib));
    var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Map<String, double[]> sum = new LinkedHashMap<>();
    System.out.printf("%d articles, %d rounds; CPU-ms per article (thread CPU)%n", docs.size(), rounds);
    for (int r = 0; r < rounds; r++) {
      StringBuilder line = new StringBuilder("round " + r + ":");
      for (String s : names) {
        double[] t = new double[2];
        for (int k = 0; k < 2; k++) {
          int side = (r + k) % 2; // alternate which side runs first
          Consumer<Doc> w = (side == 0 ? sa : sb).get(s);
          long c0 = mx.getCurrentThreadCpuTime();
          for (Doc d : docs) {
            w.accept(d);
          }
          t[side] = (mx.getCurrentThreadCpuTime() - c0) / 1e6 / docs.size();
        }
        line.append(String.format(" %s A=%.3f B=%.3f", s, t[0], t[1]));
        if (r >= rounds / 2) { // the first half warms the JIT
          double[] acc = sum.computeIfAbsent(s, x -> new double[3]);
          acc[0] += t[0];
          acc[1] += t[1];
          acc[2]++;
        }
      }
      System.out.println(line);
    }
    StringBuilder line = new StringBuilder("mean of the last half:");
    sum.forEach(
        (s, acc) ->
            line.append(
                String.format(
                    " %s A=%.3f B=%.3f (B/A %.2f)",
                    s, acc[0] / acc[2], acc[1] / acc[2], acc[1] / acc[0])));
    System.out.println(line);
  }

  /** The first {@code n} originals (no syndicated copies) of the bench stream, seed 42. */
  static List<Doc> articles(Path samples, int n) throws Exception {
    BenchCorpus c = new BenchCorpus(BenchArticles.shippedParagraphs(samples), 0.1, 0.3, 120, 42);
    Instant first = Instant.parse("2026-11-20T00:00:00Z");
    List<Doc> out = new ArrayList<>();
    for (int i = 0; out.size() < n; i++) {
      BenchCorpus.Item it = c.next(first.plusSeconds(54L * i));
      if (!it.copy()) {
        RawArticle r = it.article();
        Instant at = r.getPublishedAt() != null ? r.getPublishedAt() : r.getFetchedAt();
        out.add(new Doc(r.getId(), at.atOffset(ZoneOffset.UTC).toLocalDate(), r.getText()));
      }
    }
    return out;
  }

  /** The nlp classes plus the third-party jars (not Herald's own) of the app's lib folder. */
  static URLClassLoader loader(String nlp, String lib) throws Exception {
    List<URL> urls = new ArrayList<>();
    urls.add(Path.of(nlp).toUri().toURL());
    for (File f : new File(lib).listFiles()) {
      if (f.getName().endsWith(".jar") && !f.getName().startsWith("herald-")) {
        urls.add(f.toURI().toURL());
      }
    }
    return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
  }

  /** The stages StageProfile measures, plus the trained entity tagger analyze runs for English. */
  static Map<String, Consumer<Doc>> stages(ClassLoader cl) throws Exception {
    Method detect = cl.loadClass("dev.herald.nlp.text.LanguageDetector").getMethod("detect", String.class);
    Class<?> tt = cl.loadClass("dev.herald.nlp.time.TimexTagger");
    Object tagger = tt.getMethod("standard").invoke(null);
    Method tag = tt.getMethod("tag", String.class, LocalDate.class);
    Method split = cl.loadClass("dev.herald.nlp.text.SentenceSplitter").getMethod("split", String.class);
    Method recognize =
        cl.loadClass("dev.herald.nlp.entity.EntityRecognizer").getMethod("recognize", String.class, List.class);
    Class<?> et = cl.loadClass("dev.herald.nlp.ner.EntityTagger");
    Object entityTagger = et.getMethod("standard").invoke(null);
    Method etag = et.getMethod("tag", String.class);
    Class<?> sd = cl.loadClass("dev.herald.nlp.schedule.ScheduleDetector");
    Object detector = sd.getMethod("standard").invoke(null);
    Class<?> ai = cl.loadClass("dev.herald.nlp.schedule.ArticleInput");
    Constructor<?> input = ai.getConstructors()[0];
    Method analyze = sd.getMethod("analyze", ai);
    Map<String, Consumer<Doc>> m = new LinkedHashMap<>();
    m.put("language", d -> call(detect, null, d.text()));
    m.put("dates", d -> call(tag, tagger, d.text(), d.dct()));
    m.put("entities", d -> call(recognize, null, d.text(), call(split, null, d.text())));
    m.put("entity_tagger", d -> call(etag, entityTagger, d.text()));
    m.put(
        "analyze",
        d -> {
          try {
            call(analyze, detector, input.newInstance(d.id(), "", d.text(), d.dct(), null, null, null));
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
        });
    return m;
  }

  static Object call(Method m, Object o, Object... args) {
    try {
      return m.invoke(o, args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
