package dev.herald.nlp.entity;

/**
 * A named thing mentioned in a text.
 *
 * @param start offset of the first character (inclusive)
 * @param end offset after the last character (exclusive)
 * @param text the mention as written
 * @param type PERSON, ORGANIZATION, LOCATION, EVENT or MISC
 * @param id canonical slug shared by the mentions of the same entity ("sergei-lavrov")
 */
public record EntityMention(int start, int end, String text, String type, String id) {

  public static final String PERSON = "PERSON";
  public static final String ORGANIZATION = "ORGANIZATION";
  public static final String LOCATION = "LOCATION";
  public static final String EVENT = "EVENT";
  public static final String MISC = "MISC";
}
