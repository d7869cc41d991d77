package dev.herald.nlp.time.eval;

import java.util.List;
import java.util.Locale;

/**
 * Evaluation results, one row per corpus.
 *
 * @param corpora per-corpus scores, in the order found
 * @param note why nothing was scored (corpus folder absent), or null
 */
public record Report(List<CorpusScore> corpora, String note) {
  public Report {
    corpora = List.copyOf(corpora);
  }

  public boolean skipped() {
    return note != null;
  }

  /** A fixed-width table: strict and relaxed span P/R/F1, value F1 and type accuracy F1. */
  public String toTable() {
    if (skipped()) {
      return note + System.lineSeparator();
    }
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%-12s %5s %6s %6s | %-20s | %-20s | %-20s | %6s%n",
            "corpus",
            "docs",
            "gold",
            "system",
            "strict P / R / F1",
            "relaxed P / R / F1",
            "value P / R / F1",
            "typeF1"));
    for (CorpusScore c : corpora) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%-12s %5d %6d %6d | %s | %s | %s | %6.3f%n",
              c.corpus(),
              c.documents(),
              c.relaxed().gold(),
              c.relaxed().system(),
              prf(c.strict()),
              prf(c.relaxed()),
              prf(c.value()),
              c.type().f1()));
    }
    return sb.toString();
  }

  private static String prf(Prf p) {
    return String.format(Locale.ROOT, "%.3f %.3f %.3f", p.precision(), p.recall(), p.f1()) + "   ";
  }
}
