package dev.herald.nlp.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Restores the usual case of words in headline lines (ALL CAPS or Title Case), where capitals say
 * nothing about names: first from the same document's body text, else from a dictionary of each
 * word's most frequent case mid-sentence in the training text. Unknown words keep their capital (an
 * unknown capitalised word in a headline is usually a name).
 */
final class Truecaser {

  private final Map<String, String> usual;

  private Truecaser(Map<String, String> usual) {
    this.usual = usual;
  }

  static Truecaser empty() {
    return new Truecaser(Map.of());
  }

  /** The word in its usual case, given the document's own mid-sentence forms (lower -> form). */
  String restore(String word, Map<String, String> docForms) {
    if (!Words.hasLetter(word)) {
      return word;
    }
    String lower = Words.lower(word);
    String f = docForms.get(lower);
    if (f == null) {
      f = usual.get(lower);
    }
    if (f != null) {
      return f;
    }
    return Words.isAllCaps(word) && word.length() > 1 ? Words.titleCase(word) : word;
  }

  /** Is the word (lower case) one the training text wrote lower case mid-sentence? */
  boolean knowsLowerCase(String lower) {
    return usualCase(lower) == 1;
  }

  /**
   * How the word (lower case) is usually written mid-sentence: 0 unknown, 1 lower case, 2
   * capitalised, 3 all capitals, 4 otherwise.
   */
  int usualCase(String lower) {
    String f = usual.get(lower);
    if (f == null) {
      return 0;
    }
    if (f.equals(lower)) {
      return 1;
    }
    if (Words.isAllCaps(f) && f.length() > 1) {
      return 3;
    }
    return Character.isUpperCase(f.charAt(0)) ? 2 : 4;
  }

  /** Learns the dictionary from body sentences (headlines excluded), mid-sentence tokens only. */
  static Truecaser learn(List<List<String>> bodySentences) {
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    for (List<String> s : bodySentences) {
      for (int i = 1; i < s.size(); i++) {
        String w = s.get(i);
        if (Words.hasLetter(w)) {
          counts.computeIfAbsent(Words.lower(w), x -> new HashMap<>()).merge(w, 1, Integer::sum);
        }
      }
    }
    Map<String, String> usual = new HashMap<>();
    for (Map.Entry<String, Map<String, Integer>> e : counts.entrySet()) {
      String best = null;
      int n = 0;
      for (Map.Entry<String, Integer> f : e.getValue().entrySet()) {
        if (f.getValue() > n || f.getValue() == n && f.getKey().compareTo(best) < 0) {
          best = f.getKey();
          n = f.getValue();
        }
      }
      usual.put(e.getKey(), best);
    }
    return new Truecaser(usual);
  }

  /** The document's mid-sentence word forms (lower case -> most recent form), for restore(). */
  static Map<String, String> docForms(List<List<String>> bodySentences) {
    Map<String, String> forms = new HashMap<>();
    for (List<String> s : bodySentences) {
      for (int i = 1; i < s.size(); i++) {
        String w = s.get(i);
        if (Words.hasLetter(w)) {
          forms.put(Words.lower(w), w);
        }
      }
    }
    return forms;
  }

  void write(Writer out) throws IOException {
    List<String> keys = new ArrayList<>(usual.keySet());
    keys.sort(null);
    for (String k : keys) {
      String f = usual.get(k);
      // Lower-case words are the default: store only the words usually written otherwise.
      if (!f.equals(k)) {
        out.write(f + "\n");
      } else {
        out.write(k + "\n");
      }
    }
  }

  static Truecaser read(BufferedReader in) throws IOException {
    Map<String, String> usual = new HashMap<>();
    String line;
    while ((line = in.readLine()) != null) {
      if (!line.isEmpty()) {
        usual.put(Words.lower(line), line);
      }
    }
    return new Truecaser(usual);
  }
}
