package dev.herald.extract;

import org.jsoup.nodes.Element;

/**
 * A run of text that a browser would lay out as one block: the inline content between two
 * block-level boundaries (or line breaks) under one owning block element.
 */
final class TextBlock {

  final Element owner;
  final String text;

  /** Non-space characters inside links. */
  final int linkChars;

  final int commas;
  boolean excluded;

  TextBlock(Element owner, String text, int linkChars) {
    this.owner = owner;
    this.text = text;
    this.linkChars = linkChars;
    int c = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == ',' || ch == '，' || ch == '、' || ch == '،') {
        c++;
      }
    }
    this.commas = c;
  }

  int chars() {
    return text.length();
  }

  double linkDensity() {
    return text.isEmpty() ? 0 : (double) linkChars / text.length();
  }

  boolean isHeading() {
    String t = owner.normalName();
    return t.length() == 2 && t.charAt(0) == 'h' && t.charAt(1) >= '1' && t.charAt(1) <= '6';
  }

  @Override
  public String toString() {
    return owner.normalName() + ": " + text;
  }
}
