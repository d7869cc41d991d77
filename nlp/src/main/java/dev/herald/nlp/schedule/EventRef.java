package dev.herald.nlp.schedule;

import java.util.List;

/**
 * An event as one article names it.
 *
 * @param id canonical event id, a readable slug shared by every alias of the event
 * @param name the fullest name seen
 * @param aliases other names of the same event (may be empty, never null)
 * @param location where it takes place, or {@code null}
 */
public record EventRef(String id, String name, List<String> aliases, String location) {
  public EventRef {
    aliases = List.copyOf(aliases);
  }
}
