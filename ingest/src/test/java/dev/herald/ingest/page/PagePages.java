package dev.herald.ingest.page;

import dev.herald.avro.RawArticle;
import dev.herald.avro.TextSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Self-written article pages and feed items for the page tests. */
final class PagePages {

  private PagePages() {}

  static final String PARAGRAPH_1 =
      "The Syrian National Dialogue Congress, which had been expected to open in Sochi in"
          + " mid-November, has been postponed until early December, a source close to the"
          + " organisers told reporters on Tuesday.";
  static final String PARAGRAPH_2 =
      "The organisers said that the invitations would be sent again once every delegation had"
          + " confirmed its attendance, and that the agenda would not change.";
  static final String PARAGRAPH_3 =
      "Diplomats in Geneva said the new date leaves enough time for the eighth round of talks,"
          + " which is set to begin on November 28 as planned.";

  /** An article page with a canonical link, navigation, a related list and a footer. */
  static String article(String canonical) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>Congress postponed - Example News</title>"
        + (canonical == null ? "" : "<link rel=\"canonical\" href=\"" + canonical + "\">")
        + "</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
        + "<article><h1>Congress postponed</h1>"
        + "<p>"
        + PARAGRAPH_1
        + "</p><p>"
        + PARAGRAPH_2
        + "</p><p>"
        + PARAGRAPH_3
        + "</p></article>"
        + "<aside><h2>Related</h2><ul><li><a href=\"/a\">Other story</a></li></ul></aside>"
        + "<footer>© Example News</footer></body></html>";
  }

  static byte[] articleBytes(String canonical) {
    return article(canonical).getBytes(StandardCharsets.UTF_8);
  }

  /** A cookie consent wall in place of the article. */
  static byte[] consentWall() {
    return ("<!DOCTYPE html><html><head><title>Before you continue</title></head><body>"
            + "<div class=\"consent\"><h1>Before you continue</h1>"
            + "<p>We use cookies and data to deliver and maintain our services, measure audience"
            + " engagement and show personalised advertising. If you choose to Accept all, we"
            + " will also use cookies and data to develop and improve new services.</p>"
            + "<p>Select Reject all to decline the use of cookies for these purposes. You can"
            + " manage your privacy settings at any time.</p>"
            + "<button>Reject all</button><button>Accept all</button></div></body></html>")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A feed item with the given text and link. */
  static RawArticle item(String id, String link, String text) {
    return RawArticle.newBuilder()
        .setId(id)
        .setFeedUrl("https://feeds.example/rss")
        .setUrl(link)
        .setCanonicalUrl(link)
        .setTitle("Congress postponed")
        .setText(text)
        .setTextSource(TextSource.FEED)
        .setFetchedAt(Instant.parse("2026-11-28T00:00:00Z"))
        .build();
  }
}
