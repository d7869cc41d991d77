package dev.herald.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The language of a page: the declared code when the text does not clearly say otherwise, else a
 * guess from the writing system and from counts of frequent function words.
 */
final class LanguageGuesser {

  private static final Map<String, String> THREE_LETTER =
      Map.ofEntries(
          Map.entry("eng", "en"),
          Map.entry("deu", "de"),
          Map.entry("ger", "de"),
          Map.entry("fra", "fr"),
          Map.entry("fre", "fr"),
          Map.entry("spa", "es"),
          Map.entry("ita", "it"),
          Map.entry("por", "pt"),
          Map.entry("rus", "ru"),
          Map.entry("nld", "nl"),
          Map.entry("dut", "nl"),
          Map.entry("jpn", "ja"),
          Map.entry("zho", "zh"),
          Map.entry("chi", "zh"),
          Map.entry("kor", "ko"),
          Map.entry("ara", "ar"),
          Map.entry("pol", "pl"),
          Map.entry("tur", "tr"),
          Map.entry("swe", "sv"),
          Map.entry("ukr", "uk"));
  private static final int SAMPLE_CHARS = 3000;

  /** Function word to the languages it belongs to. */
  private final Map<String, List<String>> languagesOfWord = new HashMap<>();

  LanguageGuesser(Lexicon lexicon) {
    for (Map.Entry<String, Set<String>> e : lexicon.stopWords().entrySet()) {
      for (String w : e.getValue()) {
        languagesOfWord.computeIfAbsent(w, k -> new ArrayList<>()).add(e.getKey());
      }
    }
  }

  /** A BCP 47 tag, locale or three-letter code reduced to ISO 639-1, or null. */
  static String normalise(String code) {
    if (code == null) {
      return null;
    }
    String c = code.strip().toLowerCase(Locale.ROOT);
    int cut = indexOfAny(c, "-_ ,;");
    if (cut >= 0) {
      c = c.substring(0, cut);
    }
    if (c.length() == 3) {
      return THREE_LETTER.get(c);
    }
    if (c.length() != 2 || !Character.isLetter(c.charAt(0)) || !Character.isLetter(c.charAt(1))) {
      return null;
    }
    return switch (c) {
      case "iw" -> "he";
      case "in" -> "id";
      case "nb", "nn" -> "no";
      default -> c;
    };
  }

  /** The language of {@code text}, trusting {@code declared} unless the text clearly differs. */
  String language(String text, String declared) {
    String guess = guess(text);
    if (declared == null) {
      return guess;
    }
    if (guess == null || guess.equals(declared) || related(guess, declared)) {
      return declared;
    }
    return guess;
  }

  private static boolean related(String a, String b) {
    // Function-word lists cannot tell these apart reliably.
    Set<String> scandinavian = Set.of("da", "no", "sv");
    return scandinavian.contains(a) && scandinavian.contains(b);
  }

  /** A confident guess, or null. */
  String guess(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    String script = scriptGuess(sample);
    if (script != null) {
      return script;
    }
    Map<String, Integer> hits = new HashMap<>();
    int words = 0;
    String lower = sample.toLowerCase(Locale.ROOT);
    int start = -1;
    for (int i = 0; i <= lower.length(); i++) {
      boolean letter = i < lower.length() && Character.isLetter(lower.charAt(i));
      if (letter && start < 0) {
        start = i;
      } else if (!letter && start >= 0) {
        words++;
        List<String> langs = languagesOfWord.get(lower.substring(start, i));
        if (langs != null) {
          for (String l : langs) {
            hits.merge(l, 1, Integer::sum);
          }
        }
        start = -1;
      }
    }
    String best = null;
    int bestHits = 0;
    int second = 0;
    for (Map.Entry<String, Integer> e : hits.entrySet()) {
      int h = e.getValue();
      if (h > bestHits) {
        second = bestHits;
        bestHits = h;
        best = e.getKey();
      } else if (h > second) {
        second = h;
      }
    }
    // Confident only with enough evidence and a clear lead over the runner-up.
    if (best == null || words < 8 || bestHits * 10 < words || bestHits < second * 3 / 2 + 2) {
      return null;
    }
    return best;
  }

  /** Languages told by their writing system alone; Cyrillic and Latin go to the word counts. */
  private static String scriptGuess(String s) {
    int letters = 0;
    int hangul = 0;
    int kana = 0;
    int han = 0;
    int arabic = 0;
    int hebrew = 0;
    int greek = 0;
    int thai = 0;
    int devanagari = 0;
    int armenian = 0;
    int georgian = 0;
    int cyrillic = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (!Character.isLetter(ch)) {
        continue;
      }
      letters++;
      Character.UnicodeScript sc = Character.UnicodeScript.of(ch);
      switch (sc) {
        case HANGUL -> hangul++;
        case HIRAGANA, KATAKANA -> kana++;
        case HAN -> han++;
        case ARABIC -> arabic++;
        case HEBREW -> hebrew++;
        case GREEK -> greek++;
        case THAI -> thai++;
        case DEVANAGARI -> devanagari++;
        case ARMENIAN -> armenian++;
        case GEORGIAN -> georgian++;
        case CYRILLIC -> cyrillic++;
        default -> {
          // Latin, Cyrillic and others: decided by function words
        }
      }
    }
    if (letters == 0) {
      return null;
    }
    if (cyrillic > letters / 2) {
      return cyrillicGuess(s);
    }
    int third = letters / 3;
    if (hangul > third) {
      return "ko";
    }
    if (kana > letters / 10) {
      return "ja";
    }
    if (han > third) {
      return "zh";
    }
    if (arabic > third) {
      return "ar";
    }
    if (hebrew > third) {
      return "he";
    }
    if (greek > third) {
      return "el";
    }
    if (thai > third) {
      return "th";
    }
    if (devanagari > third) {
      return "hi";
    }
    if (armenian > third) {
      return "hy";
    }
    if (georgian > third) {
      return "ka";
    }
    return null;
  }

  /**
   * Cyrillic languages share most function words but not their letters: і ї є ґ are Ukrainian, ы э
   * ё Russian, ў Belarusian, ј љ њ ћ џ Serbian, ѓ ќ ѕ Macedonian; ъ without ы is Bulgarian.
   */
  private static String cyrillicGuess(String s) {
    int uk = 0;
    int ru = 0;
    int be = 0;
    int sr = 0;
    int mk = 0;
    int hard = 0;
    for (int i = 0; i < s.length(); i++) {
      switch (Character.toLowerCase(s.charAt(i))) {
        case 'і', 'ї', 'є', 'ґ' -> uk++;
        case 'ы', 'э', 'ё' -> ru++;
        case 'ў' -> be++;
        case 'ј', 'љ', 'њ', 'ћ', 'џ' -> sr++;
        case 'ѓ', 'ќ', 'ѕ' -> mk++;
        case 'ъ' -> hard++;
        default -> {
          // shared letters
        }
      }
    }
    if (mk > 0 && mk >= sr) {
      return "mk";
    }
    if (sr > 0) {
      return "sr";
    }
    if (be > 0 && be * 4 >= ru) {
      return "be";
    }
    if (uk > ru) {
      return "uk";
    }
    if (ru > 0) {
      return "ru";
    }
    return hard > 0 ? "bg" : null;
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
