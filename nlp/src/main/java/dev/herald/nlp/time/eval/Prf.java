package dev.herald.nlp.time.eval;

/**
 * Precision, recall and F1 from counts.
 *
 * @param correct system items judged correct
 * @param system all system items
 * @param gold all gold items
 */
public record Prf(int correct, int system, int gold) {
  public double precision() {
    return system == 0 ? 0 : (double) correct / system;
  }

  public double recall() {
    return gold == 0 ? 0 : (double) correct / gold;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  Prf plus(Prf o) {
    return new Prf(correct + o.correct, system + o.system, gold + o.gold);
  }
}
