package dev.herald.nlp.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Joins the halves of one change stated in two sentences of an article: "X rescheduled its annual
 * meeting to May 11. The meeting had previously been set for May 14." becomes one change May 14 to
 * May 11.
 */
final class ArticleMerge {

  private ArticleMerge() {}

  static List<Claim> merge(List<Claim> claims) {
    List<Claim> out = new ArrayList<>(claims);
    for (int i = 0; i < out.size(); i++) {
      Claim a = out.get(i);
      if (a.status() != ClaimStatus.CHANGED || a.previousWhen() != null) {
        continue;
      }
      for (int j = 0; j < out.size(); j++) {
        Claim b = out.get(j);
        if (j == i
            || !b.event().id().equals(a.event().id())
            || b.status() != ClaimStatus.CHANGED
            || b.when() != null
            || b.previousWhen() == null) {
          continue;
        }
        ChangeKind kind = a.kind();
        if (a.when() != null) {
          kind = direction(b.previousWhen(), a.when(), kind);
        }
        Claim merged =
            new Claim(
                a.event(),
                a.when(),
                b.previousWhen(),
                a.status(),
                a.certainty() == Certainty.POSSIBLE || b.certainty() == Certainty.POSSIBLE
                    ? Certainty.POSSIBLE
                    : Certainty.CONFIRMED,
                a.sentence(),
                a.sentenceStart(),
                a.sentenceEnd(),
                kind,
                a.cue(),
                false);
        out.set(i, merged);
        out.remove(j);
        if (j < i) {
          i--;
        }
        break;
      }
    }
    return out;
  }

  static ChangeKind direction(When old, When neu, ChangeKind fallback) {
    Optional<TimeSpan> o = TimeSpan.of(old);
    Optional<TimeSpan> n = TimeSpan.of(neu);
    if (o.isEmpty() || n.isEmpty()) {
      return fallback;
    }
    if (n.get().after(o.get())) {
      return ChangeKind.POSTPONED;
    }
    if (n.get().before(o.get())) {
      return ChangeKind.ADVANCED;
    }
    return ChangeKind.RESCHEDULED;
  }
}
