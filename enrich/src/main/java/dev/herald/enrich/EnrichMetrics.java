package dev.herald.enrich;

import java.util.concurrent.atomic.AtomicLong;

/** Herald's own counters for the enrich stage; the CLI exports them. */
public final class EnrichMetrics {
  final AtomicLong articlesIn = new AtomicLong();
  final AtomicLong repeats = new AtomicLong();
  final AtomicLong duplicates = new AtomicLong();
  final AtomicLong tagged = new AtomicLong();
  final AtomicLong deadLetters = new AtomicLong();
  final AtomicLong alerts = new AtomicLong();
  final AtomicLong taggingNanos = new AtomicLong();

  public long articlesIn() {
    return articlesIn.get();
  }

  public long repeats() {
    return repeats.get();
  }

  public long duplicates() {
    return duplicates.get();
  }

  public long tagged() {
    return tagged.get();
  }

  public long deadLetters() {
    return deadLetters.get();
  }

  public long alerts() {
    return alerts.get();
  }

  public long taggingNanos() {
    return taggingNanos.get();
  }
}
