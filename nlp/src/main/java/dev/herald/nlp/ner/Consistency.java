package dev.herald.nlp.ner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A cautious document-level consistency pass after tagging: an untagged repeat of a name the
 * document tagged elsewhere gets that name's type (a lone "Weah" after "George Weah" is the
 * person), and a name tagged three or more times is re-typed to its type of at least two thirds of
 * them. A place of the gazetteer is never re-typed or tagged PER by a vote (the seed article's
 * "Sochi"). Pure logic over token spans.
 */
final class Consistency {

  private Consistency() {}

  private static final int MAX_LEN = DocLabels.MAX_LEN;

  /** Returns the names per sentence after the pass; the input lists are not changed. */
  static List<List<NameSpan>> apply(
      List<List<String>> sentences, List<List<NameSpan>> names, Places places) {
    // Counts by type of each tagged string (lower case, words joined by a space).
    Map<String, int[]> byString = new HashMap<>();
    // Counts by type of the person names a word ends (for lone surnames).
    Map<String, int[]> lastOfPerson = new HashMap<>();
    // How often each word is tagged PER on its own (a surname alone: "Street said").
    Map<String, Integer> lonePerson = new HashMap<>();
    for (int s = 0; s < sentences.size(); s++) {
      List<String> toks = sentences.get(s);
      for (NameSpan n : names.get(s)) {
        int t = type(n.type());
        if (t < 0 || n.end() > toks.size() || n.end() - n.start() > MAX_LEN) {
          continue;
        }
        byString.computeIfAbsent(key(toks, n.start(), n.end()), k -> new int[4])[t]++;
        if (n.type().equals("PER") && n.end() - n.start() == 1) {
          lonePerson.merge(Words.lower(toks.get(n.start())), 1, Integer::sum);
        }
        if (n.type().equals("PER") && n.end() - n.start() > 1) {
          lastOfPerson.computeIfAbsent(Words.lower(toks.get(n.end() - 1)), k -> new int[4])[t]++;
        }
      }
    }
    List<List<NameSpan>> out = new ArrayList<>(sentences.size());
    for (int s = 0; s < sentences.size(); s++) {
      List<String> toks = sentences.get(s);
      int[] gaz = places.match(toks);
      List<NameSpan> sent = new ArrayList<>();
      boolean[] taken = new boolean[toks.size()];
      for (NameSpan n : names.get(s)) {
        NameSpan r = retype(n, toks, gaz, byString);
        r = personAfterAll(r, toks, gaz, lonePerson);
        sent.add(r);
        for (int i = n.start(); i < Math.min(n.end(), toks.size()); i++) {
          taken[i] = true;
        }
      }
      addRepeats(toks, gaz, taken, byString, lastOfPerson, sent);
      sent.sort((a, b) -> Integer.compare(a.start(), b.start()));
      out.add(sent);
    }
    return out;
  }

  /** A name tagged at least three times takes the type of at least two thirds of them. */
  private static NameSpan retype(
      NameSpan n, List<String> toks, int[] gaz, Map<String, int[]> byString) {
    if (n.end() > toks.size() || n.end() - n.start() > MAX_LEN) {
      return n;
    }
    int[] c = byString.get(key(toks, n.start(), n.end()));
    if (c == null) {
      return n;
    }
    int total = c[0] + c[1] + c[2] + c[3];
    int maj = DocLabels.majority(c);
    if (total < 3 || c[maj] * 3 < total * 2 || NerModel.TYPES[maj].equals(n.type())) {
      return n;
    }
    if (isPlace(gaz, n.start(), n.end())) {
      return n;
    }
    return new NameSpan(n.start(), n.end(), NerModel.TYPES[maj]);
  }

  /**
   * A place or organisation that {@link NameRepairs} made of a person by its head noun ("Picabo
   * Street" -> LOC) is the person after all when the document tags the head word alone as a person
   * at least twice elsewhere ("Street won"): a park or street is rarely named by its head noun
   * alone, and one such tag may be the model's slip ("the infamous Island").
   */
  private static NameSpan personAfterAll(
      NameSpan n, List<String> toks, int[] gaz, Map<String, Integer> lonePerson) {
    if (n.end() - n.start() < 2 || n.end() > toks.size()) {
      return n;
    }
    String head = toks.get(n.end() - 1);
    if (!n.type().equals(NameRepairs.HEADS.get(head))
        || lonePerson.getOrDefault(Words.lower(head), 0) < 2
        || isPlace(gaz, n.start(), n.end())) {
      return n;
    }
    return new NameSpan(n.start(), n.end(), "PER");
  }

  /**
   * Tags untagged capitalised runs that repeat a tagged name exactly (the whole run, so "Bank"
   * tagged does not make a name of part of "Bank of England"), or a lone word that ends a person
   * name of the document.
   */
  private static void addRepeats(
      List<String> toks,
      int[] gaz,
      boolean[] taken,
      Map<String, int[]> byString,
      Map<String, int[]> lastOfPerson,
      List<NameSpan> sent) {
    int n = toks.size();
    int i = 0;
    while (i < n) {
      if (taken[i] || !Words.isCapitalised(toks.get(i)) || !Words.hasLetter(toks.get(i))) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < n && !taken[j] && Words.isCapitalised(toks.get(j))) {
        j++;
      }
      // toks[i, j) is an untagged run of capitalised words.
      if (j - i <= MAX_LEN && (i == 0 || !taken[i - 1]) && (j == n || !taken[j])) {
        int[] c = byString.get(key(toks, i, j));
        String type = null;
        if (c != null) {
          type = NerModel.TYPES[DocLabels.majority(c)];
        } else if (j - i == 1 && i > 0) {
          int[] p = lastOfPerson.get(Words.lower(toks.get(i)));
          if (p != null) {
            type = "PER";
          }
        }
        if (type != null && !(type.equals("PER") && isPlace(gaz, i, j))) {
          sent.add(new NameSpan(i, j, type));
        }
      }
      i = j;
    }
  }

  private static boolean isPlace(int[] gaz, int start, int end) {
    for (int i = start; i < end; i++) {
      if ((gaz[i] & (Places.COUNTRY | Places.CITY | Places.REGION)) != 0) {
        return true;
      }
    }
    return false;
  }

  private static String key(List<String> toks, int start, int end) {
    StringBuilder sb = new StringBuilder();
    for (int i = start; i < end; i++) {
      if (i > start) {
        sb.append(' ');
      }
      sb.append(Words.lower(toks.get(i)));
    }
    return sb.toString();
  }

  private static int type(String t) {
    for (int i = 0; i < NerModel.TYPES.length; i++) {
      if (NerModel.TYPES[i].equals(t)) {
        return i;
      }
    }
    return -1;
  }
}
