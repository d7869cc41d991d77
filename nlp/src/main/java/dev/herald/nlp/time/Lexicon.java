package dev.herald.nlp.time;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Word classes read from a TSV resource: {@code class<TAB>word<TAB>slot=value,slot=value}. A word
 * may belong to several classes ("second": ordinal and unit).
 */
final class Lexicon {

  /**
   * One word in one class.
   *
   * @param cls class name, e.g. {@code month}
   * @param slots values the word contributes to a match, e.g. {@code month=12}
   * @param ambiguous the word is also common outside dates ("May", "fall"); a match made of it
   *     alone needs date context
   * @param capitalized the word only counts when written with a capital ("May" but not "may")
   * @param abbreviation a short form ("Jan") that never makes a match on its own
   * @param words the lower-cased tokens of the entry (several for "more than", "new year's day")
   * @param first the value of the first slot, or null when none (what a rule element captures; kept
   *     here rather than read from {@code slots} at every match)
   */
  record Entry(
      String cls,
      Map<String, String> slots,
      boolean ambiguous,
      boolean capitalized,
      boolean abbreviation,
      String[] words,
      String first) {}

  /** Entries by their first token (multi-word entries are also listed here). */
  private final Map<String, List<Entry>> byWord;

  /** First token, then interned class name (identity map), then entries longest first. */
  private final Map<String, Map<String, Entry[]>> byWordAndClass = new HashMap<>();

  private Lexicon(Map<String, List<Entry>> byWord) {
    this.byWord = byWord;
    for (Map.Entry<String, List<Entry>> w : byWord.entrySet()) {
      Map<String, List<Entry>> byCls = new HashMap<>();
      for (Entry e : w.getValue()) {
        byCls.computeIfAbsent(e.cls, k -> new ArrayList<>()).add(e);
      }
      Map<String, Entry[]> ids = new IdentityHashMap<>();
      byCls.forEach(
          (cls, es) -> {
            es.sort((a, b) -> Integer.compare(b.words.length, a.words.length));
            ids.put(cls, es.toArray(new Entry[0]));
          });
      byWordAndClass.put(w.getKey(), ids);
    }
  }

  /** Entries starting with {@code lower}, by interned class name; empty when none. */
  Map<String, Entry[]> classesOf(String lower) {
    Map<String, Entry[]> m = byWordAndClass.get(lower);
    return m == null ? Map.of() : m;
  }

  /** Every token that starts an entry. */
  Set<String> firstTokens() {
    return byWord.keySet();
  }

  List<Entry> lookup(String lower) {
    List<Entry> e = byWord.get(lower);
    return e == null ? List.of() : e;
  }

  /** The single-word entry of {@code lower} in class {@code cls}, or null. */
  Entry lookup(String lower, String cls) {
    List<Entry> es = byWord.get(lower);
    if (es != null) {
      for (Entry e : es) {
        if (e.words.length == 1 && e.cls.equals(cls)) {
          return e;
        }
      }
    }
    return null;
  }

  /**
   * The longest entry of class {@code cls} that starts at token {@code t}, or null. Case rules: a
   * capitalized-only entry needs an upper-case first letter.
   */
  Entry match(List<Token> toks, int t, String cls) {
    Token first = toks.get(t);
    if (first.isNumber()) {
      return null;
    }
    Entry[] es = first.classes().get(cls);
    if (es == null) {
      return null;
    }
    // longest first: the first entry that fits wins
    for (Entry e : es) {
      if ((e.capitalized && !first.upper()) || t + e.words.length > toks.size()) {
        continue;
      }
      boolean ok = true;
      for (int i = 1; i < e.words.length && ok; i++) {
        Token tk = toks.get(t + i);
        ok = tk.lower().equals(e.words[i]) && tk.suffix().isEmpty();
      }
      if (ok) {
        return e;
      }
    }
    return null;
  }

  boolean has(String lower, String cls) {
    return lookup(lower, cls) != null;
  }

  static Lexicon load(String... resources) {
    Map<String, List<Entry>> map = new HashMap<>();
    for (String resource : resources) {
      for (String[] cols : Tsv.read(resource)) {
        if (cols.length < 2) {
          throw new IllegalStateException(
              resource + ": bad lexicon line " + String.join("\t", cols));
        }
        Map<String, String> slots = parseSlots(cols.length > 2 ? cols[2] : "");
        boolean ambiguous = "1".equals(slots.remove("ambig"));
        boolean cap = "1".equals(slots.remove("cap"));
        boolean abbrev = "1".equals(slots.remove("abbrev"));
        String[] words =
            Tokenizer.tokenize(cols[1], 0, cols[1].length()).stream()
                .map(Token::lower)
                .toArray(String[]::new);
        if (words.length == 0) {
          throw new IllegalStateException(resource + ": empty lexicon word");
        }
        Entry e =
            new Entry(
                cols[0].intern(),
                Collections.unmodifiableMap(slots),
                ambiguous,
                cap,
                abbrev,
                words,
                slots.isEmpty() ? null : slots.values().iterator().next());
        map.computeIfAbsent(words[0], k -> new ArrayList<>(2)).add(e);
      }
    }
    return new Lexicon(map);
  }

  static Map<String, String> parseSlots(String spec) {
    Map<String, String> slots = new LinkedHashMap<>();
    if (spec == null || spec.isBlank()) {
      return slots;
    }
    for (String kv : spec.split(",")) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new IllegalStateException("bad slot " + kv);
      }
      slots.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
    }
    return slots;
  }

  /** Reads tab-separated resources; '#' starts a comment line. */
  static final class Tsv {
    private Tsv() {}

    static List<String[]> read(String resource) {
      List<String[]> rows = new ArrayList<>();
      try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + resource);
        }
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
          String t = line.strip();
          if (t.isEmpty() || t.startsWith("#")) {
            continue;
          }
          String[] cols = line.split("\t+");
          for (int i = 0; i < cols.length; i++) {
            cols[i] = cols[i].strip();
          }
          rows.add(cols);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return rows;
    }
  }
}
