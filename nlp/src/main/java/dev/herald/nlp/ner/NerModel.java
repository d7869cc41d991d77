package dev.herald.nlp.ner;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.perceptron.PerceptronModel;

/**
 * Herald's English name finder: an OpenNLP linear model (averaged perceptron or maxent) over {@link
 * Features}, decoded by beam search over BILOU tags (only valid tag sequences). The model file is a
 * zip holding the OpenNLP model ({@code maxent.bin}, OpenNLP's binary format, predicates named by
 * feature hash), the word classes and the truecasing dictionary learnt with it, and its settings.
 */
public final class NerModel {

  /** Corpus types, in outcome order. */
  static final String[] TYPES = {"PER", "ORG", "LOC", "MISC"};

  static final int OUTCOMES = 1 + 4 * TYPES.length;
  private static final char[] POS = {'B', 'I', 'L', 'U'};

  private static final String RESOURCE = "ner-en.bin";
  private static volatile NerModel standard;

  private final Features features;
  private final ParamTable table;
  private final WordClusters clusters;

  /** GloVe word classes ({@code glove-classes.tsv}), or null for a model without them. */
  private final WordClusters glove;

  private final Truecaser truecaser;
  private final Properties settings;
  private final int beam;

  /**
   * The second stage (null for a one-stage model): a model with the same features plus document
   * features from this one's labels ({@link DocLabels}); it re-tags each document after this one.
   */
  private NerModel second;

  /** Weights of the previous-tag feature by previous tag, and of the tag-pair feature by pair. */
  private final float[][] tagPrev;

  private final float[][] tagPrev2;

  /** What a sentence's start or end gives a token as its neighbour, by neighbour slot. */
  private final float[][] edgeScores;

  /** Weights of the (previous tag, shape) feature, by shape and previous tag, filled as seen. */
  private final ThreadLocal<ShapeRows> tagShape = ThreadLocal.withInitial(ShapeRows::new);

  /** Per thread: word shape hash -> rows by previous tag (few hundred shapes in news text). */
  private static final class ShapeRows {
    private final java.util.HashMap<Long, float[][]> byShape = new java.util.HashMap<>();

    float[][] rows(long shape) {
      if (byShape.size() > 100_000) {
        byShape.clear();
      }
      return byShape.computeIfAbsent(shape, k -> new float[OUTCOMES + 1][]);
    }
  }

  NerModel(
      WordClusters clusters,
      Truecaser truecaser,
      ParamTable table,
      Properties settings,
      Places places) {
    this(clusters, truecaser, table, settings, places, null);
  }

