package dev.herald.nlp.schedule;

import dev.herald.nlp.entity.Gazetteer;
import dev.herald.nlp.entity.Names;
import java.util.Locale;
import java.util.Set;

/** Small closed word classes used to read clause structure without a part-of-speech tagger. */
final class Words {

  static final Set<String> AUX =
      Set.of(
          "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
          "shall", "should", "may", "might", "can", "could", "must", "do", "does", "did", "'s",
          "am", "'ll", "wo");

  static final Set<String> BE = Set.of("is", "are", "was", "were", "be", "been", "being", "am");

  static final Set<String> ADVERBS =
      Set.of(
          "originally",
          "previously",
          "initially",
          "now",
          "also",
          "still",
          "again",
          "already",
          "formally",
          "officially",
          "tentatively",
          "further",
          "indefinitely",
          "just",
          "currently",
          "reportedly",
          "probably",
          "possibly",
          "likely",
          "unexpectedly",
          "suddenly",
          "once",
          "then",
          "first",
          "finally",
          "not",
          "never",
          "unanimously",
          "temporarily",
          "recently",
          "since",
          "earlier",
          "apparently",
          "effectively",
          "quietly");

  static final Set<String> DETERMINERS =
      Set.of(
          "the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "our",
          "your", "another", "some", "any", "each", "every", "th", "my");

  static final Set<String> BOUNDARY =
      Set.of(
          "but",
          "however",
          "although",
          "though",
          "whereas",
          "while",
          "because",
          "unless",
          "if",
          "when",
          "after",
          "before",
          "so",
          "which",
          "who",
          "whom",
          "whose",
          "where",
          "said",
          "says",
          "say",
          "told",
          "according",
          "adding",
          "saying",
          "announced",
          "added");

  static final Set<String> SPEECH =
      Set.of(
          "said",
          "says",
          "say",
          "told",
          "tells",
          "announced",
          "announces",
          "reported",
          "reports",
          "added",
          "adds",
          "stated",
          "noted",
          "confirmed",
          "declared",
          "explained",
          "wrote",
          "disclosed",
          "indicated",
          "revealed",
          "commented",
          "according",
          "statement",
          "quoted");

  static final Set<String> PAST_EVENT_VERBS =
      Set.of(
          "met",
          "held",
          "began",
          "took",
          "made",
          "passed",
          "agreed",
          "voted",
          "signed",
          "opened",
          "closed",
          "started",
          "ended",
          "halted",
          "walked",
          "approved",
          "completed",
          "rejected",
          "adopted",
          "released",
          "published",
          "launched",
          "died",
          "arrived",
          "left",
          "visited",
          "won",
          "lost",
          "fell",
          "rose",
          "reached",
          "issued",
          "filed",
          "submitted",
          "sent",
          "occurred",
          "happened",
          "came",
          "went",
          "resumed",
          "finished",
          "concluded",
          "struck",
          "killed",
          "attacked",
          "elected",
          "appointed",
          "named",
          "bought",
          "sold",
          "paid");

  static final Set<String> PRONOUNS =
      Set.of("it", "they", "this", "that", "these", "those", "he", "she", "we", "which");

  /** Verbs after "due to" that make it a plan ("due to start"), not a cause ("due to rain"). */
  static final Set<String> DUE_TO_VERBS =
      Set.of(
          "be",
          "take",
          "meet",
          "begin",
          "start",
          "open",
          "resume",
          "end",
          "expire",
          "close",
          "hold",
          "vote",
          "sign",
          "report",
          "release",
          "announce",
          "visit",
          "arrive",
          "leave",
          "complete",
          "launch",
          "decide",
          "rule",
          "make",
          "deliver",
          "publish",
          "return",
          "go",
          "come",
          "hear",
          "consider",
          "discuss",
          "review",
          "finish",
          "mature",
          "convene",
          "debate",
          "attend",
          "travel",
          "fly",
          "present",
          "submit",
          "unveil",
          "issue");

  /** Plural nouns that stay plural in ids. */
  private static final Set<String> KEEP_PLURAL =
      Set.of(
          "talks",
          "games",
          "olympics",
          "news",
          "series",
          "arrears",
          "affairs",
          "relations",
          "nations",
          "states",
          "headquarters",
          "politics",
          "economics",
          "athletics",
          "paralympics");

  static final Set<String> NUMBER_WORDS =
      Set.of(
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
          "hundred",
          "thousand",
          "mln",
          "million",
          "billion",
          "bln",
          "pct",
          "percent");

  private Words() {}

  /** Lower case, possessive dropped, place names and demonyms as place slugs, plural singular. */
  static String normalise(String written) {
    String lower = stripPossessive(written.toLowerCase(Locale.ROOT));
    if (!written.isEmpty() && Character.isUpperCase(written.charAt(0))) {
      String place = Gazetteer.place(lower);
      if (place != null) {
        return place;
      }
    }
    String slug = Names.slug(lower);
    return singular(slug);
  }

  static String singular(String w) {
    if (w.length() <= 4 || KEEP_PLURAL.contains(w) || !w.endsWith("s")) {
      return w;
    }
    if (w.endsWith("ss") || w.endsWith("us") || w.endsWith("is") || w.endsWith("ics")) {
      return w;
    }
    if (w.endsWith("ies")) {
      return w.substring(0, w.length() - 3) + "y";
    }
    return w.substring(0, w.length() - 1);
  }

  static String stripPossessive(String w) {
    if (w.endsWith("'s") || w.endsWith("\u2019s") || w.endsWith("\"s")) {
      return w.substring(0, w.length() - 2);
    }
    if (w.endsWith("'") || w.endsWith("\u2019")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }

  static boolean isNegation(String lower) {
    return lower.endsWith("n't") || lower.endsWith("n\u2019t");
  }
}
