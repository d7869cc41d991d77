package dev.herald.nlp.schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The word lists behind schedule claims: change verbs, plan words, hedges, negations, and the
 * phrase matcher that finds them in a sentence's lower-cased tokens. A {@code *} in a phrase
 * matches one to three tokens ("put the meeting off").
 */
final class Cues {

  enum Type {
    POSTPONE,
    ADVANCE,
    RESCHEDULE,
    CANCEL,
    /** "extended": a postponement of a deadline or expiry. */
    EXTEND,
    /** "not take place until": a postponement stated with a negation. */
    NOT_UNTIL,
    /** "originally scheduled", "had been expected": the time that follows is the old one. */
    PREVIOUS,
    /** "was expected", "were scheduled": a plan stated in the past, not necessarily changed. */
    PAST_PLAN,
    /** "now due", "will now": the time that follows is the new one. */
    NOW,
    /** "instead of", "rather than": the time that follows is the old one. */
    INSTEAD,
    /** "indefinitely". */
    INDEFINITE,
    SCHEDULE,
    EXPECT,
    HEDGE,
    NEGATION,
    CONDITIONAL,
    CONTRAST
  }

  /** A cue found at tokens {@code [from, to)}. */
  record Cue(Type type, int from, int to) {}

  private static final Map<String, List<Phrase>> PHRASES = new HashMap<>();

  private record Phrase(Type type, String[] words) {}

  static {
    add(
        Type.POSTPONE,
        "postpone",
        "postpones",
        "postponed",
        "postponing",
        "postponement",
        "delay",
        "delays",
        "delayed",
        "delaying",
        "defer",
        "defers",
        "deferred",
        "deferring",
        "deferral",
        "put off",
        "puts off",
        "putting off",
        "put * off",
        "pushed back",
        "push back",
        "pushes back",
        "pushing back",
        "pushed * back",
        "push * back",
        "moved back",
        "move back",
        "set back to",
        "slipped to",
        "slip to",
        "slips to",
        "to a later date",
        "later than planned",
        "later than scheduled",
        "later than expected",
        "later than originally",
        "later than previously",
        "behind schedule");
    add(
        Type.ADVANCE,
        "brought forward",
        "bring forward",
        "brings forward",
        "bringing forward",
        "brought * forward",
        "bring * forward",
        "moved up",
        "move up",
        "moves up",
        "moving up",
        "moved * up",
        "move * up",
        "moved forward to",
        "move forward to",
        "advanced to",
        "advanced the date",
        "advance the date",
        "earlier than planned",
        "earlier than scheduled",
        "earlier than expected",
        "earlier than previously",
        "earlier than originally",
        "earlier than anticipated",
        "ahead of schedule");
    add(
        Type.RESCHEDULE,
        "reschedule",
        "reschedules",
        "rescheduled",
        "rescheduling",
        "moved to",
        "moved from",
        "move to",
        "moves to",
        "switched to",
        "changed the date",
        "change the date",
        "new date");
    add(
        Type.CANCEL,
        "cancel",
        "cancels",
        "cancelled",
        "canceled",
        "cancelling",
        "canceling",
        "cancellation",
        "called off",
        "call off",
        "calls off",
        "calling off",
        "called * off",
        "call * off",
        "scrapped",
        "scraps",
        "scrap",
        "suspended indefinitely",
        "axed");
    add(Type.EXTEND, "extended", "extends", "extend", "extending", "extension");
    add(
        Type.NOT_UNTIL,
        "not take place until",
        "not be held until",
        "not begin until",
        "not start until",
        "not open until",
        "not meet until",
        "not resume until",
        "not be signed until",
        "not until");
    add(
        Type.PREVIOUS,
        "originally",
        "previously",
        "initially",
        "formerly",
        "had been scheduled",
        "had been expected",
        "had been due",
        "had been set",
        "had been planned",
        "had been slated",
        "had been supposed",
        "had been timed",
        "was to have",
        "were to have",
        "as originally");
    add(
        Type.PAST_PLAN,
        "was scheduled",
        "were scheduled",
        "was expected",
        "were expected",
        "was due",
        "were due",
        "was set",
        "were set",
        "was planned",
        "were planned",
        "was slated",
        "were slated",
        "was supposed",
        "were supposed",
        "was meant",
        "was to",
        "were to");
    add(
        Type.NOW,
        "now due",
        "now scheduled",
        "now set",
        "now expected",
        "now planned",
        "now slated",
        "will now",
        "is now",
        "are now",
        "now likely",
        "now take place",
        "now be held");
    add(Type.INSTEAD, "instead of", "rather than", "in place of");
    add(Type.INDEFINITE, "indefinitely", "until further notice", "sine die");
    add(
        Type.SCHEDULE,
        "scheduled",
        "schedule",
        "slated",
        "due",
        "set for",
        "set to",
        "set on",
        "fixed for",
        "planned for",
        "timed for",
        "is to",
        "are to",
        "to be held",
        "will be held",
        "would be held",
        "be held",
        "take place",
        "takes place",
        "taking place",
        "will meet",
        "to meet",
        "would meet",
        "will begin",
        "to begin",
        "will start",
        "to start",
        "will open",
        "to open",
        "will convene",
        "to convene",
        "will resume",
        "to resume",
        "will hold",
        "to hold",
        "will be launched",
        "to be launched",
        "will launch",
        "to launch",
        "will be signed",
        "to be signed",
        "will vote",
        "to vote",
        "will be released",
        "to be released",
        "will be published",
        "to be published",
        "will announce",
        "to announce",
        "to expire",
        "will expire",
        "expires",
        "begins",
        "starts",
        "opens",
        "convenes",
        "meets");
    add(
        Type.EXPECT,
        "expected",
        "expects",
        "expect",
        "anticipated",
        "planned",
        "plans",
        "plan to",
        "intends",
        "aims to");
    add(
        Type.HEDGE,
        "might",
        "could",
        "possibly",
        "possible",
        "probably",
        "likely",
        "perhaps",
        "reportedly",
        "rumoured",
        "rumored",
        "worst case",
        "said to be",
        "speculation",
        "tentatively",
        "tentative",
        "considering",
        "mulling",
        "would likely");
    add(
        Type.NEGATION,
        "not",
        "n't",
        "no",
        "never",
        "without",
        "neither",
        "nor",
        "denied",
        "denies",
        "deny",
        "ruled out",
        "rules out",
        "rule out",
        "rejected",
        "rejects",
        "dismissed",
        "refused",
        "refuses",
        "opposed",
        "against");
    add(
        Type.CONDITIONAL,
        "otherwise",
        "if",
        "unless",
        "in case",
        "in the event",
        "whether",
        "provided that",
        "should it");
    add(Type.CONTRAST, "but", "however", "yet", "instead", "although", "though", "whereas");
  }

