package dev.herald.nlp.schedule;

/**
 * When an event takes place, as one claim states it.
 *
 * @param value TIMEX3 value ({@code 2017-12}, {@code 2017-11-28}, or an interval {@code START/END})
 * @param precision the coarsest unit the value pins down
 * @param mod TimeML modifier (START, MID, END, ...) or {@code null}
 * @param text the phrase as written ("mid-November")
 */
public record When(String value, Precision precision, String mod, String text) {

  /** The coarsest unit a TIMEX3 value pins down. Names match the Avro TimePrecision enum. */
  public enum Precision {
    DAY,
    WEEK,
    MONTH,
    SEASON,
    QUARTER,
    HALF,
    YEAR,
    DECADE,
    TIME,
    UNKNOWN
  }
}
