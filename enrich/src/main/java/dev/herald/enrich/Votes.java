package dev.herald.enrich;

import dev.herald.avro.DedupeVote;
import java.util.Comparator;

/**
 * Which of two verified matches wins: the earliest canonical (so a copy of a copy joins the first
 * article of the cluster), then the closer text. The same preference as {@code DedupeIndex}, with
 * arrival time in place of publication time.
 */
final class Votes {
  private static final Comparator<DedupeVote> PREFERRED =
      Comparator.comparing(DedupeVote::getCanonicalReceivedAt)
          .thenComparing(DedupeVote::getCanonicalId)
          .thenComparing(v -> -v.getContainment())
          .thenComparing(DedupeVote::getMatchedId);

  private Votes() {}

  /** The preferred of two votes; either may be null (no match). */
  static DedupeVote best(DedupeVote a, DedupeVote b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return PREFERRED.compare(a, b) <= 0 ? a : b;
  }
}
