package dev.herald.nlp.ner;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The name finder's features, as 64-bit hashes of (template, value) so that extraction allocates
 * little and a lookup is one probe (training writes the same hashes as OpenNLP predicate names).
 *
 * <p>Per token: the word and its lower-case neighbours (two each side), word shapes and shape
 * n-grams, prefixes and suffixes, word classes learnt from the training text, gazetteer matches,
 * document context (is the word capitalised, or lower case, mid-sentence elsewhere in the body),
 * sentence position, headline lines (words re-cased by the {@link Truecaser}) and the type this
 * word last got in the document (OpenNLP's "previous map"). Tag history (previous one and two tags)
 * comes from the decoder.
 */
final class Features {

  static final int MAX_STATIC = 96;

  /**
   * What the features need of one word form, computed once per form and thread: its lower case,
   * hashes of that and of its shape, its word classes, and (filled by the decoder) the summed
   * weights of its lexical features and of its shape with the previous tag.
   */
  static final class Word {
    final String lower;
    final long lowerHash;
    final long shapeHash;
    final int[] cls;

    /** Its GloVe word classes ({@link VectorClasses}; null without them or for unknown words). */
    final int[] gcls;

    /** {@link Names#GIVEN} and {@link Names#SURNAME} bits (0 without the name features). */
    final int nameBits;

    float[] scores;

    /**
     * The decoder's summed weights of the features this word gives a neighbour, by {@link #LEFT1},
     * {@link #RIGHT1}, {@link #LEFT2}, {@link #RIGHT2}; filled as needed.
     */
    final float[][] neighbourScores = new float[NEIGHBOUR_SLOTS][];

    /** The decoder's (previous tag, shape) weights for this word's shape, by previous tag. */
    float[][] tagRows;

    /**
     * The {@link Doc#serial} of the document {@link #capitalisedInDoc} and {@link #loweredInDoc}
     * were looked up for: a word is looked up in a document's sets once, not at every mention.
     */
    long docSerial = -1;

    boolean capitalisedInDoc;
    boolean loweredInDoc;

    Word(String lower, long lowerHash, long shapeHash, int[] cls, int[] gcls, int nameBits) {
      this.lower = lower;
      this.lowerHash = lowerHash;
      this.shapeHash = shapeHash;
      this.cls = cls;
      this.gcls = gcls;
      this.nameBits = nameBits;
    }
  }

  /**
   * Open-addressing map from a word form's 64-bit hash to its {@link Word}; emptied when three
   * quarters full, so memory stays bounded (a few MB per thread).
   */
  static final class WordCache {
    private static final int CAPACITY = 1 << 16;
    private final long[] keys = new long[CAPACITY];
    private final Word[] values = new Word[CAPACITY];
    private int size;

    Word get(long key) {
      int slot = (int) (key ^ (key >>> 32)) & (CAPACITY - 1);
      while (values[slot] != null) {
        if (keys[slot] == key) {
          return values[slot];
        }
        slot = (slot + 1) & (CAPACITY - 1);
      }
      return null;
    }

    void put(long key, Word w) {
      if (size >= CAPACITY / 4 * 3) {
        java.util.Arrays.fill(values, null);
        size = 0;
      }
      int slot = (int) (key ^ (key >>> 32)) & (CAPACITY - 1);
      while (values[slot] != null) {
        if (keys[slot] == key) {
          values[slot] = w;
          return;
        }
        slot = (slot + 1) & (CAPACITY - 1);
      }
      keys[slot] = key;
      values[slot] = w;
      size++;
    }
  }

  private final ThreadLocal<WordCache> words = ThreadLocal.withInitial(WordCache::new);

  /**
   * Where a word stands to the token whose features it gives ({@link #neighbourFeatures}): just
   * before it, just after it, two before, two after.
   */
  static final int LEFT1 = 0;

  static final int RIGHT1 = 1;
  static final int LEFT2 = 2;
  static final int RIGHT2 = 3;
  static final int NEIGHBOUR_SLOTS = 4;

  /** All tag-independent features of token i (lexical, then contextual); returns how many. */
  int staticFeatures(Doc doc, View v, int i, long[] out) {
    int k = lexicalFeatures(v, i, out);
    long[] rest = new long[MAX_STATIC];
    int r = contextFeatures(doc, v, i, rest);
    System.arraycopy(rest, 0, out, k, r);
    return k + r;
  }

  private final WordClusters clusters;
  private final Truecaser truecaser;
  private final Places places;
  private final boolean usePrevMap;
  private final boolean classShape;
  private final boolean usualCase;
  private final boolean docNeighbours;
  private final boolean runHead;

  /** The name lists, or null without the name features. */
  private final Names names;

  /**
   * Word classes of the lower-cased word from GloVe vectors ({@link VectorClasses}), or null
   * without those features.
   */
  private final WordClusters glove;

  /** With {@link #glove}: also the neighbours' GloVe classes (else the word's own only). */
  private final boolean gloveContext;

  /**
   * With {@link #glove}: a word's GloVe classes only when it has no word class of {@link #clusters}
   * (GloVe fills the gap the local classes leave: rare names), so that frequent news words keep the
   * features the other models of this class were chosen on.
   */
  private final boolean gloveBackoff;

  /**
   * The second stage's document features from a first pass's labels ({@link DocLabels}), computed
   * when the document carries them.
   */
  private final boolean docLabels;

  /** With {@link #docLabels}: also the first pass's own tags of the token and its neighbours. */
  private final boolean ownLabel;

  Features(
      WordClusters clusters,
      Truecaser truecaser,
      Places places,
      boolean usePrevMap,
      boolean classShape,
      boolean usualCase,
      boolean docNeighbours,
      boolean runHead,
      Names names) {
    this(
        clusters,
        truecaser,
        places,
        usePrevMap,
        classShape,
        usualCase,
        docNeighbours,
        runHead,
        names,
        false,
        false,
        null,
        false,
        false);
  }

  Features(
      WordClusters clusters,
      Truecaser truecaser,
      Places places,
      boolean usePrevMap,
      boolean classShape,
      boolean usualCase,
      boolean docNeighbours,
      boolean runHead,
      Names names,
      boolean docLabels,
      boolean ownLabel,
      WordClusters glove,
      boolean gloveContext,
      boolean gloveBackoff) {
    this.glove = glove;
    this.gloveContext = gloveContext;
    this.gloveBackoff = gloveBackoff;
    this.clusters = clusters;
    this.truecaser = truecaser;
    this.places = places;
    this.usePrevMap = usePrevMap;
    this.classShape = classShape;
    this.usualCase = usualCase;
    this.docNeighbours = docNeighbours;
    this.runHead = runHead;
    this.names = names;
    this.docLabels = docLabels;
    this.ownLabel = ownLabel;
  }

  boolean docLabels() {
    return docLabels;
  }

  /** What a document tells about its words: their mid-sentence forms in body sentences. */
  static final class Doc {
    private static final java.util.concurrent.atomic.AtomicLong SERIALS =
        new java.util.concurrent.atomic.AtomicLong();

    /** Unique per document (per thread's word cache, a word's lookups are valid for one). */
    final long serial = SERIALS.incrementAndGet();

    final List<List<String>> sentences;
    final boolean[] headline;
    final Map<String, String> forms;
    final Set<String> capitalised;
    final Set<String> lowered;

    /**
     * For a capitalised word (lower case key), the capitalised word found right before / after it
     * where it first has one in the body: a lone "Weah" is then known as the "George Weah" of an
     * earlier line, a lone "Porto" as the "FC Porto" of another.
     */
    final Map<String, String> capLeft;

    final Map<String, String> capRight;

    /** The last type each lower-cased word got ("PER", ..., or "O"), filled as tagging goes. */
    final Map<String, String> prevMap = new HashMap<>();

    /** A first pass's labels of this document, for a second stage; null in a first pass. */
    DocLabels labels;

    Doc(List<List<String>> sentences, boolean[] headline, boolean neighbours) {
      this.sentences = sentences;
      this.headline = headline;
      int tokens = 0;
      for (List<String> toks : sentences) {
        tokens += toks.size();
      }
      // Sized for the document up front: rehashing cost more than filling.
      Map<String, String> f = new HashMap<>(tokens);
      capitalised = new HashSet<>(tokens / 2);
      lowered = new HashSet<>(tokens);
      capLeft = neighbours ? new HashMap<>() : Map.of();
      capRight = neighbours ? new HashMap<>() : Map.of();
      for (int s = 0; s < sentences.size(); s++) {
        if (headline[s]) {
          continue;
        }
        List<String> toks = sentences.get(s);
        if (neighbours) { // only for models trained with the neighbour features
          boolean prevCap = !toks.isEmpty() && isCapitalised(toks.get(0));
          for (int i = 1; i < toks.size(); i++) {
            String w = toks.get(i);
            boolean cap = isCapitalised(w);
            if (cap && prevCap) {
              capLeft.putIfAbsent(Words.lower(w), toks.get(i - 1));
              capRight.putIfAbsent(Words.lower(toks.get(i - 1)), w);
            }
            prevCap = cap;
          }
        }
        for (int i = 1; i < toks.size(); i++) {
          String w = toks.get(i);
          if (!Words.hasLetter(w)) {
            continue;
          }
          String l = Words.lower(w);
          f.put(l, w);
          if (Character.isUpperCase(w.charAt(0))) {
            capitalised.add(l);
          } else if (Character.isLowerCase(w.charAt(0))) {
            lowered.add(l);
          }
        }
      }
      this.forms = f;
    }
  }

  /** Starts with an upper-case letter. */
  static boolean isCapitalised(String w) {
    return !w.isEmpty() && Character.isUpperCase(w.charAt(0));
  }

  /** One sentence prepared for feature extraction. */
  static final class View {
    final int n;
    final String[] forms;
    final long[] word;
    final long[] lower;
    final long[] shape;
    final long[] origShape;
    final int[][] cls;
    final int[] gaz;

    /** WordNet name matches ({@link Names#match}); all 0 without the name features. */
    final int[] wn;

    final boolean headline;
    final String[] lowerText;
    final long[] prevMap;
    final Word[] words;

    /** The last token of the run of capitalised forms token i is in (i itself when none). */
    final int[] runEnd;

    /** {@link DocLabels#entityCover} of this sentence (second stage only; else null). */
    int[] docEnt;

    /** The first pass's tags of this sentence (second stage only; else null). */
    int[] firstTags;

    View(int n, boolean headline) {
      this.n = n;
      this.headline = headline;
      forms = new String[n];
      word = new long[n];
      lower = new long[n];
      shape = new long[n];
      origShape = new long[n];
      cls = new int[n][];
      gaz = new int[n];
      wn = new int[n];
      lowerText = new String[n];
      prevMap = new long[n];
      words = new Word[n];
      runEnd = new int[n];
    }
  }

  /** Headline lines: mostly ALL CAPS words, or Title Case words without a closing full stop. */
  static boolean isHeadline(List<String> toks) {
    int lettered = 0;
    int caps = 0;
    int longWords = 0;
    int longCaps = 0;
    for (String t : toks) {
      if (t.length() < 2 || !Words.hasLetter(t)) {
        continue;
      }
      lettered++;
      if (Words.isAllCaps(t)) {
        caps++;
      }
      if (t.length() > 3 && Character.isLetter(t.charAt(0))) {
        longWords++;
        if (Character.isUpperCase(t.charAt(0))) {
          longCaps++;
        }
      }
    }
    if (caps >= 2 && caps * 10 >= lettered * 7) {
      return true;
    }
    if (caps == 1 && lettered == 1 && toks.size() <= 4) {
      return true; // dateline: "BRUSSELS 1996-08-22"
    }
    String last = toks.isEmpty() ? "" : toks.get(toks.size() - 1);
    boolean fullStop = last.equals(".") || last.endsWith(".") && last.length() > 1;
    return !fullStop && longWords >= 4 && longCaps * 10 >= longWords * 8;
  }

  /** What the document tells about its words, for these features' settings. */
  Doc doc(List<List<String>> sentences) {
    boolean[] h = new boolean[sentences.size()];
    for (int s = 0; s < h.length; s++) {
      h[s] = isHeadline(sentences.get(s));
    }
    return new Doc(sentences, h, docNeighbours);
  }

  /** As {@link #doc(List)}, carrying a first pass's labels for the second stage's features. */
  Doc doc(List<List<String>> sentences, DocLabels labels) {
    Doc d = doc(sentences);
    d.labels = labels;
    return d;
  }

  View view(Doc doc, int s) {
    List<String> toks = doc.sentences.get(s);
    int n = toks.size();
    View v = new View(n, doc.headline[s]);
    String[] forms = v.forms;
    for (int i = 0; i < n; i++) {
      String t = toks.get(i);
      forms[i] = v.headline ? truecaser.restore(t, doc.forms) : t;
    }
    // Gazetteer on the forms the model sees: re-cased headline words, names capitalised.
    List<String> seen = v.headline ? java.util.Arrays.asList(forms) : toks;
    int[] g = places.match(seen);
    if (names != null && names.wordnet()) {
      System.arraycopy(names.match(seen), 0, v.wn, 0, n);
    }
    for (int i = n - 1; i >= 0 && runHead; i--) {
      v.runEnd[i] =
          i + 1 < n && isCapitalised(forms[i]) && isCapitalised(forms[i + 1]) ? v.runEnd[i + 1] : i;
    }
    WordCache cache = words.get();
    for (int i = 0; i < n; i++) {
      String f = forms[i];
      long h = Words.hash(f);
      Word w = cache.get(h);
      if (w == null) {
        String l = Words.lower(f);
        int[] cls = clusters.of(f);
        w =
            new Word(
                l,
                Words.hash(l),
                Words.hash(Words.shape(f)),
                cls,
                glove == null || gloveBackoff && cls != null ? null : glove.exact(l),
                nameBits(l));
        cache.put(h, w);
      }
      v.words[i] = w;
      v.lowerText[i] = w.lower;
      v.word[i] = h;
      v.lower[i] = w.lowerHash;
      v.shape[i] = w.shapeHash;
      v.origShape[i] = v.headline ? Words.hash(Words.shape(toks.get(i))) : v.shape[i];
      v.cls[i] = w.cls;
      v.gaz[i] = g[i];
      if (usePrevMap && !doc.prevMap.isEmpty()) {
        String pm = doc.prevMap.get(w.lower);
        v.prevMap[i] = pm == null ? 0 : Words.hash(pm);
      }
    }
    if (docLabels && doc.labels != null) {
      v.docEnt = doc.labels.entityCover(v.lower, n);
      v.firstTags = doc.labels.tags(s);
    }
    return v;
  }

  /**
   * A word's given-name and surname bits; none for a word usually written lower case in the text
   * the model learnt from (the lists hold "Baby", "August", "Brown").
   */
  private int nameBits(String lower) {
    if (names == null || !names.words() || truecaser.usualCase(lower) == 1) {
      return 0;
    }
    return names.wordBits(lower);
  }

  /**
   * The usual-case dictionary stands in for the document's own evidence of a sentence's first word
   * (on; {@code -Dherald.ner.dictCaps=false} measures without).
   */
  static final boolean DICT_CAPS =
      Boolean.parseBoolean(System.getProperty("herald.ner.dictCaps", "true"));

  private static final long BOS = Words.hash("<s>");
  private static final long EOS = Words.hash("</s>");

  /**
   * Writes the features of token i that depend on its own word form alone (the word, its shape,
   * prefixes, suffixes and classes) into out; returns how many. The decoder caches their weights
   * per word form.
   */
  int lexicalFeatures(View v, int i, long[] out) {
    int k = 0;
    out[k++] = Words.hash(2, v.word[i]);
    out[k++] = Words.hash(7, v.shape[i]);
    String l = v.lowerText[i];
    int len = l.length();
    for (int a = 1; a <= 4 && a < len; a++) {
      out[k++] = Words.hash(14 + a, Words.hash(l, 0, a));
      out[k++] = Words.hash(18 + a, Words.hash(l, len - a, len));
    }
    int[] c0 = v.cls[i];
    for (int g = 0; g < 3; g++) {
      out[k++] = Words.hash(23 + g, c0 == null || g >= c0.length ? -1 : c0[g]);
    }
    if (classShape) {
      // Class with shape: a capitalised word of a class of names, seen in the unlabelled text
      // but rare in the labelled one, still looks like its class's names.
      out[k++] = Words.hash(52, c0 == null ? -1 : c0[0], v.shape[i]);
      out[k++] = Words.hash(53, c0 == null || c0.length < 2 ? -1 : c0[1], v.shape[i]);
      out[k++] = Words.hash(56, c0 == null || c0.length < 3 ? -1 : c0[2], v.shape[i]);
    }
    if (usualCase) {
      // How the word is usually written mid-sentence in all the text seen in training: a
      // capitalised word usually written lower case is rarely a name.
      out[k++] = Words.hash(59, truecaser.usualCase(v.lowerText[i]), v.shape[i]);
    }
    if (names != null) {
      // A known given name or surname, with its shape (a capitalised "Jesse", not "JESSE").
      out[k++] = Words.hash(67, v.words[i].nameBits, v.shape[i]);
    }
    if (glove != null) {
      // The word's classes in vectors learnt from billions of tokens of Wikipedia and newswire: a
      // name seen nowhere in Herald's text still falls among names used alike. With the shape, as
      // for the classes above (GloVe's words are lower case).
      int[] g0 = v.words[i].gcls;
      for (int g = 0; g < 3; g++) {
        int c = g0 == null || g >= g0.length ? -1 : g0[g];
        out[k++] = Words.hash(90 + g, c);
        out[k++] = Words.hash(93 + g, c, v.shape[i]);
      }
    }
    return k;
  }

  /** Writes the other tag-independent features of token i into out; returns how many. */
  int contextFeatures(Doc doc, View v, int i, long[] out) {
    return contextFeatures(doc, v, i, out, true);
  }

  /**
   * As {@link #contextFeatures(Doc, View, int, long[])}; without {@code withNeighbours}, leaves out
   * the features that depend on one neighbouring word alone ({@link #neighbourFeatures}), whose
   * weights the decoder keeps per word.
   */
  int contextFeatures(Doc doc, View v, int i, long[] out, boolean withNeighbours) {
    int k = 0;
    int n = v.n;
    long lm1 = i > 0 ? v.lower[i - 1] : BOS;
    long lm2 = i > 1 ? v.lower[i - 2] : BOS;
    long lp1 = i + 1 < n ? v.lower[i + 1] : EOS;
    long lp2 = i + 2 < n ? v.lower[i + 2] : EOS;
    long s0 = v.shape[i];
    long sm1 = i > 0 ? v.shape[i - 1] : BOS;
    long sp1 = i + 1 < n ? v.shape[i + 1] : EOS;
    out[k++] = Words.hash(1, 0);
    if (withNeighbours) {
      out[k++] = Words.hash(3, lm1);
      out[k++] = Words.hash(4, lp1);
      out[k++] = Words.hash(5, lm2);
      out[k++] = Words.hash(6, lp2);
      out[k++] = Words.hash(8, sm1);
      out[k++] = Words.hash(9, sp1);
    }
    out[k++] = Words.hash(10, sm1, s0);
    out[k++] = Words.hash(11, s0, sp1);
    out[k++] = Words.hash(12, Words.mix(sm1 ^ s0 * 31), sp1);
    out[k++] = Words.hash(13, lm1, v.lower[i]);
    out[k++] = Words.hash(14, v.lower[i], lp1);
    out[k++] = Words.hash(48, lm1, s0);
    out[k++] = Words.hash(49, s0, lp1);
    String l = v.lowerText[i];
    int[] c0 = v.cls[i];
    int[] cm1 = i > 0 ? v.cls[i - 1] : null;
    int[] cp1 = i + 1 < n ? v.cls[i + 1] : null;
    int[] cm2 = i > 1 ? v.cls[i - 2] : null;
    int[] cp2 = i + 2 < n ? v.cls[i + 2] : null;
    int groups = c0 != null ? c0.length : 0;
    for (int g = 0; g < 3 && withNeighbours; g++) {
      out[k++] = Words.hash(26 + g, cm1 == null || g >= cm1.length ? -1 : cm1[g]);
      out[k++] = Words.hash(29 + g, cp1 == null || g >= cp1.length ? -1 : cp1[g]);
    }
    if (classShape) {
      out[k++] = Words.hash(54, cm1 == null || cm1.length < 2 ? -1 : cm1[1], s0);
      out[k++] = Words.hash(55, s0, cp1 == null || cp1.length < 2 ? -1 : cp1[1]);
      int cc = c0 == null ? -1 : c0[0];
      out[k++] = Words.hash(57, cm1 == null ? -1 : cm1[0], cc);
      out[k++] = Words.hash(58, cc, cp1 == null ? -1 : cp1[0]);
    }
    if (withNeighbours && (groups > 0 || cm2 != null || cp2 != null)) {
      out[k++] = Words.hash(32, cm2 == null ? -1 : cm2[Math.min(1, cm2.length - 1)]);
      out[k++] = Words.hash(33, cp2 == null ? -1 : cp2[Math.min(1, cp2.length - 1)]);
    }
    int gz = v.gaz[i];
    if (gz != 0) {
      long kinds = gz & 0xf | ((gz >>> 16) & 1) << 4;
      out[k++] = Words.hash(34, kinds);
      out[k++] = Words.hash(35, kinds, s0);
      if ((gz & Places.CITY) != 0) {
        out[k++] = Words.hash(38, (gz >>> 4) & 0xf);
      }
    }
    if (i > 0 && v.gaz[i - 1] != 0) {
      out[k++] = Words.hash(36, v.gaz[i - 1] & 0xf);
    }
    if (i + 1 < n && v.gaz[i + 1] != 0) {
      out[k++] = Words.hash(37, v.gaz[i + 1] & 0xf);
    }
    if (Words.hasLetter(l)) {
      Word w = v.words[i];
      if (w.docSerial != doc.serial) {
        w.capitalisedInDoc = doc.capitalised.contains(l);
        w.loweredInDoc = doc.lowered.contains(l);
        w.docSerial = doc.serial;
      }
      boolean cap = w.capitalisedInDoc;
      if (!cap && DICT_CAPS && i == 0 && !w.loweredInDoc) {
        // A sentence's first word that the document writes nowhere else: the document says
        // nothing, so the usual case says it. Short texts ("Putin arrived in Beijing.", "Boeing
        // shares fell.") lost their first name to a "never capitalised elsewhere" that meant
        // "never seen elsewhere"; a word unknown to the dictionary is, written capitalised,
        // most often a name.
        int u = truecaser.usualCase(l);
        cap = u == 2 || u == 0;
      }
      out[k++] = Words.hash(39, cap ? 1 : 0, s0);
      out[k++] = Words.hash(40, w.loweredInDoc ? 1 : 0, s0);
    }
    if (i == 0) {
      out[k++] = Words.hash(41, s0);
      out[k++] = Words.hash(42, v.lower[i]);
    }
    if (v.headline) {
      out[k++] = Words.hash(43, s0);
      out[k++] = Words.hash(44, v.origShape[i]);
    }
    if (usePrevMap && v.prevMap[i] != 0) {
      out[k++] = Words.hash(50, v.prevMap[i]);
      out[k++] = Words.hash(51, v.prevMap[i], s0);
    }
    if (runHead && v.runEnd[i] > i) {
      // The last word of a run of capitalised words ("Park", "Street", "University") decides
      // its type, but the left-to-right decoder types the run at its first word.
      int e = v.runEnd[i];
      out[k++] = Words.hash(65, v.lower[e]);
      int[] ce = v.cls[e];
      out[k++] = Words.hash(66, ce == null || ce.length < 2 ? -1 : ce[1]);
    }
    if (names != null) {
      // "Jesse Auton": a given name before a capitalised word makes it a surname; a band, a firm
      // or a park seldom starts with one. WordNet's multi-word names type whole runs.
      int np = i > 0 ? v.words[i - 1].nameBits : 0;
      int nn = i + 1 < n ? v.words[i + 1].nameBits : 0;
      if (np != 0) {
        out[k++] = Words.hash(68, np, s0);
      }
      if (nn != 0) {
        out[k++] = Words.hash(69, nn, s0);
      }
      int wn = v.wn[i];
      if (wn != 0) {
        out[k++] = Words.hash(70, wn & 0xff, (wn >>> 16) & 1);
        out[k++] = Words.hash(71, wn & 0xff, s0);
      }
      if (i > 0 && v.wn[i - 1] != 0) {
        out[k++] = Words.hash(72, v.wn[i - 1] & 0xff);
      }
    }
    if (glove != null && gloveContext) {
      // The neighbours' GloVe classes ("in X", "X said"), and with this word's shape and class.
      int[] gm1 = i > 0 ? v.words[i - 1].gcls : null;
      int[] gp1 = i + 1 < n ? v.words[i + 1].gcls : null;
      int[] g0 = v.words[i].gcls;
      int m1 = i == 0 ? -2 : gm1 == null || gm1.length < 2 ? -1 : gm1[1];
      int p1 = i + 1 == n ? -2 : gp1 == null || gp1.length < 2 ? -1 : gp1[1];
      if (withNeighbours) {
        out[k++] = Words.hash(96, m1);
        out[k++] = Words.hash(97, p1);
      }
      out[k++] = Words.hash(98, m1, s0);
      out[k++] = Words.hash(99, s0, p1);
      int cc = g0 == null ? -1 : g0[0];
      out[k++] = Words.hash(100, i == 0 ? -2 : gm1 == null ? -1 : gm1[0], cc);
      out[k++] = Words.hash(101, cc, i + 1 == n ? -2 : gp1 == null ? -1 : gp1[0]);
    }
    if (docNeighbours && isCapitalised(v.forms[i])) {
      // A capitalised word without a capitalised neighbour here, which has one elsewhere in the
      // document: that neighbour's class (a first name's, a club prefix's) tells what it is.
      if ((i == 0 || !isCapitalised(v.forms[i - 1])) && !doc.capLeft.isEmpty()) {
        String left = doc.capLeft.get(l);
        if (left != null) {
          out[k++] = Words.hash(63, coarseClass(left));
        }
      }
      if ((i + 1 == n || !isCapitalised(v.forms[i + 1])) && !doc.capRight.isEmpty()) {
        String right = doc.capRight.get(l);
        if (right != null) {
          out[k++] = Words.hash(64, coarseClass(right));
        }
      }
    }
    if (docLabels && doc.labels != null) {
      k = docLabelFeatures(doc.labels, v, i, s0, out, k);
      if (ownLabel && v.firstTags != null) {
        // Stacking: what the first pass said here, trusted as far as the jackknifed training
        // labels showed it deserves.
        int t = v.firstTags[i];
        out[k++] = Words.hash(87, t);
        out[k++] = Words.hash(88, t, s0);
        out[k++] =
            Words.hash(89, i > 0 ? v.firstTags[i - 1] : -1, i + 1 < n ? v.firstTags[i + 1] : -1);
      }
    }
    return k;
  }

  /**
   * Whether the decoder may take token i's one-neighbour features from the neighbours' cached
   * weights: always, except where {@link #contextFeatures} leaves out the two-away classes (a word
   * without classes between two words, or sentence ends, without them).
   */
  static boolean neighboursCacheable(View v, int i) {
    return v.cls[i] != null && v.cls[i].length > 0
        || i > 1 && v.cls[i - 2] != null
        || i + 2 < v.n && v.cls[i + 2] != null;
  }

  /**
   * Writes the features that word {@code w} gives the token it stands {@code slot} to ({@link
   * #LEFT1}: w is the word before it, ...; w null: the sentence's start or end there), exactly as
   * {@link #contextFeatures} writes them with its neighbours; returns how many.
   */
  int neighbourFeatures(Word w, int slot, long[] out) {
    int k = 0;
    boolean left = slot == LEFT1 || slot == LEFT2;
    long edge = left ? BOS : EOS;
    long lower = w == null ? edge : w.lowerHash;
    int[] c = w == null ? null : w.cls;
    if (slot == LEFT2 || slot == RIGHT2) {
      out[k++] = Words.hash(left ? 5 : 6, lower);
      out[k++] = Words.hash(left ? 32 : 33, c == null ? -1 : c[Math.min(1, c.length - 1)]);
      return k;
    }
    out[k++] = Words.hash(left ? 3 : 4, lower);
    out[k++] = Words.hash(left ? 8 : 9, w == null ? edge : w.shapeHash);
    for (int g = 0; g < 3; g++) {
      out[k++] = Words.hash((left ? 26 : 29) + g, c == null || g >= c.length ? -1 : c[g]);
    }
    if (glove != null && gloveContext) {
      int[] gc = w == null ? null : w.gcls;
      int m = w == null ? -2 : gc == null || gc.length < 2 ? -1 : gc[1];
      out[k++] = Words.hash(left ? 96 : 97, m);
    }
    return k;
  }

  /**
   * The second stage's document features (Krishnan and Manning 2006): what the first pass made of
   * this word and this string elsewhere in the document. A lone "Weah" typed ORG here sees that it
   * was part of a PER name ("George Weah") in an earlier line; an untagged repeat of a tagged name
   * sees that name's type.
   */
  private static int docLabelFeatures(DocLabels labels, View v, int i, long s0, long[] out, int k) {
    int ent = v.docEnt[i];
    if (ent != 0) {
      out[k++] = Words.hash(83, ent);
      out[k++] = Words.hash(84, NerModel.typeOf(ent), s0);
    }
    String f = v.forms[i];
    if (!isCapitalised(f) || !Words.hasLetter(f)) {
      return k;
    }
    int[] tok = labels.token(v.lowerText[i]);
    if (tok != null) {
      int maj = DocLabels.majority(tok);
      int total = 0;
      for (int c : tok) {
        total += c;
      }
      out[k++] = Words.hash(80, maj, Math.min(total, 3));
      out[k++] = Words.hash(81, maj, s0);
      out[k++] = Words.hash(82, maj, tok[maj] == total ? 1 : 0);
    }
    int[] sup = labels.superEntity(v.lowerText[i]);
    if (sup != null) {
      int maj = DocLabels.majority(sup);
      boolean lone =
          (i == 0 || !isCapitalised(v.forms[i - 1]))
              && (i + 1 == v.n || !isCapitalised(v.forms[i + 1]));
      out[k++] = Words.hash(85, maj, lone ? 1 : 0);
      out[k++] = Words.hash(86, maj, s0);
    }
    return k;
  }

  private int coarseClass(String word) {
    int[] c = clusters.of(word);
    return c == null ? -1 : c[0];
  }

  /** Tag-history features of token i given the two previous tags (outcome indices, -1 = none). */
  static int tagFeatures(View v, int i, int prev, int prev2, long[] out) {
    out[0] = Words.hash(60, prev);
    out[1] = Words.hash(61, prev2, prev);
    if (v == null) {
      return 2; // the decoder's tables of the first two, which do not depend on the token
    }
    out[2] = Words.hash(62, prev, v.shape[i]);
    return 3;
  }

  static final int TAG_FEATURES = 3;
}
