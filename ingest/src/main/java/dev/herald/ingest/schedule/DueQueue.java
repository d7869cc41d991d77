package dev.herald.ingest.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Feeds ordered by when they are due, so the scheduler touches only the feeds it polls instead of
 * scanning 100,000 every tick. Rescheduling a feed replaces its earlier time (the old entry is
 * skipped when it surfaces). Thread-safe; time is passed in.
 */
public final class DueQueue {

  private record Slot(Instant due, String url, long seq) {}

  private final PriorityQueue<Slot> queue =
      new PriorityQueue<>(
          (a, b) -> {
            int c = a.due().compareTo(b.due());
            return c != 0 ? c : Long.compare(a.seq(), b.seq());
          });
  private final Map<String, Slot> current = new HashMap<>();
  private long seq;

  /** Schedules (or reschedules) {@code url} at {@code due}. */
  public synchronized void schedule(String url, Instant due) {
    Slot slot = new Slot(due, url, seq++);
    current.put(url, slot);
    queue.add(slot);
    if (queue.size() > 2 * current.size() + 1024) {
      compact();
    }
  }

  /** Forgets {@code url}. */
  public synchronized void remove(String url) {
    current.remove(url);
  }

  public synchronized boolean contains(String url) {
    return current.containsKey(url);
  }

  /** Takes up to {@code max} feeds due at {@code now}, earliest first; they leave the queue. */
  public synchronized List<String> pollDue(Instant now, int max) {
    List<String> due = new ArrayList<>();
    while (due.size() < max && !queue.isEmpty() && !queue.peek().due().isAfter(now)) {
      Slot slot = queue.poll();
      if (current.get(slot.url()) == slot) {
        current.remove(slot.url());
        due.add(slot.url());
      }
    }
    return due;
  }

  /** When the earliest feed is due, or null when none is queued. */
  public synchronized Instant nextDue() {
    while (!queue.isEmpty() && current.get(queue.peek().url()) != queue.peek()) {
      queue.poll(); // a replaced or removed entry
    }
    return queue.isEmpty() ? null : queue.peek().due();
  }

  public synchronized int size() {
    return current.size();
  }

  private void compact() {
    queue.clear();
    queue.addAll(current.values());
  }
}
