package dev.herald.nlp.time.eval;

import dev.herald.nlp.time.Timex;
import dev.herald.nlp.time.TimexTagger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Scores a {@link TimexTagger} on TimeML corpora with the TempEval-3 definitions: strict span
 * (exact offsets), relaxed span (any overlap), and value (relaxed match whose value equals the gold
 * value); precision over system TIMEXes, recall over gold TIMEXes.
 *
 * <p>Under the corpus folder, every {@code .tml} file (TempEval-3 format) counts towards the corpus
 * named after its parent folder (TimeBank, AQUAINT, ...), and every {@code .xml} file on a path
 * containing "meantime" towards MEANTIME.
 */
public final class TimemlEvaluator {

  /**
   * Which documents of each corpus to score. The halves split every gold corpus by a hash of the
   * document's file name, fixed before any error was looked at: rules are tuned on TUNE errors
   * only, CHECK shows whether a change generalises.
   */
  public enum Half {
    ALL,
    TUNE,
    CHECK;

    /** Whether the document with this file name belongs to this half. */
    public boolean contains(String fileName) {
      if (this == ALL) {
        return true;
      }
      CRC32 crc = new CRC32();
      crc.update(fileName.getBytes(StandardCharsets.UTF_8));
      boolean tune = (crc.getValue() & 1L) == 0L;
      return tune == (this == TUNE);
    }
  }

  private final TimexTagger tagger;
  private final Half half;
  private final Appendable dump;
  // error lines of the corpus being scored: written only if the corpus has gold TIMEXes
  private final StringBuilder pending = new StringBuilder();

  public TimemlEvaluator(TimexTagger tagger) {
    this(tagger, Half.ALL, null);
  }

  /**
   * @param half the documents to score
   * @param dump where to write one tab-separated line per error (value wrong, spurious, missed), or
   *     null for none
   */
  public TimemlEvaluator(TimexTagger tagger, Half half, Appendable dump) {
    this.tagger = tagger;
    this.half = half;
    this.dump = dump;
  }

  public static TimemlEvaluator standard() {
    return new TimemlEvaluator(TimexTagger.standard());
  }

  /** Scores every corpus under {@code corpusDir}; an absent folder gives a skipped report. */
  public Report evaluate(Path corpusDir) {
    if (corpusDir == null || !Files.isDirectory(corpusDir)) {
      return new Report(List.of(), corpusDir + " not present: skipping TimeML evaluation");
    }
    Map<String, List<Path>> corpora = findCorpora(corpusDir);
    List<CorpusScore> scores = new ArrayList<>();
    for (Map.Entry<String, List<Path>> e : corpora.entrySet()) {
      CorpusScore score = score(e.getKey(), e.getValue());
      if (score.relaxed().gold() > 0) { // TimeML files without TIMEX annotation are not a test set
        scores.add(score);
        flushDump();
      }
      pending.setLength(0);
    }
    return new Report(scores, null);
  }

