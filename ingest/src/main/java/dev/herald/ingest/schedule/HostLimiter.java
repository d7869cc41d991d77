package dev.herald.ingest.schedule;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Politeness per host: at most {@code maxConcurrent} fetches at a time, request starts at least
 * {@code minGap} apart, and none at all while the host asked everyone to wait (a 429 or 503 with
 * Retry-After counts for every feed of that host). Thread-safe; time is passed in.
 */
public final class HostLimiter {

  private final int maxConcurrent;
  private final Duration minGap;
  private final Map<String, HostState> hosts = new HashMap<>();

  private static final class HostState {
    int inFlight;
    Instant lastStart = Instant.MIN;
    Instant blockedUntil = Instant.MIN;
  }

  public HostLimiter(int maxConcurrent, Duration minGap) {
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("maxConcurrent must be >= 1: " + maxConcurrent);
    }
    if (minGap == null || minGap.isNegative()) {
      throw new IllegalArgumentException("minGap must not be negative: " + minGap);
    }
    this.maxConcurrent = maxConcurrent;
    this.minGap = minGap;
  }

  /** 2 fetches at a time per host, starts 1 s apart. */
  public static HostLimiter polite() {
    return new HostLimiter(2, Duration.ofSeconds(1));
  }

  /** The key of a feed's host: the lower-cased host name ("" for files and odd URLs). */
  public static String hostOf(String url) {
    try {
      String host = new URI(url.strip()).getHost();
      return host == null ? "" : host.toLowerCase(Locale.ROOT);
    } catch (Exception e) {
      return "";
    }
  }

  /**
   * Takes a slot for {@code host} when one is free now; the caller must {@link #release} it. Local
   * files (host "") are never limited.
   */
  public synchronized boolean tryAcquire(String host, Instant now) {
    if (host.isEmpty()) {
      return true;
    }
    HostState s = hosts.computeIfAbsent(host, h -> new HostState());
    if (s.inFlight >= maxConcurrent
        || now.isBefore(s.blockedUntil)
        || now.isBefore(s.lastStart.plus(minGap))) {
      return false;
    }
    s.inFlight++;
    s.lastStart = now;
    return true;
  }

  /** When {@code host} may next be fetched from, given what is known now. */
  public synchronized Instant availableAt(String host, Instant now) {
    HostState s = hosts.get(host);
    if (s == null || host.isEmpty()) {
      return now;
    }
    Instant at = s.lastStart == Instant.MIN ? now : s.lastStart.plus(minGap);
    if (s.blockedUntil.isAfter(at)) {
      at = s.blockedUntil;
    }
    return at.isBefore(now) ? now : at;
  }

  public synchronized void release(String host) {
    HostState s = hosts.get(host);
    if (s != null && s.inFlight > 0) {
      s.inFlight--;
      if (s.inFlight == 0 && s.blockedUntil.isBefore(s.lastStart)) {
        hosts.remove(host); // keep the map to hosts in use (100,000 feeds, many hosts)
      }
    }
  }

  /** Holds every fetch from {@code host} until {@code until} (its Retry-After). */
  public synchronized void blockUntil(String host, Instant until) {
    if (host.isEmpty()) {
      return;
    }
    HostState s = hosts.computeIfAbsent(host, h -> new HostState());
    if (until.isAfter(s.blockedUntil)) {
      s.blockedUntil = until;
    }
  }

  /** Hosts with state (in flight, recently started, or blocked). */
  public synchronized int trackedHosts() {
    return hosts.size();
  }
}
