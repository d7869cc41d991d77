package dev.herald.nlp.ner;

import java.time.Month;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rules on the name finder's spans of one sentence that need its words as written: legal-form
 * suffixes, photo credits, name particles, wire datelines, titles before names and months alone;
 * and the typographic quotes the finder reads in ASCII. {@link EntityTagger} applies them in order.
 * Pure functions of the spans and the words.
 */
final class SpanRules {

  private SpanRules() {}

  /**
   * Typographic quotes, apostrophes and dashes as the training text writes them: the name finder
   * learnt from newswire with straight quotes and took a curly quote it never saw for part of a
   * name ("“Fargo", "” Steenburgen", "‘Look"). The tokens keep their offsets; only the forms the
   * finder reads change.
   */
  static List<String> asciiQuotes(List<String> tokens) {
    List<String> out = null;
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      String a = asciiQuotes(t);
      if (a != t && out == null) {
        out = new ArrayList<>(tokens);
      }
      if (out != null) {
        out.set(i, a);
      }
    }
    return out == null ? tokens : out;
  }

  private static String asciiQuotes(String t) {
    boolean typographic = false;
    for (int i = 0; i < t.length() && !typographic; i++) {
      char c = t.charAt(i);
      typographic = c >= '\u2010' && c <= '\u201f' || c == '\u00ab' || c == '\u00bb';
    }
    if (!typographic) {
      return t;
    }
    StringBuilder b = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      b.append(
          switch (c) {
            case '\u201c', '\u201d', '\u201e', '\u201f', '\u00ab', '\u00bb' -> '"';
            case '\u2018', '\u2019', '\u201a', '\u201b' -> '\'';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015' -> '-';
            default -> c;
          });
    }
    return b.toString();
  }

  /**
   * A legal-form suffix belongs to the company name before it: "Cargill" + "U.K. Ltd" is one
   * organisation, and so is "Cargill U.K." followed by an untagged "Ltd".
   */
  static List<NameSpan> companies(List<NameSpan> names, String[] forms) {
    if (names.isEmpty()) {
      return names;
    }
    List<NameSpan> out = new ArrayList<>(names.size());
    for (NameSpan n : names) {
      NameSpan m = n;
      if (m.end() < forms.length && isSuffix(forms[m.end()]) && !m.type().equals("PER")) {
        m = new NameSpan(m.start(), m.end() + 1, "ORG");
      }
      if (!out.isEmpty()) {
        NameSpan prev = out.get(out.size() - 1);
        if (prev.end() == m.start()
            && isSuffix(forms[m.end() - 1])
            && !prev.type().equals("PER")
            && !m.type().equals("PER")) {
          out.set(out.size() - 1, new NameSpan(prev.start(), m.end(), "ORG"));
          continue;
        }
      }
      out.add(m);
    }
    // "Cargill U.K. Ltd" with only "U.K. Ltd" found: the capitalised words before a legal form
    // are the company's name too.
    for (int k = 0; k < out.size(); k++) {
      NameSpan m = out.get(k);
      if (!m.type().equals("ORG") || !isSuffix(forms[m.end() - 1])) {
        continue;
      }
      int floor = k > 0 ? out.get(k - 1).end() : 0;
      int a = m.start();
      while (a > floor && isNameWord(forms[a - 1])) {
        a--;
      }
      if (a < m.start()) {
        out.set(k, new NameSpan(a, m.end(), "ORG"));
      }
    }
    return out;
  }

  /** Month names that name nothing else when alone ("May" does: Theresa May). */
  private static final Set<String> MONTHS =
      Arrays.stream(Month.values())
          .map(mo -> mo.name().toLowerCase(Locale.ROOT))
          .filter(mo -> !mo.equals("may"))
          .collect(Collectors.toUnmodifiableSet());

  /** A month alone is a date, never a name: "in March" was tagged a place. */
  static List<NameSpan> withoutMonths(List<NameSpan> names, String[] forms) {
    List<NameSpan> out = null;
    for (int k = 0; k < names.size(); k++) {
      NameSpan n = names.get(k);
      boolean month = n.end() - n.start() == 1 && MONTHS.contains(Words.lower(forms[n.start()]));
      if (month && out == null) {
        out = new ArrayList<>(names.subList(0, k));
      } else if (!month && out != null) {
        out.add(n);
      }
    }
    return out == null ? names : out;
  }

  /** Courtesy titles, as written without a full stop and lower-cased: only people carry them. */
  private static final Set<String> COURTESY_TITLES =
      Set.of("mr", "mrs", "ms", "mme", "messrs", "dr");

  /**
   * Titles of office and rank before a name, with their full stop only ("Sen. Cory Booker", "Gen.
   * Mark Milley"): without it "Gen" or "Rep" may start another name.
   */
  private static final Set<String> ABBREVIATED_TITLES =
      Set.of(
          "sen", "sens", "rep", "reps", "gov", "gen", "lt", "col", "sgt", "capt", "adm", "prof",
          "rev", "cmdr", "maj");

  /** A capitalised courtesy title, or (with {@code dot}) an abbreviated title of office. */
  private static boolean isTitle(String t, boolean dot) {
    return !t.isEmpty()
        && Character.isUpperCase(t.charAt(0))
        && (COURTESY_TITLES.contains(Words.lower(t))
            || dot && ABBREVIATED_TITLES.contains(Words.lower(t)));
  }

  /**
   * A name after a courtesy title or an abbreviated title of office is a person's, and the title is
   * not part of it: "Mr. Biden" untagged, "Mrs. Harris" typed MISC and "Ms. Yellen" typed ORG with
   * the title inside all become the person alone. The name is the run of capitalised words
   * (initials and particles inside) after the title; a name the finder found over it keeps its own
   * end.
   */
  static List<NameSpan> titledPersons(List<NameSpan> names, String[] forms) {
    List<NameSpan> out = null;
    for (int i = 0; i + 1 < forms.length; i++) {
      if (forms[i + 1].equals(".") && isTitle(forms[i], true)) {
        // The tokenizer split the title's full stop off ("Sens" "."): the title alone is no name.
        List<NameSpan> cur = out != null ? out : names;
        for (int k = 0; k < cur.size(); k++) {
          if (cur.get(k).start() == i && cur.get(k).end() == i + 1) {
            out = new ArrayList<>(cur);
            out.remove(k);
            break;
          }
        }
        cur = out != null ? out : names;
        for (int k = 0; k < cur.size(); k++) {
          if (cur.get(k).start() == i + 2 && cur.get(k).type().equals("PER")) {
            List<NameSpan> joined = joinedPerson(cur, k, forms);
            out = joined != cur ? joined : out;
          }
        }
        continue;
      }
      boolean dot = forms[i].endsWith(".");
      String t = dot ? forms[i].substring(0, forms[i].length() - 1) : forms[i];
      if (t.isEmpty()
          || !(COURTESY_TITLES.contains(Words.lower(t))
              || dot && ABBREVIATED_TITLES.contains(Words.lower(t)))
          || !Character.isUpperCase(t.charAt(0))
          || !isNameWord(forms[i + 1])
          || forms[i + 1].length() < 2
          || styleOrOffice(forms[i + 1])) {
        // "Mr Justice Anthony Mann", "Mr President": the word after the title is no name of its
        // own; the finder's names stand.
        continue;
      }
      List<NameSpan> cur = out != null ? out : names;
      if (!cur.isEmpty()) {
        // A title the finder took for a name of its own ("Sens." as ORG) is none.
        for (int k = 0; k < cur.size(); k++) {
          NameSpan n = cur.get(k);
          if (n.start() == i && n.end() == i + 1) {
            if (out == null) {
              out = new ArrayList<>(names);
            }
            out.remove(k);
            cur = out;
            break;
          }
        }
      }
      int at = 0; // the first span that ends after the title
      while (at < cur.size() && cur.get(at).end() <= i) {
        at++;
      }
      NameSpan over = at < cur.size() && cur.get(at).start() <= i + 1 ? cur.get(at) : null;
      if (over != null && over.start() == i + 1 && over.type().equals("PER")) {
        // Already the person, without the title.
        List<NameSpan> joined = joinedPerson(cur, at, forms);
        out = joined != cur ? joined : out;
        continue;
      }
      int end;
      boolean absorbed = false;
      if (over != null && over.end() > i + 1) {
        end = over.end();
      } else {
        end = i + 2;
        while (end < forms.length
            && (isNameWord(forms[end])
                || PARTICLES.contains(forms[end])
                    && end + 1 < forms.length
                    && isNameWord(forms[end + 1]))) {
          end++;
        }
        int next = over != null ? at + 1 : at;
        if (next < cur.size() && cur.get(next).start() < end) {
          if (cur.get(next).type().equals("PER")) {
            // The finder's person inside the run is the rest of this one ("Sens. Cory" + "Booker").
            end = Math.max(end, cur.get(next).end());
            absorbed = true;
          } else {
            end = cur.get(next).start(); // a name the run ran into keeps its place
          }
        }
      }
      if (out == null) {
        out = new ArrayList<>(names);
      }
      if (absorbed) {
        out.remove(over != null ? at + 1 : at);
      }
      if (over != null) {
        out.remove(at);
      }
      out.add(at, new NameSpan(i + 1, end, "PER"));
    }
    return out == null ? names : out;
  }

  /**
   * A name holds no bracket it does not close: the finder's "WASHINGTON (Reuters" is cut at the
   * bracket into "WASHINGTON" and "Reuters", each keeping the type, and "Corp )" loses the bracket.
   * A part that is only punctuation is dropped.
   */
  static List<NameSpan> bracketCuts(List<NameSpan> names, String[] forms) {
    return replaceEach(
        names,
        (n, out) -> {
          int cut = unclosedBracket(n, forms);
          if (cut < 0) {
            return false;
          }
          if (cut > n.start() && isNameWord(forms[n.start()])) {
            out.add(new NameSpan(n.start(), cut, n.type()));
          }
          if (cut + 1 < n.end() && isNameWord(forms[cut + 1])) {
            out.add(new NameSpan(cut + 1, n.end(), n.type()));
          }
          return true;
        });
  }

  /** What a rule makes of one span: false to keep it as it is, or true with its parts added. */
  private interface SpanRewrite {
    boolean rewrite(NameSpan n, List<NameSpan> out);
  }

  /** {@code names} with each span rewritten by {@code rule}; the list itself when none changes. */
  private static List<NameSpan> replaceEach(List<NameSpan> names, SpanRewrite rule) {
    List<NameSpan> out = null;
    List<NameSpan> parts = new ArrayList<>(2);
    for (int k = 0; k < names.size(); k++) {
      NameSpan n = names.get(k);
      parts.clear();
      if (!rule.rewrite(n, parts)) {
        if (out != null) {
          out.add(n);
        }
        continue;
      }
      if (out == null) {
        out = new ArrayList<>(names.subList(0, k));
      }
      out.addAll(parts);
    }
    return out == null ? names : out;
  }

  /** The first bracket of {@code n} without its partner inside the span, or -1. */
  private static int unclosedBracket(NameSpan n, String[] forms) {
    int open = -1;
    for (int i = n.start(); i < n.end(); i++) {
      if (forms[i].equals("(")) {
        if (open >= 0) {
          return open;
        }
        open = i;
      } else if (forms[i].equals(")")) {
        if (open < 0) {
          return i;
        }
        open = -1;
      }
    }
    return open;
  }

  /**
   * {@code names} with the person at {@code at} joined to the people right after it: after a title
   * the finder's "Cory" + "Booker" is one person. The list itself when there are none.
   */
  private static List<NameSpan> joinedPerson(List<NameSpan> names, int at, String[] forms) {
    NameSpan first = names.get(at);
    if (first.end() - first.start() == 1 && styleOrOffice(forms[first.start()])) {
      return names; // "Mr Justice" + "Anthony Mann": the office is no part of the name
    }
    int last = at;
    while (last + 1 < names.size()
        && names.get(last + 1).start() == names.get(last).end()
        && names.get(last + 1).type().equals("PER")) {
      last++;
    }
    if (last == at) {
      return names;
    }
    List<NameSpan> out = new ArrayList<>(names);
    int start = out.get(at).start();
    int end = out.get(last).end();
    out.subList(at, last + 1).clear();
    out.add(at, new NameSpan(start, end, "PER"));
    return out;
  }

  /**
   * An acronym WordNet knows only as an organisation ("OPEC", "NATO", "UNESCO": three or more
   * capitals, written so) is an organisation where the finder left it alone in a sentence of
   * ordinary case, away from other names. The finder's evidence for such a word is its word classes
   * and the case of the sentence; an acronym opening a short sentence ("OPEC now expects ...") has
   * little of either. Sentences in capitals (headlines, tables) are left to the finder.
   */
  static List<NameSpan> knownAcronyms(List<NameSpan> names, String[] forms) {
    int lower = 0;
    for (String w : forms) {
      if (!w.isEmpty() && Character.isLowerCase(w.charAt(0))) {
        lower++;
      }
    }
    if (lower < 3) {
      return names;
    }
    List<NameSpan> out = null;
    int k = 0; // the first span that ends after i
    for (int i = 0; i < forms.length; i++) {
      List<NameSpan> cur = out != null ? out : names;
      while (k < cur.size() && cur.get(k).end() <= i) {
        k++;
      }
      boolean free =
          (k == cur.size() || cur.get(k).start() > i + 1) && (k == 0 || cur.get(k - 1).end() < i);
      if (!free || !isAcronym(forms[i])) {
        continue;
      }
      if (Names.standard().wordnetKinds(forms[i]) != Names.ORGANIZATION) {
        continue;
      }
      if (out == null) {
        out = new ArrayList<>(names);
      }
      out.add(k, new NameSpan(i, i + 1, "ORG"));
    }
    return out == null ? names : out;
  }

  /**
   * A long form and the acronym that follows it in brackets ("General Motors (GM)", "United States
   * Air Force (USAF)") name one thing: where the finder typed one of the two and the other is
   * untagged or typed otherwise, both get the long form's type (or, the long form untagged, the
   * acronym's). The long form is the run of capitalised words just before the bracket whose
   * initials spell the acronym, small words between them aside. Where neither is typed ("Chief
   * Executive Officer (CEO)"), nothing changes.
   */
  static List<NameSpan> acronymDefinitions(List<NameSpan> names, String[] forms) {
    // Definitions found left to right (their stretches never overlap), applied in one pass at the
    // end: linear in the sentence's tokens and names, however many brackets a long line holds.
    List<NameSpan> defs = null;
    int k = 0; // the first name that ends after the current long form's start
    for (int i = 2; i + 2 < forms.length; i++) {
      if (!forms[i].equals("(") || !forms[i + 2].equals(")") || !isDefinedAcronym(forms[i + 1])) {
        continue;
      }
      int start = longFormStart(forms, i, forms[i + 1]);
      if (start < 0) {
        continue;
      }
      while (k < names.size() && names.get(k).end() <= start) {
        k++;
      }
      NameSpan longForm = null;
      NameSpan acronym = null;
      boolean crossing = false;
      for (int j = k; j < names.size() && names.get(j).start() < i + 3; j++) {
        NameSpan n = names.get(j);
        if (n.start() == start && n.end() == i) {
          longForm = n;
        } else if (n.start() == i + 1 && n.end() == i + 2) {
          acronym = n;
        } else {
          // a name inside the long form is the finder's part of it; one across its edges or
          // over the brackets is another reading, left alone
          crossing |= n.start() < start || n.end() > i;
        }
      }
      String type = longForm != null ? longForm.type() : acronym != null ? acronym.type() : null;
      boolean agree = longForm != null && acronym != null && acronym.type().equals(type);
      if (type == null || crossing || agree) {
        continue;
      }
      if (defs == null) {
        defs = new ArrayList<>();
      }
      defs.add(new NameSpan(start, i + 2, type)); // the long form, the bracket and the acronym
    }
    if (defs == null) {
      return names;
    }
    List<NameSpan> out = new ArrayList<>(names.size() + 2 * defs.size());
    int d = 0;
    for (NameSpan n : names) {
      while (d < defs.size() && defs.get(d).end() <= n.start()) {
        addDefinition(defs.get(d++), out);
      }
      boolean inside =
          d < defs.size() && n.start() >= defs.get(d).start() && n.end() <= defs.get(d).end();
      if (!inside) {
        out.add(n);
      }
    }
    while (d < defs.size()) {
      addDefinition(defs.get(d++), out);
    }
    return out;
  }

  /** The long form and the acronym of a definition's stretch (long form, bracket, acronym). */
  private static void addDefinition(NameSpan def, List<NameSpan> out) {
    out.add(new NameSpan(def.start(), def.end() - 2, def.type()));
    out.add(new NameSpan(def.end() - 1, def.end(), def.type()));
  }

  /**
   * Two to eight capitals, or capitals with inner lower-case letters ("BoE"): a bracketed acronym.
   */
  private static boolean isDefinedAcronym(String w) {
    if (w.length() < 2 || w.length() > 8 || !Character.isUpperCase(w.charAt(0))) {
      return false;
    }
    int caps = 0;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        caps++;
      } else if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return caps >= 2;
  }

  /**
   * The first token of the long form ending before {@code bracket} whose capitalised words'
   * initials spell the acronym's capitals, or -1. At least two words; the words that join a name
   * ({@link NameRepairs#CONNECTORS}) between them are skipped.
   */
  private static int longFormStart(String[] forms, int bracket, String acronym) {
    StringBuilder caps = new StringBuilder();
    for (int i = 0; i < acronym.length(); i++) {
      if (Character.isUpperCase(acronym.charAt(i))) {
        caps.append(acronym.charAt(i));
      }
    }
    int p = caps.length() - 1;
    int j = bracket - 1;
    int start = -1;
    int gaps = 0;
    while (j >= 0 && p >= 0) {
      String w = forms[j];
      if (!w.isEmpty() && Character.isUpperCase(w.charAt(0)) && w.charAt(0) == caps.charAt(p)) {
        start = j;
        p--;
      } else if (!NameRepairs.CONNECTORS.contains(w) || start < 0 || ++gaps > 3) {
        return -1;
      }
      j--;
    }
    return p < 0 && bracket - start >= 2 ? start : -1;
  }

  private static boolean isAcronym(String w) {
    if (w.length() < 3) {
      return false;
    }
    for (int i = 0; i < w.length(); i++) {
      if (w.charAt(i) < 'A' || w.charAt(i) > 'Z') {
        return false;
      }
    }
    return true;
  }

  /** Styles and judicial offices that stand between a courtesy title and a name. */
  private static final Set<String> STYLES =
      Set.of("justice", "judge", "sir", "lord", "lady", "dame");

  /** A style ("Justice", "Sir") or an office ("President"), which is no name of its own. */
  private static boolean styleOrOffice(String w) {
    String l = Words.lower(w);
    return STYLES.contains(l) || OFFICES.contains(l);
  }

  private static final Set<String> DASHES = Set.of("-", "--", "\u2013", "\u2014");

  /** Tokens a dateline's place may be followed by before the agency: "MOSCOW, Nov 14 (Reuters)". */
  private static final int DATELINE_TOKENS = 8;

  /**
   * A wire dateline names where the story was filed: in "WASHINGTON (Reuters) -" and "KYIV, Ukraine
   * (AP) -" every name before the bracketed agency is a place, whatever type the name finder gave
   * the capitals. A name is re-typed only when the sentence opens with the dateline: names, commas,
   * slashes and date words, then "(", an agency, ")".
   */
  static List<NameSpan> datelinePlaces(List<NameSpan> names, String[] forms) {
    if (names.isEmpty() || names.get(0).start() != 0) {
      return names;
    }
    int end = -1;
    boolean agency = false;
    for (int i = 1; i < Math.min(forms.length, DATELINE_TOKENS + 1); i++) {
      String w = forms[i];
      if (w.equals("(")) {
        agency =
            i + 2 < forms.length
                && AGENCIES.contains(Words.lower(forms[i + 1]))
                && forms[i + 2].equals(")");
        if (!agency) {
          return names; // "BUFFALO 1 Anaheim 1 (OT)": a bracket, but no agency in it
        }
        end = i;
        break;
      }
      if (DASHES.contains(w)) {
        end = i;
        break;
      }
      boolean dateWord = Character.isDigit(w.charAt(0)) || Character.isUpperCase(w.charAt(0));
      if (!dateWord && !w.equals(",") && !w.equals("/") && !w.equals(".")) {
        return names;
      }
    }
    if (end < 0 || !agency && !Words.isAllCaps(forms[0])) {
      return names;
    }
    List<NameSpan> out = new ArrayList<>(names.size());
    for (NameSpan n : names) {
      // Without an agency ("WASHINGTON — NASA said"), only names the gazetteer knows as places.
      boolean place =
          n.end() <= end
              && (agency
                  || Places.standard()
                          .kinds(String.join(" ", Arrays.asList(forms).subList(n.start(), n.end())))
                      != 0);
      if (agency && n.start() == end + 1 && n.end() == end + 2) {
        continue; // the agency, typed below
      }
      out.add(place && !n.type().equals("LOC") ? new NameSpan(n.start(), n.end(), "LOC") : n);
    }
    if (agency) {
      // The bracketed agency is an organisation, whatever the finder made of it.
      int at = 0;
      while (at < out.size() && out.get(at).start() < end + 1) {
        at++;
      }
      if (at == out.size() || out.get(at).start() > end + 1) {
        out.add(at, new NameSpan(end + 1, end + 2, "ORG"));
      }
    }
    return out;
  }

  /** Particles inside a person's name, as written (lower case). */
  private static final Set<String> PARTICLES =
      Set.of(
          "de", "da", "di", "du", "do", "dos", "das", "del", "della", "van", "von", "der", "den",
          "ter", "ten", "zu", "bin", "ibn", "al", "el", "le", "la");

  /**
   * A person found after a lower-case particle ("de Mistura", "bin Salman") takes the capitalised
   * word before the particle as the first name it is: "UN Special Envoy for Syria Staffan" (ORG) +
   * "Mistura" (PER) becomes "UN Special Envoy for Syria" + "Staffan de Mistura", and a person cut
   * at the particle ("Luiz Inacio Lula" + "Silva") is one again. A word usually written lower case
   * ("Envoy de Mistura") or a word of capitals ("UN") is no first name; a one-word name of another
   * type after the particle counts only when it is no place ({@link #ranIntoSurname}).
   */
  static List<NameSpan> particleNames(List<NameSpan> names, String[] forms, Truecaser usual) {
    List<NameSpan> out = null;
    for (int k = 0; k < names.size(); k++) {
      NameSpan p = names.get(k);
      int q = p.start();
      while (q > 0 && p.start() - q < 2 && PARTICLES.contains(forms[q - 1])) {
        q--;
      }
      int w = q - 1;
      if (q == p.start()
          || w < 0
          || !firstNameLike(forms[w], usual)
          || !p.type().equals("PER") && !ranIntoSurname(p, forms, out, names, k, w)) {
        if (out != null) {
          out.add(p);
        }
        continue;
      }
      if (out == null) {
        out = new ArrayList<>(names.subList(0, k));
      }
      NameSpan before = out.isEmpty() ? null : out.get(out.size() - 1);
      int start = w;
      if (before != null && before.end() == w + 1) {
        out.remove(out.size() - 1);
        if (before.type().equals("PER")) {
          start = before.start();
        } else if (before.start() < w) {
          out.add(new NameSpan(before.start(), w, before.type()));
        }
      } else if (before != null && before.end() > w) {
        out.add(p); // the word before the particle ends no name of its own: leave both alone
        continue;
      }
      out.add(new NameSpan(start, p.end(), "PER"));
    }
    return out == null ? names : out;
  }

  /**
   * A one-word name typed otherwise after a particle is the surname when the word before the
   * particle closes a longer non-person name, which ran into it ("UN Special Envoy for Syria
   * Staffan" + "de" + "Mistura"): a place after the particle ("Banco Central de Chile") is not.
   */
  private static boolean ranIntoSurname(
      NameSpan p, String[] forms, List<NameSpan> out, List<NameSpan> names, int k, int w) {
    if (p.end() - p.start() != 1 || Places.standard().kinds(forms[p.start()]) != 0) {
      return false;
    }
    List<NameSpan> done = out != null ? out : names.subList(0, k);
    if (done.isEmpty()) {
      return false;
    }
    NameSpan before = done.get(done.size() - 1);
    return before.end() == w + 1 && before.start() < w && !before.type().equals("PER");
  }

  private static boolean firstNameLike(String w, Truecaser usual) {
    return w.length() > 1
        && Character.isUpperCase(w.charAt(0))
        && Character.isLowerCase(w.charAt(w.length() - 1))
        && w.chars().allMatch(c -> Character.isLetter(c) || c == '-')
        && usual.usualCase(Words.lower(w)) != 1;
  }

  /** Words of office that stand between an organisation and its officer ("Apple CEO Tim Cook"). */
  private static final Set<String> OFFICES =
      Set.of(
          "ceo",
          "cfo",
          "coo",
          "cto",
          "chairman",
          "chairwoman",
          "chair",
          "chief",
          "president",
          "director",
          "secretary",
          "spokesman",
          "spokeswoman",
          "spokesperson",
          "minister",
          "executive",
          "officer",
          "founder",
          "co-founder",
          "cofounder",
          "head",
          "governor",
          "commissioner",
          "ambassador",
          "envoy",
          "leader",
          "manager",
          "coach",
          "editor",
          "treasurer",
          "general",
          "admiral",
          "colonel",
          "captain",
          "commander");

  /**
   * A name the finder ran from an organisation or a title into the person holding the office
   * ("Apple Computer CEO Steve Jobs", "CEO Steve Jobs" as one organisation) is cut there: the words
   * before the office stay the organisation, the office is no name, and the person is the known
   * given name after the office and the one or two capitalised words after it, to the name's end.
   */
  static List<NameSpan> officeHolders(List<NameSpan> names, String[] forms) {
    return replaceEach(
        names,
        (n, out) -> {
          int j = n.type().equals("PER") ? -1 : personAfterOffice(n, forms);
          if (j < 0) {
            return false;
          }
          // The office starts at its first office word: "Boeing Chief Financial Officer".
          int org = n.start();
          while (org < j - 1 && !OFFICES.contains(Words.lower(forms[org]))) {
            org++;
          }
          if (org > n.start()) {
            out.add(new NameSpan(n.start(), org, n.type()));
          }
          out.add(new NameSpan(j, n.end(), "PER"));
          return true;
        });
  }

  /**
   * Where the person starts in a name that runs from an office into its holder: the known given
   * name right after an office word, followed by one or two capitalised words to the name's end; -1
   * if none.
   */
  private static int personAfterOffice(NameSpan n, String[] forms) {
    for (int j = n.start() + 1; j + 1 < n.end(); j++) {
      if (OFFICES.contains(Words.lower(forms[j - 1]))
          && n.end() - j <= 3
          && (Names.standard().wordBits(Words.lower(forms[j])) & Names.GIVEN) != 0
          && allNameWords(forms, j, n.end())) {
        return j;
      }
    }
    return -1;
  }

  private static boolean allNameWords(String[] forms, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isNameWord(forms[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNameWord(String w) {
    return !w.isEmpty()
        && Character.isUpperCase(w.charAt(0))
        && Words.hasLetter(w)
        && !dev.herald.nlp.entity.Names.STOP_WORDS.contains(Words.lower(w));
  }

  private static final Set<String> AGENCIES =
      Set.of(
          "reuters",
          "ap",
          "afp",
          "epa",
          "getty",
          "tass",
          "sputnik",
          "ria",
          "xinhua",
          "anadolu",
          "efe",
          "ansa",
          "dpa",
          "upi",
          "pa",
          "bloomberg");

  /** Words of a photo credit's tail ("REUTERS/Jane Doe/File Photo", ".../Pool"): no names. */
  private static final Set<String> CREDIT_WORDS = Set.of("file", "photo", "pool", "handout");

  /**
   * A photo credit ("REUTERS/Maxim Shemetov") is two names: the name finder may join them over the
   * slash, so a name is cut at a slash token; after an agency the photographer is a person. A
   * credit's tail after a slash ("File Photo", "Pool") names nobody and is dropped.
   */
  static List<NameSpan> credits(List<NameSpan> names, String[] forms) {
    List<NameSpan> cut = cutCredits(names, forms);
    List<NameSpan> out = null;
    for (int k = 0; k < cut.size(); k++) {
      NameSpan n = cut.get(k);
      int b = n.start(); // "File" may stay out of the span the finder found for "Photo"
      while (b > 0 && CREDIT_WORDS.contains(Words.lower(forms[b - 1]))) {
        b--;
      }
      boolean tail = b > 0 && forms[b - 1].equals("/");
      for (int i = n.start(); tail && i < n.end(); i++) {
        tail = CREDIT_WORDS.contains(Words.lower(forms[i]));
      }
      if (tail && out == null) {
        out = new ArrayList<>(cut.subList(0, k));
      } else if (!tail && out != null) {
        out.add(n);
      }
    }
    return out == null ? cut : out;
  }

  private static List<NameSpan> cutCredits(List<NameSpan> names, String[] forms) {
    List<NameSpan> out = null;
    for (int k = 0; k < names.size(); k++) {
      NameSpan n = names.get(k);
      int slash = -1;
      for (int i = n.start(); i < n.end(); i++) {
        if (forms[i].equals("/")) {
          slash = i;
          break;
        }
      }
      if (slash < 0) {
        if (out != null) {
          out.add(n);
        }
        continue;
      }
      if (out == null) {
        out = new ArrayList<>(names.subList(0, k));
      }
      boolean agency = slash - n.start() == 1 && AGENCIES.contains(Words.lower(forms[n.start()]));
      if (slash > n.start()) {
        out.add(new NameSpan(n.start(), slash, agency ? "ORG" : n.type()));
      }
      if (slash + 1 < n.end()) {
        // The rest may hold a further slash ("AP/John Smith/Pool").
        List<NameSpan> rest =
            cutCredits(List.of(new NameSpan(slash + 1, n.end(), agency ? "PER" : n.type())), forms);
        out.addAll(rest);
      }
    }
    return out == null ? names : out;
  }

  private static boolean isSuffix(String w) {
    return dev.herald.nlp.entity.Names.CORPORATE_SUFFIXES.contains(Words.lower(w))
        && Character.isUpperCase(w.charAt(0));
  }
}