  /** Nouns of money matters: "debt rescheduling", "deferred tax", "delayed payments". */
  static final Set<String> FINANCIAL =
      Set.of(
          "debt",
          "debts",
          "loan",
          "loans",
          "arrears",
          "maturities",
          "maturity",
          "obligations",
          "repayment",
          "repayments",
          "repayable",
          "principal",
          "tax",
          "taxes",
          "taxation",
          "income",
          "revenue",
          "revenues",
          "interest",
          "credit",
          "credits",
          "charges",
          "costs",
          "cost",
          "compensation",
          "payment",
          "payments",
          "dues",
          "liabilities",
          "borrowings",
          "dividend",
          "dividends",
          "premium",
          "premiums",
          "expenses",
          "expense",
          "mortgage",
          "mortgages",
          "instalment",
          "instalments",
          "installment",
          "installments",
          "div",
          "stock",
          "shares",
          "dlrs",
          "dollars",
          "billion",
          "mln",
          "million",
          "yen",
          "stg",
          "marks",
          "francs",
          "gain",
          "gains",
          "outlays",
          "spending",
          "expenditure",
          "debits",
          "bonds",
          "notes",
          "warrants",
          "paper",
          "securities",
          "rate",
          "rates",
          "loss",
          "losses");

  /** Nouns that name a schedulable occasion: a changed time of one of these is news. */
  static final Set<String> EVENT_NOUNS =
      Set.of(
          "talks",
          "talk",
          "meeting",
          "meetings",
          "session",
          "sessions",
          "hearing",
          "hearings",
          "congress",
          "summit",
          "conference",
          "conferences",
          "election",
          "elections",
          "vote",
          "voting",
          "ballot",
          "referendum",
          "poll",
          "auction",
          "auctions",
          "sale",
          "offering",
          "offer",
          "issue",
          "tender",
          "launch",
          "launching",
          "opening",
          "start",
          "completion",
          "signing",
          "ceremony",
          "visit",
          "trip",
          "tour",
          "trial",
          "match",
          "game",
          "games",
          "race",
          "tournament",
          "championship",
          "festival",
          "concert",
          "show",
          "exhibition",
          "fair",
          "forum",
          "debate",
          "round",
          "negotiations",
          "negotiation",
          "dialogue",
          "strike",
          "walkout",
          "report",
          "release",
          "publication",
          "announcement",
          "decision",
          "ruling",
          "verdict",
          "markup",
          "mark-up",
          "assembly",
          "convention",
          "rally",
          "protest",
          "parade",
          "inauguration",
          "flight",
          "mission",
          "delivery",
          "deliveries",
          "shipment",
          "shipments",
          "shipping",
          "production",
          "implementation",
          "introduction",
          "debut",
          "premiere",
          "listing",
          "flotation",
          "privatisation",
          "privatization",
          "trading",
          "date",
          "deadline",
          "expiry",
          "expiration",
          "program",
          "programme",
          "consultation",
          "consultations",
          "briefing",
          "review",
          "deal",
          "merger",
          "acquisition",
          "takeover",
          "closing",
          "settlement",
          "facility",
          "plenary",
          "meet",
          "gathering",
          "party",
          "celebration",
          "commemoration",
          "wedding",
          "funeral",
          "execution",
          "retender",
          "sitting",
          "recess",
          "presentation",
          "passage",
          "approval",
          "ratification",
          "unveiling",
          "reopening",
          "restart",
          "startup",
          "start-up",
          "shutdown",
          "closure",
          "commissioning",
          "sentencing",
          "float",
          "conversion",
          "redemption",
          "maturity",
          "payout",
          "resumption",
          "arrival",
          "departure",
          "return",
          "exercise",
          "drill",
          "test",
          "trials",
          "kickoff",
          "kick-off",
          "proceedings",
          "rollout",
          "roll-out",
          "showdown",
          "congresses",
          "summits");

