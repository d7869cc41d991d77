package dev.herald.nlp.ner;

import java.time.DayOfWeek;
import java.time.Month;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Named events by rule, on top of the model: a capitalised name ending in an event noun ("Syrian
 * National Dialogue Congress", "G20 Summit", "2018 World Cup"), an event noun followed by "of",
 * "on" or "for" and a capitalised name ("Congress of National Dialogue of Syrians"), and a
 * capitalised name directly before a lower-case event noun ("the Astana talks", "the G20 summit").
 * Works on the re-cased forms of headline words, so that Title Case headlines do not turn every
 * phrase into an event.
 */
final class EventNames {

  /**
   * Event nouns (singular and plural as written) of occasions that are scheduled and moved, which
   * "the congress" written alone refers back to.
   */
  static final Set<String> ANAPHORIC_HEADS =
      Set.of(
          "congress",
          "summit",
          "talks",
          "round",
          "election",
          "elections",
          "conference",
          "launch",
          "meeting",
          "forum",
          "games",
          "olympics",
          "cup",
          "championship",
          "championships",
          "festival",
          "tournament",
          "expo",
          "referendum",
          "convention",
          "negotiations",
          "symposium",
          "ceremony",
          "marathon",
          "dialogue",
          "congresses",
          "summits",
          "conferences",
          "meetings",
          "rounds",
          "launches");

  /**
   * Event nouns of names only: history's and sport's events are named events, but "the war", "the
   * tour" or "the rally" written alone says too little to stand for the last one named.
   */
  static final Set<String> NAME_ONLY_HEADS =
      Set.of(
          // Named events of history: "Battle of Hastings", "Siege of Petersburg", "Gulf War".
          "battle",
          "siege",
          "war",
          "uprising",
          "rebellion",
          // Sporting events, often moved: "U.S. Open", "PGA Tour", "Monaco Grand Prix".
          "open",
          "tour",
          "prix",
          "derby",
          "rally",
          "regatta",
          "paralympics");

  /** Every event noun of a name. */
  static final Set<String> HEADS =
      Stream.concat(ANAPHORIC_HEADS.stream(), NAME_ONLY_HEADS.stream())
          .collect(Collectors.toUnmodifiableSet());

  /** Event nouns that, written lower case after a name, make that name an event. */
  private static final Set<String> LOWER_HEADS =
      Set.of(
          "congress",
          "summit",
          "talks",
          "conference",
          "forum",
          "olympics",
          "negotiations",
          "round",
          "meeting",
          "election",
          "elections",
          "referendum",
          "launch");

  /** Legislatures and parties, not events, when only places or "National" qualify the noun. */
  private static final Set<String> BODY_HEADS = Set.of("congress", "convention", "assembly");

  private static final Set<String> CONNECTORS = Set.of("of", "on", "for", "de");

  /** "The World Cup on Friday", "talks on March 3": a date after a connector names no event. */
  private static final Set<String> DAYS_AND_MONTHS =
      Stream.concat(Arrays.stream(DayOfWeek.values()), Arrays.stream(Month.values()))
          .map(e -> e.name().toLowerCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());

  private EventNames() {}

  private static boolean isRomanNumeral(String w) {
    return w.length() <= 4 && w.chars().allMatch(c -> c == 'I' || c == 'V' || c == 'X');
  }

  /** Event spans over tokens [start, end) of one sentence, given the (re-cased) word forms. */
  static List<NameSpan> find(String[] forms) {
    return find(forms, Truecaser.empty());
  }

  /**
   * As {@link #find(String[])}; {@code usualCase} tells which sentence-initial words are common
   * words written lower case mid-sentence ("Results of the World Cup" names no event "Results").
   */
  static List<NameSpan> find(String[] forms, Truecaser usualCase) {
    List<NameSpan> out = new ArrayList<>();
    int n = forms.length;
    int i = 0;
    while (i < n) {
      if (!isNameWord(forms[i]) && !isYear(forms[i])
          || !startsName(forms, i)
          || i == 0 && usualCase.usualCase(Words.lower(forms[i])) == 1) {
        // A capitalised "The" or "In" opens no name ("The Congress of ..." starts at Congress).
        i++;
        continue;
      }
      // A run of capitalised words, with connectors inside when a capitalised word follows.
      int j = i;
      int lastHead = -1;
      while (j < n) {
        String w = forms[j];
        if (isNameWord(w) || j == i && isYear(w)) {
          if (HEADS.contains(Words.lower(w)) && Character.isUpperCase(w.charAt(0))) {
            lastHead = j;
          }
          j++;
        } else if (j > i
            && CONNECTORS.contains(Words.lower(w))
            && j + 1 < n
            && !DAYS_AND_MONTHS.contains(Words.lower(forms[j + 1]))
            && (isNameWord(forms[j + 1])
                || Words.lower(forms[j + 1]).equals("the")
                    && j + 2 < n
                    && isNameWord(forms[j + 2]))) {
          j += Words.lower(forms[j + 1]).equals("the") ? 2 : 1;
        } else {
          break;
        }
      }
      int end = j;
      // Trim trailing connectors ("Congress of" at the end of a run cannot happen, but be safe).
      while (end > i && CONNECTORS.contains(Words.lower(forms[end - 1]))) {
        end--;
      }
      if (lastHead >= 0
          && lastHead < end - 1
          && !CONNECTORS.contains(Words.lower(forms[lastHead + 1]))) {
        // "Congress Speaker Nancy Pelosi": the event name stops at its noun, or at the ordinal
        // that numbers it ("World War II").
        end =
            lastHead + 1 < end && isRomanNumeral(forms[lastHead + 1]) ? lastHead + 2 : lastHead + 1;
      }
      if (lastHead >= 0
          && end - i >= 2
          && !isBody(forms, i, end, lastHead)
          && !BODY_NAMES.contains(Words.lower(forms[i]))) {
        out.add(new NameSpan(i, end, "EVENT"));
        i = end;
        continue;
      }
      if (lastHead < 0 && end < n && end - i >= 1 && !isYear(forms[i])) {
        String next = forms[end];
        if (LOWER_HEADS.contains(next)
            && !allDemonyms(forms, i, end)
            && !isBody(forms, i, end + 1, end)) {
          out.add(new NameSpan(i, end + 1, "EVENT"));
          i = end + 1;
          continue;
        }
      }
      i = Math.max(end, i + 1);
    }
    return out;
  }

  private static boolean isNameWord(String w) {
    if (w.isEmpty() || !Character.isUpperCase(w.charAt(0))) {
      return Character.isDigit(w.isEmpty() ? 'x' : w.charAt(0))
          && w.length() <= 4
          && Words.hasLetter(w); // "G20" is caught above; "19th"
    }
    return Words.hasLetter(w);
  }

  private static boolean isYear(String w) {
    return w.length() == 4 && w.chars().allMatch(Character::isDigit) && w.charAt(0) <= '2';
  }

  /** A sentence-initial "The" or "In" does not start a name. */
  private static final Set<String> OPENERS =
      Set.of("in", "at", "after", "before", "during", "since", "as", "but", "if", "when", "while");

  private static boolean startsName(String[] forms, int i) {
    String l = Words.lower(forms[i]);
    if (i == 0 && l.length() <= 2 && !Words.isAllCaps(forms[i])) {
      // A short capitalised opener is a sentence's first word, not a name's ("Th Syrian
      // National Dialogue Congress", a typo for "The", in real copy).
      return false;
    }
    return !dev.herald.nlp.entity.Names.STOP_WORDS.contains(l) && !OPENERS.contains(l);
  }

  private static boolean allDemonyms(String[] forms, int from, int to) {
    Places places = Places.standard();
    for (int k = from; k < to; k++) {
      if ((places.kinds(forms[k]) & Places.DEMONYM) == 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * First words that make a name an organisation's whatever event noun it holds: "Organisation of
   * the Islamic Conference", "Council of the Baltic Sea States Summit" is a body, not an event.
   */
  private static final Set<String> BODY_NAMES =
      Set.of(
          "organisation",
          "organization",
          "council",
          "committee",
          "association",
          "federation",
          "union",
          "league",
          "commission",
          "party",
          "secretariat");

  /** Adjectives of continents and regions, which qualify parties as places do. */
  private static final Set<String> REGIONS =
      Set.of("african", "european", "asian", "american", "arab", "pan-african", "latin");

  /** Qualifiers that make a "Conference" a sports league ("Southwest Conference"), not an event. */
  private static final Set<String> LEAGUE_WORDS =
      Set.of(
          "athletic",
          "intercollegiate",
          "football",
          "basketball",
          "hockey",
          "baseball",
          "eastern",
          "western",
          "northern",
          "southern",
          "southwest",
          "southwestern",
          "southeast",
          "southeastern",
          "northwest",
          "northeast",
          "central",
          "big",
          "pacific",
          "atlantic",
          "coast");

  /**
   * "U.S. Congress", "United States Congress", "National Congress", "Congress": a legislature or
   * party, not an event; "Southwest Conference", "Eastern Conference": a league.
   */
  private static boolean isBody(String[] forms, int from, int to, int head) {
    String headWord = Words.lower(forms[head]);
    if (headWord.equals("conference")) {
      for (int k = from; k < to; k++) {
        if (k != head && LEAGUE_WORDS.contains(Words.lower(forms[k]))) {
          return true;
        }
      }
      return false;
    }
    if (!BODY_HEADS.contains(headWord)) {
      return false;
    }
    if (head > from && head == to - 1) {
      // The qualifiers read together as one place ("United States", "South Africa").
      StringBuilder place = new StringBuilder();
      for (int k = from; k < head; k++) {
        place.append(k > from ? " " : "").append(Words.lower(forms[k]));
      }
      if (Places.standard().kinds(place.toString()) != 0) {
        return true;
      }
    }
    Places places = Places.standard();
    for (int k = from; k < to; k++) {
      if (k == head) {
        continue;
      }
      String l = Words.lower(forms[k]);
      if (places.kinds(forms[k]) != 0
          || REGIONS.contains(l)
          || l.equals("national")
          || l.equals("general")
          || l.equals("u.s.")
          || l.equals("us")
          || l.equals("people's")
          || l.equals("'s")) {
        continue;
      }
      return false;
    }
    return true;
  }
}
