package dev.herald.nlp.time;

/**
 * One TIMEX3 expression found in a text.
 *
 * @param start offset of the first character in the tagged text (inclusive, UTF-16 index)
 * @param end offset after the last character (exclusive)
 * @param text the expression as written
 * @param type DATE, TIME, DURATION or SET
 * @param value TimeML value anchored on the document creation time, e.g. {@code 2017-11-28}
 * @param mod TimeML modifier (START, MID, END, APPROX, ...), or {@code null} when there is none
 */
public record Timex(int start, int end, String text, TimexType type, String value, String mod) {}
