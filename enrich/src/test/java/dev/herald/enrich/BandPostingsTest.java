package dev.herald.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BandPostingsTest {

  private static List<Integer> slotsOf(BandPostings p, long code) {
    BandPostings.Slots out = new BandPostings.Slots();
    p.collect(code, out);
    List<Integer> list = new ArrayList<>();
    for (int s : out.distinctSorted()) {
      list.add(s);
    }
    return list;
  }

  @Test
  void shouldKeepEveryPostingReachableThroughRandomAddsAndRemovals() {
    // Given postings and a plain multimap that is told the same adds and removals, with few codes
    // so that probe chains collide and removals shift them back
    BandPostings postings = new BandPostings(4);
    Map<Long, List<Integer>> expected = new HashMap<>();
    Random random = new Random(7);
    List<long[]> filed = new ArrayList<>();

    // When 20 000 random operations run (growth included)
    for (int op = 0; op < 20_000; op++) {
      if (filed.isEmpty() || random.nextInt(3) > 0) {
        long code = random.nextInt(300);
        int slot = op;
        if (postings.add(code, slot, 64)) {
          expected.computeIfAbsent(code, c -> new ArrayList<>()).add(slot);
          filed.add(new long[] {code, slot});
        }
      } else {
        long[] victim = filed.remove(random.nextInt(filed.size()));
        postings.remove(victim[0], (int) victim[1]);
        expected.get(victim[0]).remove(Integer.valueOf((int) victim[1]));
      }
    }

    // Then every code gives exactly the slots still filed under it
    int total = 0;
    for (long code = 0; code < 300; code++) {
      List<Integer> want = new ArrayList<>(expected.getOrDefault(code, List.of()));
      want.sort(null);
      assertThat(slotsOf(postings, code)).as("code %d", code).isEqualTo(want);
      total += want.size();
    }
    assertThat(postings.size()).isEqualTo(total);
  }

  @Test
  void shouldRefuseAPostingBeyondTheMaximumOfItsCodeAndKeepTheEarliest() {
    // Given a code that already holds three postings, with a maximum of three
    BandPostings postings = new BandPostings(16);
    for (int slot = 0; slot < 3; slot++) {
      assertThat(postings.add(42L, slot, 3)).isTrue();
    }

    // When a fourth article is filed under it
    boolean filed = postings.add(42L, 3, 3);

    // Then it is refused and the first three stay
    assertThat(filed).isFalse();
    assertThat(slotsOf(postings, 42L)).containsExactly(0, 1, 2);
  }
}
