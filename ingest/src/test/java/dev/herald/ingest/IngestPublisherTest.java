package dev.herald.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.avro.FeedState;
import dev.herald.avro.RawArticle;
import dev.herald.ingest.poll.PollResult;
import dev.herald.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

/** What the publisher writes: articles first, then the feed state that remembers them. */
class IngestPublisherTest {

  private static final String FEED = "https://news.example/feed";

  private final MockProducer<byte[], byte[]> producer =
      new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
  private final Deserializer<FeedState> states = Topics.FEED_STATE.valueSerde().deserializer();

  private static RawArticle article(String id) {
    return RawArticle.newBuilder()
        .setId(id)
        .setFeedUrl(FEED)
        .setText("Congress postponed.")
        .setFetchedAt(Instant.parse("2017-11-14T10:00:00Z"))
        .build();
  }

  private static PollResult fetched(FeedState state, RawArticle... published) {
    return new PollResult(
        FEED, PollResult.Outcome.FETCHED, state, List.of(published), null, (Duration) null);
  }

  private FeedState stateSent() {
    return producer.history().stream()
        .filter(r -> r.topic().equals(Topics.FEED_STATE.name()))
        .map(r -> states.deserialize(r.topic(), r.value()))
        .reduce((first, second) -> second)
        .orElseThrow();
  }

  @Test
  void shouldLeaveArticlesWaitingForTheirPageOutOfTheDurableFeedState() throws Exception {
    // Given a poll that found two articles; "teaser" was taken over by the page stage and is not
    // published yet
    FeedState polled =
        FeedState.newBuilder()
            .setUrl(FEED)
            .setEtag("\"v1\"")
            .setLastModified("Tue, 14 Nov 2017 10:00:00 GMT")
            .setContentHash("abc")
            .setRecentItemIds(List.of("long", "teaser"))
            .build();
    PollResult result = fetched(polled, article("long"));

    // When
    IngestPublisher.Published published =
        new IngestPublisher(producer).publish(result, Set.of("teaser"));

    // Then the state on Kafka forgets the teaser and the validators, so that after a crash the
    // next poll parses the feed and offers the teaser again; the state kept in memory still knows
    // it, so a poll in the same process does not take it over twice
    FeedState durable = stateSent();
    assertThat(durable.getRecentItemIds()).containsExactly("long");
    assertThat(durable.getEtag()).isNull();
    assertThat(durable.getLastModified()).isNull();
    assertThat(durable.getContentHash()).isNull();
    assertThat(published.state().getRecentItemIds()).containsExactly("long", "teaser");
    assertThat(published.articles()).isEqualTo(1);
  }

  @Test
  void shouldKeepTheValidatorsWhenNothingWaits() throws Exception {
    // Given
    FeedState polled =
        FeedState.newBuilder()
            .setUrl(FEED)
            .setEtag("\"v1\"")
            .setRecentItemIds(List.of("long"))
            .build();
    PollResult result = fetched(polled, article("long"));

    // When
    new IngestPublisher(producer).publish(result, Set.of());

    // Then
    assertThat(stateSent().getEtag()).isEqualTo("\"v1\"");
    assertThat(stateSent().getRecentItemIds()).containsExactly("long");
  }
}
