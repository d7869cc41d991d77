package dev.herald.nlp.ner;

import dev.herald.nlp.entity.EntityMention;
import dev.herald.nlp.entity.Gazetteer;
import dev.herald.nlp.entity.Names;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Canonical entity ids: readable slugs ("sergei-lavrov", "united-states"), the same for every
 * mention of one entity. Within a text, a surname alone takes the id of the full name, an acronym
 * the id of the name it abbreviates, and places their gazetteer slug; named events get an id from
 * their words regardless of order (places first, then the other words alphabetically, the event
 * noun last), so that "Syrian National Dialogue Congress" and "Congress of National Dialogue of
 * Syrians" agree. Across texts, an {@link EntityRegistry} remembers full names for later short
 * forms.
 */
final class EntityIds {

  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0]+");
  private static final Pattern SPACES_HYPHENS = Pattern.compile("[\\s\\u00A0-]+");

  private EntityIds() {}

  /** White space runs as single spaces, trimmed; the text itself when it has none to change. */
  static String singleSpaced(String text) {
    boolean plain =
        !text.isEmpty() && text.charAt(0) != ' ' && text.charAt(text.length() - 1) != ' ';
    for (int i = 0; plain && i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' '
          ? i > 0 && text.charAt(i - 1) == ' '
          : Character.isWhitespace(c) || c == '\u00A0') {
        plain = false;
      }
    }
    return plain ? text : SPACES.matcher(text).replaceAll(" ").trim();
  }

  /** The id of a mention taken alone. */
  static String baseId(String text, String type) {
    String t = singleSpaced(text);
    t = stripPossessive(t);
    switch (type) {
      case EntityMention.LOCATION -> {
        String place = Gazetteer.place(Words.lower(stripThe(t)));
        return place != null ? place : Names.slug(stripThe(t));
      }
      case EntityMention.ORGANIZATION -> {
        List<String> words = new ArrayList<>(List.of(stripThe(t).split(" ")));
        while (words.size() > 1
            && Names.CORPORATE_SUFFIXES.contains(
                Words.lower(words.get(words.size() - 1)).replace(",", ""))) {
          words.remove(words.size() - 1);
        }
        String s = Names.slug(String.join(" ", words));
        return s.isEmpty() ? Names.slug(t) : s;
      }
      case EntityMention.EVENT -> {
        return eventId(t);
      }
      default -> {
        return Names.slug(t);
      }
    }
  }

  /** Places first, then the other words alphabetically, then the event noun (singular). */
  static String eventId(String name) {
    String head = "";
    boolean compound = true;
    TreeSet<String> places = new TreeSet<>();
    TreeSet<String> others = new TreeSet<>();
    for (String w : SPACES.split(name)) {
      String bare = stripPossessive(Words.lower(w));
      if (bare.equals("of") || bare.equals("for") || bare.equals("on")) {
        compound = false;
        continue;
      }
      if ((compound || head.isEmpty()) && EventNames.HEADS.contains(bare)) {
        if (!head.isEmpty()) {
          others.add(singular(head));
        }
        head = bare;
        continue;
      }
      if (Names.STOP_WORDS.contains(bare) || bare.isEmpty()) {
        continue;
      }
      String place = Character.isUpperCase(w.charAt(0)) ? Gazetteer.place(bare) : null;
      if (place != null) {
        places.add(place);
      } else {
        String s = Names.slug(bare);
        if (!s.isEmpty()) {
          others.add(s);
        }
      }
    }
    List<String> parts = new ArrayList<>(places);
    parts.addAll(others);
    if (!head.isEmpty()) {
      parts.add(singular(head));
    }
    return parts.isEmpty() ? Names.slug(name) : String.join("-", parts);
  }

  static String singular(String w) {
    if (w.equals("talks")
        || w.equals("games")
        || w.equals("olympics")
        || w.equals("negotiations")) {
      return w;
    }
    if (w.endsWith("ses") && w.length() > 4) {
      return w.substring(0, w.length() - 2);
    }
    if (w.endsWith("es") && (w.endsWith("ches") || w.endsWith("shes"))) {
      return w.substring(0, w.length() - 2);
    }
    if (w.endsWith("s") && !w.endsWith("ss") && w.length() > 3) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }

  static String head(String eventName) {
    String head = "";
    for (String w : SPACES.split(eventName)) {
      String bare = Words.lower(w);
      if (bare.equals("of") || bare.equals("for") || bare.equals("on")) {
        break;
      }
      if (EventNames.HEADS.contains(bare)) {
        head = singular(bare);
      }
    }
    return head;
  }

  /**
   * Ids for one text's mentions (in text order): base ids, then surnames, acronyms and short forms
   * resolved within the text, then through the registry (which learns this text's full names).
   */
  static List<EntityMention> resolve(
      String text, List<EntityMention> mentions, EntityRegistry reg) {
    List<EntityMention> base = new ArrayList<>(mentions.size());
    for (EntityMention m : mentions) {
      if (m.type().equals("EVENT_REF")) {
        // "the congress": the id of the named event it refers to (carried in the id field).
        base.add(
            new EntityMention(m.start(), m.end(), m.text(), EntityMention.EVENT, eventId(m.id())));
      } else {
        base.add(
            new EntityMention(m.start(), m.end(), m.text(), m.type(), baseId(m.text(), m.type())));
      }
    }
    // Full names of people by surname; organisations by acronym.
    Map<String, String> surname = new HashMap<>();
    Map<String, String> firstName = new HashMap<>();
    Map<String, String> acronym = new HashMap<>();
    Map<String, String> acronymType = new HashMap<>();
    for (EntityMention m : base) {
      String[] parts = m.id().split("-");
      if (EntityMention.PERSON.equals(m.type()) && parts.length >= 2) {
        // Only when the first and last words as written are words: in "Michael Olsen@ENRON" (an
        // e-mail address the name finder ran into) "enron" is no surname, and every "Enron" of
        // the text became that person.
        String[] words = SPACES.split(singleSpaced(m.text()));
        String last = stripPossessive(words[words.length - 1]);
        if (words.length >= 2 && isNameWord(last) && !particleSurname(words)) {
          surname.merge(parts[parts.length - 1], m.id(), (a, b) -> a.equals(b) ? a : a);
        }
        if (words.length >= 2 && isNameWord(words[0])) {
          firstName.merge(parts[0], m.id(), (a, b) -> a.equals(b) ? a : "");
        }
      }
      if (EntityMention.ORGANIZATION.equals(m.type()) && parts.length >= 2) {
        StringBuilder ini = new StringBuilder();
        for (String w : SPACES_HYPHENS.split(m.text())) {
          if (!w.isEmpty()
              && Character.isUpperCase(w.charAt(0))
              && !Names.STOP_WORDS.contains(Words.lower(w))) {
            ini.append(Character.toLowerCase(w.charAt(0)));
          }
        }
        if (ini.length() >= 2 && !acronym.containsKey(ini.toString())) {
          acronym.put(ini.toString(), m.id());
          acronymType.put(ini.toString(), m.type());
        }
      }
      // "Organisation for the Prohibition of Chemical Weapons (OPCW)". Only an acronym of the
      // name: after a person or a team the brackets hold a country, a party or an age ("Jesper
      // Ronnback ( Sweden )"), which must keep its own type and id.
      int after = m.end();
      while (after < text.length() && text.charAt(after) == ' ') {
        after++;
      }
      if (after < text.length()
          && text.charAt(after) == '('
          && parts.length >= 2
          && !EntityMention.PERSON.equals(m.type())) {
        int close = text.indexOf(')', after);
        if (close > after + 1 && close - after <= 12) {
          String inside = text.substring(after + 1, close).strip();
          if (isAcronymOf(inside, m.text())) {
            acronym.put(Names.slug(inside), m.id());
            acronymType.put(Names.slug(inside), m.type());
          }
        }
      }
    }
    List<EntityMention> out = new ArrayList<>(base.size());
    for (EntityMention m : base) {
      String id = m.id();
      String type = m.type();
      boolean single = !id.contains("-");
      if (EntityMention.PERSON.equals(type)
          && particleSurname(SPACES.split(singleSpaced(m.text())))
          && surname.containsKey(id.substring(id.lastIndexOf('-') + 1))) {
        // "de Mistura" after "Staffan de Mistura": the surname with its particle.
        id = surname.get(id.substring(id.lastIndexOf('-') + 1));
      } else if (single && surname.containsKey(id) && !EntityMention.LOCATION.equals(type)) {
        id = surname.get(id);
        type = EntityMention.PERSON;
      } else if (single
          && EntityMention.PERSON.equals(type)
          && firstName.getOrDefault(id, "").length() > 0) {
        id = firstName.get(id);
      } else if (single
          && acronym.containsKey(id)
          && !EntityMention.PERSON.equals(type)
          && (!EntityMention.LOCATION.equals(type)
              || EntityMention.LOCATION.equals(acronymType.get(id)))) {
        // The short form takes the full name's id and type; a place keeps its own unless the
        // full name is a place too ("United Arab Emirates (UAE)").
        type = acronymType.get(id);
        id = acronym.get(id);
      } else if (single && reg != null && !EntityMention.EVENT.equals(type)) {
        String known = reg.lookup(type, id);
        if (known == null
            && !EntityMention.LOCATION.equals(type)
            && Places.standard().kinds(m.text()) == 0) {
          // A surname the model typed otherwise ("Lavrov" as ORGANIZATION) still names the person;
          // not a place's name: clubs named after their city ("Milan", "Bologna") were re-typed
          // PERSON by a surname learnt from another text.
          known = reg.lookup(EntityMention.PERSON, id);
          if (known != null) {
            type = EntityMention.PERSON;
          }
        }
        if (known != null) {
          id = known;
        }
      }
      out.add(new EntityMention(m.start(), m.end(), m.text(), type, id));
    }
    if (reg != null) {
      surname.forEach((s, full) -> reg.learn(EntityMention.PERSON, s, full));
      acronym.forEach(
          (a, full) -> reg.learn(acronymType.getOrDefault(a, EntityMention.ORGANIZATION), a, full));
    }
    return out;
  }

  /**
   * Is {@code inside} an acronym of {@code name}: two to eight characters, capitals (digits, "&",
   * "." and "-" allowed), at least two letters, the first of them the initial of one of the name's
   * capitalised words ("OPCW" for "Organisation for the Prohibition of Chemical Weapons").
   */
  static boolean isAcronymOf(String inside, String name) {
    String bare = inside.replace(".", "");
    if (bare.length() < 2 || bare.length() > 8) {
      return false;
    }
    int letters = 0;
    for (int i = 0; i < bare.length(); i++) {
      char c = bare.charAt(i);
      if (Character.isLetter(c)) {
        if (!Character.isUpperCase(c)) {
          return false;
        }
        letters++;
      } else if (!Character.isDigit(c) && c != '&' && c != '-') {
        return false;
      }
    }
    if (letters < 2) {
      return false;
    }
    char first = 0;
    for (int i = 0; i < bare.length() && first == 0; i++) {
      if (Character.isLetter(bare.charAt(i))) {
        first = bare.charAt(i);
      }
    }
    for (String w : SPACES_HYPHENS.split(name)) {
      if (!w.isEmpty() && Character.toUpperCase(w.charAt(0)) == first) {
        return true;
      }
    }
    return false;
  }

  /** Letters, with inner hyphens, apostrophes or full stops ("O'Neill", "Jean-Luc", "Jr."). */
  /** "de Mistura", "van der Leyen": lower-case particles, then one name word. */
  private static boolean particleSurname(String[] words) {
    if (words.length < 2) {
      return false;
    }
    for (int i = 0; i < words.length - 1; i++) {
      if (words[i].isEmpty() || !Character.isLowerCase(words[i].charAt(0))) {
        return false;
      }
    }
    String last = words[words.length - 1];
    return !last.isEmpty() && Character.isUpperCase(last.charAt(0));
  }

  private static boolean isNameWord(String w) {
    if (w.isEmpty() || !Character.isLetter(w.charAt(0))) {
      return false;
    }
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (!Character.isLetter(c) && c != '-' && c != '\'' && c != '\u2019' && c != '.') {
        return false;
      }
    }
    return true;
  }

  static String stripPossessive(String w) {
    if (w.endsWith("'s") || w.endsWith("\u2019s")) {
      return w.substring(0, w.length() - 2);
    }
    if (w.endsWith("'") || w.endsWith("\u2019")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }

  private static String stripThe(String t) {
    return t.toLowerCase(Locale.ROOT).startsWith("the ") ? t.substring(4) : t;
  }
}
