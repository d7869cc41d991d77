package dev.herald.nlp.dedupe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * One pass over a text that yields what the fingerprint needs without a string per word: the hash
 * of every word ({@link NearDupFingerprinter#hash64} of the lower-cased word), where sentences end,
 * the few words that can be figures (those with a digit, number words, weekdays, months) as
 * strings, and an exact-copy hash of the normalised text ({@link ContentFingerprint#normalise}
 * folding: letters and digits lower-cased, every other run one space).
 *
 * <p>Words and sentences are exactly those of {@link NearDupFingerprinter#sentences}, so shingles,
 * MinHash and figures are the same as when the text is first split into strings; that method stays
 * the readable reference and the tests hold the two together. The scan allocates a few arrays per
 * text and one string per figure-like word, which is what made fingerprinting cheap enough for the
 * stream (ADR 6, Cost).
 */
final class TextScan {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  /** The words that may be figures without a digit, as FNV-1a states (open addressing). */
  private final FigureWords figureWords;

  private long[] tokens = new long[256];
  private String[] specials = new String[256];
  private int count;
  private int[] sentenceEnds = new int[32];
  private int sentences;

  private long exactState;
  private long exactSum;
  private int exactChars;

  private TextScan(FigureWords figureWords) {
    this.figureWords = figureWords;
  }

  /**
   * The words that may be figures without a digit (number words, weekdays, months): their FNV-1a
   * states (before the finaliser) in an open-addressing table, so most words cost one probe.
   */
  static final class FigureWords {
    private final long[] table;
    private final boolean[] used;
    private final int maxChars;

    FigureWords(Collection<String> words) {
      int size = Integer.highestOneBit(Math.max(4, words.size() * 4) - 1) << 1;
      table = new long[size];
      used = new boolean[size];
      int max = 0;
      for (String w : words) {
        long s = FNV_OFFSET;
        for (int k = 0; k < w.length(); k++) {
          s = (s ^ w.charAt(k)) * FNV_PRIME;
        }
        int i = slot(s);
        while (used[i] && table[i] != s) {
          i = (i + 1) & (size - 1);
        }
        table[i] = s;
        used[i] = true;
        max = Math.max(max, w.length());
      }
      maxChars = max;
    }

    private int slot(long state) {
      return (int) (state ^ (state >>> 29) ^ (state >>> 47)) & (table.length - 1);
    }

    boolean contains(long state, int chars) {
      if (chars > maxChars) {
        return false;
      }
      for (int i = slot(state); used[i]; i = (i + 1) & (table.length - 1)) {
        if (table[i] == state) {
          return true;
        }
      }
      return false;
    }
  }

  /** Scans a text. */
  static TextScan scan(String text, FigureWords figureWords) {
    TextScan s = new TextScan(figureWords);
    s.run(text);
    return s;
  }

  /** Words in the text. */
  int tokenCount() {
    return count;
  }

  /** The hash of each word, in order. */
  long[] tokenHashes() {
    return Arrays.copyOf(tokens, count);
  }

  /**
   * The words in order with every word that cannot be a figure replaced by null, for {@link
   * NearDupFingerprinter#figures}, which only looks at figure-like words and their neighbours.
   */
  List<String> figureWords() {
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(specials[i]);
    }
    return out;
  }

  /** Distinct hashes of the word n-grams inside each sentence (a shorter sentence is one). */
  long[] distinctShingles(int n) {
    return NearDupFingerprinter.sortedDistinct(shingleHashes(n));
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
   * A 64-bit hash of the normalised text when it has at least {@code minChars} characters, else 0.
   * Never 0 otherwise.
   */
  long exactHash(int minChars) {
    if (exactChars < minChars) {
      return 0L;
    }
    long h =
        NearDupFingerprinter.mix64(exactState ^ NearDupFingerprinter.mix64(exactSum + exactChars));
    return h == 0L ? 1L : h;
  }

  /** ASCII classes for the fast path: not part of a word, lower-case letter, upper-case, digit. */
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
        int lower = ch < 128 ? (kind == UPPER ? cp + ('a' - 'A') : cp) : Character.toLowerCase(cp);
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
   * The word read from {@code text[from, to)} as the scan kept it: letters and digits lower-cased,
   * '.' and '/' inside numbers kept, ',' inside numbers dropped (the only other characters a word
   * spans).
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
