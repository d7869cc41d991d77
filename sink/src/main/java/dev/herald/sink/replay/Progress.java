package dev.herald.sink.replay;

import java.time.Duration;
import java.util.Locale;

/** The progress line of a replay. Pure, so its wording is tested without a clock. */
public final class Progress {

  private Progress() {}

  /**
   * {@code replay: 1200/5000 articles (24%), 850 articles/s, file 3/10}.
   *
   * @param total the estimated total; when the count passes it, the total shown follows
   */
  public static String line(long done, long total, Duration elapsed, int file, int files) {
    long shownTotal = Math.max(total, done);
    String percent =
        shownTotal == 0 ? "" : String.format(Locale.ROOT, " (%d%%)", done * 100 / shownTotal);
    return String.format(
        Locale.ROOT,
        "replay: %d/%d articles%s, %s articles/s, file %d/%d",
        done,
        shownTotal,
        percent,
        rate(done, elapsed),
        file,
        files);
  }

  /** Articles per second, without decimals from 100 on. */
  static String rate(long done, Duration elapsed) {
    double seconds = elapsed.toNanos() / 1e9;
    if (seconds <= 0) {
      return "-";
    }
    double r = done / seconds;
    return r >= 100 ? String.format(Locale.ROOT, "%.0f", r) : String.format(Locale.ROOT, "%.1f", r);
  }
}
