package dev.herald.app.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Realistic news articles for the fault tests, written from a fixed random seed: each one names its
 * own event (a region and a sector no other article uses) and either reports a schedule change of
 * it (postponed, rescheduled, brought forward or cancelled) or only states its date. The rest of
 * the body is built from sentences written for this test with varied people, places and figures, so
 * no two articles are near-duplicates and no article talks about another's event. The seed article
 * (samples/articles) can be added as it is.
 */
final class NewsArticles {

  /**
   * One article.
   *
   * @param slug unique, used for the link and the guid
   * @param designedChange whether the article was written to report a schedule change
   */
  record NewsArticle(
      String slug, String title, String text, ZonedDateTime published, boolean designedChange) {}

  private static final List<String> REGIONS =
      List.of(
          "Baltic",
          "Andean",
          "Nordic",
          "Caspian",
          "Alpine",
          "Danube",
          "Sahel",
          "Aegean",
          "Mekong",
          "Caribbean",
          "Adriatic",
          "Arctic",
          "Iberian",
          "Patagonian",
          "Carpathian",
          "Levant",
          "Amazon",
          "Pacific Rim",
          "Great Lakes",
          "Rhine");
  private static final List<String> SECTORS =
      List.of(
          "Energy",
          "Water",
          "Fisheries",
          "Rail",
          "Health",
          "Wheat",
          "Shipping",
          "Tourism",
          "Mining",
          "Broadband",
          "Textile",
          "Forestry",
          "Aviation",
          "Dairy",
          "Coffee",
          "Copper",
          "Wind Power",
          "Vaccine",
          "Port",
          "Lithium");
  private static final List<String> KINDS =
      List.of("Summit", "Forum", "Conference", "Congress", "Expo", "Symposium", "Assembly");
  private static final List<String> CITIES =
      List.of(
          "Riga",
          "Tallinn",
          "Lima",
          "Quito",
          "Oslo",
          "Bergen",
          "Baku",
          "Tbilisi",
          "Vienna",
          "Lisbon",
          "Porto",
          "Dakar",
          "Accra",
          "Nairobi",
          "Hanoi",
          "Manila",
          "Auckland",
          "Montreal",
          "Valparaiso",
          "Split",
          "Thessaloniki",
          "Krakow",
          "Seville",
          "Bilbao",
          "Izmir",
          "Muscat",
          "Cebu",
          "Gdansk",
          "Cordoba",
          "Mombasa");
  private static final List<String> FIRST =
      List.of(
          "Anna", "Marek", "Lucia", "Tomas", "Ingrid", "Rafael", "Amara", "Kenji", "Sofia",
          "Daniel", "Leila", "Pieter", "Nadia", "Oscar", "Mei", "Jonas", "Ayesha", "Carlos",
          "Elena", "Viktor");
  private static final List<String> LAST =
      List.of(
          "Kowalski",
          "Haugen",
          "Ortega",
          "Novak",
          "Lindqvist",
          "Mensah",
          "Tanaka",
          "Petrov",
          "Silva",
          "Okafor",
          "Jansen",
          "Moreau",
          "Rahman",
          "Costa",
          "Berg",
          "Weber",
          "Nguyen",
          "Alvarez",
          "Ivanova",
          "Fischer");
  private static final List<String> ROLES =
      List.of(
          "a spokeswoman for the organisers",
          "the secretariat's director",
          "a senior ministry official",
          "the chair of the steering committee",
          "a spokesman for the host city",
          "the head of the industry association");