  /** Occasions whose cancellation is a schedule change (an order or a merger is not). */
  static final Set<String> CANCEL_NOUNS =
      Set.of(
          "talks",
          "meeting",
          "meetings",
          "session",
          "sessions",
          "hearing",
          "hearings",
          "congress",
          "summit",
          "conference",
          "election",
          "elections",
          "vote",
          "ballot",
          "referendum",
          "auction",
          "tender",
          "launch",
          "ceremony",
          "visit",
          "trip",
          "tour",
          "match",
          "game",
          "games",
          "race",
          "tournament",
          "championship",
          "festival",
          "concert",
          "show",
          "exhibition",
          "fair",
          "forum",
          "debate",
          "round",
          "negotiations",
          "strike",
          "parade",
          "rally",
          "inauguration",
          "briefing",
          "consultations",
          "plenary",
          "celebration",
          "signing",
          "opening",
          "release",
          "announcement",
          "markup",
          "press");

  /** Event nouns that carry little identity on their own ("the meeting", "talks"). */
  static final Set<String> GENERIC_HEADS =
      Set.of(
          "talks",
          "talk",
          "meeting",
          "meetings",
          "session",
          "sessions",
          "hearing",
          "hearings",
          "event",
          "vote",
          "sale",
          "offering",
          "offer",
          "issue",
          "tender",
          "launch",
          "opening",
          "start",
          "completion",
          "signing",
          "ceremony",
          "visit",
          "trip",
          "trial",
          "report",
          "release",
          "announcement",
          "decision",
          "date",
          "deadline",
          "program",
          "programme",
          "deal",
          "round",
          "conference",
          "congress",
          "summit",
          "auction",
          "election",
          "elections",
          "meet",
          "facility",
          "debate",
          "negotiations",
          "review");

  private Cues() {}

  private static void add(Type type, String... phrases) {
    for (String p : phrases) {
      String[] words = p.split(" ");
      PHRASES.computeIfAbsent(words[0], k -> new ArrayList<>()).add(new Phrase(type, words));
    }
  }

  /** Every cue in the lower-cased tokens; the longest phrase of a type wins at a position. */
  static List<Cue> find(String[] lower, boolean[] capitalised) {
    List<Cue> out = new ArrayList<>();
    for (int i = 0; i < lower.length; i++) {
      List<Phrase> candidates = PHRASES.get(lower[i]);
      if (candidates == null) {
        continue;
      }
      Map<Type, Integer> best = new HashMap<>();
      for (Phrase p : candidates) {
        int end = match(lower, i, p.words, 1);
        if (end > 0 && end > best.getOrDefault(p.type, 0)) {
          best.put(p.type, end);
        }
      }
      for (Map.Entry<Type, Integer> e : best.entrySet()) {
        out.add(new Cue(e.getKey(), i, e.getValue()));
      }
    }
    // "may" is a hedge only in lower case, or before a verb: "May 21" is a date.
    for (int i = 0; i < lower.length; i++) {
      if (lower[i].equals("may")
          && (!capitalised[i]
              || i + 1 < lower.length
                  && Set.of("be", "not", "have", "take", "also", "well", "need")
                      .contains(lower[i + 1]))) {
        out.add(new Cue(Type.HEDGE, i, i + 1));
      }
    }
    out.sort(
        (a, b) -> a.from != b.from ? Integer.compare(a.from, b.from) : a.type.compareTo(b.type));
    return out;
  }

  /** End token index of a match of {@code words[w..]} at {@code i}, or -1. */
  private static int match(String[] lower, int i, String[] words, int w) {
    int pos = i + 1;
    while (w < words.length) {
      if (words[w].equals("*")) {
        for (int gap = 1; gap <= 3 && pos + gap < lower.length; gap++) {
          int end = match(lower, pos + gap - 1, words, w + 1);
          if (end > 0) {
            return end;
          }
        }
        return -1;
      }
      if (pos >= lower.length || !lower[pos].equals(words[w])) {
        return -1;
      }
      pos++;
      w++;
    }
    return pos;
  }
}
