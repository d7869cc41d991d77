package dev.herald.nlp.dedupe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * One pass over a text that yields what the fingerprint needs without a string per word: the hash
 * of every word ({@link NearDupFingerprinter#hash64} of the lower-cased word), where sentences end,
 * where the few words that can be figures (those with a digit, number words, weekdays, months)
 * stand, and an exact-copy hash of the normalised text ({@link ContentFingerprint#normalise}
 * folding: letters and digits lower-cased, every other run one space).
 *
 * <p>Words and sentences are exactly those of {@link NearDupFingerprinter#sentences}, so shingles,
 * MinHash and figures are the same as when the text is first split into strings; that method stays
 * the readable reference and the tests hold the two together.
 *
 * <p>The text read need not be one string: {@link #range} reads a run of characters of the source
 * and {@link #newline} a line break between runs, so the fingerprinter reads the lines {@link
 * Boilerplate#keptLines} keeps straight from the article, as if it read the string {@link
 * Boilerplate#strip} builds. A scanner is reused ({@link #start}); its arrays grow to the longest
 * text seen, so a warm scan allocates nothing (ADR 6, Cost). Not thread-safe: one per thread.
 */
final class TextScan {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  /** Arrays longer than this are dropped after a text ({@link #release}), not kept per thread. */
  private static final int KEEP_WORDS = 1 << 14;

  /** The words that may be figures without a digit, as FNV-1a states. */
  private final FigureWords figureWords;

  private String text;
  // Each word's FNV-1a state, then (after finish) its hash; where it ends, the sign bit set when
  // it has a digit.
  private long[] tokens = new long[512];
  private int[] ends = new int[512];
  private int count;
  private int[] sentenceEnds = new int[64];
  private int sentences;
  // Figure-like words: token index, start and end in the source, three ints per word.
  private int[] specials = new int[3 * 64];
  private int specialCount;
  // Indexes of the words that may be figures, while finish finds them.
  private int[] candidates = new int[512];
  // Each range read: where it starts and the number of words before it.
  private int[] ranges = new int[2 * 16];
  private int rangeCount;

  private long exactState;
  private long exactSum;
  private int exactChars;

  // Reading state carried from one range to the next.
  private long word;
  private boolean inWord;
  private int wordBits;
  private boolean lastDigit;
  private boolean pendingEnd;
  private int sentenceStart;
  private int lastEnd;

  TextScan(FigureWords figureWords) {
    this.figureWords = figureWords;
  }

  /**
   * The words that may be figures without a digit (number words, weekdays, months): their FNV-1a
   * states (before the finaliser) in a table of 4096 slots where no two of them share a slot, so a
   * word costs one probe.
   */
  static final class FigureWords {
    private static final int BITS = 12;
    private final long[] table = new long[1 << BITS];
    private final long[] used = new long[(1 << BITS) / 64];
    private final long multiplier;
    private final int maxChars;

    FigureWords(Collection<String> words) {
      long[] states = new long[words.size()];
      int max = 0;
      int k = 0;
      for (String w : words) {
        long s = FNV_OFFSET;
        for (int i = 0; i < w.length(); i++) {
          s = (s ^ w.charAt(i)) * FNV_PRIME;
        }
        states[k++] = s;
        max = Math.max(max, w.length());
      }
      maxChars = max;
      // The first odd multiplier of a fixed sequence that gives each state a slot of its own.
      long m = 0;
      for (long seed = 1; ; seed++) {
        m = NearDupFingerprinter.mix64(seed) | 1L;
        Arrays.fill(used, 0L);
        boolean clash = false;
        for (long s : states) {
          int slot = (int) ((s * m) >>> (64 - BITS));
          boolean taken = (used[slot >>> 6] & (1L << slot)) != 0;
          if (taken && table[slot] != s) {
            clash = true;
            break;
          }
          used[slot >>> 6] |= 1L << slot;
          table[slot] = s;
        }
        if (!clash) {
          break;
        }
      }
      multiplier = m;
    }

    /** Whether a word with this FNV-1a state and length is one of the words. */
    boolean contains(long state, int chars) {
      return chars <= maxChars && containsState(state);
    }

    /**
     * Whether a word with this FNV-1a state is one of the words, its length unknown: {@link
     * #contains} for any length up to the longest word (a longer word with the same 64-bit state
     * would also count, which only makes one more word a figure candidate).
     */
    boolean containsState(long state) {
      int slot = (int) ((state * multiplier) >>> (64 - BITS));
      return (used[slot >>> 6] & (1L << slot)) != 0 & table[slot] == state; // no branch
    }
  }

  /** Scans a whole text with a new scanner. */
  static TextScan scan(String text, FigureWords figureWords) {
    TextScan s = new TextScan(figureWords);
    s.start(text);
    s.range(0, text.length());
    s.finish();
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

  /** The word hashes without a copy: the first {@link #tokenCount} values count. */
  long[] tokensRef() {
    return tokens;
  }

  /** Sentences in the text. */
  int sentenceCount() {
    return sentences;
  }

  /** The word index after each sentence, without a copy: the first {@link #sentenceCount}. */
  int[] sentenceEndsRef() {
    return sentenceEnds;
  }

  /** Words that may be figures (the non-null entries of {@link #figureWords}). */
  int specialCount() {
    return specialCount;
  }

  /** The word index of the {@code r}-th figure-like word. */
  int specialToken(int r) {
    return specials[3 * r];
  }

  /** Where the {@code r}-th figure-like word starts in the source. */
  int specialStart(int r) {
    return specials[3 * r + 1];
  }

  /** Where the {@code r}-th figure-like word ends in the source (exclusive). */
  int specialEnd(int r) {
    return specials[3 * r + 2];
  }

  /** The source read. */
  String source() {
    return text;
  }

  /**
   * Writes the {@code r}-th figure-like word, as {@link #figureWords} spells it, into {@code out}
   * (from index 0) and returns its length, or -1 when {@code out} is too short.
   */
  int specialWord(int r, char[] out) {
    return wordOf(text, specials[3 * r + 1], specials[3 * r + 2], out);
  }

  /**
   * The words in order with every word that cannot be a figure replaced by null, for {@link
   * NearDupFingerprinter#figures}, which only looks at figure-like words and their neighbours.
   */
  List<String> figureWords() {
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(null);
    }
    for (int r = 0; r < specialCount; r++) {
      out.set(specials[3 * r], wordOf(text, specials[3 * r + 1], specials[3 * r + 2]));
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

  /*
   * What the loop needs to know of a char, in one lookup: for an ASCII letter or digit its lower
   * case in the low 8 bits and WORD; DIGIT, LOWER (a-z), SEP ('.', ',', '/': may continue a
   * number), END ('.', '!', '?': may end a sentence); SLOW for every char outside ASCII and for
   * '\n', which take the general path.
   */
  private static final int WORD = 1 << 8;
  private static final int DIGIT = 1 << 9;
  private static final int SLOW = 1 << 10;
  private static final int SEP = 1 << 11;
  private static final int END = 1 << 12;
  private static final int LOWER = 1 << 13;
  private static final char[] CLASS = new char[Character.MAX_VALUE + 1];

  static {
    for (int c = 128; c <= Character.MAX_VALUE; c++) {
      CLASS[c] = (char) SLOW;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      CLASS[c] = (char) (c | WORD | LOWER);
      CLASS[c - 'a' + 'A'] = (char) (c | WORD);
    }
    for (char c = '0'; c <= '9'; c++) {
      CLASS[c] = (char) (c | WORD | DIGIT);
    }
    CLASS['\n'] = (char) SLOW;
    CLASS['.'] = (char) (SEP | END);
    CLASS[','] = (char) SEP;
    CLASS['/'] = (char) SEP;
    CLASS['!'] = (char) END;
    CLASS['?'] = (char) END;
  }

  /** Starts a text: nothing read yet. {@code source} is what {@link #range} reads from. */
  void start(String source) {
    text = source;
    count = 0;
    sentences = 0;
    specialCount = 0;
    rangeCount = 0;
    exactState = FNV_OFFSET;
    exactSum = 0;
    exactChars = 0;
    word = FNV_OFFSET;
    inWord = false;
    wordBits = 0;
    lastDigit = false;
    pendingEnd = false;
    sentenceStart = 0;
    lastEnd = 0;
  }

  /**
   * Reads the characters {@code source[from, to)} as the next part of the text. What follows them
   * in the text is a line break ({@link #newline}) or the end ({@link #finish}), and {@code to} is
   * a line break or the end of the source too, so that a surrogate pair is never split differently
   * from the string read whole.
   *
   * <p>Mirrors NearDupFingerprinter.sentences, character for character, one word at a time: the
   * inner loop only hashes the ASCII letters and digits of a word (the word's hash and the exact
   * text's), and the rest is decided once per word or, for other characters, once per character
   * (SLOW ones as sentences does, with the Character methods). A word ends up as its FNV-1a state
   * and where it ends; {@link #finish} mixes the states and finds the figure-like words, so a word
   * costs no branch that depends on its letters.
   */
  void range(int from, int to) {
    if (2 * rangeCount == ranges.length) {
      ranges = Arrays.copyOf(ranges, 2 * ranges.length);
    }
    ranges[2 * rangeCount] = from;
    ranges[2 * rangeCount + 1] = count;
    rangeCount++;
    lastEnd = to;
    // Room for every word the range can hold (a word and a char after it), so that ending a word
    // is two stores and no call.
    int room = count + (to - from + 1) / 2 + 1;
    if (room > tokens.length) {
      tokens = Arrays.copyOf(tokens, Math.max(room, 2 * tokens.length));
      ends = Arrays.copyOf(ends, tokens.length);
    }
    final String s = text;
    int j = from;
    while (j < to) {
      int e = CLASS[s.charAt(j)];
      if ((e & (WORD | SLOW)) == WORD) {
        if (!inWord) {
          startWord((e & LOWER) == 0);
          if (exactChars > 0) {
            exactSpace();
          }
          word = FNV_OFFSET;
          wordBits = 0;
        }
        if ((e & DIGIT) != 0) {
          wordBits = DIGIT;
        }
        j = letters(s, j, to);
        continue;
      }
      if ((e & SLOW) == 0) {
        // An ASCII char outside words.
        if ((e & SEP) != 0
            && inWord
            && lastDigit
            && j + 1 < to
            && Character.isDigit(s.charAt(j + 1))) {
          // Inside a number: the word goes on, and the exact text has one space before the digit.
          exactSpace();
          char ch = s.charAt(j);
          if (ch != ',') {
            word = (word ^ ch) * FNV_PRIME;
            lastDigit = false;
          }
        } else {
          if (inWord) {
            inWord = false;
            int c = count;
            tokens[c] = word;
            ends[c] = (wordBits & DIGIT) != 0 ? j | Integer.MIN_VALUE : j;
            count = c + 1;
          }
          if ((e & END) != 0) {
            pendingEnd = true;
          }
        }
        j++;
        continue;
      }
      j = slowChar(j, to);
    }
  }

  /**
   * Hashes the ASCII letters of a word from {@code s[j]} (a letter or digit) on, up to the next
   * char that is not an ASCII letter (a digit comes back here through the caller, which notes it);
   * returns where it stopped. When one plain ASCII char (a space, a quote, a bracket: no bit in
   * CLASS) and an ASCII letter or digit follow, the word ends there and the next one goes on in the
   * same loop, as range would do it. The three hash chains live in registers only here.
   */
  private int letters(String s, int j, int to) {
    long word = this.word;
    long exactState = this.exactState;
    long exactSum = this.exactSum;
    final long[] tokens = this.tokens;
    final int[] ends = this.ends;
    int count = this.count;
    int start = j;
    int e = CLASS[s.charAt(j)];
    while (true) {
      do {
        long c = e & 0xFF;
        word = (word ^ c) * FNV_PRIME;
        exactState = (exactState ^ c) * FNV_PRIME;
        exactSum = exactSum * 31 + c;
        e = ++j < to ? CLASS[s.charAt(j)] : SLOW;
      } while ((e & (WORD | SLOW | DIGIT)) == WORD);
      int next;
      if (e != 0 || j + 1 == to || ((next = CLASS[s.charAt(j + 1)]) & (WORD | SLOW)) != WORD) {
        break;
      }
      // The word ends at s[j] and the next starts at s[j + 1]; no '.', '!' or '?' came between
      // them, so no sentence ends there.
      tokens[count] = word;
      ends[count] = (wordBits & DIGIT) != 0 ? j | Integer.MIN_VALUE : j;
      count++;
      wordBits = next & DIGIT;
      exactState = (exactState ^ ' ') * FNV_PRIME;
      exactSum = exactSum * 31 + ' ';
      word = FNV_OFFSET;
      e = next;
      j++;
    }
    this.count = count;
    this.word = word;
    this.exactState = exactState;
    this.exactSum = exactSum;
    exactChars += j - start; // each char read was a letter or the space between two words
    lastDigit = (CLASS[s.charAt(j - 1)] & DIGIT) != 0;
    return j;
  }

  /** One space in the exact text (between two words, or inside a number). */
  private void exactSpace() {
    exactState = (exactState ^ ' ') * FNV_PRIME;
    exactSum = exactSum * 31 + ' ';
    exactChars++;
  }

  /**
   * A word starts: the sentence ends before it when a '.', '!' or '?' came after the previous word
   * and this one does not start in lower case.
   */
  private void startWord(boolean notLower) {
    if (pendingEnd) {
      if (notLower && count > sentenceStart) {
        endSentence();
      }
      pendingEnd = false;
    }
    inWord = true;
  }

  /**
   * The char at {@code i}, outside ASCII or '\n', as sentences reads it; returns the next index.
   */
  private int slowChar(int i, int to) {
    final String s = text;
    int cp = s.codePointAt(i);
    if (Character.isLetterOrDigit(cp)) {
      if (!inWord) {
        startWord(!Character.isLowerCase(cp));
        if (exactChars > 0) {
          exactSpace();
        }
        word = FNV_OFFSET;
        wordBits = 0;
      }
      int lower = Character.toLowerCase(cp);
      if (Character.isBmpCodePoint(lower)) {
        char c = (char) lower;
        word = (word ^ c) * FNV_PRIME;
        exactState = (exactState ^ c) * FNV_PRIME;
        exactSum = exactSum * 31 + c;
        exactChars++;
        lastDigit = Character.isDigit(c);
      } else {
        char hi = Character.highSurrogate(lower);
        char lo = Character.lowSurrogate(lower);
        word = (((word ^ hi) * FNV_PRIME) ^ lo) * FNV_PRIME;
        exactState = (((exactState ^ hi) * FNV_PRIME) ^ lo) * FNV_PRIME;
        exactSum = (exactSum * 31 + hi) * 31 + lo;
        exactChars += 2;
        lastDigit = false; // the last char kept is a low surrogate
      }
      if (Character.isDigit(lower)) {
        wordBits |= DIGIT;
      }
    } else {
      if (inWord) {
        endWord(word, wordBits, i);
      }
      if (cp == '\n' && i + 1 < to && Character.isWhitespace(s.charAt(i + 1))) {
        // A blank line or an indented line starts a paragraph; a bare line break only wraps.
        if (count > sentenceStart) {
          endSentence();
        }
      }
    }
    return i + Character.charCount(cp);
  }

  /**
   * Reads a line break that is not in the source (between two {@link #range}s); {@code
   * blankFollows}: characters follow it and the first is whitespace (a paragraph starts).
   */
  void newline(boolean blankFollows) {
    if (inWord) {
      endWord(word, wordBits, lastEnd);
    }
    if (blankFollows && count > sentenceStart) {
      endSentence();
    }
  }

  /**
   * Ends the text: the words' hashes ({@link NearDupFingerprinter#hash64}) and the figure-like
   * words (with a digit, or a number word, weekday or month), with where each starts: after the
   * previous word's end, or at the start of its range, at the first letter or digit.
   */
  void finish() {
    if (inWord) {
      endWord(word, wordBits, lastEnd);
    }
    if (count > sentenceStart) {
      endSentence();
    }
    long[] tokens = this.tokens;
    int[] ends = this.ends;
    FigureWords figures = figureWords;
    int range = 0;
    // The figure-like words first (a digit, or a figure word), without a branch per word.
    if (candidates.length < count) {
      candidates = new int[Math.max(count, 2 * candidates.length)];
    }
    int[] candidate = candidates;
    int found = 0;
    for (int k = 0; k < count; k++) {
      long state = tokens[k];
      tokens[k] = NearDupFingerprinter.mix64(state);
      candidate[found] = k;
      found += (ends[k] >>> 31) | (figures.containsState(state) ? 1 : 0);
    }
    for (int f = 0; f < found; f++) {
      int k = candidate[f];
      while (range + 1 < rangeCount && ranges[2 * (range + 1) + 1] <= k) {
        range++;
      }
      int from = ranges[2 * range];
      if (k > 0) {
        from = Math.max(from, ends[k - 1] & Integer.MAX_VALUE);
      }
      while (true) {
        char c = text.charAt(from);
        if (c < 128 ? (CLASS[c] & WORD) != 0 : Character.isLetterOrDigit(text.codePointAt(from))) {
          break;
        }
        from += c < 128 ? 1 : Character.charCount(text.codePointAt(from));
      }
      addSpecial(k, from, ends[k] & Integer.MAX_VALUE);
    }
  }

  /** Forgets the source and drops arrays grown for an unusually long text. */
  void release() {
    text = null;
    if (tokens.length > KEEP_WORDS) {
      tokens = new long[512];
      ends = new int[512];
    }
    if (sentenceEnds.length > KEEP_WORDS) {
      sentenceEnds = new int[64];
    }
    if (specials.length > 3 * KEEP_WORDS) {
      specials = new int[3 * 64];
    }
    if (ranges.length > KEEP_WORDS) {
      ranges = new int[2 * 16];
    }
    if (candidates.length > KEEP_WORDS) {
      candidates = new int[512];
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

  /** {@link #wordOf} written into {@code out}; its length, or -1 when {@code out} is too short. */
  private static int wordOf(String text, int from, int to, char[] out) {
    int n = 0;
    for (int i = from; i < to; ) {
      char ch = text.charAt(i);
      if (ch < 128) {
        // Only letters, digits, '.', ',' and '/' occur: as below, without the Character calls.
        if (n == out.length) {
          return -1;
        }
        if (ch != ',') {
          out[n++] = ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch;
        }
        i++;
        continue;
      }
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      int kept;
      if (Character.isLetterOrDigit(cp)) {
        kept = Character.toLowerCase(cp);
      } else if (cp != ',') {
        kept = cp;
      } else {
        continue;
      }
      if (n + 2 > out.length) {
        return -1;
      }
      n += Character.toChars(kept, out, n);
    }
    return n;
  }

  private void endWord(long state, int bits, int end) {
    inWord = false;
    if (count == tokens.length) {
      tokens = Arrays.copyOf(tokens, 2 * count);
      ends = Arrays.copyOf(ends, 2 * count);
    }
    tokens[count] = state;
    ends[count] = (bits & DIGIT) != 0 ? end | Integer.MIN_VALUE : end;
    count++;
  }

  private void addSpecial(int token, int from, int to) {
    int at = 3 * specialCount;
    if (at == specials.length) {
      specials = Arrays.copyOf(specials, 2 * at);
    }
    specials[at] = token;
    specials[at + 1] = from;
    specials[at + 2] = to;
    specialCount++;
  }

  private void endSentence() {
    if (sentences == sentenceEnds.length) {
      sentenceEnds = Arrays.copyOf(sentenceEnds, 2 * sentences);
    }
    sentenceEnds[sentences++] = count;
    sentenceStart = count;
  }
}
