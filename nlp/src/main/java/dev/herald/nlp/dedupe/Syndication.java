package dev.herald.nlp.dedupe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes syndicated copies of a real article the way outlets do: a byline, a dateline, a footer, a
 * new title, a trimmed end, moved paragraphs; and the negatives that must stay apart: the same
 * template with other figures (another day's report) and a follow-up that reuses some background.
 * Words of the generated parts are invented here; the story text always comes from the corpus.
 */
final class Syndication {

  /** A generated article: title and body with paragraphs separated by blank lines. */
  record Doc(String title, String body) {}

  private static final String[] FIRST = {
    "Anna", "David", "Maria", "John", "Elena", "Peter", "Sarah", "Ivan", "Laura", "Michael"
  };
  private static final String[] LAST = {
    "Smith", "Petrova", "Garcia", "Okafor", "Novak", "Brown", "Larsen", "Tanaka", "Weber", "Rossi"
  };
  private static final String[] CITIES = {
    "LONDON", "MOSCOW", "NEW YORK", "PARIS", "TOKYO", "BRUSSELS", "WASHINGTON", "GENEVA"
  };
  private static final String[] AGENCIES = {"Reuters", "AFP", "AP", "TASS"};
  private static final String[] MONTHS = {
    "Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"
  };
  private static final String[] FOOTERS = {
    "(Reporting by %s; Editing by %s)",
    "\u00a9 %d Agence France-Presse. All rights reserved.",
    "Copyright %d The Associated Press. All rights reserved. This material may not be published,"
        + " broadcast, rewritten or redistributed.",
    "Read more: %s news on our website",
    "Subscribe to our newsletter for daily business news.",
    "This story was originally published by %s."
  };
  private static final String[] TITLE_PREFIX = {"UPDATE 1-", "WRAPUP - ", "", "", "Breaking: "};
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
  private static final Pattern WEEKDAY =
      Pattern.compile("\\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b");
  private static final String[] DAYS = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
  };

  /** The copy transforms, by name. */
  static final List<String> TRANSFORMS =
      List.of("byline", "dateline", "footer", "retitle", "truncation", "reorder", "combined");

  private Syndication() {}

  static String join(List<String> paragraphs) {
    return String.join("\n\n", paragraphs);
  }

  /** Applies one named transform to a (title, paragraphs) original. */
  static Doc copy(String transform, String title, List<String> paras, Random rnd) {
    List<String> p = new ArrayList<>(paras);
    String t = title;
    switch (transform) {
      case "byline" -> p.add(0, byline(rnd));
      case "dateline" -> p.set(0, dateline(rnd) + p.get(0));
      case "footer" -> p.add(footer(rnd));
      case "retitle" -> t = retitle(title, rnd);
      case "truncation" -> p = truncate(p, rnd);
      case "reorder" -> p = reorder(p, rnd);
      case "combined" -> {
        List<BiFunction<List<String>, Random, List<String>>> steps = new ArrayList<>();
        steps.add((x, r) -> truncate(x, r));
        steps.add((x, r) -> reorder(x, r));
        p = steps.get(rnd.nextInt(steps.size())).apply(p, rnd);
        p.set(0, dateline(rnd) + p.get(0));
        p.add(0, byline(rnd));
        p.add(footer(rnd));
        t = retitle(title, rnd);
      }
      default -> throw new IllegalArgumentException(transform);
    }
    return new Doc(t, join(p));
  }

  /** Another day's report on the same template: every figure and weekday changed. */
  static Doc otherFigures(String title, List<String> paras, Random rnd) {
    String body = changeFigures(join(paras), rnd);
    return new Doc(changeFigures(title, rnd), body);
  }

  /**
   * A follow-up: a new lede and body taken from another story, with at most a third of the original
   * paragraphs (and never more than half of them) kept as background.
   */
  static Doc followUp(List<String> original, String otherTitle, List<String> other, Random rnd) {
    List<String> p = new ArrayList<>(other.subList(0, Math.min(other.size(), 4)));
    int keep = Math.max(1, Math.min(original.size() / 2, p.size() / 2));
    int from = 1 + rnd.nextInt(Math.max(1, original.size() - keep));
    p.addAll(
        original.subList(
            Math.min(from, original.size() - keep), Math.min(from, original.size() - keep) + keep));
    return new Doc(otherTitle, join(p));
  }

  static String changeFigures(String s, Random rnd) {
    Matcher m = NUMBER.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String n = m.group();
      String repl;
      if (n.matches("(19|20)\\d\\d")) {
        repl = n; // a year stays: the template repeats within days, not years
      } else {
        repl = bump(n, rnd);
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(repl));
    }
    m.appendTail(sb);
    Matcher d = WEEKDAY.matcher(sb.toString());
    StringBuilder out = new StringBuilder();
    while (d.find()) {
      int i = List.of(DAYS).indexOf(d.group(1));
      d.appendReplacement(out, DAYS[(i + 1 + rnd.nextInt(5)) % 7]);
    }
    d.appendTail(out);
    return out.toString();
  }

  private static String bump(String n, Random rnd) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = sb.length() - 1; i >= 0; i--) {
      if (Character.isDigit(sb.charAt(i))) {
        int d = sb.charAt(i) - '0';
        sb.setCharAt(i, (char) ('0' + (d + 1 + rnd.nextInt(8)) % 10));
        break;
      }
    }
    return sb.toString();
  }

  private static String byline(Random rnd) {
    String name = FIRST[rnd.nextInt(FIRST.length)] + " " + LAST[rnd.nextInt(LAST.length)];
    return switch (rnd.nextInt(3)) {
      case 0 -> "By " + name;
      case 1 -> "By " + name + ", " + AGENCIES[rnd.nextInt(AGENCIES.length)];
      default -> "By " + name + " | " + MONTHS[rnd.nextInt(12)] + " " + (1 + rnd.nextInt(28));
    };
  }

  private static String dateline(Random rnd) {
    String city = CITIES[rnd.nextInt(CITIES.length)];
    String agency = AGENCIES[rnd.nextInt(AGENCIES.length)];
    return switch (rnd.nextInt(3)) {
      case 0 ->
          city
              + ", "
              + MONTHS[rnd.nextInt(12)]
              + " "
              + (1 + rnd.nextInt(28))
              + " ("
              + agency
              + ") - ";
      case 1 -> city + " (" + agency + ") \u2014 ";
      default -> city + " - ";
    };
  }

  private static String footer(Random rnd) {
    String f = FOOTERS[rnd.nextInt(FOOTERS.length)];
    String a = FIRST[rnd.nextInt(FIRST.length)] + " " + LAST[rnd.nextInt(LAST.length)];
    String b = FIRST[rnd.nextInt(FIRST.length)] + " " + LAST[rnd.nextInt(LAST.length)];
    if (f.contains("%d")) {
      return String.format(Locale.ROOT, f, 1987 + rnd.nextInt(30));
    }
    if (f.startsWith("(Reporting")) {
      return String.format(Locale.ROOT, f, a, b);
    }
    return String.format(Locale.ROOT, f, AGENCIES[rnd.nextInt(AGENCIES.length)]);
  }

  private static String retitle(String title, Random rnd) {
    String t = title.toLowerCase(Locale.ROOT);
    String[] words = t.split("\\s+");
    List<String> kept = new ArrayList<>();
    for (String w : words) {
      if (rnd.nextInt(4) != 0) {
        kept.add(w);
      }
    }
    if (kept.isEmpty()) {
      kept.add(words[0]);
    }
    String base = String.join(" ", kept);
    return TITLE_PREFIX[rnd.nextInt(TITLE_PREFIX.length)]
        + Character.toUpperCase(base.charAt(0))
        + base.substring(1)
        + (rnd.nextBoolean() ? " - report" : "");
  }

  /** Drops the last paragraphs, keeping at least half of them (and at least one). */
  private static List<String> truncate(List<String> p, Random rnd) {
    if (p.size() < 2) {
      String only = p.get(0);
      int cut = only.length() * (6 + rnd.nextInt(4)) / 10;
      return new ArrayList<>(List.of(only.substring(0, cut)));
    }
    int min = (p.size() + 1) / 2;
    int keep = min + rnd.nextInt(p.size() - min);
    return new ArrayList<>(p.subList(0, Math.max(1, keep)));
  }

  /** Moves paragraphs after the lede (or swaps the first two of a short story). */
  private static List<String> reorder(List<String> p, Random rnd) {
    List<String> out = new ArrayList<>(p);
    if (out.size() < 3) {
      java.util.Collections.reverse(out);
      return out;
    }
    List<String> tail = new ArrayList<>(out.subList(1, out.size()));
    java.util.Collections.shuffle(tail, rnd);
    List<String> r = new ArrayList<>();
    r.add(out.get(0));
    r.addAll(tail);
    if (r.equals(out)) {
      java.util.Collections.swap(r, 1, 2);
    }
    return r;
  }
}
