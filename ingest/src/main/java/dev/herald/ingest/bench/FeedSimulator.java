package dev.herald.ingest.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local web of feeds for benchmarks: N feeds spread over H hosts (loopback addresses 127.0.1.1,
 * 127.0.1.2, … so per-host limits apply as on the internet), each an RSS 2.0 document of 20 items
 * (about 10 KB) that gains a new item now and then. Feeds behave by their number: half are normal
 * (ETag and Last-Modified, 304 when unchanged), a fifth never change, a tenth send no validators
 * (the body repeats), and 5% each answer 429 with Retry-After, 500, slowly (2 s), or 301 to a new
 * address. Counts what it served.
 */
public final class FeedSimulator implements AutoCloseable {

  /** What each feed does, by {@code feed % 20}. */
  enum Behaviour {
    NORMAL,
    STATIC,
    NO_VALIDATORS,
    THROTTLED,
    BROKEN,
    SLOW,
    MOVED;

    static Behaviour of(int feed) {
      int k = feed % 20;
      if (k < 10) {
        return NORMAL;
      }
      if (k < 14) {
        return STATIC;
      }
      return switch (k) {
        case 14 -> THROTTLED;
        case 15 -> BROKEN;
        case 16 -> SLOW;
        case 17 -> MOVED;
        default -> NO_VALIDATORS;
      };
    }
  }

  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
  private static final int ITEMS = 20;
  private static final Duration SLOW = Duration.ofSeconds(2);

  private final int feeds;
  private final double newItemChance;
  private final Duration retryAfter;
  private final List<HttpServer> servers = new ArrayList<>();
  private final List<String> hosts = new ArrayList<>();
  private final int port;
  private final ExecutorService executor = Executors.newFixedThreadPool(128, daemon());
  private final AtomicInteger[] versions;
  private final AtomicLong ok = new AtomicLong();
  private final AtomicLong notModified = new AtomicLong();
  private final AtomicLong throttled = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong redirects = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();

  /**
   * Starts the servers.
   *
   * @param feeds how many feeds
   * @param hosts over how many loopback addresses (falls back to 127.0.0.1 alone where the OS
   *     routes only that one)
   * @param newItemChance the chance that a feed has a new item when fetched (normal feeds)
   * @param retryAfter what throttled feeds ask for
   */
  public FeedSimulator(int feeds, int hosts, double newItemChance, Duration retryAfter)
      throws IOException {
    this.feeds = feeds;
    this.newItemChance = newItemChance;
    this.retryAfter = retryAfter;
    this.versions = new AtomicInteger[feeds];
    for (int i = 0; i < feeds; i++) {
      versions[i] = new AtomicInteger();
    }
    int chosenPort = 0;
    for (int h = 0; h < Math.max(1, Math.min(hosts, 250)); h++) {
      String ip = "127.0.1." + (h + 1);
      try {
        HttpServer s =
            HttpServer.create(new InetSocketAddress(InetAddress.getByName(ip), chosenPort), 512);
        chosenPort = s.getAddress().getPort();
        start(s);
        this.hosts.add(ip);
      } catch (IOException e) {
        if (h == 0) {
          HttpServer s =
              HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
          chosenPort = s.getAddress().getPort();
          start(s);
          this.hosts.add("127.0.0.1");
        }
        break; // this OS routes no more loopback addresses
      }
    }
    this.port = chosenPort;
  }

  private void start(HttpServer s) {
    s.setExecutor(executor);
    s.createContext("/", this::handle);
    s.start();
    servers.add(s);
  }

  /** The URL of every feed, feed {@code i} on host {@code i % hosts}. */
  public List<String> urls() {
    List<String> urls = new ArrayList<>(feeds);
    for (int i = 0; i < feeds; i++) {
      urls.add("http://" + hosts.get(i % hosts.size()) + ":" + port + "/feed/" + i);
    }
    return urls;
  }

