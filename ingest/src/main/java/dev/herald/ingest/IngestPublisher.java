package dev.herald.ingest;

import dev.herald.avro.FeedState;
import dev.herald.avro.RawArticle;
import dev.herald.ingest.poll.FeedPoller;
import dev.herald.ingest.poll.PollResult;
import dev.herald.schemas.Topics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes one poll: its new articles first, acknowledged, then the feed state. An article the
 * broker did not take is dropped from the state's recent ids, so the next poll offers it again: the
 * state never claims an article that is not on the topic.
 */
final class IngestPublisher {

  private static final Logger LOG = LoggerFactory.getLogger(IngestPublisher.class);

  private final Producer<byte[], byte[]> producer;
  private final Serializer<String> articleKeys = Topics.ARTICLES_RAW.keySerde().serializer();
  private final Serializer<RawArticle> articles = Topics.ARTICLES_RAW.valueSerde().serializer();
  private final Serializer<String> stateKeys = Topics.FEED_STATE.keySerde().serializer();
  private final Serializer<FeedState> states = Topics.FEED_STATE.valueSerde().serializer();

  IngestPublisher(Producer<byte[], byte[]> producer) {
    this.producer = producer;
  }

  /**
   * What was published: acknowledged articles, and the state to keep in memory (the state sent to
   * Kafka also leaves out the articles still waiting for their page).
   */
  record Published(int articles, int articlesFailed, FeedState state) {}

  Published publish(PollResult result) throws InterruptedException {
    return publish(result, Set.of());
  }

  /**
   * Publishes the poll's articles, then the feed state. Ids in {@code awaitingPage} are published
   * later by the page stage; the durable state forgets them (like unacknowledged ones) so that a
   * crash in between re-offers them on the next poll rather than losing them.
   */
  Published publish(PollResult result, Set<String> awaitingPage) throws InterruptedException {
    String articleTopic = Topics.ARTICLES_RAW.name();
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (RawArticle a : result.articles()) {
      sent.add(
          producer.send(
              new ProducerRecord<>(
                  articleTopic,
                  articleKeys.serialize(articleTopic, a.getId()),
                  articles.serialize(articleTopic, a))));
    }
    Set<String> failed = new HashSet<>();
    for (int i = 0; i < sent.size(); i++) {
      try {
        sent.get(i).get();
      } catch (ExecutionException e) {
        String id = result.articles().get(i).getId();
        failed.add(id);
        LOG.warn(
            "Feed {}: article {} not published: {}",
            SafeUrls.redact(result.feedUrl()),
            id,
            String.valueOf(e.getCause()));
      }
    }
    FeedState state = FeedPoller.forget(result.state(), failed);
    FeedState durable = FeedPoller.forget(state, awaitingPage);
    String stateTopic = Topics.FEED_STATE.name();
    try {
      producer
          .send(
              new ProducerRecord<>(
                  stateTopic,
                  stateKeys.serialize(stateTopic, result.feedUrl()),
                  states.serialize(stateTopic, durable)))
          .get();
    } catch (ExecutionException e) {
      LOG.warn(
          "Feed {}: state not published: {}",
          SafeUrls.redact(result.feedUrl()),
          String.valueOf(e.getCause()));
    }
    return new Published(sent.size() - failed.size(), failed.size(), state);
  }
}
