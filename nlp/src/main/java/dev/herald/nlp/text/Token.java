package dev.herald.nlp.text;

/**
 * One token of a sentence: a word (letters, digits, inner apostrophes, dots and hyphens, as in
 * "U.S.", "Ltd's", "mid-November") or a single punctuation character.
 *
 * @param start offset in the tokenised text (inclusive)
 * @param end offset after the token (exclusive)
 * @param text the token as written
 * @param lower lower-cased text
 */
public record Token(int start, int end, String text, String lower) {

  /** True for a token that starts with a letter or digit. */
  public boolean isWord() {
    return Character.isLetterOrDigit(text.charAt(0));
  }

  /** True when the first character is an upper-case letter. */
  public boolean isCapitalised() {
    return Character.isUpperCase(text.charAt(0));
  }

  /** True for a token written entirely in upper case with at least two letters ("NIGERIA"). */
  public boolean isAllCaps() {
    int letters = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      if (Character.isLetter(c)) {
        letters++;
      }
    }
    return letters >= 2;
  }

  /** True when the token is this punctuation character. */
  public boolean is(char c) {
    return text.length() == 1 && text.charAt(0) == c;
  }
}
