package dev.herald.enrich;

import java.util.ArrayList;
import java.util.List;

/**
 * The articles a band key holds in one time bucket, as the band-index store keeps them: one line
 * per article, {@code <receivedAt millis>:<article id>}, oldest first. Plain text, so the store's
 * changelog reads as it is in Kafka UI, and a bucket with one article costs about 30 bytes.
 */
final class BandEntries {
  /** One article filed under a band key. */
  record Entry(long receivedAt, String articleId) {}

  private BandEntries() {}

  static List<Entry> parse(String value) {
    List<Entry> out = new ArrayList<>(2);
    int start = 0;
    while (start < value.length()) {
      int end = value.indexOf('\n', start);
      if (end < 0) {
        end = value.length();
      }
      int colon = value.indexOf(':', start);
      if (colon > start && colon < end) {
        out.add(
            new Entry(Long.parseLong(value, start, colon, 10), value.substring(colon + 1, end)));
      }
      start = end + 1;
    }
    return out;
  }

  /** {@code value} (null when the bucket is empty) with one more article appended. */
  static String append(String value, long receivedAt, String articleId) {
    String line = receivedAt + ":" + articleId;
    return value == null || value.isEmpty() ? line : value + "\n" + line;
  }
}
