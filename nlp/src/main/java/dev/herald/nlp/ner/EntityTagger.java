package dev.herald.nlp.ner;

import dev.herald.nlp.entity.EntityMention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Herald's entity tagger: language detection, line/sentence/token segmentation ({@link
 * TextAnalyzer}), the trained name finder ({@link NerModel}: PERSON, ORGANIZATION, LOCATION, MISC),
 * named events by rule ({@link EventNames}, EVENT) and canonical ids ({@link EntityIds}). Text in a
 * language other than English yields no entities, except in its lines that are clearly English on
 * their own; lines of an English text that are clearly in another language yield none. Thread-safe.
 */
public final class EntityTagger {

  private static volatile EntityTagger standard;

  private final TextAnalyzer analyzer;
  private final NerModel model;

  /**
   * A tagged text.
   *
   * @param lang ISO 639-1 code of the detected language ("und" if unknown)
   * @param entities mentions in text order, no two overlapping, none spanning a line break
   */
  public record Result(String lang, List<EntityMention> entities) {}

  /**
   * A text tagged for a pipeline: the same mentions twice, with ids from this text alone ({@code
   * local}: what decisions that must not depend on earlier texts use) and with ids linked through
   * the registry to full names that earlier texts taught ({@code linked}: what is published).
   */
  public record Linked(String lang, List<EntityMention> local, List<EntityMention> linked) {}

  public EntityTagger(TextAnalyzer analyzer, NerModel model) {
    this.analyzer = analyzer;
    this.model = model;
  }

  /** The tagger with the shipped models, loaded once per process. */
  public static EntityTagger standard() {
    EntityTagger t = standard;
    if (t == null) {
      synchronized (EntityTagger.class) {
        t = standard;
        if (t == null) {
          NerModel m = NerModel.standard();
          if (m == null) {
            throw new IllegalStateException("no NER model on the class path");
          }
          t = new EntityTagger(TextAnalyzer.standard(), m);
          standard = t;
        }
      }
    }
    return t;
  }

  public Result tag(String text) {
    return tag(text, null);
  }

  /** Tags one text; {@code registry} (may be null) carries short forms across texts. */
  public Result tag(String text, EntityRegistry registry) {
    if (text == null || text.isBlank()) {
      return new Result("und", List.of());
    }
    String lang = analyzer.language(text, model.truecaser()::knowsLowerCase);
    // Text in another language is tagged only where a line of it is clearly English on its own.
    List<TextAnalyzer.AnalyzedSentence> sents =
        "en".equals(lang) ? analyzer.sentences(text) : analyzer.englishLines(text);
    if (sents.isEmpty()) {
      return new Result(lang, List.of());
    }
    return new Result(lang, EntityIds.resolve(text, mentions(text, sents), registry));
  }

  /**
   * Tags one English text whose language the caller has detected already (no second detection),
   * once, and resolves its ids both within the text and through {@code registry} (which then learns
   * this text's full names).
   */
  public Linked tagEnglish(String text, EntityRegistry registry) {
    if (text == null || text.isBlank()) {
      return new Linked("und", List.of(), List.of());
    }
    List<EntityMention> mentions = mentions(text, analyzer.sentences(text));
    List<EntityMention> local = EntityIds.resolve(text, mentions, null);
    return new Linked("en", local, EntityIds.resolve(text, mentions, registry));
  }

