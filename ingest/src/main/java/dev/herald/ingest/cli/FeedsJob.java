package dev.herald.ingest.cli;

import dev.herald.avro.FeedSubscription;
import dev.herald.ingest.SafeUrls;
import dev.herald.ingest.feeds.FeedListException;
import dev.herald.ingest.feeds.FeedListReader;
import dev.herald.ingest.feeds.FeedRef;
import dev.herald.ingest.registry.FeedRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code herald feeds add|remove|list|import|export}: the feed registry ({@code herald.feeds}) from
 * the command line. Every method reads or writes Kafka directly and waits for the broker; the
 * registry topics are created when missing. Listing never prints credentials; the OPML export keeps
 * them, since it must be importable again (treat it as a secret when feeds carry them).
 */
public final class FeedsJob implements AutoCloseable {

  /** Default interval of a new subscription (the schema's default). */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(15);

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

  /** What an import did. */
  public record ImportSummary(int added, int alreadyRegistered) {}

  private final FeedRegistry registry;
  private final Clock clock;

  /**
   * @param kafkaClientConfig Kafka client properties, {@code bootstrap.servers} among them
   */
  public FeedsJob(Map<String, Object> kafkaClientConfig) {
    this(kafkaClientConfig, Clock.systemUTC());
  }

  public FeedsJob(Map<String, Object> kafkaClientConfig, Clock clock) {
    FeedRegistry.ensureTopics(kafkaClientConfig);
    this.registry = new FeedRegistry(kafkaClientConfig);
    this.clock = clock;
  }

  /**
   * Subscribes feeds (URLs, or paths that become {@code file:} URLs); an already registered feed
   * gets the new title and interval but keeps when it was added.
   *
   * @param title a label for every feed given, or null
   * @param interval their poll interval, or null for {@link #DEFAULT_INTERVAL}
   * @return how many feeds were written
   * @throws IllegalArgumentException listing every bad URL or path (nothing is written then)
   */
  public int add(List<String> urlsOrPaths, String title, Duration interval, PrintStream out)
      throws TimeoutException {
    List<FeedRef> refs = validate(urlsOrPaths);
    Map<String, FeedSubscription> existing = registry.readAll(READ_TIMEOUT);
    List<FeedSubscription> writes = new ArrayList<>();
    for (FeedRef ref : refs) {
      FeedSubscription old = existing.get(ref.url());
      writes.add(
          FeedSubscription.newBuilder()
              .setUrl(ref.url())
              .setTitle(title != null ? title : old != null ? old.getTitle() : null)
              .setIntervalSeconds(seconds(interval))
              .setEnabled(true)
              .setAddedAt(old != null ? old.getAddedAt() : now())
              .build());
      out.println((old == null ? "added " : "updated ") + SafeUrls.redact(ref.url()));
    }
    registry.putAll(writes);
    return writes.size();
  }

  /**
   * Unsubscribes feeds and deletes their state.
   *
   * @return how many of them were registered
   */
  public int remove(List<String> urls, PrintStream out) throws TimeoutException {
    Map<String, FeedSubscription> existing = registry.readAll(READ_TIMEOUT);
    int removed = 0;
    for (String url : urls) {
      String u = url.strip();
      if (existing.containsKey(u)) {
        registry.remove(u);
        removed++;
        out.println("removed " + SafeUrls.redact(u));
      } else {
        out.println("not registered: " + SafeUrls.redact(u));
      }
    }
    return removed;
  }

  /**
   * Writes one line per registered feed, sorted by URL: {@code url<TAB>title<TAB>interval
   * seconds<TAB>enabled<TAB>added at}, the URL without credentials.
   *
   * @return how many feeds are registered
   */
  public int list(Writer out) throws IOException, TimeoutException {
    List<FeedSubscription> all = sorted();
    for (FeedSubscription s : all) {
      out.write(
          SafeUrls.redact(s.getUrl())
              + "\t"
              + (s.getTitle() == null ? "" : s.getTitle().replace('\t', ' '))
              + "\t"
              + s.getIntervalSeconds()
              + "\t"
              + s.getEnabled()
              + "\t"
              + s.getAddedAt()
              + "\n");
    }
    out.flush();
    return all.size();
  }

