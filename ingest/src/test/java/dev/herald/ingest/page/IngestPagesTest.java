package dev.herald.ingest.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.avro.RawArticle;
import dev.herald.avro.TextSource;
import dev.herald.ingest.IngestConfig;
import dev.herald.ingest.IngestService;
import dev.herald.ingest.PollSummary;
import dev.herald.ingest.feeds.FeedRef;
import dev.herald.ingest.feeds.FeedStateStore;
import dev.herald.ingest.feeds.ShardedFeedSource;
import dev.herald.ingest.testutil.LocalHttpServer;
import dev.herald.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The page stage inside the ingest service, with Kafka's MockProducer: what reaches the topic. */
class IngestPagesTest {

  private final LocalHttpServer server = new LocalHttpServer();
  private final MockProducer<byte[], byte[]> producer =
      new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
  private final Deserializer<RawArticle> articles = Topics.ARTICLES_RAW.valueSerde().deserializer();

  @AfterEach
  void stop() {
    server.close();
  }

  /** A fixed share, ready at once: the feeds are new. */
  private record Share(List<FeedRef> feeds) implements ShardedFeedSource {
    @Override
    public void bind(FeedStateStore store) {}

    @Override
    public boolean ready() {
      return true;
    }

    @Override
    public void close() {}
  }

  private List<RawArticle> published() {
    return producer.history().stream()
        .filter(r -> r.topic().equals(Topics.ARTICLES_RAW.name()))
        .map(r -> articles.deserialize(r.topic(), r.value()))
        .sorted(Comparator.comparing(RawArticle::getId))
        .toList();
  }

  @Test
  void shouldPublishATeaserWithItsPageTextAndALongItemWithItsFeedText() {
    // Given a feed with a one-line teaser and a long item, both linking to pages on this server
    String longText = (PagePages.PARAGRAPH_2 + " ").repeat(6);
    server.handle(
        "/feed",
        ex -> {
          String rss =
              "<rss version=\"2.0\"><channel><title>T</title>"
                  + "<item><title>Teaser</title><link>"
                  + server.url("/news/teaser")
                  + "</link><description>Congress postponed.</description></item>"
                  + "<item><title>Long</title><link>"
                  + server.url("/news/long")
                  + "</link><description>"
                  + longText
                  + "</description></item></channel></rss>";
          LocalHttpServer.respond(ex, 200, rss.getBytes(StandardCharsets.UTF_8));
        });
    server.handle(
        "/news/teaser",
        ex -> {
          ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          LocalHttpServer.respond(ex, 200, PagePages.articleBytes(server.url("/canonical")));
        });
    IngestConfig config =
        IngestConfig.of("unused:9092", null, Duration.ofHours(1), Map.of())
            .withPages(PageFetchSettings.defaults().withHostLimits(1, Duration.ZERO));
    PollSummary summary;

    // When
    try (IngestService service =
        new IngestService(
            config,
            new Share(List.of(FeedRef.of(server.url("/feed")))),
            Clock.systemUTC(),
            producer)) {
      summary = service.pollAllOnce();
    }

    // Then both are on the topic once, the teaser with its page's text
    assertThat(summary.articlesPublished()).isEqualTo(2);
    List<RawArticle> out = published();
    assertThat(out).hasSize(2);
    RawArticle teaser =
        out.stream().filter(a -> a.getTitle().equals("Teaser")).findFirst().orElseThrow();
    RawArticle full =
        out.stream().filter(a -> a.getTitle().equals("Long")).findFirst().orElseThrow();
    assertThat(teaser.getTextSource()).isEqualTo(TextSource.PAGE);
    assertThat(teaser.getText()).contains(PagePages.PARAGRAPH_3);
    assertThat(teaser.getCanonicalUrl()).isEqualTo(server.url("/canonical"));
    assertThat(full.getTextSource()).isEqualTo(TextSource.FEED);
    assertThat(full.getPageUrl()).isNull();
    assertThat(full.getPageError()).isNull();
    assertThat(server.requests())
        .as("the feed and the teaser's page (the server records no robots.txt 404)")
        .hasSize(2);
  }

  @Test
  void shouldKeepTheSampleFeedsRelativeLinkWithItsFeedText() {
    // Given the bundled sample feed (a file, its item link relative) and a short-text threshold
    // above its item's length, so the item asks for its page
    Path sample = Path.of("..", "samples", "feeds", "sochi-congress.rss").toAbsolutePath();
    IngestConfig config =
        IngestConfig.of("unused:9092", null, Duration.ofHours(1), Map.of())
            .withPages(PageFetchSettings.defaults().withMinFeedChars(1_000_000));

    // When
    try (IngestService service =
        new IngestService(
            config,
            new Share(List.of(FeedRef.of(sample.toUri().toString()))),
            Clock.systemUTC(),
            producer)) {
      service.pollAllOnce();
    }

    // Then
    List<RawArticle> out = published();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).getTextSource()).isEqualTo(TextSource.FEED);
    assertThat(out.get(0).getText()).contains("Sochi in December");
    assertThat(out.get(0).getPageError()).startsWith("UNSUPPORTED_SCHEME: scheme 'file'");
  }

  @Test
  void shouldRefuseAUserAgentWithoutAContactWhilePagesAreFetched() {
    // Given
    IngestConfig config =
        IngestConfig.of("unused:9092", null, Duration.ofHours(1), Map.of()).withUserAgent("bot");

    // Then
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> config.withPages(PageFetchSettings.defaults()))
        .withMessageContaining("must name a contact");
    assertThat(config.withPages(PageFetchSettings.disabled()).pages().enabled()).isFalse();
  }
}
