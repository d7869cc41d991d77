package dev.herald.app.bench;

import dev.herald.avro.DedupeEntry;
import dev.herald.avro.EnrichedArticle;
import dev.herald.avro.RawArticle;
import dev.herald.nlp.dedupe.NearDupFingerprinter;
import dev.herald.nlp.schedule.ArticleInput;
import dev.herald.nlp.schedule.ScheduleDetector;
import dev.herald.nlp.text.LanguageDetector;
import dev.herald.nlp.text.SentenceSplitter;
import dev.herald.nlp.time.TimexTagger;
import dev.herald.schemas.Topics;
import dev.herald.schemas.serde.HeraldSerdes;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serde;

/**
 * CPU cost per article of each stage of the enrich path, measured one stage at a time on this
 * thread (thread CPU time, not wall time, so other processes on the machine do not inflate it) over
 * the same articles the benchmark published and the enriched records it read back. The topology
 * runs the same code; what the application's threads spend beyond the sum of these stages is state
 * stores, band lookups, repartitions, transactions and the Kafka clients.
 */
public final class StageProfile {
  /** Stage names in the order of the topology; {@code schedule} is claims, events and merging. */
  public static final List<String> STAGES =
      List.of("decode", "fingerprint", "language", "dates", "entities", "schedule", "avro_serde");

  private StageProfile() {}

  /**
   * CPU milliseconds per article of each stage.
   *
   * @param raw serialized raw articles as published
   * @param enriched serialized enriched articles as the topology wrote them (tags included)
   */
  public static Map<String, Double> measure(
      List<byte[]> raw, List<byte[]> enriched, long budgetNanos) {
    // Each of the eight measurements gets an equal share of the time, and at least a few items.
    long perStage = budgetNanos / 8;
    Serde<RawArticle> rawSerde = Topics.ARTICLES_RAW.valueSerde();
    Serde<EnrichedArticle> enrichedSerde = Topics.ARTICLES_ENRICHED.valueSerde();
    String rawTopic = Topics.ARTICLES_RAW.name();
    String outTopic = Topics.ARTICLES_ENRICHED.name();
    List<RawArticle> articles =
        raw.stream().map(b -> rawSerde.deserializer().deserialize(rawTopic, b)).toList();
    List<EnrichedArticle> outputs =
        enriched.stream().map(b -> enrichedSerde.deserializer().deserialize(outTopic, b)).toList();
    NearDupFingerprinter fingerprinter = new NearDupFingerprinter();
    ScheduleDetector detector = ScheduleDetector.standard();
    TimexTagger dates = TimexTagger.standard();

    // The detector hands the tagger the language it found; measured on its own as "language".
    Map<RawArticle, String> languages = new IdentityHashMap<>();
    articles.forEach(a -> languages.put(a, LanguageDetector.detect(a.getText())));

    Map<String, Double> ms = new LinkedHashMap<>();
    ms.put("decode", perItem(perStage, raw, b -> rawSerde.deserializer().deserialize(rawTopic, b)));
    ms.put(
        "fingerprint",
        perItem(perStage, articles, a -> fingerprinter.fingerprint(a.getTitle(), a.getText())));
    ms.put("language", perItem(perStage, articles, a -> LanguageDetector.detect(a.getText())));
    ms.put("dates", perItem(perStage, articles, a -> dates.tag(a.getText(), dct(a))));
    ms.put(
        "entities",
        perItem(
            perStage,
            articles,
            a ->
                detector.entities(
                    a.getText(), languages.get(a), SentenceSplitter.split(a.getText()))));
    double analyze = perItem(perStage, articles, a -> detector.analyze(input(a)));
    // The detector runs language, dates and entities itself; what it spends beyond them is the
    // schedule stage (claims per sentence, event resolution, merging).
    ms.put(
        "schedule",
        Math.max(0, analyze - ms.get("language") - ms.get("dates") - ms.get("entities")));
    // Serde beyond the raw decode: the fingerprint entry is encoded once for the fingerprint
    // topic and decoded by the global thread that files it; the tagged article is written.
    Serde<DedupeEntry> entrySerde = HeraldSerdes.avro(DedupeEntry.class);
    List<DedupeEntry> entries =
        articles.stream()
            .map(
                a ->
                    DedupeEntry.newBuilder()
                        .setFingerprint(
                            ByteBuffer.wrap(
                                fingerprinter.fingerprint(a.getTitle(), a.getText()).toBytes()))
                        .setCanonicalId("")
                        .setCanonicalReceivedAt(a.getFetchedAt())
                        .build())
            .toList();
    double filed =
        perItem(
            perStage,
            entries,
            e ->
                entrySerde
                    .deserializer()
                    .deserialize(
                        "fingerprints", entrySerde.serializer().serialize("fingerprints", e)));
    double written =
        outputs.isEmpty()
            ? 0
            : perItem(perStage, outputs, e -> enrichedSerde.serializer().serialize(outTopic, e));
    ms.put("avro_serde", filed + written);
    return ms;
  }

  static ArticleInput input(RawArticle a) {
    return new ArticleInput(
        a.getId(),
        a.getTitle(),
        a.getText(),
        dct(a),
        a.getUrl(),
        a.getSource(),
        a.getPublishedAt());
  }

  private static LocalDate dct(RawArticle a) {
    Instant at = a.getPublishedAt() != null ? a.getPublishedAt() : a.getFetchedAt();
    return at.atOffset(ZoneOffset.UTC).toLocalDate();
  }

  /**
   * Thread CPU ms per item of {@code work}, within {@code budgetNanos} of wall time: a warm-up
   * pass, then as many items as the rest of the time allows (all of them on an idle machine).
   */
  private static <T> double perItem(long budgetNanos, List<T> items, Consumer<T> work) {
    if (items.isEmpty()) {
      return 0;
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    // A third of the time warms the JIT, the rest is measured; never fewer than five items.
    long warmEnd = System.nanoTime() + budgetNanos / 3;
    for (int i = 0; i < items.size() && (i < 5 || System.nanoTime() < warmEnd); i++) {
      work.accept(items.get(i));
    }
    long end = System.nanoTime() + budgetNanos * 2 / 3;
    long t0 = mx.getCurrentThreadCpuTime();
    int n = 0;
    while (n < items.size() && (n < 5 || System.nanoTime() < end)) {
      work.accept(items.get(n++));
    }
    return (mx.getCurrentThreadCpuTime() - t0) / 1e6 / n;
  }
}