  /** Sentences of background; {P} person, {R} role, {C} city, {s} sector, {N} {M} {K} figures. */
  private static final List<String> BACKGROUND =
      List.of(
          "{P}, {R}, said the agenda would focus on investment in {s} and on cross-border"
              + " permits.",
          "About {N} delegates from {K} countries have registered so far, according to figures"
              + " released by the organisers.",
          "The {s} sector employs roughly {N},000 people across the region and accounts for {M}"
              + " percent of its exports.",
          "Critics have questioned the cost of the event, which the host government put at {K}"
              + " million euros.",
          "{P} told reporters that a draft declaration on {s} standards had been circulated to"
              + " member states.",
          "Trade unions in {C} have called for a seat at the table, saying workers in {s} were"
              + " rarely consulted.",
          "Environmental groups plan a rally outside the venue, {P} of a local campaign group"
              + " said.",
          "Officials in {C} said security arrangements would be similar to those of previous"
              + " years.",
          "Exports of {s} products rose {M} percent last year, the regional statistics office"
              + " said.",
          "{P}, who has led the negotiations for {K} years, described the talks as constructive"
              + " but slow.",
          "Airlines added {K} extra flights to {C} for the event, a spokesman for the airport"
              + " said.",
          "A working group of {K} experts has been drafting recommendations on {s} financing"
              + " since the spring.",
          "{P} said the region could not afford to delay decisions on {s} much longer.",
          "Observers expect a joint statement on {s} to be the main outcome, {P} said.",
          "Registration figures show that {M} percent of participants come from outside the"
              + " region.",
          "Some {N} exhibitors have booked stands, a record according to the organisers.",
          "{P} said investors were watching the {s} market closely after a volatile year.",
          "Prices for {s} services in {C} have climbed {M} percent in two years, a survey by"
              + " the chamber of commerce found.");

  /** Sentences only an article reporting a change gets. */
  private static final List<String> AFTERMATH =
      List.of(
          "Hotels in {C} said they expected cancellations and that deposits would be returned.",
          "{P} said the decision was taken after consultations with the participating"
              + " governments.",
          "Industry representatives welcomed the move and said it would give them more time to"
              + " prepare.",
          "The decision follows weeks of uncertainty over travel arrangements and visas, {P}"
              + " said.",
          "Local businesses in {C} said the change would cost them an estimated {N},000 euros"
              + " in lost trade.",
          "The organisers said ticket holders would be contacted by email.",
          "Several delegations had asked for more time to prepare their national positions on"
              + " {s}.");

  private NewsArticles() {}

