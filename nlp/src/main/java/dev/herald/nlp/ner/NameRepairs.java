package dev.herald.nlp.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Boundary repairs of the greedy decoder's names, found by error analysis against Stanford's CRF
 * (MODEL.md). A left-to-right tagger that opened a name (B) must continue it (I, L) whatever the
 * next token is, so "Doull 8-1-60-0" and "League has" came out as names; it also reads a middle
 * initial as the start of a new name ("Ross" + "G. Hoyt") and keeps a military or civil title in a
 * person's name, which CoNLL's and Wikipedia's annotators leave out.
 */
final class NameRepairs {

  private NameRepairs() {}

  /** Capitalised words that precede a person's name but are not part of it. */
  static final Set<String> TITLES =
      Set.of(
          "Mr",
          "Mrs",
          "Ms",
          "Dr",
          "Prof",
          "Professor",
          "Sir",
          "Dame",
          "President",
          "Senator",
          "Sen",
          "Governor",
          "Gov",
          "Mayor",
          "Judge",
          "Justice",
          "Minister",
          "Premier",
          "Chancellor",
          "Reverend",
          "Rev",
          "Bishop",
          "Archbishop",
          "Cardinal",
          "Sheikh",
          "General",
          "Gen",
          "Brigadier",
          "Colonel",
          "Col",
          "Lieutenant",
          "Lt",
          "Major",
          "Maj",
          "Captain",
          "Capt",
          "Admiral",
          "Adm",
          "Commander",
          "Sergeant",
          "Sgt",
          "Corporal",
          "Cpl",
          "Marshal",
          "Coach",
          "Secretary",
          "Ambassador",
          "Chairman",
          "Spokesman",
          "Inspector",
          "Detective");

  /** Lower-case words inside names ("Ivan de Souza", "Schalk van der Westhuizen"). */
  static final Set<String> PARTICLES =
      Set.of(
          "de", "da", "das", "do", "dos", "di", "du", "del", "della", "der", "den", "van", "von",
          "ter", "ten", "la", "le", "bin", "ibn", "al", "el", "y", "e", "of", "the", "and", "und",
          "for", "on", "am", "upon");

