package dev.herald.nlp.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cheap language guess: the script for non-Latin text, else the language whose most frequent
 * function words occur most often among the first few hundred words. Returns an ISO 639-1 code, or
 * {@code "und"} when the text has too few clues.
 */
public final class LanguageDetector {

  private static final int MAX_WORDS = 400;

  private static final Map<String, Set<String>> STOP_WORDS = new LinkedHashMap<>();

  static {
    STOP_WORDS.put(
        "en",
        Set.of(
            "the", "of", "and", "to", "in", "is", "was", "that", "for", "on", "with", "by", "it",
            "said", "be", "has", "have", "will", "are", "from", "at", "its", "this", "which",
            "would", "were", "been", "their", "an"));
    STOP_WORDS.put(
        "fr",
        Set.of(
            "le", "la", "les", "des", "du", "et", "est", "une", "dans", "pour", "que", "qui", "sur",
            "pas", "au", "aux", "avec", "ce", "sont", "par", "il", "elle", "mais", "été", "ont"));
    STOP_WORDS.put(
        "de",
        Set.of(
            "der", "die", "das", "und", "ist", "nicht", "mit", "den", "dem", "des", "ein", "eine",
            "zu", "auf", "für", "sich", "von", "wird", "auch", "im", "bei", "sind", "wurde",
            "nach"));
    STOP_WORDS.put(
        "es",
        Set.of(
            "el", "los", "las", "del", "y", "en", "que", "por", "con", "una", "para", "es", "se",
            "su", "al", "lo", "como", "más", "pero", "fue", "ha", "este", "sus"));
    STOP_WORDS.put(
        "it",
        Set.of(
            "il", "della", "di", "che", "è", "per", "una", "gli", "con", "non", "sono", "nel",
            "alla", "dei", "delle", "anche", "come", "più", "stato", "ha", "questo", "le"));
    STOP_WORDS.put(
        "pt",
        Set.of(
            "o", "os", "da", "do", "das", "dos", "e", "que", "em", "um", "uma", "para", "com",
            "não", "por", "mais", "foi", "ao", "pelo", "pela", "são", "como", "seu"));
    STOP_WORDS.put(
        "nl",
        Set.of(
            "de", "het", "een", "van", "en", "is", "dat", "op", "te", "zijn", "niet", "met", "voor",
            "ook", "wordt", "werd", "aan", "er", "bij", "door", "naar", "maar"));
    STOP_WORDS.put(
        "sv",
        Set.of(
            "och", "att", "det", "som", "är", "på", "för", "med", "av", "den", "inte", "till",
            "har", "ett", "om", "var", "vid", "från", "ska", "sig"));
  }

  /**
   * Each stop word with the languages it belongs to, in the order of {@link #STOP_WORDS}: one hash
   * lookup per word instead of one per language.
   */
  private static final Map<String, List<String>> LANGUAGES_OF = new HashMap<>();

  /** Longest stop word: a longer word needs no lookup (lower-casing never shortens a word). */
  private static final int MAX_STOP_WORD;

  /** The languages of {@link #STOP_WORDS} in order, and each one's position. */
  private static final List<String> LANGUAGES;

  private static final Map<String, Integer> LANGUAGE_INDEX;

  static {
    int longest = 0;
    for (Map.Entry<String, Set<String>> e : STOP_WORDS.entrySet()) {
      for (String w : e.getValue()) {
        LANGUAGES_OF.computeIfAbsent(w, k -> new ArrayList<>()).add(e.getKey());
        longest = Math.max(longest, w.length());
      }
    }
    LANGUAGES_OF.replaceAll((w, langs) -> List.copyOf(langs));
    MAX_STOP_WORD = longest;
    LANGUAGES = List.copyOf(STOP_WORDS.keySet());
    Map<String, Integer> index = new HashMap<>();
    for (int k = 0; k < LANGUAGES.size(); k++) {
      index.put(LANGUAGES.get(k), k);
    }
    LANGUAGE_INDEX = Map.copyOf(index);
  }

  private LanguageDetector() {}

  public static String detect(String text) {
    if (text == null || text.isBlank()) {
      return "und";
    }
    String script = scriptOf(text);
    if (script != null) {
      return script;
    }
    Hits hits = stopWordHits(text, 0, text.length());
    int words = hits.words();
    // The language with the most hits; on a tie, the one hit first.
    String best = "und";
    int bestHits = 0;
    int bestFirst = Integer.MAX_VALUE;
    for (int k = 0; k < LANGUAGES.size(); k++) {
      int h = hits.counts()[k];
      if (h > bestHits || h == bestHits && h > 0 && hits.first()[k] < bestFirst) {
        best = LANGUAGES.get(k);
        bestHits = h;
        bestFirst = hits.first()[k];
      }
    }
    // One stop word proves little; headlines ("WEST GERMANY RESCHEDULES DEBT") have none.
    if (bestHits == 0) {
      return words > 0 && asciiLetters(text) ? "en" : "und";
    }
    return best;
  }

  /** Words a span needs before its function words may speak for it. */
  static final int MIN_CLEAR_WORDS = 8;

