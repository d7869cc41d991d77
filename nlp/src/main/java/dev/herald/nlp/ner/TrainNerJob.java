package dev.herald.nlp.ner;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Event;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.TrainingParameters;

/**
 * The {@code herald train ner} job: trains Herald's English name finder from CoNLL-2003 train and
 * valid (under {@code nerDataDir/conll2003}) with OpenNLP's averaged perceptron trainer (or its
 * L-BFGS maxent trainer), learning the word classes and truecasing dictionary from the same text,
 * and writes the model zip. Deterministic for the same data and settings.
 */
public final class TrainNerJob {

  private TrainNerJob() {}

  /**
   * Training settings.
   *
   * @param trainer OpenNLP trainer: PERCEPTRON (averaged) or MAXENT_QN (L-BFGS, elastic net)
   * @param iterations training iterations
   * @param l1 L1 cost (sparsity)
   * @param l2 L2 cost
   * @param cutoff minimum feature count
   * @param threads trainer threads
   * @param beam decoder beam width stored in the model
   * @param prevMap use the previous-map feature
   * @param classShape use the word-class-with-shape features
   * @param usualCase use the usual-case feature (the truecasing dictionary's form)
   * @param docNeighbours use the capitalised neighbours a word has elsewhere in the document
   * @param runHead use the last word of the run of capitalised words a word is in
   * @param granularities word-class granularities
   */
  public record Settings(
      String trainer,
      int iterations,
      double l1,
      double l2,
      int cutoff,
      int threads,
      int beam,
      boolean prevMap,
      boolean classShape,
      boolean usualCase,
      boolean docNeighbours,
      boolean runHead,
      int[] granularities) {

    public static Settings defaults() {
      return new Settings(
          System.getProperty("herald.ner.trainer", "PERCEPTRON"),
          intProp("herald.ner.iterations", 100),
          doubleProp("herald.ner.l1", 0.5),
          doubleProp("herald.ner.l2", 0.5),
          intProp("herald.ner.cutoff", 1),
          intProp("herald.ner.threads", 2),
          intProp("herald.ner.beam", 1),
          Boolean.parseBoolean(System.getProperty("herald.ner.prevMap", "true")),
          Boolean.parseBoolean(System.getProperty("herald.ner.classShape", "true")),
          Boolean.parseBoolean(System.getProperty("herald.ner.usualCase", "true")),
          Boolean.parseBoolean(System.getProperty("herald.ner.docNeighbours", "false")),
          Boolean.parseBoolean(System.getProperty("herald.ner.runHead", "false")),
          new int[] {64, 256, 1024});
    }
  }

  /** Trains on CoNLL-2003 train+valid under {@code nerDataDir} and writes {@code modelOut}. */
  public static void run(Path nerDataDir, Path modelOut, PrintStream log) throws IOException {
    run(nerDataDir, modelOut, log, Settings.defaults());
  }

  public static void run(Path nerDataDir, Path modelOut, PrintStream log, Settings settings)
      throws IOException {
    run(nerDataDir, null, modelOut, log, settings);
  }

  /**
   * As {@link #run(Path, Path, PrintStream)}, with the word classes learnt from the training text
   * plus the unlabelled Reuters-21578 article bodies under {@code clusterText} (null: none).
   */
  public static void run(Path nerDataDir, Path clusterText, Path modelOut, PrintStream log)
      throws IOException {
    run(nerDataDir, clusterText, modelOut, log, Settings.defaults());
  }

  static void run(
      Path nerDataDir, Path clusterText, Path modelOut, PrintStream log, Settings settings)
      throws IOException {
    Path conll = nerDataDir.resolve("conll2003");
    List<ConllCorpus.Document> docs = new ArrayList<>();
    docs.addAll(ConllCorpus.read(conll.resolve("train.txt")));
    docs.addAll(ConllCorpus.read(conll.resolve("valid.txt")));
    List<List<String>> unlabelled = List.of();
    if (clusterText != null) {
      long t = System.nanoTime();
      unlabelled = ClusterText.reuters21578(clusterText);
      log.printf(
          "unlabelled text for word classes: %d sentences from %s in %.0f s%n",
          unlabelled.size(), clusterText, (System.nanoTime() - t) / 1e9);
    }
    long t0 = System.nanoTime();
    NerModel model = train(docs, unlabelled, settings, log, modelOut);
    log.printf(
        "trained on %d documents in %.0f s: %d features%n",
        docs.size(), (System.nanoTime() - t0) / 1e9, model.parameters());
  }