  /**
   * A model over these word classes and weights; {@code glove} (null: none) are the GloVe word
   * classes, whose features it computes when its settings say {@code glove=true}.
   */
  NerModel(
      WordClusters clusters,
      Truecaser truecaser,
      ParamTable table,
      Properties settings,
      Places places,
      WordClusters glove) {
    this.clusters = clusters;
    boolean useGlove = Boolean.parseBoolean(settings.getProperty("glove", "false"));
    if (useGlove && glove == null) {
      throw new IllegalArgumentException("a model with GloVe features needs its GloVe classes");
    }
    this.glove = useGlove ? glove : null;
    this.truecaser = truecaser;
    this.table = table;
    this.settings = settings;
    // The beam width is the model's setting unless overridden (herald.ner.beam) for experiments.
    this.beam =
        Integer.parseInt(System.getProperty("herald.ner.beam", settings.getProperty("beam", "3")));
    this.tagPrev = new float[OUTCOMES + 1][];
    this.tagPrev2 = new float[(OUTCOMES + 1) * (OUTCOMES + 1)][];
    long[] tb = new long[Features.TAG_FEATURES];
    for (int prev = -1; prev < OUTCOMES; prev++) {
      for (int prev2 = -1; prev2 < OUTCOMES; prev2++) {
        Features.tagFeatures(null, 0, prev, prev2, tb);
        float[] r2 = new float[OUTCOMES];
        table.addTo(tb[1], r2);
        tagPrev2[(prev2 + 1) * (OUTCOMES + 1) + prev + 1] = r2;
        if (prev2 == -1) {
          float[] r1 = new float[OUTCOMES];
          table.addTo(tb[0], r1);
          tagPrev[prev + 1] = r1;
        }
      }
    }
    this.features =
        new Features(
            clusters,
            truecaser,
            places,
            Boolean.parseBoolean(settings.getProperty("prevMap", "true")),
            Boolean.parseBoolean(settings.getProperty("classShape", "false")),
            Boolean.parseBoolean(settings.getProperty("usualCase", "false")),
            Boolean.parseBoolean(settings.getProperty("docNeighbours", "false")),
            Boolean.parseBoolean(settings.getProperty("runHead", "false")),
            Boolean.parseBoolean(settings.getProperty("names", "false"))
                ? Names.standard().only(settings.getProperty("nameKinds", "words,wordnet"))
                : null,
            Boolean.parseBoolean(settings.getProperty("docLabels", "false")),
            Boolean.parseBoolean(settings.getProperty("ownLabel", "false")),
            this.glove,
            Boolean.parseBoolean(settings.getProperty("gloveContext", "false")),
            Boolean.parseBoolean(settings.getProperty("gloveBackoff", "true")));
    this.edgeScores = new float[Features.NEIGHBOUR_SLOTS][];
    long[] eb = new long[Features.MAX_STATIC];
    int[] er = new int[Features.MAX_STATIC];
    for (int slot = 0; slot < Features.NEIGHBOUR_SLOTS; slot++) {
      edgeScores[slot] = new float[OUTCOMES];
      table.addAll(eb, features.neighbourFeatures(null, slot, eb), er, edgeScores[slot]);
    }
  }

  /** The settings of the second stage stored under {@code stage2.} in a model's properties. */
  static Properties stage2Settings(Properties settings) {
    Properties p = new Properties();
    for (String k : settings.stringPropertyNames()) {
      if (k.startsWith("stage2.")) {
        p.setProperty(k.substring("stage2.".length()), settings.getProperty(k));
      }
    }
    p.setProperty("docLabels", "true");
    return p;
  }

  /** The second stage, or null. */
  NerModel second() {
    return second;
  }

  WordClusters clusters() {
    return clusters;
  }

  /** The GloVe word classes, or null. */
  WordClusters glove() {
    return glove;
  }

  Truecaser truecaser() {
    return truecaser;
  }

