package dev.herald.nlp.schedule;

import dev.herald.nlp.entity.EntityMention;
import dev.herald.nlp.entity.EntityRecognizer;
import dev.herald.nlp.ner.EntityRegistry;
import dev.herald.nlp.ner.EntityTagger;
import dev.herald.nlp.schedule.SentenceAnalyzer.RawClaim;
import dev.herald.nlp.text.LanguageDetector;
import dev.herald.nlp.text.Sentence;
import dev.herald.nlp.text.SentenceSplitter;
import dev.herald.nlp.time.Timex;
import dev.herald.nlp.time.TimexTagger;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads one article: language, dates, entities and schedule claims. Thread-safe; build once with
 * {@link #standard()}. The one piece of memory across articles is an {@link EntityRegistry}: full
 * names learnt from earlier articles link later short forms ("Lavrov" -> "sergei-lavrov") in the
 * published entities. Claims and event ids never read it, so an article always gives the same
 * claims, whatever was read before it (reprocessing after a fault, another instance).
 */
public final class ScheduleDetector {

  /** Finds TIMEX3 expressions; the standard detector uses {@link TimexTagger#standard()}. */
  @FunctionalInterface
  public interface DateTagger {
    List<Timex> tag(String text, LocalDate dct);
  }

  private static final ScheduleDetector STANDARD =
      new ScheduleDetector((t, d) -> TimexTagger.standard().tag(t, d));

  /** Short forms remembered across articles (bounded: least recently used ones go). */
  private static final int REGISTRY_CAPACITY = 100_000;

  private final DateTagger tagger;
  private final EntityRegistry registry = new EntityRegistry(REGISTRY_CAPACITY);

  public ScheduleDetector(DateTagger tagger) {
    this.tagger = Objects.requireNonNull(tagger);
  }

  public static ScheduleDetector standard() {
    return STANDARD;
  }

  public ArticleAnalysis analyze(ArticleInput in) {
    String text = in.text() == null ? "" : in.text();
    String language = LanguageDetector.detect(text);
    if (!LanguageDetector.isSupported(language)) {
      return new ArticleAnalysis(language, List.of(), List.of(), List.of());
    }
    LocalDate dct = in.published();
    if (dct == null && in.publishedAt() != null) {
      dct = in.publishedAt().atOffset(ZoneOffset.UTC).toLocalDate();
    }
    List<Timex> timexes = tagger.tag(text, dct);
    return analyze(in, text, language, dct, timexes);
  }

  /** The detection stage alone, on dates tagged beforehand (used by the benchmark). */
  ArticleAnalysis analyze(
      ArticleInput in, String text, String language, LocalDate dct, List<Timex> timexes) {
    List<Sentence> sentences = SentenceSplitter.split(text);
    Entities found = entities(text, language, sentences);
    List<EntityMention> entities = found.local();
    List<Timex> sorted = new ArrayList<>(timexes);
    sorted.sort((a, b) -> Integer.compare(a.start(), b.start()));
    List<RawClaim> raw = new ArrayList<>();
    int ti = 0;
    int ei = 0;
    for (Sentence s : sentences) {
      while (ti < sorted.size() && sorted.get(ti).start() < s.start()) {
        ti++;
      }
      int tj = ti;
      while (tj < sorted.size() && sorted.get(tj).end() <= s.end()) {
        tj++;
      }
      while (ei < entities.size() && entities.get(ei).start() < s.start()) {
        ei++;
      }
      int ej = ei;
      while (ej < entities.size() && entities.get(ej).end() <= s.end()) {
        ej++;
      }
      if (tj > ti || mayHoldClaim(s.text())) {
        raw.addAll(
            SentenceAnalyzer.analyze(
                text, s, sorted.subList(ti, tj), entities.subList(ei, ej), dct));
      }
      ti = tj;
      ei = ej;
    }
    String key = in.id() != null ? in.id() : Integer.toHexString(text.hashCode());
    List<Claim> claims = ArticleMerge.merge(EventResolver.resolve(raw, entities, key));
    return new ArticleAnalysis(language, timexes, found.linked(), claims);
  }

  /**
   * An article's entities, the same mentions twice: with ids from the article alone ({@code local},
   * what claims and events are built on) and linked across articles through the registry ({@code
   * linked}, what is published).
   */
  public record Entities(List<EntityMention> local, List<EntityMention> linked) {}

  /**
   * The article's entities: for English, the trained tagger's ({@link EntityTagger}: names,
   * rule-based named events, canonical ids, "the congress" as the last named congress), on the
   * language this detector found (the tagger does not detect it again); for other languages, or if
   * the tagger has no model, the rule-based recogniser's, with named events carrying the id their
   * claims get. Public so the benchmark measures the stage the topology runs.
   */
  public Entities entities(String text, String language, List<Sentence> sentences) {
    EntityTagger tagger = "en".equals(language) ? tagger() : null;
    if (tagger != null) {
      EntityTagger.Linked r = tagger.tagEnglish(text, registry);
      return new Entities(r.local(), r.linked());
    }
    List<EntityMention> rules = new ArrayList<>(EntityRecognizer.recognize(text, sentences));
    rules.replaceAll(
        e ->
            EntityMention.EVENT.equals(e.type())
                ? new EntityMention(
                    e.start(), e.end(), e.text(), e.type(), EventResolver.eventIdOf(e))
                : e);
    return new Entities(rules, rules);
  }

  private static EntityTagger tagger() {
    try {
      return EntityTagger.standard();
    } catch (IllegalStateException e) {
      return null; // no model on the class path: the rules alone
    }
  }

  /** A sentence with no date can still state a change ("postponed indefinitely"). */
  private static boolean mayHoldClaim(String s) {
    String l = s.toLowerCase(java.util.Locale.ROOT);
    return l.contains("postpon")
        || l.contains("delay")
        || l.contains("cancel")
        || l.contains("called off")
        || l.contains("call off")
        || l.contains("earlier than")
        || l.contains("later than")
        || l.contains("ahead of schedule")
        || l.contains("behind schedule")
        || l.contains("put off")
        || l.contains("scrap")
        || l.contains("suspended indefinitely")
        || l.contains("reschedul")
        || l.contains("defer")
        || l.contains("moved up")
        || l.contains("move up")
        || l.contains("brought forward")
        || l.contains("bring forward")
        || l.contains("pushed back")
        || l.contains("push back")
        || l.contains("extended")
        || l.contains("scheduled");
  }
}
