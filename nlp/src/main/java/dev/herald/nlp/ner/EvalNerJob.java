package dev.herald.nlp.ner;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code herald eval ner} job: precision, recall and F1 of the name finder (exact span and
 * type) on CoNLL-2003 test and wikigold, per type, over all four types, and over PER/ORG/LOC alone
 * (MISC is defined differently from corpus to corpus).
 */
public final class EvalNerJob {

  private EvalNerJob() {}

  /** Counts of one type. */
  public record Prf(long tp, long fp, long fn) {
    public double precision() {
      return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    public double recall() {
      return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    Prf plus(Prf o) {
      return new Prf(tp + o.tp, fp + o.fp, fn + o.fn);
    }
  }

  /** Scores of one corpus: per type, "ALL" (four types) and "PER+ORG+LOC". */
  public record Score(String corpus, Map<String, Prf> byType, long tokens, double seconds) {
    public Prf all() {
      return byType.get("ALL");
    }

    public Prf core() {
      return byType.get("PER+ORG+LOC");
    }
  }

  /** Evaluates the model at {@code modelFile} (the shipped model when null) and prints a table. */
  public static List<Score> run(Path nerDataDir, Path modelFile, PrintStream out)
      throws IOException {
    return run(nerDataDir, modelFile, null, out);
  }

  /**
   * As {@link #run(Path, Path, PrintStream)}; with {@code dumpDir} not null, also writes each
   * corpus's predictions there ({@code NAME.herald.txt}: token, gold tag, predicted tag in IOB2,
   * blank lines between sentences), for error analysis beside another system's output.
   */
  public static List<Score> run(Path nerDataDir, Path modelFile, Path dumpDir, PrintStream out)
      throws IOException {
    NerModel model;
    if (modelFile == null) {
      model = NerModel.standard();
      if (model == null) {
        throw new IOException("no NER model in the jar");
      }
    } else {
      try (InputStream in = Files.newInputStream(modelFile)) {
        model = NerModel.load(in);
      }
    }
    List<Score> scores = new ArrayList<>();
    Path test = nerDataDir.resolve("conll2003/test.txt");
    if (Files.isRegularFile(test)) {
      scores.add(score("conll2003-test", ConllCorpus.read(test), model, dumpDir));
    }
    Path wiki = nerDataDir.resolve("wikigold/wikigold.dev.conll");
    if (Files.isRegularFile(wiki)) {
      List<ConllCorpus.Document> wikiDocs = ConllCorpus.read(wiki);
      scores.add(score("wikigold", wikiDocs, model, dumpDir));
      if (Boolean.getBoolean("herald.ner.evalHalves")) {
        // Fixed halves for choosing among variants on one and reporting the other: documents by
        // index (0-based) in the file, even and odd.
        scores.add(score("wikigold-even", half(wikiDocs, 0), model, null));
        scores.add(score("wikigold-odd", half(wikiDocs, 1), model, null));
      }
    }
    print(scores, out);
    return scores;
  }

  /** The documents whose index modulo 2 is {@code parity}. */
  static List<ConllCorpus.Document> half(List<ConllCorpus.Document> docs, int parity) {
    List<ConllCorpus.Document> out = new ArrayList<>();
    for (int i = parity; i < docs.size(); i += 2) {
      out.add(docs.get(i));
    }
    return out;
  }

  static Score score(String name, List<ConllCorpus.Document> docs, NerModel model) {
    try {
      return score(name, docs, model, null);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Score score(String name, List<ConllCorpus.Document> docs, NerModel model, Path dumpDir)
      throws IOException {
    List<List<NameSpan>> gold = new ArrayList<>();
    List<List<NameSpan>> predicted = new ArrayList<>();
    List<List<String>> tokenLists = new ArrayList<>();
    long tokens = 0;
    long t0 = System.nanoTime();
    for (ConllCorpus.Document d : docs) {
      List<List<String>> sents = new ArrayList<>();
      for (ConllCorpus.Sentence s : d.sentences()) {
        sents.add(s.tokens());
        gold.add(s.names());
        tokens += s.tokens().size();
      }
      tokenLists.addAll(sents);
      predicted.addAll(model.tag(sents));
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    if (dumpDir != null) {
      dump(dumpDir.resolve(name + ".herald.txt"), tokenLists, gold, predicted);
    }
    return tally(name, gold, predicted, tokens, secs);
  }

  private static void dump(
      Path file,
      List<List<String>> tokens,
      List<List<NameSpan>> gold,
      List<List<NameSpan>> predicted)
      throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (java.io.BufferedWriter w = Files.newBufferedWriter(file)) {
      for (int s = 0; s < tokens.size(); s++) {
        List<String> toks = tokens.get(s);
        String[] g = iob2(toks.size(), gold.get(s));
        String[] p = iob2(toks.size(), predicted.get(s));
        for (int i = 0; i < toks.size(); i++) {
          w.write(toks.get(i) + "\t" + g[i] + "\t" + p[i] + "\n");
        }
        w.write("\n");
      }
    }
  }

  private static String[] iob2(int n, List<NameSpan> names) {
    String[] tags = new String[n];
    java.util.Arrays.fill(tags, "O");
    for (NameSpan s : names) {
      for (int i = s.start(); i < s.end() && i < n; i++) {
        tags[i] = (i == s.start() ? "B-" : "I-") + s.type();
      }
    }
    return tags;
  }

  /**
   * Scores another system's output against a gold file with the same counting as {@link #score}:
   * the predictions file has one token a line with the predicted tag in the last column (CoNLL
   * IOB1/IOB2, BILOU, or Stanford's bare types), blank lines between sentences, the gold file's
   * sentences in the same order with the same number of tokens each ({@code -DOCSTART-} lines are
   * optional in both).
   */
  public static Score scorePredictions(String name, Path goldFile, Path predictionsFile)
      throws IOException {
    List<ConllCorpus.Sentence> gold = sentences(ConllCorpus.read(goldFile));
    List<ConllCorpus.Sentence> pred = sentences(ConllCorpus.read(predictionsFile));
    if (gold.size() != pred.size()) {
      throw new IOException(
          predictionsFile
              + ": "
              + pred.size()
              + " sentences, but "
              + goldFile
              + " has "
              + gold.size());
    }
    List<List<NameSpan>> g = new ArrayList<>(gold.size());
    List<List<NameSpan>> p = new ArrayList<>(gold.size());
    long tokens = 0;
    for (int i = 0; i < gold.size(); i++) {
      int n = gold.get(i).tokens().size();
      if (pred.get(i).tokens().size() != n) {
        throw new IOException(
            predictionsFile
                + ": sentence "
                + (i + 1)
                + " has "
                + pred.get(i).tokens().size()
                + " tokens, the gold one "
                + n
                + " (starting "
                + gold.get(i).tokens().get(0)
                + ")");
      }
      g.add(gold.get(i).names());
      p.add(pred.get(i).names());
      tokens += n;
    }
    return tally(name, g, p, tokens, 0);
  }

  private static List<ConllCorpus.Sentence> sentences(List<ConllCorpus.Document> docs) {
    List<ConllCorpus.Sentence> out = new ArrayList<>();
    for (ConllCorpus.Document d : docs) {
      out.addAll(d.sentences());
    }
    return out;
  }

  /** Exact span-and-type counts per type over aligned sentences: the one scoring code path. */
  static Score tally(
      String name,
      List<List<NameSpan>> gold,
      List<List<NameSpan>> predicted,
      long tokens,
      double secs) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    for (String t : NerModel.TYPES) {
      counts.put(t, new long[3]);
    }
    for (int i = 0; i < gold.size(); i++) {
      count(gold.get(i), predicted.get(i), counts);
    }
    Map<String, Prf> by = new LinkedHashMap<>();
    Prf all = new Prf(0, 0, 0);
    Prf core = new Prf(0, 0, 0);
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      long[] c = e.getValue();
      Prf p = new Prf(c[0], c[1], c[2]);
      by.put(e.getKey(), p);
      all = all.plus(p);
      if (!e.getKey().equals("MISC")) {
        core = core.plus(p);
      }
    }
    by.put("PER+ORG+LOC", core);
    by.put("ALL", all);
    return new Score(name, by, tokens, secs);
  }

  private static void count(List<NameSpan> gold, List<NameSpan> pred, Map<String, long[]> counts) {
    Set<NameSpan> g = new HashSet<>(gold);
    for (NameSpan p : pred) {
      long[] c = counts.get(p.type());
      if (c == null) {
        continue;
      }
      if (g.contains(p)) {
        c[0]++;
      } else {
        c[1]++;
      }
    }
    Set<NameSpan> ps = new HashSet<>(pred);
    for (NameSpan s : gold) {
      long[] c = counts.get(s.type());
      if (c != null && !ps.contains(s)) {
        c[2]++;
      }
    }
  }

  /** Prints the table of {@link #run}. */
  public static void print(List<Score> scores, PrintStream out) {
    out.printf("%-16s %-12s %7s %7s %7s %6s%n", "corpus", "type", "P", "R", "F1", "gold");
    for (Score s : scores) {
      for (Map.Entry<String, Prf> e : s.byType().entrySet()) {
        Prf p = e.getValue();
        out.printf(
            "%-16s %-12s %7.4f %7.4f %7.4f %6d%n",
            s.corpus(), e.getKey(), p.precision(), p.recall(), p.f1(), p.tp() + p.fn());
      }
      if (s.seconds() > 0) {
        out.printf(
            "%-16s %d tokens tagged in %.1f s (%.0f tokens/s, wall)%n",
            s.corpus(), s.tokens(), s.seconds(), s.tokens() / s.seconds());
      }
    }
  }
}