  /**
   * Repairs the names in {@code tags} (BILOU outcomes) over the tokens as written (not the re-cased
   * headline forms: "KANSAS CITY" stays whole), in place.
   */
  static void repair(List<String> tokens, int[] tags) {
    String[] forms = tokens.toArray(new String[0]);
    List<NameSpan> spans = NerModel.spans(tags);
    if (spans.isEmpty()) {
      return;
    }
    List<NameSpan> out = new ArrayList<>(spans.size());
    for (NameSpan s : spans) {
      NameSpan last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null
          && last.type().equals("PER")
          && s.type().equals("PER")
          && last.end() == s.start()
          && isInitial(forms[s.start()])) {
        // "Ross" + "G. Hoyt": a middle initial continues the name before it.
        out.set(out.size() - 1, new NameSpan(last.start(), s.end(), "PER"));
      } else {
        out.add(s);
      }
    }
    java.util.Arrays.fill(tags, 0);
    boolean[] covered = new boolean[forms.length];
    for (NameSpan s : out) {
      for (int i = s.start(); i < s.end(); i++) {
        covered[i] = true;
      }
    }
    java.util.ArrayDeque<NameSpan> work = new java.util.ArrayDeque<>(out);
    while (!work.isEmpty()) {
      NameSpan s = work.poll();
      int start = s.start();
      int end = s.end();
      if (s.type().equals("PER")) {
        while (end - start > 1 && TITLES.contains(stripDot(forms[start]))) {
          start++;
        }
      }
      for (int i = start + 1; i < end; i++) {
        if (isBreak(forms[i])) {
          // "League , like many other far-Right": the name ended before the comma. In a person's
          // name, a capitalised word right after a lower-case word or comma starts a person of
          // its own ("Germon b Astle" in a cricket scorecard is two people): dropping it would
          // also drop it from the previous-map memory, and later mentions would be typed without
          // it. (Other types keep the cut alone: "Office of biologist Charles" is no office.)
          if (s.type().equals("PER")
              && (forms[i].equals(",") || Character.isLowerCase(forms[i].charAt(0)))
              && i + 1 < s.end()
              && isNameStart(forms[i + 1])) {
            work.addFirst(new NameSpan(i + 1, s.end(), s.type()));
          }
          end = i;
          break;
        }
      }
      while (end - start > 1
          && (isTail(forms[end - 1], s.type()) || CONNECTORS.contains(forms[end - 1]))) {
        end--;
      }
      if (s.type().equals("PER")
          && end == s.end()
          && end < forms.length
          && !covered[end]
          && SUFFIXES.contains(forms[end])) {
        end++; // "Ken Griffey Jr.": both corpora count the suffix in the name
      }
      String type = s.type();
      if (type.equals("PER") && hasDigitWord(forms, start, end)) {
        type = "MISC"; // "P-47 Thunderbolt", "F-86 Sabre": no person's name has a digit
      } else if (type.equals("PER")
          && end - start > 1
          && HEADS.containsKey(forms[end - 1])
          && !givenNameAndSurname(forms, start, end)) {
        type = HEADS.get(forms[end - 1]); // "Cal Anderson Park", "Outback Press"
      }
      int t = java.util.Arrays.asList(NerModel.TYPES).indexOf(type);
      if (end - start == 1) {
        tags[start] = NerModel.outcome('U', t);
      } else {
        tags[start] = NerModel.outcome('B', t);
        for (int i = start + 1; i < end - 1; i++) {
          tags[i] = NerModel.outcome('I', t);
        }
        tags[end - 1] = NerModel.outcome('L', t);
      }
    }
  }

  /**
   * Head nouns that end place and organisation names but not people's (words that are also common
   * surnames, such as Hall, Field, Church or Ford, are left out), with the type they give.
   */
  static final java.util.Map<String, String> HEADS = heads();

  private static java.util.Map<String, String> heads() {
    java.util.Map<String, String> m = new java.util.HashMap<>();
    for (String w :
        List.of(
            "Street",
            "Avenue",
            "Road",
            "Square",
            "Park",
            "Stadium",
            "Airport",
            "River",
            "Island",
            "Islands",
            "Mountains",
            "Valley",
            "County",
            "Province",
            "District",
            "Parish",
            "Base")) {
      m.put(w, "LOC");
    }
    for (String w :
        List.of(
            "School",
            "University",
            "College",
            "Institute",
            "Society",
            "Association",
            "Corporation",
            "Company",
            "Band",
            "Press",
            "Records",
            "Party",
            "Council",
            "Committee",
            "Foundation",
            "Hospital",
            "Museum",
            "Library",
            "Group",
            "Inc",
            "Inc.",
            "Ltd",
            "Ltd.")) {
      m.put(w, "ORG");
    }
    return java.util.Map.copyOf(m);
  }

  /**
   * Two words, a given name that is neither a surname nor a place name and a head noun that is also
   * a surname ("Andrew Park"): a person, where the head-noun rule would make it a park. Places
   * named after a person are usually named after the surname ("Hyde Park") or after a given name
   * that is a place too ("Lincoln", "Victoria"), and streets' heads are no surnames.
   */
  static boolean givenNameAndSurname(String[] forms, int start, int end) {
    if (end - start != 2) {
      return false;
    }
    Names names = Names.standard();
    int first = names.wordBits(Words.lower(forms[start]));
    int head = names.wordBits(Words.lower(forms[start + 1]));
    if ((first & Names.GIVEN) == 0 || (first & Names.SURNAME) != 0 || (head & Names.SURNAME) == 0) {
      return false;
    }
    int[] kinds = names.match(List.of(forms[start], forms[start + 1]));
    int[] alone = names.match(List.of(forms[start]));
    int place = Names.LOCATION | Names.ORGANIZATION;
    return (kinds[0] & place) == 0 && (kinds[1] & place) == 0 && (alone[0] & place) == 0;
  }

  /** A word that can start a name: capitalised, with a letter. */
  private static boolean isNameStart(String w) {
    return Words.hasLetter(w) && Words.isCapitalised(w);
  }

  /** Generational suffixes that end a person's name. */
  static final Set<String> SUFFIXES = Set.of("Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV");

  /** Words that join the parts of a name but do not end one ("Army and", "Bank of"). */
  static final Set<String> CONNECTORS =
      Set.of("of", "the", "and", "und", "for", "on", "am", "upon");

  /** A token no name runs across: a lower-case word (not a particle), or a clause mark. */
  static boolean isBreak(String w) {
    if (w.isEmpty()) {
      return false;
    }
    if (Character.isLowerCase(w.charAt(0))) {
      return w.indexOf('-') < 0 && !PARTICLES.contains(w);
    }
    return w.equals(",") || w.equals(";") || w.equals(":") || w.equals("\"");
  }

  /** "G.": one capital letter and a full stop. */
  static boolean isInitial(String w) {
    return w.length() == 2 && Character.isUpperCase(w.charAt(0)) && w.charAt(1) == '.';
  }

  /**
   * A token that does not end a name: lower case ("League has"; not a particle or "al-Boushi"), or
   * without letters ("Doull 8-1-60-0"), except a plain number ending a name other than a person's
   * ("Euro 96").
   */
  static boolean isTail(String w, String type) {
    if (w.isEmpty()) {
      return false;
    }
    if (Character.isLowerCase(w.charAt(0))) {
      return w.indexOf('-') < 0 && !PARTICLES.contains(w);
    }
    if (Words.hasLetter(w)) {
      return false;
    }
    return type.equals("PER") || !isDigits(w);
  }

  private static boolean hasDigitWord(String[] forms, int start, int end) {
    for (int i = start; i < end; i++) {
      String w = forms[i];
      if (Words.hasLetter(w)) {
        for (int j = 0; j < w.length(); j++) {
          if (Character.isDigit(w.charAt(j))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean isDigits(String w) {
    for (int i = 0; i < w.length(); i++) {
      if (!Character.isDigit(w.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static String stripDot(String w) {
    return w.endsWith(".") ? w.substring(0, w.length() - 1) : w;
  }
}
