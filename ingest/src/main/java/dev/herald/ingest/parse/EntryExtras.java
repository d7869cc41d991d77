package dev.herald.ingest.parse;

/**
 * What Rome throws away about one entry, read from the document itself.
 *
 * @param rawDate the entry's date as written (published first, then updated), or null
 * @param guid the feed's own identifier: RSS {@code guid}, RSS 1.0 {@code rdf:about}, Atom {@code
 *     id}, JSON Feed {@code id}; null when the entry has none (Rome would report the link instead)
 * @param base the entry's effective {@code xml:base} (inner bases resolved against outer ones, the
 *     outermost left as written), or null
 * @param markupTitle the title's content as markup when the feed put unescaped HTML elements in it
 *     (Rome keeps only their text nodes), or null
 * @param altTitle a title from another vocabulary ({@code dc:title}, {@code media:title}) for an
 *     entry without one, or null
 */
public record EntryExtras(
    String rawDate, String guid, String base, String markupTitle, String altTitle) {

  public static final EntryExtras NONE = new EntryExtras(null, null, null, null, null);

  public EntryExtras {
    rawDate = blankToNull(rawDate);
    guid = blankToNull(guid);
    base = blankToNull(base);
    markupTitle = blankToNull(markupTitle);
    altTitle = blankToNull(altTitle);
  }

  public EntryExtras(String rawDate, String guid, String base) {
    this(rawDate, guid, base, null, null);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
