package dev.herald.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageClassificationTest {

  private final ArticleExtractor extractor = ArticleExtractor.standard();

  @Test
  void shouldClassifyANotFoundPageAsAnErrorPage() {
    // Given
    byte[] page = Fixtures.bytes("not-found.html");

    // When
    Extraction x = extractor.extract(page, null, null);

    // Then
    assertThat(x.ok()).isFalse();
    assertThat(x.errorKind()).isEqualTo(ErrorKind.ERROR_PAGE);
    assertThat(x.error()).startsWith("ERROR_PAGE: ");
    assertThat(x.body()).isNull();
  }

  @Test
  void shouldClassifyACookieConsentWallAndNotTakeItsTextAsTheArticle() {
    // Given a consent page whose only text is the consent notice
    byte[] page = Fixtures.bytes("consent-wall.html");

    // When
    Extraction x = extractor.extract(page, null, null);

    // Then
    assertThat(x.ok()).isFalse();
    assertThat(x.errorKind()).isEqualTo(ErrorKind.CONSENT_WALL);
    assertThat(x.body()).isNull();
  }

  @Test
  void shouldClassifyASubscriptionWallWithATeaserAsAPaywall() {
    // Given
    byte[] page = Fixtures.bytes("paywall.html");

    // When
    Extraction x = extractor.extract(page, null, null);

    // Then the metadata is kept, the teaser is not returned as the article
    assertThat(x.errorKind()).isEqualTo(ErrorKind.PAYWALL);
    assertThat(x.title()).isEqualTo("Council budget talks collapse");
    assertThat(x.body()).isNull();
  }

  @Test
  void shouldKeepAnArticleThatMentionsCookiesAndSubscriptions() {
    // Given a real article about a cookie law, on a page with a subscription footer
    String html =
        "<html><head><title>New cookie law takes effect</title></head><body><article>"
            + "<h1>New cookie law takes effect</h1>"
            + "<p>From Monday, websites must ask for your consent before they store cookies, and"
            + " the regulator says it will check that an accept all button is matched by a reject"
            + " all button of the same size.</p>"
            + "<p>Publishers warned that some readers already see the banners as a nuisance and"
            + " that advertising revenue could fall when fewer people agree to tracking.</p>"
            + "<p>The regulator said that it would publish guidance on the new rules next week and"
            + " that fines would only follow repeated warnings.</p></article>"
            + "<footer><p>Already a subscriber? Log in. Subscribe now.</p></footer></body></html>";

    // When
    Extraction x = extractor.extract(html.getBytes(StandardCharsets.UTF_8), null, null);

    // Then
    assertThat(x.ok()).isTrue();
    assertThat(x.body()).startsWith("From Monday, websites must ask for your consent");
  }

  @Test
  void shouldDropAConsentNoticeInsideTheArticleAndKeepTheArticle() {
    // Given a cookie notice without any telling class, inside the article container
    String html =
        "<html><body><article><h1>Harbour bridge stays closed until March</h1>"
            + ArticleExtractorTest.paragraphs(3)
            + "<p>We use cookies to improve your experience. Accept all or manage preferences.</p>"
            + "</article></body></html>";

    // When
    Extraction x = extractor.extract(html.getBytes(StandardCharsets.UTF_8), null, null);

    // Then
    assertThat(x.ok()).isTrue();
    assertThat(x.body().split("\n\n")).hasSize(3);
    assertThat(x.body()).doesNotContain("cookies");
  }

  @Test
  void shouldClassifyAPageWithoutArticleTextAsNoArticle() {
    // Given an index page: menus and link lists only
    StringBuilder html = new StringBuilder("<html><body><nav>");
    for (int i = 0; i < 30; i++) {
      html.append("<a href=\"/s").append(i).append("\">Section ").append(i).append("</a> ");
    }
    html.append("</nav><ul>");
    for (int i = 0; i < 20; i++) {
      html.append("<li><a href=\"/a").append(i).append("\">Headline number ").append(i);
      html.append(" about the council and the budget</a></li>");
    }
    html.append("</ul></body></html>");

    // When
    Extraction x = extractor.extract(html.toString().getBytes(StandardCharsets.UTF_8), null, null);

    // Then
    assertThat(x.errorKind()).isEqualTo(ErrorKind.NO_ARTICLE);
  }

  @Test
  void shouldNotTakeANewsHeadlineWithNotFoundForAnErrorPage() {
    // Given
    String html =
        "<html><head><title>Missing hiker not found after three days</title></head><body>"
            + "<article><h1>Missing hiker not found after three days</h1>"
            + ArticleExtractorTest.paragraphs(2)
            + "</article></body></html>";

    // When
    Extraction x = extractor.extract(html.getBytes(StandardCharsets.UTF_8), null, null);

    // Then
    assertThat(x.ok()).isTrue();
  }
}
