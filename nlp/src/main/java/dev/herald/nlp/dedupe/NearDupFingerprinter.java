package dev.herald.nlp.dedupe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Computes {@link NearDupFingerprint}s and decides whether a later article is a copy of an earlier
 * one. Stateless and thread-safe: one instance can serve every stream thread.
 *
 * <p>The body is cleaned ({@link Boilerplate}), cut into word shingles and summarised by a MinHash
 * signature; LSH bands of that signature are the candidate keys ({@link #bandKeys}). A candidate is
 * confirmed ({@link #compare}) only when the later text is mostly contained in the earlier one, the
 * later text brings no new figures (numbers, weekdays, dates), and, for short bodies, the titles
 * agree. See docs/adr/0006-near-duplicate-detection.md.
 */
public final class NearDupFingerprinter {

  /**
   * Tunables. The defaults are those measured in the ADR; sketch sizes are bounded so that a
   * fingerprint stays within {@link NearDupFingerprint#MAX_BYTES}.
   *
   * @param shingleSize words per shingle
   * @param minHashes MinHash values in the signature
   * @param bandRows values per LSH band (bands = minHashes / bandRows)
   * @param figureSample figure hashes kept
   * @param titleSample title word hashes kept
   * @param minShingles distinct shingles a body needs to be compared at all
   * @param shortShingles bodies with fewer distinct shingles must also agree on the title
   * @param minContainment share of the later body's shingles found in the earlier one
   * @param maxNewFigures share of the later body's figures allowed to be absent from the earlier
   * @param minTitleSimilarity title word Jaccard required for short bodies
   * @param maxChars characters of a body read; the rest is ignored (bounded work)
   */
  public record Settings(
      int shingleSize,
      int minHashes,
      int bandRows,
      int figureSample,
      int titleSample,
      int minShingles,
      int shortShingles,
      double minContainment,
      double maxNewFigures,
      double minTitleSimilarity,
      int maxChars) {

    public static Settings defaults() {
      return new Settings(5, 64, 2, 16, 8, 5, 40, 0.7, 0.1, 0.6, 200_000);
    }

    public Settings {
      if (shingleSize < 1 || minHashes < 2 || bandRows < 1 || minHashes % bandRows != 0) {
        throw new IllegalArgumentException("bad shingle/MinHash/band sizes");
      }
      int bytes = 19 + 2 * (minHashes + figureSample + titleSample);
      if (bytes > NearDupFingerprint.MAX_BYTES || figureSample < 1 || titleSample < 1) {
        throw new IllegalArgumentException("sketches exceed the fingerprint budget: " + bytes);
      }
      if (minShingles < 1 || maxChars < 1) {
        throw new IllegalArgumentException("minShingles and maxChars must be positive");
      }
    }
  }

  /**
   * The outcome of comparing an earlier article with a later one.
   *
   * @param duplicate whether the later article is a copy of the earlier one
   * @param exact both cleaned bodies are identical
   * @param containment estimated share of the later body's shingles found in the earlier body
   * @param jaccard estimated shingle Jaccard similarity
   * @param newFigures share of the later body's figures absent from the earlier body
   * @param titleSimilarity estimated Jaccard similarity of the title words
   * @param reason why it is or is not a duplicate, for logs and evaluation
   */
  public record Verdict(
      boolean duplicate,
      boolean exact,
      double containment,
      double jaccard,
      double newFigures,
      double titleSimilarity,
      String reason) {}

  static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final int MAX_TITLE_CHARS = 1_000;
  private static final Map<String, String> NUMBER_WORDS = numberWords();
  private static final Map<String, String> WEEKDAYS = weekdays();
  private static final Map<String, String> MONTHS = months();
  static final TextScan.FigureWords FIGURE_WORDS =
      new TextScan.FigureWords(
          java.util.stream.Stream.of(NUMBER_WORDS, WEEKDAYS, MONTHS)
              .flatMap(m -> m.keySet().stream())
              .toList());

  private final Settings settings;
  private final long[] seeds;

  public NearDupFingerprinter() {
    this(Settings.defaults());
  }

  public NearDupFingerprinter(Settings settings) {
    this.settings = settings;
    this.seeds = new long[settings.minHashes()];
    for (int i = 0; i < seeds.length; i++) {
      seeds[i] = mix64((i + 1) * GOLDEN);
    }
  }

  public Settings settings() {
    return settings;
  }

  /** The fingerprint of an article; null title or text count as empty. Never throws. */
  public NearDupFingerprint fingerprint(String title, String text) {
    // One scan per text, no string per word or line: see TextScan and Boilerplate.keptLines (same
    // words, shingles and figures as strip/sentences/distinctShingles/figures, which stay as the
    // readable reference). Work arrays are per thread and reused.
    Scratch sc = SCRATCH.get();
    try {
      return fingerprint(title, text, sc);
    } finally {
      sc.release();
    }
  }

  private NearDupFingerprint fingerprint(String title, String text, Scratch sc) {
    TextScan scan = sc.scan;
    String t = clip(title, MAX_TITLE_CHARS);
    scan.start(t);
    scan.range(0, t.length());
    scan.finish();
    int titleTokens = distinct16(scan.tokensRef(), scan.tokenCount(), sc);
    short[] titleSample = bottom(sc.ints, titleTokens, settings.titleSample());

    String body = clip(text, settings.maxChars());
    Boilerplate.Lines lines = sc.lines;
    int kept = Boilerplate.keptLines(body, lines);
    scan.start(body);
    // The text strip would build: each kept line after a '\n' when it opens a paragraph, then '\n'.
    for (int k = 0; k < kept; k++) {
      int start = lines.start(k);
      int end = lines.end(k);
      if (lines.breakBefore(k)) {
        scan.newline(start == end || Character.isWhitespace(body.charAt(start)));
      }
      scan.range(start, end);
      boolean blankFollows = false;
      if (k + 1 < kept) {
        int next = lines.start(k + 1);
        blankFollows =
            lines.breakBefore(k + 1)
                || next == lines.end(k + 1)
                || Character.isWhitespace(body.charAt(next));
      }
      scan.newline(blankFollows);
    }
    scan.finish();
    int distinct = sketchShingles(scan, sc);
    if (distinct < settings.minShingles()) {
      return NearDupFingerprint.empty(titleTokens, titleSample);
    }
    short[] minHash = new short[seeds.length];
    for (int i = 0; i < minHash.length; i++) {
      minHash[i] = (short) (densified(sc.mins, sc.filled, i) >>> 16);
    }
    int figures = distinct16(figureHashes(scan, sc), sc.figureHashCount(), sc);
    short[] figureSample = bottom(sc.ints, figures, settings.figureSample());
    long exactHash = scan.exactHash(ContentFingerprint.DEFAULT_MIN_CHARS);
    return new NearDupFingerprint(
        distinct, exactHash, minHash, figures, figureSample, titleTokens, titleSample);
  }

  /** Per-thread work arrays of {@link #fingerprint}; grown as needed, trimmed after long texts. */
  private static final class Scratch {
    private static final int KEEP = 1 << 14;

    final TextScan scan = new TextScan(FIGURE_WORDS);
    final Boilerplate.Lines lines = new Boilerplate.Lines();
    long[] table = new long[1024];
    int[] mins = new int[64];
    boolean[] filled = new boolean[64];
    int[] ints = new int[512];
    long[] hashes = new long[128];
    byte[] kinds = new byte[128];
    char[] word = new char[64];
    private int figureHashes;

    int figureHashCount() {
      return figureHashes;
    }

    void release() {
      scan.release();
      lines.release();
      if (table.length > 4 * KEEP) {
        table = new long[1024];
      }
      if (ints.length > KEEP) {
        ints = new int[512];
      }
      if (hashes.length > KEEP) {
        hashes = new long[128];
        kinds = new byte[128];
      }
      if (word.length > KEEP) {
        word = new char[64];
      }
    }
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /**
   * Hashes the shingles of the scanned body ({@link TextScan#shingleHashes}) and, in the same loop,
   * counts the distinct ones ({@link #countDistinct}) and keeps each MinHash bin's minimum ({@link
   * #densified}) in {@code sc.mins}/{@code sc.filled}. Returns the distinct count.
   */
  private int sketchShingles(TextScan scan, Scratch sc) {
    int n = settings.shingleSize();
    long[] tokens = scan.tokensRef();
    int[] ends = scan.sentenceEndsRef();
    int sentences = scan.sentenceCount();
    int total = 0;
    int start = 0;
    for (int s = 0; s < sentences; s++) {
      total += Math.max(1, ends[s] - start - n + 1);
      start = ends[s];
    }
    // A quarter full at most: few collisions, and any size counts the same.
    int size = Integer.highestOneBit(Math.max(8, total * 4) - 1) << 1;
    if (sc.table.length < size) {
      sc.table = new long[size];
    } else {
      Arrays.fill(sc.table, 0, size, 0L);
    }
    long[] table = sc.table;
    int mask = size - 1;
    int k = seeds.length;
    if (sc.mins.length < k) {
      sc.mins = new int[k];
      sc.filled = new boolean[k];
    }
    int[] mins = sc.mins;
    boolean[] filled = sc.filled;
    Arrays.fill(mins, 0, k, -1);
    Arrays.fill(filled, 0, k, false);
    // Shingles of n words are the same polynomial as shingleHash, rolled: drop the first word's
    // term, shift, add the next word (exact in 64-bit arithmetic), then one finaliser each.
    long lead = GOLDEN;
    long top = 1L;
    for (int j = 0; j < n; j++) {
      lead *= SHINGLE_PRIME;
      if (j > 0) {
        top *= SHINGLE_PRIME;
      }
    }
    boolean zero = false;
    int distinct = 0;
    start = 0;
    for (int s = 0; s < sentences; s++) {
      int end = ends[s];
      long poly = 0;
      for (int i = start; ; i++) {
        long v;
        if (end - start < n) {
          v = shingleHash(tokens, start, end); // a short sentence is one shingle
        } else if (i == start) {
          poly = GOLDEN;
          for (int j = start; j < start + n; j++) {
            poly = poly * SHINGLE_PRIME + tokens[j];
          }
          v = mix64(poly);
        } else {
          poly = (poly - lead - tokens[i - 1] * top) * SHINGLE_PRIME + lead + tokens[i + n - 1];
          v = mix64(poly);
        }
        int bin = bin(v >>> 32, k);
        int old = mins[bin];
        mins[bin] = Integer.compareUnsigned((int) v, old) < 0 ? (int) v : old;
        filled[bin] = true;
        if (v == 0L) {
          if (!zero) {
            zero = true;
            distinct++;
          }
        } else {
          int j = (int) (v ^ (v >>> 32)) & mask;
          long t;
          while ((t = table[j]) != 0L && t != v) {
            j = (j + 1) & mask;
          }
          if (t == 0L) {
            table[j] = v;
            distinct++;
          }
        }
        if (i + n >= end) {
          break; // the last shingle of the sentence (or its only one)
        }
      }
      start = end;
    }
    return distinct;
  }

  private static final byte NO_FIGURE = 0;
  private static final byte NUMBER = 1;
  private static final byte DAY = 2;
  private static final byte MONTH = 3;

  /**
   * {@link #hash64} of each of {@link #figures}({@code scan.figureWords()}), in {@code sc.hashes}
   * (count: {@code sc.figureHashCount()}), without a string: the figure-like words are read into
   * {@code sc.word} and looked up in {@link FigureNames}.
   */
  private static long[] figureHashes(TextScan scan, Scratch sc) {
    int m = scan.specialCount();
    if (sc.hashes.length < m) {
      sc.hashes = new long[m];
      sc.kinds = new byte[m];
    }
    long[] hashes = sc.hashes;
    byte[] kinds = sc.kinds;
    // What each figure-like word is (numberOf, then a weekday, then a month) and its figure hash.
    String text = scan.source();
    for (int r = 0; r < m; r++) {
      if (asciiFigure(text, scan.specialStart(r), scan.specialEnd(r), kinds, hashes, r)) {
        continue;
      }
      int len;
      while ((len = scan.specialWord(r, sc.word)) < 0) {
        sc.word = new char[2 * sc.word.length];
      }
      char[] w = sc.word;
      int name = FigureNames.find(w, len);
      int from = 0;
      while (from < len && !isDigit(w[from])) {
        from++;
      }
      long h = FNV_OFFSET;
      if (from < len) {
        int to = from;
        while (to < len && (isDigit(w[to]) || w[to] == '.' || w[to] == '/')) {
          to++;
        }
        h = (h ^ '#') * FNV_PRIME;
        for (int i = from; i < to; i++) {
          h = (h ^ w[i]) * FNV_PRIME;
        }
      }
      classify(kinds, hashes, r, name, from < len, h);
    }
    // The figures in word order: numbers, weekdays, and months next to a number.
    int out = 0;
    for (int r = 0; r < m; r++) {
      byte kind = kinds[r];
      boolean keep = kind == NUMBER || kind == DAY;
      if (kind == MONTH) {
        int t = scan.specialToken(r);
        keep =
            (r > 0 && kinds[r - 1] == NUMBER && scan.specialToken(r - 1) == t - 1)
                || (r + 1 < m && kinds[r + 1] == NUMBER && scan.specialToken(r + 1) == t + 1);
      }
      hashes[out] = hashes[r];
      out += keep ? 1 : 0;
    }
    sc.figureHashes = out;
    return hashes;
  }

  /**
   * For a word of ASCII chars only, what the loop in {@link #figureHashes} finds, read straight
   * from {@code text[from, to)}: the word as TextScan spells it (lower case, ',' dropped) goes
   * through the FigureNames code and the numberOf digits in one pass. False (nothing written) when
   * the word has another char.
   */
  private static boolean asciiFigure(
      String text, int from, int to, byte[] kinds, long[] hashes, int r) {
    long code = 0;
    int len = 0;
    int number = 0; // 0: no digit yet, 1: in the first number, 2: after it
    long h = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c >= 128) {
        return false;
      }
      if (c == ',') {
        continue;
      }
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      len++;
      code = c >= 'a' && c <= 'z' && code >= 0 && len <= 12 ? code * 27 + (c - 'a' + 1) : -1;
      boolean digit = c >= '0' && c <= '9';
      if (number == 0 && digit) {
        number = 1;
        h = (FNV_OFFSET ^ '#') * FNV_PRIME;
      } else if (number == 1 && !digit && c != '.' && c != '/') {
        number = 2;
      }
      if (number == 1) {
        h = (h ^ c) * FNV_PRIME;
      }
    }
    int name = len == 0 || code < 0 ? -1 : FigureNames.find(code);
    classify(kinds, hashes, r, name, number > 0, h);
    return true;
  }

  /**
   * What word {@code r} is, as {@code numberOf} then a weekday then a month decide it: a number
   * word, else a number ({@code digitsHash}, the FNV state of '#' and its first run of digits, dots
   * and slashes), else a weekday, else a month next to a number, else no figure.
   */
  private static void classify(
      byte[] kinds, long[] hashes, int r, int name, boolean digits, long digitsHash) {
    if (name >= 0 && FigureNames.NUMBER_HASH[name] != 0L) {
      kinds[r] = NUMBER;
      hashes[r] = FigureNames.NUMBER_HASH[name];
    } else if (digits) {
      kinds[r] = NUMBER;
      hashes[r] = mix64(digitsHash);
    } else if (name >= 0 && FigureNames.DAY_HASH[name] != 0L) {
      kinds[r] = DAY;
      hashes[r] = FigureNames.DAY_HASH[name];
    } else if (name >= 0 && FigureNames.MONTH_HASH[name] != 0L) {
      kinds[r] = MONTH;
      hashes[r] = FigureNames.MONTH_HASH[name];
    } else {
      kinds[r] = NO_FIGURE;
    }
  }

  /** Character.isDigit, without the lookup for ASCII. */
  private static boolean isDigit(char c) {
    return c < 128 ? c >= '0' && c <= '9' : Character.isDigit(c);
  }

  /**
   * NUMBER_WORDS, WEEKDAYS and MONTHS by key, for words read into a char array: each key (lower
   * case ASCII letters) as a number in base 27, in a table where no two keys share a slot, with the
   * hash of the figure each map makes of it (0: not in that map).
   */
  private static final class FigureNames {
    private static final int BITS = 9;
    private static final long[] KEYS = new long[1 << BITS];
    static final long[] NUMBER_HASH = new long[1 << BITS];
    static final long[] DAY_HASH = new long[1 << BITS];
    static final long[] MONTH_HASH = new long[1 << BITS];
    private static final long MULTIPLIER;

    static {
      java.util.TreeMap<Long, long[]> byKey = new java.util.TreeMap<>();
      List<Map<String, String>> maps = List.of(NUMBER_WORDS, WEEKDAYS, MONTHS);
      String[] prefixes = {"#", "@", "@"};
      for (int t = 0; t < maps.size(); t++) {
        for (Map.Entry<String, String> e : maps.get(t).entrySet()) {
          char[] k = e.getKey().toCharArray();
          long code = code(k, k.length);
          if (code < 0) {
            throw new IllegalStateException("figure name not in a-z: " + e.getKey());
          }
          long h = hash64(prefixes[t] + e.getValue());
          if (h == 0L) {
            throw new IllegalStateException("figure hash 0 for " + e.getKey());
          }
          byKey.computeIfAbsent(code, c -> new long[3])[t] = h;
        }
      }
      // The first odd multiplier of a fixed sequence that gives each key a slot of its own.
      long m = 0;
      for (long seed = 1; ; seed++) {
        m = mix64(seed) | 1L;
        Arrays.fill(KEYS, -1L);
        boolean clash = false;
        for (long code : byKey.keySet()) {
          int slot = slot(code, m);
          if (KEYS[slot] >= 0) {
            clash = true;
            break;
          }
          KEYS[slot] = code;
        }
        if (!clash) {
          break;
        }
      }
      MULTIPLIER = m;
      for (Map.Entry<Long, long[]> e : byKey.entrySet()) {
        int slot = slot(e.getKey(), m);
        NUMBER_HASH[slot] = e.getValue()[0];
        DAY_HASH[slot] = e.getValue()[1];
        MONTH_HASH[slot] = e.getValue()[2];
      }
    }

    private static int slot(long code, long multiplier) {
      return (int) ((code * multiplier) >>> (64 - BITS));
    }

    /** The slot of the word {@code w[0, len)}, or -1 when it is no key. */
    static int find(char[] w, int len) {
      long code = code(w, len);
      return code < 0 ? -1 : find(code);
    }

    /** The slot of the key with this code ({@link #code}), or -1. */
    static int find(long code) {
      int slot = slot(code, MULTIPLIER);
      return KEYS[slot] == code ? slot : -1;
    }

    /**
     * Base 27 with digits 1-26 for a-z, so that the length is part of the code; -1 if not a key.
     */
    private static long code(char[] w, int len) {
      if (len == 0 || len > 12) {
        return -1;
      }
      long code = 0;
      for (int i = 0; i < len; i++) {
        char c = w[i];
        if (c < 'a' || c > 'z') {
          return -1;
        }
        code = code * 27 + (c - 'a' + 1);
      }
      return code;
    }
  }

  /**
   * The keys under which an article is filed and looked up: one per LSH band ("b07:1a2b3c4d") and,
   * when the body has an exact-copy hash, "x:" and that hash. Empty for texts too short to compare,
   * so they never meet a candidate.
   */
  public List<String> bandKeys(NearDupFingerprint f) {
    if (!f.comparable() || f.minHashRef().length != settings.minHashes()) {
      return List.of();
    }
    short[] v = f.minHashRef();
    int rows = settings.bandRows();
    List<String> keys = new ArrayList<>(v.length / rows + 1);
    HexFormat hex = HexFormat.of();
    for (int b = 0; b < v.length / rows; b++) {
      StringBuilder k = new StringBuilder(4 + 4 * rows);
      k.append('b').append(hex.toHexDigits((byte) b)).append(':');
      for (int r = 0; r < rows; r++) {
        k.append(hex.toHexDigits(v[b * rows + r]));
      }
      keys.add(k.toString());
    }
    if (f.exactHash() != 0L) {
      keys.add(exactKey(f));
    }
    return keys;
  }

  /**
   * The band keys as numbers (band index in the top bits, then the band's values), for in-memory
   * indexes; same bands as {@link #bandKeys} without the exact key.
   */
  public long[] bandCodes(NearDupFingerprint f) {
    if (!f.comparable() || f.minHashRef().length != settings.minHashes()) {
      return new long[0];
    }
    short[] v = f.minHashRef();
    int rows = settings.bandRows();
    long[] out = new long[v.length / rows];
    for (int b = 0; b < out.length; b++) {
      long h = b;
      for (int r = 0; r < rows; r++) {
        h =
            rows <= 3
                ? (h << 16) | Short.toUnsignedLong(v[b * rows + r])
                : mix64(h * 31 + v[b * rows + r]);
      }
      out[b] = h;
    }
    return out;
  }

  /** The exact-copy key of a fingerprint ("x:" and 16 hex digits), if it has one. */
  public static Optional<String> exactKeyOf(NearDupFingerprint f) {
    return f.exactHash() == 0L ? Optional.empty() : Optional.of(exactKey(f));
  }

  private static String exactKey(NearDupFingerprint f) {
    return "x:" + HexFormat.of().toHexDigits(f.exactHash());
  }

  /** Whether {@code later} is a copy of {@code earlier}; see {@link #compare}. */
  public boolean isDuplicate(NearDupFingerprint earlier, NearDupFingerprint later) {
    return compare(earlier, later).duplicate();
  }

  /**
   * Verifies a candidate pair. Order matters: a later article that adds substantial new text or new
   * figures (an update, a correction, a follow-up, the next day's report on the same template) is
   * not a copy, while a later article that drops text (a trimmed copy) is.
   */
  public Verdict compare(NearDupFingerprint earlier, NearDupFingerprint later) {
    double title = titleSimilarity(earlier, later);
    if (!earlier.comparable()
        || !later.comparable()
        || earlier.minHashRef().length != later.minHashRef().length) {
      return new Verdict(false, false, 0, 0, 0, title, "too little text to compare");
    }
    boolean exactCopy = earlier.exactHash() != 0L && earlier.exactHash() == later.exactHash();
    short[] a = earlier.minHashRef();
    short[] b = later.minHashRef();
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    double jaccard = exactCopy ? 1.0 : (double) same / a.length;
    double containment =
        exactCopy
            ? 1.0
            : Math.min(
                1.0,
                jaccard
                    * (earlier.shingles() + later.shingles())
                    / ((1 + jaccard) * later.shingles()));
    double newFigures = exactCopy ? 0.0 : newFigures(earlier, later);
    boolean shortBody = Math.min(earlier.shingles(), later.shingles()) < settings.shortShingles();
    String reason;
    boolean dup = false;
    if (containment < settings.minContainment()) {
      reason = "later text not contained in earlier";
    } else if (newFigures > settings.maxNewFigures()) {
      reason = "later text has new figures";
    } else if (shortBody && title < settings.minTitleSimilarity()) {
      reason = "short body and different title";
    } else {
      dup = true;
      reason = exactCopy ? "exact copy" : "near copy";
    }
    return new Verdict(dup, exactCopy, containment, jaccard, newFigures, title, reason);
  }

  /** Share of the later body's sampled figures that the earlier body lacks. */
  static double newFigures(NearDupFingerprint earlier, NearDupFingerprint later) {
    short[] e = earlier.figureRef();
    short[] l = later.figureRef();
    if (l.length == 0) {
      return 0.0;
    }
    // Bottom-k: values up to the earlier sample's largest are decided; a full sample decides all.
    int limit =
        earlier.figures() > e.length && e.length > 0
            ? Short.toUnsignedInt(e[e.length - 1])
            : Integer.MAX_VALUE;
    int considered = 0;
    int missing = 0;
    for (short v : l) {
      int u = Short.toUnsignedInt(v);
      if (u > limit) {
        break;
      }
      considered++;
      if (!contains(e, u)) {
        missing++;
      }
    }
    return considered == 0 ? 0.0 : (double) missing / considered;
  }

  /** Jaccard similarity of the title words: exact for short titles, bottom-k estimate otherwise. */
  static double titleSimilarity(NearDupFingerprint x, NearDupFingerprint y) {
    short[] a = x.titleRef();
    short[] b = y.titleRef();
    if (a.length == 0 || b.length == 0) {
      return 0.0;
    }
    boolean whole = x.titleTokens() <= a.length && y.titleTokens() <= b.length;
    int k = whole ? Integer.MAX_VALUE : Math.min(a.length, b.length);
    int i = 0;
    int j = 0;
    int union = 0;
    int both = 0;
    while ((i < a.length || j < b.length) && union < k) {
      int u = i < a.length ? Short.toUnsignedInt(a[i]) : Integer.MAX_VALUE;
      int v = j < b.length ? Short.toUnsignedInt(b[j]) : Integer.MAX_VALUE;
      if (u == v) {
        both++;
        i++;
        j++;
      } else if (u < v) {
        i++;
      } else {
        j++;
      }
      union++;
    }
    return union == 0 ? 0.0 : (double) both / union;
  }

  private static boolean contains(short[] sortedUnsigned, int value) {
    int lo = 0;
    int hi = sortedUnsigned.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int m = Short.toUnsignedInt(sortedUnsigned[mid]);
      if (m < value) {
        lo = mid + 1;
      } else if (m > value) {
        hi = mid - 1;
      } else {
        return true;
      }
    }
    return false;
  }

  /**
   * One-permutation MinHash with optimal densification (Shrivastava, ICML 2017): each shingle hash
   * (already fully mixed) goes to one of the k bins by its high 32 bits and competes there with its
   * low 32 bits, so a shingle costs one comparison instead of one multiply per value (the k
   * permutations made this loop a quarter of the fingerprint's cost). A bin that no shingle reached
   * (short bodies) copies the value of a non-empty bin chosen by a hash sequence of its own index,
   * the same sequence for every text, so two texts agree on it with probability J as on the others.
   * Repeated shingles change nothing. Kept: the top 16 bits of each bin's minimum.
   *
   * <p>{@link #sketchShingles} fills the bins; this is bin {@code i}'s minimum, or that of the
   * first non-empty bin its probe sequence reaches ({@code mins} and {@code filled} may be longer
   * than k).
   */
  private int densified(int[] mins, boolean[] filled, int i) {
    if (filled[i]) {
      return mins[i];
    }
    int k = seeds.length;
    long probe = seeds[i];
    // Expected k / (non-empty bins) probes; a sketched body always has at least one non-empty bin.
    for (int attempt = 0; attempt < 16 * k; attempt++) {
      probe = mix64(probe + GOLDEN);
      int j = bin(probe >>> 32, k);
      if (filled[j]) {
        return mins[j];
      }
    }
    for (int step = 1; step < k; step++) {
      if (filled[(i + step) % k]) {
        return mins[(i + step) % k]; // never in practice: (1 - 1/k)^(16k) < 1e-6
      }
    }
    return -1;
  }

  /** Maps 32 uniform bits to one of {@code k} bins (multiply-shift, no division). */
  private static int bin(long uniform32, int k) {
    return (int) ((uniform32 * k) >>> 32);
  }

  /** Number of distinct values (open addressing on a power-of-two table, no sort). */
  static int countDistinct(long[] values) {
    int size = Integer.highestOneBit(Math.max(8, values.length * 2) - 1) << 1;
    long[] table = new long[size];
    boolean zero = false;
    int distinct = 0;
    for (long v : values) {
      if (v == 0L) {
        if (!zero) {
          zero = true;
          distinct++;
        }
        continue;
      }
      int i = (int) (v ^ (v >>> 32)) & (size - 1);
      while (table[i] != 0L && table[i] != v) {
        i = (i + 1) & (size - 1);
      }
      if (table[i] == 0L) {
        table[i] = v;
        distinct++;
      }
    }
    return distinct;
  }

  /**
   * Distinct hashes of the word n-grams inside each sentence (a shorter sentence is one shingle).
   * Shingles never span a sentence end, so moving paragraphs or sentences keeps every shingle.
   */
  static long[] distinctShingles(List<List<String>> sentences, int n) {
    int total = 0;
    for (List<String> s : sentences) {
      total += Math.max(1, s.size() - n + 1);
    }
    long[] out = new long[total];
    int k = 0;
    for (List<String> sentence : sentences) {
      long[] th = new long[sentence.size()];
      for (int i = 0; i < th.length; i++) {
        th[i] = hash64(sentence.get(i));
      }
      int count = Math.max(1, th.length - n + 1);
      for (int i = 0; i < count; i++) {
        out[k++] = shingleHash(th, i, Math.min(th.length, i + n));
      }
    }
    return sortedDistinct(out);
  }

  /**
   * The hash of the words {@code from} (inclusive) to {@code to} (exclusive): a polynomial of their
   * hashes (already fully mixed), then one finaliser. One mix per shingle, where a mix per word
   * made shingling cost as much as tokenising.
   */
  static long shingleHash(long[] tokenHashes, int from, int to) {
    long h = GOLDEN;
    for (int j = from; j < to; j++) {
      h = h * SHINGLE_PRIME + tokenHashes[j];
    }
    return mix64(h);
  }

  private static final long SHINGLE_PRIME = 0x100000001b3L * 0x9E3779B1L | 1L;

  /** The distinct values of {@code values}, ascending (sorts {@code values} in place). */
  static long[] sortedDistinct(long[] values) {
    Arrays.sort(values);
    int m = 0;
    for (int i = 0; i < values.length; i++) {
      if (i == 0 || values[i] != values[i - 1]) {
        values[m++] = values[i];
      }
    }
    return Arrays.copyOf(values, m);
  }

  static List<String> flatten(List<List<String>> sentences) {
    List<String> out = new ArrayList<>();
    sentences.forEach(out::addAll);
    return out;
  }

  /** Words of a text; see {@link #sentences}. */
  static List<String> words(String text) {
    return flatten(sentences(text));
  }

  /**
   * Sentences of words: lower-case runs of letters and digits; a '.', ',' or '/' between two digits
   * stays inside a number ("1.5", "1,465,153" read as "1465153", "1/16"). A sentence ends at '.',
   * '!' or '?' followed by a word that does not start in lower case, and at a paragraph break (a
   * line break followed by a blank or indented line); a bare line break only wraps, so re-wrapped
   * text gives the same sentences.
   */
  static List<List<String>> sentences(String text) {
    List<List<String>> out = new ArrayList<>();
    List<String> current = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean pendingEnd = false;
    int n = text.length();
    for (int i = 0; i < n; ) {
      int cp = text.codePointAt(i);
      int len = Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        if (pendingEnd && w.length() == 0 && !Character.isLowerCase(cp) && !current.isEmpty()) {
          out.add(current);
          current = new ArrayList<>();
        }
        pendingEnd = false;
        w.appendCodePoint(Character.toLowerCase(cp));
      } else if ((cp == '.' || cp == ',' || cp == '/')
          && w.length() > 0
          && Character.isDigit(w.charAt(w.length() - 1))
          && i + 1 < n
          && Character.isDigit(text.charAt(i + 1))) {
        if (cp != ',') {
          w.append((char) cp);
        }
      } else {
        if (w.length() > 0) {
          current.add(w.toString());
          w.setLength(0);
        }
        if (cp == '.' || cp == '!' || cp == '?') {
          pendingEnd = true;
        } else if (cp == '\n' && i + 1 < n && Character.isWhitespace(text.charAt(i + 1))) {
          // A blank line or an indented line starts a paragraph; a bare line break only wraps.
          if (!current.isEmpty()) {
            out.add(current);
            current = new ArrayList<>();
          }
        }
      }
      i += len;
    }
    if (w.length() > 0) {
      current.add(w.toString());
    }
    if (!current.isEmpty()) {
      out.add(current);
    }
    return out;
  }

  /**
   * The facts a template report changes from one day or company to the next: numbers (digits and
   * number words), weekdays, and months written next to a number. A null token is a word that
   * cannot be a figure ({@link TextScan#figureWords}).
   */
  static List<String> figures(List<String> tokens) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (t == null) {
        continue;
      }
      String number = numberOf(t);
      if (number != null) {
        out.add("#" + number);
        continue;
      }
      String day = WEEKDAYS.get(t);
      if (day != null) {
        out.add("@" + day);
        continue;
      }
      String month = MONTHS.get(t);
      if (month != null
          && ((i > 0 && numberOf(tokens.get(i - 1)) != null)
              || (i + 1 < tokens.size() && numberOf(tokens.get(i + 1)) != null))) {
        out.add("@" + month);
      }
    }
    return out;
  }

  /** The number a token states ("3rd" → "3", "1.5bn" → "1.5", "six" → "6"), or null. */
  private static String numberOf(String token) {
    if (token == null) {
      return null;
    }
    String word = NUMBER_WORDS.get(token);
    if (word != null) {
      return word;
    }
    int start = -1;
    for (int i = 0; i < token.length(); i++) {
      if (Character.isDigit(token.charAt(i))) {
        start = i;
        break;
      }
    }
    if (start < 0) {
      return null;
    }
    int end = start;
    while (end < token.length()
        && (Character.isDigit(token.charAt(end))
            || token.charAt(end) == '.'
            || token.charAt(end) == '/')) {
      end++;
    }
    return token.substring(start, end);
  }

  /**
   * The distinct top 16 bits of {@code hashes[0, count)}, ascending, into {@code sc.ints}; returns
   * how many.
   */
  private static int distinct16(long[] hashes, int count, Scratch sc) {
    if (sc.ints.length < count) {
      sc.ints = new int[count];
    }
    int[] h = sc.ints;
    for (int i = 0; i < count; i++) {
      h[i] = (int) (hashes[i] >>> 48);
    }
    Arrays.sort(h, 0, count);
    int m = 0;
    for (int i = 0; i < count; i++) {
      if (i == 0 || h[i] != h[i - 1]) {
        h[m++] = h[i];
      }
    }
    return m;
  }

  private static short[] bottom(int[] sortedDistinct, int length, int k) {
    short[] out = new short[Math.min(k, length)];
    for (int i = 0; i < out.length; i++) {
      out[i] = (short) sortedDistinct[i];
    }
    return out;
  }

  private static String clip(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, max);
  }

  /** 64-bit FNV-1a of the UTF-16 units, then a finaliser so that short words spread well. */
  static long hash64(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return mix64(h);
  }

  /** SplitMix64's finaliser: a bijection that mixes every input bit into every output bit. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static Map<String, String> numberWords() {
    String[] small = {
      "zero",
      "one",
      "two",
      "three",
      "four",
      "five",
      "six",
      "seven",
      "eight",
      "nine",
      "ten",
      "eleven",
      "twelve",
      "thirteen",
      "fourteen",
      "fifteen",
      "sixteen",
      "seventeen",
      "eighteen",
      "nineteen",
      "twenty"
    };
    java.util.HashMap<String, String> m = new java.util.HashMap<>();
    for (int i = 0; i < small.length; i++) {
      m.put(small[i], Integer.toString(i));
    }
    String[] tens = {"thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    for (int i = 0; i < tens.length; i++) {
      m.put(tens[i], Integer.toString(30 + 10 * i));
    }
    return Map.copyOf(m);
  }

  private static Map<String, String> weekdays() {
    java.util.HashMap<String, String> m = new java.util.HashMap<>();
    String[] days = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    for (String d : days) {
      m.put(d, d.substring(0, 3));
    }
    return Map.copyOf(m);
  }

  private static Map<String, String> months() {
    java.util.HashMap<String, String> m = new java.util.HashMap<>();
    String[] names = {
      "january",
      "february",
      "march",
      "april",
      "may",
      "june",
      "july",
      "august",
      "september",
      "october",
      "november",
      "december"
    };
    for (String name : names) {
      String key = name.substring(0, 3);
      m.put(name, key);
      m.put(key, key);
    }
    m.put("sept", "sep");
    return Map.copyOf(m);
  }

  @Override
  public String toString() {
    return "NearDupFingerprinter"
        + settings.toString().replace("Settings", "").toLowerCase(Locale.ROOT);
  }
}
