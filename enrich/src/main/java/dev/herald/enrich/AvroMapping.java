package dev.herald.enrich;

import dev.herald.avro.ChangeKind;
import dev.herald.avro.ClaimBatch;
import dev.herald.avro.ClaimStatus;
import dev.herald.avro.EnrichedArticle;
import dev.herald.avro.Entity;
import dev.herald.avro.EventTimeline;
import dev.herald.avro.Evidence;
import dev.herald.avro.RawArticle;
import dev.herald.avro.ScheduleChangeAlert;
import dev.herald.avro.ScheduleClaim;
import dev.herald.avro.TimePrecision;
import dev.herald.avro.TimeValue;
import dev.herald.nlp.entity.EntityMention;
import dev.herald.nlp.schedule.Alert;
import dev.herald.nlp.schedule.ArticleInput;
import dev.herald.nlp.schedule.Certainty;
import dev.herald.nlp.schedule.Claim;
import dev.herald.nlp.schedule.EventRef;
import dev.herald.nlp.schedule.EventState;
import dev.herald.nlp.schedule.TimelineClaim;
import dev.herald.nlp.schedule.When;
import dev.herald.nlp.time.Timex;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;

/**
 * Translates between the Avro contract and the pure records of the language code, so that neither
 * side knows the other. No logic lives here beyond copying fields.
 */
final class AvroMapping {
  private AvroMapping() {}

  /** A canonical article before tagging: its own cluster, no copies yet. */
  static EnrichedArticle canonical(RawArticle article, Instant now) {
    return EnrichedArticle.newBuilder()
        .setArticle(article)
        .setDuplicateOf(null)
        .setClusterId(article.getId())
        .setCopyCount(0)
        .setTimexes(List.of())
        .setEntities(List.of())
        .setClaims(List.of())
        .setEnrichedAt(now)
        .build();
  }

  /** A copy, linked to its canonical and never tagged. */
  static EnrichedArticle copy(RawArticle article, String canonicalId, int copyCount, Instant now) {
    return EnrichedArticle.newBuilder()
        .setArticle(article)
        .setDuplicateOf(canonicalId)
        .setClusterId(canonicalId)
        .setCopyCount(copyCount)
        .setTimexes(List.of())
        .setEntities(List.of())
        .setClaims(List.of())
        .setEnrichedAt(now)
        .build();
  }

  /** The article as the detector reads it; the publication date in the publisher's own zone. */
  static ArticleInput toInput(RawArticle a) {
    Instant published = a.getPublishedAt() != null ? a.getPublishedAt() : a.getFetchedAt();
    return new ArticleInput(
        a.getId(),
        a.getTitle(),
        a.getText(),
        localDate(published, a.getPublishedOffset()),
        a.getUrl(),
        a.getSource(),
        a.getPublishedAt());
  }

  static LocalDate localDate(Instant instant, String offset) {
    ZoneOffset zone = ZoneOffset.UTC;
    if (offset != null && !offset.isBlank()) {
      try {
        zone = ZoneOffset.of(offset.trim());
      } catch (RuntimeException e) {
        zone = ZoneOffset.UTC; // a malformed offset falls back to UTC rather than failing
      }
    }
    return instant.atOffset(zone).toLocalDate();
  }

  static dev.herald.avro.Timex toAvro(Timex t) {
    return dev.herald.avro.Timex.newBuilder()
        .setStart(t.start())
        .setEnd(t.end())
        .setText(t.text())
        .setType(t.type().name())
        .setValue(t.value())
        .setMod(t.mod())
        .build();
  }

  static Entity toAvro(EntityMention e) {
    return Entity.newBuilder()
        .setStart(e.start())
        .setEnd(e.end())
        .setText(e.text())
        .setType(e.type())
        .setId(e.id())
        .build();
  }

  static TimeValue toAvro(When w) {
    if (w == null) {
      return null;
    }
    return TimeValue.newBuilder()
        .setValue(w.value())
        .setPrecision(TimePrecision.valueOf(w.precision().name()))
        .setMod(w.mod())
        .setText(w.text())
        .build();
  }

  static When fromAvro(TimeValue v) {
    if (v == null) {
      return null;
    }
    return new When(
        v.getValue(), When.Precision.valueOf(v.getPrecision().name()), v.getMod(), v.getText());
  }

  static ScheduleClaim toAvro(Claim c, RawArticle a) {
    return ScheduleClaim.newBuilder()
        .setEventId(c.event().id())
        .setEventName(c.event().name())
        .setEventAliases(c.event().aliases())
        .setLocation(c.event().location())
        .setWhen(toAvro(c.when()))
        .setPreviousWhen(toAvro(c.previousWhen()))
        .setStatus(ClaimStatus.valueOf(c.status().name()))
        .setCertainty(dev.herald.avro.Certainty.valueOf(c.certainty().name()))
        .setEvidence(
            Evidence.newBuilder()
                .setArticleId(a.getId())
                .setUrl(a.getUrl())
                .setTitle(a.getTitle())
                .setSource(a.getSource())
                .setSentence(c.sentence())
                .setPublishedAt(a.getPublishedAt())
                .build())
        .setSentenceStart(c.sentenceStart())
        .setSentenceEnd(c.sentenceEnd())
        .build();
  }

