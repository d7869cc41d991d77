package dev.herald.schemas;

import dev.herald.avro.DeadLetter;
import dev.herald.avro.DedupeEntry;
import dev.herald.avro.EnrichedArticle;
import dev.herald.avro.EventTimeline;
import dev.herald.avro.FeedState;
import dev.herald.avro.FeedSubscription;
import dev.herald.avro.RawArticle;
import dev.herald.avro.ScheduleChangeAlert;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** Herald's topic catalogue: every topic name lives here and nowhere else. */
public final class Topics {

  /** Partitions of the feed registry; also of the feed state, which must be co-partitioned. */
  private static final int FEED_PARTITIONS = 6;

  private static final int ARTICLE_PARTITIONS = 6;

  public static final TopicDescriptor<String, FeedSubscription> FEEDS =
      new TopicDescriptor<>(
          "herald.feeds",
          String.class,
          FeedSubscription.class,
          true,
          FEED_PARTITIONS,
          "Feed registry. Key: feed URL. A tombstone unsubscribes. Its partitions shard feeds"
              + " across ingest instances.");

  public static final TopicDescriptor<String, FeedState> FEED_STATE =
      new TopicDescriptor<>(
          "herald.feed-state",
          String.class,
          FeedState.class,
          true,
          FEED_PARTITIONS,
          "Polling state per feed (validators, next poll, errors). Key: feed URL. Same partition"
              + " count as herald.feeds so a feed and its state land on the same instance.");

  public static final TopicDescriptor<String, RawArticle> ARTICLES_RAW =
      new TopicDescriptor<>(
          "herald.articles.raw",
          String.class,
          RawArticle.class,
          false,
          ARTICLE_PARTITIONS,
          "Feed items as ingested. Key: article id.");

  public static final TopicDescriptor<String, EnrichedArticle> ARTICLES_ENRICHED =
      new TopicDescriptor<>(
          "herald.articles.enriched",
          String.class,
          EnrichedArticle.class,
          false,
          ARTICLE_PARTITIONS,
          "Deduplicated, tagged articles. Key: article id.");

  public static final TopicDescriptor<String, EventTimeline> EVENTS =
      new TopicDescriptor<>(
          "herald.events",
          String.class,
          EventTimeline.class,
          true,
          ARTICLE_PARTITIONS,
          "Every known schedule claim of an event. Key: event id.");

  public static final TopicDescriptor<String, ScheduleChangeAlert> ALERTS =
      new TopicDescriptor<>(
          "herald.alerts",
          String.class,
          ScheduleChangeAlert.class,
          true,
          3,
          "Schedule-change alerts, Herald's public contract. Key: alert id; the latest version"
              + " of an alert wins.");

  public static final TopicDescriptor<String, DeadLetter> DLQ =
      new TopicDescriptor<>(
          "herald.dlq",
          String.class,
          DeadLetter.class,
          false,
          1,
          "Input Herald could not process, with stage, cause and raw bytes. Key: source key.");

  public static final TopicDescriptor<String, String> SCHEMAS =
      new TopicDescriptor<>(
          "herald.schemas",
          String.class,
          String.class,
          true,
          1,
          "Every Avro schema version Herald writes. Key: CRC-64-AVRO fingerprint (16 hex chars,"
              + " wire byte order); value: schema JSON.");

  /** Suffix of an enrich application's fingerprint topic; see {@link #dedupeFingerprints}. */
  public static final String DEDUPE_FINGERPRINTS_SUFFIX = "-dedupe-fingerprints";

  /**
   * The near-duplicate fingerprints of one enrich application ({@code <application id>}{@value
   * #DEDUPE_FINGERPRINTS_SUFFIX}, {@code herald-enrich-dedupe-fingerprints} by default): one small
   * record per decided article that feeds every instance's global dedupe index (ADR 6, Topology).
   * Named after the application like Kafka Streams' own internal topics, because it is the log of
   * that application's state: two applications on one cluster (benchmark rounds, a reference run)
   * must not read each other's decisions. Not in {@link #all()}: the enrich service creates it with
   * time retention (cleanup delete) a day over the dedupe retention.
   */
  public static TopicDescriptor<String, DedupeEntry> dedupeFingerprints(String applicationId) {
    return new TopicDescriptor<>(
        applicationId + DEDUPE_FINGERPRINTS_SUFFIX,
        String.class,
        DedupeEntry.class,
        false,
        ARTICLE_PARTITIONS,
        "Dedupe decisions of the enrich application: fingerprint, canonical id, canonical arrival."
            + " Key: article id; timestamp: when it was written; header herald.arrival: the"
            + " article's arrival (8 bytes, millis).");
  }

  private static final List<TopicDescriptor<?, ?>> ALL =
      List.of(FEEDS, FEED_STATE, ARTICLES_RAW, ARTICLES_ENRICHED, EVENTS, ALERTS, DLQ, SCHEMAS);

  private Topics() {}

  /** Every topic, in data-flow order. */
  public static List<TopicDescriptor<?, ?>> all() {
    return ALL;
  }

  /**
   * The admin request creating a topic; compacted topics get {@code cleanup.policy=compact}. Keep
   * {@link #FEEDS} and {@link #FEED_STATE} at the same partition count.
   */
  public static NewTopic newTopic(TopicDescriptor<?, ?> t, int partitions, short replication) {
    NewTopic topic = new NewTopic(t.name(), partitions, replication);
    if (t.compacted()) {
      topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }
    return topic;
  }

  /** The admin request with the catalogue's default partition count. */
  public static NewTopic newTopic(TopicDescriptor<?, ?> t, short replication) {
    return newTopic(t, t.partitions(), replication);
  }
}
