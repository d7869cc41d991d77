package dev.herald.nlp.ner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Unlabelled news text for the word classes and the usual-case dictionary only: the article bodies
 * of Reuters-21578 ({@code reut2-*.sgm}) and, by file extension, TimeML ({@code .tml}: the text of
 * the {@code TEXT} element), CAT/NAF token XML ({@code .xml}: {@code <token sentence=...>} or
 * {@code <wf sent=...>} elements), JSON ({@code .json}: every {@code articleBody} string) and plain
 * text ({@code .txt}, except README and LICENSE files), split and tokenized by Herald's own {@link
 * TextAnalyzer}. More text gives classes to words the labelled corpus never saw, which is where a
 * name finder trained on one newswire loses most on other text. No text of it is kept in the model,
 * only word lists.
 */
final class ClusterText {

  private ClusterText() {}

  private static final Pattern TML_TEXT = Pattern.compile("<TEXT>(.*?)</TEXT>", Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern XML_ENTITY = Pattern.compile("&(lt|gt|amp|quot|apos|#\\d+);");
  private static final Pattern TOKEN =
      Pattern.compile(
          "<(token|wf)\\b([^>]*)>([^<]*)</\\1>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern SENTENCE_ATTR = Pattern.compile("\\bsent(?:ence)?=\"(\\d+)\"");

  /**
   * Sentences of one source: a Reuters-21578 directory (it holds {@code reut2-*.sgm}) read as
   * {@link #reuters21578}; any other directory (recursively, files in path order) or file by
   * extension (see the class comment; other files are skipped). The same sentence in two files of
   * the source (MEANTIME and the SemEval-2015 timelines share Wikinews articles, each in two
   * layouts) is kept once.
   */
  static List<List<String>> read(Path source) throws IOException {
    return read(List.of(source));
  }

  /** As {@link #read(Path)} over several sources, a sentence repeated across them kept once. */
  static List<List<String>> read(List<Path> sources) throws IOException {
    List<List<String>> out = new ArrayList<>();
    java.util.Set<List<String>> seen = new java.util.HashSet<>();
    TextAnalyzer analyzer = null;
    for (Path source : sources) {
      if (Files.isDirectory(source) && hasReuters(source)) {
        // Reuters-21578 as before (the shipped classes were learnt from it this way).
        out.addAll(reuters21578(source));
        continue;
      }
      List<Path> files;
      if (Files.isDirectory(source)) {
        try (Stream<Path> s = Files.walk(source)) {
          files = s.filter(Files::isRegularFile).sorted().toList();
        }
      } else {
        files = List.of(source);
      }
      if (analyzer == null) {
        analyzer = TextAnalyzer.standard();
      }
      int sentences = 0;
      for (Path f : files) {
        for (String text : texts(f)) {
          for (TextAnalyzer.AnalyzedSentence s : analyzer.sentences(text)) {
            if (s.size() > 0) {
              sentences++;
              List<String> tokens = s.tokens(text);
              if (seen.add(tokens)) {
                out.add(tokens);
              }
            }
          }
        }
      }
      if (sentences == 0) {
        throw new IOException("no text (.tml, .xml, .json, .txt) in " + source);
      }
    }
    return out;
  }

  private static boolean hasReuters(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.anyMatch(p -> p.getFileName().toString().matches("reut2-\\d+\\.sgm"));
    }
  }

  /** The texts of one file, by extension; none for a file of another kind. */
  static List<String> texts(Path f) throws IOException {
    String name = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".tml")) {
      String xml = Files.readString(f, StandardCharsets.UTF_8);
      List<String> out = new ArrayList<>();
      Matcher m = TML_TEXT.matcher(xml);
      while (m.find()) {
        out.add(xmlUnescape(TAG.matcher(m.group(1)).replaceAll("")));
      }
      return out;
    }
    if (name.endsWith(".xml")) {
      return List.of(tokenXml(Files.readString(f, StandardCharsets.UTF_8)));
    }
    if (name.endsWith(".json")) {
      List<String> out = new ArrayList<>();
      collectBodies(new com.fasterxml.jackson.databind.ObjectMapper().readTree(f.toFile()), out);
      return out;
    }
    if (name.endsWith(".txt") && !name.startsWith("readme") && !name.startsWith("license")) {
      // A corpus's README or LICENSE is not its text.
      return List.of(Files.readString(f, StandardCharsets.UTF_8));
    }
    return List.of();
  }

  /**
   * CAT or NAF tokens as text: one line per sentence, tokens separated by spaces (a token-XML file
   * without such elements gives no text).
   */
  static String tokenXml(String xml) {
    StringBuilder sb = new StringBuilder();
    String sentence = null;
    Matcher m = TOKEN.matcher(xml);
    while (m.find()) {
      Matcher a = SENTENCE_ATTR.matcher(m.group(2));
      String sent = a.find() ? a.group(1) : "";
      if (sentence != null) {
        sb.append(sent.equals(sentence) ? " " : "\n");
      }
      sentence = sent;
      sb.append(xmlUnescape(m.group(3).strip()));
    }
    return sb.toString();
  }

  private static void collectBodies(com.fasterxml.jackson.databind.JsonNode n, List<String> out) {
    if (n.isObject()) {
      n.fields()
          .forEachRemaining(
              e -> {
                if (e.getKey().equals("articleBody") && e.getValue().isTextual()) {
                  out.add(e.getValue().asText());
                } else {
                  collectBodies(e.getValue(), out);
                }
              });
    } else if (n.isArray()) {
      n.forEach(c -> collectBodies(c, out));
    }
  }

  static String xmlUnescape(String s) {
    Matcher m = XML_ENTITY.matcher(s);
    StringBuilder sb = new StringBuilder(s.length());
    while (m.find()) {
      String e = m.group(1);
      String r =
          switch (e) {
            case "lt" -> "<";
            case "gt" -> ">";
            case "amp" -> "&";
            case "quot" -> "\"";
            case "apos" -> "'";
            default -> {
              int cp = Integer.parseInt(e.substring(1));
              yield Character.isValidCodePoint(cp) && !Character.isISOControl(cp)
                  ? new String(Character.toChars(cp))
                  : " ";
            }
          };
      m.appendReplacement(sb, Matcher.quoteReplacement(r));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static final Pattern BODY = Pattern.compile("<BODY>(.*?)</BODY>", Pattern.DOTALL);

  /** Sentences of every article body under {@code dir} (files in name order). */
  static List<List<String>> reuters21578(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files =
          s.filter(p -> p.getFileName().toString().matches("reut2-\\d+\\.sgm")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IOException("no reut2-*.sgm files in " + dir);
    }
    TextAnalyzer analyzer = TextAnalyzer.standard();
    List<List<String>> out = new ArrayList<>();
    for (Path f : files) {
      // The collection is ASCII with a few stray control bytes; Latin-1 reads every byte.
      String sgml = Files.readString(f, StandardCharsets.ISO_8859_1);
      Matcher m = BODY.matcher(sgml);
      while (m.find()) {
        String body = unescape(m.group(1));
        // Bodies end with the agency's sign-off ("Reuter"), not text.
        body = body.replaceFirst("\\s*Reuters?\\s*$", "");
        for (TextAnalyzer.AnalyzedSentence s : analyzer.sentences(body)) {
          if (s.size() > 0) {
            out.add(s.tokens(body));
          }
        }
      }
    }
    return out;
  }

  static String unescape(String s) {
    // Reuters-21578 uses &lt; &gt; &amp; and control characters (&#3; ends every body), which
    // xmlUnescape turns into spaces.
    return xmlUnescape(s);
  }
}
