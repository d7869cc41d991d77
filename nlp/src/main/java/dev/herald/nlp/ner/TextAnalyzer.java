package dev.herald.nlp.ner;

import dev.herald.nlp.text.LanguageDetector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;
import opennlp.tools.util.normalizer.AggregateCharSequenceNormalizer;
import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;

/**
 * Language, lines, sentences and tokens of a text: Apache OpenNLP's published models for language
 * detection (103 languages) and English sentences (UD-EWT), and Herald's {@link NewsTokenizer}.
 *
 * <p>Lines are segmented first and never merged: a headline, a caption or a photo credit on its own
 * line stays out of the body sentences around it, and no sentence (so no name) spans a line break.
 * Lines written mostly in a non-Latin script are skipped (mixed-language text). Thread-safe: the
 * OpenNLP tools, which are not, are kept per thread.
 */
public final class TextAnalyzer {

  static final String SENTENCE_MODEL = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
  static final String LANGUAGE_MODEL = "/langdetect-183.bin";

  /** Letters the language detector looks at: enough for news copy, and bounded (cost is linear). */
  static final int LANGUAGE_SAMPLE = 320;

  static final Pattern CAPTION =
      Pattern.compile(
          "(?i)^\\s*[(\\[]?\\s*(photo|photograph|image|picture|pictured|caption|credit|file photo"
              + "|video|graphic|illustration)s?\\b\\s*[:|/-]|\\((ap|afp|reuters|getty)[^)]*photo"
              + "|\\b(reuters|afp|ap|epa|getty images|tass|ria novosti|sputnik)\\s*/\\s*\\p{Lu}"
              + "|\\bphoto\\s*:|\\u00a9|\\bgetty images\\b|\\bshutterstock\\b");

  private static volatile TextAnalyzer standard;

  private final ThreadLocal<SentenceDetectorME> sentences;
  private final MaxentModel languageModel;

  /** What kind of line a sentence came from. */
  public enum LineKind {
    BODY,
    HEADLINE,
    CAPTION
  }

  /**
   * A sentence with its tokens as character offsets into the text.
   *
   * @param kind the kind of line it came from
   */
  public record AnalyzedSentence(
      int start, int end, int[] tokenStarts, int[] tokenEnds, LineKind kind) {
    public int size() {
      return tokenStarts.length;
    }

    public List<String> tokens(String text) {
      List<String> out = new ArrayList<>(tokenStarts.length);
      for (int i = 0; i < tokenStarts.length; i++) {
        out.add(text.substring(tokenStarts[i], tokenEnds[i]));
      }
      return out;
    }
  }

  private TextAnalyzer(SentenceModel sm, LanguageDetectorModel lm) {
    sentences = ThreadLocal.withInitial(() -> new SentenceDetectorME(sm));
    languageModel = lm.getMaxentModel();
  }

  /** The analyzer with the models from the OpenNLP model jars, loaded once per process. */
  public static TextAnalyzer standard() {
    TextAnalyzer a = standard;
    if (a == null) {
      synchronized (TextAnalyzer.class) {
        a = standard;
        if (a == null) {
          try (InputStream s = open(SENTENCE_MODEL);
              InputStream l = open(LANGUAGE_MODEL)) {
            a = new TextAnalyzer(new SentenceModel(s), new LanguageDetectorModel(l));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          standard = a;
        }
      }
    }
    return a;
  }

  private static InputStream open(String name) {
    InputStream in = TextAnalyzer.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("OpenNLP model " + name + " not on the class path");
    }
    return in;
  }

  /**
   * The text's language as ISO 639-1 ("en"), or ISO 639-3 where there is no two-letter code, or
   * {@code "und"} when the text has too few letters to tell. Looks at a bounded sample.
   */
  public String language(String text) {
    return language(text, null);
  }

