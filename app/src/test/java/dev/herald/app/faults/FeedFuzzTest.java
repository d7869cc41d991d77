package dev.herald.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.herald.app.faults.FeedMutator.Mutation;
import dev.herald.ingest.FailureKind;
import dev.herald.ingest.fetch.FeedFetcher;
import dev.herald.ingest.fetch.FetchSettings;
import dev.herald.ingest.parse.FeedParser;
import dev.herald.ingest.parse.ParseResult;
import dev.herald.ingest.poll.FeedPoller;
import dev.herald.ingest.poll.PollResult;
import dev.herald.ingest.poll.PollSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Randomly damaged feeds from the shared corpora never crash ingest: {@link FeedParser#parse} and
 * {@link FeedPoller#poll} return, for every damaged document, either items or a classified failure.
 * The damage is drawn from a fixed seed, so a failure reproduces.
 */
@Tag("faults")
@Tag("fuzz")
class FeedFuzzTest {
  private static final long SEED = 20_171_114L;
  private static final Path FEEDS =
      Path.of(System.getProperty("herald.shared.dir", "../../shared"), "data", "feeds");

  /** Every n-th damaged document also goes through the whole poller (fetch from a file, map). */
  private static final int POLL_EVERY = 8;

  @TempDir Path work;

  @Test
  void shouldAnswerEveryDamagedFeedWithItemsOrAClassifiedFailure() throws IOException {
    Assumptions.assumeTrue(
        Files.isDirectory(FEEDS), "../shared/data/feeds not present: skipping the feed fuzz test");
    // Given every corpus document, each damaged one way (the ways taken in turn), from a fixed seed
    List<Path> documents = corpus();
    Random random = new Random(SEED);
    FeedMutator mutator = new FeedMutator(random);
    FeedParser parser = new FeedParser(FetchSettings.defaults().maxBytes());
    FeedPoller poller =
        FeedPoller.create(
            new FeedFetcher(FetchSettings.defaults()), PollSchedule.every(Duration.ofMinutes(15)));
    Map<Mutation, Tally> parsed = new EnumMap<>(Mutation.class);
    Tally polled = new Tally();
    Mutation[] mutations = Mutation.values();

    for (int i = 0; i < documents.size(); i++) {
      Path doc = documents.get(i);
      Mutation mutation = mutations[i % mutations.length];
      byte[] original = Files.readAllBytes(doc);
      byte[] damaged = mutator.mutate(original, mutation);
      String contentType = contentTypeOf(doc);

      // When the damaged document is parsed
      ParseResult[] result = new ParseResult[1];
      assertThatCode(() -> result[0] = parser.parse(damaged, contentType))
          .as("parse of %s damaged by %s (seed %d)", doc, mutation, SEED)
          .doesNotThrowAnyException();

      // Then it is items or a classified failure
      assertClassified(result[0], doc, mutation);
      parsed.computeIfAbsent(mutation, m -> new Tally()).add(result[0]);

      // And the poller, reading the same bytes from a file, also answers
      if (i % POLL_EVERY == 0) {
        Path file = work.resolve("damaged-" + i + extensionOf(doc));
        Files.write(file, damaged);
        PollResult[] poll = new PollResult[1];
        assertThatCode(() -> poll[0] = poller.poll(file.toUri().toString(), null, Instant.now()))
            .as("poll of %s damaged by %s (seed %d)", doc, mutation, SEED)
            .doesNotThrowAnyException();
        assertThat(poll[0].failed()).isEqualTo(poll[0].failure() != null);
        polled.add(poll[0]);
        if (poll[0].failed() && poll[0].failure().kind() == FailureKind.IO_ERROR) {
          System.out.println("fuzz: io error " + doc + " " + poll[0].failure());
        }
        Files.delete(file);
      }
    }

    System.out.printf("fuzz: %d documents, seed %d%n", documents.size(), SEED);
    parsed.forEach((m, t) -> System.out.printf("fuzz: parse %-18s %s%n", m, t));
    System.out.printf("fuzz: poll  %-18s %s%n", "(every " + POLL_EVERY + "th)", polled);
    assertThat(parsed.values().stream().mapToInt(t -> t.documents).sum())
        .isEqualTo(documents.size());
    assertThat(polled.failures.getOrDefault(FailureKind.INTERNAL, 0))
        .as("polls that failed with an unexpected exception inside ingest")
        .isZero();
  }

  private static void assertClassified(ParseResult r, Path doc, Mutation mutation) {
    assertThat(r).as("result for %s damaged by %s", doc, mutation).isNotNull();
    if (r.isOk()) {
      assertThat(r.feed().entries()).isNotNull();
    } else {
      assertThat(r.failure().kind()).isNotNull();
      assertThat(r.failure().message()).isNotBlank();
    }
  }

  private static List<Path> corpus() throws IOException {
    try (Stream<Path> files = Files.walk(FEEDS)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().matches("(?i)(LICENSE.*|.*\\.tsv|.*\\.md)"))
          .sorted()
          .toList();
    }
  }

  private static String contentTypeOf(Path doc) {
    String name = doc.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".json")) {
      return "application/feed+json";
    }
    if (name.endsWith(".html")) {
      return "text/html";
    }
    return "application/xml";
  }

  private static String extensionOf(Path doc) {
    String name = doc.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot);
  }

  /** Outcomes of one kind of damage. */
  private static final class Tally {
    int documents;
    int withItems;
    int empty;
    long items;
    final Map<FailureKind, Integer> failures = new TreeMap<>();

    void add(ParseResult r) {
      documents++;
      if (r.isOk()) {
        count(r.feed().entries().size());
      } else {
        failures.merge(r.failure().kind(), 1, Integer::sum);
      }
    }

    void add(PollResult r) {
      documents++;
      if (r.failed()) {
        failures.merge(r.failure().kind(), 1, Integer::sum);
      } else {
        count(r.articles().size());
      }
    }

    private void count(int n) {
      if (n > 0) {
        withItems++;
        items += n;
      } else {
        empty++;
      }
    }

    @Override
    public String toString() {
      List<String> parts = new ArrayList<>();
      failures.forEach((k, v) -> parts.add(k + "=" + v));
      return String.format(
          "%5d docs: %5d with items (%6d items), %4d without, failures %s",
          documents, withItems, items, empty, parts);
    }
  }
}