  /** Files grouped by corpus name, in sorted path order. */
  static Map<String, List<Path>> findCorpora(Path dir) {
    Map<String, List<Path>> byCorpus = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      files
          .filter(Files::isRegularFile)
          .sorted()
          .forEach(
              p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                String path = p.toString().toLowerCase(Locale.ROOT);
                if (name.endsWith(".tml")) {
                  Path parent = p.getParent();
                  String corpus = parent == null ? "timeml" : parent.getFileName().toString();
                  byCorpus.computeIfAbsent(corpus, k -> new ArrayList<>()).add(p);
                } else if (name.endsWith(".xml") && path.contains("meantime")) {
                  // The same articles appear under several annotation folders: score each once.
                  List<Path> l = byCorpus.computeIfAbsent("MEANTIME", k -> new ArrayList<>());
                  if (l.stream().noneMatch(q -> q.getFileName().equals(p.getFileName()))) {
                    l.add(p);
                  }
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return byCorpus;
  }

  /** Reads one file in whichever of the two formats its name says. */
  public static GoldDoc read(Path file) throws IOException {
    return file.getFileName().toString().endsWith(".tml")
        ? TimemlReader.read(file)
        : MeantimeReader.read(file);
  }

  private CorpusScore score(String corpus, List<Path> files) {
    Prf strict = new Prf(0, 0, 0);
    Prf relaxed = strict;
    Prf value = strict;
    Prf type = strict;
    int docs = 0;
    for (Path f : files) {
      if (!half.contains(f.getFileName().toString())) {
        continue;
      }
      GoldDoc doc;
      try {
        doc = read(f);
      } catch (IOException e) {
        continue; // not a TimeML document (e.g. a schema file): not part of the corpus
      }
      docs++;
      List<Timex> sys = scored(tagger.tag(doc.text(), doc.dct()), doc.annotatedEnd());
      DocScore d = compare(doc.gold(), sys);
      if (dump != null) {
        dumpErrors(corpus, f.getFileName().toString(), doc, sys);
      }
      strict = strict.plus(d.strict);
      relaxed = relaxed.plus(d.relaxed);
      value = value.plus(d.value);
      type = type.plus(d.type);
    }
    return new CorpusScore(corpus, docs, strict, relaxed, value, type);
  }

  /**
   * Writes {@code corpus, doc, kind, gold text, gold type, gold value, system text, system type,
   * system value, sentence} per error; kind is VALUE (overlap, other value), FP or FN.
   */
  private void dumpErrors(String corpus, String docName, GoldDoc doc, List<Timex> sys) {
    List<Timex> gold = doc.gold();
    int[] match = relaxedMatches(gold, sys);
    boolean[] used = new boolean[gold.size()];
    for (int i = 0; i < sys.size(); i++) {
      Timex s = sys.get(i);
      if (match[i] < 0) {
        line(corpus, docName, "FP", null, s, doc.text());
      } else {
        used[match[i]] = true;
        if (!gold.get(match[i]).value().equals(s.value())) {
          line(corpus, docName, "VALUE", gold.get(match[i]), s, doc.text());
        }
      }
    }
    for (int g = 0; g < gold.size(); g++) {
      if (!used[g]) {
        line(corpus, docName, "FN", gold.get(g), null, doc.text());
      }
    }
  }

  private void line(String corpus, String docName, String kind, Timex g, Timex s, String text) {
    Timex any = g != null ? g : s;
    int from = Math.max(0, any.start() - 100);
    int to = Math.min(text.length(), any.end() + 60);
    String context = text.substring(from, to).replaceAll("\\s+", " ");
    pending.append(
        String.join(
            "\t",
            corpus,
            docName,
            kind,
            g == null ? "" : g.text().replaceAll("\\s+", " "),
            g == null ? "" : g.type().name(),
            g == null ? "" : g.value(),
            s == null ? "" : s.text().replaceAll("\\s+", " "),
            s == null ? "" : s.type().name(),
            s == null ? "" : s.value(),
            context));
    pending.append('\n');
  }

  private void flushDump() {
    if (dump != null) {
      try {
        dump.append(pending);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The system TIMEXes inside the annotated part of a document. */
  public static List<Timex> scored(List<Timex> sys, int annotatedEnd) {
    List<Timex> out = new ArrayList<>(sys.size());
    for (Timex t : sys) {
      if (t.start() < annotatedEnd) {
        out.add(t);
      }
    }
    return out;
  }

  /** Per-document counts. */
  record DocScore(Prf strict, Prf relaxed, Prf value, Prf type) {}

  /**
   * For each system TIMEX, in order, the first gold TIMEX it overlaps that no earlier system TIMEX
   * took, or -1: the one-to-one relaxed matching that the scores and the error dump share.
   */
  static int[] relaxedMatches(List<Timex> gold, List<Timex> sys) {
    boolean[] used = new boolean[gold.size()];
    int[] match = new int[sys.size()];
    for (int i = 0; i < sys.size(); i++) {
      Timex s = sys.get(i);
      match[i] = -1;
      for (int g = 0; g < gold.size(); g++) {
        Timex t = gold.get(g);
        if (!used[g] && t.start() < s.end() && s.start() < t.end()) {
          used[g] = true;
          match[i] = g;
          break;
        }
      }
    }
    return match;
  }

  /** Matches system to gold TIMEXes one to one (first overlapping gold wins). */
  static DocScore compare(List<Timex> gold, List<Timex> sys) {
    boolean[] usedStrict = new boolean[gold.size()];
    int[] match = relaxedMatches(gold, sys);
    int strict = 0;
    int relaxed = 0;
    int value = 0;
    int type = 0;
    for (int i = 0; i < sys.size(); i++) {
      Timex s = sys.get(i);
      for (int g = 0; g < gold.size(); g++) {
        Timex t = gold.get(g);
        if (!usedStrict[g] && t.start() == s.start() && t.end() == s.end()) {
          usedStrict[g] = true;
          strict++;
          break;
        }
      }
      int best = match[i];
      if (best >= 0) {
        relaxed++;
        Timex t = gold.get(best);
        if (t.value().equals(s.value())) {
          value++;
        }
        if (t.type() == s.type()) {
          type++;
        }
      }
    }
    int ns = sys.size();
    int ng = gold.size();
    return new DocScore(
        new Prf(strict, ns, ng),
        new Prf(relaxed, ns, ng),
        new Prf(value, ns, ng),
        new Prf(type, ns, ng));
  }
}