  /**
   * The text's language as {@link #language(String)} finds it, and English besides when the text is
   * too short or too name-heavy for the n-gram model ("Pope Francis visited Iraq.", "Luton 2
   * Boreham Wood 1", which it reads as Latin or Waray and whose names then went untagged), no other
   * language's function words outnumber English ones, and at least two thirds of its lower-case
   * words are words {@code knownEnglish} knows. "Angela Merkel besuchte Paris." keeps its guess.
   *
   * @param knownEnglish lower-case words of an English vocabulary; null: none
   */
  String language(String text, Predicate<String> knownEnglish) {
    if (text == null) {
      return "und";
    }
    // Mixed text: the sample keeps the letters of the script most letters are written in.
    Character.UnicodeScript script = dominantScript(text);
    if (script == null) {
      return "und";
    }
    StringBuilder sample = new StringBuilder(LANGUAGE_SAMPLE + 64);
    int letters = 0;
    boolean space = true;
    for (int i = 0; i < text.length() && letters < LANGUAGE_SAMPLE; i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c) && scriptOf(c) == script) {
        sample.append(c);
        letters++;
        space = false;
      } else if (!space) {
        sample.append(' ');
        space = true;
      }
    }
    if (letters < 3) {
      return "und";
    }
    // Names say little about a text's language and much about their own: an English results
    // table of Dutch clubs read as Dutch, an English line about a French village as French, and
    // the text got no entities. The words written lower case (function words, verbs, common
    // nouns) are the text's own language; when there are enough of them, they decide.
    CharSequence common = lowerCaseWords(text, script);
    boolean nameHeavy = letterCount(common) < MIN_LOWER_CASE_SAMPLE;
    if (!nameHeavy) {
      sample = new StringBuilder(common);
    }
    Language[] ranked = rank(sample);
    if (ranked.length == 0) {
      return "und";
    }
    String best = ranked[0].getLang();
    if (!best.equals("eng") && script == Character.UnicodeScript.LATIN) {
      // Short, name-heavy English ("Merkel met Macron in Paris") scores flat across languages:
      // English close behind the best guess plus an English function word decide it; so does
      // English further behind when English function words are a quarter of the words ("Clergoux
      // is a village and commune in the département of ..." read as French), and a short,
      // name-heavy sentence whose few common words are English ("Lula da Silva arrived in
      // Brasilia on Sunday", read as Italian).
      int words = count(sample, null);
      int function = count(sample, FUNCTION_WORDS);
      for (Language l : ranked) {
        if (l.getLang().equals("eng")) {
          double ratio = l.getConfidence() / ranked[0].getConfidence();
          if (ratio >= 0.8 && count(sample, ENGLISH) > 0
              || ratio >= 0.25 && function >= 2 && function * 4 >= words
              // Too few common words for the n-gram model, which then scores every language
              // alike: English function words leading the others' decide it.
              || nameHeavy && ratio >= 0.5 && LanguageDetector.englishLeads(sample)) {
            best = "eng";
          }
          break;
        }
      }
    }
    if (!best.equals("eng")
        && script == Character.UnicodeScript.LATIN
        && nameHeavy
        && knownEnglish != null
        && plausiblyEnglish(wordsOutsideNames(text, script), knownEnglish)) {
      best = "eng";
    }
    return iso1(best);
  }

  /**
   * Name particles: lower-case words that belong to the name after them ("Adilson da Silva",
   * "Schalk van der Merwe", "Nihad al-Boushi") and say nothing of the text's language.
   */
  private static final Set<String> NAME_PARTICLES =
      Set.of(
          "al", "bin", "ibn", "da", "das", "de", "del", "della", "der", "des", "di", "do", "dos",
          "du", "el", "la", "le", "den", "ten", "ter", "van", "von", "zu", "y");

  /**
   * The words of the text's first 4,000 characters (of its script) separated by single spaces,
   * without the name particles that stand before a capitalised word (through further particles).
   */
  static String wordsOutsideNames(String text, Character.UnicodeScript script) {
    int limit = Math.min(text.length(), 4000);
    List<String> words = new ArrayList<>();
    for (int s = wordStart(text, 0, limit, script); s < limit; ) {
      int e = wordEnd(text, s, limit);
      words.add(text.substring(s, e));
      s = wordStart(text, e, limit, script);
    }
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < words.size(); k++) {
      int j = k;
      while (j < words.size() && NAME_PARTICLES.contains(words.get(j))) {
        j++;
      }
      if (j > k && j < words.size() && Character.isUpperCase(words.get(j).charAt(0))) {
        k = j - 1; // the particles go with the name
        continue;
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(words.get(k));
    }
    return out.toString();
  }

  /**
   * Among the lower-case words of {@code words}, no other language's function words outnumber
   * English ones, and at least two thirds (of two letters or more) are known English words.
   */
  private static boolean plausiblyEnglish(String words, Predicate<String> knownEnglish) {
    // Capitalised words are names here ("LOS ANGELES", "Le Havre", "RIO DE JANEIRO"): only the
    // words written lower case speak for the language.
    StringBuilder lower = new StringBuilder(words.length());
    int total = 0;
    int hits = 0;
    for (String w : words.split(" ")) {
      if (w.isEmpty() || !Character.isLowerCase(w.charAt(0))) {
        continue;
      }
      lower.append(w).append(' ');
      if (w.length() < 2) {
        continue;
      }
      total++;
      if (knownEnglish.test(w)) {
        hits++;
      }
    }
    return hits * 3 >= total * 2 && LanguageDetector.englishNotBehind(lower);
  }

  /** The normalisers OpenNLP's {@code LanguageDetectorFactory} applies, in its order. */
  private static final CharSequenceNormalizer NORMALIZER =
      new AggregateCharSequenceNormalizer(
          EmojiCharSequenceNormalizer.getInstance(),
          UrlCharSequenceNormalizer.getInstance(),
          TwitterCharSequenceNormalizer.getInstance(),
          NumberCharSequenceNormalizer.getInstance(),
          ShrinkCharSequenceNormalizer.getInstance());

  /**
   * What {@code LanguageDetectorME.predictLanguages} computes, without its generic n-gram model:
   * the distinct lower-case character 1- to 3-grams of the normalised sample, each counted once,
   * scored by the maxent model. OpenNLP's context generator builds a CharBuffer-keyed count model
   * per call and cost a quarter of the tagger's time.
   */
  private Language[] rank(CharSequence sample) {
    CharSequence norm = NORMALIZER.normalize(sample);
    char[] low = new char[norm.length()];
    for (int i = 0; i < low.length; i++) {
      low[i] = Character.toLowerCase(norm.charAt(i));
    }
    Set<String> grams = new HashSet<>(low.length * 4);
    for (int len = 1; len <= 3; len++) {
      for (int i = 0; i + len <= low.length; i++) {
        grams.add(new String(low, i, len));
      }
    }
    String[] context = grams.toArray(new String[0]);
    float[] ones = new float[context.length];
    Arrays.fill(ones, 1f);
    double[] probs = languageModel.eval(context, ones);
    Language[] out = new Language[probs.length];
    for (int o = 0; o < probs.length; o++) {
      out[o] = new Language(languageModel.getOutcome(o), probs[o]);
    }
    Arrays.sort(out, (x, y) -> Double.compare(y.getConfidence(), x.getConfidence()));
    return out;
  }

  private static final Set<String> ENGLISH =
      Set.of(
          "the", "and", "of", "to", "said", "says", "with", "from", "was", "were", "has", "have",
          "will", "would", "that", "which", "met", "meets", "after", "for", "on", "by", "its",
          "their", "his", "her", "who", "ready", "over");

  /** Letters of lower-case words a language sample needs before it replaces the full one. */
  static final int MIN_LOWER_CASE_SAMPLE = 40;

  private static int letterCount(CharSequence s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != ' ') {
        n++;
      }
    }
    return n;
  }

  /**
   * The words of {@code script} that start with a lower-case letter, space-separated, up to {@link
   * #LANGUAGE_SAMPLE} letters, from the first 4,000 characters (bounded work).
   */
  static CharSequence lowerCaseWords(String text, Character.UnicodeScript script) {
    StringBuilder out = new StringBuilder(LANGUAGE_SAMPLE + 64);
    int letters = 0;
    int limit = Math.min(text.length(), 4000);
    for (int s = wordStart(text, 0, limit, script); s < limit && letters < LANGUAGE_SAMPLE; ) {
      int e = wordEnd(text, s, limit);
      if (Character.isLowerCase(text.charAt(s))) {
        if (out.length() > 0) {
          out.append(' ');
        }
        out.append(text, s, e);
        letters += e - s;
      }
      s = wordStart(text, e, limit, script);
    }
    return out;
  }

  /** Where the next word of {@code script} starts at or after {@code i} ({@code limit}: none). */
  private static int wordStart(String text, int i, int limit, Character.UnicodeScript script) {
    while (i < limit
        && !(Character.isLetter(text.charAt(i)) && scriptOf(text.charAt(i)) == script)) {
      i++;
    }
    return i;
  }

  /** Where the run of letters starting at {@code s} ends. */
  private static int wordEnd(String text, int s, int limit) {
    int i = s;
    while (i < limit && Character.isLetter(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** English function words, for the share of a sample's words they make up. */
  private static final Set<String> FUNCTION_WORDS =
      Set.of(
          "the", "and", "of", "to", "with", "from", "was", "were", "has", "have", "had", "that",
          "which", "for", "on", "by", "its", "their", "his", "her", "who", "is", "are", "a", "an",
          "in", "at", "as", "be", "been", "it", "this", "said");

  /** How many of the sample's words are in {@code words}; {@code null}: how many words it has. */
  private static int count(CharSequence sample, Set<String> words) {
    int hits = 0;
    for (String w : sample.toString().split(" ")) {
      if (!w.isEmpty() && (words == null || words.contains(w.toLowerCase(Locale.ROOT)))) {
        hits++;
      }
    }
    return hits;
  }

  private static Character.UnicodeScript scriptOf(char c) {
    return c < 128 ? Character.UnicodeScript.LATIN : Character.UnicodeScript.of(c);
  }

  /** The script of most letters among the first few thousand, or null when there are none. */
  private static Character.UnicodeScript dominantScript(String text) {
    Character.UnicodeScript[] scripts = Character.UnicodeScript.values();
    int[] counts = new int[scripts.length];
    int seen = 0;
    for (int i = 0; i < text.length() && seen < 4000; i++) {
      char c = text.charAt(i);
      if (c < 128) {
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
          counts[Character.UnicodeScript.LATIN.ordinal()]++;
          seen++;
        }
      } else if (Character.isLetter(c)) {
        counts[Character.UnicodeScript.of(c).ordinal()]++;
        seen++;
      }
    }
    Character.UnicodeScript best = null;
    int n = 0;
    for (int k = 0; k < counts.length; k++) {
      if (counts[k] > n) {
        best = scripts[k];
        n = counts[k];
      }
    }
    return best;
  }

  private static final Map<String, String> ISO3_TO_1 = new HashMap<>();

  static {
    for (String l : Locale.getISOLanguages()) {
      try {
        ISO3_TO_1.put(Locale.forLanguageTag(l).getISO3Language(), l);
      } catch (java.util.MissingResourceException e) {
        // no three-letter code: nothing to map
      }
    }
    // Macrolanguage members the detector names by their individual codes.
    ISO3_TO_1.put("cmn", "zh");
    ISO3_TO_1.put("nob", "nb");
    ISO3_TO_1.put("nno", "nn");
    ISO3_TO_1.put("pes", "fa");
    ISO3_TO_1.put("prs", "fa");
    ISO3_TO_1.put("zsm", "ms");
    ISO3_TO_1.put("ekk", "et");
    ISO3_TO_1.put("lvs", "lv");
    ISO3_TO_1.put("azj", "az");
    ISO3_TO_1.put("uzn", "uz");
    ISO3_TO_1.put("swh", "sw");
    ISO3_TO_1.put("khk", "mn");
    ISO3_TO_1.put("arb", "ar");
    ISO3_TO_1.put("ydd", "yi");
    ISO3_TO_1.put("gug", "gn");
    ISO3_TO_1.put("quz", "qu");
    ISO3_TO_1.put("npi", "ne");
    ISO3_TO_1.put("ory", "or");
    ISO3_TO_1.put("plt", "mg");
  }

  static String iso1(String iso3) {
    return ISO3_TO_1.getOrDefault(iso3, iso3);
  }

  /**
   * Sentences of an English text's lines, tokenised; linear in the text length. A line whose
   * function words clearly show another language ({@link LanguageDetector#clearLanguage}: a quoted
   * French paragraph, the German half of a bilingual release) is left out, as lines in another
   * script are: the English name finder would only tag its capitalised words at random.
   */
  public List<AnalyzedSentence> sentences(String text) {
    return sentences(text, false);
  }

  /**
   * Sentences of the lines of a text in another language that are clearly English on their own (the
   * English paragraphs of a bilingual text); none when no line is.
   */
  public List<AnalyzedSentence> englishLines(String text) {
    return sentences(text, true);
  }

  private List<AnalyzedSentence> sentences(String text, boolean clearlyEnglishOnly) {
    List<AnalyzedSentence> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    SentenceDetectorME sd = sentences.get();
    NewsTokenizer.Tokens tok = new NewsTokenizer.Tokens();
    int n = text.length();
    int lineStart = 0;
    while (lineStart < n) {
      int lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = n;
      }
      analyzeLine(text, lineStart, lineEnd, clearlyEnglishOnly, sd, tok, out);
      lineStart = lineEnd + 1;
    }
    return out;
  }

  /**
   * Sentences the detector ended at a name's initial joined again: "B. Young c Moin Khan" and "C.
   * Cairns b Saqlain" were cut after "B." and "C.", which left the surname to a sentence of its own
   * and the initial to the end of another. A single capital letter and a full stop, after a space
   * or at the start, ends no sentence.
   */
  static Span[] joinInitials(String line, Span[] sents) {
    if (sents.length < 2) {
      return sents;
    }
    List<Span> out = new ArrayList<>(sents.length);
    Span cur = sents[0];
    for (int k = 1; k < sents.length; k++) {
      if (endsWithInitial(line, cur.getEnd())
          || endsWithMonthBeforeDay(line, cur.getEnd(), sents[k].getStart())) {
        cur = new Span(cur.getStart(), sents[k].getEnd());
      } else {
        out.add(cur);
        cur = sents[k];
      }
    }
    out.add(cur);
    return out.size() == sents.length ? sents : out.toArray(new Span[0]);
  }

  /** Month abbreviations that a day number follows: "Nov. 30" ends no sentence. */
  private static final Set<String> MONTH_ABBREVIATIONS =
      Set.of("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec");

  private static boolean endsWithInitial(String line, int end) {
    if (end < 2 || line.charAt(end - 1) != '.') {
      return false;
    }
    int start = end - 1;
    while (start > 0 && Character.isLetter(line.charAt(start - 1))) {
      start--;
    }
    if (start > 0 && !Character.isWhitespace(line.charAt(start - 1))) {
      return false;
    }
    String word = line.substring(start, end - 1);
    return word.length() == 1 && Character.isUpperCase(word.charAt(0)) || TITLES.contains(word);
  }

  /** "to Nov. 30 from Nov. 26": a month's abbreviation followed by a day number. */
  private static boolean endsWithMonthBeforeDay(String line, int end, int next) {
    if (end < 4 || line.charAt(end - 1) != '.' || next >= line.length()) {
      return false;
    }
    int start = end - 1;
    while (start > 0 && Character.isLetter(line.charAt(start - 1))) {
      start--;
    }
    return MONTH_ABBREVIATIONS.contains(line.substring(start, end - 1))
        && Character.isDigit(line.charAt(next));
  }

  /**
   * Abbreviations that stand before a name and end no sentence ("St. Louis Cardinals", "Dr. Jane
   * Smith"): the detector cut after some of them.
   */
  private static final Set<String> TITLES =
      Set.of(
          "St", "Mt", "Ft", "Mr", "Mrs", "Ms", "Dr", "Gen", "Col", "Lt", "Sgt", "Capt", "Cpl",
          "Maj", "Adm", "Gov", "Sen", "Rep", "Prof", "Rev", "Msgr", "Hon", "Pres", "Messrs", "Sens",
          "Reps", "Govs");

  private void analyzeLine(
      String text,
      int from,
      int to,
      boolean clearlyEnglishOnly,
      SentenceDetectorME sd,
      NewsTokenizer.Tokens tok,
      List<AnalyzedSentence> out) {
    while (from < to && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    if (from >= to || !mostlyLatin(text, from, to)) {
      return;
    }
    String clear = LanguageDetector.clearLanguage(text, from, to);
    if (clearlyEnglishOnly ? !"en".equals(clear) : clear != null && !clear.equals("en")) {
      return;
    }
    String line = text.substring(from, to);
    LineKind kind = isCaption(line) ? LineKind.CAPTION : LineKind.BODY;
    Span[] sents = joinInitials(line, sd.sentPosDetect(line));
    for (Span s : sents) {
      tok.size = 0;
      NewsTokenizer.tokenize(text, from + s.getStart(), from + s.getEnd(), tok);
      if (tok.size == 0) {
        continue;
      }
      int[] starts = Arrays.copyOf(tok.starts, tok.size);
      int[] ends = Arrays.copyOf(tok.ends, tok.size);
      LineKind k = kind;
      if (k == LineKind.BODY && sents.length == 1) {
        List<String> words = new ArrayList<>(tok.size);
        for (int i = 0; i < tok.size; i++) {
          words.add(text.substring(starts[i], ends[i]));
        }
        if (Features.isHeadline(words)) {
          k = LineKind.HEADLINE;
        }
      }
      out.add(new AnalyzedSentence(from + s.getStart(), from + s.getEnd(), starts, ends, k));
    }
  }

  /**
   * Does the line look like a caption or photo credit? The regular expression runs only on lines
   * {@link #mayBeCaption} lets through.
   */
  static boolean isCaption(String line) {
    return mayBeCaption(line) && CAPTION.matcher(line).find();
  }

  /**
   * What every alternative of {@link #CAPTION} needs, checked in one scan: a slash (agency credit)
   * or a copyright sign; the word photo, getty or shutterstock; or a separator (: | -) in a line
   * that opens with a letter a caption word can start with. False means the pattern cannot match;
   * body lines with a hyphen or a bracket (most of them) no longer run it.
   */
  static boolean mayBeCaption(String line) {
    boolean sep = false;
    int n = line.length();
    for (int i = 0; i < n; i++) {
      char c = line.charAt(i);
      switch (c) {
        case '/', '\u00a9':
          return true;
        case ':', '|', '-':
          sep = true;
          break;
        case 'p', 'P', 'g', 'G', 's', 'S':
          if (creditWordAt(line, i)) {
            return true;
          }
          break;
        default:
          // Case-blind matching folds a few other letters to these (long s): let them through.
          if (c > 127 && creditWordAt(line, i)) {
            return true;
          }
      }
    }
    return sep && opensWithCaptionLetter(line);
  }

  private static boolean creditWordAt(String line, int i) {
    return line.regionMatches(true, i, "photo", 0, 5)
        || line.regionMatches(true, i, "getty", 0, 5)
        || line.regionMatches(true, i, "shutterstock", 0, 12);
  }

  /**
   * Does the line, after spaces and one opening bracket, start with the first letter of a caption
   * word (photo, image, caption, credit, file, video, graphic, illustration)?
   */
  private static boolean opensWithCaptionLetter(String line) {
    int n = line.length();
    int i = skipRegexSpaces(line, 0);
    if (i < n && (line.charAt(i) == '(' || line.charAt(i) == '[')) {
      i = skipRegexSpaces(line, i + 1);
    }
    if (i >= n) {
      return false;
    }
    char c = line.charAt(i);
    return c > 127 || "picfvgPICFVG".indexOf(c) >= 0;
  }

  /** Skips the characters of the regex class \\s ([ \\t\\n\\x0B\\f\\r]). */
  private static int skipRegexSpaces(String line, int i) {
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\013' && c != '\f' && c != '\r') {
        break;
      }
      i++;
    }
    return i;
  }

  /** Is at least half of the line's letters Latin? (Lines without letters count as Latin.) */
  static boolean mostlyLatin(String text, int from, int to) {
    int latin = 0;
    int other = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < 128) {
        if (Character.isLetter(c)) {
          latin++;
        }
      } else if (Character.isLetter(c)) {
        if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
          latin++;
        } else {
          other++;
        }
      }
    }
    return latin >= other;
  }
}
