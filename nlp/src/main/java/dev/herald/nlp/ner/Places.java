package dev.herald.nlp.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Gazetteer of countries, cities, first-level regions and demonyms (see {@code places-en.tsv} for
 * sources and licences), matched over token sequences longest first, case- and accent-blind. The
 * name finder uses the matches as features; the event rules use them to name places.
 */
public final class Places {

  public static final int COUNTRY = 1;
  public static final int CITY = 2;
  public static final int REGION = 4;
  public static final int DEMONYM = 8;

  static final int MAX_WORDS = 5;

  /**
   * Compiled once: {@code String.split("\\s+")} compiles its pattern on every call. Declared before
   * STANDARD, whose loading uses them.
   */
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private static final Places STANDARD = load();

  /** normalised name -> kinds (low 4 bits) | population bucket << 4 | country code << 8. */
  private final Map<String, Integer> names;

  /**
   * The names keyed by {@link #chain} hashes of their words, with the {@link #PREFIX} bit on proper
   * prefixes of longer names ("new", "new york"), where a match may go on: matching hashes each
   * token once and allocates nothing for ASCII text.
   */
  private final long[] keys;

  private final int[] values;

  private Places(Map<String, Integer> names) {
    this.names = names;
    Set<String> p = new HashSet<>();
    for (String n : names.keySet()) {
      int sp = n.indexOf(' ');
      while (sp > 0) {
        p.add(n.substring(0, sp));
        sp = n.indexOf(' ', sp + 1);
      }
    }
    int cap = Integer.highestOneBit((names.size() + p.size()) * 2) << 1;
    keys = new long[cap];
    values = new int[cap];
    for (String pre : p) {
      put(nameHash(pre), PREFIX);
    }
    for (Map.Entry<String, Integer> e : names.entrySet()) {
      put(nameHash(e.getKey()), e.getValue() | (p.contains(e.getKey()) ? PREFIX : 0));
    }
  }

  /** Bit marking a proper prefix of a longer name (values are otherwise below 1 << 24). */
  private static final int PREFIX = 1 << 30;

