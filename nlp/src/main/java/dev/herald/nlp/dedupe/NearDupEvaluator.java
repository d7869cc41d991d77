package dev.herald.nlp.dedupe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Measures precision and recall of duplicate decisions ({@link NearDupFingerprinter#compare}) on
 * the Reuters-21578 candidate pairs in {@code shared/data/neardup} (labels: {@code
 * reuters-neardup-labels.tsv}, ids only) and on syndicated copies and negatives generated from
 * Reuters articles at run time. See docs/adr/0006-near-duplicate-detection.md for the rules.
 */
public final class NearDupEvaluator {

  /** Confusion counts of one set of pairs. */
  public record Score(String name, int tp, int fp, int fn, int tn) {
    public double precision() {
      return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
    }

    public double recall() {
      return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    Score plus(boolean truth, boolean predicted) {
      return new Score(
          name,
          tp + (truth && predicted ? 1 : 0),
          fp + (!truth && predicted ? 1 : 0),
          fn + (truth && !predicted ? 1 : 0),
          tn + (!truth && !predicted ? 1 : 0));
    }
  }

  /** One evaluated pair, kept for error listings. */
  record Pair(String set, String a, String b, boolean truth, NearDupFingerprinter.Verdict v) {}

  /** Pairs published further apart than this never meet in the index; scored separately. */
  static final Duration WINDOW = DedupeIndex.DEFAULT_RETENTION;

  /** A same-story pair is an update, not a copy, below this full-text containment. */
  static final double UPDATE_CONTAINMENT = 0.7;

  /** ... or when more than this share of the later text's figures is new. */
  static final double UPDATE_NEW_FIGURES = 0.1;

  /** Real template pairs count only when this much of the later text is in the earlier one. */
  static final double LOOK_ALIKE = 0.3;

  private static final int SYNTHETIC_ORIGINALS = 400;
  private static final long SEED = 6L;

  private final NearDupFingerprinter fingerprinter;
  private final List<Pair> pairs = new ArrayList<>();

  public NearDupEvaluator(NearDupFingerprinter fingerprinter) {
    this.fingerprinter = fingerprinter;
  }

  public static void main(String[] args) throws IOException {
    Path shared =
        Path.of(args.length > 0 ? args[0] : System.getProperty("herald.shared.dir", "../shared"));
    new NearDupEvaluator(new NearDupFingerprinter()).run(shared, System.out);
  }

  /** Runs every set, prints the table; empty when the corpus is not there. */
  public Optional<List<Score>> run(Path shared, PrintStream out) throws IOException {
    Path pairsFile = shared.resolve("data/neardup/reuters21578_neardup_pairs.jsonl");
    Path corpusDir = shared.resolve("data/reuters21578");
    if (!Files.isRegularFile(pairsFile) || !Files.isDirectory(corpusDir)) {
      out.println(
          "near-dup evaluation skipped: " + pairsFile + " or " + corpusDir + " not present");
      return Optional.empty();
    }
    long start = System.nanoTime();
    Map<Integer, ReutersCorpus.Article> corpus = ReutersCorpus.read(corpusDir);
    Map<Integer, NearDupFingerprint> fps = new HashMap<>();
    List<Score> scores = new ArrayList<>();
    scores.addAll(reutersPairs(pairsFile, corpus, fps));
    scores.addAll(synthetic(corpus, pairsFile, labels().keySet()));
    print(scores, out);
    printErrors(out);
    out.printf(
        Locale.ROOT,
        "settings: %s%nevaluated in %.1f s%n",
        fingerprinter.settings(),
        (System.nanoTime() - start) / 1e9);
    return Optional.of(scores);
  }

  private List<Score> reutersPairs(
      Path pairsFile,
      Map<Integer, ReutersCorpus.Article> corpus,
      Map<Integer, NearDupFingerprint> fps)
      throws IOException {
    Map<String, Boolean> sameStory = labels();
    Score copies = new Score("reuters copies (<=7d)", 0, 0, 0, 0);
    Score story = new Score("reuters same story (<=7d)", 0, 0, 0, 0);
    Score far = new Score("reuters copies (>7d apart)", 0, 0, 0, 0);
    int updates = 0;
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(pairsFile, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = json.readTree(line);
      int a = n.get("newid_a").asInt();
      int b = n.get("newid_b").asInt();
      Boolean same = sameStory.get(a + "\t" + b);
      ReutersCorpus.Article x = corpus.get(a);
      ReutersCorpus.Article y = corpus.get(b);
      if (same == null || x == null || y == null) {
        continue;
      }
      if (y.date().isBefore(x.date())) {
        ReutersCorpus.Article t = x;
        x = y;
        y = t;
      }
      NearDupFingerprinter.Verdict v = fingerprinter.compare(fp(fps, x), fp(fps, y));
      boolean update = same && isUpdate(x.body(), y.body());
      boolean copy = same && !update;
      updates += update ? 1 : 0;
      boolean near = Duration.between(x.date(), y.date()).compareTo(WINDOW) <= 0;
      if (near) {
        copies = copies.plus(copy, v.duplicate());
        story = story.plus(same, v.duplicate());
        pairs.add(new Pair("reuters", "" + x.newId(), "" + y.newId(), copy, v));
      } else {
        far = far.plus(copy, v.duplicate());
      }
    }
    return List.of(copies, story, far, new Score("  (of which updates)", updates, 0, 0, 0));
  }

  /** Full-text rule: the later article adds much new text or new figures. */
  static boolean isUpdate(String earlier, String later) {
    List<List<String>> es0 = NearDupFingerprinter.sentences(Boilerplate.strip(earlier));
    List<List<String>> ls0 = NearDupFingerprinter.sentences(Boilerplate.strip(later));
    List<String> e = NearDupFingerprinter.flatten(es0);
    List<String> l = NearDupFingerprinter.flatten(ls0);
    Set<Long> es = toSet(NearDupFingerprinter.distinctShingles(es0, 5));
    long[] ls = NearDupFingerprinter.distinctShingles(ls0, 5);
    int in = 0;
    for (long s : ls) {
      in += es.contains(s) ? 1 : 0;
    }
    double containment = ls.length == 0 ? 0 : (double) in / ls.length;
    Set<String> ef = new HashSet<>(NearDupFingerprinter.figures(e));
    Set<String> lf = new HashSet<>(NearDupFingerprinter.figures(l));
    long fresh = lf.stream().filter(f -> !ef.contains(f)).count();
    double newFigures = lf.isEmpty() ? 0 : (double) fresh / lf.size();
    return containment < UPDATE_CONTAINMENT || newFigures > UPDATE_NEW_FIGURES;
  }

  private static Set<Long> toSet(long[] values) {
    Set<Long> s = new HashSet<>();
    for (long v : values) {
      s.add(v);
    }
    return s;
  }

  private NearDupFingerprint fp(Map<Integer, NearDupFingerprint> cache, ReutersCorpus.Article a) {
    return cache.computeIfAbsent(a.newId(), k -> fingerprinter.fingerprint(a.title(), a.body()));
  }

  private static Map<String, Boolean> labels() throws IOException {
    Map<String, Boolean> out = new HashMap<>();
    try (InputStream in =
        NearDupEvaluator.class.getResourceAsStream("reuters-neardup-labels.tsv")) {
      if (in == null) {
        throw new IOException("reuters-neardup-labels.tsv missing from the classpath");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t");
        out.put(f[0] + "\t" + f[1], "1".equals(f[2]));
      }
    }
    return out;
  }

  private List<Score> synthetic(
      Map<Integer, ReutersCorpus.Article> corpus, Path pairsFile, Set<String> labelled)
      throws IOException {
    Set<Integer> inPairs = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(pairsFile, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        JsonNode n = json.readTree(line);
        inPairs.add(n.get("newid_a").asInt());
        inPairs.add(n.get("newid_b").asInt());
      }
    }
    List<ReutersCorpus.Article> pool = new ArrayList<>();
    for (ReutersCorpus.Article a : corpus.values()) {
      if (!inPairs.contains(a.newId()) && a.paragraphs().size() >= 2 && words(a) >= 40) {
        pool.add(a);
      }
    }
    Random rnd = new Random(SEED);
    java.util.Collections.shuffle(pool, rnd);
    List<ReutersCorpus.Article> originals =
        pool.subList(0, Math.min(SYNTHETIC_ORIGINALS, pool.size()));

    Map<String, Score> byKind = new LinkedHashMap<>();
    Score lsh = new Score("  copies found by a shared band key + verified", 0, 0, 0, 0);
    Score all = new Score("synthetic syndication (all)", 0, 0, 0, 0);
    for (ReutersCorpus.Article a : originals) {
      List<String> paras = a.paragraphs();
      NearDupFingerprint orig = fingerprinter.fingerprint(a.title(), Syndication.join(paras));
      for (String t : Syndication.TRANSFORMS) {
        Syndication.Doc c = Syndication.copy(t, a.title(), paras, rnd);
        NearDupFingerprint copy = fingerprinter.fingerprint(c.title(), c.body());
        NearDupFingerprinter.Verdict v = fingerprinter.compare(orig, copy);
        boolean candidate =
            fingerprinter.bandKeys(copy).stream().anyMatch(fingerprinter.bandKeys(orig)::contains);
        lsh = lsh.plus(true, candidate && v.duplicate());
        byKind.merge(
            "  copy: " + t,
            new Score("  copy: " + t, 0, 0, 0, 0).plus(true, v.duplicate()),
            NearDupEvaluator::sum);
        all = all.plus(true, v.duplicate());
        pairs.add(new Pair("copy:" + t, "" + a.newId(), "copy", true, v));
      }
      // Negatives: the same story with other figures, and a follow-up reusing some background.
      Syndication.Doc n = Syndication.otherFigures(a.title(), paras, rnd);
      if (!new HashSet<>(figuresOf(n.body())).equals(new HashSet<>(figuresOf(a.body())))) {
        all = negative(byKind, all, "  negative: template, other figures", orig, n, a);
      }
      ReutersCorpus.Article other = laterOnSameTopic(a, pool, rnd);
      if (other != null && paras.size() >= 2) {
        Syndication.Doc f = Syndication.followUp(paras, other.title(), other.paragraphs(), rnd);
        all = negative(byKind, all, "  negative: follow-up", orig, f, a);
      }
    }
    List<Score> out = new ArrayList<>();
    out.add(all);
    out.addAll(byKind.values());
    out.add(lsh);
    out.addAll(realTemplates(corpus, labelled));
    return out;
  }

  private Score negative(
      Map<String, Score> byKind,
      Score all,
      String kind,
      NearDupFingerprint orig,
      Syndication.Doc doc,
      ReutersCorpus.Article a) {
    NearDupFingerprinter.Verdict v =
        fingerprinter.compare(orig, fingerprinter.fingerprint(doc.title(), doc.body()));
    byKind.merge(
        kind, new Score(kind, 0, 0, 0, 0).plus(false, v.duplicate()), NearDupEvaluator::sum);
    pairs.add(new Pair(kind.strip(), "" + a.newId(), "generated", false, v));
    return all.plus(false, v.duplicate());
  }

  private static ReutersCorpus.Article laterOnSameTopic(
      ReutersCorpus.Article a, List<ReutersCorpus.Article> pool, Random rnd) {
    for (int tries = 0; tries < 200; tries++) {
      ReutersCorpus.Article o = pool.get(rnd.nextInt(pool.size()));
      if (o.newId() != a.newId()
          && !a.topics().isEmpty()
          && o.topics().stream().anyMatch(a.topics()::contains)
          && o.paragraphs().size() >= 2) {
        return o;
      }
    }
    return null;
  }

  /**
   * Real template look-alikes from the corpus: notices of different companies under the same
   * headline template ("... QTR NET", "... DIVIDEND"), and the same headline on another day with
   * other figures, published within the window. None of them is a copy.
   */
  private List<Score> realTemplates(
      Map<Integer, ReutersCorpus.Article> corpus, Set<String> labelled) {
    Map<Integer, NearDupFingerprint> fps = new HashMap<>();
    Map<String, List<ReutersCorpus.Article>> byTemplate = new TreeMap<>();
    for (ReutersCorpus.Article a : corpus.values()) {
      if (a.body().isBlank()) {
        continue;
      }
      String t = a.title().toUpperCase(Locale.ROOT);
      int gt = t.lastIndexOf('>');
      String key =
          gt >= 0 ? "co:" + t.substring(gt + 1).replaceAll("[^A-Z ]", "").strip() : "t:" + t;
      byTemplate.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
    }
    Score companies = new Score("  real look-alikes: other company", 0, 0, 0, 0);
    Score days = new Score("  real look-alikes: same headline, other day", 0, 0, 0, 0);
    for (Map.Entry<String, List<ReutersCorpus.Article>> g : byTemplate.entrySet()) {
      List<ReutersCorpus.Article> list = g.getValue();
      if (list.size() < 2 || list.size() > 400) {
        continue;
      }
      boolean company = g.getKey().startsWith("co:");
      for (int i = 0; i < list.size(); i++) {
        for (int j = i + 1; j < list.size(); j++) {
          ReutersCorpus.Article x = list.get(i);
          ReutersCorpus.Article y = list.get(j);
          if (y.date().isBefore(x.date())) {
            ReutersCorpus.Article t = x;
            x = y;
            y = t;
          }
          Duration apart = Duration.between(x.date(), y.date());
          if (apart.compareTo(WINDOW) > 0
              || labelled.contains(x.newId() + "\t" + y.newId())
              || labelled.contains(y.newId() + "\t" + x.newId())) {
            continue;
          }
          if (company) {
            if (ticker(x.title()).equals(ticker(y.title()))) {
              continue;
            }
          } else if (apart.toHours() < 20 || !isUpdate(x.body(), y.body())) {
            continue; // same headline: keep only other days with other figures or text
          }
          NearDupFingerprinter.Verdict v = fingerprinter.compare(fp(fps, x), fp(fps, y));
          if (v.containment() < LOOK_ALIKE) {
            continue; // unrelated texts: trivially apart, they would only inflate the count
          }
          pairs.add(
              new Pair(
                  company ? "real-company" : "real-day", "" + x.newId(), "" + y.newId(), false, v));
          if (company) {
            companies = companies.plus(false, v.duplicate());
          } else {
            days = days.plus(false, v.duplicate());
          }
        }
      }
    }
    return List.of(companies, days);
  }

  private static String ticker(String title) {
    int lt = title.indexOf('<');
    int gt = title.indexOf('>', Math.max(lt, 0));
    return lt >= 0 && gt > lt ? title.substring(lt, gt) : title;
  }

  private static List<String> figuresOf(String text) {
    return NearDupFingerprinter.figures(NearDupFingerprinter.words(Boilerplate.strip(text)));
  }

  private static int words(ReutersCorpus.Article a) {
    return NearDupFingerprinter.words(a.body()).size();
  }

  private static Score sum(Score a, Score b) {
    return new Score(a.name(), a.tp() + b.tp(), a.fp() + b.fp(), a.fn() + b.fn(), a.tn() + b.tn());
  }

  static void print(List<Score> scores, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "%-44s %6s %6s %6s %6s %6s %9s %7s %6s%n",
        "set",
        "TP",
        "FP",
        "FN",
        "TN",
        "pairs",
        "precision",
        "recall",
        "F1");
    for (Score s : scores) {
      out.printf(
          Locale.ROOT,
          "%-44s %6d %6d %6d %6d %6d %9.3f %7.3f %6.3f%n",
          s.name(),
          s.tp(),
          s.fp(),
          s.fn(),
          s.tn(),
          s.tp() + s.fp() + s.fn() + s.tn(),
          s.precision(),
          s.recall(),
          s.f1());
    }
  }

  private void printErrors(PrintStream out) {
    int shown = 0;
    for (Pair p : pairs) {
      if (p.truth() != p.v().duplicate()
          && shown++ < Integer.getInteger("herald.dedupe.errors", 0)) {
        out.printf(
            Locale.ROOT,
            "  %s %s %s %s: c=%.2f j=%.2f nf=%.2f t=%.2f %s%n",
            p.truth() ? "FN" : "FP",
            p.set(),
            p.a(),
            p.b(),
            p.v().containment(),
            p.v().jaccard(),
            p.v().newFigures(),
            p.v().titleSimilarity(),
            p.v().reason());
      }
    }
  }
}
