package dev.herald.nlp.schedule;

import dev.herald.nlp.entity.EntityMention;
import dev.herald.nlp.entity.Gazetteer;
import dev.herald.nlp.entity.Names;
import dev.herald.nlp.schedule.Cues.Cue;
import dev.herald.nlp.schedule.Cues.Type;
import dev.herald.nlp.text.Sentence;
import dev.herald.nlp.text.Token;
import dev.herald.nlp.text.Tokenizer;
import dev.herald.nlp.time.Timex;
import dev.herald.nlp.time.TimexType;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the schedule claims of one sentence: change cues and their sense filters, the event phrase
 * (subject of a passive or plan verb, object of an active change verb), and the roles of the time
 * expressions (old, new). See docs/adr/0003-schedule-change-rules.md.
 */
final class SentenceAnalyzer {

  /** Longest sentence (in tokens) read for claims; longer "sentences" are lists or junk. */
  private static final int MAX_TOKENS = 400;

  /** A claim of one sentence before article-level event resolution. */
  record RawClaim(
      EventPhrase event,
      TimeRef when,
      TimeRef previous,
      ClaimStatus status,
      Certainty certainty,
      ChangeKind kind,
      String cue,
      boolean pastPlan,
      String location,
      Sentence sentence) {}

  private static final Pattern RANGE_TAIL =
      Pattern.compile(
          "^\\s*(?:-|\u2013|/|to|through|and)\\s*(\\d{1,2})\\b(?!\\s*(?:pct|percent|%|mln|bln|billion|million|dlrs|tonnes|shares|,\\d|\\.\\d))");
  private static final Pattern NUMBER_WORD_DAY =
      Pattern.compile(
          "^\\s+(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|twenty-one|twenty-two|twenty-three|twenty-four|twenty-five|twenty-six|twenty-seven|twenty-eight|twenty-nine|thirty|thirty-one|first|second|third)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern RELATIVE_DURATION =
      Pattern.compile(
          "\\b(a|one|two|three|four|five|six|seven|eight|nine|ten|\\d+)\\s+(day|days|week|weeks|month|months)\\s+later\\b",
          Pattern.CASE_INSENSITIVE);
  // "two more weeks", "a further month", "an additional 30 days": durations the tagger leaves out.
  private static final Pattern MORE_DURATION =
      Pattern.compile(
          "\\b(?:(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\\d+)\\s+(?:more|further|additional|extra)|(?:a|an)\\s+(?:further|additional|extra)\\s+(one|two|three|four|five|six|seven|eight|nine|ten|\\d+))\\s+(day|days|week|weeks|month|months|year|years)\\b",
          Pattern.CASE_INSENSITIVE);
  // Word sets of the checks below, built once: a Set.of(...) in a method body hashes its words
  // again at every call, and these run for every token of every analysed sentence.
  private static final Set<String> ON_LATE_ETC = Set.of("on", "late", "early", "last", "in", "at");
  private static final Set<String> BE_TO_ETC =
      Set.of("be", "to", "will", "would", "shall", "may", "might", "could", "can", "'ll");
  private static final Set<String> TOLD_TELLS = Set.of("told", "tells");
  private static final Set<String> AND_OR_ETC =
      Set.of("and", "or", "from", "with", "as", "when", "but", "if", "of", "the", "a");
  private static final Set<String> OF_FOR_ETC =
      Set.of(
          "of", "for", "to", "until", "the", "its", "their", "a", "an", "on", "at", "was", "is",
          "has", "had", "will", "would");
  private static final Set<String> AGAINST_ON_ETC =
      Set.of("against", "on", "at", "hard", "strongly");
  private static final Set<String> SUGGESTED_SUGGESTS_ETC =
      Set.of(
          "suggested",
          "suggests",
          "proposed",
          "proposes",
          "urged",
          "urges",
          "asked",
          "recommended",
          "demanded",
          "requested",
          "hoped",
          "wants",
          "wanted");
  private static final Set<String> SUGGESTED_SUGGESTS_ETC2 =
      Set.of("suggested", "suggests", "recommended", "urged");
  private static final Set<String> NEGOTIATIONS_PLANS_ETC =
      Set.of(
          "negotiations",
          "plans",
          "plan",
          "proposal",
          "proposals",
          "request",
          "requests",
          "calls",
          "call",
          "bid",
          "attempt",
          "attempts",
          "effort",
          "efforts",
          "pressure",
          "motion",
          "talks",
          "suggestion",
          "idea",
          "option",
          "options",
          "move",
          "want",
          "wants",
          "wanted",
          "urged",
          "asked",
          "asks",
          "ask",
          "vote",
          "votes",
          "well",
          "like",
          "prefer",
          "need",
          "needs",
          "hope",
          "hopes",
          "seek",
          "seeks",
          "sought",
          "threatened",
          "threatens",
          "threaten",
          "consider",
          "considering");
  private static final Set<String> THAT_WHICH = Set.of("that", "which");
  private static final Set<String> AND_OR_ETC2 =
      Set.of(
          "and",
          "or",
          "but",
          "because",
          "due",
          "pending",
          "after",
          "when",
          "as",
          "with",
          "without",
          "from",
          "until",
          "till",
          "indefinitely",
          "again",
          "twice",
          "it",
          "them",
          "some",
          "last",
          "next");
  private static final Set<String> OF_IN_ETC =
      Set.of("of", "in", "with", "for", "previously", "and", "or", "any", "no", "on", "by");
  private static final Set<String> CREDIT_CREDITS_ETC =
      Set.of("credit", "credits", "loan", "loans", "lines", "line", "facility", "facilities");
  private static final Set<String> UNTIL_TILL_ETC =
      Set.of(
          "until", "till", "because", ",", ";", ".", "when", "pending", "due", "after", "while",
          "since", "as");
  private static final Set<String> INSTEAD_RATHER = Set.of("instead", "rather");
  private static final Set<String> ORIGINALLY_PREVIOUSLY_ETC =
      Set.of("originally", "previously", "initially");
  private static final Set<String> TO_UNTIL_ETC = Set.of("to", "until", "till");
  private static final Set<String> FURTHER_ANY_ETC =
      Set.of("further", "any", "no", "long", "short", "brief", "possible", "debt");
  private static final Set<String> BUT_HOWEVER_ETC = Set.of("but", "however", "yet", "instead");
  private static final Set<String> MEET_CONVENE_ETC = Set.of("meet", "convene", "gather");
  private static final Set<String> SCHEDULED_SET_ETC =
      Set.of("scheduled", "set", "planned", "due", "slated", "expected", "fixed", "timed");
  private static final Set<String> BUT_HOWEVER_ETC2 =
      Set.of(
          "but",
          "however",
          "although",
          "though",
          "whereas",
          "because",
          "unless",
          "when",
          "that",
          "adding",
          "saying",
          "which",
          "who",
          "while");
  private static final Set<String> THE_IT_ETC = Set.of("the", "it", "they", "he", "she", "we");
  private static final Set<String> MEET_MEETS_ETC = Set.of("meet", "meets", "convene", "convenes");
  private static final Set<String> EXPECTS_EXPECT_ETC =
      Set.of("expects", "expect", "expected", "plans", "scheduled");
  private static final Set<String> BUT_AND_ETC = Set.of("but", "and", "or", "yet");
  private static final Set<String> EXPECTED_SCHEDULED_ETC =
      Set.of("expected", "scheduled", "set", "due", "slated", "planned");
  private static final Set<String> PROPOSED_PLANNED_ETC =
      Set.of(
          "proposed",
          "planned",
          "expected",
          "scheduled",
          "delayed",
          "revised",
          "united",
          "limited",
          "combined",
          "continued",
          "advanced",
          "registered",
          "listed",
          "related");
  private static final Set<String> HE_SHE_ETC = Set.of("he", "she", "they", "it", "we", "i", "who");
  private static final Set<String> ORIGINALLY_PREVIOUSLY_ETC2 =
      Set.of(
          "originally",
          "previously",
          "initially",
          "now",
          "scheduled",
          "set",
          "due",
          "planned",
          "expected",
          "slated",
          "which",
          "who",
          "already",
          "tentatively",
          "first",
          "once");
  private static final Set<String> THAT_THAN_ETC =
      Set.of("that", "than", "instead", "whether", "if", "unless", "why", "how", "what", "not");
  private static final Set<String> UNTIL_TILL_ETC2 =
      Set.of("until", "till", "to", "from", "for", "by", "on");
  private static final Set<String> NEXT_LATER = Set.of("next", "later");
  private static final Set<String> FOR_BY = Set.of("for", "by");
  private static final Set<String> UNTIL_TILL = Set.of("until", "till");
  private static final Set<String> UNTIL_TILL_ETC3 = Set.of("until", "till", "because", "instead");
  private static final Set<String> ITS_THEIR_ETC = Set.of("its", "their", "his", "her", "our");
  private static final Set<String> WHAT_WHICH_ETC =
      Set.of("what", "which", "who", "annual", "regular", "weekly", "coming", "own");
  private static final Set<String> TALKS_THE_ETC =
      Set.of(
          "talks",
          "the",
          "a",
          "an",
          "payment",
          "unit",
          "community",
          "representatives",
          "economy",
          "oilseed",
          "today",
          "its",
          "it");
  private static final Set<String> WHICH_THAT_ETC =
      Set.of("which", "that", "who", "containing", "tied", "because", "aimed", "deposited", "in");
  private static final Set<String> ORIGINALLY_PREVIOUSLY_ETC3 =
      Set.of("originally", "previously", "initially", "planned");

  private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");
  private static final Pattern SIMPLE_PERIOD = Pattern.compile("P(\\d+)([DWMY])");
  private static final List<String> DAY_WORDS =
      List.of(
          "one",
          "two",
          "three",
          "four",
          "five",
          "six",
          "seven",
          "eight",
          "nine",
          "ten",
          "eleven",
          "twelve",
          "thirteen",
          "fourteen",
          "fifteen",
          "sixteen",
          "seventeen",
          "eighteen",
          "nineteen",
          "twenty",
          "twenty-one",
          "twenty-two",
          "twenty-three",
          "twenty-four",
          "twenty-five",
          "twenty-six",
          "twenty-seven",
          "twenty-eight",
          "twenty-nine",
          "thirty",
          "thirty-one");

  /** Heads that point at the event after "of": "second day of talks". */
  private static final Set<String> PARTITIVES =
      Set.of(
          "day",
          "days",
          "part",
          "stage",
          "phase",
          "leg",
          "half",
          "rest",
          "remainder",
          "portion",
          "bulk",
          "series",
          "first",
          "second",
          "third",
          "final",
          "last",
          "end",
          "beginning");

  private static final Set<String> COMPOUND_BREAKS =
      Set.of(
          "of", "on", "in", "at", "for", "between", "to", "with", "from", "by", "over", "about",
          "among", "against", "into", "and", "or");

  private static final Set<String> EXPIRY_CONTEXT =
      Set.of(
          "expire",
          "expires",
          "expiry",
          "expiration",
          "deadline",
          "offer",
          "bid",
          "tender",
          "expired",
          "date",
          // "extended its buyer incentive program to April 6", "extended its warrants by six
          // months":
          // programmes and warrants run until a date
          "program",
          "programme",
          "warrant",
          "warrants",
          // plurals say the same: "extending ... its exchange offers"
          "offers",
          "bids",
          "tenders",
          "deadlines",
          "dates",
          "programs",
          "programmes");

  /**
   * Things that run until an end date: "the standstill will be extended to June 30, 1990", "a
   * five-year extension, to November 1995, of its charter agreement". They count only as the thing
   * extended, not anywhere in the sentence, and not in sentences about lending.
   */
  private static final Set<String> AGREEMENTS =
      Set.of(
          "agreement",
          "agreements",
          "accord",
          "accords",
          "pact",
          "pacts",
          "standstill",
          "moratorium",
          "contract",
          "contracts",
          "arrangement",
          "arrangements",
          "treaty",
          "truce",
          "ceasefire");

  /** Heads of compounds whose money modifiers do not make them money: "stock buyback program". */
  private static final Set<String> EXPIRING_HEADS =
      Set.of(
          "warrant",
          "warrants",
          "program",
          "programs",
          "programme",
          "programmes",
          "offer",
          "offers");

  /** Nouns naming a proposal: "the bill would extend the date": not a change yet. */
  private static final Set<String> PROPOSALS =
      Set.of(
          "bill",
          "bills",
          "proposal",
          "proposals",
          "legislation",
          "measure",
          "amendment",
          "draft",
          "resolution",
          "plan",
          "plans",
          "initiative",
          "recommendation");

  private static final Set<String> STRONG_OLD_WORDS =
      Set.of(
          "scheduled",
          "set",
          "due",
          "planned",
          "slated",
          "expected",
          "fixed",
          "timed",
          "intended",
          "supposed",
          "originally",
          "previously",
          "initially",
          "formerly");

  private static final Set<String> NEW_PREPOSITIONS =
      Set.of("to", "until", "till", "for", "through", "into", "on", "in", "at", "by", "over");

  private static final Set<String> EVENT_VERB_CUES =
      Set.of(
          "take",
          "takes",
          "taking",
          "held",
          "meet",
          "meets",
          "convene",
          "convenes",
          "begin",
          "begins",
          "start",
          "starts",
          "open",
          "opens",
          "resume",
          "hold",
          "launch",
          "launched",
          "signed",
          "vote",
          "released",
          "published",
          "expire",
          "expires");

  private final String text;
  private final Sentence sentence;
  private final LocalDate dct;
  private final List<Token> toks;
  private final String[] lower;
  private final boolean[] caps;
  private final List<EntityMention> entities;
  private final List<TimeRef> times = new ArrayList<>();
  private final List<TimeRef> durations = new ArrayList<>();
  private final int[] timeAt;
  private final boolean[] eligible;
  private final List<Cue> cues;
  private final boolean[] cueToken;

  /** The event of this sentence's last change claim, for a pronoun in a later clause. */
  private EventPhrase priorChangeEvent;

  /** Token of the "plans to" whose verb named the last change event, or -1. */
  private int planOccasionAt = -1;

  /** All-caps or Title Case lines: capitals say nothing about names there. */
  private final boolean headline;

  private SentenceAnalyzer(
      String text,
      Sentence sentence,
      List<Token> toks,
      List<Timex> timexes,
      List<EntityMention> entities,
      LocalDate dct) {
    this.text = text;
    this.sentence = sentence;
    this.dct = dct;
    this.toks = toks;
    this.entities = entities;
    int n = toks.size();
    lower = new String[n];
    caps = new boolean[n];
    for (int i = 0; i < n; i++) {
      lower[i] = toks.get(i).lower();
      caps[i] = toks.get(i).isCapitalised();
    }
    int words = 0;
    int capital = 0;
    for (Token t : toks) {
      if (t.isWord() && Character.isLetter(t.text().charAt(0)) && t.text().length() > 3) {
        words++;
        if (t.isCapitalised()) {
          capital++;
        }
      }
    }
    boolean fullStop = n > 0 && toks.get(n - 1).is('.');
    headline = words >= 3 && capital * 10 >= words * 8 && !fullStop;
    timeAt = new int[n];
    Arrays.fill(timeAt, -1);
    buildTimes(timexes);
    List<Cue> found = Cues.find(lower, caps);
    List<Cue> kept = new ArrayList<>();
    cueToken = new boolean[n];
    for (Cue c : found) {
      if (timeAt[c.from()] < 0) {
        kept.add(c);
        for (int k = c.from(); k < c.to(); k++) {
          cueToken[k] = true;
        }
      }
    }
    cues = kept;
    eligible = new boolean[times.size()];
    for (int i = 0; i < times.size(); i++) {
      eligible[i] = isEligible(times.get(i));
    }
  }

  static List<RawClaim> analyze(
      String text,
      Sentence sentence,
      List<Timex> timexes,
      List<EntityMention> entities,
      LocalDate dct) {
    List<Token> toks = Tokenizer.tokenize(text, sentence.start(), sentence.end());
    if (toks.isEmpty() || toks.size() > MAX_TOKENS) {
      return List.of();
    }
    return new SentenceAnalyzer(text, sentence, toks, timexes, entities, dct).claims();
  }

  /** The direction a sentence's first change word states, or null (for claims read back). */
  static ChangeKind kindOf(String sentence) {
    if (sentence == null || sentence.isEmpty()) {
      return null;
    }
    List<Token> toks = Tokenizer.tokenize(sentence);
    if (toks.size() > MAX_TOKENS) {
      return null;
    }
    String[] lower = new String[toks.size()];
    boolean[] caps = new boolean[toks.size()];
    for (int i = 0; i < lower.length; i++) {
      lower[i] = toks.get(i).lower();
      caps[i] = toks.get(i).isCapitalised();
    }
    for (Cue c : Cues.find(lower, caps)) {
      switch (c.type()) {
        case POSTPONE, EXTEND, NOT_UNTIL:
          return ChangeKind.POSTPONED;
        case ADVANCE:
          return ChangeKind.ADVANCED;
        case RESCHEDULE, INSTEAD:
          return ChangeKind.RESCHEDULED;
        case CANCEL:
          return ChangeKind.CANCELLED;
        default:
          break;
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- times

  private void buildTimes(List<Timex> timexes) {
    List<TimeRef> raw = new ArrayList<>();
    for (Timex t : timexes) {
      int[] range = tokenRange(t.start(), t.end());
      if (range == null) {
        continue;
      }
      if (t.type() == TimexType.DURATION) {
        durations.add(
            new TimeRef(
                range[0], range[1], t.start(), t.end(), t.text(), t.value(), t.mod(), true, false));
        continue;
      }
      if (t.type() == TimexType.SET || t.value() == null) {
        continue;
      }
      String v = t.value();
      if (v.contains("REF") || v.startsWith("X") || v.startsWith("P")) {
        continue;
      }
      if (isClockTime(t)) {
        v = "XXXX-XX-XXT" + t.text().substring(0, 2) + ":" + t.text().substring(2, 4);
      }
      raw.add(
          new TimeRef(
              range[0],
              range[1],
              t.start(),
              t.end(),
              t.text(),
              v,
              t.mod(),
              false,
              Anchoring.underspecified(t.text())));
    }
    // Relative durations the tagger leaves alone: "a week later".
    // The pattern ends in "later": most sentences cannot match, and a scan for the word is cheap.
    Matcher rd = RELATIVE_DURATION.matcher(mentionsLater() ? sentence.text() : "");
    while (rd.find()) {
      int s = sentence.start() + rd.start();
      int e = sentence.start() + rd.end();
      int[] range = tokenRange(s, e);
      if (range != null && durations.stream().noneMatch(d -> d.start() >= s && d.end() <= e)) {
        String unit = rd.group(2).toLowerCase(Locale.ROOT).substring(0, 1).toUpperCase(Locale.ROOT);
        durations.add(
            new TimeRef(
                range[0],
                range[1],
                s,
                e,
                rd.group(),
                "P" + numberOf(rd.group(1)) + unit + "L",
                null,
                true,
                false));
      }
    }
    String st = sentence.text();
    Matcher md =
        MORE_DURATION.matcher(
            st.contains("more")
                    || st.contains("further")
                    || st.contains("additional")
                    || st.contains("extra")
                ? st
                : "");
    while (md.find()) {
      int s = sentence.start() + md.start();
      int e = sentence.start() + md.end();
      int[] range = tokenRange(s, e);
      // The whole phrase replaces the tagger's "two weeks" inside "a further two weeks", so that
      // "for a further two weeks" reads as "for" + a duration.
      if (range != null
          && durations.stream()
              .allMatch(d -> d.end() <= s || d.start() >= e || d.start() >= s && d.end() <= e)) {
        durations.removeIf(d -> d.start() >= s && d.end() <= e);
        String n = md.group(1) != null ? md.group(1) : md.group(2);
        String unit = md.group(3).toUpperCase(Locale.ROOT).substring(0, 1);
        durations.add(
            new TimeRef(
                range[0], range[1], s, e, md.group(), "P" + numberOf(n) + unit, null, true, false));
      }
    }
    for (int i = 0; i < raw.size(); i++) {
      TimeRef a = extendTail(raw.get(i));
      // "1130 GMT today", "midnight on March 26": a clock time followed by its day.
      boolean clock =
          a.value().startsWith("XXXX-XX-XXT")
              || a.value().length() > 10 && a.value().charAt(10) == 'T';
      if (clock && i + 1 < raw.size()) {
        TimeRef b = raw.get(i + 1);
        // "midnight (EST) March 24": a time zone in brackets between them still joins them.
        boolean zoneOnly =
            b.from() - a.to() <= 5
                && b.start() >= a.end()
                && CLOCK_WORDS
                    .matcher(text.substring(a.end(), b.start()))
                    .replaceAll("")
                    .replaceAll("(?i)[()\\s,]|\\bon\\b", "")
                    .isEmpty();
        if ((b.from() - a.to() <= 2 || zoneOnly)
            && TimeSpan.precisionOf(b.value()) == When.Precision.DAY) {
          a =
              new TimeRef(
                  a.from(),
                  b.to(),
                  a.start(),
                  b.end(),
                  text.substring(a.start(), b.end()),
                  b.value().substring(0, Math.min(10, b.value().length()))
                      + a.value().substring(10)
                      + (isUtc(text.substring(a.end(), b.start())) ? "Z" : ""),
                  null,
                  false,
                  b.underspecified());
          i++;
        }
      }
      // "April 5-6", "late March or early April", "between March 31 and April 2".
      if (i + 1 < raw.size() && a.value().indexOf('/') < 0) {
        TimeRef b = raw.get(i + 1);
        String between = text.substring(a.end(), Math.max(a.end(), b.start())).trim();
        boolean fromTo =
            a.from() > 0 && lower[a.from() - 1].equals("from") || between.equals("from");
        if (b.from() >= a.to()
            && b.from() - a.to() <= 1
            && (between.equals("-")
                || between.equals("\u2013")
                || between.equals("or")
                || between.equals("and")
                || between.equals("through")
                || (between.equals("to") || between.equals("until")) && !fromTo)
            && !b.value().startsWith("XXXX")
            && !backwards(a, b)) {
          a =
              new TimeRef(
                  a.from(),
                  b.to(),
                  a.start(),
                  b.end(),
                  text.substring(a.start(), b.end()),
                  a.value() + "/" + b.value(),
                  null,
                  false,
                  a.underspecified() && b.underspecified());
          i++;
        }
      }
      times.add(a);
      for (int k = a.from(); k < a.to(); k++) {
        timeAt[k] = times.size() - 1;
      }
    }
  }

  /**
   * Whether the sentence holds "later" in any case (a necessary condition of RELATIVE_DURATION).
   */
  private boolean mentionsLater() {
    String s = sentence.text();
    for (int i = s.length() - 5; i >= 0; i--) {
      // the pattern is case-insensitive for ASCII only: 'l' or 'L', then the rest
      if ((s.charAt(i) | 0x20) == 'l' && s.regionMatches(true, i + 1, "ater", 0, 4)) {
        return true;
      }
    }
    return false;
  }

  /** "March 19/20", "March 17 and 18", "April one": tails the tagger leaves out. */
  private TimeRef extendTail(TimeRef a) {
    String after = text.substring(a.end(), Math.min(sentence.end(), a.end() + 40));
    if (TimeSpan.precisionOf(a.value()) == When.Precision.DAY && a.value().length() == 10) {
      Matcher m = RANGE_TAIL.matcher(after);
      if (m.lookingAt()) { // anchored at the start: the same match as find(), without the scan
        int day = Integer.parseInt(m.group(1));
        LocalDate first = LocalDate.parse(a.value());
        if (day > first.getDayOfMonth() && day <= first.lengthOfMonth()) {
          int end = a.end() + m.end();
          int[] range = tokenRange(a.start(), end);
          return new TimeRef(
              a.from(),
              range == null ? a.to() : range[1],
              a.start(),
              end,
              text.substring(a.start(), end),
              a.value() + "/" + first.withDayOfMonth(day),
              null,
              false,
              a.underspecified());
        }
      }
    }
    if (TimeSpan.precisionOf(a.value()) == When.Precision.MONTH && a.mod() == null) {
      Matcher m = NUMBER_WORD_DAY.matcher(after);
      if (m.lookingAt()) {
        String w = m.group(1).toLowerCase(Locale.ROOT);
        int day =
            switch (w) {
              case "first" -> 1;
              case "second" -> 2;
              case "third" -> 3;
              default -> DAY_WORDS.indexOf(w) + 1;
            };
        if (day >= 1 && day <= 31) {
          int end = a.end() + m.end();
          int[] range = tokenRange(a.start(), end);
          return new TimeRef(
              a.from(),
              range == null ? a.to() : range[1],
              a.start(),
              end,
              text.substring(a.start(), end),
              a.value() + String.format(Locale.ROOT, "-%02d", day),
              null,
              false,
              a.underspecified());
        }
      }
    }
    return a;
  }

  private static boolean isUtc(String between) {
    String b = between.trim().toUpperCase(Locale.ROOT);
    return b.startsWith("GMT") || b.startsWith("UTC");
  }

  /** "1130 GMT": a four-digit "year" that is a clock time. */
  private boolean isClockTime(Timex t) {
    if (!FOUR_DIGITS.matcher(t.text()).matches() || !FOUR_DIGITS.matcher(t.value()).matches()) {
      return false;
    }
    int year = Integer.parseInt(t.value());
    int hh = Integer.parseInt(t.text().substring(0, 2));
    int mm = Integer.parseInt(t.text().substring(2, 4));
    if (hh > 24 || mm > 59) {
      return false;
    }
    int ref = dct == null ? 2000 : dct.getYear();
    String after =
        text.substring(t.end(), Math.min(text.length(), t.end() + 6))
            .trim()
            .toUpperCase(Locale.ROOT);
    boolean zone =
        after.startsWith("GMT")
            || after.startsWith("EST")
            || after.startsWith("EDT")
            || after.startsWith("CST")
            || after.startsWith("PST")
            || after.startsWith("HRS")
            || after.startsWith("LOCAL")
            || after.startsWith("UTC");
    return zone || year < 1900 || year > ref + 30;
  }

  private static int numberOf(String w) {
    String l = w.toLowerCase(Locale.ROOT);
    if (l.equals("a")) {
      return 1;
    }
    int i = DAY_WORDS.indexOf(l);
    if (i >= 0) {
      return i + 1;
    }
    try {
      return Integer.parseInt(l);
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private int[] tokenRange(int start, int end) {
    int from = -1;
    int to = -1;
    for (int i = 0; i < toks.size(); i++) {
      Token t = toks.get(i);
      if (t.end() > start && t.start() < end) {
        if (from < 0) {
          from = i;
        }
        to = i + 1;
      }
      if (t.start() >= end) {
        break;
      }
    }
    return from < 0 ? null : new int[] {from, to};
  }

  /** Attribution ("said on Tuesday"), history ("since December 19") and "the 1986 results". */
  private boolean isEligible(TimeRef r) {
    int p = r.from() - 1;
    while (p >= 0 && ON_LATE_ETC.contains(lower[p])) {
      p--;
    }
    if (p >= 0
        && (Words.SPEECH.contains(lower[p]) || Words.PAST_EVENT_VERBS.contains(lower[p]))
        && !(p > 0 && BE_TO_ETC.contains(lower[p - 1]))
        && !planWordBefore(p, 5)) {
      return false;
    }
    if (r.from() > 0 && lower[r.from() - 1].equals("since")) {
      return false;
    }
    // "told Sputnik on Tuesday", "said on Tuesday": a speech verb just before.
    for (int k = r.from() - 1; k >= Math.max(0, r.from() - 4); k--) {
      if (TOLD_TELLS.contains(lower[k])) {
        return false;
      }
      if (timeAt[k] >= 0 || Words.AUX.contains(lower[k]) || lower[k].equals(",")) {
        break;
      }
    }
    When.Precision pr = TimeSpan.precisionOf(r.value());
    if (pr == When.Precision.YEAR || pr == When.Precision.DECADE) {
      if (r.from() > 0 && lower[r.from() - 1].equals("fiscal")) {
        return false;
      }
      if (r.to() < lower.length && isLowerNoun(r.to())) {
        return false; // "the 1986 results", "the 1987/88 budget"
      }
    }
    return true;
  }

  /** "scheduled to have been launched on March 2": a plan, not history. */
  private boolean planWordBefore(int p, int within) {
    for (int k = p - 1; k >= Math.max(0, p - within); k--) {
      if (STRONG_OLD_WORDS.contains(lower[k])) {
        return true;
      }
    }
    return false;
  }

  private boolean isLowerNoun(int i) {
    Token t = toks.get(i);
    if (!t.isWord() || t.isCapitalised() || !Character.isLetter(t.text().charAt(0))) {
      return false;
    }
    return !NEW_PREPOSITIONS.contains(lower[i])
        && !Words.AUX.contains(lower[i])
        && !AND_OR_ETC.contains(lower[i])
        && !CONJUNCTIONS_AFTER_TIME.contains(lower[i])
        && !YEAR_PAIR_WORDS.contains(lower[i])
        && !cueToken[i];
  }

  /** "pushed back to 1989 from 1988": a year before these words is a time, not a modifier. */
  private static final Set<String> YEAR_PAIR_WORDS = Set.of("from", "instead", "rather");

  /** "to close in 1989 after the stopes are mined": the year is a time, not a noun's modifier. */
  private static final Set<String> CONJUNCTIONS_AFTER_TIME =
      Set.of("after", "before", "when", "as", "because", "while", "unless", "if", "once", "than");

  // ---------------------------------------------------------------- claims

  private List<RawClaim> claims() {
    List<RawClaim> out = new ArrayList<>();
    List<Cue> changes = validChangeCues();
    int lastClauseEnd = -1;
    for (Cue c : changes) {
      if (c.from() < lastClauseEnd) {
        continue; // one change claim per clause
      }
      RawClaim claim = changeClaim(c, changes);
      if (claim != null) {
        out.add(claim);
        priorChangeEvent = claim.event();
        lastClauseEnd = clauseEnd(c.to());
      }
    }
    if (out.size() > 1) {
      // "delayed the start of the meeting, and ... it may have to be delayed until next week":
      // one event changed twice in a sentence keeps the claim that says where it went.
      List<RawClaim> kept = new ArrayList<>();
      for (RawClaim a : out) {
        boolean superseded =
            a.when() == null
                && a.previous() == null
                && out.stream().anyMatch(b -> b != a && b.event() == a.event() && b.when() != null);
        if (!superseded) {
          kept.add(a);
        }
      }
      return kept;
    }
    if (!out.isEmpty()) {
      return out;
    }
    RawClaim contrast = contrastClaim();
    if (contrast != null) {
      out.add(contrast);
      return out;
    }
    RawClaim now = nowPlanClaim();
    if (now != null) {
      out.add(now);
      return out;
    }
    out.addAll(scheduleClaims());
    return out;
  }

  private static final Set<Type> CHANGE_TYPES =
      EnumSet.of(
          Type.POSTPONE,
          Type.ADVANCE,
          Type.RESCHEDULE,
          Type.CANCEL,
          Type.EXTEND,
          Type.NOT_UNTIL,
          Type.INSTEAD);

  private List<Cue> validChangeCues() {
    List<Cue> out = new ArrayList<>();
    for (Cue c : cues) {
      if (CHANGE_TYPES.contains(c.type()) && isValidChange(c)) {
        out.add(c);
      }
    }
    return out;
  }

  private boolean isValidChange(Cue c) {
    String first = lower[c.from()];
    int after = c.to();
    if (isAdjectival(c)) {
      return false; // "a delayed opening", "deferred acquisition costs", "the extended offer"
    }
    if (first.equals("rescheduling")
        && after < lower.length
        && toks.get(after).isWord()
        && timeAt[after] < 0
        && !OF_FOR_ETC.contains(lower[after])) {
      return false; // "a rescheduling accord", "debt rescheduling talks": the money sense
    }
    if (isHypothetical(c) || isIntention(c)) {
      return false;
    }
    if ((first.startsWith("adjourn") || lower[c.to() - 1].equals("over"))
        && !untilTimeAhead(after, 14)) {
      return false; // "the council adjourned after ...": a session ended, nothing moved
    }
    if (isReconvene(first) && !(adjournBefore(c.from()) && nextTime(after, 4) >= 0)) {
      return false; // "the council is to reconvene Tuesday": a plan
    }
    if (first.startsWith("put")
        && (lower[c.to() - 1].equals("back") || lower[c.to() - 1].equals("forward"))
        && nextTime(after, 3) < 0
        && nextDuration(after, 3) < 0) {
      return false; // "put back in American hands", "put forward a proposal": not a move in time
    }
    // Word senses that are not about time.
    if (first.startsWith("push") && after < lower.length && AGAINST_ON_ETC.contains(lower[after])) {
      return false;
    }
    // A time right after the verb, or for "set back" a pair "to T2 from T1" anywhere in the clause
    // ("set back the schedule for the plant's start-up to June from May"): without one, "moved
    // to" is a place and "set back the company" a setback.
    if ((first.startsWith("move")
            || first.equals("switched")
            || first.equals("advanced")
            || first.equals("set")
            || first.startsWith("slip"))
        && c.type() != Type.ADVANCE
        && nextTime(after, 3) < 0
        && !(first.equals("set") && toFromPair(after) != null)) {
      return false;
    }
    if (c.type() == Type.ADVANCE
        && (first.startsWith("move") || first.equals("advanced"))
        && nextTime(after, 8) < 0
        && !hasEventNounAfter(after, 6)
        && !(c.from() > 0 && Words.BE.contains(lower[c.from() - 1]))) {
      return false;
    }
    if (plainChange(c)) {
      // "changed the record date to March 20 from March 13", "the meeting has been changed from
      // March 12 to March 16": a plain "change" moves a date only with the pair of days it
      // states; not a fiscal year's end ("changed its fiscal year end from August 31 to December
      // 31") nor a revised figure.
      int[] pair = toFromPair(after);
      if (pair == null
          || !namesADay(times.get(pair[0]))
          || !namesADay(times.get(pair[1]))
          || TimeSpan.precisionOf(times.get(pair[0]).value()) != When.Precision.DAY
          || TimeSpan.precisionOf(times.get(pair[1]).value()) != When.Precision.DAY
          || fiscalContext()) {
        return false;
      }
    }
    if (c.type() == Type.INSTEAD) {
      // "next Monday instead of this Friday": a time on each side; a figure is a revision.
      return nextTime(after, 3) >= 0 && previousTime(c.from(), 3) >= 0;
    }
    if (c.type() == Type.EXTEND) {
      // "has been extended until April 8 from March 18": a pair of dates states the move of an end
      // date, whatever the thing is called; not in lending ("extend a waiver ... to April 29 from
      // March 18") nor for daily hours ("extends the lunch break to 1330 from 1300").
      int[] pair = toFromPair(after);
      boolean context =
          periodObject(after) >= 0
              || pair != null
                  && !mentionsLending()
                  && namesADay(times.get(pair[0]))
                  && namesADay(times.get(pair[1]));
      for (String w : lower) {
        if (EXPIRY_CONTEXT.contains(w)) {
          context = true;
        }
      }
      int thing = extendedThing(c);
      if (thing >= 0 && AGREEMENTS.contains(lower[thing]) && !mentionsLending()) {
        context = true;
      }
      if (!context
          || nextTime(after, 20) < 0
              && nextDuration(after, 4) < 0
              && toFromPair(after) == null
              && !extensionDuration(c)
          || isConditional(c)) {
        return false;
      }
    }
    if (c.type() == Type.NOT_UNTIL
        && nextTime(after, 4) < 0
        && nextDuration(after, 4) < 0
        && !(after < lower.length && lower[after].equals("after"))) {
      return false;
    }
    if (c.type() != Type.NOT_UNTIL && isNegated(c)) {
      return false;
    }
    if (isConditional(c) || isFinancial(c)) {
      return false;
    }
    return true;
  }

  /**
   * "warrants which were due to expire March 19 have been extended": the expiry of the noun the
   * relative clause with "expire" describes; null when there is none.
   */
  private EventPhrase expiringThing(int before) {
    if (mentionsLending()) {
      return null;
    }
    for (int k = before - 1; k >= Math.max(2, before - 12); k--) {
      if (!lower[k].equals("expire")) {
        continue;
      }
      for (int r = k - 1; r >= Math.max(1, k - 5); r--) {
        if (THAT_WHICH.contains(lower[r])) {
          int end = lower[r - 1].equals(",") ? r - 2 : r - 1;
          if (end < 0) {
            return null;
          }
          EventPhrase base = nounPhraseEndingAt(end);
          return base == null || base.anaphor()
              ? null
              : renamed(base, base.written() + " expiry", "expiry");
        }
      }
    }
    return null;
  }

  /**
   * "extended the subscription period to May 1", "extended by 11 days the period during which": the
   * token of a "period" that is the direct object of the extension, else -1. A period in a sentence
   * about lending is a term of credit, not an occasion; "extended its gains in the period" has no
   * period as its object.
   */
  private int periodObject(int after) {
    int k = skipExtensionAdjuncts(after);
    if (k >= lower.length
        || !(Words.DETERMINERS.contains(lower[k]) || ITS_THEIR_ETC.contains(lower[k]))) {
      return -1;
    }
    for (int j = k + 1; j <= Math.min(k + 3, lower.length - 1); j++) {
      if (lower[j].equals("period")) {
        return mentionsLending() ? -1 : j;
      }
      if (!toks.get(j).isWord() || timeAt[j] >= 0) {
        return -1;
      }
    }
    return -1;
  }

  /**
   * Past what an extension states before its object ("by ten days", "for three years", "until March
   * 15", "to March 27"): "extended until March 15 the period during which ...". Returns the first
   * token after them.
   */
  private int skipExtensionAdjuncts(int after) {
    int k = after;
    for (int round = 0; round < 3 && k + 1 < lower.length; round++) {
      if (lower[k].equals(",")) {
        k++;
        continue;
      }
      if (FOR_BY.contains(lower[k]) && durationAt(k + 1) >= 0) {
        k = durations.get(durationAt(k + 1)).to();
      } else if (TO_UNTIL_ETC.contains(lower[k]) && timeAt[k + 1] >= 0) {
        k = times.get(timeAt[k + 1]).to();
      } else {
        break;
      }
    }
    return k;
  }

  /**
   * The head token of the thing an extension acts on, or -1: its object ("extended until April 3
   * the standstill agreement"), the noun after "extension (...) of", or a passive subject ("the
   * moratorium will be extended").
   */
  private int extendedThing(Cue c) {
    int k = skipExtensionAdjuncts(c.to());
    if (lower[c.from()].equals("extension")) {
      for (int j = c.to(); j < Math.min(lower.length, c.to() + 8); j++) {
        if (lower[j].equals("of")
            || lower[j].equals("to") && timeAt[Math.min(j + 1, lower.length - 1)] < 0) {
          k = j + 1;
          break;
        }
      }
    }
    if (k < lower.length
        && (Words.DETERMINERS.contains(lower[k]) || ITS_THEIR_ETC.contains(lower[k]))) {
      int head = -1;
      for (int j = k + 1; j <= Math.min(k + 4, lower.length - 1); j++) {
        if (!toks.get(j).isWord() || timeAt[j] >= 0 || COMPOUND_BREAKS.contains(lower[j])) {
          break;
        }
        head = j;
      }
      if (head >= 0) {
        return head;
      }
    }
    int b = c.from() - 1;
    if (b >= 0 && Words.BE.contains(lower[b])) {
      while (b >= 0
          && (Words.BE.contains(lower[b])
              || Words.AUX.contains(lower[b])
              || lower[b].equals("also")
              || lower[b].equals("now"))) {
        b--;
      }
      // The noun phrase must open the clause ("Under the accord, the standstill will be
      // extended"), not be the object of another verb ("authority to negotiate a new GATT
      // agreement would be extended": the authority is).
      int d = b;
      while (d >= 0
          && d > b - 5
          && toks.get(d).isWord()
          && !Words.DETERMINERS.contains(lower[d])
          && !ITS_THEIR_ETC.contains(lower[d])) {
        d--;
      }
      boolean opens =
          d < 0
              || !toks.get(d).isWord()
              || (Words.DETERMINERS.contains(lower[d]) || ITS_THEIR_ETC.contains(lower[d]))
                  && (d == 0
                      || !toks.get(d - 1).isWord()
                      || Words.SPEECH.contains(lower[d - 1])
                      || THAT_WHICH.contains(lower[d - 1])
                      || lower[d - 1].equals("and"));
      if (b >= 0 && toks.get(b).isWord() && opens) {
        return b;
      }
    }
    return -1;
  }

  private static final Pattern CLOCK_WORDS =
      Pattern.compile(
          "(?i)\\b(gmt|utc|est|edt|cst|cdt|pst|pdt|bst|local|time|hrs|hours|a\\.?m\\.?|p\\.?m\\.?)\\b");

  /** A time that names a day, not only a clock time of the day ("1330 local time"). */
  private static boolean namesADay(TimeRef r) {
    return !r.value().contains("T")
        || CLOCK_WORDS.matcher(r.text()).replaceAll("").chars().anyMatch(Character::isLetter);
  }

  /**
   * A sentence about lending: "a loan agreement which covers short term debt had been scheduled to
   * expire" extends credit, it does not move an occasion (ADR 0003, money senses).
   */
  private boolean mentionsLending() {
    for (String w : lower) {
      if (LENDING.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> LENDING =
      Set.of(
          "debt",
          "debts",
          "loan",
          "loans",
          "lender",
          "lenders",
          "credit",
          "credits",
          "obligations",
          "repayment",
          "repayments",
          "borrowings",
          "arrears",
          "mortgage",
          "deferrals",
          "waiver",
          "waivers",
          "covenant",
          "covenants");

  /** "adjourned the meeting until March 11": until/till/to right before a time, in the clause. */
  private boolean untilTimeAhead(int from, int within) {
    for (int k = from; k < Math.min(lower.length - 1, from + within); k++) {
      String w = lower[k];
      if (w.equals(".") || w.equals(";") || w.equals("and") && k > from + 1 && timeAt[k - 1] < 0) {
        return false;
      }
      if (TO_UNTIL_ETC.contains(w) && timeAt[k + 1] >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * "originally convened and adjourned December 23, will be reconvened on April 22": a meeting
   * adjourned before it did its business. A council that "adjourned on Friday and will reconvene on
   * Tuesday" only breaks a session, so the adjournment must be stated as the former plan's end.
   */
  private boolean adjournBefore(int before) {
    for (int k = 0; k < before; k++) {
      if (lower[k].startsWith("adjourn")) {
        for (int j = Math.max(0, k - 4); j < k; j++) {
          if (ORIGINALLY_FIRST.contains(lower[j])) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * "will be reconvened", "will be resumed": the meeting goes on at a new time, a change only after
   * an adjournment stated as the former plan's end ({@link #adjournBefore}).
   */
  private static boolean isReconvene(String w) {
    return w.startsWith("reconven") || w.startsWith("resum");
  }

  private static final Set<String> ORIGINALLY_FIRST =
      Set.of("originally", "previously", "initially", "first");

  private boolean isNegated(Cue c) {
    int start = clauseStart(c.from());
    for (int k = c.from() - 1; k >= Math.max(start, c.from() - 4); k--) {
      if (Words.isNegation(lower[k])) {
        return true;
      }
      for (Cue n : cues) {
        if (n.type() == Type.NEGATION && n.from() == k) {
          // "did not rule out a delay" reads as a hedge, not a denial.
          return !(n.to() < lower.length && lower[n.to()].startsWith("rul"));
        }
      }
    }
    // "there will be no postponement"
    return c.from() > 0 && lower[c.from() - 1].equals("no");
  }

  private boolean isConditional(Cue c) {
    int start = clauseStart(c.from());
    int end = clauseEnd(c.to());
    for (Cue k : cues) {
      if (k.type() != Type.CONDITIONAL) {
        continue;
      }
      if (k.from() < c.from() && k.from() >= Math.max(start, c.from() - 8)) {
        return true;
      }
      // "would postpone its deadline ... if some progress was made"
      if (k.from() >= c.to()
          && (k.from() <= c.to() + 3 || k.from() < end)
          && !lower[k.from()].equals(
              "whether")) { // "a decision on whether to" asks, not conditions
        return true;
      }
    }
    return false;
  }

  /** "negotiations to delay shipments", "calls to postpone": wanted, not done. */
  private boolean isIntention(Cue c) {
    // "Citicorp had suggested that Dixons extend its tender": a proposal, not a decision.
    int start = clauseStart(c.from());
    if (start >= 2
        && lower[start - 1].equals("that")
        && SUGGESTED_SUGGESTS_ETC.contains(lower[start - 2])) {
      return true;
    }
    for (int j = Math.max(0, c.from() - 6); j < c.from(); j++) {
      if (SUGGESTED_SUGGESTS_ETC2.contains(lower[j])) {
        return true;
      }
    }
    int k = c.from() - 1;
    return k >= 1 && lower[k].equals("to") && NEGOTIATIONS_PLANS_ETC.contains(lower[k - 1]);
  }

  /** "problems that would delay completion": a change that is only imagined. */
  private boolean isHypothetical(Cue c) {
    int start = clauseStart(c.from());
    boolean would = false;
    for (int k = c.from() - 1; k >= Math.max(0, c.from() - 3); k--) {
      if (lower[k].equals("would") || lower[k].equals("could")) {
        would = true;
      }
    }
    if (!would) {
      return false;
    }
    // "The bill would extend the date ...": what a proposal would do has not happened.
    for (int k = c.from() - 1; k >= Math.max(start, c.from() - 5); k--) {
      if (lower[k].equals("would") || lower[k].equals("could")) {
        if (k > 0 && PROPOSALS.contains(lower[k - 1])) {
          return true;
        }
        break;
      }
    }
    for (int k = start - 1; k >= Math.max(0, start - 2); k--) {
      if (THAT_WHICH.contains(lower[k])) {
        return true;
      }
    }
    return start < lower.length && THAT_WHICH.contains(lower[start]);
  }

  /** A participle used as an adjective: "a delayed opening", "or deferred outlays". */
  private boolean isAdjectival(Cue c) {
    if (c.to() - c.from() != 1) {
      return false;
    }
    String w = lower[c.from()];
    if (!(w.endsWith("ed") || w.equals("put"))) {
      return false;
    }
    int next = c.to();
    if (next >= lower.length || !toks.get(next).isWord() || timeAt[next] >= 0) {
      return false;
    }
    String n = lower[next];
    if (NEW_PREPOSITIONS.contains(n)
        || Words.DETERMINERS.contains(n)
        || Words.ADVERBS.contains(n)
        || AND_OR_ETC2.contains(n)) {
      return false;
    }
    if (c.from() == 0) {
      return false;
    }
    String p = lower[c.from() - 1];
    if (Words.DETERMINERS.contains(p) || OF_IN_ETC.contains(p)) {
      return true;
    }
    // "expected deferred contracts", "delayed trading in": a participle before a plain noun,
    // with no auxiliary, modifies it; "postponed talks" or "delayed shipments" stay verbs.
    for (int k = next; k < Math.min(lower.length, next + 3); k++) {
      if (Cues.EVENT_NOUNS.contains(Words.stripPossessive(lower[k]))) {
        return false; // "postponed initial shipments"
      }
    }
    return Character.isLetter(n.charAt(0))
        && !Words.AUX.contains(p)
        && !p.equals("to")
        && !Words.PRONOUNS.contains(n)
        && !toks.get(next).isCapitalised();
  }

  private boolean isFinancial(Cue c) {
    if (c.from() > 0 && DIVIDENDS.contains(lower[c.from() - 1]) && untilTimeAhead(c.to(), 8)) {
      return false; // "final dividend delayed until July 1": its payment date moved
    }
    if (c.from() > 0 && Cues.FINANCIAL.contains(Words.stripPossessive(lower[c.from() - 1]))) {
      return true;
    }
    if (c.type() == Type.EXTEND) {
      // "credit lines extended to Brazilian banks": lending, not a deadline.
      for (int k = c.from() - 1; k >= Math.max(0, c.from() - 3); k--) {
        if (CREDIT_CREDITS_ETC.contains(lower[k])) {
          return true;
        }
      }
    }
    if (isNounForm(c)) {
      // "the interest rate on the rescheduling": money words just before a noun form.
      for (int k = c.from() - 1; k >= Math.max(clauseStart(c.from()), c.from() - 5); k--) {
        if (Cues.FINANCIAL.contains(Words.stripPossessive(lower[k]))) {
          return true;
        }
      }
    }
    for (int k = c.to(); k < Math.min(lower.length, c.to() + 10); k++) {
      String w = Words.stripPossessive(lower[k]);
      if (timeAt[k] >= 0 || UNTIL_TILL_ETC.contains(w)) {
        return false;
      }
      String next = k + 1 < lower.length ? Words.stripPossessive(lower[k + 1]) : "";
      // In a compound the last noun counts: "contract talks" is an event, "acquisition costs"
      // money.
      if (Cues.EVENT_NOUNS.contains(w)
          && !Cues.FINANCIAL.contains(w)
          && !Cues.FINANCIAL.contains(next)) {
        return false;
      }
      if (Cues.FINANCIAL.contains(w)
          && !Cues.EVENT_NOUNS.contains(next)
          && !(c.type() == Type.EXTEND
              && (EXPIRING_HEADS.contains(w) || warrantsHeadCompound(k)))) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> WARRANTS = Set.of("warrant", "warrants");

  /**
   * "extended its common stock purchase warrants": the compound from {@code k} ends in warrants,
   * which expire on a date, so the money word before them is only their modifier.
   */
  private boolean warrantsHeadCompound(int k) {
    for (int j = k + 1; j < Math.min(lower.length, k + 4); j++) {
      if (EXPIRING_HEADS.contains(lower[j])) {
        return true;
      }
      if (!toks.get(j).isWord() || COMPOUND_BREAKS.contains(lower[j])) {
        return false;
      }
    }
    return false;
  }

  private RawClaim changeClaim(Cue c, List<Cue> changes) {
    Type type = c.type();
    ChangeKind kind =
        switch (type) {
          case ADVANCE -> ChangeKind.ADVANCED;
          case RESCHEDULE, INSTEAD -> ChangeKind.RESCHEDULED;
          case CANCEL -> ChangeKind.CANCELLED;
          default -> ChangeKind.POSTPONED;
        };
    boolean indefinite = false;
    for (Cue k : cues) {
      if (k.type() == Type.INDEFINITE && k.from() >= c.to() && k.from() <= c.to() + 3) {
        indefinite = true;
      }
      if (k.type() == Type.INDEFINITE && k.to() == c.from()) {
        indefinite = true;
      }
    }
    boolean noun = isNounForm(c);
    planOccasionAt = -1;
    EventPhrase event = changeEvent(c);
    // Roles of the times.
    TimeRef old = null;
    TimeRef neu = null;
    boolean oldStrong = false;
    boolean newStrong = false;

    for (int i = 0; i < times.size(); i++) {
      if (!eligible[i] || belongsToOtherCue(times.get(i), c, changes)) {
        continue;
      }
      TimeRef r = times.get(i);
      int role = role(r, c, event);
      if (role == 2 && !oldStrong) {
        old = r;
        oldStrong = true;
      } else if (role == 1 && !newStrong) {
        neu = r;
        newStrong = true;
      } else if (role == -2 && neu == null && r.from() >= c.to()) {
        neu = r;
      }
    }
    if (old == null && isReconvene(lower[c.from()])) {
      // "first convened and adjourned January 14, will be reconvened": the adjournment's date.
      for (int k = 0; k + 1 < c.from(); k++) {
        if (lower[k].startsWith("adjourn")) {
          int t = nextTime(k + 1, 2);
          if (t >= 0 && times.get(t).to() <= c.from()) {
            old = times.get(t);
            oldStrong = true;
          }
        }
      }
    }
    if (planOccasionAt >= 0 && old == null) {
      // "delay its plans to market the drug this spring", "its plans to launch the fund in May
      // were postponed (until July)": the plan's own time is the old one.
      int p = firstEligibleTime(planOccasionAt, clauseEnd(planOccasionAt), 16);
      if (p >= 0 && !times.get(p).equals(neu)) {
        old = times.get(p);
      } else if (p >= 0 && !newStrong) {
        old = neu;
        neu = null;
      }
    }
    Cue nowCue = nowBeforeScheduleComparison(c);
    if (nowCue != null && !newStrong) {
      // "will now come on stream by the end of first quarter 1988, five months behind schedule"
      int t = firstEligibleTime(nowCue.to(), c.from(), c.from() - nowCue.to());
      if (t >= 0) {
        neu = times.get(t);
        newStrong = true;
      }
    }
    if (type == Type.INSTEAD) {
      // "X instead of Y": the time before is the new one, the time after the old one.
      neu = times.get(previousTime(c.from(), 3));
      old = times.get(nextTime(c.to(), 3));
      newStrong = true;
      oldStrong = true;
    }
    if (kind == ChangeKind.CANCELLED || indefinite) {
      neu = null;
    }
    if (neu != null && old != null && neu.equals(old)) {
      neu = null;
    }
    // Anchor underspecified dates by role: the old time first, the new one relative to it.
    if (old != null && dct != null && isReconvene(lower[c.from()])) {
      // "adjourned December 23, will be reconvened": the adjournment is behind us.
      TimeSpan today =
          TimeSpan.of(new When(dct.toString(), When.Precision.DAY, null, "")).orElse(null);
      old = Anchoring.anchor(old, Anchoring.Policy.BEFORE, dct, today);
    } else if (old != null) {
      old = Anchoring.anchor(old, Anchoring.Policy.RECENT, dct, null);
      old = fillClockDate(old, null);
    }
    TimeSpan oldSpan = old == null ? null : TimeSpan.of(old.toWhen()).orElse(null);
    if (neu != null) {
      Anchoring.Policy p =
          switch (kind) {
            case ADVANCED -> Anchoring.Policy.BEFORE;
            case RESCHEDULED -> Anchoring.Policy.CLOSEST_TO;
            default -> Anchoring.Policy.AFTER;
          };
      neu = Anchoring.anchor(neu, p, dct, oldSpan);
      neu = fillClockDate(neu, old);
      if (type == Type.EXTEND) {
        // "extended to midnight April 23", "to 2000 EST March 23": an offer or period runs to the
        // end of a day; the day is the news, the clock time a detail.
        neu = dayOfClockTime(neu);
      }
    } else if (old != null
        && kind != ChangeKind.CANCELLED
        && !indefinite
        && TimeSpan.precisionOf(old.value()) == When.Precision.DAY) {
      // "extended for one week", "until a week later": the new date is the old one moved.
      int d = nextDuration(c.to(), 6);
      if (d >= 0) {
        neu = shifted(old, durations.get(d));
      }
    }
    if (type == Type.EXTEND
        && neu != null
        && oldSpan != null
        && TimeSpan.of(neu.toWhen()).map(n -> n.end() <= oldSpan.start()).orElse(false)) {
      // An extension moves an end later; an earlier time is not where it went ("beyond June 30
      // ... delegates said following a session today").
      neu = null;
    }
    if (event == null && type == Type.EXTEND) {
      event = expiringThing(c.from());
    }
    if (event == null && type == Type.EXTEND) {
      int q = periodObject(c.to());
      event = q < 0 ? null : nounPhraseEndingAt(q);
    }
    if (event == null) {
      return null;
    }
    // A time inside the event's own name ("its fourth quarter results") is not where it went.
    if (neu != null && !newStrong && neu.start() >= event.start() && neu.end() <= event.end()) {
      neu = null;
    }
    // A new time before the publication day is when the change happened ("was deferred last
    // week"), not where the event went.
    if (neu != null && endsBeforeDct(neu)) {
      neu = null;
      newStrong = false;
    }
    boolean strongTime =
        newStrong
            || oldStrong
            || type == Type.INSTEAD
            || nextDuration(c.to(), 3) >= 0
            || extensionDuration(c);
    // Every change needs an occasion: an event noun heading the subject or object ("postpone
    // action" is not one), or the clause's first event noun when a time is firmly attached.
    if (type == Type.EXTEND
        && !isEventNoun(event.head())
        && !event.anaphor()
        && strongTime
        && (WARRANTS.contains(event.head())
            || event.core().stream().noneMatch(Cues.FINANCIAL::contains)
                && !Cues.FINANCIAL.contains(event.head()))) {
      // "the INRA, originally due to expire in October 1985, was extended": its expiry moved.
      event =
          new EventPhrase(
              event.start(),
              event.end(),
              event.written() + " expiry",
              "expiry",
              append(event.core(), "expiry"),
              event.qualifiers(),
              event.qualifierText(),
              false,
              event.named(),
              event.indirect());
    }
    if (!isEventNoun(event.head()) && !event.anaphor()
        || event.indirect() && !strongTime
        || Cues.FINANCIAL.contains(event.head())) {
      return null;
    }
    if (kind == ChangeKind.CANCELLED
        && !Cues.CANCEL_NOUNS.contains(event.head())
        && !dev.herald.nlp.entity.EntityRecognizer.EVENT_HEADS.contains(event.head())
        && !plannedModifier(event)) {
      return null; // "cancelled its order", "cancelled the merger": not a schedule
    }
    // A noun ("the delay in ...", "building delays") says little without its own new time.
    if (noun
        && !newStrong
        && !((ofEventNoun(c) || extendsAnAgreement(c)) && (hasPlanContext() || foreseen(c)))) {
      return null;
    }
    // With no time at all only an occasion counts: "postponed a session", not "a decision".
    // "will put off for one week a decision": a stated delay counts like a date.
    boolean delayStated =
        nextDuration(c.to(), 3) >= 0
            || extensionDuration(c)
            || SCHEDULE_COMPARISONS.contains(lower[c.from()]) && durationEndingAt(c.from()) >= 0;
    if (neu == null
        && old == null
        && !delayStated
        && !Cues.DATELESS_OCCASIONS.contains(event.head())) {
      return null;
    }
    // With no time at all, "is delaying exports" is a process, not a rescheduled occasion.
    if (neu == null
        && old == null
        && lower[c.from()].endsWith("ing")
        && !(c.from() > 0 && Words.BE.contains(lower[c.from() - 1]))) {
      return null;
    }
    if (neu != null && old != null && kind != ChangeKind.CANCELLED) {
      kind = direction(old, neu, kind);
    }
    ClaimStatus status = kind == ChangeKind.CANCELLED ? ClaimStatus.CANCELLED : ClaimStatus.CHANGED;
    Certainty certainty = hedged(c.from(), c.to()) ? Certainty.POSSIBLE : Certainty.CONFIRMED;
    String cueText = text.substring(toks.get(c.from()).start(), toks.get(c.to() - 1).end());
    if (indefinite && !cueText.contains("indefinitely")) {
      cueText = cueText + " indefinitely";
    }
    return new RawClaim(
        event, neu, old, status, certainty, kind, cueText, false, location(), sentence);
  }

  private static List<String> append(List<String> words, String w) {
    List<String> out = new ArrayList<>(words);
    if (!out.contains(w)) {
      out.add(w);
    }
    return out;
  }

  /** "postponement of the next launch": the noun names its event right away. */
  private boolean ofEventNoun(Cue c) {
    if (c.to() >= lower.length || !lower[c.to()].equals("of")) {
      return false;
    }
    for (int k = c.to() + 1; k < Math.min(lower.length, c.to() + 5); k++) {
      if (isEventNoun(Words.stripPossessive(lower[k]))) {
        return true;
      }
    }
    return false;
  }

  private boolean endsBeforeDct(TimeRef t) {
    if (dct == null) {
      return false;
    }
    long day = TimeSpan.ofValue(dct.toString()).map(TimeSpan::start).orElse(Long.MIN_VALUE);
    return TimeSpan.of(t.toWhen()).map(s -> s.end() <= day).orElse(false);
  }

  private static ChangeKind direction(TimeRef old, TimeRef neu, ChangeKind fallback) {
    Optional<TimeSpan> o = TimeSpan.of(old.toWhen());
    Optional<TimeSpan> n = TimeSpan.of(neu.toWhen());
    if (o.isEmpty() || n.isEmpty()) {
      return fallback;
    }
    if (n.get().after(o.get())) {
      return ChangeKind.POSTPONED;
    }
    if (n.get().before(o.get())) {
      return ChangeKind.ADVANCED;
    }
    return fallback == ChangeKind.CANCELLED ? fallback : ChangeKind.RESCHEDULED;
  }

  private TimeRef shifted(TimeRef old, TimeRef duration) {
    String v = duration.value();
    Matcher m = SIMPLE_PERIOD.matcher(v);
    if (!m.find()) {
      return null;
    }
    int n = Integer.parseInt(m.group(1));
    Period p =
        switch (m.group(2)) {
          case "D" -> Period.ofDays(n);
          case "W" -> Period.ofWeeks(n);
          case "M" -> Period.ofMonths(n);
          default -> Period.ofYears(n);
        };
    try {
      String shiftedValue = LocalDate.parse(old.value()).plus(p).toString();
      return new TimeRef(
          duration.from(),
          duration.to(),
          duration.start(),
          duration.end(),
          duration.text(),
          shiftedValue,
          null,
          false,
          false);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** A clock time with no day ("rescheduled for 1430") takes the old time's day, or the dct. */
  private static final Pattern DAY_AND_CLOCK = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");

  private static TimeRef dayOfClockTime(TimeRef r) {
    return r != null && DAY_AND_CLOCK.matcher(r.value()).matches()
        ? r.withValue(r.value().substring(0, 10))
        : r;
  }

  private TimeRef fillClockDate(TimeRef r, TimeRef old) {
    if (r == null || !r.value().startsWith("XXXX-XX-XX")) {
      return r;
    }
    String day = null;
    if (old != null && old.value().length() >= 10 && !old.value().startsWith("X")) {
      day = old.value().substring(0, 10);
    } else if (dct != null) {
      day = dct.toString();
    }
    if (day == null) {
      return r;
    }
    boolean utc = old != null && old.value().endsWith("Z") && !r.value().endsWith("Z");
    return r.withValue(day + r.value().substring(10) + (utc ? "Z" : ""));
  }

  private boolean belongsToOtherCue(TimeRef r, Cue c, List<Cue> changes) {
    for (Cue o : changes) {
      if (o == c || o.type() == Type.INSTEAD || c.type() == Type.INSTEAD) {
        continue;
      }
      // A time after a later change cue belongs to that cue's clause.
      if (o.from() > c.to() && r.from() >= o.to() && clauseStart(o.from()) > c.to()) {
        return true;
      }
    }
    return false;
  }

  /** 2: strongly old; 1: strongly new; -1: weakly old (before the cue); -2: weakly new (after). */
  private int role(TimeRef r, Cue c, EventPhrase event) {
    boolean afterCue = r.from() >= c.to();
    // Words just before the time, up to another time or the cue.
    int lo = Math.max(0, r.from() - 7);
    boolean from = false;
    boolean prep = false;
    boolean oldWord = false;
    boolean now = false;
    for (int k = r.from() - 1; k >= lo; k--) {
      if (timeAt[k] >= 0 || k < c.to() && k >= c.from()) {
        break;
      }
      String w = lower[k];
      if (w.equals("from")) {
        from = true;
        break;
      }
      if (k == r.from() - 1 && NEW_PREPOSITIONS.contains(w)
          || k == r.from() - 2 && NEW_PREPOSITIONS.contains(w) && lower[k + 1].equals("the")) {
        prep = true;
      }
      if (STRONG_OLD_WORDS.contains(w) && r.from() - k <= 6) {
        oldWord = true;
      }
      if (w.equals("now")) {
        now = true;
      }
      if (INSTEAD_RATHER.contains(w) && r.from() - k <= 3) {
        return 2;
      }
      if (w.equals("until") || w.equals("to") && afterCue) {
        break;
      }
    }
    // "the previously scheduled April 28", "set for 1130 GMT today": the old plan.
    if (from) {
      return 2;
    }
    // "an extension of the pact beyond June 30": the end it is extended past.
    if (afterCue
        && c.type() == Type.EXTEND
        && r.from() > 0
        && lower[r.from() - 1].equals("beyond")) {
      return 2;
    }
    if (now && afterCue) {
      return 1;
    }
    if (oldWord && !afterCue) {
      return 2;
    }
    if (oldWord && afterCue && !prepBeforeOldWord(r)) {
      return 2;
    }
    if (event != null && r.start() >= event.start() && r.end() <= event.end() && !afterCue) {
      return 2; // "Today's debt talks ... were postponed"
    }
    if (!afterCue) {
      // "was to be voted on today ... but was postponed": the time of a plan stated as past.
      for (Cue p : cues) {
        if (p.type() == Type.PAST_PLAN && p.to() <= r.from() && r.from() - p.to() <= 5) {
          return 2;
        }
      }
    }
    if (afterCue && prep) {
      return 1;
    }
    // "as originally scheduled" after the time also marks it old.
    for (int k = r.to(); k < Math.min(lower.length, r.to() + 3); k++) {
      if (ORIGINALLY_PREVIOUSLY_ETC.contains(lower[k])) {
        return 2;
      }
    }
    return afterCue ? -2 : -1;
  }

  /** "postponed its meeting scheduled for tomorrow to March 10": old word wins only when near. */
  private boolean prepBeforeOldWord(TimeRef r) {
    return r.from() > 0 && TO_UNTIL_ETC.contains(lower[r.from() - 1]);
  }

  /** A change verb ("postponed", "put off", "called off"), not a phrase like "earlier than". */
  private boolean isVerbForm(Cue c) {
    String w = lower[c.from()];
    for (String stem :
        List.of(
            "postpon",
            "delay",
            "defer",
            "put",
            "push",
            "move",
            "brought",
            "bring",
            "resched",
            "cancel",
            "call",
            "extend",
            "scrap",
            "advance",
            "slip",
            "switch",
            "axed",
            "set",
            "adjourn",
            "reconven",
            "resum")) {
      if (w.startsWith(stem)) {
        return !isNounForm(c);
      }
    }
    return false;
  }

  private boolean isNounForm(Cue c) {
    String w = lower[c.from()];
    if (w.endsWith("ment") || w.endsWith("tion") || w.equals("deferral") || w.equals("extension")) {
      return true;
    }
    if (w.equals("delay") || w.equals("delays") || w.equals("rescheduling")) {
      return c.from() > 0
          && (Words.DETERMINERS.contains(lower[c.from() - 1])
              || FURTHER_ANY_ETC.contains(lower[c.from() - 1])
              || lower[c.from() - 1].endsWith("-week")
              || lower[c.from() - 1].endsWith("-day")
              || lower[c.from() - 1].endsWith("-month")
              || c.from() > 1
                  && (Words.DETERMINERS.contains(lower[c.from() - 2])
                      || FURTHER_ANY_ETC.contains(lower[c.from() - 2]))
                  && ADJECTIVE_ENDING.matcher(lower[c.from() - 1]).matches());
    }
    return false;
  }

  /** "a significant delay", "a lengthy delay": an adjective between the article and the noun. */
  private static final Pattern ADJECTIVE_ENDING =
      Pattern.compile("[a-z]+(ant|ent|ive|al|ous|ble|ful|ic|thy)|major|slight|brief|long|short");

  private boolean hedged(int from, int to) {
    int start = clauseStart(from);
    int end = clauseEnd(to);
    if (start >= 2 && lower[start - 1].equals("that")) {
      // "the result may be that the government will have to delay": a hedge over the "that"
      // clause holds for the change inside it.
      for (Cue k : cues) {
        if (k.type() == Type.HEDGE && k.from() < start - 1 && k.from() >= start - 7) {
          return true;
        }
      }
    }
    for (Cue k : cues) {
      if (k.type() == Type.HEDGE && k.from() >= Math.max(start, from - 8) && k.from() < end) {
        return true;
      }
      if (k.type() == Type.NEGATION
          && k.to() < lower.length
          && lower[k.to()].startsWith("rul")
          && k.from() >= start
          && k.from() < end) {
        return true;
      }
    }
    return false;
  }

  /**
   * A noun form that the sentence foresees ("could result in a delay of the public offering", "a
   * further delay of the release seems inevitable", "an extension of the pact ... is likely"): a
   * change to come, unlike a past delay cited as a cause ("the delay of the launch hurt sales"),
   * and unlike one to be avoided.
   */
  private boolean foreseen(Cue c) {
    for (int k = c.from() - 1; k >= Math.max(0, c.from() - 3); k--) {
      if (AVOID_ETC.contains(lower[k])) {
        return false;
      }
    }
    if (hedged(c.from(), c.to())) {
      return true;
    }
    int start = clauseStart(c.from());
    int end = clauseEnd(c.to());
    for (int k = start; k < end; k++) {
      if (FORESEE_ETC.contains(lower[k])) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> AVOID_ETC =
      Set.of("avoid", "avoided", "avoiding", "prevent", "averted", "avert", "without", "no", "any");
  private static final Set<String> FORESEE_ETC =
      Set.of(
          "inevitable",
          "unavoidable",
          "expected",
          "expects",
          "expect",
          "anticipated",
          "foresee",
          "foresees",
          "predicted",
          "predicts",
          "warned",
          "warns");

  /** "an extension of the sixth tin agreement": the thing extended is an agreement. */
  private boolean extendsAnAgreement(Cue c) {
    int t = c.type() == Type.EXTEND ? extendedThing(c) : -1;
    return t >= 0 && AGREEMENTS.contains(lower[t]) && !mentionsLending();
  }

  private boolean hasPlanContext() {
    for (Cue k : cues) {
      if (k.type() == Type.SCHEDULE
          || k.type() == Type.PREVIOUS
          || k.type() == Type.PAST_PLAN
          || k.type() == Type.EXPECT && lower[k.from()].equals("planned")) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- contrast and plans

  /**
   * "was expected to take place in mid-November, however, it might take place in December" and "had
   * been expected today but the vote is now due April one": an old plan, a contrast, a new time.
   * Without a new time, a strong marker ("originally scheduled to be released today") still says
   * the plan changed.
   */
  private RawClaim contrastClaim() {
    for (Cue p : cues) {
      boolean strong = p.type() == Type.PREVIOUS && isStrongPrevious(p);
      // "had been scheduled" in reported speech is no former plan by itself, but a later "will
      // now" with its own time still says the plan moved.
      boolean hadPlan = p.type() == Type.PREVIOUS && lower[p.from()].equals("had");
      if (!strong && p.type() != Type.PAST_PLAN && !hadPlan) {
        continue;
      }
      int t1 = firstEligibleTime(p.to(), clauseEnd(p.to()), 16);
      if (t1 < 0) {
        continue;
      }
      TimeRef old = times.get(t1);
      int contrast = -1;
      for (int k = old.to(); k < lower.length && (strong || p.type() == Type.PAST_PLAN); k++) {
        if (BUT_HOWEVER_ETC.contains(lower[k])) {
          contrast = k;
          break;
        }
      }
      TimeRef neu = null;
      int t2 = -1;
      boolean nowContrast = false;
      if (contrast >= 0) {
        t2 = firstEligibleTime(contrast + 1, lower.length, 40);
        if (t2 >= 0 && !isPlanTime(contrast + 1, times.get(t2))) {
          t2 = -1;
        }
      }
      if (t2 < 0 && (lower[p.from()].equals("had") || p.type() == Type.PAST_PLAN || strong)) {
        // "which had been scheduled for the third quarter, will now ship in the second", "were due
        // to expire June 5 and will now expire on December 5": a former plan and a "now" plan in a
        // later clause contrast without a "but".
        Cue now = nowCueAfter(old.to());
        if (now == null) {
          now = futurePlanAfterComma(old.to());
        }
        if (now != null) {
          t2 = firstEligibleTime(now.to(), lower.length, 8);
          if (t2 >= 0) {
            contrast = now.from();
            nowContrast = true;
          }
        }
      }
      if (t2 < 0 && !strong || !strong && p.type() != Type.PAST_PLAN && !nowContrast) {
        continue;
      }
      EventPhrase event = relativeHead(p.from());
      if (event == null) {
        event = coordinatedRelativeHead(p.from());
      }
      if (event == null && p.from() >= 2 && lower[p.from() - 1].equals(",")) {
        // "the meeting, originally set for March 20, will now be held on March 27"
        event = nounPhraseEndingAt(p.from() - 2);
      }
      if (event == null) {
        event = subject(p.from());
      }
      if (event != null && !isEventNoun(event.head()) && !event.anaphor() && meetVerbAfter(p)) {
        event = meetingOf(event);
      }
      if (event != null && !isEventNoun(event.head()) && !event.anaphor()) {
        // "the mine had been scheduled to close in 1989": the closure of the mine.
        EventPhrase planned = plannedOccasion(event, p);
        if (planned != null) {
          event = planned;
        }
      }
      if (event == null || !event.anaphor() && !isEventNoun(event.head())) {
        continue;
      }
      old = Anchoring.anchor(old, Anchoring.Policy.RECENT, dct, null);
      old = fillClockDate(old, null);
      ChangeKind kind = ChangeKind.RESCHEDULED;
      Certainty certainty = Certainty.CONFIRMED;
      if (t2 >= 0) {
        TimeSpan oldSpan = TimeSpan.of(old.toWhen()).orElse(null);
        // "but ... might take place in December" reads onward; "will now ... in the second
        // quarter" says no direction, so the closest reading to the old time.
        neu =
            Anchoring.anchor(
                times.get(t2),
                nowContrast ? Anchoring.Policy.CLOSEST_TO : Anchoring.Policy.AFTER,
                dct,
                oldSpan);
        neu = fillClockDate(neu, old);
        if (oldSpan != null
            && TimeSpan.of(neu.toWhen()).map(n -> n.overlaps(oldSpan)).orElse(true)) {
          continue; // "mid-April ... but April 13 to 16": a refinement, not a change
        }
        kind = direction(old, neu, ChangeKind.RESCHEDULED);
        certainty =
            hedged(contrast + 1, Math.min(lower.length, times.get(t2).to()))
                ? Certainty.POSSIBLE
                : Certainty.CONFIRMED;
      }
      String cueText = text.substring(toks.get(p.from()).start(), toks.get(p.to() - 1).end());
      if (contrast >= 0 && neu != null) {
        cueText = cueText + " ... " + lower[contrast];
      }
      return new RawClaim(
          event,
          neu,
          old,
          ClaimStatus.CHANGED,
          certainty,
          kind,
          cueText,
          false,
          location(),
          sentence);
    }
    return null;
  }

  private static final Set<String> NOW_PLAN_WORDS =
      Set.of("due", "scheduled", "expected", "set", "planned", "slated");

  /**
   * "the package is now due to be signed on March 20", "completion is now expected around July 1":
   * a plan stated with "now" says the plan moved even when the former one is not given. A change of
   * unknown direction with only the new time, and only for an occasion (the subject's, or the one
   * its plan verb names) with a time of its own that is not over.
   */
  private RawClaim nowPlanClaim() {
    for (Cue n : cues) {
      boolean nowPlan =
          lower[n.from()].equals("now") && NOW_PLAN_WORDS.contains(lower[n.to() - 1])
              || willNowHold(n);
      if (n.type() != Type.NOW || !nowPlan || isNegated(n) || isConditional(n)) {
        continue;
      }
      int t = firstEligibleTime(n.to(), clauseEnd(n.to()), 12);
      if (t < 0 || isHistory(times.get(t))) {
        continue;
      }
      EventPhrase event = relativeHead(n.from());
      if (event == null) {
        event = subject(n.from());
      }
      if (event == null || event.anaphor() && !isEventNoun(event.head())) {
        continue; // "it is now due": the pronoun's event is resolved across sentences, not here
      }
      if (!isEventNoun(event.head())) {
        event = plannedOccasion(event, n);
      }
      if (event == null
          || !isEventNoun(event.head())
          || Cues.FINANCIAL.contains(event.head())
          || event.core().stream().anyMatch(Cues.FINANCIAL::contains)) {
        continue;
      }
      TimeRef neu = Anchoring.anchor(times.get(t), Anchoring.Policy.FUTURE, dct, null);
      neu = fillClockDate(neu, null);
      Certainty certainty =
          hedged(n.from(), times.get(t).to()) ? Certainty.POSSIBLE : Certainty.CONFIRMED;
      String cueText = text.substring(toks.get(n.from()).start(), toks.get(n.to() - 1).end());
      return new RawClaim(
          event,
          neu,
          null,
          ClaimStatus.CHANGED,
          certainty,
          ChangeKind.RESCHEDULED,
          cueText,
          false,
          location(),
          sentence);
    }
    return null;
  }

  /**
   * "will now take place on May 1", "will now be held", "will now begin": "will now" before a verb
   * that holds an occasion restates its time; "talks will now resume" (after a break) and "will now
   * focus on" do not.
   */
  private boolean willNowHold(Cue n) {
    int k = n.to();
    if (!lower[n.from()].equals("will")
        || !lower[n.to() - 1].equals("now")
        || k + 1 >= lower.length) {
      return false;
    }
    String v = lower[k];
    String next = lower[k + 1];
    return v.equals("take") && next.equals("place")
        || v.equals("be") && next.equals("held")
        || v.equals("go") && next.equals("ahead")
        || WILL_NOW_VERBS.contains(v);
  }

  private static final Set<String> WILL_NOW_VERBS = Set.of("begin", "start", "open", "convene");

  /**
   * "the launch, which had been scheduled for ...": the noun phrase a relative clause starting
   * right before {@code p} describes; null when {@code p} does not follow "which"/"that".
   */
  private EventPhrase relativeHead(int p) {
    if (p < 2 || !THAT_WHICH.contains(lower[p - 1])) {
      return null;
    }
    int end = lower[p - 2].equals(",") ? p - 3 : p - 2;
    return end < 0 ? null : nounPhraseEndingAt(end);
  }

  /**
   * "the sessions, which began yesterday and were initially expected to end tomorrow": the noun a
   * relative clause describes when the plan is its second verb, joined by "and"; null otherwise.
   */
  private EventPhrase coordinatedRelativeHead(int p) {
    boolean and = false;
    for (int k = p - 1; k >= Math.max(2, p - 10); k--) {
      String w = lower[k];
      if (w.equals("and")) {
        and = true;
      } else if (THAT_WHICH.contains(w)) {
        return and && lower[k - 1].equals(",") ? relativeHead(k + 1) : null;
      } else if (!toks.get(k).isWord() || Words.BOUNDARY.contains(w)) {
        return null;
      }
    }
    return null;
  }

  private static final Set<String> WILL_WOULD = Set.of("will", "would");

  /** "will be held", "would take place": a plan verb in the future. */
  private boolean isFuturePlan(Cue k) {
    return k.type() == Type.SCHEDULE
        && (WILL_WOULD.contains(lower[k.from()])
            || k.from() > 0 && WILL_WOULD.contains(lower[k.from() - 1]));
  }

  /**
   * "the vote, which had been due on Tuesday, will take place on Thursday": after a former plan set
   * off by a comma, the first future plan verb of the main clause; null when none.
   */
  private Cue futurePlanAfterComma(int from) {
    boolean comma = false;
    for (Cue k : cues) {
      if (k.from() < from) {
        continue;
      }
      for (int j = from; j < k.from(); j++) {
        comma |= lower[j].equals(",");
      }
      return comma && isFuturePlan(k) ? k : null;
    }
    return null;
  }

  /** The first "will now" / "is now due" cue at or after token {@code from}; null when none. */
  /** A time the change moves to: "to T2 from T1" in the clause, or "until/to T" nearby. */
  private boolean movedToATime(Cue c) {
    return toFromPair(c.to()) != null || untilTimeAhead(c.to(), 20);
  }

  private static final Set<String> SCHEDULE_COMPARISONS =
      Set.of("behind", "ahead", "later", "earlier");

  /**
   * "will now open in June, two months behind schedule", "is now due in May, a month earlier than
   * planned": the "now" cue before a comparison with the schedule when a time lies between them;
   * null otherwise. Without that new time ("exports are running behind schedule") the comparison
   * states a lag, not a moved occasion.
   */
  private Cue nowBeforeScheduleComparison(Cue c) {
    if (!SCHEDULE_COMPARISONS.contains(lower[c.from()])) {
      return null;
    }
    int start = clauseStart(c.from());
    for (Cue k : cues) {
      // "will be held on April 2, a week later than planned": a plain future plan with its time
      // before the comparison states the new time as "now" does.
      boolean futurePlan = isFuturePlan(k);
      if ((k.type() == Type.NOW || futurePlan)
          && k.from() >= start
          && k.to() < c.from()
          && c.from() - k.to() <= 20
          && nextTime(k.to(), c.from() - k.to()) >= 0) {
        return k;
      }
    }
    // "would be introduced next year, ahead of schedule", "will open the plant three weeks later
    // than planned": a future verb that names an occasion, then its time or the shift.
    int from = Math.max(start, c.from() - 20);
    for (int j = from; j < c.from() - 1; j++) {
      if (!WILL_WOULD.contains(lower[j]) || occasionOfVerb(j + 1) == null) {
        continue;
      }
      boolean shift = c.from() >= 1 && durationEndingAt(c.from()) >= 0;
      if (nextTime(j + 1, c.from() - j - 1) >= 0 || shift) {
        return new Cue(Type.SCHEDULE, j, j + 1);
      }
    }
    return null;
  }

  /** The duration that ends at token {@code k} ("three weeks" before "later"), else -1. */
  private int durationEndingAt(int k) {
    for (int i = 0; i < durations.size(); i++) {
      if (durations.get(i).to() == k) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The occasion named by the verb at or after token {@code k} ("open" -> opening, "come on stream"
   * -> start-up), skipping auxiliaries; null when the verb names none.
   */
  private String occasionOfVerb(int k) {
    while (k < lower.length
        && (BE_HAVE_BEEN.contains(lower[k]) || Words.ADVERBS.contains(lower[k]))) {
      k++;
    }
    if (k + 2 < lower.length
        && ON_STREAM_VERBS.contains(lower[k])
        && (lower[k + 1].equals("on") && lower[k + 2].equals("stream")
            || lower[k + 1].equals("onstream")
            || lower[k + 1].equals("into") && INTO_SERVICE.contains(lower[k + 2]))) {
      return "start-up";
    }
    return k < lower.length ? PLAN_VERB_NOUNS.get(lower[k]) : null;
  }

  private static final Set<String> ON_STREAM_VERBS = Set.of("come", "go", "be", "start");

  private static final Set<String> INTO_SERVICE = Set.of("service", "operation", "production");

  private Cue nowCueAfter(int from) {
    for (Cue k : cues) {
      if (k.type() == Type.NOW && k.from() >= from) {
        return k;
      }
    }
    return null;
  }

  /**
   * "originally" etc. count only next to a plan word: "originally scheduled", not "as previously
   * announced".
   */
  private boolean isStrongPrevious(Cue p) {
    return isStrongPreviousCue(p);
  }

  /** "had originally been due to meet": the plan is a meeting of the subject. */
  private boolean meetVerbAfter(Cue p) {
    for (int k = p.to(); k < Math.min(lower.length, p.to() + 4); k++) {
      if (MEET_CONVENE_ETC.contains(lower[k])) {
        return true;
      }
    }
    return false;
  }

  private boolean isStrongPreviousCue(Cue p) {
    if (lower[p.from()].equals("had")) {
      // "They said the calendar had been set for April 2": reported speech shifts tenses back.
      for (int k = 0; k < p.from(); k++) {
        if (Words.SPEECH.contains(lower[k])) {
          return false;
        }
      }
      return true;
    }
    if (lower[p.from()].equals("was") || lower[p.from()].equals("were")) {
      return true;
    }
    for (int k = Math.max(0, p.from() - 3); k < Math.min(lower.length, p.to() + 3); k++) {
      if (k >= p.from() && k < p.to()) {
        continue;
      }
      if (SCHEDULED_SET_ETC.contains(lower[k])) {
        return true;
      }
    }
    return false;
  }

  /** The time after a contrast is a plan when a plan verb or "now" precedes it. */
  private boolean isPlanTime(int from, TimeRef t) {
    for (Cue k : cues) {
      if (k.from() >= from
          && k.from() < t.from()
          && (k.type() == Type.SCHEDULE || k.type() == Type.NOW || k.type() == Type.EXPECT)) {
        return true;
      }
    }
    return false;
  }

  private List<RawClaim> scheduleClaims() {
    List<RawClaim> out = new ArrayList<>();
    int lastEnd = -1;
    for (Cue s : cues) {
      if (s.type() != Type.SCHEDULE && s.type() != Type.EXPECT && s.type() != Type.PAST_PLAN) {
        continue;
      }
      if (s.from() < lastEnd) {
        continue;
      }
      String w = lower[s.from()];
      if (w.equals("due")
          && s.to() < lower.length
          && lower[s.to()].equals("to")
          && !(s.to() + 1 < lower.length && Words.DUE_TO_VERBS.contains(lower[s.to() + 1]))) {
        continue; // "due to bad weather"
      }
      if (isNegated(s) || isConditional(s)) {
        continue;
      }
      int ti = firstEligibleTime(s.to(), clauseEnd(s.to()), 16);
      if (ti < 0) {
        continue;
      }
      boolean pastPlan = s.type() == Type.PAST_PLAN || precededByPastBe(s);
      EventPhrase event = scheduleEvent(s);
      if (event == null) {
        continue;
      }
      if (!isEventNoun(event.head()) && !hasEventVerb(s.from(), times.get(ti).from())) {
        continue;
      }
      TimeRef t =
          Anchoring.anchor(
              times.get(ti),
              pastPlan ? Anchoring.Policy.RECENT : Anchoring.Policy.FUTURE,
              dct,
              null);
      t = fillClockDate(t, null);
      if (!pastPlan && isHistory(t)) {
        continue;
      }
      boolean hedge = hedged(s.from(), s.to());
      ClaimStatus status =
          hedge
              ? ClaimStatus.HEDGED
              : (s.type() == Type.EXPECT || lower[s.from()].equals("expected") || hasExpect(s)
                  ? ClaimStatus.EXPECTED
                  : ClaimStatus.SCHEDULED);
      String cueText = text.substring(toks.get(s.from()).start(), toks.get(s.to() - 1).end());
      out.add(
          new RawClaim(
              event,
              t,
              null,
              status,
              hedge ? Certainty.POSSIBLE : Certainty.CONFIRMED,
              null,
              cueText,
              pastPlan,
              location(),
              sentence));
      lastEnd = clauseEnd(times.get(ti).to());
    }
    return out;
  }

  private boolean hasExpect(Cue s) {
    for (Cue k : cues) {
      if (k.type() == Type.EXPECT && Math.abs(k.from() - s.from()) <= 3) {
        return true;
      }
    }
    return false;
  }

  private boolean precededByPastBe(Cue s) {
    for (int k = s.from() - 1; k >= Math.max(0, s.from() - 3); k--) {
      if (lower[k].equals("was") || lower[k].equals("were") || lower[k].equals("had")) {
        return true;
      }
      if (!Words.ADVERBS.contains(lower[k]) && !Words.AUX.contains(lower[k])) {
        break;
      }
    }
    return false;
  }

  private boolean hasEventVerb(int from, int to) {
    for (int k = from; k < Math.min(to, lower.length); k++) {
      if (EVENT_VERB_CUES.contains(lower[k])) {
        return true;
      }
    }
    return false;
  }

  private boolean isHistory(TimeRef t) {
    if (dct == null) {
      return false;
    }
    return TimeSpan.of(t.toWhen())
        .map(
            s ->
                s.end() != Long.MAX_VALUE
                    && s.end() <= TimeSpan.ofValue(dct.toString()).get().start())
        .orElse(false);
  }

  // ---------------------------------------------------------------- clause structure

  /** First token of the clause that holds token {@code i}. */
  private int clauseStart(int i) {
    for (int k = Math.min(i, lower.length) - 1; k >= 0; k--) {
      if (isClauseBoundary(k)) {
        return k + 1;
      }
    }
    return 0;
  }

  /** Token after the clause that holds token {@code i}. */
  private int clauseEnd(int i) {
    for (int k = i; k < lower.length; k++) {
      if (isClauseBoundary(k)) {
        return k;
      }
    }
    return lower.length;
  }

  private boolean isClauseBoundary(int k) {
    String w = lower[k];
    if (w.equals(";")
        || w.equals(":")
        || w.equals("\"")
        || w.equals("\u201c")
        || w.equals("\u201d")) {
      return true;
    }
    if (BUT_HOWEVER_ETC2.contains(w)) {
      return true;
    }
    if (w.equals("and") && k > 0 && lower[k - 1].equals(",")) {
      return true;
    }
    if (w.equals("and") && k + 1 < lower.length && THE_IT_ETC.contains(lower[k + 1])) {
      for (int j = k + 2; j < Math.min(lower.length, k + 6); j++) {
        if (Words.AUX.contains(lower[j])) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * "extended the expiration of its offer to buy all outstanding units of ... to March 24 from
   * March 13": a pair of times "to T2 from T1" (or "from T1 to T2", "from T1 until T2") in the
   * clause after {@code after}, however long the object before it. The pair states both ends of the
   * move itself, so it is trusted farther from the verb than a lone time. Returns {new, old} time
   * indices, or null.
   */
  private int[] toFromPair(int after) {
    int end = Math.min(clauseEnd(after), after + 60);
    for (int k = after; k + 1 < end; k++) {
      String w = lower[k];
      int first = timeAt[k + 1];
      if (first < 0 || !(w.equals("to") || w.equals("until") || w.equals("from"))) {
        continue;
      }
      int j = times.get(first).to();
      if (j < end && lower[j].equals(",")) {
        j++;
      }
      if (j + 1 >= end) {
        return null;
      }
      String link = lower[j];
      int second = timeAt[j + 1];
      if (second < 0 || second == first) {
        continue;
      }
      if (!w.equals("from") && link.equals("from")) {
        return new int[] {first, second};
      }
      if (w.equals("from") && (link.equals("to") || link.equals("until"))) {
        return new int[] {second, first};
      }
    }
    return null;
  }

  private int nextTime(int from, int within) {
    for (int k = from; k < Math.min(lower.length, from + within); k++) {
      if (timeAt[k] >= 0) {
        return timeAt[k];
      }
    }
    return -1;
  }

  private int previousTime(int before, int within) {
    for (int k = before - 1; k >= Math.max(0, before - within); k--) {
      if (timeAt[k] >= 0) {
        return timeAt[k];
      }
    }
    return -1;
  }

  private int nextDuration(int from, int within) {
    for (int i = 0; i < durations.size(); i++) {
      TimeRef d = durations.get(i);
      if (d.from() >= from && d.from() < from + within) {
        return i;
      }
    }
    return -1;
  }

  /**
   * "extended its warrants by six months", "extended the offer for a further week": a duration
   * after "by"/"for" later in the extension's clause states how far the end moved, as a date would.
   */
  private boolean extensionDuration(Cue c) {
    if (c.type() != Type.EXTEND) {
      return false;
    }
    int end = Math.min(clauseEnd(c.to()), c.to() + 10);
    for (TimeRef d : durations) {
      if (d.from() > c.to() && d.from() < end && FOR_BY.contains(lower[d.from() - 1])) {
        return true;
      }
    }
    return false;
  }

  /** The duration that starts at token {@code k}, or -1. */
  private int durationAt(int k) {
    for (int i = 0; i < durations.size(); i++) {
      if (durations.get(i).from() == k) {
        return i;
      }
    }
    return -1;
  }

  private int firstEligibleTime(int from, int to, int within) {
    for (int k = from; k < Math.min(Math.min(to, lower.length), from + within); k++) {
      if (timeAt[k] >= 0 && eligible[timeAt[k]]) {
        return timeAt[k];
      }
    }
    return -1;
  }

  private boolean hasEventNounAfter(int from, int within) {
    for (int k = from; k < Math.min(lower.length, from + within); k++) {
      if (Cues.EVENT_NOUNS.contains(Words.stripPossessive(lower[k]))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isEventNoun(String head) {
    return Cues.EVENT_NOUNS.contains(head)
        || dev.herald.nlp.entity.EntityRecognizer.EVENT_HEADS.contains(head);
  }

  // ---------------------------------------------------------------- event phrases

  /** The verb of a plan and the occasion it names: "scheduled to be launched" is a launch. */
  private static final Map<String, String> PLAN_VERB_NOUNS =
      Map.ofEntries(
          Map.entry("launch", "launch"),
          Map.entry("market", "launch"),
          Map.entry("launched", "launch"),
          Map.entry("introduce", "introduction"),
          Map.entry("introduced", "introduction"),
          Map.entry("open", "opening"),
          Map.entry("opened", "opening"),
          Map.entry("reopen", "reopening"),
          Map.entry("reopened", "reopening"),
          Map.entry("start", "start"),
          Map.entry("started", "start"),
          Map.entry("begin", "start"),
          Map.entry("begun", "start"),
          Map.entry("close", "closure"),
          Map.entry("closed", "closure"),
          Map.entry("sign", "signing"),
          Map.entry("signed", "signing"),
          Map.entry("complete", "completion"),
          Map.entry("completed", "completion"),
          Map.entry("vote", "vote"),
          Map.entry("voted", "vote"),
          Map.entry("release", "release"),
          Map.entry("released", "release"),
          Map.entry("publish", "publication"),
          Map.entry("published", "publication"),
          Map.entry("list", "listing"),
          Map.entry("listed", "listing"),
          Map.entry("expire", "expiry"),
          Map.entry("resume", "resumption"),
          Map.entry("resumed", "resumption"),
          Map.entry("implement", "implementation"),
          Map.entry("implemented", "implementation"),
          Map.entry("debate", "debate"),
          Map.entry("debated", "debate"),
          Map.entry("hear", "hearing"),
          Map.entry("heard", "hearing"),
          Map.entry("visit", "visit"),
          Map.entry("announce", "announcement"),
          Map.entry("announced", "announcement"));

  private static final Set<String> BE_HAVE_BEEN = Set.of("be", "have", "been");

  private static final Set<String> DIVIDENDS = Set.of("dividend", "dividends", "div", "payout");

  private static final Set<String> HAVE_NEED =
      Set.of("have", "has", "had", "need", "needs", "ought", "going");

  private static final Set<String> TIMETABLES = Set.of("schedule", "timetable", "calendar");

  private static final Set<String> OF_FOR = Set.of("of", "for");

  /** Token of "plan"/"plans" followed by "to" in {@code [from, to)}, or -1. */
  private int planToVerb(int from, int to) {
    for (int k = Math.max(0, from); k + 1 < Math.min(to, lower.length); k++) {
      if ((lower[k].equals("plan") || lower[k].equals("plans")) && lower[k + 1].equals("to")) {
        return k;
      }
    }
    return -1;
  }

  /** Words that stand for a plan named before them: "postponed the move". */
  private static final Set<String> PLAN_ANAPHORS = Set.of("move", "plan", "plans", "step", "idea");

  private static final Set<String> THE_THIS_ITS = Set.of("the", "this", "that", "its", "their");

  /**
   * The occasion a plan cue at {@code [from, to)} names through its verb ("scheduled to have been
   * launched", "was to be voted on", "had planned to introduce"), as a phrase built on {@code
   * base}; null when no plan verb follows. With no base the verb's object is the base ("planned to
   * introduce night trading").
   */
  private EventPhrase plannedOccasion(EventPhrase base, Cue plan) {
    int k = plan.to();
    if (base != null && k + 1 < lower.length && lower[k].equals("for")) {
      // "the models, scheduled for (general) delivery in May": the delivery of the models.
      for (int j = k + 1; j <= Math.min(k + 2, lower.length - 1); j++) {
        if (timeAt[j] >= 0) {
          break;
        }
        if (Cues.EVENT_NOUNS.contains(lower[j])) {
          return renamed(base, base.written() + " " + lower[j], lower[j]);
        }
      }
      return null;
    }
    if (!lower[k - 1].equals("to")) {
      if (k >= lower.length || !lower[k].equals("to")) {
        return null;
      }
      k++;
    }
    while (k < lower.length
        && (BE_HAVE_BEEN.contains(lower[k]) || Words.ADVERBS.contains(lower[k]))) {
      k++;
    }
    if (k >= lower.length) {
      return null;
    }
    String noun = PLAN_VERB_NOUNS.get(lower[k]);
    if (noun == null || noun.equals("expiry") && mentionsLending()) {
      return null;
    }
    boolean objectBase = base == null;
    if (base == null) {
      base = object(k + 1);
      if (base != null) {
        // "plans to launch the fund in May have been postponed": the object ends before its time
        // or the main verb.
        int end = tokenAtOrAfter(base.end());
        for (int j = k + 2; j < end; j++) {
          if (timeAt[j] >= 0 || Words.AUX.contains(lower[j])) {
            int stop = NEW_PREPOSITIONS.contains(lower[j - 1]) ? j - 1 : j;
            base = stop > k + 1 ? phrase(k + 1, stop) : null;
            break;
          }
        }
      }
      if (base == null || base.anaphor() || isEventNoun(base.head())) {
        return base == null || base.anaphor() ? null : base;
      }
    }
    String written = base.written() + " " + noun;
    if (objectBase) {
      // "introduction of night trading", without a dangling "on" left by the time.
      written = noun + " of " + base.written().replaceAll("\\s+(on|in|at|for|by)$", "");
    }
    return renamed(base, written, noun);
  }

  /** {@code base} as the occasion {@code head} of it: "warrants" -> "warrants expiry". */
  private static EventPhrase renamed(EventPhrase base, String written, String head) {
    return new EventPhrase(
        base.start(),
        base.end(),
        written,
        head,
        append(base.core(), head),
        base.qualifiers(),
        base.qualifierText(),
        false,
        base.named(),
        base.indirect());
  }

  /** A plan cue of the sentence in tokens {@code [from, to)} whose verb names an occasion. */
  private EventPhrase plannedOccasionIn(EventPhrase base, int from, int to) {
    for (Cue k : cues) {
      if (k.from() >= from
          && k.from() < to
          && (k.type() == Type.SCHEDULE
              || k.type() == Type.PAST_PLAN
              || k.type() == Type.PREVIOUS
              || k.type() == Type.EXPECT)) {
        EventPhrase e = plannedOccasion(base, k);
        if (e != null) {
          return e;
        }
      }
    }
    return null;
  }

  /** Index of the token that starts at or after char offset {@code offset}. */
  private int tokenAtOrAfter(int offset) {
    for (int k = 0; k < toks.size(); k++) {
      if (toks.get(k).start() >= offset) {
        return k;
      }
    }
    return toks.size();
  }

  /** The event a change cue is about: subject of a passive, object of an active verb. */
  private EventPhrase changeEvent(Cue c) {
    boolean passive = false;
    for (int k = c.from() - 1; k >= Math.max(0, c.from() - 4); k--) {
      if (Words.BE.contains(lower[k]) || lower[k].equals("got") || lower[k].equals("get")) {
        // "is delaying exports" is active; "was delayed" passive.
        passive = !lower[c.from()].endsWith("ing");
        break;
      }
      if (!Words.ADVERBS.contains(lower[k]) && !Words.AUX.contains(lower[k])) {
        break;
      }
    }
    Cue now = nowBeforeScheduleComparison(c);
    if (now != null) {
      // "the cracker will now come on stream by March, five months behind schedule": the
      // occasion the "now" verb names, of that clause's subject.
      EventPhrase subj = subject(now.from());
      if (subj == null || subj.anaphor() || isEventNoun(subj.head())) {
        return subj;
      }
      String noun = occasionOfVerb(now.to());
      if (noun == null) {
        noun = occasionOfVerb(now.to() - 1); // a plan cue that ends in its verb: "will open"
      }
      if (noun == null && MEET_MEETS_ETC.contains(lower[now.to() - 1])) {
        return meetingOf(subj); // "the ministers will meet on Friday, a day later than planned"
      }
      return noun == null ? null : renamed(subj, subj.written() + " " + noun, noun);
    }
    EventPhrase first;
    EventPhrase second;
    if (isNounForm(c)) {
      first = c.to() < lower.length && lower[c.to()].equals("of") ? object(c.to() + 1) : null;
      second = subject(c.from());
    } else if (passive) {
      first = subject(c.from());
      second = null;
      if (first == null || first.anaphor()) {
        // "the bid, which has been extended until March 23": the noun the relative clause
        // describes, when it is an occasion or the thing whose end an extension moves.
        int q = c.from() - 1;
        while (q > 0 && (Words.AUX.contains(lower[q]) || Words.ADVERBS.contains(lower[q]))) {
          q--;
        }
        EventPhrase head = relativeHead(q + 1);
        if (head != null && (isEventNoun(head.head()) || c.type() == Type.EXTEND)) {
          first = head;
        }
      }
    } else {
      first = object(c.to());
      // The subject of an active change verb is its agent ("the board postponed ..."), except
      // for phrases that are not verbs ("shipments ... earlier than planned").
      // "slipped to September" has no agent: its subject is what moved.
      second = isVerbForm(c) && !lower[c.from()].startsWith("slip") ? null : subject(c.from());
    }
    for (EventPhrase e : new EventPhrase[] {first, second}) {
      if (e != null && isEventNoun(e.head())) {
        return e;
      }
    }
    // "set back the schedule for the plant's commercial run to June from May": a timetable that
    // the change moves to a stated time stands for the occasion it times. Alone ("delayed its
    // schedule") it names none.
    int t =
        c.to() < lower.length && Words.DETERMINERS.contains(lower[c.to()]) ? c.to() + 1 : c.to();
    if (!passive
        && t + 2 < lower.length
        && TIMETABLES.contains(lower[t])
        && OF_FOR.contains(lower[t + 1])
        && movedToATime(c)) {
      EventPhrase timed = object(t + 2);
      if (timed != null && !timed.anaphor()) {
        return isEventNoun(timed.head()) ? timed : renamed(timed, timed.written(), "date");
      }
    }
    for (EventPhrase e : new EventPhrase[] {first, second}) {
      if (e != null && TIMETABLES.contains(e.head()) && movedToATime(c)) {
        return renamed(e, e.written(), "date");
      }
    }
    // "final dividend delayed until July 1": the dividend's payment date moved. Without a date
    // ("deferred dividends") it stays a money matter.
    EventPhrase dividend =
        passive
            ? first
            : c.from() > 0 && DIVIDENDS.contains(lower[c.from() - 1])
                ? nounPhraseEndingAt(c.from() - 1)
                : null;
    if (dividend != null && DIVIDENDS.contains(dividend.head()) && untilTimeAhead(c.to(), 8)) {
      return renamed(dividend, dividend.written() + " payment date", "date");
    }
    // "the market, scheduled to have been launched on March 2, had been delayed", "legislation
    // was to be voted on today but was postponed": the plan's verb names the subject's occasion.
    if (passive && first != null && !first.anaphor()) {
      EventPhrase planned = plannedOccasionIn(first, tokenAtOrAfter(first.start()), c.from());
      if (planned != null) {
        return planned;
      }
    }
    // "will delay the company's plans to market the drug this spring", "its plan to launch the
    // fund has been postponed": the occasion the plan's verb names.
    int planAt =
        planToVerb(passive ? clauseStart(c.from()) : c.to(), passive ? c.from() : c.to() + 5);
    if (planAt >= 0) {
      for (Cue k : cues) {
        if (k.from() == planAt && k.type() == Type.EXPECT) {
          EventPhrase planned = plannedOccasion(null, k);
          if (planned != null && !planned.anaphor()) {
            planOccasionAt = planAt;
            return planned;
          }
        }
      }
    }
    // "had planned to introduce night trading on April 2, but postponed the move": "the move"
    // and "the plan" stand for the plan stated earlier in the sentence.
    int d = passive ? -1 : c.to();
    if (passive && first != null) {
      d = tokenAtOrAfter(first.start()) - 1;
    }
    if (d >= 0
        && d + 1 < lower.length
        && THE_THIS_ITS.contains(lower[d])
        && PLAN_ANAPHORS.contains(lower[d + 1])) {
      EventPhrase planned = plannedOccasionIn(null, 0, d);
      if (planned != null) {
        return planned;
      }
    }
    boolean before = passive || !isVerbForm(c);
    EventPhrase fallback =
        before
            ? firstEventNounPhrase(clauseStart(c.from()), c.from())
            : firstEventNounPhrase(c.to(), clauseEnd(c.to()));
    if (fallback != null) {
      return new EventPhrase(
          fallback.start(),
          fallback.end(),
          fallback.written(),
          fallback.head(),
          fallback.core(),
          fallback.qualifiers(),
          fallback.qualifierText(),
          fallback.anaphor(),
          fallback.named(),
          true);
    }
    // "adjourned a shareholders meeting ... and rescheduled it": the pronoun's antecedent is the
    // sentence's earlier event noun.
    for (EventPhrase e : new EventPhrase[] {first, second}) {
      if (e != null && e.anaphor()) {
        if (priorChangeEvent != null) {
          // "delayed the start of the meeting, and ... it may have to be delayed until next
          // week": the pronoun is the event that was just changed.
          return priorChangeEvent;
        }
        EventPhrase antecedent = firstEventNounPhrase(0, c.from());
        return antecedent != null ? antecedent : e;
      }
    }
    return first != null ? first : second;
  }

  /** The event of a plan statement: its subject, or the object of "expects X to". */
  private EventPhrase scheduleEvent(Cue s) {
    EventPhrase subj = isReducedRelative(s) ? nounPhraseEndingAt(s.from() - 1) : subject(s.from());
    boolean meet = false;
    for (int k = s.from(); k < Math.min(lower.length, s.to() + 2); k++) {
      if (MEET_MEETS_ETC.contains(lower[k])) {
        meet = true;
      }
    }
    if (meet && subj != null && !isEventNoun(subj.head())) {
      return meetingOf(subj);
    }
    if (subj != null && (isEventNoun(subj.head()) || subj.named() || subj.anaphor())) {
      return subj;
    }
    // "expects the meeting to take place in August"
    if (EXPECTS_EXPECT_ETC.contains(lower[s.from()])) {
      EventPhrase obj = object(s.to());
      if (obj != null && isEventNoun(obj.head())) {
        return obj;
      }
    }
    return subj;
  }

  /** "Reagan and Mulroney will meet": the meeting of the subject's parties. */
  private EventPhrase meetingOf(EventPhrase parties) {
    List<String> core = new ArrayList<>(parties.core());
    core.addAll(parties.qualifiers());
    if (parties.anaphor()) {
      return new EventPhrase(
          parties.start(),
          parties.end(),
          "meeting",
          "meeting",
          List.of("meeting"),
          List.of(),
          "",
          true,
          false,
          false);
    }
    core.add("meeting");
    return new EventPhrase(
        parties.start(),
        parties.end(),
        parties.written() + " meeting",
        "meeting",
        core.subList(Math.max(0, core.size() - 6), core.size()),
        List.of(),
        "",
        false,
        false,
        false);
  }

  /** The noun phrase that ends just before token {@code p} (skipping auxiliaries). */
  private EventPhrase subject(int p) {
    int q = p - 1;
    while (q >= 0
        && (Words.AUX.contains(lower[q])
            || Words.ADVERBS.contains(lower[q])
            || Words.isNegation(lower[q])
            || lower[q].equals("to") && q > 0 && HAVE_NEED.contains(lower[q - 1]))) {
      q--; // "it may have to be delayed": the subject is "it"
    }
    if (q < 0) {
      return null;
    }
    if (BUT_AND_ETC.contains(lower[q])) {
      // "X was due to start in January, but was delayed": the subject of the first clause.
      int k = q - 1;
      while (k >= 0 && lower[k].equals(",")) {
        k--;
      }
      return k < 0 ? null : clauseSubject(clauseStart(k));
    }
    int end = q + 1;
    int s = q;
    int steps = 0;
    while (s >= 0 && steps++ < 40) {
      String w = lower[s];
      if (w.equals(",")) {
        int prevComma = -1;
        for (int k = s - 1; k >= Math.max(0, s - 14); k--) {
          if (lower[k].equals(",")) {
            prevComma = k;
            break;
          }
        }
        if (prevComma >= 0 && isAppositive(prevComma + 1)) {
          if (s == end - 1) {
            end = prevComma; // the insert sat between the subject and its verb
          }
          s = prevComma - 1;
          continue;
        }
        break;
      }
      if (!isNpToken(s) || looksLikeFiniteVerb(s)) {
        break;
      }
      s--;
    }
    int start = s + 1;
    if (start >= end) {
      return null;
    }
    return phrase(start, end);
  }

  /** "the congress expected to be held": a plan word right after a noun, with no auxiliary. */
  private boolean isReducedRelative(Cue s) {
    int k = s.from() - 1;
    if (k < 0 || !toks.get(k).isWord()) {
      return false;
    }
    String w = lower[k];
    return !Words.AUX.contains(w)
        && !Words.ADVERBS.contains(w)
        && !Words.PRONOUNS.contains(w)
        && !Words.isNegation(w)
        && !NEW_PREPOSITIONS.contains(w)
        && !Words.BOUNDARY.contains(w)
        && !cueToken[k]
        && timeAt[k] < 0
        && EXPECTED_SCHEDULED_ETC.contains(lower[s.from()]);
  }

  /**
   * The compound noun phrase ending at token {@code q} ("the Syrian national dialogue congress").
   */
  private EventPhrase nounPhraseEndingAt(int q) {
    int s = q;
    while (s - 1 >= 0
        && toks.get(s - 1).isWord()
        && !Words.DETERMINERS.contains(lower[s - 1])
        && !COMPOUND_BREAKS.contains(lower[s - 1])
        && !NEW_PREPOSITIONS.contains(lower[s - 1])
        && !Words.AUX.contains(lower[s - 1])
        && !Words.BOUNDARY.contains(lower[s - 1])
        && !Words.SPEECH.contains(lower[s - 1])
        && !cueToken[s - 1]
        && timeAt[s - 1] < 0
        && !looksLikeFiniteVerb(s - 1)
        && q - s < 8) {
      s--;
    }
    // A named event spans its "of": "Congress of National Dialogue of Syrians".
    int qStart = toks.get(q).start();
    for (EntityMention e : entities) {
      if (EntityMention.EVENT.equals(e.type())
          && e.start() < qStart
          && e.end() >= toks.get(q).end()) {
        int[] range = tokenRange(e.start(), e.end());
        if (range != null && range[0] < s) {
          s = range[0];
        }
      }
    }
    if (s > 0 && Words.DETERMINERS.contains(lower[s - 1])) {
      s--;
    }
    return phrase(s, q + 1);
  }

  /** "He informed": a past form after a pronoun or a name is a verb, not an adjective. */
  private boolean looksLikeFiniteVerb(int k) {
    String w = lower[k];
    if (k == 0 || cueToken[k] || w.length() <= 4 || !w.endsWith("ed")) {
      return false;
    }
    if (PROPOSED_PLANNED_ETC.contains(w)) {
      return false;
    }
    String prev = lower[k - 1];
    return HE_SHE_ETC.contains(prev)
        || toks.get(k - 1).isCapitalised() && k - 1 > 0 && !Words.DETERMINERS.contains(prev);
  }

  /** The first noun phrase of the clause that starts at {@code from}. */
  private EventPhrase clauseSubject(int from) {
    int e = from;
    while (e < lower.length
        && e - from < 30
        && isNpToken(e)
        && !lower[e].equals(",")
        && !(cueToken[e] && isPlanCue(e) && e > from)) {
      e++;
    }
    return e > from ? phrase(from, e) : null;
  }

  /** A comma-delimited insert that a subject may skip: "..., originally scheduled for X, ...". */
  private boolean isAppositive(int k) {
    return k < lower.length
        && (ORIGINALLY_PREVIOUSLY_ETC2.contains(lower[k])
            || k + 1 < lower.length && lower[k].equals("the") && timeAt[k + 1] >= 0);
  }

  private boolean isNpToken(int k) {
    String w = lower[k];
    Token t = toks.get(k);
    if (timeAt[k] >= 0) {
      return true;
    }
    if (!t.isWord()) {
      return Set.of("'", "(", ")", "&", "-", "\u2019", "<", ">").contains(w);
    }
    if (Words.AUX.contains(w) || Words.BOUNDARY.contains(w) || Words.SPEECH.contains(w)) {
      return false;
    }
    if (THAT_THAN_ETC.contains(w)) {
      return false;
    }
    // A change or plan verb ends the phrase ("voted to postpone"), a reduced relative does not.
    if (cueToken[k] && isVerbCue(k)) {
      return false;
    }
    return true;
  }

  private boolean isVerbCue(int k) {
    for (Cue c : cues) {
      if (k >= c.from()
          && k < c.to()
          && CHANGE_TYPES.contains(c.type())
          && c.type() != Type.INSTEAD
          && !isNounForm(c)) {
        return true;
      }
    }
    return false;
  }

  /** The noun phrase that starts at token {@code p} (skipping adverbs and "until X"). */
  private EventPhrase object(int p) {
    int s = p;
    int guard = 0;
    while (s < lower.length && guard++ < 20) {
      if (Words.ADVERBS.contains(lower[s])) {
        s++;
      } else if (UNTIL_TILL_ETC2.contains(lower[s])
          && s + 1 < lower.length
          && (timeAt[s + 1] >= 0 || lower[s + 1].equals("next") || lower[s + 1].equals("later"))) {
        s++;
        while (s < lower.length && (timeAt[s] >= 0 || NEXT_LATER.contains(lower[s]))) {
          s++;
        }
      } else if (FOR_BY.contains(lower[s]) && durationAt(s + 1) >= 0) {
        s = durations.get(durationAt(s + 1)).to(); // "put off for one week a decision"
      } else if (UNTIL_TILL.contains(lower[s])) {
        s++; // "until further notice", "until after ..."
      } else {
        break;
      }
    }
    int start = s;
    int e = s;
    while (e < lower.length && e - start < 25) {
      String w = lower[e];
      Token t = toks.get(e);
      if (!t.isWord() && !Set.of("'", "&", "-", "(", ")", "\u2019", "<", ">").contains(w)) {
        break;
      }
      if (UNTIL_TILL_ETC3.contains(w)
          || Words.BOUNDARY.contains(w) && e > start
          || Words.SPEECH.contains(w)) {
        break;
      }
      if ((w.equals("to") || w.equals("from") || w.equals("for") || w.equals("beyond"))
          && e + 1 < lower.length
          && timeAt[e + 1] >= 0) {
        break;
      }
      // "an extension of the pact for one year beyond June 30 is likely": the object ends before
      // a stated duration and before the clause's verb.
      if (e > start && (Words.BE.contains(w) || FOR_BY.contains(w) && durationThenEnd(e + 1))) {
        break;
      }
      if (cueToken[e] && isVerbCue(e) && e > start) {
        break;
      }
      e++;
    }
    if (e <= start) {
      return null;
    }
    return phrase(start, e);
  }

  /**
   * "cancelled a planned sale of preferred stock", "a proposed rights offering": the event phrase
   * says it was a plan, so its cancellation moves an occasion off the calendar.
   */
  private boolean plannedModifier(EventPhrase event) {
    String before = text.substring(Math.max(0, event.start() - 40), event.start());
    String[] words = (before + " " + event.written()).toLowerCase(Locale.ROOT).split("[^a-z]+");
    // the phrase itself, or the word right before it
    int from = words.length - event.written().split("\\s+").length - 1;
    for (int k = Math.max(0, from); k < words.length; k++) {
      if (PLANNED_PROPOSED.contains(words[k])) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> PLANNED_PROPOSED =
      Set.of("planned", "proposed", "scheduled", "projected", "intended", "prospective");

  private static final Set<String> CHANGED_CHANGES = Set.of("changed", "changes", "change");

  /** A "change" cue other than "changed the date" itself, which needs a pair of days. */
  private boolean plainChange(Cue c) {
    boolean chang = false;
    for (int k = c.from(); k < c.to(); k++) {
      chang |= CHANGED_CHANGES.contains(lower[k]);
    }
    boolean theDate =
        c.to() - c.from() == 3
            && lower[c.from() + 1].equals("the")
            && lower[c.from() + 2].equals("date");
    return chang && !theDate;
  }

  private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /**
   * Two days that end before they start are no range: "payable June 26 to May 8 from May 29" is a
   * date and then the move's new day.
   */
  private static boolean backwards(TimeRef a, TimeRef b) {
    return ISO_DAY.matcher(a.value()).matches()
        && ISO_DAY.matcher(b.value()).matches()
        && b.value().compareTo(a.value()) < 0;
  }

  /** A sentence about a fiscal or reporting year, whose end dates are no occasions. */
  private boolean fiscalContext() {
    for (String w : lower) {
      if (w.equals("fiscal")
          || w.startsWith("year-end")
          || w.equals("yr-end")
          || w.equals("reporting")
          || w.equals("accounting")) {
        return true;
      }
    }
    return false;
  }

  /** A duration at {@code k} followed by an end it moves past or to, or by the clause's verb. */
  private boolean durationThenEnd(int k) {
    int d = durationAt(k);
    if (d < 0) {
      return false;
    }
    int after = durations.get(d).to();
    return after < lower.length
        && (Words.BE.contains(lower[after])
            || Set.of("beyond", "to", "until", "through").contains(lower[after])
                && after + 1 < lower.length
                && timeAt[after + 1] >= 0);
  }

  /** The first noun phrase of the clause built around an event noun. */
  private EventPhrase firstEventNounPhrase(int from, int to) {
    for (int k = from; k < Math.min(to, lower.length); k++) {
      if (timeAt[k] < 0
          && Cues.EVENT_NOUNS.contains(Words.stripPossessive(lower[k]))
          && !cueToken[k]) {
        int s = k;
        while (s - 1 >= from
            && toks.get(s - 1).isWord()
            && !Words.DETERMINERS.contains(lower[s - 1])
            && !Words.AUX.contains(lower[s - 1])
            && !cueToken[s - 1]
            && !Words.BOUNDARY.contains(lower[s - 1])
            && !NEW_PREPOSITIONS.contains(lower[s - 1])
            && k - s < 5) {
          s--;
        }
        int e = k + 1;
        while (e < Math.min(to, lower.length)
            && e - k < 8
            && toks.get(e).isWord()
            && !cueToken[e]
            && !Words.AUX.contains(lower[e])
            && !Words.BOUNDARY.contains(lower[e])
            && timeAt[e] < 0) {
          e++;
        }
        return phrase(s, e);
      }
    }
    return null;
  }

  /** Builds the event phrase of tokens {@code [from, to)}. */
  private EventPhrase phrase(int from, int to) {
    // Trim leading articles and possessives, remember a possessive pronoun.
    int a = from;
    boolean possessive = false;
    while (a < to && (Words.DETERMINERS.contains(lower[a]) || !toks.get(a).isWord())) {
      if (ITS_THEIR_ETC.contains(lower[a])) {
        possessive = true;
      }
      a++;
    }
    if (a >= to) {
      return null;
    }
    // A lone pronoun, or "the event": an anaphor.
    if (to - a == 1 && Words.PRONOUNS.contains(lower[a])
        || to - from == 1 && lower[from].equals("it")) {
      return new EventPhrase(
          toks.get(from).start(),
          toks.get(to - 1).end(),
          lower[a],
          "",
          List.of(),
          List.of(),
          "",
          true,
          false,
          false);
    }
    // Core: content words up to a cut ("to" + verb, "which", ...), skipping reduced relatives
    // with their time ("due today", "scheduled for tomorrow").
    List<String> core = new ArrayList<>();
    List<String> qualifiers = new ArrayList<>();
    StringBuilder written = new StringBuilder();
    StringBuilder qualifierText = new StringBuilder();
    String head = "";
    int named = 0;
    int words = 0;
    boolean cut = false;
    boolean compoundOpen = true;
    String compoundLast = "";
    String firstEventAfterOf = null;
    int lastWritten = -1;
    for (int k = a; k < to; k++) {
      String w = lower[k];
      Token t = toks.get(k);
      if (!cut && isCut(k)) {
        cut = true;
      }
      if (timeAt[k] >= 0) {
        continue;
      }
      if (cueToken[k] && isPlanCue(k)) {
        // skip "due", "set for", "scheduled for" and any "for/on/in" + time right after
        continue;
      }
      boolean properNoun =
          t.isCapitalised()
              && !headline
              && t.isWord()
              && !(k == 0 && isCommonOpener(k))
              && !Words.DETERMINERS.contains(w)
              && !Names.CORPORATE_SUFFIXES.contains(w)
              && !(t.text().length() <= 2 && k == 0 && !t.isAllCaps());
      if (cut) {
        if (properNoun && qualifiers.size() < 4) {
          String norm = Words.normalise(t.text());
          if (!norm.isEmpty() && !qualifiers.contains(norm)) {
            qualifiers.add(norm);
            if (qualifierText.length() > 0) {
              qualifierText.append(' ');
            }
            qualifierText.append(Words.stripPossessive(t.text()));
          }
        }
        continue;
      }
      if (written.length() > 0 && lastWritten >= 0 && t.start() > toks.get(lastWritten).end()) {
        written.append(' ');
      }
      if (lastWritten < 0 || words < 14) {
        written.append(t.text());
        lastWritten = k;
        words++;
      }
      if (!t.isWord()) {
        continue;
      }
      String bare = Words.stripPossessive(w);
      if (COMPOUND_BREAKS.contains(bare)) {
        compoundOpen = false;
      }
      // The head is the last event noun of the leading compound ("tender offer program").
      if (compoundOpen && isEventNoun(bare)) {
        head = bare;
      }
      if (!compoundOpen && firstEventAfterOf == null && isEventNoun(bare)) {
        firstEventAfterOf = bare;
      }
      if (compoundOpen
          && !Names.STOP_WORDS.contains(bare)
          && !Words.DETERMINERS.contains(bare)
          && Character.isLetter(bare.isEmpty() ? '1' : bare.charAt(0))) {
        compoundLast = Names.slug(bare);
      }
      if (Names.STOP_WORDS.contains(bare)
          || Names.CORPORATE_SUFFIXES.contains(bare)
          || Words.AUX.contains(bare)
          || WHAT_WHICH_ETC.contains(bare)
          || Character.isDigit(bare.isEmpty() ? 'x' : bare.charAt(0))
          || Words.NUMBER_WORDS.contains(bare)
          || k == 0 && t.text().length() <= 2 && !t.isAllCaps()) {
        continue;
      }
      if (properNoun) {
        named++;
      }
      String norm = Words.normalise(t.text());
      if (!norm.isEmpty() && !core.contains(norm) && core.size() < 7) {
        core.add(norm);
      }
    }
    if (written.length() == 0) {
      return null;
    }
    if (head.isEmpty() && PARTITIVES.contains(compoundLast) && firstEventAfterOf != null) {
      head = firstEventAfterOf; // "second day of talks", "part of the session"
    }
    if (head.isEmpty()) {
      // No event noun in the leading compound: its last word stands as head ("action").
      head = compoundLast;
    }
    String w = written.toString().trim();
    while (w.endsWith(",") || w.endsWith("'") || w.endsWith("(")) {
      w = w.substring(0, w.length() - 1).trim();
    }
    boolean isNamed = named >= 2 && named * 2 >= core.size();
    boolean generic = core.size() <= 1 && Cues.GENERIC_HEADS.contains(head) && qualifiers.isEmpty();
    boolean anaphor =
        generic
            && !possessive
            && (lower[from].equals("the")
                || lower[from].equals("this")
                || lower[from].equals("that"));
    // A described event with no name of its own ("its annual meeting", "the ministers'
    // meeting") belongs to the party the sentence names first: "OPEC now expects ...".
    if ((possessive || generic || named == 0) && qualifiers.isEmpty() && !anaphor) {
      // "its annual meeting": the organisation that owns it is the nearest one before.
      EntityMention agent = agentBefore(toks.get(from).start());
      if (agent != null) {
        for (String part : agent.id().split("-")) {
          if (!part.isEmpty() && qualifiers.size() < 4 && !core.contains(part)) {
            qualifiers.add(part);
          }
        }
        qualifierText.append(cleanAgentText(agent.text()));
      }
    }
    return new EventPhrase(
        toks.get(a).start(),
        toks.get(to - 1).end(),
        w,
        head,
        core,
        qualifiers,
        qualifierText.toString(),
        anaphor,
        isNamed,
        false);
  }

  private boolean isCommonOpener(int k) {
    return TALKS_THE_ETC.contains(lower[k]);
  }

  private static String cleanAgentText(String t) {
    String s = Words.stripPossessive(t.trim());
    for (String suffix : List.of(" Inc", " Corp", " Co", " Ltd", " Inc.", " Corp.", " Ltd.")) {
      if (s.endsWith(suffix)) {
        s = s.substring(0, s.length() - suffix.length());
      }
    }
    if (s.startsWith("The ")) {
      s = s.substring(4);
    }
    return s;
  }

  /** A reduced relative or purpose clause ends the name: "to try to end", "which", "tied". */
  private boolean isCut(int k) {
    String w = lower[k];
    if (WHICH_THAT_ETC.contains(w)) {
      // "in" cuts only after a head ("talks in Geneva" keeps Geneva as a qualifier).
      return !w.equals("in")
          || k > 0 && Cues.EVENT_NOUNS.contains(Words.stripPossessive(lower[k - 1]));
    }
    return w.equals("to") && k + 1 < lower.length && timeAt[k + 1] < 0 && !caps[k + 1];
  }

  private boolean isPlanCue(int k) {
    for (Cue c : cues) {
      if (k >= c.from()
          && k < c.to()
          && (c.type() == Type.SCHEDULE
              || c.type() == Type.EXPECT
              || c.type() == Type.PREVIOUS
              || c.type() == Type.PAST_PLAN)) {
        return true;
      }
    }
    return ORIGINALLY_PREVIOUSLY_ETC3.contains(lower[k]);
  }

  /** The nearest organisation, person or group named before {@code offset} in the sentence. */
  private EntityMention agentBefore(int offset) {
    EntityMention best = null;
    for (EntityMention e : entities) {
      if (e.end() <= offset
          && e.start() >= sentence.start()
          && !EntityMention.LOCATION.equals(e.type())
          && !EntityMention.EVENT.equals(e.type())) {
        if (best == null || e.start() < best.start()) {
          best = e; // the sentence's first named party is its grammatical subject
        }
      }
    }
    return best;
  }

  /** Where the event takes place: a city named after "in"/"at", else any place so named. */
  private String location() {
    String best = null;
    int bestRank = -1;
    for (EntityMention e : entities) {
      if (!EntityMention.LOCATION.equals(e.type())) {
        continue;
      }
      int[] range = tokenRange(e.start(), e.end());
      if (range == null) {
        continue;
      }
      boolean afterIn = false;
      for (int k = range[0] - 1; k >= Math.max(0, range[0] - 9); k--) {
        if (lower[k].equals("in") || lower[k].equals("at")) {
          afterIn = true;
          break;
        }
        if (timeAt[k] >= 0 || lower[k].equals(",") || Words.AUX.contains(lower[k])) {
          break;
        }
      }
      if (!afterIn) {
        continue;
      }
      String slug = Gazetteer.place(e.text());
      int rank = slug == null ? 1 : (Gazetteer.isCountry(slug) ? 0 : 2);
      if (rank >= bestRank) {
        bestRank = rank;
        best = Words.stripPossessive(e.text());
      }
    }
    return best;
  }
}
