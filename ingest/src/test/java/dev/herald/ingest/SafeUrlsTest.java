package dev.herald.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeUrlsTest {

  @Test
  void shouldDropUserInfoAndMaskSecretParameters() {
    // Given
    String url = "https://alice:s3cret@feeds.example/rss?token=abc&page=2&API_KEY=k1#x";

    // When
    String safe = SafeUrls.redact(url);

    // Then
    assertThat(safe).isEqualTo("https://feeds.example/rss?token=***&page=2&API_KEY=***#x");
  }

  @Test
  void shouldLeaveOrdinaryUrlsAndGarbageAlone() {
    // Given / When / Then
    assertThat(SafeUrls.redact("http://a.example/x?q=1")).isEqualTo("http://a.example/x?q=1");
    assertThat(SafeUrls.redact("not a url")).isEqualTo("not a url");
    assertThat(SafeUrls.redact(null)).isEqualTo("null");
  }
}
