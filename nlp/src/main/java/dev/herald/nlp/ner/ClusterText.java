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
 * Unlabelled news text for the word classes only: the article bodies of Reuters-21578 ({@code
 * reut2-*.sgm}), split and tokenized by Herald's own {@link TextAnalyzer}. More text gives classes
 * to words the labelled corpus never saw, which is where a name finder trained on one newswire
 * loses most on other text. No text of it is kept in the model, only the word-class list.
 */
final class ClusterText {

  private ClusterText() {}

  private static final Pattern BODY = Pattern.compile("<BODY>(.*?)</BODY>", Pattern.DOTALL);
  private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|#\\d+);");

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
    Matcher m = ENTITY.matcher(s);
    StringBuilder sb = new StringBuilder(s.length());
    while (m.find()) {
      String e = m.group(1);
      String r =
          switch (e) {
            case "lt" -> "<";
            case "gt" -> ">";
            case "amp" -> "&";
            // &#3; ends every body; other numeric references are control characters.
            default -> " ";
          };
      m.appendReplacement(sb, Matcher.quoteReplacement(r));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
