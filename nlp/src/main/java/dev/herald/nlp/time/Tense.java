package dev.herald.nlp.time;

import java.util.List;

/** Tense cues around an expression: picks the past or future reading of "Tuesday", "December". */
enum Tense {
  PAST,
  FUTURE,
  NONE;

  private static final int BACK = 12;
  private static final int AHEAD = 15;

  /**
   * The nearest cue word before the expression (within the sentence) wins; when there is none, the
   * nearest after it. Cue words are the lexicon classes {@code future} and {@code past}; an unknown
   * word ending in "-ed" is a weak past cue.
   */
  static Tense around(List<Token> toks, int from, int to, Lexicon lex) {
    Tense weak = NONE;
    for (int i = from - 1; i >= 0 && i >= from - BACK; i--) {
      Token t = toks.get(i);
      if (isSentenceEnd(t)) {
        break;
      }
      Tense c = cue(t, lex);
      if (c != NONE) {
        return c;
      }
      if (weak == NONE && weakPast(t, lex)) {
        weak = PAST;
      }
    }
    for (int i = to; i < toks.size() && i < to + AHEAD; i++) {
      Token t = toks.get(i);
      if (isSentenceEnd(t)) {
        break;
      }
      Tense c = cue(t, lex);
      if (c != NONE) {
        return c;
      }
      if (weak == NONE && weakPast(t, lex)) {
        weak = PAST;
      }
    }
    return weak;
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

  private static Tense cue(Token t, Lexicon lex) {
    if (!t.isWord()) {
      return NONE;
    }
    if (lex.has(t.lower(), "future")) {
      return FUTURE;
    }
    if (lex.has(t.lower(), "past") || weakPast(t, lex)) {
      return PAST;
    }
    return NONE;
  }

  private static boolean weakPast(Token t, Lexicon lex) {
    String w = t.lower();
    return t.isWord() && w.length() > 4 && w.endsWith("ed") && !lex.has(w, "notpast");
  }
}