  /** The model shipped in the jar, loaded once per process; null if the jar has none. */
  public static NerModel standard() {
    NerModel m = standard;
    if (m == null) {
      synchronized (NerModel.class) {
        m = standard;
        if (m == null) {
          try (InputStream in = NerModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
              return null;
            }
            m = load(in);
            standard = m;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    return m;
  }

  static String outcomeName(int o) {
    if (o == 0) {
      return "O";
    }
    int t = (o - 1) / 4;
    return POS[(o - 1) % 4] + "-" + TYPES[t];
  }

  static int outcome(char pos, int type) {
    return 1 + type * 4 + new String(POS).indexOf(pos);
  }

  static int typeOf(int o) {
    return o == 0 ? -1 : (o - 1) / 4;
  }

  static char posOf(int o) {
    return o == 0 ? 'O' : POS[(o - 1) % 4];
  }

  /** Can outcome {@code o} follow {@code prev} (-1 = sentence start)? */
  static boolean allowed(int prev, int o) {
    char pp = prev < 0 ? 'O' : posOf(prev);
    char p = posOf(o);
    if (pp == 'B' || pp == 'I') {
      return (p == 'I' || p == 'L') && typeOf(o) == typeOf(prev);
    }
    return p == 'O' || p == 'B' || p == 'U';
  }

  /**
   * {@link #allowed} by previous tag + 1 and outcome, tabled for the greedy decoder's inner loop;
   * {@code ALLOWED_LAST} also bars outcomes that open a name (B, I) at a sentence's last token.
   */
  private static final boolean[][] ALLOWED = allowedTable(false);

  private static final boolean[][] ALLOWED_LAST = allowedTable(true);

  private static boolean[][] allowedTable(boolean last) {
    boolean[][] t = new boolean[OUTCOMES + 1][OUTCOMES];
    for (int prev = -1; prev < OUTCOMES; prev++) {
      for (int o = 0; o < OUTCOMES; o++) {
        char p = posOf(o);
        t[prev + 1][o] = allowed(prev, o) && !(last && (p == 'B' || p == 'I'));
      }
    }
    return t;
  }

  Features features() {
    return features;
  }

  Properties settings() {
    return settings;
  }

  int parameters() {
    return table.size();
  }

  /** Names in each sentence of one document (tokens as written, one list per sentence). */
  public List<List<NameSpan>> tag(List<List<String>> sentences) {
    return tagWithForms(sentences).names();
  }

  /**
   * Names per sentence, and the word forms the model saw (headline words re-cased).
   *
   * @param names per sentence, token spans
   * @param forms per sentence, one form per token
   */
  public record Tagged(List<List<NameSpan>> names, List<String[]> forms) {}

  public Tagged tagWithForms(List<List<String>> sentences) {
    Tagged first = tagOnce(sentences, null);
    Tagged t =
        second == null || !STAGE2
            ? first
            : second.tagOnce(sentences, DocLabels.of(sentences, first.names()));
    if (CONSISTENCY) {
      t = new Tagged(Consistency.apply(sentences, t.names(), Places.standard()), t.forms());
    }
    return t;
  }

  /** {@link Consistency} after tagging (on; -Dherald.ner.consistency=false measures without it). */
  private static final boolean CONSISTENCY =
      Boolean.parseBoolean(System.getProperty("herald.ner.consistency", "true"));

  /** {@code -Dherald.ner.useStage2=false} measures a two-stage model's first stage alone. */
  private static final boolean STAGE2 =
      Boolean.parseBoolean(System.getProperty("herald.ner.useStage2", "true"));

  /** One pass over the document; {@code labels}: a first pass's, for a second stage. */
  Tagged tagOnce(List<List<String>> sentences, DocLabels labels) {
    Features.Doc doc = features.doc(sentences, labels);
    List<List<NameSpan>> out = new ArrayList<>(sentences.size());
    List<String[]> forms = new ArrayList<>(sentences.size());
    for (int s = 0; s < sentences.size(); s++) {
      Features.View v = features.view(doc, s);
      int[] tags = decode(doc, v);
      placesAfterPrepositions(v, tags);
      if (REPAIRS) {
        NameRepairs.repair(sentences.get(s), tags);
      }
      remember(doc, v, tags);
      out.add(spans(tags));
      forms.add(v.forms);
    }
    return new Tagged(out, forms);
  }

  /** {@link NameRepairs} on (the default); -Dherald.ner.repairs=false measures without them. */
  private static final boolean REPAIRS =
      Boolean.parseBoolean(System.getProperty("herald.ner.repairs", "true"));

  private static final java.util.Set<String> LOCATIVE =
      java.util.Set.of("in", "at", "from", "near", "outside", "into", "across", "inside");

  /**
   * A place of the gazetteer the model left untagged right after a locative preposition ("will meet
   * in Sochi") is a location. The model rarely sees a rare city in training, and its word classes
   * know nothing of it; the gazetteer and the preposition together are safe evidence.
   */
  static void placesAfterPrepositions(Features.View v, int[] tags) {
    for (int i = 1; i < v.n; i++) {
      int g = v.gaz[i];
      if ((g & (1 << 16)) == 0
          || (g & (Places.COUNTRY | Places.CITY | Places.REGION)) == 0
          || tags[i] != 0
          || !LOCATIVE.contains(v.forms[i - 1])) {
        continue;
      }
      int j = i + 1;
      while (j < v.n && v.gaz[j] != 0 && (v.gaz[j] & (1 << 16)) == 0) {
        j++;
      }
      boolean free = true;
      for (int k = i; k < j; k++) {
        free &= tags[k] == 0;
      }
      if (!free
          || j < v.n && posOf(tags[j]) != 'O' && posOf(tags[j]) != 'B' && posOf(tags[j]) != 'U') {
        continue;
      }
      int loc = Arrays.asList(TYPES).indexOf("LOC");
      if (j - i == 1) {
        tags[i] = outcome('U', loc);
      } else {
        tags[i] = outcome('B', loc);
        for (int k = i + 1; k < j - 1; k++) {
          tags[k] = outcome('I', loc);
        }
        tags[j - 1] = outcome('L', loc);
      }
    }
  }

  /** Records the types given to capitalised words, for the previous-map feature. */
  static void remember(Features.Doc doc, Features.View v, int[] tags) {
    for (int i = 0; i < v.n; i++) {
      String f = v.forms[i];
      if (f.isEmpty() || !Character.isUpperCase(f.charAt(0))) {
        continue;
      }
      int t = typeOf(tags[i]);
      doc.prevMap.put(v.lowerText[i], t < 0 ? "O" : TYPES[t]);
    }
  }

  static List<NameSpan> spans(int[] tags) {
    List<NameSpan> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < tags.length; i++) {
      char p = posOf(tags[i]);
      if (p == 'B') {
        start = i;
      } else if (p == 'U') {
        out.add(new NameSpan(i, i + 1, TYPES[typeOf(tags[i])]));
      } else if (p == 'L' && start >= 0) {
        out.add(new NameSpan(start, i + 1, TYPES[typeOf(tags[i])]));
        start = -1;
      }
    }
    return out;
  }

  /** BILOU outcomes of gold spans. */
  static int[] encode(int n, List<NameSpan> names) {
    int[] tags = new int[n];
    for (NameSpan s : names) {
      int t = Arrays.asList(TYPES).indexOf(s.type());
      if (t < 0 || s.end() > n) {
        continue;
      }
      if (s.end() - s.start() == 1) {
        tags[s.start()] = outcome('U', t);
      } else {
        tags[s.start()] = outcome('B', t);
        for (int i = s.start() + 1; i < s.end() - 1; i++) {
          tags[i] = outcome('I', t);
        }
        tags[s.end() - 1] = outcome('L', t);
      }
    }
    return tags;
  }

  /**
   * Beam search over valid BILOU sequences; the maxent gives each step's distribution. Hypotheses
   * keep back-pointers (not copies of their history), so a sentence of n tokens costs O(n * beam)
   * even when a line without punctuation makes it very long.
   */
  int[] decode(Features.Doc doc, Features.View v) {
    int n = v.n;
    if (n == 0) {
      return new int[0];
    }
    long[] buf = new long[Features.MAX_STATIC];
    long[] tbuf = new long[Features.TAG_FEATURES];
    int[] rows = new int[Features.MAX_STATIC];
    float[] base = new float[OUTCOMES];
    float[] sc = new float[OUTCOMES];
    int b = Math.max(1, beam);
    // back[i * b + c]: the hypothesis (at step i - 1) that candidate c at step i extends.
    int[] back = new int[n * b];
    int[] tag = new int[n * b];
    int[] prevTag = new int[b];
    int[] prev2Tag = new int[b];
    int[] nextPrev = new int[b];
    int[] nextPrev2 = new int[b];
    double[] score = new double[b];
    double[] nextScore = new double[b];
    int live = 1;
    prevTag[0] = -1;
    prev2Tag[0] = -1;
    // Candidate buffers: (hypothesis, outcome, score), top b kept by insertion.
    int[] candH = new int[b];
    int[] candO = new int[b];
    double[] candS = new double[b];
    for (int i = 0; i < n; i++) {
      float[] lex = lexicalScores(v, i, buf, rows);
      System.arraycopy(lex, 0, base, 0, OUTCOMES);
      boolean cached = NEIGHBOUR_CACHE && Features.neighboursCacheable(v, i);
      if (cached) {
        addNeighbour(v, i - 1, Features.LEFT1, buf, rows, base);
        addNeighbour(v, i + 1, Features.RIGHT1, buf, rows, base);
        addNeighbour(v, i - 2, Features.LEFT2, buf, rows, base);
        addNeighbour(v, i + 2, Features.RIGHT2, buf, rows, base);
      }
      int k = features.contextFeatures(doc, v, i, buf, !cached);
      table.addAll(buf, k, rows, base);
      int cands = 0;
      boolean last = i == n - 1;
      Features.Word word = v.words[i];
      float[][] shapeRows = word.tagRows;
      if (shapeRows == null) {
        shapeRows = tagShape.get().rows(v.shape[i]);
        word.tagRows = shapeRows;
      }
      for (int h = 0; h < live; h++) {
        int prev = prevTag[h];
        int prev2 = prev2Tag[h];
        // The tag-history features (Features.tagFeatures), from rows summed once.
        float[] t1 = tagPrev[prev + 1];
        float[] t2 = tagPrev2[(prev2 + 1) * (OUTCOMES + 1) + prev + 1];
        float[] t3 = shapeRows[prev + 1];
        if (t3 == null) {
          t3 = new float[OUTCOMES];
          Features.tagFeatures(v, i, prev, prev2, tbuf);
          table.addTo(tbuf[2], t3);
          shapeRows[prev + 1] = t3;
        }
        for (int o = 0; o < OUTCOMES; o++) {
          sc[o] = base[o] + t1[o] + t2[o] + t3[o];
        }
        if (b == 1) {
          // Greedy (the shipped model's setting): the best allowed outcome; normalising would
          // not change which one that is.
          int best = -1;
          boolean[] ok = (last ? ALLOWED_LAST : ALLOWED)[prev + 1];
          for (int o = 0; o < OUTCOMES; o++) {
            if (ok[o]) {
              if (best < 0 || sc[o] > sc[best]) {
                best = o;
              }
            }
          }
          candH[0] = 0;
          candO[0] = best;
          candS[0] = 0;
          cands = 1;
          continue;
        }
        float max = Float.NEGATIVE_INFINITY;
        for (int o = 0; o < OUTCOMES; o++) {
          max = Math.max(max, sc[o]);
        }
        double z = 0;
        for (int o = 0; o < OUTCOMES; o++) {
          float d = sc[o] - max;
          // Terms under e^-30 change log Z by less than 1e-12: not worth an exp.
          if (d > -30f) {
            z += Math.exp(d);
          }
        }
        double logZ = max + Math.log(z);
        for (int o = 0; o < OUTCOMES; o++) {
          if (!allowed(prev, o)) {
            continue;
          }
          char p = posOf(o);
          if (last && (p == 'B' || p == 'I')) {
            continue;
          }
          double s = score[h] + sc[o] - logZ;
          if (cands < b || s > candS[b - 1]) {
            int at = cands < b ? cands++ : b - 1;
            while (at > 0 && candS[at - 1] < s) {
              candS[at] = candS[at - 1];
              candH[at] = candH[at - 1];
              candO[at] = candO[at - 1];
              at--;
            }
            candS[at] = s;
            candH[at] = h;
            candO[at] = o;
          }
        }
      }
      for (int c = 0; c < cands; c++) {
        back[i * b + c] = candH[c];
        tag[i * b + c] = candO[c];
        nextPrev[c] = candO[c];
        nextPrev2[c] = prevTag[candH[c]];
        nextScore[c] = candS[c];
      }
      int[] t = prevTag;
      prevTag = nextPrev;
      nextPrev = t;
      t = prev2Tag;
      prev2Tag = nextPrev2;
      nextPrev2 = t;
      double[] ts = score;
      score = nextScore;
      nextScore = ts;
      live = cands;
    }
    int[] out = new int[n];
    int c = 0;
    for (int i = n - 1; i >= 0; i--) {
      out[i] = tag[i * b + c];
      c = back[i * b + c];
    }
    return out;
  }

  /**
   * Takes the features a token gets from one neighbouring word (its words, shapes and classes) from
   * that word's cached sums: about a third of a token's feature lookups, each a likely cache miss.
   * On unless {@code -Dherald.ner.neighbourCache=false} (measures without); the sums differ from
   * the feature-by-feature ones only in float rounding.
   */
  static final boolean NEIGHBOUR_CACHE =
      Boolean.parseBoolean(System.getProperty("herald.ner.neighbourCache", "true"));

  /** Adds the weights word j (a sentence end where out of range) gives a neighbour in slot. */
  private void addNeighbour(
      Features.View v, int j, int slot, long[] buf, int[] rows, float[] base) {
    float[] w;
    if (j < 0 || j >= v.n) {
      w = edgeScores[slot]; // summed once, in the constructor
    } else {
      Features.Word word = v.words[j];
      w = word.neighbourScores[slot];
      if (w == null) {
        w = new float[OUTCOMES];
        table.addAll(buf, features.neighbourFeatures(word, slot, buf), rows, w);
        word.neighbourScores[slot] = w;
      }
    }
    for (int o = 0; o < OUTCOMES; o++) {
      base[o] += w[o];
    }
  }

  /** Weights of a word form's lexical features, summed; kept with the form's cached features. */
  private float[] lexicalScores(Features.View v, int i, long[] buf, int[] rows) {
    Features.Word w = v.words[i];
    float[] lex = w.scores;
    if (lex == null) {
      lex = new float[OUTCOMES];
      int k = features.lexicalFeatures(v, i, buf);
      table.addAll(buf, k, rows, lex);
      w.scores = lex;
    }
    return lex;
  }

  // ---- persistence ----

  /** Writes the model zip. */
  void save(OutputStream out, AbstractModel maxent) throws IOException {
    save(out, maxent, null);
  }

  /** Writes the model zip, with a second stage's weights ({@code stage2.bin}) when not null. */
  void save(OutputStream out, AbstractModel maxent, AbstractModel stage2) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.setLevel(9);
      zip.putNextEntry(new ZipEntry("ner.properties"));
      settings.store(zip, "Herald English name finder");
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("maxent.bin"));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      GenericModelWriter w = new GenericModelWriter(maxent, new DataOutputStream(bytes));
      w.persist();
      zip.write(bytes.toByteArray());
      zip.closeEntry();
      if (stage2 != null) {
        zip.putNextEntry(new ZipEntry("stage2.bin"));
        ByteArrayOutputStream b2 = new ByteArrayOutputStream();
        new GenericModelWriter(stage2, new DataOutputStream(b2)).persist();
        zip.write(b2.toByteArray());
        zip.closeEntry();
      }
      zip.putNextEntry(new ZipEntry("clusters.tsv"));
      Writer cw = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
      clusters.write(cw);
      cw.flush();
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("truecase.txt"));
      Writer tw = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
      truecaser.write(tw);
      tw.flush();
      zip.closeEntry();
      if (glove != null) {
        zip.putNextEntry(new ZipEntry("glove-classes.tsv"));
        Writer gw = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        glove.write(gw);
        gw.flush();
        zip.closeEntry();
      }
    }
  }

  /** Reads a model zip written by {@link #save}. */
  public static NerModel load(InputStream in) throws IOException {
    Properties settings = new Properties();
    WordClusters clusters = WordClusters.empty();
    WordClusters glove = null;
    Truecaser truecaser = Truecaser.empty();
    AbstractModel maxent = null;
    AbstractModel stage2 = null;
    try (ZipInputStream zip = new ZipInputStream(in)) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        byte[] data = zip.readAllBytes();
        switch (e.getName()) {
          case "ner.properties" -> settings.load(new ByteArrayInputStream(data));
          case "maxent.bin" ->
              maxent =
                  new GenericModelReader(
                          new BinaryFileDataReader(
                              new DataInputStream(new ByteArrayInputStream(data))))
                      .getModel();
          case "stage2.bin" -> stage2 = readMaxent(data);
          case "clusters.tsv" -> clusters = WordClusters.read(reader(data));
          case "truecase.txt" -> truecaser = Truecaser.read(reader(data));
          case "glove-classes.tsv" -> glove = WordClusters.read(reader(data));
          default -> {}
        }
      }
    }
    if (maxent == null) {
      throw new IOException("not a Herald NER model: no maxent.bin");
    }
    NerModel model =
        new NerModel(clusters, truecaser, table(maxent), settings, Places.standard(), glove);
    if (stage2 != null) {
      model.second =
          new NerModel(
              clusters, truecaser, table(stage2), stage2Settings(settings), Places.standard());
    }
    return model;
  }

  private static AbstractModel readMaxent(byte[] data) throws IOException {
    return new GenericModelReader(
            new BinaryFileDataReader(new DataInputStream(new ByteArrayInputStream(data))))
        .getModel();
  }

  private static BufferedReader reader(byte[] data) {
    return new BufferedReader(
        new InputStreamReader(new ByteArrayInputStream(data), StandardCharsets.UTF_8));
  }

  /**
   * The OpenNLP model's weights as a hash table (predicate names are hexadecimal feature hashes).
   */
  @SuppressWarnings("unchecked")
  static ParamTable table(AbstractModel maxent) {
    Object[] data = maxent.getDataStructures();
    Map<String, Context> pmap = (Map<String, Context>) data[1];
    int[] outcomeIndex = new int[maxent.getNumOutcomes()];
    for (int o = 0; o < outcomeIndex.length; o++) {
      outcomeIndex[o] = indexOfOutcome(maxent.getOutcome(o));
    }
    ParamTable t = new ParamTable(pmap.size(), OUTCOMES);
    float[] row = new float[OUTCOMES];
    for (Map.Entry<String, Context> e : pmap.entrySet()) {
      Arrays.fill(row, 0f);
      Context c = e.getValue();
      int[] outs = c.getOutcomes();
      double[] ps = c.getParameters();
      for (int j = 0; j < outs.length; j++) {
        int o = outcomeIndex[outs[j]];
        if (o >= 0) {
          row[o] = (float) ps[j];
        }
      }
      t.put(Long.parseUnsignedLong(e.getKey(), 16), row);
    }
    return t;
  }

  private static int indexOfOutcome(String name) {
    for (int o = 0; o < OUTCOMES; o++) {
      if (outcomeName(o).equals(name)) {
        return o;
      }
    }
    return -1;
  }

  /** A copy of {@code model} keeping only weights of magnitude at least {@code min}. */
  @SuppressWarnings("unchecked")
  static AbstractModel prune(AbstractModel model, double min) {
    Object[] data = model.getDataStructures();
    Map<String, Context> pmap = (Map<String, Context>) data[1];
    String[] outcomes = (String[]) data[2];
    List<String> preds = new ArrayList<>();
    List<Context> ctxs = new ArrayList<>();
    for (Map.Entry<String, Context> e : pmap.entrySet()) {
      Context c = e.getValue();
      int[] outs = c.getOutcomes();
      double[] ps = c.getParameters();
      int keep = 0;
      for (double p : ps) {
        if (Math.abs(p) >= min) {
          keep++;
        }
      }
      if (keep == 0) {
        continue;
      }
      int[] o2 = new int[keep];
      double[] p2 = new double[keep];
      int j = 0;
      for (int x = 0; x < ps.length; x++) {
        if (Math.abs(ps[x]) >= min) {
          o2[j] = outs[x];
          // Four significant digits are plenty and compress far better.
          p2[j++] = (float) ps[x];
        }
      }
      preds.add(e.getKey());
      ctxs.add(new Context(o2, p2));
    }
    Context[] c = ctxs.toArray(new Context[0]);
    String[] p = preds.toArray(new String[0]);
    return model instanceof PerceptronModel
        ? new PerceptronModel(c, p, outcomes.clone())
        : new GISModel(c, p, outcomes.clone());
  }
}
