package dev.herald.ingest.feeds;

import java.util.List;

/** A feed list with bad entries; {@link #problems()} lists every one with its line number. */
public final class FeedListException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  public FeedListException(String source, List<String> problems) {
    super(
        source
            + ": "
            + problems.size()
            + " bad entr"
            + (problems.size() == 1 ? "y" : "ies")
            + ":\n  "
            + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  /** One message per bad entry, each starting with {@code "line N: "}. */
  public List<String> problems() {
    return problems;
  }
}
