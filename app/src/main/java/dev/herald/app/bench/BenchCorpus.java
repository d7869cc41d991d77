package dev.herald.app.bench;

import dev.herald.avro.RawArticle;
import dev.herald.nlp.text.Tokenizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * An endless stream of news articles of about {@link #TARGET_TOKENS} tokens for {@code herald
 * bench}, built from text Herald may ship: body paragraphs written by {@link BenchArticles}' Markov
 * chain over the sample articles and the tagger's bench text, plus schedule paragraphs written here
 * (an event announced for a date, later postponed, brought forward or cancelled), so that the
 * enrich topology raises real alerts. A share of the stream are syndicated copies of recent
 * articles under another id and source. Deterministic for a seed; never reads the shared corpora.
 * Only the last {@value #RECENT} articles are kept, so the stream can be as long as wanted.
 */
public final class BenchCorpus {
  /** Tokens per article the generator aims at (the "≈ 650 tokens"). */
  public static final int TARGET_TOKENS = 650;

  private static final int RECENT = 200;
  private static final int CHUNK = 40;

  private static final String[] REGIONS = {
    "Baltic",
    "Nordic",
    "Pacific",
    "Alpine",
    "Atlantic",
    "Caspian",
    "Andean",
    "Arctic",
    "Danube",
    "Sahel",
    "Adriatic",
    "Mekong",
    "Iberian",
    "Levant",
    "Aegean",
    "Carpathian"
  };
  private static final String[] TOPICS = {
    "Energy",
    "Trade",
    "Water",
    "Climate",
    "Security",
    "Health",
    "Fisheries",
    "Railway",
    "Investment",
    "Digital",
    "Agriculture",
    "Maritime"
  };
  private static final String[] KINDS = {"Summit", "Forum", "Conference", "Congress"};
  private static final String[] CITIES = {
    "Riga",
    "Oslo",
    "Geneva",
    "Vienna",
    "Lisbon",
    "Manila",
    "Nairobi",
    "Santiago",
    "Tbilisi",
    "Athens",
    "Hanoi",
    "Warsaw",
    "Madrid",
    "Helsinki",
    "Sochi",
    "Dakar"
  };
  private static final String[] SAID = {
    "organisers said",
    "a spokesman said",
    "the foreign ministry said in a statement",
    "officials said on Tuesday",
    "the secretariat announced"
  };
  private static final String[] CONTEXT = {
    "Delegations from more than twenty countries are expected to attend, and ministers will"
        + " discuss a joint declaration that has been negotiated for months.",
    "The preparatory committee met twice last month to settle the agenda, which includes"
        + " financing, border procedures and a common reporting standard.",
    "Diplomats said the outcome would shape talks planned for next year, although several"
        + " governments have not yet confirmed who will lead their delegations.",
    "Local authorities said hotels in the city were already fully booked and that security"
        + " around the venue would be tightened during the meeting."
  };
  private static final String[] BYLINES = {"Anna Weber", "John Larsen", "Maria Novak"};
  private static final String[] SOURCES = {
    "Daily Courier",
    "Evening Post",
    "Wire Service",
    "Metro News",
    "The Ledger",
    "City Times",
    "Regional Herald",
    "World Report",
    "Capital Journal",
    "Observer"
  };

  /** One article of the stream; {@code change} when it states a new date for an event. */
  public record Item(RawArticle article, boolean change, boolean copy, int tokens) {}

  private final List<String> paragraphs;
  private final Random rnd;
  private final long seed;
  private final Deque<String> filler = new ArrayDeque<>();
  private final Deque<RawArticle> recent = new ArrayDeque<>();
  private final Map<Integer, LocalDate> eventDates = new HashMap<>();
  private final double copyShare;
  private final double eventShare;
  private final int events;
  private int chunk;

  /**
   * @param paragraphs text the Markov chain learns from ({@link BenchArticles#shippedParagraphs})
   * @param copyShare share of the stream that are syndicated copies
   * @param eventShare share of originals that carry a schedule paragraph
   * @param events distinct events the schedule paragraphs are about
   */
  public BenchCorpus(
      List<String> paragraphs, double copyShare, double eventShare, int events, long seed) {
    if (paragraphs.isEmpty()) {
      throw new IllegalArgumentException("no text to learn from");
    }
    this.paragraphs = List.copyOf(paragraphs);
    this.copyShare = copyShare;
    this.eventShare = eventShare;
    this.events = events;
    this.seed = seed;
    this.rnd = new Random(seed);
  }

  /** The next article, fetched at {@code at}. */
  public Item next(Instant at) {
    if (!recent.isEmpty() && rnd.nextDouble() < copyShare) {
      List<RawArticle> pool = new ArrayList<>(recent);
      RawArticle of = pool.get(pool.size() - 1 - rnd.nextInt(pool.size()));
      RawArticle copy = copy(of, at);
      return new Item(copy, false, true, tokens(copy.getText()));
    }
    LocalDate dct = at.atOffset(ZoneOffset.UTC).toLocalDate();
    List<String> body = new ArrayList<>();
    String schedule = null;
    boolean change = false;
    if (rnd.nextDouble() < eventShare) {
      int event = rnd.nextInt(events);
      LocalDate before = eventDates.get(event);
      change = before != null && before.isAfter(dct.plusDays(2));
      LocalDate after = change ? moved(before, dct) : dct.plusDays(20 + rnd.nextInt(100));
      schedule = schedule(event, change ? before : null, after);
      eventDates.put(event, after);
    }
    int tokens = 0;
    while (tokens < TARGET_TOKENS - (schedule == null ? 0 : tokens(schedule))) {
      String p = nextFiller();
      body.add(p);
      tokens += tokens(p);
    }
    if (schedule != null) {
      // Second paragraph: where a news story states its news.
      body.add(Math.min(1, body.size()), schedule);
    }
    String title = body.get(0).split("(?<=[.!?])\\s")[0];
    title = title.length() > 90 ? title.substring(0, 90).strip() : title;
    RawArticle a = article(title, trim(String.join("\n\n", body)), at);
    recent.addLast(a);
    if (recent.size() > RECENT) {
      recent.removeFirst();
    }
    return new Item(a, change, false, tokens(a.getText()));
  }

  /** A postponement (most often), an advance, or a cancellation, always after {@code dct}. */
  private LocalDate moved(LocalDate before, LocalDate dct) {
    int r = rnd.nextInt(10);
    if (r < 7) {
      return before.plusDays(7 + rnd.nextInt(60));
    }
    LocalDate earlier = before.minusDays(3 + rnd.nextInt(20));
    return earlier.isAfter(dct.plusDays(1)) ? earlier : before.plusDays(14);
  }

  private String schedule(int event, LocalDate before, LocalDate after) {
    String name = eventName(event);
    String city = CITIES[Math.floorMod(event * 7 + 3, CITIES.length)];
    String said = SAID[rnd.nextInt(SAID.length)];
    String context = CONTEXT[rnd.nextInt(CONTEXT.length)];
    String sentence;
    if (before == null) {
      sentence =
          "The "
              + name
              + " in "
              + city
              + " is scheduled to take place on "
              + day(after)
              + ", "
              + said
              + ".";
    } else {
      String verb = after.isAfter(before) ? "postponed to " : "brought forward to ";
      sentence =
          "The "
              + name
              + " in "
              + city
              + ", which had been scheduled for "
              + day(before)
              + ", has been "
              + verb
              + day(after)
              + ", "
              + said
              + ".";
    }
    return sentence + " " + context;
  }

  private static String eventName(int event) {
    return REGIONS[event % REGIONS.length]
        + " "
        + TOPICS[(event / REGIONS.length) % TOPICS.length]
        + " "
        + KINDS[(event / (REGIONS.length * TOPICS.length)) % KINDS.length];
  }

  private static String day(LocalDate d) {
    return d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + d.getDayOfMonth();
  }

  /** A syndicated copy: byline, dateline, footer, new headline, trimmed end. */
  private RawArticle copy(RawArticle of, Instant at) {
    List<String> p = new ArrayList<>(List.of(of.getText().split("\n\n")));
    if (rnd.nextDouble() < 0.4 && p.size() > 3) {
      p.remove(p.size() - 1);
    }
    if (rnd.nextDouble() < 0.5) {
      p.set(
          0,
          CITIES[rnd.nextInt(CITIES.length)].toUpperCase(Locale.ROOT) + " (Reuters) - " + p.get(0));
    }
    if (rnd.nextDouble() < 0.5) {
      p.add(0, "By " + BYLINES[rnd.nextInt(BYLINES.length)] + ", Staff Correspondent");
    }
    if (rnd.nextDouble() < 0.4) {
      p.add("(Reporting by " + BYLINES[rnd.nextInt(BYLINES.length)] + ")");
    }
    String title = rnd.nextDouble() < 0.4 ? "UPDATE 1-" + of.getTitle() : of.getTitle();
    return article(title, String.join("\n\n", p), at);
  }

  /** Paragraphs of fresh Markov text, generated a chunk of stories at a time. */
  private String nextFiller() {
    if (filler.isEmpty()) {
      BenchArticles.Generated g =
          BenchArticles.generate(
              paragraphs,
              CHUNK,
              0.0,
              seed * 31 + chunk++,
              new BenchArticles.Arrivals(Instant.EPOCH, Duration.ofSeconds(1)));
      for (RawArticle a : g.articles()) {
        filler.addAll(List.of(a.getText().split("\n\n")));
      }
    }
    return filler.removeFirst();
  }

  private static String trim(String text) {
    return text.strip();
  }

  /** Tokens as Herald's tokenizer counts them (words, numbers and punctuation). */
  static int tokens(String text) {
    return Tokenizer.tokenize(text).size();
  }

  private RawArticle article(String title, String text, Instant at) {
    byte[] idBytes = new byte[8];
    rnd.nextBytes(idBytes);
    String id = HexFormat.of().formatHex(idBytes);
    String source = SOURCES[rnd.nextInt(SOURCES.length)];
    String host = source.toLowerCase(Locale.ROOT).replace(' ', '-') + ".example";
    String url = "https://" + host + "/" + id;
    return RawArticle.newBuilder()
        .setId(id)
        .setFeedUrl("https://" + host + "/rss")
        .setSource(source)
        .setGuid(null)
        .setUrl(url)
        .setCanonicalUrl(url)
        .setTitle(title)
        .setText(text)
        .setLanguage("en")
        .setAuthor(null)
        .setPublishedAt(at)
        .setPublishedOffset("+00:00")
        .setFetchedAt(at)
        .build();
  }
}