  /** Model names and rule events over analysed sentences, with base types, ids unset. */
  List<EntityMention> mentions(String text, List<TextAnalyzer.AnalyzedSentence> sents) {
    int[] order = decodeOrder(text, sents);
    List<List<String>> tokens = new ArrayList<>(sents.size());
    for (int k : order) {
      tokens.add(SpanRules.asciiQuotes(sents.get(k).tokens(text)));
    }
    NerModel.Tagged tagged = inTextOrder(model.tagWithForms(tokens), order);
    List<EntityMention> out = new ArrayList<>();
    List<EntityMention> events = new ArrayList<>();
    for (int si = 0; si < sents.size(); si++) {
      TextAnalyzer.AnalyzedSentence s = sents.get(si);
      String[] forms = tagged.forms().get(si);
      List<NameSpan> names = mend(tagged.names().get(si), forms);
      List<NameSpan> ev =
          withoutEventsInsideNames(EventNames.find(forms, model.truecaser()), names);
      for (NameSpan e : ev) {
        events.add(mention(text, s, e, EntityMention.EVENT));
      }
      for (NameSpan n : names) {
        EntityMention m = mention(text, s, n, type(n.type()));
        if (!overlapsAny(m, ev, s)) {
          out.add(m);
        }
      }
      anaphoricEvents(text, s, forms, events, out);
    }
    out.addAll(events);
    out.sort(Comparator.comparingInt(EntityMention::start));
    return out;
  }

  /** Headline lines decoded after the body ({@code -Dherald.ner.headlineLast=false}: in order). */
  private static final boolean HEADLINE_LAST =
      Boolean.parseBoolean(System.getProperty("herald.ner.headlineLast", "true"));

  /**
   * The order in which the name finder reads the sentences: a headline last, the rest in text
   * order. The name finder remembers how it typed a word and types its later mentions alike; a
   * headline ("Chrysler files for bankruptcy") gives a name almost no context, so read first it
   * decides the type of every later mention, whereas the body ("the auto company Chrysler") usually
   * settles it. The first sentence is a headline when it is a line of its own that looks like one
   * (all caps, title case) or ends without a full stop, question or exclamation mark, and a later
   * sentence does end with one. Only the first line moves: a dateline or byline under it
   * ("INDIANAPOLIS 1996-12-06") is good context for the body and stays before it (moving those as
   * well cost more on CoNLL-2003 test than it gained).
   */
  static int[] decodeOrder(String text, List<TextAnalyzer.AnalyzedSentence> sents) {
    int n = sents.size();
    int[] order = new int[n];
    boolean last = HEADLINE_LAST && n > 1 && isHeadline(text, sents.get(0));
    if (last) {
      last = false;
      for (int k = 1; k < n && !last; k++) {
        last = endsSentence(text, sents.get(k));
      }
    }
    for (int k = 0; k < n; k++) {
      order[k] = last ? (k + 1) % n : k;
    }
    return order;
  }

  private static boolean isHeadline(String text, TextAnalyzer.AnalyzedSentence s) {
    return wholeLine(text, s)
        && (s.kind() == TextAnalyzer.LineKind.HEADLINE || !endsSentence(text, s));
  }

  private static boolean wholeLine(String text, TextAnalyzer.AnalyzedSentence s) {
    int a = s.start();
    while (a > 0 && text.charAt(a - 1) != '\n') {
      if (!Character.isWhitespace(text.charAt(a - 1))) {
        return false;
      }
      a--;
    }
    int b = s.end();
    while (b < text.length() && text.charAt(b) != '\n') {
      if (!Character.isWhitespace(text.charAt(b))) {
        return false;
      }
      b++;
    }
    return true;
  }

  private static boolean endsSentence(String text, TextAnalyzer.AnalyzedSentence s) {
    int b = s.end();
    while (b > s.start()) {
      char c = text.charAt(b - 1);
      if (c == '"' || c == '\'' || c == ')' || c == '\u201d' || c == '\u2019' || c == ' ') {
        b--;
        continue;
      }
      return c == '.' || c == '!' || c == '?' || c == '\u2026';
    }
    return false;
  }

  /** The name finder's output for sentences read in {@code order}, back in text order. */
  private static NerModel.Tagged inTextOrder(NerModel.Tagged t, int[] order) {
    boolean identity = true;
    for (int k = 0; k < order.length && identity; k++) {
      identity = order[k] == k;
    }
    if (identity) {
      return t;
    }
    List<List<NameSpan>> names = new ArrayList<>(order.length);
    List<String[]> forms = new ArrayList<>(order.length);
    for (int k = 0; k < order.length; k++) {
      names.add(null);
      forms.add(null);
    }
    for (int k = 0; k < order.length; k++) {
      names.set(order[k], t.names().get(k));
      forms.set(order[k], t.forms().get(k));
    }
    return new NerModel.Tagged(names, forms);
  }

