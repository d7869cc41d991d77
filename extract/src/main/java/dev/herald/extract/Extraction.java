package dev.herald.extract;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What {@link ArticleExtractor} found in one page. When {@code ok} is false, {@code errorKind} and
 * {@code error} ("KIND: message") say why and {@code body} is null; the metadata fields are still
 * filled when the page could be parsed.
 *
 * @param body paragraphs separated by a blank line ("\n\n")
 * @param published publication time from JSON-LD or meta tags, or null
 * @param lang ISO 639-1 code, or null when unknown
 */
public record Extraction(
    boolean ok,
    ErrorKind errorKind,
    String error,
    String title,
    String body,
    OffsetDateTime published,
    List<String> authors,
    String lang,
    String canonicalUrl,
    String siteName) {

  public Extraction {
    authors = authors == null ? List.of() : List.copyOf(authors);
  }

  /** A successful extraction. */
  static Extraction success(PageMetadata meta, String body, String lang) {
    return new Extraction(
        true,
        null,
        null,
        meta.title(),
        body,
        meta.published(),
        meta.authors(),
        lang,
        meta.canonicalUrl(),
        meta.siteName());
  }

  /** A failure before the page could be parsed: no metadata. */
  static Extraction failure(ErrorKind kind, String message) {
    return new Extraction(
        false, kind, kind + ": " + message, null, null, null, List.of(), null, null, null);
  }

  /** A failure on a parsed page: metadata kept. */
  static Extraction failure(ErrorKind kind, String message, PageMetadata meta, String lang) {
    return new Extraction(
        false,
        kind,
        kind + ": " + message,
        meta.title(),
        null,
        meta.published(),
        meta.authors(),
        lang,
        meta.canonicalUrl(),
        meta.siteName());
  }
}