  public int hostCount() {
    return hosts.size();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String[] parts = ex.getRequestURI().getPath().split("/");
      int feed;
      try {
        feed = Integer.parseInt(parts[2]);
      } catch (RuntimeException e) {
        send(ex, 404, new byte[0]);
        return;
      }
      if (feed < 0 || feed >= feeds) {
        send(ex, 404, new byte[0]);
        return;
      }
      boolean moved = parts.length > 3 && parts[3].equals("moved");
      Behaviour b = Behaviour.of(feed);
      switch (b) {
        case THROTTLED -> {
          throttled.incrementAndGet();
          ex.getResponseHeaders().add("Retry-After", String.valueOf(retryAfter.toSeconds()));
          send(ex, 429, new byte[0]);
          return;
        }
        case BROKEN -> {
          errors.incrementAndGet();
          send(ex, 500, "internal error".getBytes(StandardCharsets.UTF_8));
          return;
        }
        case MOVED -> {
          if (!moved) {
            redirects.incrementAndGet();
            ex.getResponseHeaders().add("Location", "/feed/" + feed + "/moved");
            send(ex, 301, new byte[0]);
            return;
          }
        }
        case SLOW -> sleep(SLOW);
        default -> {
          // served below
        }
      }
      int version = versions[feed].get();
      if (b != Behaviour.STATIC && chance(feed, version) < newItemChance) {
        version = versions[feed].incrementAndGet();
      }
      String etag = "\"" + feed + "-" + version + "\"";
      boolean validators = b != Behaviour.NO_VALIDATORS;
      if (validators && etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        notModified.incrementAndGet();
        ex.getResponseHeaders().add("ETag", etag);
        send(ex, 304, new byte[0]);
        return;
      }
      if (validators) {
        ex.getResponseHeaders().add("ETag", etag);
        ex.getResponseHeaders()
            .add("Last-Modified", HTTP_DATE.format(date(version).atOffset(ZoneOffset.UTC)));
      }
      ex.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
      ok.incrementAndGet();
      send(ex, 200, body(feed, version));
    }
  }

  private static double chance(int feed, int version) {
    return ThreadLocalRandom.current().nextDouble();
  }

  private static Instant date(int version) {
    return Instant.parse("2024-01-01T00:00:00Z").plus(Duration.ofMinutes(10L * version));
  }

  static byte[] body(int feed, int version) {
    StringBuilder sb = new StringBuilder(12_000);
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
        .append("<title>Simulated feed ")
        .append(feed)
        .append("</title><link>http://sim.example/")
        .append(feed)
        .append("/</link><description>Benchmark feed</description>");
    for (int j = 0; j < ITEMS; j++) {
      int n = version - j;
      sb.append("<item><title>Story ")
          .append(n)
          .append(" of feed ")
          .append(feed)
          .append(": talks expected in mid-November may now take place in December</title>")
          .append("<link>http://sim.example/")
          .append(feed)
          .append("/story/")
          .append(n)
          .append("</link><guid>sim-")
          .append(feed)
          .append('-')
          .append(n)
          .append("</guid><pubDate>")
          .append(HTTP_DATE.format(date(n).atOffset(ZoneOffset.UTC)))
          .append("</pubDate><description>&lt;p&gt;Delegates said on Tuesday that the meeting")
          .append(" planned for the middle of the month could be moved, according to two people")
          .append(" familiar with the matter, who asked not to be named.&lt;/p&gt;&lt;p&gt;A")
          .append(" spokesman declined to comment on the new date.&lt;/p&gt;</description></item>");
    }
    sb.append("</channel></rss>");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
    bytes.addAndGet(body.length);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Responses so far: 200, 304, 429, 500, 301 and body bytes. */
  public String served() {
    return String.format(
        "200: %d, 304: %d, 429: %d, 500: %d, 301: %d, %.1f MB of bodies",
        ok.get(),
        notModified.get(),
        throttled.get(),
        errors.get(),
        redirects.get(),
        bytes.get() / 1e6);
  }

  @Override
  public void close() {
    for (HttpServer s : servers) {
      s.stop(0);
    }
    executor.shutdownNow();
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "feed-simulator-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
