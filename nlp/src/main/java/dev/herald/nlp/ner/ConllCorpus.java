package dev.herald.nlp.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CoNLL-style NER files: one token a line with its tag in the last column, blank lines
 * between sentences, {@code -DOCSTART-} between documents. IOB1 and IOB2 tags both read right: a
 * {@code B-} tag, or an {@code I-} tag whose type differs from the previous token's, opens a name.
 * Lines starting with {@code #} (CoNLL-U comments) are skipped; in tab-separated files with a
 * numeric first column (Universal NER) the token is the second column. Other systems' outputs read
 * the same way (see {@link #normalizeTag}), so one scorer counts them all.
 */
public final class ConllCorpus {

  private ConllCorpus() {}

  /** A labelled sentence: tokens and the names in them as token spans. */
  public record Sentence(List<String> tokens, List<NameSpan> names) {}

  /** One document: sentences in order (a file without {@code -DOCSTART-} is one document). */
  public record Document(List<Sentence> sentences) {}

  public static List<Document> read(Path file) throws IOException {
    List<Document> docs = new ArrayList<>();
    List<Sentence> doc = new ArrayList<>();
    List<String> toks = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        String t = line.strip();
        if (t.startsWith("#") && line.contains(" = ")) {
          continue;
        }
        if (t.isEmpty()) {
          flush(toks, tags, doc);
          continue;
        }
        String[] cols = t.split("\\s+");
        if (cols[0].equals("-DOCSTART-")) {
          flush(toks, tags, doc);
          if (!doc.isEmpty()) {
            docs.add(new Document(List.copyOf(doc)));
            doc.clear();
          }
          continue;
        }
        boolean ud = line.indexOf('\t') > 0 && cols.length >= 3 && cols[0].matches("\\d+");
        toks.add(ud ? cols[1] : cols[0]);
        tags.add(normalizeTag(cols.length > 1 ? (ud ? cols[2] : cols[cols.length - 1]) : "O"));
      }
    }
    flush(toks, tags, doc);
    if (!doc.isEmpty()) {
      docs.add(new Document(List.copyOf(doc)));
    }
    return docs;
  }

  private static void flush(List<String> toks, List<String> tags, List<Sentence> doc) {
    if (toks.isEmpty()) {
      return;
    }
    doc.add(new Sentence(List.copyOf(toks), spans(tags)));
    toks.clear();
    tags.clear();
  }

  /**
   * A tag as the scorer reads it: Stanford's type names (PERSON, ORGANIZATION, LOCATION) become the
   * CoNLL ones, and a bare type (IO encoding, as Stanford's CoNLL model writes it) becomes an
   * inside tag, so that adjacent tokens of one type form one name. Prefixed tags and "O" are kept.
   */
  static String normalizeTag(String tag) {
    if (tag.equals("O")) {
      return tag;
    }
    boolean prefixed = tag.length() > 2 && tag.charAt(1) == '-';
    String type = prefixed ? tag.substring(2) : tag;
    String mapped =
        switch (type) {
          case "PERSON" -> "PER";
          case "ORGANIZATION" -> "ORG";
          case "LOCATION" -> "LOC";
          default -> type;
        };
    if (prefixed) {
      return type.equals(mapped) ? tag : tag.substring(0, 2) + mapped;
    }
    return "I-" + mapped;
  }

  /** Name spans of an IOB1/IOB2 tag sequence; types as written ("PER", "ORG", ...). */
  static List<NameSpan> spans(List<String> tags) {
    List<NameSpan> out = new ArrayList<>();
    int start = -1;
    String type = null;
    for (int i = 0; i <= tags.size(); i++) {
      String tag = i < tags.size() ? tags.get(i) : "O";
      String t = tag.length() > 2 && tag.charAt(1) == '-' ? tag.substring(2) : null;
      boolean begin = tag.startsWith("B-") || tag.startsWith("S-") || tag.startsWith("U-");
      boolean opens = t != null && (begin || !t.equals(type));
      if (type != null && (t == null || opens)) {
        out.add(new NameSpan(start, i, type));
        type = null;
      }
      if (opens) {
        start = i;
        type = t;
      }
    }
    return out;
  }
}