  private void put(long key, int value) {
    int mask = keys.length - 1;
    int slot = (int) (key ^ (key >>> 32)) & mask;
    while (values[slot] != 0 && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    values[slot] |= value;
  }

  private int get(long key) {
    int mask = keys.length - 1;
    int slot = (int) (key ^ (key >>> 32)) & mask;
    while (values[slot] != 0) {
      if (keys[slot] == key) {
        return values[slot];
      }
      slot = (slot + 1) & mask;
    }
    return 0;
  }

  /** The hash of a normalised name (words separated by single spaces). */
  private static long nameHash(String normalised) {
    long h = 0;
    int from = 0;
    while (true) {
      int sp = normalised.indexOf(' ', from);
      int to = sp < 0 ? normalised.length() : sp;
      h = chain(h, from == 0, Words.hash(normalised, from, to));
      if (sp < 0) {
        return h;
      }
      from = sp + 1;
    }
  }

  private static long chain(long h, boolean first, long word) {
    return first ? word : Words.mix(h * 0x9E3779B97F4A7C15L + word);
  }

  /**
   * The hash of a token's normalised form (as {@link #normalise}), without allocating for ASCII.
   */
  private static long wordHash(String w) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (c > 127) {
        return Words.hash(normalise(w));
      }
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + 32);
      }
      h ^= c;
      h *= 0x100000001b3L;
    }
    return Words.mix(h);
  }

  public static Places standard() {
    return STANDARD;
  }

  /**
   * A matcher over other names (normalised name -> kinds in the low 8 bits): {@link Names} matches
   * WordNet's person, place and organisation names with it.
   */
  static Places of(Map<String, Integer> names) {
    Map<String, Integer> normalised = new HashMap<>(names.size() * 2);
    for (Map.Entry<String, Integer> e : names.entrySet()) {
      normalised.merge(normaliseName(e.getKey()), e.getValue(), (a, b) -> a | b);
    }
    return new Places(normalised);
  }

  /**
   * Per token: the kinds of the longest name covering it (0 if none), with bit 16 set on the name's
   * first token, and the population bucket in bits 4-7.
   */
  int[] match(List<String> tokens) {
    int n = tokens.size();
    int[] out = new int[n];
    long[] norm = new long[n];
    boolean[] done = new boolean[n];
    int i = 0;
    while (i < n) {
      int bestLen = 0;
      int bestVal = 0;
      String first = tokens.get(i);
      // Names start with a capital letter (headline words are re-cased before matching).
      if (!first.isEmpty() && Character.isUpperCase(first.charAt(0))) {
        long key = 0;
        for (int k = i; k < Math.min(n, i + MAX_WORDS); k++) {
          if (tokens.get(k).isEmpty()) {
            break;
          }
          if (!done[k]) {
            norm[k] = wordHash(tokens.get(k));
            done[k] = true;
          }
          key = chain(key, k == i, norm[k]);
          int v = get(key);
          if ((v & ~PREFIX) != 0) {
            bestLen = k - i + 1;
            bestVal = v & ~PREFIX;
          }
          if ((v & PREFIX) == 0) {
            break;
          }
        }
      }
      if (bestLen == 0) {
        i++;
        continue;
      }
      for (int k = i; k < i + bestLen; k++) {
        out[k] = (bestVal & 0xff) | (k == i ? 1 << 16 : 0);
      }
      i += bestLen;
    }
    return out;
  }

  /** Kinds of a whole name ("Syria", "New York"), 0 when unknown. */
  public int kinds(String name) {
    Integer v = names.get(normaliseName(name));
    return v == null ? 0 : v & 0xf;
  }

  /** The ISO 3166 code of the country a place lies in (a country's own code), or null. */
  public String countryCode(String name) {
    Integer v = names.get(normaliseName(name));
    if (v == null || (v >>> 8) == 0) {
      return null;
    }
    int c = v >>> 8;
    return "" + (char) ('A' + (c / 26)) + (char) ('A' + (c % 26));
  }

  private static String normaliseName(String name) {
    String trimmed = name.trim();
    if (!hasSpace(trimmed)) {
      // One word (the usual query, a token): what splitting would give, without the split.
      return normalise(trimmed);
    }
    StringBuilder sb = new StringBuilder();
    for (String w : SPACES.split(trimmed)) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(normalise(w));
    }
    return sb.toString();
  }

  /** Does {@code s} hold a character of the regex class {@code \\s} ([ \\t\\n\\x0B\\f\\r])? */
  private static boolean hasSpace(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  static String normalise(String w) {
    boolean ascii = true;
    for (int i = 0; i < w.length(); i++) {
      if (w.charAt(i) > 127) {
        ascii = false;
        break;
      }
    }
    String s =
        ascii ? w : MARKS.matcher(Normalizer.normalize(w, Normalizer.Form.NFD)).replaceAll("");
    return s.toLowerCase(Locale.ROOT);
  }

  private static Places load() {
    Map<String, Integer> names = new HashMap<>(64_000);
    try {
      try (BufferedReader r = open("places-en.tsv")) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.isEmpty() || line.startsWith("#")) {
            continue;
          }
          String[] f = line.split("\t");
          int kind =
              switch (f[0]) {
                case "country" -> COUNTRY;
                case "city" -> CITY;
                default -> REGION;
              };
          int pop = f.length > 3 ? Math.min(15, Integer.parseInt(f[3])) : 0;
          int cc = f[2].length() == 2 ? (f[2].charAt(0) - 'A') * 26 + (f[2].charAt(1) - 'A') : 0;
          String key = normaliseName(f[1]);
          Integer old = names.get(key);
          int val = kind | pop << 4 | cc << 8;
          if (old != null) {
            // Keep the first entry's country and the larger population; add the kind.
            val = old | kind;
            if (((old >>> 4) & 0xf) < pop) {
              val = (val & ~0xf0) | pop << 4;
            }
          }
          names.put(key, val);
        }
      }
      try (BufferedReader r = open("demonyms-en.txt")) {
        String line;
        while ((line = r.readLine()) != null) {
          if (!line.isEmpty() && !line.startsWith("#")) {
            names.merge(normaliseName(line), DEMONYM, (a, b) -> a | b);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Places(names);
  }

  private static BufferedReader open(String name) {
    InputStream in = Places.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("missing resource " + name);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }
}