  static TimelineClaim fromAvro(ScheduleClaim c, EventRef event) {
    Evidence e = c.getEvidence();
    EventRef asWritten =
        new EventRef(
            event.id(),
            c.getEventName(),
            c.getEventAliases().isEmpty() ? event.aliases() : c.getEventAliases(),
            c.getLocation() != null ? c.getLocation() : event.location());
    Claim claim =
        new Claim(
            asWritten,
            fromAvro(c.getWhen()),
            fromAvro(c.getPreviousWhen()),
            dev.herald.nlp.schedule.ClaimStatus.valueOf(c.getStatus().name()),
            Certainty.valueOf(c.getCertainty().name()),
            e.getSentence(),
            c.getSentenceStart(),
            c.getSentenceEnd());
    return new TimelineClaim(
        claim, e.getArticleId(), e.getUrl(), e.getTitle(), e.getSource(), e.getPublishedAt());
  }

  static ScheduleClaim toAvro(TimelineClaim tc) {
    Claim c = tc.claim();
    return ScheduleClaim.newBuilder()
        .setEventId(c.event().id())
        .setEventName(c.event().name())
        .setEventAliases(c.event().aliases())
        .setLocation(c.event().location())
        .setWhen(toAvro(c.when()))
        .setPreviousWhen(toAvro(c.previousWhen()))
        .setStatus(ClaimStatus.valueOf(c.status().name()))
        .setCertainty(dev.herald.avro.Certainty.valueOf(c.certainty().name()))
        .setEvidence(evidence(tc))
        .setSentenceStart(c.sentenceStart())
        .setSentenceEnd(c.sentenceEnd())
        .build();
  }

  static Evidence evidence(TimelineClaim tc) {
    return Evidence.newBuilder()
        .setArticleId(tc.articleId())
        .setUrl(tc.url())
        .setTitle(tc.title())
        .setSource(tc.source())
        .setSentence(tc.claim().sentence())
        .setPublishedAt(tc.publishedAt())
        .build();
  }

  static EventRef eventOf(ClaimBatch b) {
    return new EventRef(b.getEventId(), b.getEventName(), b.getAliases(), b.getLocation());
  }

  static EventState toState(EventTimeline t) {
    if (t == null) {
      return null;
    }
    EventRef event = new EventRef(t.getEventId(), t.getName(), t.getAliases(), t.getLocation());
    List<TimelineClaim> claims = new ArrayList<>();
    t.getClaims().forEach(c -> claims.add(fromAvro(c, event)));
    return new EventState(event, claims, t.getLastAlertId());
  }

  static EventTimeline toAvro(EventState s, Instant updatedAt) {
    List<ScheduleClaim> claims = new ArrayList<>();
    s.claims().forEach(c -> claims.add(toAvro(c)));
    return EventTimeline.newBuilder()
        .setEventId(s.event().id())
        .setName(s.event().name())
        .setAliases(s.event().aliases())
        .setLocation(s.event().location())
        .setClaims(claims)
        .setLastAlertId(s.lastAlertId())
        .setUpdatedAt(updatedAt)
        .build();
  }

  static ScheduleChangeAlert toAvro(Alert a, Instant detectedAt) {
    List<Evidence> evidence = new ArrayList<>();
    a.evidence().forEach(tc -> evidence.add(evidence(tc)));
    return ScheduleChangeAlert.newBuilder()
        .setAlertId(a.alertId())
        .setEventId(a.event().id())
        .setEventName(a.event().name())
        .setAliases(a.event().aliases())
        .setLocation(a.event().location())
        .setPrevious(toAvro(a.previous()))
        .setCurrent(toAvro(a.current()))
        .setKind(ChangeKind.valueOf(a.kind().name()))
        .setCertainty(dev.herald.avro.Certainty.valueOf(a.certainty().name()))
        .setConfidence(a.confidence())
        .setSummary(a.summary())
        .setEvidence(evidence)
        .setSourceCount(a.sourceCount())
        .setSupersedes(a.supersedes())
        .setDetectedAt(detectedAt)
        .build();
  }

  /** The claims of a canonical article, one batch per event, in order of first mention. */
  static List<KeyValue<String, ClaimBatch>> claimBatches(EnrichedArticle e) {
    List<KeyValue<String, ClaimBatch>> out = new ArrayList<>();
    if (e.getDuplicateOf() != null || e.getClaims().isEmpty()) {
      return out;
    }
    java.util.Map<String, List<ScheduleClaim>> byEvent = new java.util.LinkedHashMap<>();
    for (var c : e.getClaims()) {
      byEvent.computeIfAbsent(c.getEventId(), k -> new ArrayList<>()).add(c);
    }
    byEvent.forEach(
        (eventId, claims) -> {
          var first = claims.get(0);
          List<String> aliases = new ArrayList<>();
          for (var c : claims) {
            List<String> names = new ArrayList<>(c.getEventAliases());
            names.add(c.getEventName());
            for (String n : names) {
              if (!n.equals(first.getEventName()) && !aliases.contains(n)) {
                aliases.add(n);
              }
            }
          }
          out.add(
              KeyValue.pair(
                  eventId,
                  ClaimBatch.newBuilder()
                      .setEventId(eventId)
                      .setEventName(first.getEventName())
                      .setAliases(aliases)
                      .setLocation(firstLocation(claims))
                      .setArticleId(e.getArticle().getId())
                      .setClaims(claims)
                      .build()));
        });
    return out;
  }

  private static String firstLocation(List<ScheduleClaim> claims) {
    for (var c : claims) {
      if (c.getLocation() != null) {
        return c.getLocation();
      }
    }
    return null;
  }
}
