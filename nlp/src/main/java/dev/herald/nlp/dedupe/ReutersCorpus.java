package dev.herald.nlp.dedupe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Reuters-21578 SGML files (reut2-*.sgm): NEWID, DATE, TITLE, BODY and TOPICS. */
final class ReutersCorpus {

  /** One Reuters story; body as in the file (wrapped lines, indented paragraphs). */
  record Article(int newId, Instant date, String title, String body, List<String> topics) {

    /** Paragraphs of the body, each reflowed onto one line, without the "Reuter" sign-off. */
    List<String> paragraphs() {
      List<String> out = new ArrayList<>();
      for (String p : body.split("\\n(?=\\s{2,}\\S)")) {
        String flat = p.replaceAll("\\s+", " ").strip();
        if (!flat.isEmpty() && !flat.matches("(?i)reuters?\\W*")) {
          out.add(flat.replaceAll("(?i)\\s+reuters?\\W*$", ""));
        }
      }
      return out;
    }
  }

  private static final Pattern DOC =
      Pattern.compile("<REUTERS[^>]*NEWID=\"(\\d+)\"[^>]*>(.*?)</REUTERS>", Pattern.DOTALL);
  private static final Pattern DATE = Pattern.compile("<DATE>\\s*([^<]*?)\\s*</DATE>");
  private static final Pattern TITLE = Pattern.compile("<TITLE>(.*?)</TITLE>", Pattern.DOTALL);
  private static final Pattern BODY = Pattern.compile("<BODY>(.*?)</BODY>", Pattern.DOTALL);
  private static final Pattern TOPICS = Pattern.compile("<TOPICS>(.*?)</TOPICS>", Pattern.DOTALL);
  private static final Pattern D = Pattern.compile("<D>(.*?)</D>");
  private static final DateTimeFormatter REUTERS_DATE =
      DateTimeFormatter.ofPattern("d-MMM-yyyy HH:mm:ss", Locale.ENGLISH);

  private ReutersCorpus() {}

  /** Every article of every reut2-*.sgm file in {@code dir}, by NEWID. */
  static Map<Integer, Article> read(Path dir) throws IOException {
    Map<Integer, Article> out = new TreeMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "reut2-*.sgm")) {
      for (Path f : files) {
        String s = Files.readString(f, StandardCharsets.ISO_8859_1);
        Matcher m = DOC.matcher(s);
        while (m.find()) {
          int id = Integer.parseInt(m.group(1));
          String x = m.group(2);
          Instant date = parseDate(group(DATE, x));
          List<String> topics = new ArrayList<>();
          Matcher t = D.matcher(group(TOPICS, x));
          while (t.find()) {
            topics.add(t.group(1));
          }
          out.put(
              id,
              new Article(
                  id,
                  date,
                  unescape(group(TITLE, x)).strip(),
                  unescape(group(BODY, x)),
                  List.copyOf(topics)));
        }
      }
    }
    return out;
  }

  private static String group(Pattern p, String s) {
    Matcher m = p.matcher(s);
    return m.find() ? m.group(1) : "";
  }

  static Instant parseDate(String raw) {
    String s = raw.replaceAll("&#\\d+;.*$", "").strip();
    int dot = s.indexOf('.');
    if (dot > 0) {
      s = s.substring(0, dot);
    }
    String[] parts = s.split("-", 3);
    if (parts.length == 3 && parts[1].length() == 3) {
      String mon = parts[1].toLowerCase(Locale.ROOT);
      s = parts[0] + "-" + Character.toUpperCase(mon.charAt(0)) + mon.substring(1) + "-" + parts[2];
    }
    try {
      return LocalDateTime.parse(s.replaceAll("\\s+", " "), REUTERS_DATE).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }

  static String unescape(String s) {
    Matcher m = Pattern.compile("&#(\\d+);").matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      int cp = Integer.parseInt(m.group(1));
      m.appendReplacement(sb, cp < 32 ? "" : Matcher.quoteReplacement(Character.toString(cp)));
    }
    m.appendTail(sb);
    return sb.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }
}
