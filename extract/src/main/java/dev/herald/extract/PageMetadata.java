package dev.herald.extract;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a page says about itself in meta tags, JSON-LD and link elements.
 *
 * @param declaredLang ISO 639-1 code from html lang, meta tags or JSON-LD, or null
 * @param jsonLdBody the JSON-LD {@code articleBody}, or null
 * @param accessibleForFree JSON-LD {@code isAccessibleForFree}, or null when not stated
 */
record PageMetadata(
    String title,
    OffsetDateTime published,
    List<String> authors,
    String canonicalUrl,
    String siteName,
    String declaredLang,
    String jsonLdBody,
    Boolean accessibleForFree) {

  PageMetadata {
    authors = authors == null ? List.of() : List.copyOf(authors);
  }
}
