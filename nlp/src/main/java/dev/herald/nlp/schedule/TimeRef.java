package dev.herald.nlp.schedule;

/**
 * A time expression inside one sentence, as the claim extractor uses it.
 *
 * @param from first token (inclusive)
 * @param to token after the last (exclusive)
 * @param start char offset in the article text
 * @param end char offset after the expression
 * @param text the expression as written (a range keeps both ends: "April 5-6")
 * @param value TIMEX3 value (an interval for ranges)
 * @param mod TimeML modifier or null
 * @param duration true for a duration ("one week"); {@code value} is then the ISO period
 * @param underspecified true when the text names no year nor relative anchor ("May 21",
 *     "Thursday"), so that the year or week may be re-chosen by the claim's role
 */
record TimeRef(
    int from,
    int to,
    int start,
    int end,
    String text,
    String value,
    String mod,
    boolean duration,
    boolean underspecified) {

  When toWhen() {
    return new When(value, TimeSpan.precisionOf(value), mod, text);
  }

  TimeRef withValue(String v) {
    return new TimeRef(from, to, start, end, text, v, mod, duration, underspecified);
  }
}