  /**
   * {@code count} articles from {@code seed}; about {@code changeShare} of them report a schedule
   * change. At most REGIONS x SECTORS articles (400).
   */
  static List<NewsArticle> generate(int count, double changeShare, long seed) {
    Random random = new Random(seed);
    List<int[]> pairs = new ArrayList<>();
    for (int r = 0; r < REGIONS.size(); r++) {
      for (int s = 0; s < SECTORS.size(); s++) {
        pairs.add(new int[] {r, s});
      }
    }
    if (count > pairs.size()) {
      throw new IllegalArgumentException("at most " + pairs.size() + " articles");
    }
    Collections.shuffle(pairs, random);
    List<NewsArticle> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String region = REGIONS.get(pairs.get(i)[0]);
      String sector = SECTORS.get(pairs.get(i)[1]);
      out.add(article(i, region, sector, random.nextDouble() < changeShare, random));
    }
    return out;
  }

  /** The seed article of samples/articles (its first line is capture metadata). */
  static NewsArticle seedArticle(Path repo) {
    try {
      String all =
          Files.readString(
              repo.resolve("samples/articles/sochi-congress-2017-11-14.txt"),
              StandardCharsets.UTF_8);
      String text = all.substring(all.indexOf('\n') + 1).strip();
      String title = text.lines().filter(l -> !l.isBlank()).skip(1).findFirst().orElse("").strip();
      return new NewsArticle(
          "seed-sochi-congress",
          title,
          text,
          ZonedDateTime.of(2017, 11, 14, 0, 0, 0, 0, ZoneOffset.UTC),
          true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static NewsArticle article(
      int index, String region, String sector, boolean change, Random random) {
    String kind = pick(KINDS, random);
    String event = region + " " + sector + " " + kind;
    String city = pick(CITIES, random);
    LocalDate published = LocalDate.of(2016, 1, 4).plusDays(random.nextInt(1400));
    ZonedDateTime publishedAt =
        published.atTime(6 + random.nextInt(12), random.nextInt(60)).atZone(ZoneOffset.UTC);
    LocalDate planned = published.plusDays(12 + random.nextInt(60));
    String org = "the " + region + " " + sector + " secretariat";
    String person = person(random);
    String weekday = published.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);

    String lead;
    String title;
    if (change) {
      int how = random.nextInt(5);
      LocalDate moved =
          how == 3
              ? planned.minusDays(3 + random.nextInt(7))
              : planned.plusDays(14 + random.nextInt(75));
      String from = day(planned);
      String to = day(moved);
      switch (how) {
        case 0 -> {
          lead =
              "The "
                  + event
                  + ", which had been scheduled for "
                  + from
                  + " in "
                  + city
                  + ", has been postponed to "
                  + to
                  + ", "
                  + org
                  + " said on "
                  + weekday
                  + ".";
          title = event + " postponed to " + to;
        }
        case 1 -> {
          lead =
              capitalise(org)
                  + " has postponed until "
                  + to
                  + " the "
                  + event
                  + " scheduled for "
                  + from
                  + ", citing delays in preparations.";
          title = city + " " + kind.toLowerCase(Locale.ROOT) + " pushed back to " + to;
        }
        case 2 -> {
          lead =
              "The "
                  + event
                  + " set for "
                  + from
                  + " was rescheduled for "
                  + to
                  + ", "
                  + person
                  + ", "
                  + pick(ROLES, random)
                  + ", said.";
          title = "New date for " + event;
        }
        case 3 -> {
          lead =
              "The "
                  + event
                  + " planned for "
                  + from
                  + " in "
                  + city
                  + " has been brought forward to "
                  + to
                  + ", "
                  + org
                  + " announced.";
          title = event + " brought forward";
        }
        default -> {
          lead = "The " + event + " set for " + from + " was cancelled, " + org + " said.";
          title = event + " in " + city + " called off";
        }
      }
    } else {
      lead =
          "The "
              + event
              + " will take place in "
              + city
              + " on "
              + day(planned)
              + ", "
              + org
              + " confirmed on "
              + weekday
              + ".";
      title = city + " prepares to host " + event;
    }

    List<String> background = new ArrayList<>(BACKGROUND);
    Collections.shuffle(background, random);
    List<String> body = new ArrayList<>(background.subList(0, 5 + random.nextInt(5)));
    if (change) {
      List<String> aftermath = new ArrayList<>(AFTERMATH);
      Collections.shuffle(aftermath, random);
      body.addAll(1, aftermath.subList(0, 2));
    }
    StringBuilder text = new StringBuilder(lead);
    for (int i = 0; i < body.size(); i++) {
      text.append(i % 2 == 0 ? "\n\n" : " ");
      text.append(fill(body.get(i), person(random), city, sector, random));
    }
    String slug = String.format(Locale.ROOT, "article-%03d", index);
    return new NewsArticle(slug, title, text.toString(), publishedAt, change);
  }

  private static String fill(String template, String person, String city, String sector, Random r) {
    return template
        .replace("{P}", person)
        .replace("{R}", pick(ROLES, r))
        .replace("{C}", city)
        .replace("{s}", sector.toLowerCase(Locale.ROOT))
        .replace("{N}", String.valueOf(120 + r.nextInt(880)))
        .replace("{M}", String.valueOf(3 + r.nextInt(80)))
        .replace("{K}", String.valueOf(2 + r.nextInt(40)));
  }

  private static String person(Random random) {
    return pick(FIRST, random) + " " + pick(LAST, random);
  }

  /** "March 14": the detector resolves it against the publication date. */
  private static String day(LocalDate d) {
    Month m = d.getMonth();
    return m.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + d.getDayOfMonth();
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static <T> T pick(List<T> list, Random random) {
    return list.get(random.nextInt(list.size()));
  }
}
