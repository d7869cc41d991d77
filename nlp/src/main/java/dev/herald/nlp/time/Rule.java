package dev.herald.nlp.time;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One token-pattern rule read from {@code rules.tsv}.
 *
 * <p>Pattern syntax: elements separated by spaces. An element is one or more alternatives joined
 * by {@code |}; an alternative is a literal ({@code of}, {@code ,}), a lexicon class ({@code
 * @month}) or a number class ({@code #dd}). A {@code :slot} suffix stores what the element matched
 * under that slot name, a leading {@code ~} requires the token to touch the previous one (no
 * space), a trailing {@code ?} makes the element optional.
 *
 * @param name rule name, for debugging
 * @param order position in the rule file; earlier rules win ties
 * @param type TIMEX type, or null when the resolver decides
 * @param resolver how the captured slots become a value (see {@link Resolver})
 * @param elements the pattern
 * @param fixed slots the rule itself contributes (e.g. {@code mod=START})
 * @param guard optional extra context check (see {@link Resolver})
 */
record Rule(
    String name,
    int order,
    TimexType type,
    String resolver,
    Element[] elements,
    Map<String, String> fixed,
    String guard) {

  enum AtomKind {
    LITERAL,
    CLASS,
    NUMBER
  }

  /** One alternative of an element. */
  record Atom(AtomKind kind, String text) {}

  /** One pattern position. */
  record Element(Atom[] atoms, boolean optional, boolean glued, String slot) {}

  static Rule parse(int order, String[] cols) {
    if (cols.length < 4) {
      throw new IllegalStateException("rule needs name, type, resolver, pattern: " + cols[0]);
    }
    TimexType type = "-".equals(cols[1]) ? null : TimexType.valueOf(cols[1]);
    Map<String, String> fixed =
        Lexicon.parseSlots(cols.length > 4 && !"-".equals(cols[4]) ? cols[4] : "");
    String guard = cols.length > 5 && !"-".equals(cols[5]) ? cols[5] : null;
    return new Rule(cols[0], order, type, cols[2], parsePattern(cols[3]), Map.copyOf(fixed), guard);
  }

  static Element[] parsePattern(String pattern) {
    List<Element> els = new ArrayList<>();
    for (String raw : pattern.trim().split("\\s+")) {
      String s = raw;
      boolean glued = false;
      boolean optional = false;
      if (s.length() > 1 && s.startsWith("~")) {
        glued = true;
        s = s.substring(1);
      }
      if (s.length() > 1 && s.endsWith("?")) {
        optional = true;
        s = s.substring(0, s.length() - 1);
      }
      String slot = null;
      int colon = s.lastIndexOf(':');
      if (colon > 0 && colon < s.length() - 1) {
        slot = s.substring(colon + 1);
        s = s.substring(0, colon);
      }
      String[] alts = s.equals("|") ? new String[] {"|"} : s.split("\\|");
      Atom[] atoms = new Atom[alts.length];
      for (int i = 0; i < alts.length; i++) {
        String a = alts[i];
        if (a.length() > 1 && a.startsWith("@")) {
          atoms[i] = new Atom(AtomKind.CLASS, a.substring(1).intern());
        } else if (a.length() > 1 && a.startsWith("#")) {
          atoms[i] = new Atom(AtomKind.NUMBER, a.substring(1));
        } else {
          atoms[i] = new Atom(AtomKind.LITERAL, a);
        }
      }
      els.add(new Element(atoms, optional, glued, slot));
    }
    return els.toArray(new Element[0]);
  }
}
