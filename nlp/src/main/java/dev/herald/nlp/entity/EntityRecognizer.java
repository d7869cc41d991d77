package dev.herald.nlp.entity;

import dev.herald.nlp.text.Sentence;
import dev.herald.nlp.text.Token;
import dev.herald.nlp.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * First-cut, rule-based named entities: runs of capitalised words (with "of", "and", "for", "de"
 * inside a name), typed by small cues: event head nouns, a built-in gazetteer, person titles and
 * first names, organisation suffixes. Ids are slugs; a surname alone gets the id of the full name
 * seen in the same text, an acronym in brackets the id of the name it follows.
 */
public final class EntityRecognizer {

  /** Head nouns of named events ("Syrian National Dialogue Congress", "Winter Games"). */
  public static final Set<String> EVENT_HEADS =
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
          "championship",
          "championships",
          "olympics",
          "cup",
          "festival",
          "tournament",
          "expo",
          "exhibition",
          "fair",
          "ceremony",
          "referendum",
          "convention",
          "negotiations",
          "dialogue",
          "session",
          "hearing",
          "hearings",
          "week",
          "marathon",
          "grand prix",
          "open",
          "rally",
          "show",
          "symposium",
          "assembly");

  private static final Set<String> ORG_HEADS =
      Set.of(
          "inc",
          "corp",
          "co",
          "ltd",
          "plc",
          "llc",
          "ag",
          "sa",
          "nv",
          "group",
          "bank",
          "committee",
          "subcommittee",
          "commission",
          "council",
          "ministry",
          "department",
          "agency",
          "organization",
          "organisation",
          "association",
          "union",
          "party",
          "board",
          "exchange",
          "institute",
          "university",
          "fund",
          "authority",
          "corporation",
          "company",
          "airlines",
          "airways",
          "holdings",
          "service",
          "office",
          "court",
          "parliament",
          "senate",
          "house",
          "army",
          "forces",
          "navy",
          "federation",
          "league",
          "coalition",
          "foundation",
          "trust",
          "times",
          "news",
          "reserve",
          "administration",
          "bureau",
          "industries",
          "motors",
          "bancorp",
          "systems",
          "technologies",
          "partners",
          "securities",
          "government",
          "club",
          "cabinet",
          "power",
          "energy",
          "petroleum",
          "oil",
          "chemical",
          "steel",
          "press",
          "television",
          "tv",
          "radio",
          "network",
          "market",
          "nations");

  private static final Set<String> TITLES =
      Set.of(
          "mr",
          "mrs",
          "ms",
          "dr",
          "prof",
          "president",
          "minister",
          "secretary",
          "ambassador",
          "envoy",
          "chairman",
          "chairwoman",
          "chief",
          "governor",
          "senator",
          "sen",
          "rep",
          "king",
          "queen",
          "prince",
          "princess",
          "pope",
          "general",
          "gen",
          "mayor",
          "premier",
          "chancellor",
          "spokesman",
          "spokeswoman",
          "director",
          "judge",
          "justice",
          "leader",
          "commissioner",
          "representative",
          "sheikh",
          "emir",
          "sultan",
          "lord",
          "sir",
          "lady",
          "dame",
          "officer",
          "executive",
          "economist",
          "analyst",
          "deputy",
          "fm");

  private static final Set<String> FIRST_NAMES =
      Set.of(
          "john",
          "james",
          "robert",
          "michael",
          "william",
          "david",
          "richard",
          "joseph",
          "thomas",
          "charles",
          "george",
          "ronald",
          "donald",
          "paul",
          "mark",
          "peter",
          "edward",
          "brian",
          "kevin",
          "jason",
          "jeffrey",
          "frank",
          "scott",
          "eric",
          "stephen",
          "andrew",
          "raymond",
          "gregory",
          "joshua",
          "jerry",
          "dennis",
          "walter",
          "patrick",
          "henry",
          "jack",
          "alan",
          "howard",
          "harold",
          "carl",
          "arthur",
          "gerhard",
          "helmut",
          "hans",
          "karl",
          "jacques",
          "francois",
          "pierre",
          "jean",
          "michel",
          "mary",
          "patricia",
          "linda",
          "barbara",
          "elizabeth",
          "jennifer",
          "maria",
          "susan",
          "margaret",
          "dorothy",
          "lisa",
          "nancy",
          "karen",
          "helen",
          "sandra",
          "carol",
          "ruth",
          "sharon",
          "anne",
          "angela",
          "vladimir",
          "sergei",
          "sergey",
          "dmitry",
          "mikhail",
          "boris",
          "ivan",
          "nikolai",
          "yuri",
          "alexander",
          "alexei",
          "andrei",
          "gennadiy",
          "gennady",
          "eduard",
          "igor",
          "oleg",
          "mohammed",
          "muhammad",
          "ahmed",
          "ali",
          "hassan",
          "hussein",
          "omar",
          "abdul",
          "abdullah",
          "riyad",
          "bashar",
          "recep",
          "emmanuel",
          "theresa",
          "justin",
          "xi",
          "shinzo",
          "yasuhiro",
          "kim",
          "li",
          "wang",
          "staffan",
          "antonio",
          "carlos",
          "jose",
          "luis",
          "juan",
          "manuel",
          "francisco",
          "giulio",
          "silvio",
          "nigel",
          "tony",
          "gordon",
          "jimmy",
          "bill",
          "hillary",
          "barack",
          "joe",
          "mitch",
          "jim",
          "bob",
          "tom",
          "dick",
          "ed",
          "ted",
          "al",
          "dan",
          "ben",
          "sam",
          "steve",
          "mike",
          "dave",
          "chris",
          "lee",
          "kenneth",
          "anthony",
          "daniel",
          "matthew",
          "christopher",
          "lawrence",
          "samuel");

  /** Capitalised words that do not start a name when they open a sentence. */
  private static final Set<String> COMMON_OPENERS =
      Set.of(
          "the",
          "a",
          "an",
          "this",
          "that",
          "these",
          "those",
          "there",
          "it",
          "its",
          "he",
          "she",
          "they",
          "we",
          "i",
          "you",
          "his",
          "her",
          "their",
          "our",
          "my",
          "in",
          "on",
          "at",
          "by",
          "for",
          "from",
          "with",
          "after",
          "before",
          "during",
          "since",
          "while",
          "when",
          "if",
          "although",
          "though",
          "but",
          "and",
          "or",
          "however",
          "meanwhile",
          "moreover",
          "also",
          "according",
          "earlier",
          "later",
          "last",
          "next",
          "some",
          "many",
          "most",
          "both",
          "each",
          "all",
          "any",
          "no",
          "not",
          "as",
          "so",
          "such",
          "what",
          "which",
          "who",
          "where",
          "why",
          "how",
          "one",
          "two",
          "three",
          "several",
          "other",
          "another",
          "today",
          "yesterday",
          "tomorrow",
          "read",
          "more",
          "under",
          "until",
          "about",
          "over",
          "than",
          "then",
          "thus",
          "still",
          "even",
          "only",
          "what's",
          "here",
          "talks",
          "officials",
          "sources",
          "analysts",
          "shares",
          "unit",
          "payment",
          "representatives",
          "community",
          "economy",
          "members");

  /** All-caps words that are page furniture, not acronyms. */
  private static final Set<String> COMMON_CAPS =
      Set.of("more", "read", "new", "update", "photo", "video", "watch", "live", "also", "see");

  private static final Set<String> CONNECTORS = Set.of("of", "for", "de", "on", "&");

  private static final Set<String> MONTHS_AND_DAYS =
      Set.of(
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december",
          "jan",
          "feb",
          "mar",
          "apr",
          "jun",
          "jul",
          "aug",
          "sep",
          "sept",
          "oct",
          "nov",
          "dec",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "gmt",
          "est",
          "edt",
          "pst",
          "a.m.",
          "p.m.");

  private EntityRecognizer() {}

  public static List<EntityMention> recognize(String text, List<Sentence> sentences) {
    Set<String> midSentenceCaps = new HashSet<>();
    List<List<Token>> tokenised = new ArrayList<>(sentences.size());
    for (Sentence s : sentences) {
      List<Token> toks = Tokenizer.tokenize(text, s.start(), s.end());
      tokenised.add(toks);
      for (int i = 1; i < toks.size(); i++) {
        if (toks.get(i).isCapitalised()) {
          midSentenceCaps.add(toks.get(i).lower());
        }
      }
    }
    List<EntityMention> raw = new ArrayList<>();
    for (int si = 0; si < sentences.size(); si++) {
      recognizeSentence(text, tokenised.get(si), midSentenceCaps, raw);
    }
    // The trained name finder (dev.herald.nlp.ner) replaces the rules' non-event names.
    return resolveIds(text, dev.herald.nlp.ner.ModelEntities.overlay(text, raw));
  }

  private static void recognizeSentence(
      String text, List<Token> toks, Set<String> midSentenceCaps, List<EntityMention> out) {
    // Capitalised-run cues fail on headlines: all caps, or Title Case Of Every Word.
    boolean headline = isAllCapsLine(toks) || isTitleCaseLine(toks);
    int firstWord = 0;
    while (firstWord < toks.size() && !toks.get(firstWord).isWord()) {
      firstWord++;
    }
    int i = 0;
    while (i < toks.size()) {
      Token t = toks.get(i);
      if (!startsName(t, i == firstWord, headline, midSentenceCaps)) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < toks.size()) {
        Token u = toks.get(j);
        if (isNameWord(u, headline)) {
          j++;
        } else if (!headline
            && CONNECTORS.contains(u.lower())
            && j + 1 < toks.size()
            && isNameWord(toks.get(j + 1), false)
            && !MONTHS_AND_DAYS.contains(toks.get(j + 1).lower())) {
          j += 2;
        } else {
          break;
        }
      }
      if (headline) {
        gazetteerOnly(text, toks, i, j, out);
      } else {
        splitAndType(text, toks, i, j, out);
      }
      i = j;
    }
  }

  private static boolean startsName(
      Token t, boolean sentenceInitial, boolean headline, Set<String> midSentenceCaps) {
    if (!t.isCapitalised() || !t.isWord() || MONTHS_AND_DAYS.contains(t.lower())) {
      return false;
    }
    if (headline) {
      return true;
    }
    if (sentenceInitial) {
      if (COMMON_OPENERS.contains(t.lower())) {
        return false;
      }
      // "Th" (a typo of "The") and other short openers are not names unless acronyms.
      return t.text().length() > 2 || t.isAllCaps() || midSentenceCaps.contains(t.lower());
    }
    return !t.text().equals("I");
  }

  private static boolean isNameWord(Token t, boolean headline) {
    if (!t.isWord() || MONTHS_AND_DAYS.contains(t.lower())) {
      return false;
    }
    return t.isCapitalised() && (headline || !CONNECTORS.contains(t.lower()));
  }

  /** "Sochi Ready to Assist in Holding Syrian Congress": most longer words capitalised. */
  private static boolean isTitleCaseLine(List<Token> toks) {
    if (!toks.isEmpty() && toks.get(toks.size() - 1).is('.')) {
      return false; // headlines carry no full stop; a name-heavy sentence does
    }
    int words = 0;
    int caps = 0;
    for (Token t : toks) {
      if (t.isWord() && Character.isLetter(t.text().charAt(0)) && t.text().length() > 3) {
        words++;
        if (t.isCapitalised()) {
          caps++;
        }
      }
    }
    return words >= 4 && caps * 10 >= words * 8;
  }

  private static boolean isAllCapsLine(List<Token> toks) {
    int words = 0;
    int caps = 0;
    for (Token t : toks) {
      if (t.isWord() && Character.isLetter(t.text().charAt(0))) {
        words++;
        if (t.isAllCaps() || t.text().length() == 1 && t.isCapitalised()) {
          caps++;
        }
      }
    }
    return words >= 2 && caps * 10 >= words * 8;
  }

  /** In an all-caps headline only known places are safe to tag. */
  private static void gazetteerOnly(
      String text, List<Token> toks, int from, int to, List<EntityMention> out) {
    int i = from;
    while (i < to) {
      int matched = 0;
      for (int len = Math.min(Gazetteer.maxWords(), to - i); len >= 1; len--) {
        String name = text.substring(toks.get(i).start(), toks.get(i + len - 1).end());
        if (Gazetteer.place(name.replace('\n', ' ')) != null) {
          matched = len;
          break;
        }
      }
      if (matched > 0) {
        addTyped(text, toks, i, i + matched, EntityMention.LOCATION, out);
        i += matched;
      } else {
        i++;
      }
    }
  }

  /** Splits "Russian Foreign Minister Sergei Lavrov" at the title and types each part. */
  private static void splitAndType(
      String text, List<Token> toks, int from, int to, List<EntityMention> out) {
    int lastTitle = -1;
    for (int k = from; k < to; k++) {
      if (TITLES.contains(stripDot(toks.get(k).lower()))) {
        lastTitle = k;
      }
    }
    if (lastTitle >= from && lastTitle + 1 < to) {
      if (lastTitle > from) {
        typeRun(text, toks, from, lastTitle + 1, false, out);
      }
      addTyped(text, toks, lastTitle + 1, to, EntityMention.PERSON, out);
      return;
    }
    boolean afterTitle =
        from > 0 && TITLES.contains(stripDot(toks.get(from - 1).lower())) && lastTitle < 0;
    typeRun(text, toks, from, to, afterTitle, out);
  }

  private static void typeRun(
      String text,
      List<Token> toks,
      int from,
      int to,
      boolean afterTitle,
      List<EntityMention> out) {
    // Leading demonyms or places before a name ("Russian Foreign Ministry") stay in the name.
    String first = toks.get(from).lower();
    String last = stripDot(Gazetteer.stripPossessive(toks.get(to - 1).lower()));
    String whole = text.substring(toks.get(from).start(), toks.get(to - 1).end());
    String type;
    if (afterTitle || FIRST_NAMES.contains(first) && to - from >= 2) {
      type = EntityMention.PERSON;
    } else if (to - from >= 2 && (EVENT_HEADS.contains(last) || eventBeforeOf(toks, from, to))) {
      type = EntityMention.EVENT;
    } else if (Gazetteer.place(whole) != null) {
      type =
          Gazetteer.isCountry(Gazetteer.place(whole)) && isDemonym(whole)
              ? EntityMention.MISC
              : EntityMention.LOCATION;
    } else if (ORG_HEADS.contains(last)
        || to - from == 1
            && toks.get(from).isAllCaps()
            && toks.get(from).text().length() <= 6
            && !COMMON_CAPS.contains(first)) {
      type = EntityMention.ORGANIZATION;
    } else if (endsWithPlaceWord(last)) {
      type = EntityMention.LOCATION;
    } else {
      type = EntityMention.MISC;
    }
    addTyped(text, toks, from, to, type, out);
  }

  /** "Congress of National Dialogue of Syrians": an event head before the first "of". */
  private static boolean eventBeforeOf(List<Token> toks, int from, int to) {
    for (int k = from + 1; k < to; k++) {
      if (toks.get(k).lower().equals("of")) {
        return EVENT_HEADS.contains(toks.get(k - 1).lower());
      }
    }
    return false;
  }

  private static boolean isDemonym(String whole) {
    String lower = Gazetteer.stripPossessive(whole.toLowerCase(java.util.Locale.ROOT));
    return !Gazetteer.place(lower).equals(lower.replace(' ', '-'));
  }

  private static boolean endsWithPlaceWord(String last) {
    return Set.of(
            "city",
            "province",
            "island",
            "islands",
            "river",
            "sea",
            "gulf",
            "mountains",
            "valley",
            "region",
            "county",
            "state",
            "bay",
            "coast",
            "strait",
            "peninsula",
            "plant",
            "airport")
        .contains(last);
  }

  private static void addTyped(
      String text, List<Token> toks, int from, int to, String type, List<EntityMention> out) {
    int start = toks.get(from).start();
    int end = toks.get(to - 1).end();
    String mention = text.substring(start, end);
    out.add(new EntityMention(start, end, mention, type, baseId(toks, from, to, type)));
  }

  private static String baseId(List<Token> toks, int from, int to, String type) {
    StringBuilder sb = new StringBuilder();
    for (int k = from; k < to; k++) {
      String w = toks.get(k).text();
      String lower = stripDot(Gazetteer.stripPossessive(w.toLowerCase(java.util.Locale.ROOT)));
      if (EntityMention.ORGANIZATION.equals(type)
          && k > from
          && Names.CORPORATE_SUFFIXES.contains(lower)) {
        continue;
      }
      String norm =
          EntityMention.LOCATION.equals(type) || EntityMention.MISC.equals(type)
              ? Names.normalWord(w)
              : Names.slug(Gazetteer.stripPossessive(w));
      if (!norm.isEmpty()) {
        if (sb.length() > 0) {
          sb.append('-');
        }
        sb.append(norm);
      }
    }
    if (EntityMention.LOCATION.equals(type) || EntityMention.MISC.equals(type)) {
      String place =
          Gazetteer.place(
              Gazetteer.stripPossessive(
                  String.join(" ", toks.subList(from, to).stream().map(Token::lower).toList())));
      if (place != null) {
        return place;
      }
    }
    return sb.toString();
  }

  /** Surnames and acronyms take the id of the full name they abbreviate. */
  private static List<EntityMention> resolveIds(String text, List<EntityMention> raw) {
    Map<String, String> surname = new HashMap<>();
    Map<String, String> acronym = new HashMap<>();
    for (EntityMention m : raw) {
      String[] parts = m.id().split("-");
      if (EntityMention.PERSON.equals(m.type()) && parts.length >= 2) {
        surname.putIfAbsent(parts[parts.length - 1], m.id());
      }
      int after = m.end();
      while (after < text.length() && text.charAt(after) == ' ') {
        after++;
      }
      if (after < text.length() && text.charAt(after) == '(' && parts.length >= 2) {
        int close = text.indexOf(')', after);
        if (close > after && close - after <= 8) {
          acronym.putIfAbsent(Names.slug(text.substring(after + 1, close)), m.id());
        }
      }
    }
    List<EntityMention> out = new ArrayList<>(raw.size());
    for (EntityMention m : raw) {
      String id = m.id();
      String type = m.type();
      if (!id.contains("-") && surname.containsKey(id)) {
        id = surname.get(id);
        type = EntityMention.PERSON;
      } else if (acronym.containsKey(id) && !id.contains("-")) {
        id = acronym.get(id);
      }
      out.add(new EntityMention(m.start(), m.end(), m.text(), type, id));
    }
    return out;
  }

  private static String stripDot(String w) {
    return w.endsWith(".") ? w.substring(0, w.length() - 1) : w;
  }
}
