package dev.herald.nlp.text;

/**
 * One sentence of a text.
 *
 * @param start offset of the first character in the whole text (inclusive)
 * @param end offset after the last character (exclusive)
 * @param text the sentence as written
 */
public record Sentence(int start, int end, String text) {}
