package dev.herald.ingest.corpus;

/** The fields whose accuracy the corpus evaluation reports. */
public enum Field {
  FEED_TITLE("feed title"),
  ITEM_TITLE("item title"),
  LINK("link"),
  DATE("date");

  private final String label;

  Field(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
