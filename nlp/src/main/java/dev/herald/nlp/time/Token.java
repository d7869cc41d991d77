package dev.herald.nlp.time;

import java.util.Map;

/**
 * One token of the tagged text.
 *
 * @param start first char (inclusive)
 * @param end last char (exclusive)
 * @param lower lower-cased text (digits only for numbers; the suffix is kept apart)
 * @param kind word, number or punctuation
 * @param glued true when no whitespace separates this token from the previous one
 * @param upper true when the first character is upper case
 * @param num numeric value of a number token (-1 when too long or not a number)
 * @param digits number of digits of a number token
 * @param suffix letters glued to a number ("th", "s"), or "" when none
 * @param classes the lexicon entries starting with this token, by interned class name (empty when
 *     none); looked up once here so rule matching does not hash the word again
 */
record Token(
    int start,
    int end,
    String lower,
    Kind kind,
    boolean glued,
    boolean upper,
    int num,
    int digits,
    String suffix,
    Map<String, Lexicon.Entry[]> classes) {

  enum Kind {
    WORD,
    NUMBER,
    PUNCT
  }

  boolean isWord() {
    return kind == Kind.WORD;
  }

  boolean isNumber() {
    return kind == Kind.NUMBER;
  }

  boolean isPunct() {
    return kind == Kind.PUNCT;
  }
}
