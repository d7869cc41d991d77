package dev.herald.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DueQueueTest {

  private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");

  @Test
  void shouldHandOutFeedsWhenDueEarliestFirst() {
    // Given
    DueQueue q = new DueQueue();
    q.schedule("b", T0.plusSeconds(20));
    q.schedule("a", T0.plusSeconds(10));
    q.schedule("c", T0.plusSeconds(30));

    // When / Then
    assertThat(q.pollDue(T0, 10)).isEmpty();
    assertThat(q.nextDue()).isEqualTo(T0.plusSeconds(10));
    assertThat(q.pollDue(T0.plusSeconds(25), 10)).containsExactly("a", "b");
    assertThat(q.size()).isEqualTo(1);
  }

  @Test
  void shouldReplaceAFeedsTimeWhenRescheduledAndForgetRemovedOnes() {
    // Given
    DueQueue q = new DueQueue();
    q.schedule("a", T0.plusSeconds(10));
    q.schedule("a", T0.plusSeconds(100));
    q.schedule("b", T0.plusSeconds(10));
    q.remove("b");

    // When / Then
    assertThat(q.pollDue(T0.plusSeconds(50), 10)).isEmpty();
    assertThat(q.nextDue()).isEqualTo(T0.plusSeconds(100));
    assertThat(q.contains("b")).isFalse();
  }

  @Test
  void shouldHandOutNoMoreThanAsked() {
    // Given
    DueQueue q = new DueQueue();
    for (int i = 0; i < 5; i++) {
      q.schedule("f" + i, T0);
    }

    // When / Then
    assertThat(q.pollDue(T0, 2)).containsExactly("f0", "f1");
    assertThat(q.pollDue(T0, 10)).containsExactly("f2", "f3", "f4");
  }
}
