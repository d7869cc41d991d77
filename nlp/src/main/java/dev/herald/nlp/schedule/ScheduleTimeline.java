package dev.herald.nlp.schedule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The cross-article schedule of one event: a pure, deterministic fold of claims into alerts.
 *
 * <p>{@link #apply} replays the stored claims with and without the new ones and emits the alerts
 * the new claims created or changed; the state keeps only claims (bounded) and the last alert id,
 * so a replay reproduces every alert. Rules (docs/adr/0003-schedule-change-rules.md):
 *
 * <ul>
 *   <li>A claim is compared with the latest earlier claim that gave a time (or with the old time
 *       its own sentence names).
 *   <li>A change sentence (postponed, moved, cancelled...) is a change unless it repeats the known
 *       time exactly.
 *   <li>A plain statement is a change only when its time does not overlap the known one (a time
 *       inside the known range, or around it, is a refinement); within one article only when the
 *       earlier time was stated as a former plan ("was expected ... in mid-November").
 *   <li>The alert id hashes event id, old and new time: the same change seen again updates the same
 *       alert; a move onward or back is a new alert that supersedes the last one.
 *   <li>Certainty is CONFIRMED when at least one supporting claim states the change or the new time
 *       without a hedge, POSSIBLE when every one hedges.
 * </ul>
 */
public final class ScheduleTimeline {

  /** Claims kept per event; the oldest are dropped first. */
  public static final int MAX_CLAIMS = 64;

  private static final int MAX_ALIASES = 20;

  private ScheduleTimeline() {}

  /**
   * Applies one article's claims (all about {@code prior.event().id()}, or {@code prior} null for a
   * new event) and returns the new state and the alerts to (re-)emit.
   */
  public static TimelineUpdate apply(EventState prior, List<TimelineClaim> newClaims) {
    List<TimelineClaim> old = prior == null ? List.of() : prior.claims();
    EventRef event = mergeEvent(prior == null ? null : prior.event(), newClaims);
    if (event == null) {
      return new TimelineUpdate(prior, List.of());
    }
    String stored = prior == null ? null : prior.lastAlertId();
    // Once old claims were dropped, the first replayed alert replaces the stored last one.
    boolean truncated = old.size() >= MAX_CLAIMS;
    Replay before = Replay.run(event, old, stored, truncated);
    List<TimelineClaim> all = new ArrayList<>(old);
    all.addAll(newClaims);
    Replay after = Replay.run(event, all, stored, truncated);
    List<Alert> emit = new ArrayList<>();
    for (Alert a : after.alerts.values()) {
      Alert was = before.alerts.get(a.alertId());
      if (was == null || changed(was, a)) {
        emit.add(a);
      }
    }
    List<TimelineClaim> kept =
        all.size() > MAX_CLAIMS ? all.subList(all.size() - MAX_CLAIMS, all.size()) : all;
    String lastAlertId =
        after.lastAlertId != null ? after.lastAlertId : prior == null ? null : prior.lastAlertId();
    return new TimelineUpdate(new EventState(event, kept, lastAlertId), emit);
  }

  /** Re-emit only when the alert says something new: certainty, sources or evidence grew. */
  private static boolean changed(Alert was, Alert now) {
    return was.certainty() != now.certainty()
        || was.sourceCount() != now.sourceCount()
        || was.evidence().size() != now.evidence().size();
  }

  private static EventRef mergeEvent(EventRef prior, List<TimelineClaim> claims) {
    String id = prior == null ? null : prior.id();
    String name = prior == null ? null : prior.name();
    Set<String> aliases = new LinkedHashSet<>(prior == null ? List.of() : prior.aliases());
    String location = prior == null ? null : prior.location();
    for (TimelineClaim tc : claims) {
      EventRef e = tc.claim().event();
      if (id == null) {
        id = e.id();
      }
      if (name == null) {
        name = e.name();
      } else if (!name.equalsIgnoreCase(e.name())) {
        aliases.add(e.name());
      }
      aliases.addAll(e.aliases());
      if (e.location() != null) {
        location = e.location();
      }
    }
    if (id == null) {
      return null;
    }
    final String finalName = name;
    List<String> a =
        aliases.stream().filter(s -> !s.equalsIgnoreCase(finalName)).limit(MAX_ALIASES).toList();
    return new EventRef(id, name, a, location);
  }

  /** One pass over an event's claims, building every alert they imply. */
  private static final class Replay {
    final Map<String, Alert> alerts = new LinkedHashMap<>();
    String lastAlertId;

    static Replay run(
        EventRef event, List<TimelineClaim> claims, String storedLastAlertId, boolean truncated) {
      Replay r = new Replay();
      Builder last = null;
      Map<String, Builder> builders = new LinkedHashMap<>();
      TimelineClaim known = null; // latest claim that gave a time
      for (int i = 0; i < claims.size(); i++) {
        TimelineClaim tc = claims.get(i);
        Claim c = tc.claim();
        When prev =
            c.previousWhen() != null
                ? c.previousWhen()
                : known == null ? null : known.claim().when();
        boolean change;
        boolean explicit = c.isChange();
        if (explicit) {
          change = !(c.when() != null && prev != null && sameTime(c.when(), prev));
        } else if (c.when() != null && prev != null) {
          Relation rel = relation(prev, c.when());
          boolean sameArticle = Objects.equals(known.articleId(), tc.articleId());
          change = rel == Relation.DISJOINT && (!sameArticle || known.claim().pastPlan());
        } else {
          change = false;
        }
        if (change) {
          When cur = c.status() == ClaimStatus.CANCELLED ? null : c.when();
          ChangeKind kind = kindOf(c, prev, cur);
          String id = alertId(event.id(), prev, cur, kind);
          Builder b = builders.get(id);
          if (b == null) {
            String supersedes = last != null ? last.id : truncated ? storedLastAlertId : null;
            b =
                new Builder(
                    id, prev, cur, kind, Objects.equals(supersedes, id) ? null : supersedes);
            builders.put(id, b);
          }
          if (c.previousWhen() == null && known != null) {
            b.add(known, false);
          }
          b.add(tc, true);
          b.explicit |= explicit;
          b.sameArticle |= known != null && Objects.equals(known.articleId(), tc.articleId());
          // Plain statements of the new time in the same article support it.
          if (cur != null) {
            for (int j = 0; j < i; j++) {
              TimelineClaim o = claims.get(j);
              if (Objects.equals(o.articleId(), tc.articleId())
                  && !o.claim().isChange()
                  && o.claim().when() != null
                  && within(o.claim().when(), cur)) {
                b.add(o, true);
              }
            }
          }
          last = b;
        } else if (last != null
            && last.current != null
            && c.when() != null
            && within(c.when(), last.current)
            && (c.certainty() == Certainty.CONFIRMED && last.certainty() == Certainty.POSSIBLE
                || explicit)) {
          last.add(tc, true); // a later claim confirms the new time
        }
        if (c.when() != null) {
          known = tc;
        }
      }
      for (Builder b : builders.values()) {
        r.alerts.put(b.id, b.build(event));
      }
      r.lastAlertId = last == null ? null : last.id;
      return r;
    }
  }

  /** Collects the evidence of one alert. */
  private static final class Builder {
    final String id;
    final When previous;
    final When current;
    final ChangeKind kind;
    final String supersedes;
    final List<TimelineClaim> evidence = new ArrayList<>();
    final List<TimelineClaim> support = new ArrayList<>();
    boolean explicit;
    boolean sameArticle;

    Builder(String id, When previous, When current, ChangeKind kind, String supersedes) {
      this.id = id;
      this.previous = previous;
      this.current = current;
      this.kind = kind;
      this.supersedes = supersedes;
    }

    void add(TimelineClaim tc, boolean supports) {
      for (TimelineClaim e : evidence) {
        if (Objects.equals(e.articleId(), tc.articleId())
            && Objects.equals(e.claim().sentence(), tc.claim().sentence())) {
          if (supports && !support.contains(e)) {
            support.add(e);
          }
          return;
        }
      }
      evidence.add(tc);
      if (supports) {
        support.add(tc);
      }
    }

    Certainty certainty() {
      for (TimelineClaim s : support) {
        if (s.claim().certainty() == Certainty.CONFIRMED) {
          return Certainty.CONFIRMED;
        }
      }
      return Certainty.POSSIBLE;
    }

    Alert build(EventRef event) {
      Certainty certainty = certainty();
      Set<String> sources = new LinkedHashSet<>();
      for (TimelineClaim e : evidence) {
        sources.add(e.source() == null ? "article:" + e.articleId() : e.source());
      }
      double confidence;
      if (explicit) {
        confidence = previous != null && current != null ? 0.9 : 0.8;
      } else {
        confidence = sameArticle ? 0.65 : 0.6;
      }
      if (certainty == Certainty.POSSIBLE) {
        confidence *= 0.7;
      }
      confidence += 0.04 * Math.min(3, sources.size() - 1);
      confidence += 0.02 * Math.min(3, support.size() - 1);
      confidence = Math.round(Math.min(0.99, confidence) * 100) / 100.0;
      List<TimelineClaim> ordered = new ArrayList<>(evidence);
      return new Alert(
          id,
          event,
          previous,
          current,
          kind,
          certainty,
          confidence,
          summary(event, previous, current, kind, certainty, sources.size()),
          ordered,
          sources.size(),
          supersedes);
    }
  }

  enum Relation {
    EQUAL,
    NESTED,
    OVERLAP,
    DISJOINT,
    UNKNOWN
  }

  static Relation relation(When a, When b) {
    Optional<TimeSpan> sa = TimeSpan.of(a);
    Optional<TimeSpan> sb = TimeSpan.of(b);
    if (sa.isEmpty() || sb.isEmpty()) {
      return Objects.equals(a.value(), b.value()) && Objects.equals(a.mod(), b.mod())
          ? Relation.EQUAL
          : Relation.UNKNOWN;
    }
    if (sa.get().equals(sb.get())) {
      return Relation.EQUAL;
    }
    if (sa.get().contains(sb.get()) || sb.get().contains(sa.get())) {
      return Relation.NESTED;
    }
    return sa.get().overlaps(sb.get()) ? Relation.OVERLAP : Relation.DISJOINT;
  }

  private static boolean sameTime(When a, When b) {
    return relation(a, b) == Relation.EQUAL;
  }

  /** True when {@code inner} says the same as {@code outer} or refines it. */
  private static boolean within(When inner, When outer) {
    Relation r = relation(inner, outer);
    if (r == Relation.EQUAL) {
      return true;
    }
    Optional<TimeSpan> i = TimeSpan.of(inner);
    Optional<TimeSpan> o = TimeSpan.of(outer);
    return r == Relation.NESTED && i.isPresent() && o.isPresent() && o.get().contains(i.get());
  }

  private static ChangeKind kindOf(Claim c, When prev, When cur) {
    if (c.status() == ClaimStatus.CANCELLED) {
      return ChangeKind.CANCELLED;
    }
    ChangeKind stated = c.kind() != null ? c.kind() : SentenceAnalyzer.kindOf(c.sentence());
    if (prev != null && cur != null) {
      return ArticleMerge.direction(prev, cur, stated == null ? ChangeKind.RESCHEDULED : stated);
    }
    if (stated != null) {
      return stated;
    }
    return cur == null ? ChangeKind.POSTPONED : ChangeKind.RESCHEDULED;
  }

  /** Deterministic: the same event, old and new time always give the same id. */
  static String alertId(String eventId, When prev, When cur, ChangeKind kind) {
    String key =
        eventId + "|" + timeKey(prev) + "|" + (cur == null ? "none:" + kind.name() : timeKey(cur));
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String timeKey(When w) {
    return w == null ? "?" : w.value() + (w.mod() == null ? "" : "~" + w.mod());
  }

  static String summary(
      EventRef event,
      When previous,
      When current,
      ChangeKind kind,
      Certainty certainty,
      int sources) {
    boolean possible = certainty == Certainty.POSSIBLE;
    String verb =
        switch (kind) {
          case POSTPONED -> possible ? "may be postponed" : "has been postponed";
          case ADVANCED -> possible ? "may be brought forward" : "has been brought forward";
          case RESCHEDULED -> possible ? "may be rescheduled" : "has been rescheduled";
          case CANCELLED -> possible ? "may be cancelled" : "has been cancelled";
        };
    StringBuilder sb = new StringBuilder(event.name());
    if (event.location() != null) {
      sb.append(" in ").append(event.location());
    }
    sb.append(' ').append(verb);
    if (previous != null) {
      sb.append(" from ").append(describe(previous));
    }
    if (current != null) {
      sb.append(" to ").append(describe(current));
    } else if (kind == ChangeKind.POSTPONED || kind == ChangeKind.RESCHEDULED) {
      sb.append(" with no new date given");
    }
    sb.append(" (")
        .append(sources)
        .append(sources == 1 ? " source" : " sources")
        .append(possible ? ", hedged wording" : "")
        .append(").");
    return sb.toString();
  }

  private static String describe(When w) {
    String v = w.value() + (w.mod() == null ? "" : " " + w.mod().toLowerCase(Locale.ROOT));
    return w.text() == null || w.text().isBlank() ? v : w.text() + " [" + v + "]";
  }
}