  /** The name finder's spans of one sentence, mended by {@link SpanRules}, in this order. */
  private List<NameSpan> mend(List<NameSpan> found, String[] forms) {
    List<NameSpan> names = SpanRules.companies(found, forms);
    names = SpanRules.credits(names, forms);
    names = SpanRules.particleNames(names, forms, model.truecaser());
    names = SpanRules.bracketCuts(names, forms);
    names = SpanRules.datelinePlaces(names, forms);
    names = SpanRules.titledPersons(names, forms);
    names = SpanRules.officeHolders(names, forms);
    names = SpanRules.knownAcronyms(names, forms);
    names = SpanRules.acronymDefinitions(names, forms);
    return SpanRules.withoutMonths(names, forms);
  }

  private static final Set<String> DETERMINERS = Set.of("the", "this", "that");

  /** "the congress" after a named congress: the head noun alone, as a mention of that event. */
  private static void anaphoricEvents(
      String text,
      TextAnalyzer.AnalyzedSentence s,
      String[] forms,
      List<EntityMention> events,
      List<EntityMention> out) {
    if (events.isEmpty()) {
      return;
    }
    for (int i = 1; i < forms.length; i++) {
      String w = forms[i];
      if (!EventNames.ANAPHORIC_HEADS.contains(w)
          || !DETERMINERS.contains(Words.lower(forms[i - 1]))) {
        continue;
      }
      int start = s.tokenStarts()[i];
      String head = EntityIds.singular(w);
      for (int k = events.size() - 1; k >= 0; k--) {
        EntityMention e = events.get(k);
        if (e.end() <= start && head.equals(EntityIds.head(e.text()))) {
          // Carries the antecedent's name as its id source: resolve() gives both one id.
          out.add(
              new EntityMention(
                  start,
                  s.tokenEnds()[i],
                  text.substring(start, s.tokenEnds()[i]),
                  "EVENT_REF",
                  e.text()));
          break;
        }
      }
    }
  }

  /**
   * Events that lie strictly inside a longer name the model found are part of that name: the
   * "Islamic Conference" of the "Organisation of the Islamic Conference" is an organisation's name,
   * not an event. An event the model's name only matches or overlaps stays an event.
   */
  static List<NameSpan> withoutEventsInsideNames(List<NameSpan> events, List<NameSpan> names) {
    if (events.isEmpty() || names.isEmpty()) {
      return events;
    }
    List<NameSpan> out = new ArrayList<>(events.size());
    for (NameSpan e : events) {
      boolean inside = false;
      for (NameSpan n : names) {
        if (n.start() <= e.start()
            && e.end() <= n.end()
            && n.end() - n.start() > e.end() - e.start()) {
          inside = true;
          break;
        }
      }
      if (!inside) {
        out.add(e);
      }
    }
    return out;
  }

  private static boolean overlapsAny(
      EntityMention m, List<NameSpan> spans, TextAnalyzer.AnalyzedSentence s) {
    for (NameSpan e : spans) {
      int a = s.tokenStarts()[e.start()];
      int b = s.tokenEnds()[e.end() - 1];
      if (m.start() < b && a < m.end()) {
        return true;
      }
    }
    return false;
  }

  private static EntityMention mention(
      String text, TextAnalyzer.AnalyzedSentence s, NameSpan n, String type) {
    int a = s.tokenStarts()[n.start()];
    int b = s.tokenEnds()[n.end() - 1];
    if (b < text.length()
        && text.charAt(b) == '+'
        && (b + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(b + 1)))) {
      b++; // "OPEC+": the tokenizer split the plus off for the name finder; it is the name's
    }
    return new EntityMention(a, b, text.substring(a, b), type, "");
  }

  static String type(String corpusType) {
    return switch (corpusType) {
      case "PER" -> EntityMention.PERSON;
      case "ORG" -> EntityMention.ORGANIZATION;
      case "LOC" -> EntityMention.LOCATION;
      default -> EntityMention.MISC;
    };
  }
}
