package dev.herald.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ArticleExtractorTest {

  private final ArticleExtractor extractor = ArticleExtractor.standard();

  @Test
  void shouldKeepTheArticleParagraphsInOrderSeparatedByBlankLines() {
    // Given a news page with a cookie banner, menus, share bar, caption, related list,
    // newsletter box, pagination, comments, sidebar and footer
    byte[] page = Fixtures.bytes("article-with-furniture.html");

    // When
    Extraction x = extractor.extract(page, null, "https://courier.example/news/x");

    // Then only the five article paragraphs remain
    assertThat(x.ok()).isTrue();
    assertThat(x.body().split("\n\n"))
        .hasSize(5)
        .satisfies(p -> assertThat(p[0]).startsWith("The reopening of the harbour bridge"))
        .satisfies(p -> assertThat(p[4]).startsWith("The department said it would publish"));
  }

  @Test
  void shouldDropCaptionsRelatedListsCookieBannerNewsletterPaginationAndComments() {
    // Given
    byte[] page = Fixtures.bytes("article-with-furniture.html");

    // When
    String body = extractor.extract(page, null, null).body();

    // Then
    assertThat(body)
        .doesNotContain("Photo: Jane Doe") // caption
        .doesNotContain("Ferry timetable extended") // related list
        .doesNotContain("We use cookies") // cookie banner
        .doesNotContain("Sign up for our newsletter") // newsletter box
        .doesNotContain("Next page") // pagination
        .doesNotContain("third delay this year") // comments
        .doesNotContain("Storm warning") // sidebar
        .doesNotContain("All rights reserved") // footer
        .doesNotContain("Share on Facebook") // share bar
        .doesNotContain("By Alice Marsh"); // byline
  }

  @Test
  void shouldReadTitleDateAuthorsLanguageCanonicalUrlAndSiteFromTheMarkup() {
    // Given a page with JSON-LD in an @graph, Open Graph tags, html lang and a relative canonical
    byte[] page = Fixtures.bytes("article-with-furniture.html");

    // When
    Extraction x = extractor.extract(page, null, "https://courier.example/news/x");

    // Then
    assertThat(x.title()).isEqualTo("Harbour bridge reopening postponed until March");
    assertThat(x.published()).isEqualTo(OffsetDateTime.parse("2024-01-15T08:30:00+01:00"));
    assertThat(x.authors()).containsExactly("Alice Marsh", "Tom Reyes");
    assertThat(x.lang()).isEqualTo("en");
    assertThat(x.canonicalUrl())
        .isEqualTo("https://courier.example/news/2024/harbour-bridge-reopening-postponed");
    assertThat(x.siteName()).isEqualTo("The Riverside Courier");
  }

  @Test
  void shouldTakeThePublicationTimeFromMetaTagsWithoutJsonLd() {
    // Given
    String html =
        "<html><head><meta property=\"article:published_time\" content=\"2019-11-18T23:04:24-05:00\">"
            + "<meta name=\"author\" content=\"By Jane Smith\"></head><body><article>"
            + paragraphs(4)
            + "</article></body></html>";

    // When
    Extraction x = extractor.extract(html.getBytes(StandardCharsets.UTF_8), null, null);

    // Then
    assertThat(x.published()).isEqualTo(OffsetDateTime.parse("2019-11-18T23:04:24-05:00"));
    assertThat(x.authors()).containsExactly("Jane Smith");
  }

  @Test
  void shouldGuessTheLanguageFromTheTextWhenThePageDoesNotDeclareIt() {
    // Given a German article without any language declaration
    String html =
        "<html><body><article><p>Die Stadtbibliothek wird ihren Neubau am Hafen nicht wie geplant im"
            + " Sommer eröffnen, weil die Lieferung der Regale sich um mehrere Monate verzögert. Die"
            + " Verwaltung rechnet mit dem Oktober und will sich erst festlegen, wenn alles montiert"
            + " ist.</p><p>Für die Leser bleibt das alte Haus bis zum Umzug geöffnet, und die"
            + " Öffnungszeiten am Samstag werden sogar verlängert.</p></article></body></html>";

    // When
    Extraction x = extractor.extract(html.getBytes(StandardCharsets.UTF_8), null, null);

    // Then
    assertThat(x.ok()).isTrue();
    assertThat(x.lang()).isEqualTo("de");
  }

  @Test
  void shouldSplitParagraphsAtDoubleLineBreaksAndKeepTableRowsOnOneLine() {
    // Given text laid out with <br> and a data table
    String html =
        "<html><body><div class=\"content\">"
            + "First paragraph of the story, long enough to count as article text for the scorer."
            + "<br><br>Second paragraph of the story, also long enough to be taken as article text."
            + "<table><tr><td>1</td><td>Kyle Example</td><td>5040</td></tr>"
            + "<tr><td>2</td><td>Martin Sample</td><td>5035</td></tr></table>"
            + "</div></body></html>";

    // When
    Extraction x = extractor.extract(html.getBytes(StandardCharsets.UTF_8), null, null);

    // Then
    assertThat(x.body().split("\n\n"))
        .containsExactly(
            "First paragraph of the story, long enough to count as article text for the scorer.",
            "Second paragraph of the story, also long enough to be taken as article text.",
            "1 Kyle Example 5040",
            "2 Martin Sample 5035");
  }

  @Test
  void shouldFallBackToTheJsonLdArticleBodyWhenThePageRendersItsTextWithScripts() {
    // Given an empty app shell whose article text is only in JSON-LD
    String html =
        "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
            + "\"headline\":\"Festival moves to September\",\"articleBody\":\""
            + "Organisers have moved the festival to September.\\nTickets stay valid, and refunds"
            + " are available until the end of April for anyone who cannot come on the new dates."
            + "\"}</script></head><body><div id=\"app\"></div><script>render()</script></body></html>";

    // When
    Extraction x = extractor.extract(html.getBytes(StandardCharsets.UTF_8), null, null);

    // Then
    assertThat(x.ok()).isTrue();
    assertThat(x.body())
        .isEqualTo(
            "Organisers have moved the festival to September.\n\nTickets stay valid, and refunds"
                + " are available until the end of April for anyone who cannot come on the new"
                + " dates.");
  }

  @Test
  void shouldRetryWithoutClassNamesWhenTheyHideTheWholeArticle() {
    // Given an article of short paragraphs inside a container whose class reads like furniture
    StringBuilder html = new StringBuilder("<html><body><div class=\"widget-area\">");
    for (int i = 0; i < 6; i++) {
      html.append("<p>Line ").append(i).append(" of the short notice, about the road works.</p>");
    }
    html.append("</div></body></html>");

    // When
    Extraction x = extractor.extract(html.toString().getBytes(StandardCharsets.UTF_8), null, null);

    // Then
    assertThat(x.ok()).isTrue();
    assertThat(x.body().split("\n\n")).hasSize(6);
  }

  @Test
  void shouldDropACaptionThatRepeatsTheImageAltTextWithoutAnyCaptionMarkup() {
    // Given a caption in a plain span under an image
    String html =
        "<html><body><div class=\"text\">"
            + paragraphs(2)
            + "<div><img src=\"b.jpg\" alt=\"The harbour bridge under repair last week\"><br>"
            + "<span class=\"small\">The harbour bridge under repair last week</span></div>"
            + paragraphs(2).replace("Paragraph", "Section")
            + "</div></body></html>";

    // When
    Extraction x = extractor.extract(html.getBytes(StandardCharsets.UTF_8), null, null);

    // Then
    assertThat(x.body()).doesNotContain("under repair");
    assertThat(x.body().split("\n\n")).hasSize(4);
  }

  @Test
  void shouldGiveTheSameResultsWhenSharedBetweenThreads() throws Exception {
    // Given one extractor and two different pages
    byte[] article = Fixtures.bytes("article-with-furniture.html");
    byte[] notFound = Fixtures.bytes("not-found.html");
    Extraction expectedArticle = extractor.extract(article, null, null);
    Extraction expectedNotFound = extractor.extract(notFound, null, null);
    ExecutorService pool = Executors.newFixedThreadPool(4);

    // When 4 threads extract both pages 25 times each
    List<Future<Boolean>> results = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      results.add(
          pool.submit(
              () -> {
                boolean same = true;
                for (int i = 0; i < 25; i++) {
                  same &= extractor.extract(article, null, null).equals(expectedArticle);
                  same &= extractor.extract(notFound, null, null).equals(expectedNotFound);
                }
                return same;
              }));
    }

    // Then
    for (Future<Boolean> r : results) {
      assertThat(r.get()).isTrue();
    }
    pool.shutdown();
  }

  static String paragraphs(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append("<p>Paragraph ")
          .append(i)
          .append(" of the report says that the council, after a long debate, agreed to postpone")
          .append(" the vote on the new budget until the spring session.</p>");
    }
    return b.toString();
  }
}
