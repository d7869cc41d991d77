package dev.herald.app.faults;

import dev.herald.app.faults.NewsArticles.NewsArticle;
import dev.herald.avro.RawArticle;
import dev.herald.avro.TextSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Writes articles as RSS 2.0 files on disk (for ingest) or as raw records (for enrich alone). */
final class FeedFiles {
  private FeedFiles() {}

  /**
   * Writes (or replaces, atomically) an RSS file holding {@code items}. Links are relative, so they
   * resolve against the file's own URL and no web address is invented.
   */
  static void writeRss(Path file, String title, List<NewsArticle> items) throws IOException {
    StringBuilder xml = new StringBuilder();
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n<channel>\n");
    xml.append("<title>").append(escape(title)).append("</title>\n");
    xml.append("<link>").append(escape(file.getFileName().toString())).append("</link>\n");
    xml.append("<description>Fault-test feed</description>\n<language>en</language>\n");
    for (NewsArticle a : items) {
      xml.append("<item>\n");
      xml.append("<title>").append(escape(a.title())).append("</title>\n");
      xml.append("<link>articles/").append(a.slug()).append(".html</link>\n");
      xml.append("<guid isPermaLink=\"false\">").append(a.slug()).append("</guid>\n");
      xml.append("<pubDate>")
          .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(a.published()))
          .append("</pubDate>\n");
      StringBuilder html = new StringBuilder();
      // One paragraph per line, as the sample feed renders the seed: joining its caption lines
      // into one paragraph would make sentences of them that no publisher wrote.
      for (String line : a.text().split("\n")) {
        if (!line.isBlank()) {
          html.append("<p>").append(escape(line.strip())).append("</p>");
        }
      }
      xml.append("<description>").append(escape(html.toString())).append("</description>\n");
      xml.append("</item>\n");
    }
    xml.append("</channel>\n</rss>\n");
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, xml, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The article as ingest would publish it, with an id of the caller's choosing. */
  static RawArticle raw(String id, NewsArticle a) {
    return RawArticle.newBuilder()
        .setId(id)
        .setFeedUrl("file:///fault-tests/feed.rss")
        .setSource("Fault tests")
        .setGuid(a.slug())
        .setUrl(null)
        .setCanonicalUrl(null)
        .setTitle(a.title())
        .setText(a.text())
        .setTextSource(TextSource.FEED)
        .setLanguage("en")
        .setPublishedAt(a.published().toInstant())
        .setPublishedOffset("+00:00")
        .setFetchedAt(Instant.now())
        .build();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
