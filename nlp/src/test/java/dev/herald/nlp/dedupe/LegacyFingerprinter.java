package dev.herald.nlp.dedupe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fingerprint as it was computed before the single-pass rewrite (commit 9c98b6a): the cleaned
 * body built as a string by {@link Boilerplate#strip}, one scan object per text with arrays grown
 * per text, figure words as strings, the shingles in an array. Frozen here, byte for byte the old
 * code, so that {@link NearDupFingerprinterEquivalenceTest} can hold the fast path to it. Default
 * settings only.
 */
final class LegacyFingerprinter {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final long GOLDEN = NearDupFingerprinter.GOLDEN;
  private static final int MAX_TITLE_CHARS = 1_000;
  private static final TextScan.FigureWords FIGURE_WORDS = NearDupFingerprinter.FIGURE_WORDS;

  private final NearDupFingerprinter.Settings settings = NearDupFingerprinter.Settings.defaults();
  private final long[] seeds;

  LegacyFingerprinter() {
    seeds = new long[settings.minHashes()];
    for (int i = 0; i < seeds.length; i++) {
      seeds[i] = mix64((i + 1) * GOLDEN);
    }
  }

  private static long mix64(long z) {
    return NearDupFingerprinter.mix64(z);
  }

  private static int countDistinct(long[] values) {
    return NearDupFingerprinter.countDistinct(values);
  }

  private static List<String> figures(List<String> tokens) {
    return NearDupFingerprinter.figures(tokens);
  }

  private static long hash64(String s) {
    return NearDupFingerprinter.hash64(s);
  }

  public NearDupFingerprint fingerprint(String title, String text) {
    // One scan per text, no string per word: see TextScan (same words, shingles and figures as
    // sentences/distinctShingles/figures, which stay as the readable reference).
    Scan titleScan = Scan.scan(clip(title, MAX_TITLE_CHARS), FIGURE_WORDS);
    int[] titleHashes = distinct16(titleScan.tokenHashes());
    short[] titleSample = bottom(titleHashes, settings.titleSample());

    Scan body = Scan.scan(Boilerplate.strip(clip(text, settings.maxChars())), FIGURE_WORDS);
    // Shingle hashes with repeats: the sketch ignores repeats and only their number must be
    // distinct, which a hash set counts without sorting them.
    long[] shingles = body.shingleHashes(settings.shingleSize());
    int distinct = countDistinct(shingles);
    if (distinct < settings.minShingles()) {
      return NearDupFingerprint.empty(titleHashes.length, titleSample);
    }
    short[] minHash = minHash(shingles);
    int[] figureHashes = distinct16(figures(body.figureWords()));
    short[] figureSample = bottom(figureHashes, settings.figureSample());
    long exactHash = body.exactHash(ContentFingerprint.DEFAULT_MIN_CHARS);
    return new NearDupFingerprint(
        distinct,
        exactHash,
        minHash,
        figureHashes.length,
        figureSample,
        titleHashes.length,
        titleSample);
  }

  private short[] minHash(long[] shingles) {
    int k = seeds.length;
    int[] mins = new int[k];
    boolean[] filled = new boolean[k];
    Arrays.fill(mins, -1);
    for (long s : shingles) {
      int bin = bin(s >>> 32, k);
      int v = (int) s;
      if (Integer.compareUnsigned(v, mins[bin]) < 0) {
        mins[bin] = v;
      }
      filled[bin] = true;
    }
    short[] out = new short[k];
    for (int i = 0; i < k; i++) {
      out[i] = (short) (densified(mins, filled, i) >>> 16);
    }
    return out;
  }

  /** Bin {@code i}'s minimum, or that of the first non-empty bin its probe sequence reaches. */
  private int densified(int[] mins, boolean[] filled, int i) {
    if (filled[i]) {
      return mins[i];
    }
    int k = mins.length;
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

  private static int[] distinct16(List<String> values) {
    long[] hashes = new long[values.size()];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = hash64(values.get(i));
    }
    return distinct16(hashes);
  }

  /** The distinct top 16 bits of 64-bit hashes, ascending. */
  private static int[] distinct16(long[] hashes) {
    int[] h = new int[hashes.length];
    for (int i = 0; i < h.length; i++) {
      h[i] = (int) (hashes[i] >>> 48);
    }
    Arrays.sort(h);
    int m = 0;
    for (int i = 0; i < h.length; i++) {
      if (i == 0 || h[i] != h[i - 1]) {
        h[m++] = h[i];
      }
    }
    return Arrays.copyOf(h, m);
  }

  private static short[] bottom(int[] sortedDistinct, int k) {
    short[] out = new short[Math.min(k, sortedDistinct.length)];
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

  /** The old TextScan. */
  static final class Scan {
    private final TextScan.FigureWords figureWords;
    private long[] tokens = new long[256];
    private String[] specials = new String[256];
    private int count;
    private int[] sentenceEnds = new int[32];
    private int sentences;
    private long exactState;
    private long exactSum;
    private int exactChars;

    private Scan(TextScan.FigureWords figureWords) {
      this.figureWords = figureWords;
    }

    static Scan scan(String text, TextScan.FigureWords figureWords) {
      Scan s = new Scan(figureWords);
      s.run(text);
      return s;
    }

    long[] tokenHashes() {
      return Arrays.copyOf(tokens, count);
    }

    List<String> figureWords() {
      List<String> out = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        out.add(specials[i]);
      }
      return out;
    }

    /** Hashes of the word n-grams inside each sentence, in text order, repeats included. */
    long[] shingleHashes(int n) {
      int total = 0;
      int start = 0;
      for (int s = 0; s < sentences; s++) {
        total += Math.max(1, sentenceEnds[s] - start - n + 1);
        start = sentenceEnds[s];
      }
      long[] out = new long[total];
      int k = 0;
      start = 0;
      for (int s = 0; s < sentences; s++) {
        int end = sentenceEnds[s];
        int shingles = Math.max(1, end - start - n + 1);
        for (int i = start; i < start + shingles; i++) {
          out[k++] = NearDupFingerprinter.shingleHash(tokens, i, Math.min(end, i + n));
        }
        start = end;
      }
      return out;
    }

    /**
     * A 64-bit hash of the normalised text when it has at least {@code minChars} characters, else
     * 0. Never 0 otherwise.
     */
    long exactHash(int minChars) {
      if (exactChars < minChars) {
        return 0L;
      }
      long h =
          NearDupFingerprinter.mix64(
              exactState ^ NearDupFingerprinter.mix64(exactSum + exactChars));
      return h == 0L ? 1L : h;
    }

    /**
     * ASCII classes for the fast path: not part of a word, lower-case letter, upper-case, digit.
     */
    private static final byte OTHER = 0;

    private static final byte LOWER = 1;
    private static final byte UPPER = 2;
    private static final byte DIGIT = 3;
    private static final byte NON_ASCII_WORD = 4; // a letter or digit outside ASCII
    private static final byte[] ASCII = new byte[128];

    static {
      for (char c = 'a'; c <= 'z'; c++) {
        ASCII[c] = LOWER;
        ASCII[c - 'a' + 'A'] = UPPER;
      }
      for (char c = '0'; c <= '9'; c++) {
        ASCII[c] = DIGIT;
      }
    }

    private void run(String text) {
      // Mirrors NearDupFingerprinter.sentences, character for character. ASCII characters take a
      // table lookup instead of the Character methods (same answers for them); a word's characters
      // are only copied out when it may be a figure (figureWord).
      long word = FNV_OFFSET;
      int wordChars = 0;
      int wordStart = 0;
      boolean digit = false;
      boolean lastDigit = false;
      boolean pendingEnd = false;
      int sentenceStart = 0;
      boolean exactGap = false;
      exactState = FNV_OFFSET;
      int n = text.length();
      for (int i = 0; i < n; ) {
        char ch = text.charAt(i);
        int cp;
        int len;
        byte kind;
        if (ch < 128) {
          cp = ch;
          len = 1;
          kind = ASCII[ch];
        } else {
          cp = text.codePointAt(i);
          len = Character.charCount(cp);
          kind = Character.isLetterOrDigit(cp) ? NON_ASCII_WORD : OTHER;
        }
        if (kind != OTHER) {
          boolean isLower = ch < 128 ? kind == LOWER : Character.isLowerCase(cp);
          if (pendingEnd && wordChars == 0 && !isLower && count > sentenceStart) {
            endSentence();
            sentenceStart = count;
          }
          pendingEnd = false;
          int lower =
              ch < 128 ? (kind == UPPER ? cp + ('a' - 'A') : cp) : Character.toLowerCase(cp);
          if (exactGap && exactChars > 0) {
            exact(' ');
          }
          exactGap = false;
          if (wordChars == 0) {
            wordStart = i;
          }
          if (Character.isBmpCodePoint(lower)) {
            char c = (char) lower;
            word = (word ^ c) * FNV_PRIME;
            wordChars++;
            exact(c);
            lastDigit = ch < 128 ? kind == DIGIT : Character.isDigit(c);
          } else {
            char hi = Character.highSurrogate(lower);
            char lo = Character.lowSurrogate(lower);
            word = (((word ^ hi) * FNV_PRIME) ^ lo) * FNV_PRIME;
            wordChars += 2;
            exact(hi);
            exact(lo);
            lastDigit = false; // the last char kept is a low surrogate
          }
          digit |= ch < 128 ? kind == DIGIT : Character.isDigit(lower);
        } else if ((cp == '.' || cp == ',' || cp == '/')
            && wordChars > 0
            && lastDigit
            && i + 1 < n
            && Character.isDigit(text.charAt(i + 1))) {
          exactGap = true;
          if (cp != ',') {
            word = (word ^ cp) * FNV_PRIME;
            wordChars++;
            lastDigit = false;
          }
        } else {
          exactGap = true;
          if (wordChars > 0) {
            addWord(word, digit, wordChars, text, wordStart, i);
            word = FNV_OFFSET;
            wordChars = 0;
            digit = false;
            lastDigit = false;
          }
          if (cp == '.' || cp == '!' || cp == '?') {
            pendingEnd = true;
          } else if (cp == '\n' && i + 1 < n && Character.isWhitespace(text.charAt(i + 1))) {
            // A blank line or an indented line starts a paragraph; a bare line break only wraps.
            if (count > sentenceStart) {
              endSentence();
              sentenceStart = count;
            }
          }
        }
        i += len;
      }
      if (wordChars > 0) {
        addWord(word, digit, wordChars, text, wordStart, n);
      }
      if (count > sentenceStart) {
        endSentence();
      }
    }

    /**
     * The word read from {@code text[from, to)} as the scan kept it: letters and digits
     * lower-cased, '.' and '/' inside numbers kept, ',' inside numbers dropped (the only other
     * characters a word spans).
     */
    private static String wordOf(String text, int from, int to) {
      StringBuilder b = new StringBuilder(to - from);
      for (int i = from; i < to; ) {
        int cp = text.codePointAt(i);
        if (Character.isLetterOrDigit(cp)) {
          b.appendCodePoint(Character.toLowerCase(cp));
        } else if (cp != ',') {
          b.appendCodePoint(cp);
        }
        i += Character.charCount(cp);
      }
      return b.toString();
    }

    private void exact(char c) {
      exactState = (exactState ^ c) * FNV_PRIME;
      exactSum = exactSum * 31 + c;
      exactChars++;
    }

    private void addWord(long fnv, boolean digit, int chars, String text, int from, int to) {
      if (count == tokens.length) {
        tokens = Arrays.copyOf(tokens, count * 2);
        specials = Arrays.copyOf(specials, count * 2);
      }
      tokens[count] = NearDupFingerprinter.mix64(fnv);
      boolean figureLike = digit || figureWords.contains(fnv, chars);
      specials[count] = figureLike ? wordOf(text, from, to) : null;
      count++;
    }

    private void endSentence() {
      if (sentences == sentenceEnds.length) {
        sentenceEnds = Arrays.copyOf(sentenceEnds, sentences * 2);
      }
      sentenceEnds[sentences++] = count;
    }
  }
}
