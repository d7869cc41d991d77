package dev.herald.ingest.corpus;

import dev.herald.ingest.cli.ParsedFile;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The outcome of a corpus evaluation: counts and field accuracy per suite, and a table. */
public final class CorpusReport {

  /** A check that failed, for diagnosis. */
  public record Mismatch(String file, Field field, int item, Object expected, Object actual) {}

  /** Field accuracy: matched of checked. */
  public record Score(int matched, int checked) {
    public double ratio() {
      return checked == 0 ? Double.NaN : (double) matched / checked;
    }

    Score plus(Score o) {
      return new Score(matched + o.matched, checked + o.checked);
    }

    String cell() {
      return checked == 0
          ? "-"
          : String.format(Locale.ROOT, "%.1f%% (%d/%d)", 100.0 * ratio(), matched, checked);
    }
  }

  /** One suite's counts; filled by the evaluator. */
  public static final class Suite {
    private final String name;
    private int files;
    private int ok;
    private int errors;
    private int crashes;
    private long items;
    private final Map<String, Integer> errorKinds = new TreeMap<>();
    private final Map<Field, Score> scores = new EnumMap<>(Field.class);
    private final List<Mismatch> mismatches = new ArrayList<>();
    private final List<String> crashedFiles = new ArrayList<>();

    Suite(String name) {
      this.name = name;
      for (Field f : Field.values()) {
        scores.put(f, new Score(0, 0));
      }
    }

    void file(String file, ParsedFile parsed) {
      files++;
      if (parsed.ok()) {
        ok++;
        items += parsed.items().size();
      } else if (FeedCorpusEvaluator.isCrash(parsed)) {
        crashes++;
        crashedFiles.add(file + ": " + parsed.error());
      } else {
        errors++;
        errorKinds.merge(FeedCorpusEvaluator.kindOf(parsed.error()), 1, Integer::sum);
      }
    }

    void crash(String file, String what) {
      files++;
      crashes++;
      crashedFiles.add(file + ": " + what);
    }

    void check(String file, Check check, Object actual, boolean matched) {
      scores.merge(check.field(), new Score(matched ? 1 : 0, 1), Score::plus);
      if (!matched) {
        mismatches.add(new Mismatch(file, check.field(), check.item(), check.expected(), actual));
      }
    }

    public String name() {
      return name;
    }

    public int files() {
      return files;
    }

    public int ok() {
      return ok;
    }

    public int errors() {
      return errors;
    }

    public int crashes() {
      return crashes;
    }

    public long items() {
      return items;
    }

    public Map<String, Integer> errorKinds() {
      return Map.copyOf(errorKinds);
    }

    public Score score(Field field) {
      return scores.get(field);
    }

    public Score overall() {
      Score s = new Score(0, 0);
      for (Score x : scores.values()) {
        s = s.plus(x);
      }
      return s;
    }

    public List<Mismatch> mismatches() {
      return List.copyOf(mismatches);
    }

    public List<String> crashedFiles() {
      return List.copyOf(crashedFiles);
    }
  }

  private final List<Suite> suites;

  CorpusReport(List<Suite> suites) {
    this.suites = List.copyOf(suites);
  }

  public List<Suite> suites() {
    return suites;
  }

  public int crashes() {
    return suites.stream().mapToInt(Suite::crashes).sum();
  }

  /** Accuracy of one field over every suite. */
  public Score score(Field field) {
    Score s = new Score(0, 0);
    for (Suite suite : suites) {
      s = s.plus(suite.score(field));
    }
    return s;
  }

  /** Accuracy of every field over every suite. */
  public Score overall() {
    Score s = new Score(0, 0);
    for (Suite suite : suites) {
      s = s.plus(suite.overall());
    }
    return s;
  }

  /** A fixed-width table: one row per suite and a total row, then the error kinds per suite. */
  public String table() {
    String[] head = {
      "suite",
      "files",
      "ok",
      "error",
      "crash",
      "items",
      "feed title",
      "item title",
      "link",
      "date",
      "all fields"
    };
    List<String[]> rows = new ArrayList<>();
    int files = 0;
    int ok = 0;
    int errors = 0;
    int crashes = 0;
    long items = 0;
    for (Suite s : suites) {
      rows.add(row(s.name, s.files, s.ok, s.errors, s.crashes, s.items, s::score, s.overall()));
      files += s.files;
      ok += s.ok;
      errors += s.errors;
      crashes += s.crashes;
      items += s.items;
    }
    rows.add(row("TOTAL", files, ok, errors, crashes, items, this::score, overall()));
    int[] width = new int[head.length];
    for (int i = 0; i < head.length; i++) {
      width[i] = head[i].length();
      for (String[] r : rows) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    appendRow(out, head, width);
    StringBuilder rule = new StringBuilder();
    for (int w : width) {
      rule.append("-".repeat(w)).append("  ");
    }
    out.append(rule.toString().stripTrailing()).append('\n');
    for (String[] r : rows) {
      appendRow(out, r, width);
    }
    out.append('\n').append("error kinds:").append('\n');
    for (Suite s : suites) {
      if (!s.errorKinds.isEmpty()) {
        out.append("  ").append(s.name).append(": ").append(s.errorKinds).append('\n');
      }
    }
    return out.toString();
  }

  private interface Scores {
    Score of(Field f);
  }

  private static String[] row(
      String name, int files, int ok, int errors, int crashes, long items, Scores s, Score all) {
    return new String[] {
      name,
      String.valueOf(files),
      String.valueOf(ok),
      String.valueOf(errors),
      String.valueOf(crashes),
      String.valueOf(items),
      s.of(Field.FEED_TITLE).cell(),
      s.of(Field.ITEM_TITLE).cell(),
      s.of(Field.LINK).cell(),
      s.of(Field.DATE).cell(),
      all.cell()
    };
  }

  private static void appendRow(StringBuilder out, String[] cells, int[] width) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      String c = cells[i];
      boolean left = i == 0;
      String pad = " ".repeat(width[i] - c.length());
      line.append(left ? c + pad : pad + c).append("  ");
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }
}