  /**
   * Subscribes every feed of a list file (OPML, or one URL or path per line) not registered yet;
   * registered ones are left as they are. This is what {@code herald run --feeds FILE} does first.
   *
   * @throws IllegalArgumentException listing every bad entry of the file (nothing is written then)
   */
  public ImportSummary importFile(Path file, Duration interval, PrintStream out)
      throws IOException, TimeoutException {
    List<FeedRef> refs;
    try {
      refs = new FeedListReader().read(file);
    } catch (FeedListException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    Map<String, FeedSubscription> existing = registry.readAll(READ_TIMEOUT);
    List<FeedSubscription> writes = new ArrayList<>();
    for (FeedRef ref : refs) {
      if (!existing.containsKey(ref.url())) {
        writes.add(
            FeedSubscription.newBuilder()
                .setUrl(ref.url())
                .setTitle(ref.title())
                .setIntervalSeconds(seconds(interval))
                .setEnabled(true)
                .setAddedAt(now())
                .build());
      }
    }
    registry.putAll(writes);
    ImportSummary summary = new ImportSummary(writes.size(), refs.size() - writes.size());
    out.println(
        file
            + ": "
            + summary.added()
            + " feed(s) added, "
            + summary.alreadyRegistered()
            + " already registered");
    return summary;
  }

  /**
   * Writes the registry as OPML 2.0 (one {@code outline type="rss"} per feed, sorted by URL).
   *
   * @return how many feeds were written
   */
  public int exportOpml(Writer out) throws IOException, TimeoutException {
    List<FeedSubscription> all = sorted();
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("opml");
      x.writeAttribute("version", "2.0");
      x.writeCharacters("\n  ");
      x.writeStartElement("head");
      x.writeStartElement("title");
      x.writeCharacters("Herald feeds");
      x.writeEndElement();
      x.writeStartElement("dateCreated");
      x.writeCharacters(
          java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
              now().atOffset(java.time.ZoneOffset.UTC)));
      x.writeEndElement();
      x.writeEndElement();
      x.writeCharacters("\n  ");
      x.writeStartElement("body");
      for (FeedSubscription s : all) {
        x.writeCharacters("\n    ");
        x.writeEmptyElement("outline");
        x.writeAttribute("type", "rss");
        String label = s.getTitle() != null ? s.getTitle() : SafeUrls.redact(s.getUrl());
        x.writeAttribute("text", label);
        if (s.getTitle() != null) {
          x.writeAttribute("title", s.getTitle());
        }
        x.writeAttribute("xmlUrl", s.getUrl());
      }
      x.writeCharacters("\n  ");
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndDocument();
      x.flush();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write OPML: " + e.getMessage(), e);
    }
    out.flush();
    return all.size();
  }

  private List<FeedSubscription> sorted() throws TimeoutException {
    List<FeedSubscription> all = new ArrayList<>(registry.readAll(READ_TIMEOUT).values());
    all.sort(Comparator.comparing(FeedSubscription::getUrl));
    return all;
  }

  private static List<FeedRef> validate(List<String> urlsOrPaths) {
    try {
      return new FeedListReader()
          .parse(
              String.join("\n", urlsOrPaths.stream().map(String::strip).toList()),
              Path.of("").toAbsolutePath(),
              "arguments");
    } catch (FeedListException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static int seconds(Duration interval) {
    Duration d = interval == null ? DEFAULT_INTERVAL : interval;
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("interval must be positive: " + d);
    }
    return (int) Math.min(Integer.MAX_VALUE, d.toSeconds());
  }

  private Instant now() {
    return clock.instant();
  }

  @Override
  public void close() {
    registry.close();
  }
}
