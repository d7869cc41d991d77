package dev.herald.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The extractor's word and pattern lists, kept as data in this package's resources. */
record Lexicon(
    Pattern boilerplateClass,
    Pattern contentClass,
    Pattern hiddenInlineClass,
    LineRules boilerplateText,
    LineRules creditLine,
    Pattern relatedHeading,
    Set<String> dateWords,
    Pattern errorTitle,
    List<String> consentPhrases,
    List<String> consentWords,
    List<String> paywallPhrases,
    Map<String, Set<String>> stopWords) {

  private static final Lexicon STANDARD = load();

  static Lexicon standard() {
    return STANDARD;
  }

  private static Lexicon load() {
    Map<String, Set<String>> stop = new LinkedHashMap<>();
    for (String line : lines("stopwords.tsv")) {
      String[] parts = line.split("\t", 2);
      if (parts.length == 2) {
        stop.put(parts[0].trim(), Set.of(parts[1].trim().split("\\s+")));
      }
    }
    return new Lexicon(
        classPattern(lines("boilerplate-classes.txt")),
        classPattern(lines("content-classes.txt")),
        classPattern(lines("hidden-inline-classes.txt")),
        LineRules.of(lines("boilerplate-text.txt"), "[\\s.:!…»›>|-]*"),
        LineRules.of(lines("credit-lines.txt"), "\\s*"),
        Pattern.compile(
            "(?:" + String.join("|", lines("related-headings.txt")) + ")[\\s.:!…»›>|-]*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
        Set.copyOf(Arrays.asList(String.join(" ", lines("date-words.txt")).split("\\s+"))),
        Pattern.compile(
            String.join("|", lines("error-page.txt")),
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
        lines("consent-wall.txt"),
        lines("consent-words.txt"),
        lines("paywall.txt"),
        Map.copyOf(stop));
  }

  /** Alternatives that must begin a word of the class/id string. */
  private static Pattern classPattern(List<String> alternatives) {
    return Pattern.compile("(?<![a-z])(?:" + String.join("|", alternatives) + ")");
  }

  private static List<String> lines(String resource) {
    List<String> out = new ArrayList<>();
    try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }

  /** Class and id of an element as matched by the class patterns: camelCase split, lower case. */
  static String classKey(String className, String id) {
    String s = (className + " " + id).strip();
    if (s.isEmpty()) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 8);
    char prev = ' ';
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isUpperCase(c) && Character.isLowerCase(prev)) {
        b.append('-');
      }
      b.append(Character.toLowerCase(c));
      prev = c;
    }
    return b.toString();
  }
}
