package dev.herald.app.bench;

import dev.herald.avro.RawArticle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Generates a realistic article stream for benchmarks from text Herald ships (the sample articles
 * and the tagger's bench paragraphs): originals are new stories written by a word-level Markov
 * chain over that text, with their own figures; a share of the stream are syndicated copies of
 * recent originals (byline, dateline, footer, new headline, trimmed end, moved paragraphs) under
 * another id and source. Deterministic for a seed; never reads the shared corpora.
 */
public final class BenchArticles {
  /** One word in this many is drawn from the whole vocabulary instead of the chain. */
  private static final int FRESH_WORD_ONE_IN = 2;

  private static final String NEWS_RESOURCE = "/dev/herald/nlp/time/bench/news.txt";
  private static final String[] SOURCES = {
    "Daily Courier", "Evening Post", "Wire Service", "Metro News", "The Ledger", "Business Desk",
    "Morning Star", "City Times", "Regional Herald", "World Report", "Capital Journal", "Observer"
  };
  private static final String[] BYLINES = {
    "Anna Weber", "John Larsen", "Maria Novak", "Ivan Rossi"
  };
  private static final String[] CITIES = {"LONDON", "MOSCOW", "PARIS", "GENEVA", "TOKYO", "CAIRO"};
  private static final String[] AGENCIES = {"Reuters", "AFP", "AP", "TASS"};

  /** When the first article arrives, and the gap between two arrivals. */
  public record Arrivals(Instant first, Duration gap) {}

  /** A generated stream: the articles in arrival order, and how many of them are copies. */
  public record Generated(List<RawArticle> articles, int copies) {}

  private final Map<String, List<String>> next = new HashMap<>();
  private final List<String> starters = new ArrayList<>();
  private final List<String> vocabulary = new ArrayList<>();
  private final Random rnd;

  private BenchArticles(List<String> paragraphs, long seed) {
    this.rnd = new Random(seed);
    for (String p : paragraphs) {
      String[] tokens = p.trim().split("\\s+");
      for (int i = 0; i < tokens.length; i++) {
        String t = tokens[i];
        vocabulary.add(t);
        if (i == 0 || endsSentence(tokens[i - 1])) {
          if (Character.isUpperCase(t.charAt(0))) {
            starters.add(t);
          }
        }
        if (i + 1 < tokens.length) {
          next.computeIfAbsent(t, k -> new ArrayList<>()).add(tokens[i + 1]);
        }
      }
    }
    if (starters.isEmpty()) {
      throw new IllegalArgumentException("no text to learn from");
    }
  }

  /** Paragraphs of every {@code *.txt} in {@code articlesDir} and of the tagger's bench text. */
  public static List<String> shippedParagraphs(Path articlesDir) throws IOException {
    List<String> out = new ArrayList<>();
    if (articlesDir != null && Files.isDirectory(articlesDir)) {
      try (Stream<Path> files = Files.list(articlesDir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
          out.addAll(paragraphs(Files.readString(f, StandardCharsets.UTF_8)));
        }
      }
    }
    try (InputStream in = BenchArticles.class.getResourceAsStream(NEWS_RESOURCE)) {
      if (in != null) {
        out.addAll(paragraphs(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
    }
    return out;
  }

  /** Lines of at least 60 characters: body paragraphs, not captions or page furniture. */
  private static List<String> paragraphs(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\\R")) {
      if (line.strip().length() >= 60) {
        out.add(line.strip());
      }
    }
    return out;
  }

  /**
   * {@code count} articles, about {@code copyShare} of them copies of one of the previous 500
   * originals, arriving as {@code arrivals} says.
   */
  public static Generated generate(
      List<String> paragraphs, int count, double copyShare, long seed, Arrivals arrivals) {
    BenchArticles g = new BenchArticles(paragraphs, seed);
    List<RawArticle> out = new ArrayList<>(count);
    List<RawArticle> originals = new ArrayList<>();
    int copies = 0;
    for (int i = 0; i < count; i++) {
      Instant at = arrivals.first().plus(arrivals.gap().multipliedBy(i));
      RawArticle a;
      if (!originals.isEmpty() && g.rnd.nextDouble() < copyShare) {
        RawArticle of = originals.get(Math.max(0, originals.size() - 1 - g.rnd.nextInt(500)));
        a = g.copy(of, at);
        copies++;
      } else {
        a = g.original(at);
        originals.add(a);
      }
      out.add(a);
    }
    return new Generated(out, copies);
  }

  private RawArticle original(Instant at) {
    String title = stripEnd(sentence(6, 14));
    int paragraphs = 4 + rnd.nextInt(6);
    List<String> body = new ArrayList<>();
    for (int p = 0; p < paragraphs; p++) {
      int sentences = 2 + rnd.nextInt(3);
      StringBuilder sb = new StringBuilder();
      for (int s = 0; s < sentences; s++) {
        sb.append(s == 0 ? "" : " ").append(sentence(10, 32));
      }
      body.add(sb.toString());
    }
    return article(title, String.join("\n\n", body), at);
  }

  private RawArticle copy(RawArticle of, Instant at) {
    List<String> p = new ArrayList<>(List.of(of.getText().split("\n\n")));
    String title = of.getTitle();
    if (rnd.nextDouble() < 0.4 && p.size() > 3) {
      p.remove(p.size() - 1); // trimmed end
    }
    if (rnd.nextDouble() < 0.2 && p.size() > 3) {
      Collections.swap(p, 1, 2); // moved paragraphs
    }
    if (rnd.nextDouble() < 0.5) {
      p.set(0, pick(CITIES) + ", Nov 14 (" + pick(AGENCIES) + ") - " + p.get(0));
    }
    if (rnd.nextDouble() < 0.5) {
      p.add(0, "By " + pick(BYLINES) + ", Staff Correspondent");
    }
    if (rnd.nextDouble() < 0.4) {
      p.add("(Reporting by " + pick(BYLINES) + "; Editing by " + pick(BYLINES) + ")");
    }
    if (rnd.nextDouble() < 0.4) {
      title = "UPDATE 1-" + title;
    }
    return article(title, String.join("\n\n", p), at);
  }

  private RawArticle article(String title, String text, Instant at) {
    byte[] idBytes = new byte[8];
    rnd.nextBytes(idBytes);
    String id = HexFormat.of().formatHex(idBytes);
    String source = pick(SOURCES);
    String url = "https://" + source.toLowerCase().replace(' ', '-') + ".example/" + id;
    return RawArticle.newBuilder()
        .setId(id)
        .setFeedUrl("https://" + source.toLowerCase().replace(' ', '-') + ".example/rss")
        .setSource(source)
        .setGuid(null)
        .setUrl(url)
        .setCanonicalUrl(url)
        .setTitle(title)
        .setText(text)
        .setLanguage("en")
        .setAuthor(null)
        .setPublishedAt(at.minus(Duration.ofMinutes(5)))
        .setPublishedOffset("+00:00")
        .setFetchedAt(at)
        .build();
  }

  /**
   * A sentence from the chain; every other word is drawn afresh so that unrelated stories do not
   * share word runs. A chain learnt from a few pages repeats its 5-word runs: with one word in six
   * drawn afresh, 3 of 4 generated stories shared an LSH band with an earlier one (15 candidates
   * per story to verify over 12 000 stories), where Reuters-21578 stories share one in 7 (0.4
   * candidates per story, its own copies and template reports included). One in two gives 0.6
   * candidates per story, copies included (ADR 6, Cost).
   */
  private String sentence(int minWords, int maxWords) {
    List<String> words = new ArrayList<>();
    String w = pick(starters);
    while (true) {
      words.add(figure(w));
      if (words.size() >= maxWords || (words.size() >= minWords && endsSentence(w))) {
        break;
      }
      List<String> options = next.get(w);
      w =
          options == null || rnd.nextInt(FRESH_WORD_ONE_IN) == 0
              ? vocabulary.get(rnd.nextInt(vocabulary.size()))
              : options.get(rnd.nextInt(options.size()));
    }
    String s = String.join(" ", words);
    return endsSentence(s) ? s : stripEnd(s) + ".";
  }

  /** Replaces the digits of a token by random ones: each story has its own figures. */
  private String figure(String token) {
    boolean digit = false;
    StringBuilder sb = new StringBuilder(token.length());
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (Character.isDigit(c)) {
        digit = true;
        sb.append((char) ('0' + rnd.nextInt(10)));
      } else {
        sb.append(c);
      }
    }
    return digit ? sb.toString() : token;
  }

  private static boolean endsSentence(String token) {
    char c = token.charAt(token.length() - 1);
    return c == '.' || c == '?' || c == '!';
  }

  private static String stripEnd(String s) {
    String t = s.strip();
    while (!t.isEmpty() && ".,;:?!".indexOf(t.charAt(t.length() - 1)) >= 0) {
      t = t.substring(0, t.length() - 1);
    }
    return t;
  }

  private String pick(String[] values) {
    return values[rnd.nextInt(values.length)];
  }

  private String pick(List<String> values) {
    return values.get(rnd.nextInt(values.size()));
  }
}
