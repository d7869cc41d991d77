package dev.herald.nlp.ner;

/**
 * A name over tokens {@code [start, end)} of a sentence.
 *
 * @param type the corpus type ("PER", "ORG", "LOC", "MISC")
 */
public record NameSpan(int start, int end, String type) {}
