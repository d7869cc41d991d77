package dev.herald.nlp.ner;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.perceptron.PerceptronModel;
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
   * The shipped model's members: all leave out the identity of words seen once in training; of each
   * three, one adds the name lists and one the last word of the capitalised run. The first three
   * learn from whole documents, the last three from every sentence as a document of its own (a
   * one-sentence text has no document memory to lean on). Their average types unseen text better
   * than any of them (MODEL.md).
   */
  static final String DEFAULT_MEMBERS =
      "rareWords=1;rareWords=1,names=true;rareWords=1,runHead=true;"
          + "rareWords=1,splitDocs=1;rareWords=1,names=true,splitDocs=1;"
          + "rareWords=1,runHead=true,splitDocs=1";

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
   * @param names use the name lists ({@link Names}: given names, surnames, WordNet names)
   * @param rareWords leave out the word-identity features of words seen at most this often (0:
   *     none; see {@link #events(List, Features, int)})
   * @param splitDocs train on every {@code n}th document cut into one-sentence documents ({@link
   *     #splitEvery}; 0: none, 1: every document)
   * @param members an ensemble: members separated by ';', each a comma-separated list of overrides
   *     of these settings ({@code rareWords=1,names=true}; {@code base}: none); the model averages
   *     the members' weights. Empty: one model.
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
      boolean names,
      int rareWords,
      int splitDocs,
      String members,
      int[] granularities) {

    /** The settings of one member: these with the member's overrides. */
    Settings member(String overrides) {
      boolean memberRunHead = runHead;
      boolean memberNames = names;
      int memberRareWords = rareWords;
      int memberSplitDocs = splitDocs;
      for (String o : overrides.split(",")) {
        String kv = o.trim();
        if (kv.isEmpty() || kv.equals("base")) {
          continue;
        }
        int eq = kv.indexOf('=');
        if (eq < 0) {
          throw new IllegalArgumentException("member setting without '=': " + kv);
        }
        String v = kv.substring(eq + 1);
        switch (kv.substring(0, eq)) {
          case "names" -> memberNames = Boolean.parseBoolean(v);
          case "runHead" -> memberRunHead = Boolean.parseBoolean(v);
          case "rareWords" -> memberRareWords = Integer.parseInt(v);
          case "splitDocs" -> memberSplitDocs = Integer.parseInt(v);
          default -> throw new IllegalArgumentException("unknown member setting: " + kv);
        }
      }
      // A member is one model: it has no members of its own.
      return new Settings(
          trainer,
          iterations,
          l1,
          l2,
          cutoff,
          threads,
          beam,
          prevMap,
          classShape,
          usualCase,
          docNeighbours,
          memberRunHead,
          memberNames,
          memberRareWords,
          memberSplitDocs,
          "",
          granularities);
    }

    /** The members' settings; this alone when not an ensemble. */
    List<Settings> memberSettings() {
      List<Settings> out = new ArrayList<>();
      if (members.isBlank()) {
        out.add(this);
        return out;
      }
      for (String m : members.split(";")) {
        out.add(member(m));
      }
      return out;
    }

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
          Boolean.parseBoolean(System.getProperty("herald.ner.names", "false")),
          intProp("herald.ner.rareWords", 0),
          intProp("herald.ner.splitDocs", 0),
          System.getProperty("herald.ner.members", DEFAULT_MEMBERS),
          new int[] {64, 256, 1024});
    }
  }

  /** Trains on CoNLL-2003 train+valid under {@code nerDataDir} and writes {@code modelOut}. */
  public static void run(Path nerDataDir, Path modelOut, PrintStream log) throws IOException {
    run(nerDataDir, List.of(), modelOut, log, Settings.defaults(), Stage2.fromProperties());
  }

  public static void run(Path nerDataDir, Path modelOut, PrintStream log, Settings settings)
      throws IOException {
    run(nerDataDir, List.of(), modelOut, log, settings, Stage2.NONE);
  }

  /**
   * As {@link #run(Path, Path, PrintStream)}, with the word classes learnt from the training text
   * plus the unlabelled Reuters-21578 article bodies under {@code clusterText} (null: none).
   */
  public static void run(Path nerDataDir, Path clusterText, Path modelOut, PrintStream log)
      throws IOException {
    run(nerDataDir, clusterText, modelOut, log, Settings.defaults(), Stage2.fromProperties());
  }

  /**
   * As {@link #run(Path, Path, Path, PrintStream)}, the word classes and usual-case dictionary
   * learning from every source of {@code clusterTexts} in order (Reuters-21578 directories and
   * TimeML, token-XML, JSON or plain-text files or directories: {@link ClusterText#read(List)}).
   */
  public static void run(Path nerDataDir, List<Path> clusterTexts, Path modelOut, PrintStream log)
      throws IOException {
    run(nerDataDir, clusterTexts, null, modelOut, log);
  }

  /**
   * As {@link #run(Path, List, Path, PrintStream)}, with the GloVe word-class features when {@code
   * gloveVectors} (GloVe's text format; null: none) is given: their classes are learnt from those
   * vectors ({@link VectorClasses}; or read from {@code herald.ner.gloveCache}) and go into the
   * model.
   */
  public static void run(
      Path nerDataDir, List<Path> clusterTexts, Path gloveVectors, Path modelOut, PrintStream log)
      throws IOException {
    run(
        nerDataDir,
        clusterTexts,
        gloveVectors,
        modelOut,
        log,
        Settings.defaults(),
        Stage2.fromProperties());
  }

  static void run(
      Path nerDataDir,
      Path clusterText,
      Path modelOut,
      PrintStream log,
      Settings settings,
      Stage2 stage2)
      throws IOException {
    run(
        nerDataDir,
        clusterText == null ? List.of() : List.of(clusterText),
        modelOut,
        log,
        settings,
        stage2);
  }

  static void run(
      Path nerDataDir,
      List<Path> clusterTexts,
      Path modelOut,
      PrintStream log,
      Settings settings,
      Stage2 stage2)
      throws IOException {
    run(nerDataDir, clusterTexts, null, modelOut, log, settings, stage2);
  }

  static void run(
      Path nerDataDir,
      List<Path> clusterTexts,
      Path gloveVectors,
      Path modelOut,
      PrintStream log,
      Settings settings,
      Stage2 stage2)
      throws IOException {
    Path conll = nerDataDir.resolve("conll2003");
    List<ConllCorpus.Document> docs = new ArrayList<>();
    docs.addAll(ConllCorpus.read(conll.resolve("train.txt")));
    docs.addAll(ConllCorpus.read(conll.resolve("valid.txt")));
    if (stage2.stage1Model() != null) {
      // The first stage is an existing model file, copied as it is.
      log.println("first stage from " + stage2.stage1Model());
      if (stage2.on()) {
        trainStage2(docs, stage2.stage1Model(), settings, stage2, log, modelOut);
      }
      return;
    }
    List<List<String>> unlabelled = List.of();
    if (!clusterTexts.isEmpty()) {
      long t = System.nanoTime();
      unlabelled = ClusterText.read(clusterTexts);
      long tokens = unlabelled.stream().mapToLong(List::size).sum();
      log.printf(
          "unlabelled text for word classes: %d sentences, %d tokens from %s in %.0f s%n",
          unlabelled.size(), tokens, clusterTexts, (System.nanoTime() - t) / 1e9);
    }
    WordClusters glove = gloveVectors == null ? null : gloveClasses(gloveVectors, log);
    long t0 = System.nanoTime();
    NerModel model = train(docs, unlabelled, glove, settings, log, modelOut);
    log.printf(
        "trained on %d documents in %.0f s: %d features%n",
        docs.size(), (System.nanoTime() - t0) / 1e9, model.parameters());
    if (stage2.on()) {
      trainStage2(docs, modelOut, settings, stage2, log, modelOut);
    }
  }

  /**
   * The second stage's settings (system properties).
   *
   * @param mode {@code none} (one stage), {@code plain} (the second stage learns from the first
   *     stage's labels of the training data) or {@code jackknife} (from labels of each fold by a
   *     first stage trained on the other folds: realistic first-stage errors)
   * @param folds jackknife folds (documents by index modulo folds)
   * @param members the second stage's members (as {@link Settings#members})
   * @param foldMembers the members of the first stages trained per fold
   * @param stage1Model an existing model file to use as the first stage (null: train it)
   * @param ownLabel the second stage also sees the first stage's tags of the token and its
   *     neighbours (stacking), besides the document features
   */
  record Stage2(
      String mode,
      int folds,
      String members,
      String foldMembers,
      Path stage1Model,
      boolean ownLabel) {

    static final Stage2 NONE = new Stage2("none", 4, "", "", null, false);

    boolean on() {
      return !mode.equals("none");
    }

    static Stage2 fromProperties() {
      String s1 = System.getProperty("herald.ner.stage1Model", "");
      return new Stage2(
          System.getProperty("herald.ner.stage2", "none"),
          intProp("herald.ner.stage2Folds", 4),
          System.getProperty("herald.ner.stage2Members", "rareWords=1"),
          System.getProperty("herald.ner.stage2FoldMembers", "rareWords=1"),
          s1.isEmpty() ? null : Path.of(s1),
          Boolean.parseBoolean(System.getProperty("herald.ner.stage2OwnLabel", "false")));
    }
  }

  /**
   * Trains the second stage (Krishnan and Manning 2006) over the first stage in {@code stage1File}
   * and writes the two-stage model to {@code modelOut}: the first stage's entries byte for byte,
   * its settings plus the second stage's under {@code stage2.}, and {@code stage2.bin}.
   */
  static void trainStage2(
      List<ConllCorpus.Document> docs,
      Path stage1File,
      Settings settings,
      Stage2 stage2,
      PrintStream log,
      Path modelOut)
      throws IOException {
    long t0 = System.nanoTime();
    NerModel first;
    try (java.io.InputStream in = Files.newInputStream(stage1File)) {
      first = NerModel.load(in);
    }
    String nameKinds = System.getProperty("herald.ner.nameKinds", "words,wordnet");
    List<List<List<NameSpan>>> labels = new ArrayList<>(docs.size());
    String labelCache = System.getProperty("herald.ner.stage2LabelCache");
    if (stage2.mode().equals("jackknife")
        && labelCache != null
        && Files.isRegularFile(Path.of(labelCache))) {
      // Experiments with the second stage alone reuse the folds' labels (same data and folds).
      labels = readLabels(Path.of(labelCache), docs);
      log.println("first-stage labels from " + labelCache);
    } else if (stage2.mode().equals("jackknife")) {
      for (int i = 0; i < docs.size(); i++) {
        labels.add(null);
      }
      int k = stage2.folds();
      for (int f = 0; f < k; f++) {
        List<ConllCorpus.Document> rest = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
          if (i % k != f) {
            rest.add(docs.get(i));
          }
        }
        Settings fs = withMembers(settings, stage2.foldMembers());
        List<Settings> fm = fs.memberSettings();
        AbstractModel m = trainLinear(rest, fm, first, null, false, nameKinds, log);
        NerModel foldModel =
            new NerModel(
                first.clusters(),
                first.truecaser(),
                NerModel.table(m),
                featureProps(fm, nameKinds, settings.beam()),
                Places.standard());
        for (int i = f; i < docs.size(); i += k) {
          labels.set(i, foldModel.tagOnce(sentences(docs.get(i)), null).names());
        }
        log.printf("fold %d of %d labelled%n", f + 1, k);
      }
      if (labelCache != null) {
        writeLabels(Path.of(labelCache), labels);
      }
    } else if (stage2.mode().equals("plain")) {
      for (ConllCorpus.Document d : docs) {
        labels.add(first.tagOnce(sentences(d), null).names());
      }
    } else {
      throw new IllegalArgumentException("herald.ner.stage2: none, plain or jackknife");
    }
    List<Settings> members = withMembers(settings, stage2.members()).memberSettings();
    AbstractModel second =
        trainLinear(docs, members, first, labels, stage2.ownLabel(), nameKinds, log);
    Properties props = new Properties();
    props.putAll(first.settings());
    props.setProperty("stage2.mode", stage2.mode());
    if (stage2.mode().equals("jackknife")) {
      props.setProperty("stage2.folds", Integer.toString(stage2.folds()));
      props.setProperty("stage2.foldMembers", stage2.foldMembers());
    }
    props.setProperty("stage2.members", stage2.members());
    Properties p2 = featureProps(members, nameKinds, settings.beam());
    p2.setProperty("ownLabel", Boolean.toString(stage2.ownLabel()));
    for (String key : p2.stringPropertyNames()) {
      props.setProperty("stage2." + key, p2.getProperty(key));
    }
    Path tmp = modelOut.resolveSibling(modelOut.getFileName() + ".tmp");
    if (tmp.getParent() != null) {
      Files.createDirectories(tmp.getParent());
    }
    try (java.util.zip.ZipInputStream in =
            new java.util.zip.ZipInputStream(Files.newInputStream(stage1File));
        java.util.zip.ZipOutputStream out =
            new java.util.zip.ZipOutputStream(Files.newOutputStream(tmp))) {
      out.setLevel(9);
      out.putNextEntry(new java.util.zip.ZipEntry("ner.properties"));
      props.store(out, "Herald English name finder (two stages)");
      out.closeEntry();
      java.util.zip.ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        if (e.getName().equals("ner.properties") || e.getName().equals("stage2.bin")) {
          continue;
        }
        out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
        out.write(in.readAllBytes());
        out.closeEntry();
      }
      out.putNextEntry(new java.util.zip.ZipEntry("stage2.bin"));
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      new opennlp.tools.ml.model.GenericModelWriter(second, new java.io.DataOutputStream(bytes))
          .persist();
      out.write(bytes.toByteArray());
      out.closeEntry();
    }
    Files.move(tmp, modelOut, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    log.printf(
        "second stage (%s) trained in %.0f s; wrote %s (%d bytes)%n",
        stage2.mode(), (System.nanoTime() - t0) / 1e9, modelOut, Files.size(modelOut));
  }

  /** Writes names per document and sentence: one line a sentence, "start end type" triples. */
  static void writeLabels(Path file, List<List<List<NameSpan>>> labels) throws IOException {
    try (java.io.BufferedWriter w = Files.newBufferedWriter(file)) {
      for (int d = 0; d < labels.size(); d++) {
        for (List<NameSpan> sent : labels.get(d)) {
          StringBuilder sb = new StringBuilder().append(d);
          for (NameSpan n : sent) {
            sb.append(' ').append(n.start()).append(' ').append(n.end()).append(' ');
            sb.append(n.type());
          }
          w.write(sb.append('\n').toString());
        }
      }
    }
  }

  /** Reads {@link #writeLabels}'s file for these documents. */
  static List<List<List<NameSpan>>> readLabels(Path file, List<ConllCorpus.Document> docs)
      throws IOException {
    List<List<List<NameSpan>>> out = new ArrayList<>();
    for (int d = 0; d < docs.size(); d++) {
      out.add(new ArrayList<>());
    }
    for (String line : Files.readAllLines(file)) {
      String[] f = line.split(" ");
      List<NameSpan> sent = new ArrayList<>();
      for (int j = 1; j + 2 < f.length; j += 3) {
        sent.add(new NameSpan(Integer.parseInt(f[j]), Integer.parseInt(f[j + 1]), f[j + 2]));
      }
      out.get(Integer.parseInt(f[0])).add(sent);
    }
    for (int d = 0; d < docs.size(); d++) {
      if (out.get(d).size() != docs.get(d).sentences().size()) {
        throw new IOException(file + ": labels do not match the training documents");
      }
    }
    return out;
  }

  private static Settings withMembers(Settings s, String members) {
    return new Settings(
        s.trainer(),
        s.iterations(),
        s.l1(),
        s.l2(),
        s.cutoff(),
        s.threads(),
        s.beam(),
        s.prevMap(),
        s.classShape(),
        s.usualCase(),
        s.docNeighbours(),
        s.runHead(),
        s.names(),
        s.rareWords(),
        s.splitDocs(),
        members,
        s.granularities());
  }

  /** The feature settings a model of these members records (the union of their switches). */
  private static Properties featureProps(List<Settings> members, String nameKinds, int beam) {
    Properties p = new Properties();
    Settings m0 = members.get(0);
    p.setProperty("beam", Integer.toString(beam));
    p.setProperty("prevMap", Boolean.toString(m0.prevMap()));
    p.setProperty("classShape", Boolean.toString(m0.classShape()));
    p.setProperty("usualCase", Boolean.toString(m0.usualCase()));
    p.setProperty(
        "docNeighbours", Boolean.toString(members.stream().anyMatch(Settings::docNeighbours)));
    p.setProperty("runHead", Boolean.toString(members.stream().anyMatch(Settings::runHead)));
    boolean anyNames = members.stream().anyMatch(Settings::names);
    p.setProperty("names", Boolean.toString(anyNames));
    if (anyNames) {
      p.setProperty("nameKinds", nameKinds);
    }
    return p;
  }

  /**
   * Trains these members over the word classes and usual-case dictionary of {@code first} and
   * averages them; with {@code stage1} (the first stage's names per document and sentence), a
   * second stage, with the document features from those labels.
   */
  private static AbstractModel trainLinear(
      List<ConllCorpus.Document> docs,
      List<Settings> members,
      NerModel first,
      List<List<List<NameSpan>>> stage1,
      boolean ownLabel,
      String nameKinds,
      PrintStream log)
      throws IOException {
    List<AbstractModel> trained = new ArrayList<>();
    for (Settings m : members) {
      Features features =
          features(
              first.clusters(), first.truecaser(), m, nameKinds, stage1 != null, ownLabel, null);
      // No splitDocs here: the first stage's labels are per document of the corpus as it is.
      trained.add(trainMember(docs, stage1, features, m, log));
    }
    return trained.size() == 1 ? trained.get(0) : average(trained);
  }

  /**
   * Every {@code n}th document cut into one-sentence documents (0: none), so that the model also
   * learns to type names without the document's memory of them, as in a one-sentence text.
   */
  static List<ConllCorpus.Document> splitEvery(List<ConllCorpus.Document> docs, int n) {
    if (n <= 0) {
      return docs;
    }
    List<ConllCorpus.Document> out = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      if (i % n == 0) {
        for (ConllCorpus.Sentence s : docs.get(i).sentences()) {
          out.add(new ConllCorpus.Document(List.of(s)));
        }
      } else {
        out.add(docs.get(i));
      }
    }
    return out;
  }

  /**
   * A member's features: its switches over the shared word classes and usual-case dictionary, and
   * the GloVe classes when {@code glove} is not null.
   */
  private static Features features(
      WordClusters clusters,
      Truecaser truecaser,
      Settings m,
      String nameKinds,
      boolean docLabels,
      boolean ownLabel,
      WordClusters glove) {
    return new Features(
        clusters,
        truecaser,
        Places.standard(),
        m.prevMap(),
        m.classShape(),
        m.usualCase(),
        m.docNeighbours(),
        m.runHead(),
        m.names() ? Names.standard().only(nameKinds) : null,
        docLabels,
        ownLabel,
        glove,
        gloveContext(),
        gloveBackoff());
  }

  /**
   * herald.ner.gloveBackoff: GloVe classes for every word (default, as shipped since session 9), or
   * ({@code true}) only for words without a local word class.
   */
  private static boolean gloveBackoff() {
    return Boolean.parseBoolean(System.getProperty("herald.ner.gloveBackoff", "false"));
  }

  /**
   * herald.ner.gloveContext: the neighbours' GloVe classes too (default, as shipped since session
   * 9), or ({@code false}) the word's only.
   */
  private static boolean gloveContext() {
    return Boolean.parseBoolean(System.getProperty("herald.ner.gloveContext", "true"));
  }

  private static List<List<String>> sentences(ConllCorpus.Document d) {
    List<List<String>> sents = new ArrayList<>();
    for (ConllCorpus.Sentence s : d.sentences()) {
      sents.add(s.tokens());
    }
    return sents;
  }

  static NerModel train(
      List<ConllCorpus.Document> docs,
      List<List<String>> unlabelled,
      Settings settings,
      PrintStream log,
      Path modelOut)
      throws IOException {
    return train(docs, unlabelled, null, settings, log, modelOut);
  }

  /** As above; with {@code glove} (null: none), every member also has the GloVe class features. */
  static NerModel train(
      List<ConllCorpus.Document> docs,
      List<List<String>> unlabelled,
      WordClusters glove,
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
    List<Settings> members = settings.memberSettings();
    // The model computes the features any member uses (a member's weights for the others are 0).
    props.setProperty(
        "docNeighbours", Boolean.toString(members.stream().anyMatch(Settings::docNeighbours)));
    props.setProperty("runHead", Boolean.toString(members.stream().anyMatch(Settings::runHead)));
    boolean anyNames = members.stream().anyMatch(Settings::names);
    props.setProperty("names", Boolean.toString(anyNames));
    String nameKinds = System.getProperty("herald.ner.nameKinds", "words,wordnet");
    if (anyNames) {
      props.setProperty("nameKinds", nameKinds);
    }
    props.setProperty("trainer", settings.trainer());
    props.setProperty("iterations", Integer.toString(settings.iterations()));
    props.setProperty("l1", Double.toString(settings.l1()));
    props.setProperty("l2", Double.toString(settings.l2()));
    props.setProperty("cutoff", Integer.toString(settings.cutoff()));
    props.setProperty("clusterSentences", Integer.toString(all.size()));
    props.setProperty("glove", Boolean.toString(glove != null));
    if (glove != null) {
      props.setProperty("gloveWords", Integer.toString(glove.size()));
      props.setProperty("gloveContext", Boolean.toString(gloveContext()));
      props.setProperty("gloveBackoff", Boolean.toString(gloveBackoff()));
    }
    if (members.size() > 1) {
      props.setProperty("members", settings.members());
    } else if (settings.rareWords() > 0) {
      props.setProperty("rareWords", Integer.toString(settings.rareWords()));
    }
    List<AbstractModel> trained = new ArrayList<>();
    for (Settings m : members) {
      Features features = features(clusters, truecaser, m, nameKinds, false, false, glove);
      trained.add(trainMember(splitEvery(docs, m.splitDocs()), null, features, m, log));
    }
    AbstractModel pruned = trained.size() == 1 ? trained.get(0) : average(trained);
    NerModel model =
        new NerModel(clusters, truecaser, NerModel.table(pruned), props, Places.standard(), glove);
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

  /** Trains one model (one member of an ensemble), pruned. */
  private static AbstractModel trainMember(
      List<ConllCorpus.Document> docs,
      List<List<List<NameSpan>>> stage1,
      Features features,
      Settings settings,
      PrintStream log)
      throws IOException {
    List<Event> events = events(docs, stage1, features, settings.rareWords());
    log.printf("%d training events from %d documents%n", events.size(), docs.size());
    TrainingParameters tp = new TrainingParameters();
    tp.put(TrainingParameters.ALGORITHM_PARAM, settings.trainer());
    tp.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
    tp.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
    tp.put("L1Cost", settings.l1());
    tp.put("L2Cost", settings.l2());
    tp.put("Threads", settings.threads());
    tp.put("PrintMessages", false);
    EventTrainer trainer = TrainerFactory.getEventTrainer(tp, null);
    long t = System.nanoTime();
    AbstractModel maxent = (AbstractModel) trainer.train(new ListStream(events));
    log.printf("%s trained in %.0f s%n", settings.trainer(), (System.nanoTime() - t) / 1e9);
    return NerModel.prune(maxent, 1e-4);
  }

  /**
   * The members' average: for a linear model the average of the members' scores is the score of the
   * averaged weights, so the ensemble decodes at the cost of one model (over the union of their
   * features). Predicates in sorted order, so the file is reproducible.
   */
  @SuppressWarnings("unchecked")
  static AbstractModel average(List<AbstractModel> models) {
    String[] outcomes = new String[NerModel.OUTCOMES];
    for (int o = 0; o < outcomes.length; o++) {
      outcomes[o] = NerModel.outcomeName(o);
    }
    List<String> names = java.util.Arrays.asList(outcomes);
    java.util.TreeMap<String, double[]> sum = new java.util.TreeMap<>();
    for (AbstractModel m : models) {
      Map<String, Context> pmap = (Map<String, Context>) m.getDataStructures()[1];
      int[] index = new int[m.getNumOutcomes()];
      for (int o = 0; o < index.length; o++) {
        index[o] = names.indexOf(m.getOutcome(o));
      }
      for (Map.Entry<String, Context> e : pmap.entrySet()) {
        double[] row = sum.computeIfAbsent(e.getKey(), x -> new double[outcomes.length]);
        int[] outs = e.getValue().getOutcomes();
        double[] ps = e.getValue().getParameters();
        for (int j = 0; j < outs.length; j++) {
          row[index[outs[j]]] += ps[j] / models.size();
        }
      }
    }
    int[] all = new int[outcomes.length];
    for (int o = 0; o < all.length; o++) {
      all[o] = o;
    }
    List<String> preds = new ArrayList<>(sum.size());
    List<Context> ctxs = new ArrayList<>(sum.size());
    for (Map.Entry<String, double[]> e : sum.entrySet()) {
      preds.add(e.getKey());
      ctxs.add(new Context(all, e.getValue()));
    }
    return NerModel.prune(
        new PerceptronModel(ctxs.toArray(new Context[0]), preds.toArray(new String[0]), outcomes),
        1e-4);
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
    // herald.ner.clusterBase=FILE: the words of these classes keep them, only new words move.
    String basePath = System.getProperty("herald.ner.clusterBase");
    WordClusters base = null;
    if (basePath != null) {
      try (java.io.BufferedReader r = Files.newBufferedReader(Path.of(basePath))) {
        base = WordClusters.read(r);
      }
      log.println("word classes extended from " + basePath + " (" + base.size() + " words fixed)");
    }
    WordClusters c = WordClusters.learn(all, settings.granularities(), 2, 8, base);
    if (cache != null) {
      try (java.io.Writer w = Files.newBufferedWriter(Path.of(cache))) {
        c.write(w);
      }
    }
    return c;
  }

  /**
   * GloVe word classes of these vectors ({@link VectorClasses}, settings from system properties).
   * k-means takes minutes, so a cache file (system property {@code herald.ner.gloveCache}) may hold
   * them between runs of the same vectors and settings.
   */
  private static WordClusters gloveClasses(Path vectors, PrintStream log) throws IOException {
    String cache = System.getProperty("herald.ner.gloveCache");
    if (cache != null && Files.isRegularFile(Path.of(cache))) {
      try (java.io.BufferedReader r = Files.newBufferedReader(Path.of(cache))) {
        log.println("GloVe classes from " + cache);
        return WordClusters.read(r);
      }
    }
    VectorClasses.Params p = VectorClasses.Params.fromProperties();
    log.printf(
        "GloVe classes: %d words, centroids from the first %d, k=%s%n",
        p.words(), p.fitWords(), java.util.Arrays.toString(p.granularities()));
    WordClusters c = VectorClasses.learn(vectors, p, log);
    if (cache != null) {
      try (java.io.Writer w = Files.newBufferedWriter(Path.of(cache))) {
        c.write(w);
      }
    }
    return c;
  }

  /** One event per token: static features plus gold tag history, as hexadecimal predicate names. */
  static List<Event> events(List<ConllCorpus.Document> docs, Features features) {
    return events(docs, null, features, 0);
  }

  static List<Event> events(List<ConllCorpus.Document> docs, Features features, int rare) {
    return events(docs, null, features, rare);
  }

  /**
   * As {@link #events(List, Features)}, without the word-identity features (the word, and the word
   * with either neighbour) of words seen at most {@code rare} times in the training text: the
   * perceptron would otherwise learn rare names by heart, and the features that must type an unseen
   * name (shape, word class, gazetteer, name lists) would get little weight. With {@code stage1} (a
   * first stage's names per document and sentence), the second stage's document features.
   */
  static List<Event> events(
      List<ConllCorpus.Document> docs,
      List<List<List<NameSpan>>> stage1,
      Features features,
      int rare) {
    java.util.Map<String, Integer> counts = new java.util.HashMap<>();
    if (rare > 0) {
      for (ConllCorpus.Document d : docs) {
        for (ConllCorpus.Sentence s : d.sentences()) {
          for (String t : s.tokens()) {
            counts.merge(t, 1, Integer::sum);
          }
        }
      }
    }
    List<Event> events = new ArrayList<>();
    long[] buf = new long[Features.MAX_STATIC];
    long[] tbuf = new long[Features.TAG_FEATURES];
    for (int di = 0; di < docs.size(); di++) {
      ConllCorpus.Document d = docs.get(di);
      List<List<String>> sents = sentences(d);
      Features.Doc doc =
          stage1 == null
              ? features.doc(sents)
              : features.doc(sents, DocLabels.of(sents, stage1.get(di)));
      for (int si = 0; si < sents.size(); si++) {
        Features.View v = features.view(doc, si);
        int[] gold = NerModel.encode(v.n, d.sentences().get(si).names());
        for (int i = 0; i < v.n; i++) {
          int k = features.staticFeatures(doc, v, i, buf);
          if (rare > 0 && counts.getOrDefault(d.sentences().get(si).tokens().get(i), 0) <= rare) {
            k = dropIdentity(v, i, buf, k);
          }
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

  /** Removes token i's word-identity features from buf[0..k); returns the new count. */
  private static int dropIdentity(Features.View v, int i, long[] buf, int k) {
    long w = Words.hash(2, v.word[i]);
    long left = Words.hash(13, i > 0 ? v.lower[i - 1] : Words.hash("<s>"), v.lower[i]);
    long right = Words.hash(14, v.lower[i], i + 1 < v.n ? v.lower[i + 1] : Words.hash("</s>"));
    int out = 0;
    for (int j = 0; j < k; j++) {
      if (buf[j] != w && buf[j] != left && buf[j] != right) {
        buf[out++] = buf[j];
      }
    }
    return out;
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
