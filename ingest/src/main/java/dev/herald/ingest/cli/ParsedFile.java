package dev.herald.ingest.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * What the parser made of one input file: one line of {@code herald feeds parse}.
 *
 * @param file the file as given on the command line
 * @param ok whether a feed was recognised (even when some of its items are poor)
 * @param error null, or {@code "<KIND>: <message>"} when no feed was recognised
 * @param feedTitle the feed's title as plain text, or null
 * @param items every entry, in document order
 */
public record ParsedFile(
    String file, boolean ok, String error, String feedTitle, List<Item> items) {

  /**
   * One entry.
   *
   * @param id the feed's own GUID, or Herald's stable article id when the entry has none
   * @param title plain text, or null
   * @param link absolute when the feed gave enough to resolve it, or null
   * @param published with the offset the feed wrote (UTC when it wrote none), or null
   */
  public record Item(String id, String title, String link, OffsetDateTime published) {
    public Item {
      Objects.requireNonNull(id, "id");
    }
  }

  private static final JsonFactory JSON = new JsonFactory();

  public ParsedFile {
    Objects.requireNonNull(file, "file");
    items = items == null ? List.of() : List.copyOf(items);
  }

  public static ParsedFile failed(String file, String error) {
    return new ParsedFile(file, false, error, null, List.of());
  }

  /**
   * The JSON object, keys in the documented order: {@code
   * {"file","ok","error","feed_title","items":[{"id","title","link","published"}]}}.
   */
  public String toJson() {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("file", file);
      g.writeBooleanField("ok", ok);
      g.writeStringField("error", error);
      g.writeStringField("feed_title", feedTitle);
      g.writeArrayFieldStart("items");
      for (Item item : items) {
        g.writeStartObject();
        g.writeStringField("id", item.id());
        g.writeStringField("title", item.title());
        g.writeStringField("link", item.link());
        g.writeStringField(
            "published",
            item.published() == null
                ? null
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(item.published()));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string cannot fail", e);
    }
    return w.toString();
  }
}
