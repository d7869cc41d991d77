package dev.herald.nlp.schedule;

import dev.herald.nlp.entity.EntityMention;
import dev.herald.nlp.entity.Gazetteer;
import dev.herald.nlp.schedule.SentenceAnalyzer.RawClaim;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Gives the events of one article their canonical ids, names, aliases and place.
 *
 * <p>An event's id is a slug of its <em>bag of content words</em>: articles, prepositions and
 * corporate suffixes dropped, demonyms replaced by their place ("Syrians" and "Syrian" are {@code
 * syria}), plurals made singular, and the words ordered by a fixed rule (places first, then the
 * other words alphabetically, the head noun last). "Syrian National Dialogue Congress", "Syrian
 * Congress of National Dialogue" and "Congress of National Dialogue of Syrians" therefore share
 * {@code syria-dialogue-national-congress}. Within an article a shorter name whose bag is inside a
 * longer one with the same head ("the Syrian congress") joins it, and "it", "the event" or "the
 * congress" take the nearest event named before them (with the same head noun when there is one).
 */
final class EventResolver {
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0]+");

  private static final int MAX_ID_WORDS = 7;

  private EventResolver() {}

  /** Claims of one article with resolved events, in text order. */
  static List<Claim> resolve(List<RawClaim> raw, List<EntityMention> entities, String articleKey) {
    if (raw.isEmpty()) {
      return List.of();
    }
    // Mentions usable as antecedents: named event entities and the claims' own phrases.
    List<Mention> mentions = new ArrayList<>();
    int named = 0;
    for (EntityMention e : entities) {
      // Bounded: the pairwise merge below is quadratic in the number of mentions.
      // "the congress" tagged as a mention of the last named congress is no name of its own.
      if (EntityMention.EVENT.equals(e.type())
          && !e.text().isEmpty()
          && Character.isUpperCase(e.text().charAt(0))
          && named++ < 300) {
        EventPhrase p = fromEntity(e);
        if (p != null) {
          mentions.add(new Mention(p, -1));
        }
      }
    }
    for (int i = 0; i < raw.size(); i++) {
      mentions.add(new Mention(raw.get(i).event(), i));
    }
    mentions.sort(Comparator.comparingInt(m -> m.phrase.start()));

    // 1. Anaphors take the nearest earlier non-anaphoric mention (same head when given).
    Map<Mention, Mention> antecedent = new HashMap<>();
    for (int i = 0; i < mentions.size(); i++) {
      Mention m = mentions.get(i);
      if (!m.phrase.anaphor()) {
        continue;
      }
      for (int j = i - 1; j >= 0; j--) {
        Mention c = mentions.get(j);
        if (c.phrase.anaphor()) {
          continue;
        }
        String h = m.phrase.head();
        // "the offer" refers back to "its odd-lot tender offer program" too.
        if (h.isEmpty()
            || c.phrase.head().equals(h)
            || c.phrase.core().contains(Words.singular(dev.herald.nlp.entity.Names.slug(h)))) {
          antecedent.put(m, c);
          break;
        }
      }
    }
    // 2. Bags; a bag inside a bigger bag with the same head joins it.
    Map<Mention, Set<String>> bags = new LinkedHashMap<>();
    for (Mention m : mentions) {
      if (!m.phrase.anaphor()) {
        bags.put(m, bagOf(m.phrase));
      }
    }
    Map<Mention, Mention> rep = new HashMap<>();
    for (Mention m : bags.keySet()) {
      Mention best = m;
      for (Mention o : bags.keySet()) {
        if (o == m || !o.phrase.head().equals(m.phrase.head()) || m.phrase.head().isEmpty()) {
          continue;
        }
        Set<String> mb = bags.get(m);
        Set<String> ob = bags.get(o);
        if (ob.containsAll(mb) && ob.size() > bags.get(best).size()) {
          best = o;
        }
      }
      rep.put(m, best);
    }
    // 3. Ids, names, aliases, places per group.
    Map<String, Group> groups = new LinkedHashMap<>();
    Map<Integer, String> claimGroup = new HashMap<>();
    for (Mention m : mentions) {
      Mention target = m.phrase.anaphor() ? antecedent.get(m) : m;
      String id;
      Mention r = target == null ? null : rep.getOrDefault(target, target);
      if (r == null) {
        id = genericId(m.phrase, articleKey);
      } else if (isGeneric(r.phrase)) {
        id = genericId(r.phrase, articleKey);
      } else {
        id = slugOf(bags.get(r), r.phrase.head());
      }
      Group g = groups.computeIfAbsent(id, Group::new);

      if (!m.phrase.anaphor()) {
        g.names.add(displayName(m.phrase));
        if (m.phrase.named()) {
          g.namedForms.merge(m.phrase.written(), 1, Integer::sum);
        }
      }
      if (m.claimIndex >= 0) {
        claimGroup.put(m.claimIndex, id);
        String place = raw.get(m.claimIndex).location();
        if (place != null) {
          int rank = placeRank(place);
          if (rank >= g.placeRank) {
            g.placeRank = rank;
            g.place = place;
          }
        }
      }
    }
    List<Claim> out = new ArrayList<>(raw.size());
    Map<String, EventRef> refs = new HashMap<>();
    for (int i = 0; i < raw.size(); i++) {
      String id = claimGroup.get(i);
      EventRef ref = refs.computeIfAbsent(id, k -> groups.get(k).toRef());
      RawClaim c = raw.get(i);
      out.add(
          new Claim(
              ref,
              c.when() == null ? null : c.when().toWhen(),
              c.previous() == null ? null : c.previous().toWhen(),
              c.status(),
              c.certainty(),
              c.sentence().text(),
              c.sentence().start(),
              c.sentence().end(),
              c.kind(),
              c.cue(),
              c.pastPlan()));
    }
    return out;
  }

  private record Mention(EventPhrase phrase, int claimIndex) {}

  private static final class Group {
    final String id;
    final Map<String, Integer> namedForms = new LinkedHashMap<>();
    final Set<String> names = new LinkedHashSet<>();
    String place;
    int placeRank = -1;

    Group(String id) {
      this.id = id;
    }

    EventRef toRef() {
      // The name: the most frequent capitalised form; else the first description.
      String name = null;
      int best = 0;
      for (Map.Entry<String, Integer> e : namedForms.entrySet()) {
        if (e.getValue() > best) {
          best = e.getValue();
          name = e.getKey();
        }
      }
      if (name == null) {
        name = names.isEmpty() ? id.replace('-', ' ') : names.iterator().next();
      }
      List<String> aliases = new ArrayList<>();
      Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      seen.add(name);
      for (String n : namedForms.keySet()) {
        if (seen.add(n) && aliases.size() < 12) {
          aliases.add(n);
        }
      }
      for (String n : names) {
        if (seen.add(n) && aliases.size() < 12) {
          aliases.add(n);
        }
      }
      return new EventRef(id, name, aliases, place);
    }
  }

  /** The event id of a named event entity: the same slug its claims get. */
  static String eventIdOf(EntityMention e) {
    EventPhrase p = fromEntity(e);
    return p == null ? e.id() : slugOf(bagOf(p), p.head());
  }

  /** A named event entity as a phrase ("Syrian Congress of National Dialogue"). */
  private static EventPhrase fromEntity(EntityMention e) {
    List<String> core = new ArrayList<>();
    String head = "";
    boolean compound = true;
    for (dev.herald.nlp.text.Token t : dev.herald.nlp.text.Tokenizer.tokenize(e.text())) {
      String w = t.text();
      String bare = Words.stripPossessive(t.lower());
      if (bare.equals("of") || bare.equals("for") || bare.equals("on")) {
        compound = false;
      }
      // As for described events: the last event noun before "of" is the head.
      if ((compound || head.isEmpty())
          && dev.herald.nlp.entity.EntityRecognizer.EVENT_HEADS.contains(bare)) {
        head = bare;
      }
      if (dev.herald.nlp.entity.Names.STOP_WORDS.contains(bare)) {
        continue;
      }
      String n = Words.normalise(w);
      if (!n.isEmpty() && !core.contains(n)) {
        core.add(n);
      }
    }
    if (core.isEmpty()) {
      return null;
    }
    if (head.isEmpty()) {
      head = core.get(core.size() - 1);
    }
    // Names keep single plain spaces: copy often holds no-break spaces.
    String written = SPACES.matcher(e.text()).replaceAll(" ");
    return new EventPhrase(
        e.start(), e.end(), written, head, core, List.of(), "", false, true, false);
  }

  private static Set<String> bagOf(EventPhrase p) {
    Set<String> bag = new LinkedHashSet<>(p.core());
    bag.addAll(p.qualifiers());
    return bag;
  }

  private static boolean isGeneric(EventPhrase p) {
    return p.qualifiers().isEmpty()
        && p.core().size() <= 1
        && (p.head().isEmpty() || Cues.GENERIC_HEADS.contains(p.head()) || p.core().isEmpty());
  }

  /** An event named only by a common noun: scoped to its article so that no two merge. */
  private static String genericId(EventPhrase p, String articleKey) {
    String head = p.head().isEmpty() ? "event" : dev.herald.nlp.entity.Names.slug(p.head());
    return head + "-" + shortHash(articleKey);
  }

  /** Places first, then other words alphabetically, the head noun last. */
  static String slugOf(Set<String> bag, String head) {
    String headSlug = Words.singular(dev.herald.nlp.entity.Names.slug(head));
    TreeSet<String> places = new TreeSet<>();
    TreeSet<String> others = new TreeSet<>();
    boolean hasHead = false;
    for (String w : bag) {
      if (w.equals(headSlug) || w.equals(head)) {
        hasHead = true;
        continue;
      }
      if (Gazetteer.place(w.replace('-', ' ')) != null) {
        places.add(w);
      } else {
        others.add(w);
      }
    }
    List<String> parts = new ArrayList<>(places);
    parts.addAll(others);
    if (parts.size() > MAX_ID_WORDS - 1) {
      parts = parts.subList(0, MAX_ID_WORDS - 1);
    }
    if (hasHead || !headSlug.isEmpty()) {
      parts = new ArrayList<>(parts);
      parts.add(headSlug.isEmpty() ? head : headSlug);
    }
    return String.join("-", parts);
  }

  private static String displayName(EventPhrase p) {
    String w = p.written();
    if (p.qualifierText().isEmpty() || p.named()) {
      return w;
    }
    if (!w.isEmpty() && Character.isLowerCase(w.charAt(0)) && p.qualifiers().size() <= 3) {
      return p.qualifierText() + " " + w;
    }
    return w + " (" + p.qualifierText() + ")";
  }

  private static int placeRank(String place) {
    String slug = Gazetteer.place(place);
    return slug == null ? 1 : (Gazetteer.isCountry(slug) ? 0 : 2);
  }

  static String shortHash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
