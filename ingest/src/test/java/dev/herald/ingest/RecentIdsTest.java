package dev.herald.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.avro.FeedState;
import dev.herald.ingest.article.ArticleIds;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentIdsTest {

  @Test
  void shouldPackHeraldIdsAndGiveThemBackUnchanged() {
    // Given ids as Herald makes them, one with leading zeros
    List<String> ids =
        List.of(
            ArticleIds.fromCanonicalUrl("https://a.example/1"),
            "00000000000000000000000000000001",
            "ffffffffffffffff0000000000000000");
    FeedState state = FeedState.newBuilder().setUrl("u").setRecentItemIds(ids).build();

    // When
    RecentIds.Packed packed = RecentIds.pack(state);

    // Then
    assertThat(packed.state().getRecentItemIds()).isEmpty();
    assertThat(packed.ids()).hasSize(6);
    assertThat(packed.unpack()).isEqualTo(state);
  }

  @Test
  void shouldKeepIdsOfAnotherFormAsTheyAre() {
    // Given
    FeedState state =
        FeedState.newBuilder().setUrl("u").setRecentItemIds(List.of("gazette-1003")).build();

    // When
    RecentIds.Packed packed = RecentIds.pack(state);

    // Then
    assertThat(packed.ids()).isNull();
    assertThat(packed.unpack()).isSameAs(state);
  }
}
