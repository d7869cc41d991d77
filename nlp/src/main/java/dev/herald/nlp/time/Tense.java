package dev.herald.nlp.time;

import java.util.List;

/** Tense cues around an expression: picks the past or future reading of "Tuesday", "December". */
enum Tense {
  PAST,
  FUTURE,
  NONE;

  private static final String FUTURE_CLASS = "future".intern();

  private static final int BACK = 16;
  private static final int AHEAD = 15;

  /**
   * The nearest cue before the expression (within the sentence) wins; when there is none, the
   * nearest after it. Cues are the lexicon classes {@code future} (words and phrases: "will", "set
   * to") and {@code past}; a word ending in "-ed" (outside class {@code notpast}, not after
   * "be"/"been") is a past cue too. A future cue right after "had"/"was"/"were" ("had been
   * scheduled to") reads as past.
   */
  static Tense around(List<Token> toks, int from, int to, Lexicon lex) {
    for (int i = from - 1; i >= 0 && i >= from - BACK; i--) {
      if (isSentenceEnd(toks.get(i))) {
        break;
      }
      Tense c = cue(toks, i, lex);
      if (c != NONE) {
        if (c == FUTURE && isUntil(toks.get(i)) && pastPerfectAfter(toks, to)) {
          return PAST; // "Until Tuesday, police had not named him": a time already passed
        }
        return c == FUTURE && pastAuxBefore(toks, i, lex) ? PAST : c;
      }
    }
    for (int i = to; i < toks.size() && i < to + AHEAD; i++) {
      if (isSentenceEnd(toks.get(i))) {
        break;
      }
      Tense c = cue(toks, i, lex);
      if (c != NONE) {
        return c == FUTURE && pastAuxBefore(toks, i, lex) ? PAST : c;
      }
    }
    return NONE;
  }

  private static boolean isUntil(Token t) {
    String w = t.lower();
    return w.equals("until") || w.equals("till");
  }

  /**
   * "had" as the first verb-like word after the expression in its sentence: "until" then bounds a
   * past span ("Until Tuesday, they had not called him a suspect").
   */
  private static boolean pastPerfectAfter(List<Token> toks, int to) {
    for (int i = to; i < toks.size() && i < to + AHEAD; i++) {
      Token t = toks.get(i);
      if (isSentenceEnd(t)) {
        return false;
      }
      if (t.isWord() && t.lower().equals("had")) {
        return true;
      }
    }
    return false;
  }

  /** "had been scheduled to", "was expected to": a future seen from the past. */
  private static boolean pastAuxBefore(List<Token> toks, int i, Lexicon lex) {
    for (int k = i - 1; k >= 0 && k >= i - 3; k--) {
      if (lex.has(toks.get(k).lower(), "pastaux")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSentenceEnd(Token t) {
    if (!t.isPunct()) {
      return false;
    }
    String p = t.lower();
    return p.equals(".") || p.equals("!") || p.equals("?") || p.equals(";");
  }

  private static Tense cue(List<Token> toks, int i, Lexicon lex) {
    Token t = toks.get(i);
    if (!t.isWord()) {
      return NONE;
    }
    if (lex.match(toks, i, FUTURE_CLASS) != null) {
      return FUTURE;
    }
    if (lex.has(t.lower(), "past") && !afterPassiveAux(toks, i, lex) || weakPast(toks, i, lex)) {
      return PAST;
    }
    return NONE;
  }

  /**
   * "-ed" words are past, except after "be"/"been"/"being" (passives: "to be completed") and after
   * a determiner (adjectives: "an unspecified date").
   */
  private static boolean weakPast(List<Token> toks, int i, Lexicon lex) {
    Token t = toks.get(i);
    String w = t.lower();
    if (t.isWord() && russianPast(w)) {
      return !lex.has(w, "notpast");
    }
    if (!t.isWord() || w.length() <= 4 || !w.endsWith("ed") || lex.has(w, "notpast")) {
      return false;
    }
    return !afterPassiveAux(toks, i, lex) && (i == 0 || !lex.has(toks.get(i - 1).lower(), "det"));
  }

  /**
   * A Russian past-tense verb form: a vowel, then "л" with an optional gender/number ending and
   * reflexive suffix ("заявил", "упали", "встречался", "состоялась").
   */
  static boolean russianPast(String w) {
    int n = w.length();
    if (n < 4 || Character.UnicodeBlock.of(w.charAt(0)) != Character.UnicodeBlock.CYRILLIC) {
      return false;
    }
    int end = n;
    boolean marked = false; // an ending a noun rarely has after "л": -ла/-ли/-ло, -ся/-сь
    if (w.endsWith("ся") || w.endsWith("сь")) {
      end -= 2;
      marked = true;
    }
    if (end >= 2 && "аио".indexOf(w.charAt(end - 1)) >= 0 && w.charAt(end - 2) == 'л') {
      end--;
      marked = true;
    }
    if (end < 3 || w.charAt(end - 1) != 'л') {
      return false;
    }
    char v = w.charAt(end - 2);
    // bare masculine "-ал"/"-ол" is too often a noun ("канал", "посол", "стол"): only
    // -ил/-ел/-ыл/-ял
    return marked ? "аеёиоуыяю".indexOf(v) >= 0 : "иеыя".indexOf(v) >= 0;
  }

  private static boolean afterPassiveAux(List<Token> toks, int i, Lexicon lex) {
    return i > 0 && lex.has(toks.get(i - 1).lower(), "passiveaux");
  }
}