  /**
   * The language a span's function words show beyond doubt, or null when they do not: at least
   * {@value #MIN_CLEAR_WORDS} words, at least three function words of one language making up a
   * fifth of the words, and at least twice as many as any other language's. Meant for one line (a
   * paragraph) of a longer text, where the whole text's language may not be the line's: a French
   * quotation in an English report, an English paragraph in a bilingual release. Looks at the first
   * {@value #MAX_WORDS} words of the span; a word is looked up only when it is no longer than the
   * longest function word, so the cost is one pass and a few lookups per line.
   */
  public static String clearLanguage(CharSequence text, int from, int to) {
    Hits found = stopWordHits(text, from, to);
    int[] hits = found.counts();
    int words = found.words();
    if (words < MIN_CLEAR_WORDS) {
      return null;
    }
    int best = 0;
    for (int k = 1; k < LANGUAGES.size(); k++) {
      if (hits[k] > hits[best]) {
        best = k;
      }
    }
    int second = 0;
    for (int k = 0; k < LANGUAGES.size(); k++) {
      if (k != best) {
        second = Math.max(second, hits[k]);
      }
    }
    int h = hits[best];
    return h >= 3 && h * 5 >= words && h >= 2 * second ? LANGUAGES.get(best) : null;
  }

  /**
   * Do English function words lead in the text: at least two of them, and more than of any other
   * language's? Evidence for short, name-heavy English ("Italian Prime Minister Giorgia Meloni met
   * Pope Francis at the Vatican.") on which a character n-gram model scores every language alike.
   */
  public static boolean englishLeads(CharSequence text) {
    int[] hits = stopWordHits(text, 0, text.length()).counts();
    int en = hits[LANGUAGE_INDEX.get("en")];
    if (en < 2) {
      return false;
    }
    for (int k = 0; k < LANGUAGES.size(); k++) {
      if (k != LANGUAGE_INDEX.get("en") && hits[k] >= en) {
        return false;
      }
    }
    return true;
  }

  /** Does no other language have more function words in the text than English? */
  public static boolean englishNotBehind(CharSequence text) {
    int[] hits = stopWordHits(text, 0, text.length()).counts();
    int en = hits[LANGUAGE_INDEX.get("en")];
    for (int h : hits) {
      if (h > en) {
        return false;
      }
    }
    return true;
  }

  /**
   * Function-word hits of a span: per language of {@link #LANGUAGES}, how many, and the word index
   * of the first (for ties); and how many words were read.
   */
  private record Hits(int[] counts, int[] first, int words) {}

  /**
   * The function-word hits over the first {@value #MAX_WORDS} words of the span. A word is looked
   * up only when it is no longer than the longest function word: one pass and a few lookups.
   */
  private static Hits stopWordHits(CharSequence text, int from, int to) {
    int[] counts = new int[LANGUAGES.size()];
    int[] first = new int[LANGUAGES.size()];
    int words = 0;
    int i = from;
    char[] word = new char[MAX_STOP_WORD];
    while (i < to && words < MAX_WORDS) {
      while (i < to && !Character.isLetter(text.charAt(i))) {
        i++;
      }
      int s = i;
      while (i < to && Character.isLetter(text.charAt(i))) {
        i++;
      }
      if (i == s) {
        break;
      }
      words++;
      if (i - s <= MAX_STOP_WORD) {
        for (int k = s; k < i; k++) {
          word[k - s] = Character.toLowerCase(text.charAt(k));
        }
        List<String> langs = LANGUAGES_OF.get(new String(word, 0, i - s));
        if (langs != null) {
          for (String lang : langs) {
            int l = LANGUAGE_INDEX.get(lang);
            if (counts[l]++ == 0) {
              first[l] = words;
            }
          }
        }
      }
    }
    return new Hits(counts, first, words);
  }

  /** Languages whose text this detector's schedule rules understand. */
  public static boolean isSupported(String language) {
    return List.of("en").contains(language);
  }

  /** The language of a non-Latin script when most letters are in it, else null. */
  private static String scriptOf(String text) {
    int latin = 0;
    int cyrillic = 0;
    int arabic = 0;
    int cjk = 0;
    int greek = 0;
    int hebrew = 0;
    int seen = 0;
    for (int i = 0; i < text.length() && seen < 2000; i++) {
      char c = text.charAt(i);
      if (!Character.isLetter(c)) {
        continue;
      }
      seen++;
      if (c < 128) {
        latin++; // an ASCII letter: no need for the script table
        continue;
      }
      Character.UnicodeScript s = Character.UnicodeScript.of(c);
      switch (s) {
        case LATIN -> latin++;
        case CYRILLIC -> cyrillic++;
        case ARABIC -> arabic++;
        case HAN, HIRAGANA, KATAKANA, HANGUL -> cjk++;
        case GREEK -> greek++;
        case HEBREW -> hebrew++;
        default -> {}
      }
    }
    int half = seen / 2;
    if (cyrillic > half) {
      return "ru";
    }
    if (arabic > half) {
      return "ar";
    }
    if (cjk > half) {
      return "zh";
    }
    if (greek > half) {
      return "el";
    }
    if (hebrew > half) {
      return "he";
    }
    return latin > 0 ? null : "und";
  }

  private static boolean asciiLetters(String text) {
    for (int i = 0; i < text.length() && i < 2000; i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c) && c > 127) {
        return false;
      }
    }
    return true;
  }
}