  static NerModel train(
      List<ConllCorpus.Document> docs,
      List<List<String>> unlabelled,
      Settings settings,
      PrintStream log,
      Path modelOut)
      throws IOException {
    List<List<String>> all = new ArrayList<>(unlabelled);
    List<List<String>> body = new ArrayList<>();
    for (ConllCorpus.Document d : docs) {
      for (ConllCorpus.Sentence s : d.sentences()) {
        all.add(s.tokens());
        if (!Features.isHeadline(s.tokens())) {
          body.add(s.tokens());
        }
      }
    }
    long t = System.nanoTime();
    WordClusters clusters = clusters(all, settings, log);
    log.printf(
        "word classes: %d words in %.0f s%n", clusters.size(), (System.nanoTime() - t) / 1e9);
    // With the usual-case feature, the truecasing dictionary learns from the unlabelled body text
    // too (it then covers the words the word classes cover).
    for (List<String> s : settings.usualCase() ? unlabelled : List.<List<String>>of()) {
      if (!Features.isHeadline(s)) {
        body.add(s);
      }
    }
    Truecaser truecaser = Truecaser.learn(body);
    Properties props = new Properties();
    props.setProperty("format", "1");
    props.setProperty("beam", Integer.toString(settings.beam()));
    props.setProperty("prevMap", Boolean.toString(settings.prevMap()));
    props.setProperty("classShape", Boolean.toString(settings.classShape()));
    props.setProperty("usualCase", Boolean.toString(settings.usualCase()));
    props.setProperty("docNeighbours", Boolean.toString(settings.docNeighbours()));
    props.setProperty("runHead", Boolean.toString(settings.runHead()));
    props.setProperty("trainer", settings.trainer());
    props.setProperty("iterations", Integer.toString(settings.iterations()));
    props.setProperty("l1", Double.toString(settings.l1()));
    props.setProperty("l2", Double.toString(settings.l2()));
    props.setProperty("cutoff", Integer.toString(settings.cutoff()));
    props.setProperty("clusterSentences", Integer.toString(all.size()));
    Features features =
        new Features(
            clusters,
            truecaser,
            Places.standard(),
            settings.prevMap(),
            settings.classShape(),
            settings.usualCase(),
            settings.docNeighbours(),
            settings.runHead());

    List<Event> events = events(docs, features);
    log.printf("%d training events%n", events.size());
    TrainingParameters tp = new TrainingParameters();
    tp.put(TrainingParameters.ALGORITHM_PARAM, settings.trainer());
    tp.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
    tp.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
    tp.put("L1Cost", settings.l1());
    tp.put("L2Cost", settings.l2());
    tp.put("Threads", settings.threads());
    tp.put("PrintMessages", false);
    EventTrainer trainer = TrainerFactory.getEventTrainer(tp, null);
    t = System.nanoTime();
    AbstractModel maxent = (AbstractModel) trainer.train(new ListStream(events));
    log.printf("%s trained in %.0f s%n", settings.trainer(), (System.nanoTime() - t) / 1e9);
    AbstractModel pruned = NerModel.prune(maxent, 1e-4);
    NerModel model =
        new NerModel(clusters, truecaser, NerModel.table(pruned), props, Places.standard());
    if (modelOut != null) {
      if (modelOut.getParent() != null) {
        Files.createDirectories(modelOut.getParent());
      }
      try (OutputStream out = Files.newOutputStream(modelOut)) {
        model.save(out, pruned);
      }
      log.printf("wrote %s (%d bytes)%n", modelOut, Files.size(modelOut));
    }
    return model;
  }

  /**
   * Word classes of the training text. The exchange algorithm takes minutes on a busy machine, so a
   * cache file (system property {@code herald.ner.clusterCache}) may hold them between runs of the
   * same data and granularities.
   */
  private static WordClusters clusters(List<List<String>> all, Settings settings, PrintStream log)
      throws IOException {
    String cache = System.getProperty("herald.ner.clusterCache");
    if (cache != null && Files.isRegularFile(Path.of(cache))) {
      try (java.io.BufferedReader r = Files.newBufferedReader(Path.of(cache))) {
        log.println("word classes from " + cache);
        return WordClusters.read(r);
      }
    }
    WordClusters c = WordClusters.learn(all, settings.granularities(), 2, 8);
    if (cache != null) {
      try (java.io.Writer w = Files.newBufferedWriter(Path.of(cache))) {
        c.write(w);
      }
    }
    return c;
  }

  /** One event per token: static features plus gold tag history, as hexadecimal predicate names. */
  static List<Event> events(List<ConllCorpus.Document> docs, Features features) {
    List<Event> events = new ArrayList<>();
    long[] buf = new long[Features.MAX_STATIC];
    long[] tbuf = new long[Features.TAG_FEATURES];
    for (ConllCorpus.Document d : docs) {
      List<List<String>> sents = new ArrayList<>();
      for (ConllCorpus.Sentence s : d.sentences()) {
        sents.add(s.tokens());
      }
      Features.Doc doc = features.doc(sents);
      for (int si = 0; si < sents.size(); si++) {
        Features.View v = features.view(doc, si);
        int[] gold = NerModel.encode(v.n, d.sentences().get(si).names());
        for (int i = 0; i < v.n; i++) {
          int k = features.staticFeatures(doc, v, i, buf);
          int tk =
              Features.tagFeatures(v, i, i > 0 ? gold[i - 1] : -1, i > 1 ? gold[i - 2] : -1, tbuf);
          String[] ctx = new String[k + tk];
          for (int j = 0; j < k; j++) {
            ctx[j] = Long.toHexString(buf[j]);
          }
          for (int j = 0; j < tk; j++) {
            ctx[k + j] = Long.toHexString(tbuf[j]);
          }
          events.add(new Event(NerModel.outcomeName(gold[i]), ctx));
        }
        NerModel.remember(doc, v, gold);
      }
    }
    return events;
  }

  private static final class ListStream implements ObjectStream<Event> {
    private final List<Event> events;
    private Iterator<Event> it;

    ListStream(List<Event> events) {
      this.events = events;
      this.it = events.iterator();
    }

    @Override
    public Event read() {
      return it.hasNext() ? it.next() : null;
    }

    @Override
    public void reset() {
      it = events.iterator();
    }
  }

  private static int intProp(String name, int def) {
    return Integer.parseInt(System.getProperty(name, Integer.toString(def)));
  }

  private static double doubleProp(String name, double def) {
    return Double.parseDouble(System.getProperty(name, Double.toString(def)));
  }
}
