package dev.herald.nlp.schedule;

import java.util.List;

/**
 * How one sentence names the event of a claim, before article-level resolution.
 *
 * @param start char offset of the phrase in the article text
 * @param end char offset after the phrase
 * @param written the phrase as written, trimmed of articles and time expressions
 * @param head lower-case head noun ("congress", "meeting"), or "" when none was found
 * @param core normalised content words of the name (demonyms as places, plurals singular)
 * @param qualifiers normalised proper nouns that place the event (organiser, venue, parties)
 * @param qualifierText the qualifiers as written, for the event's name
 * @param anaphor true for "it", "the event", "the congress": resolved to an earlier event
 * @param named true when the phrase is a capitalised name ("Syrian National Dialogue Congress")
 * @param indirect true when no subject or object held an event noun and the first event noun of the
 *     clause was taken instead
 */
record EventPhrase(
    int start,
    int end,
    String written,
    String head,
    List<String> core,
    List<String> qualifiers,
    String qualifierText,
    boolean anaphor,
    boolean named,
    boolean indirect) {
  EventPhrase {
    core = List.copyOf(core);
    qualifiers = List.copyOf(qualifiers);
  }
}
