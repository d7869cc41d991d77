package dev.herald.extract;

/**
 * Limits that keep one page's cost bounded, and the smallest body taken as an article.
 *
 * @param maxBytes larger inputs are refused as TOO_LARGE before decoding
 * @param maxTags pages with more start tags are refused before parsing (bounds memory)
 * @param maxNesting pages whose estimated element nesting is deeper are refused before parsing: the
 *     HTML tree builder's cost grows with depth times tags
 * @param minBodyChars a main text shorter than this is NO_ARTICLE
 */
public record ExtractorSettings(int maxBytes, int maxTags, int maxNesting, int minBodyChars) {

  public ExtractorSettings {
    if (maxBytes <= 0 || maxTags <= 0 || maxNesting <= 0 || minBodyChars < 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /** 10 MiB, 200,000 tags, nesting 4,000, 150 characters of body. */
  public static ExtractorSettings defaults() {
    return new ExtractorSettings(10 * 1024 * 1024, 200_000, 4_000, 150);
  }
}
