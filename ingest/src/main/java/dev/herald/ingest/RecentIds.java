package dev.herald.ingest;

import dev.herald.avro.FeedState;
import java.util.ArrayList;
import java.util.List;

/**
 * Article ids held compactly in memory: Herald's ids are 32 hex digits (16 bytes), so two longs
 * hold one where a String takes about 80 bytes. With 100,000 feeds remembering up to 200 ids each,
 * that is the difference between a few hundred megabytes and gigabytes. States keep their ids as
 * strings on Kafka; the service packs them while a feed waits for its next poll.
 */
final class RecentIds {

  private RecentIds() {}

  /** A state without its ids, and the ids packed; ids of another form keep the state as it is. */
  record Packed(FeedState state, long[] ids) {

    FeedState unpack() {
      if (ids == null) {
        return state;
      }
      return FeedState.newBuilder(state).setRecentItemIds(RecentIds.unpack(ids)).build();
    }
  }

  static Packed pack(FeedState state) {
    List<String> ids = state.getRecentItemIds();
    if (ids.isEmpty()) {
      return new Packed(state, null);
    }
    long[] packed = new long[ids.size() * 2];
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      if (!isHex32(id)) {
        return new Packed(state, null);
      }
      packed[2 * i] = Long.parseUnsignedLong(id.substring(0, 16), 16);
      packed[2 * i + 1] = Long.parseUnsignedLong(id.substring(16), 16);
    }
    return new Packed(FeedState.newBuilder(state).setRecentItemIds(List.of()).build(), packed);
  }

  static List<String> unpack(long[] packed) {
    List<String> ids = new ArrayList<>(packed.length / 2);
    for (int i = 0; i < packed.length; i += 2) {
      ids.add(hex16(packed[i]) + hex16(packed[i + 1]));
    }
    return ids;
  }

  private static String hex16(long v) {
    String s = Long.toHexString(v);
    return s.length() == 16 ? s : "0".repeat(16 - s.length()) + s;
  }

  private static boolean isHex32(String s) {
    if (s.length() != 32) {
      return false;
    }
    for (int i = 0; i < 32; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
