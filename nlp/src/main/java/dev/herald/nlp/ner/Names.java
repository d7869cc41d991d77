package dev.herald.nlp.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Name lists for the name finder's features (see {@code names-en.tsv} for sources and licences):
 * given names and surnames (single words, from faker's locales) and WordNet's names of people,
 * places and organisations (multi-word, matched longest first like {@link Places}).
 */
final class Names {

  /** Word bits: a known given name, a known surname. */
  static final int GIVEN = 1;

  static final int SURNAME = 2;

  /** Kinds of a WordNet name. */
  static final int PERSON = 1;

  static final int LOCATION = 2;
  static final int ORGANIZATION = 4;

  private static volatile Names standard;

  /** Lower-case word -> GIVEN | SURNAME. */
  private final Map<String, Integer> words;

  private final Places wordnet;

  /** Which lists the features use: the given names and surnames, WordNet's names. */
  private final boolean useWords;

  private final boolean useWordnet;

  private Names(Map<String, Integer> words, Places wordnet, boolean useWords, boolean useWordnet) {
    this.words = words;
    this.wordnet = wordnet;
    this.useWords = useWords;
    this.useWordnet = useWordnet;
  }

  /**
   * These lists, restricted to some of them: {@code kinds} names them, comma-separated ("words",
   * "wordnet"), as a model's {@code nameKinds} setting records.
   */
  Names only(String kinds) {
    List<String> k = List.of(kinds.split(","));
    return new Names(words, wordnet, k.contains("words"), k.contains("wordnet"));
  }

  boolean words() {
    return useWords;
  }

  boolean wordnet() {
    return useWordnet;
  }

  /** The lists shipped in the jar, loaded on first use. */
  static Names standard() {
    Names n = standard;
    if (n == null) {
      synchronized (Names.class) {
        n = standard;
        if (n == null) {
          n = load();
          standard = n;
        }
      }
    }
    return n;
  }

  /** GIVEN and SURNAME bits of a lower-case word (0 if neither). */
  int wordBits(String lower) {
    Integer b = words.get(lower);
    return b == null ? 0 : b;
  }

  /**
   * Per token: the kinds of the longest WordNet name covering it (0 if none), with bit 16 set on
   * the name's first token.
   */
  int[] match(List<String> tokens) {
    return wordnet.match(tokens);
  }

  /** The kinds WordNet gives the name written exactly so (0 if none). */
  int wordnetKinds(String name) {
    return wordnet.kinds(name);
  }

  private static Names load() {
    Map<String, Integer> words = new HashMap<>(40_000);
    Map<String, Integer> wn = new HashMap<>(16_000);
    InputStream in = Names.class.getResourceAsStream("names-en.tsv");
    if (in == null) {
      throw new IllegalStateException("missing resource names-en.tsv");
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        int tab = line.indexOf('\t');
        if (line.startsWith("#") || tab < 0) {
          continue;
        }
        String name = line.substring(tab + 1);
        switch (line.substring(0, tab)) {
          case "given" -> words.merge(Words.lower(name), GIVEN, (a, b) -> a | b);
          case "surname" -> words.merge(Words.lower(name), SURNAME, (a, b) -> a | b);
          case "person" -> wn.merge(name, PERSON, (a, b) -> a | b);
          case "location" -> wn.merge(name, LOCATION, (a, b) -> a | b);
          case "organization" -> wn.merge(name, ORGANIZATION, (a, b) -> a | b);
          default -> {}
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Names(words, Places.of(wn), true, true);
  }
}
