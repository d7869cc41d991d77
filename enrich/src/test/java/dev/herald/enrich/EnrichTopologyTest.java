package dev.herald.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.avro.ChangeKind;
import dev.herald.avro.DeadLetter;
import dev.herald.avro.DedupeCluster;
import dev.herald.avro.DedupeCopy;
import dev.herald.avro.DedupeEntry;
import dev.herald.avro.EnrichedArticle;
import dev.herald.avro.EventTimeline;
import dev.herald.avro.RawArticle;
import dev.herald.avro.ScheduleChangeAlert;
import dev.herald.nlp.dedupe.NearDupFingerprinter;
import dev.herald.nlp.schedule.ScheduleDetector;
import dev.herald.schemas.Topics;
import dev.herald.schemas.serde.HeraldSerdes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichTopologyTest {
  private static final ScheduleDetector DETECTOR = ScheduleDetector.standard();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2017-11-14T08:00:00Z"), ZoneOffset.UTC);

  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, RawArticle> raw;
  private TestInputTopic<String, byte[]> rawBytes;
  private TestOutputTopic<String, EnrichedArticle> enriched;
  private TestOutputTopic<String, ScheduleChangeAlert> alerts;
  private TestOutputTopic<String, EventTimeline> events;
  private TestOutputTopic<String, DeadLetter> deadLetters;

  static Topology topology(Path stateDir) {
    return EnrichTopology.build(
        EnrichConfig.defaults("unused:9092", stateDir), DETECTOR, new EnrichMetrics(), CLOCK);
  }

  @BeforeEach
  void start() {
    Properties props =
        EnrichService.streamsProperties(EnrichConfig.defaults("unused:9092", stateDir));
    driver =
        new TopologyTestDriver(topology(stateDir), props, Instant.parse("2017-11-14T06:00:00Z"));
    openTopics();
  }

  private void openTopics() {
    raw =
        driver.createInputTopic(
            Topics.ARTICLES_RAW.name(),
            Serdes.String().serializer(),
            Topics.ARTICLES_RAW.valueSerde().serializer());
    rawBytes =
        driver.createInputTopic(
            Topics.ARTICLES_RAW.name(),
            Serdes.String().serializer(),
            Serdes.ByteArray().serializer());
    enriched = output(Topics.ARTICLES_ENRICHED.name(), Topics.ARTICLES_ENRICHED.valueSerde());
    alerts = output(Topics.ALERTS.name(), Topics.ALERTS.valueSerde());
    events = output(Topics.EVENTS.name(), Topics.EVENTS.valueSerde());
    deadLetters = output(Topics.DLQ.name(), Topics.DLQ.valueSerde());
  }

  private <V> TestOutputTopic<String, V> output(
      String topic, org.apache.kafka.common.serialization.Serde<V> serde) {
    return driver.createOutputTopic(topic, Serdes.String().deserializer(), serde.deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void shouldRaiseAlertWhenCongressMovesToDecember() {
    // Given the seed article as ingest publishes it
    RawArticle seed = SeedArticle.article("a1", "file:/samples/articles/seed.txt", "Sample");

    // When it flows through the topology
    raw.pipeInput("a1", seed, Instant.parse("2017-11-14T06:00:00Z"));

    // Then exactly one alert names the congress, mid-November -> December, postponed
    List<ScheduleChangeAlert> out = alerts.readValuesToList();
    assertThat(out).hasSize(1);
    ScheduleChangeAlert alert = out.get(0);
    assertThat(alert.getEventName()).containsIgnoringCase("National Dialogue Congress");
    assertThat(alert.getLocation()).isEqualTo("Sochi");
    assertThat(alert.getPrevious().getValue()).isEqualTo("2017-11");
    assertThat(alert.getPrevious().getMod()).isEqualTo("MID");
    assertThat(alert.getCurrent().getValue()).isEqualTo("2017-12");
    assertThat(alert.getKind()).isEqualTo(ChangeKind.POSTPONED);
    assertThat(alert.getSummary()).isNotBlank();
    assertThat(alert.getEvidence()).isNotEmpty();
    assertThat(alert.getEvidence())
        .allSatisfy(
            e -> {
              assertThat(e.getArticleId()).isEqualTo("a1");
              assertThat(e.getTitle()).isEqualTo(SeedArticle.TITLE);
              assertThat(e.getPublishedAt()).isEqualTo(Instant.parse("2017-11-14T00:00:00Z"));
            });
    assertThat(events.readValuesToList()).isNotEmpty();
    // and the enriched article carries its dates, entities and claims
    EnrichedArticle article = enriched.readValue();
    assertThat(article.getDuplicateOf()).isNull();
    assertThat(article.getTimexes()).isNotEmpty();
    assertThat(article.getEntities()).isNotEmpty();
    assertThat(article.getClaims()).isNotEmpty();
  }

  @Test
  void shouldRecordRepeatedArticleAsCopyAndNotEnrichItAgain() {
    // Given the seed article, then the same body republished under another URL and id
    raw.pipeInput("a1", SeedArticle.article("a1", "https://one.example/a", "One"));
    raw.pipeInput("a2", SeedArticle.article("a2", "https://two.example/b", "Two"));

    // Then the second is linked to the first, not tagged, and raises no second alert
    List<EnrichedArticle> out = enriched.readValuesToList();
    assertThat(out).hasSize(2);
    assertThat(out.get(1).getArticle().getId()).isEqualTo("a2");
    assertThat(out.get(1).getDuplicateOf()).isEqualTo("a1");
    assertThat(out.get(1).getClusterId()).isEqualTo("a1");
    assertThat(out.get(1).getCopyCount()).isEqualTo(1);
    assertThat(out.get(1).getClaims()).isEmpty();
    assertThat(out.get(1).getTimexes()).isEmpty();
    assertThat(alerts.readValuesToList()).hasSize(1);
  }

  @Test
  void shouldDropAnArticleDeliveredTwiceWithTheSameId() {
    // Given the same article delivered twice (a re-poll, another feed)
    raw.pipeInput("a1", SeedArticle.article("a1", "https://one.example/a", "One"));
    raw.pipeInput("a1", SeedArticle.article("a1", "https://one.example/a", "One"));

    // Then it is enriched and alerted on once
    assertThat(enriched.readValuesToList()).hasSize(1);
    assertThat(alerts.readValuesToList()).hasSize(1);
  }

  @Test
  void shouldRaiseNoAlertForAnArticleWithoutScheduleClaim() {
    // Given an article that names no event date
    RawArticle plain =
        RawArticle.newBuilder(SeedArticle.article("b1", "https://x.example/b1", "X"))
            .setTitle("Markets close higher")
            .setText(
                "Shares in Europe closed higher on Monday as investors welcomed strong earnings"
                    + " from the banking sector. The euro was little changed against the dollar.")
            .build();

    // When
    raw.pipeInput("b1", plain);

    // Then it is enriched but raises no alert
    assertThat(enriched.readValuesToList()).hasSize(1);
    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void shouldSendMalformedRecordToDeadLetterTopicAndKeepRunning() {
    // Given garbage bytes, then a good article
    rawBytes.pipeInput("bad", "not avro at all".getBytes(StandardCharsets.UTF_8));
    raw.pipeInput("a1", SeedArticle.article("a1", "https://one.example/a", "One"));

    // Then the garbage is a dead letter with its cause and bytes, and the good article flows on
    TestRecord<String, DeadLetter> dead = deadLetters.readRecord();
    assertThat(dead.key()).isEqualTo("bad");
    assertThat(dead.value().getStage()).isEqualTo("enrich.decode");
    assertThat(dead.value().getCause()).isNotBlank();
    assertThat(StandardCharsets.UTF_8.decode(dead.value().getValue()).toString())
        .isEqualTo("not avro at all");
    assertThat(enriched.readValuesToList()).hasSize(1);
    assertThat(alerts.readValuesToList()).hasSize(1);
  }

  @Test
  void shouldLinkASyndicatedCopyToItsCanonicalAndRecordWhoPublishedIt() {
    // Given the seed article, then a wire copy of it elsewhere an hour later: a byline, a
    // dateline, the last paragraph trimmed, another headline, another id and source
    Instant t0 = Instant.parse("2017-11-14T06:00:00Z");
    raw.pipeInput("a1", SeedArticle.article("a1", "https://one.example/a", "One"), t0);
    RawArticle copy = syndicatedCopy("w7", "https://wire.example/w7", "Wire Daily");
    raw.pipeInput("w7", copy, t0.plus(Duration.ofHours(1)));

    // Then the copy goes out linked to the seed, untagged
    List<EnrichedArticle> out = enriched.readValuesToList();
    assertThat(out).extracting(e -> e.getArticle().getId()).containsExactly("a1", "w7");
    EnrichedArticle linked = out.get(1);
    assertThat(linked.getDuplicateOf()).isEqualTo("a1");
    assertThat(linked.getClusterId()).isEqualTo("a1");
    assertThat(linked.getCopyCount()).isEqualTo(1);
    assertThat(linked.getClaims()).isEmpty();
    assertThat(linked.getTimexes()).isEmpty();
    assertThat(out.get(0).getDuplicateOf()).isNull();
    // and raises no claim: the one alert counts one independent source
    List<ScheduleChangeAlert> raised = alerts.readValuesToList();
    assertThat(raised).hasSize(1);
    assertThat(raised.get(0).getSourceCount()).isEqualTo(1);
    // and the canonical's cluster records who published the copy, where, under which title, when
    DedupeCluster cluster = cluster("a1");
    assertThat(cluster.getCopyCount()).isEqualTo(1);
    assertThat(cluster.getCopies()).hasSize(1);
    DedupeCopy recorded = cluster.getCopies().get(0);
    assertThat(recorded.getArticleId()).isEqualTo("w7");
    assertThat(recorded.getSource()).isEqualTo("Wire Daily");
    assertThat(recorded.getUrl()).isEqualTo("https://wire.example/w7");
    assertThat(recorded.getTitle()).isEqualTo(copy.getTitle());
    assertThat(recorded.getPublishedAt()).isEqualTo(copy.getPublishedAt());
    assertThat(recorded.getReceivedAt()).isEqualTo(t0.plus(Duration.ofHours(1)));
    assertThat(recorded.getMatchedId()).isEqualTo("a1");
  }

  @Test
  void shouldKeepATemplateLookAlikeWithOtherFiguresApart() {
    // Given two weekly notices on the same template, with other figures and days, that share
    // band keys: so they meet in a band store and only the verification keeps them apart
    RawArticle week1 = notice("n1", "1.42", "3", "1.31", "2.1", "0.97", "Friday", "Monday");
    RawArticle week2 = notice("n2", "1.47", "5", "1.36", "3.4", "1.02", "Thursday", "Tuesday");
    NearDupFingerprinter fp = new NearDupFingerprinter();
    List<String> keys1 = fp.bandKeys(fp.fingerprint(week1.getTitle(), week1.getText()));
    List<String> keys2 = fp.bandKeys(fp.fingerprint(week2.getTitle(), week2.getText()));
    assertThat(keys2).containsAnyElementsOf(keys1);

    // When the second arrives a week after the first
    Instant t0 = Instant.parse("2017-11-06T06:00:00Z");
    raw.pipeInput("n1", week1, t0);
    raw.pipeInput("n2", week2, t0.plus(Duration.ofDays(6)));

    // Then both are canonical articles, each tagged on its own
    List<EnrichedArticle> out = enriched.readValuesToList();
    assertThat(out).extracting(e -> e.getArticle().getId()).containsExactly("n1", "n2");
    assertThat(out).allSatisfy(e -> assertThat(e.getDuplicateOf()).isNull());
    assertThat(out).extracting(EnrichedArticle::getClusterId).containsExactly("n1", "n2");
    assertThat(out).allSatisfy(e -> assertThat(e.getTimexes()).isNotEmpty());
  }

  @Test
  void shouldLinkACopyOfACopyToTheFirstArticleOfTheCluster() {
    // Given the seed, a trimmed copy of it, then a copy of that copy with a footer
    Instant t0 = Instant.parse("2017-11-14T06:00:00Z");
    raw.pipeInput("a1", SeedArticle.article("a1", "https://one.example/a", "One"), t0);
    RawArticle trimmed = syndicatedCopy("b2", "https://two.example/b2", "Two");
    raw.pipeInput("b2", trimmed, t0.plus(Duration.ofHours(1)));
    RawArticle footer =
        RawArticle.newBuilder(trimmed)
            .setId("c3")
            .setUrl("https://three.example/c3")
            .setCanonicalUrl("https://three.example/c3")
            .setSource("Three")
            .setText(trimmed.getText() + "\n\n(Reporting by Anna Weber; Editing by John Larsen)")
            .build();
    raw.pipeInput("c3", footer, t0.plus(Duration.ofHours(2)));

    // Then both copies point at the seed, counted on its cluster in order
    List<EnrichedArticle> out = enriched.readValuesToList();
    assertThat(out).extracting(e -> e.getArticle().getId()).containsExactly("a1", "b2", "c3");
    assertThat(out.subList(1, 3)).allSatisfy(e -> assertThat(e.getDuplicateOf()).isEqualTo("a1"));
    assertThat(out.subList(1, 3)).extracting(EnrichedArticle::getCopyCount).containsExactly(1, 2);
    assertThat(cluster("a1").getCopies())
        .extracting(DedupeCopy::getSource)
        .containsExactly("Two", "Three");
    assertThat(alerts.readValuesToList()).hasSize(1);
  }

  @Test
  void shouldKeepACopyThatArrivesAfterTheRetentionAsANewCanonical() {
    // Given the seed, then the same text eight days later (retention: seven days)
    Instant t0 = Instant.parse("2017-11-14T06:00:00Z");
    raw.pipeInput("a1", SeedArticle.article("a1", "https://one.example/a", "One"), t0);
    raw.pipeInput(
        "a9",
        SeedArticle.article("a9", "https://nine.example/a", "Nine"),
        t0.plus(Duration.ofDays(8)));

    // Then the late one is not linked to an article Herald no longer remembers
    assertThat(enriched.readValuesToList())
        .extracting(EnrichedArticle::getDuplicateOf)
        .containsExactly(null, null);
  }

  @Test
  void shouldNeverMergeShortTeasersEvenWhenIdentical() {
    // Given two different items whose bodies are the same one-line teaser
    RawArticle teaser =
        RawArticle.newBuilder(SeedArticle.article("t1", "https://x.example/t1", "X"))
            .setTitle("Live updates")
            .setText("Developing story, more soon.")
            .build();
    raw.pipeInput("t1", teaser, Instant.parse("2017-11-14T06:00:00Z"));
    raw.pipeInput(
        "t2",
        RawArticle.newBuilder(teaser).setId("t2").setUrl("https://x.example/t2").build(),
        Instant.parse("2017-11-14T06:05:00Z"));

    // Then both are kept as canonical: too little text to call them the same story
    assertThat(enriched.readValuesToList())
        .extracting(EnrichedArticle::getDuplicateOf)
        .containsExactly(null, null);
  }

  @Test
  void shouldKeepEmptyOneWordBoilerplateOnlyAndHugeArticlesWithoutMergingOrFailing() {
    // Given pairs of different articles whose bodies are empty, one word, or only the same
    // boilerplate, and a huge body (80 copies of the seed text, past the 200 000 characters read)
    RawArticle seed = SeedArticle.article("s0", "https://x.example/s0", "X");
    String boilerplate =
        "By Anna Weber\n\nSubscribe to our newsletter\n\n(c) 2017 Reuters. All rights reserved.";
    List<RawArticle> articles = new ArrayList<>();
    String[][] bodies = {{"e1", ""}, {"e2", ""}, {"w1", "Breaking"}, {"w2", "Breaking"}};
    for (String[] b : bodies) {
      articles.add(bad(seed, b[0], "Title of " + b[0], b[1]));
    }
    articles.add(bad(seed, "b1", "Markets close higher", boilerplate));
    articles.add(bad(seed, "b2", "Storm hits the coast", boilerplate));
    articles.add(bad(seed, "h1", "A very long article", SeedArticle.text().repeat(80)));

    // When they arrive a minute apart
    Instant t0 = Instant.parse("2017-11-14T06:00:00Z");
    for (int i = 0; i < articles.size(); i++) {
      raw.pipeInput(articles.get(i).getId(), articles.get(i), t0.plus(Duration.ofMinutes(i)));
    }

    // Then every one goes out as its own canonical, and nothing is dead-lettered
    List<EnrichedArticle> out = enriched.readValuesToList();
    assertThat(out)
        .extracting(e -> e.getArticle().getId())
        .containsExactly("e1", "e2", "w1", "w2", "b1", "b2", "h1");
    assertThat(out).allSatisfy(e -> assertThat(e.getDuplicateOf()).isNull());
    assertThat(deadLetters.readValuesToList()).isEmpty();
  }

  private static RawArticle bad(RawArticle seed, String id, String title, String text) {
    return RawArticle.newBuilder(seed)
        .setId(id)
        .setUrl("https://x.example/" + id)
        .setCanonicalUrl("https://x.example/" + id)
        .setTitle(title)
        .setText(text)
        .build();
  }

  /** The application's fingerprint topic, which feeds its global index. */
  private TestOutputTopic<String, DedupeEntry> fingerprintTopic() {
    return driver.createOutputTopic(
        Topics.dedupeFingerprints(EnrichConfig.DEFAULT_APPLICATION_ID).name(),
        Serdes.String().deserializer(),
        HeraldSerdes.avro(DedupeEntry.class).deserializer());
  }

  /** The driver's live dedupe index. */
  private LiveIndex liveIndex() {
    return ((LiveIndexStore) driver.getStateStore(EnrichTopology.INDEX_STORE)).index();
  }

  @Test
  void shouldFileEachDecidedArticleInTheLiveIndexAndSendItsEntryToTheFingerprintTopic() {
    // Given the fingerprint topic the topology writes and its live index
    TestOutputTopic<String, DedupeEntry> fingerprints = fingerprintTopic();

    // When the seed and a copy of it arrive
    Instant t0 = Instant.parse("2017-11-14T06:00:00Z");
    raw.pipeInput("a1", SeedArticle.article("a1", "https://one.example/a", "One"), t0);
    raw.pipeInput(
        "w7", syndicatedCopy("w7", "https://wire.example/w7", "Wire"), t0.plusSeconds(60));

    // Then each went out as one small record, stamped with its arrival (the copy naming its
    // canonical) and the raw record it was decided from, and the index holds both
    List<TestRecord<String, DedupeEntry>> written = fingerprints.readRecordsToList();
    assertThat(written).extracting(TestRecord::key).containsExactly("a1", "w7");
    assertThat(written)
        .extracting(TestRecord::getRecordTime)
        .containsExactly(t0, t0.plusSeconds(60));
    assertThat(written)
        .extracting(r -> r.value().getCanonicalId().toString())
        .containsExactly("", "a1");
    assertThat(written)
        .extracting(r -> r.headers().lastHeader(StampForRetention.SOURCE_HEADER).value().length)
        .containsExactly(12, 12);
    assertThat(liveIndex().get("a1").canonical()).isEqualTo("a1");
    assertThat(liveIndex().get("w7").canonical()).isEqualTo("a1");
    assertThat(liveIndex().get("w7").arrival()).isEqualTo(t0.plusSeconds(60).toEpochMilli());
  }

  @Test
  void shouldLinkACopyToAnArticleAnotherInstanceDecided() {
    // Given another instance's entry for the seed on the fingerprint topic (this instance never
    // saw the article itself)
    Instant t0 = Instant.parse("2017-11-14T06:00:00Z");
    NearDupFingerprinter fingerprinter = new NearDupFingerprinter();
    RawArticle seed = SeedArticle.article("b1", "https://other.example/b", "Other");
    DedupeEntry entry =
        DedupeEntry.newBuilder()
            .setFingerprint(
                ByteBuffer.wrap(
                    fingerprinter.fingerprint(seed.getTitle(), seed.getText()).toBytes()))
            .setCanonicalId("")
            .setCanonicalReceivedAt(t0)
            .build();
    TestInputTopic<String, DedupeEntry> others =
        driver.createInputTopic(
            Topics.dedupeFingerprints(EnrichConfig.DEFAULT_APPLICATION_ID).name(),
            Serdes.String().serializer(),
            HeraldSerdes.avro(DedupeEntry.class).serializer());
    others.pipeInput(
        new TestRecord<>(
            "b1",
            entry,
            new RecordHeaders()
                .add(
                    StampForRetention.ARRIVAL_HEADER,
                    ByteBuffer.allocate(8).putLong(0, t0.toEpochMilli()).array()),
            t0));

    // When a syndicated copy of it reaches this instance
    raw.pipeInput(
        "w7", syndicatedCopy("w7", "https://wire.example/w7", "Wire"), t0.plusSeconds(60));

    // Then the global thread filed the entry and the copy is linked to it
    assertThat(liveIndex().get("b1").arrival()).isEqualTo(t0.toEpochMilli());
    EnrichedArticle copy = enriched.readValue();
    assertThat(copy.getArticle().getId()).isEqualTo("w7");
    assertThat(copy.getDuplicateOf()).isEqualTo("b1");
  }

  @Test
  void shouldStampFingerprintRecordsOfABackfillWithTheWriteTimeAndFileThemByArrival() {
    // Given the fingerprint topic and an article published (and stamped) 30 days before now, as
    // `herald replay` stamps a backfill
    TestOutputTopic<String, DedupeEntry> fingerprints = fingerprintTopic();
    Instant now = Instant.parse("2017-11-14T06:00:00Z"); // the driver's wall clock
    Instant published = now.minus(Duration.ofDays(30));

    // When it is enriched
    raw.pipeInput("old1", SeedArticle.article("old1", "https://one.example/old", "One"), published);

    // Then its fingerprint record is stamped with the write time, so the broker's retention
    // counts from now, and carries the arrival, under which the index files it
    TestRecord<String, DedupeEntry> written = fingerprints.readRecord();
    assertThat(written.getRecordTime()).isEqualTo(now);
    Header arrival = written.headers().lastHeader(StampForRetention.ARRIVAL_HEADER);
    assertThat(ByteBuffer.wrap(arrival.value()).getLong()).isEqualTo(published.toEpochMilli());
    assertThat(liveIndex().get("old1").arrival()).isEqualTo(published.toEpochMilli());
    // and the enriched article itself gets no such header
    assertThat(enriched.readRecord().headers().lastHeader(StampForRetention.ARRIVAL_HEADER))
        .isNull();
  }

  @Test
  void shouldLinkACopyStampedBeforeItsCanonicalWhenItIsDecidedAfterIt() {
    // Given a copy stamped before the seed that reaches Herald after it (a lagging partition)
    Instant t0 = Instant.parse("2017-11-14T06:00:00Z");
    raw.pipeInput("a1", SeedArticle.article("a1", "https://one.example/a", "One"), t0);
    raw.pipeInput(
        "w7",
        syndicatedCopy("w7", "https://wire.example/w7", "Wire"),
        t0.minus(Duration.ofMinutes(5)));

    // Then the index's order counts, as in DedupeIndex.offer: the copy joins the seed
    assertThat(enriched.readValuesToList())
        .extracting(e -> e.getArticle().getId() + "->" + e.getDuplicateOf())
        .containsExactly("a1->null", "w7->a1");
  }

  /** The seed as a wire copy: byline, dateline, new headline, last paragraph cut in half. */
  private static RawArticle syndicatedCopy(String id, String url, String source) {
    List<String> paragraphs = new ArrayList<>(List.of(SeedArticle.text().split("\n\n")));
    String last = paragraphs.remove(paragraphs.size() - 1);
    paragraphs.add(last.substring(0, last.indexOf('.') + 1));
    paragraphs.set(0, "MOSCOW, Nov 14 (Wire) - " + paragraphs.get(0));
    paragraphs.add(0, "By Elena Rossi, Staff Correspondent");
    return RawArticle.newBuilder(SeedArticle.article(id, url, source))
        .setTitle("Lavrov: Sochi congress will give new impetus to Geneva talks")
        .setText(String.join("\n\n", paragraphs))
        .setPublishedAt(Instant.parse("2017-11-14T01:10:00Z"))
        .build();
  }

  /** A weekly fuel price notice: the same template every week, other figures and days. */
  private static RawArticle notice(
      String id,
      String petrol,
      String cents,
      String diesel,
      String crude,
      String heating,
      String reviewDay,
      String startDay) {
    String text =
        String.join(
            "\n\n",
            "The national energy regulator set the retail price of petrol at "
                + petrol
                + " euros a litre for the week starting "
                + startDay
                + ", up "
                + cents
                + " cents from the previous week. Diesel will cost "
                + diesel
                + " euros a litre.",
            "The regulator said crude oil prices rose "
                + crude
                + " percent over the past seven days while the euro weakened against the dollar"
                + " on currency markets, making imports of refined products more expensive for"
                + " wholesalers and filling station operators across the country.",
            "Heating oil for households will be sold at "
                + heating
                + " euros a litre. Consumer groups repeated their call for the government to cut"
                + " the fuel duty before the winter, saying that families on low incomes spend a"
                + " growing share of their budget on energy.",
            "The next price review is due on "
                + reviewDay
                + ", the regulator said in a statement. Prices are reviewed every week under a"
                + " formula agreed with importers and the finance ministry several years ago.");
    return RawArticle.newBuilder(SeedArticle.article(id, "https://energy.example/" + id, "Energy"))
        .setTitle("Regulator sets weekly fuel prices")
        .setText(text)
        .build();
  }

  /** The canonical's cluster as the live index lists it (the copies' fingerprint entries). */
  private DedupeCluster cluster(String canonicalId) {
    return ((LiveIndexStore) driver.getStateStore(EnrichTopology.INDEX_STORE))
        .index()
        .cluster(canonicalId, EnrichTopology.MAX_COPIES_LISTED);
  }

  @Test
  void shouldMatchTheGoldenTopologyDescription() throws Exception {
    // Given the checked-in description of the wiring
    Path golden = Path.of("src/test/resources/topology.txt");
    String actual = topology(stateDir).describe().toString();
    if (Boolean.getBoolean("herald.golden.update")) {
      Files.writeString(golden, actual);
    }

    // Then the topology has not changed without the golden file changing with it
    assertThat(actual)
        .as("topology changed: review it, then run with -Dherald.golden.update=true")
        .isEqualTo(Files.readString(golden));
    assertThat(Map.of("stores", actual))
        .extractingByKey("stores")
        .asString()
        .contains(EnrichTopology.INDEX_STORE, EnrichTopology.TIMELINE_STORE);
    for (String repartition : EnrichTopology.REPARTITIONS) {
      assertThat(actual).contains("topic: " + repartition + "-repartition)");
    }
  }
}
