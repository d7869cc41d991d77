package dev.herald.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Finds the article text of a page body.
 *
 * <ol>
 *   <li>Splits the body into text blocks ({@link BlockBuilder}).
 *   <li>Drops blocks under page furniture: navigation, asides, headers and footers, hidden
 *       elements, figure captions, and elements whose class or id names boilerplate (comments,
 *       related lists, share bars, newsletter and cookie boxes...). An element holding the page's
 *       headline, its {@code itemprop=articleBody}, or half of its paragraph text is never dropped
 *       this way: a wrapper called "has-sidebar" must not take the article with it.
 *   <li>Scores container elements by the paragraphs under them, as Mozilla Readability does (commas
 *       and length, spread to ancestors with decay, times one minus link density) and takes the
 *       best one, widened to an ancestor that holds several strong candidates and to siblings that
 *       score well.
 *   <li>Keeps the blocks of the chosen containers that are not link lists or furniture phrases.
 * </ol>
 */
final class MainText {

  private static final Set<String> FURNITURE_TAGS =
      Set.of("nav", "aside", "footer", "header", "menu", "form", "figcaption", "dialog");
  private static final Set<String> FURNITURE_ROLES =
      Set.of(
          "navigation",
          "banner",
          "contentinfo",
          "complementary",
          "search",
          "menu",
          "menubar",
          "dialog",
          "alertdialog",
          "toolbar",
          "tablist");
  private static final Set<String> PARAGRAPH_TAGS =
      Set.of(
          "p",
          "pre",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "li",
          "dt",
          "dd",
          "blockquote",
          "td",
          "th",
          "address",
          "figcaption",
          "summary",
          "caption");
  private static final Pattern HIDDEN_STYLE =
      Pattern.compile("(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden");
  private static final int MAX_SHORT_FURNITURE = 120;
  private static final int MAX_CREDIT_LINE = 300;
  private static final Pattern DATE_NUMBERS =
      Pattern.compile("\\b\\d{1,4}[./:-]\\d{1,2}([./:-]\\d{1,4})?\\b");

  private final Lexicon lexicon;
  private final boolean relaxed;

  /**
   * @param relaxed a second chance for pages where the strict pass finds no article: class and id
   *     names are not taken as furniture, and "Related" headings do not cut
   */
  MainText(Lexicon lexicon, boolean relaxed) {
    this.lexicon = lexicon;
    this.relaxed = relaxed;
  }

  /** Per-element figures, kept outside the DOM. */
  private static final class Stats {
    int chars;
    int paraChars;
    int keptChars;
    int keptLinkChars;
    int keptParaChars;
    double score;
    boolean scored;
    Boolean chainExcluded;

    double linkDensity() {
      return keptChars == 0 ? 0 : (double) keptLinkChars / keptChars;
    }
  }

  /** The article paragraphs, and the page's whole visible text for page classification. */
  record Found(List<String> paragraphs, List<TextBlock> allBlocks) {}

  /**
   * @param titles the page's title strings: a paragraph repeating one is dropped
   */
  Found find(Element body, PageIndex index, List<String> titles) {
    List<TextBlock> blocks = BlockBuilder.build(body, lexicon);
    Element stop = body.parent();
    Map<Element, Stats> stats = new IdentityHashMap<>();
    int totalPara = 0;
    for (TextBlock b : blocks) {
      boolean para = b.chars() >= 80 && b.linkDensity() < 0.3;
      if (para) {
        totalPara += b.chars();
      }
      for (Element a = b.owner; a != null && a != stop; a = a.parent()) {
        Stats s = stats.computeIfAbsent(a, k -> new Stats());
        s.chars += b.chars();
        if (para) {
          s.paraChars += b.chars();
        }
      }
    }
    Set<Element> guarded = guarded(index, stop);
    for (TextBlock b : blocks) {
      b.excluded = chainExcluded(b.owner, body, stats, guarded, totalPara);
    }
    List<Element> candidates = score(blocks, body, stop, stats);
    Set<Element> roots = chooseRoots(candidates, body, stats);
    return new Found(
        assemble(blocks, roots, body, stats, titleKeys(titles), titleKeys(index.imageAlts)),
        blocks);
  }

  /** The elements above the page's headline and its articleBody: never dropped as furniture. */
  private static Set<Element> guarded(PageIndex index, Element stop) {
    Set<Element> out = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Element> anchors = new ArrayList<>();
    for (Element h1 : index.h1s) {
      if (h1.text().length() >= 15) { // a logo in an h1 is not a headline
        anchors.add(h1);
      }
    }
    anchors.addAll(index.articleBodies);
    for (Element e : anchors) {
      for (Element a = e; a != null && a != stop && out.add(a); a = a.parent()) {
        // marks the chain up to the first one already marked
      }
    }
    return out;
  }

  private boolean chainExcluded(
      Element e, Element body, Map<Element, Stats> stats, Set<Element> guarded, int totalPara) {
    List<Element> chain = new ArrayList<>();
    Boolean known = null;
    for (Element a = e; a != null; a = a.parent()) {
      Stats s = stats.get(a);
      if (s == null) {
        known = Boolean.FALSE;
        break;
      }
      if (s.chainExcluded != null) {
        known = s.chainExcluded;
        break;
      }
      chain.add(a);
      if (a == body) {
        known = Boolean.FALSE;
        break;
      }
    }
    boolean excluded = known != null && known;
    for (int i = chain.size() - 1; i >= 0; i--) {
      Element a = chain.get(i);
      Stats s = stats.get(a);
      excluded = excluded || (a != body && ownExcluded(a, s, guarded.contains(a), totalPara));
      s.chainExcluded = excluded;
    }
    return excluded;
  }

  private boolean ownExcluded(Element e, Stats s, boolean guarded, int totalPara) {
    String tag = e.normalName();
    if (tag.equals("figcaption")) {
      return true;
    }
    if (guarded || (totalPara > 0 && s.paraChars * 2 >= totalPara)) {
      return false;
    }
    if (FURNITURE_TAGS.contains(tag)) {
      return true;
    }
    if (e.attributesSize() == 0) {
      return false;
    }
    if (e.hasAttr("hidden") || e.attr("aria-hidden").equalsIgnoreCase("true")) {
      return true;
    }
    String style = e.attr("style");
    if (!style.isEmpty() && HIDDEN_STYLE.matcher(style).find()) {
      return true;
    }
    String role = e.attr("role").toLowerCase(Locale.ROOT);
    if (!role.isEmpty() && FURNITURE_ROLES.contains(role)) {
      return true;
    }
    String key = Lexicon.classKey(e.className(), e.id());
    return !relaxed && !key.isEmpty() && lexicon.boilerplateClass().matcher(key).find();
  }

  /** Readability's paragraph scores, spread to up to five ancestors; returns the scored ones. */
  private List<Element> score(
      List<TextBlock> blocks, Element body, Element stop, Map<Element, Stats> stats) {
    List<Element> candidates = new ArrayList<>();
    for (TextBlock b : blocks) {
      if (b.excluded) {
        continue;
      }
      for (Element a = b.owner; a != null && a != stop; a = a.parent()) {
        Stats s = stats.get(a);
        s.keptChars += b.chars();
        s.keptLinkChars += b.linkChars;
        if (b.chars() >= 80 && b.linkDensity() < 0.3) {
          s.keptParaChars += b.chars();
        }
      }
      if (b.chars() < 25 || b.linkDensity() > 0.5 || b.isHeading()) {
        continue;
      }
      double score = 1 + b.commas + Math.min(3, b.chars() / 100);
      Element start = paragraphLike(b.owner) ? b.owner.parent() : b.owner;
      int level = 0;
      for (Element a = start; a != null && a != stop && level < 5; a = a.parent(), level++) {
        Stats s = stats.get(a);
        if (!s.scored) {
          s.scored = true;
          s.score = initialScore(a);
          candidates.add(a);
        }
        s.score += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
      }
    }
    return candidates;
  }

  private static boolean paragraphLike(Element e) {
    if (PARAGRAPH_TAGS.contains(e.normalName())) {
      return true;
    }
    for (Element c : e.children()) {
      if (BlockBuilder.BLOCK_TAGS.contains(c.normalName())) {
        return false;
      }
    }
    return true;
  }

  private double initialScore(Element e) {
    double s =
        switch (e.normalName()) {
          case "div", "article", "main", "section" -> 5;
          case "pre", "td", "blockquote" -> 3;
          case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
          case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
          default -> 0;
        };
    return s + classWeight(e);
  }

  private double classWeight(Element e) {
    String key = Lexicon.classKey(e.className(), e.id());
    double w = 0;
    if (!key.isEmpty()) {
      if (!relaxed && lexicon.boilerplateClass().matcher(key).find()) {
        w -= 25;
      }
      if (lexicon.contentClass().matcher(key).find()) {
        w += 25;
      }
    }
    if (e.attr("itemprop").equalsIgnoreCase("articleBody")) {
      w += 25;
    }
    return w;
  }

  private static double finalScore(Stats s) {
    return s.score * (1 - s.linkDensity());
  }

  private Set<Element> chooseRoots(
      List<Element> candidates, Element body, Map<Element, Stats> stats) {
    Set<Element> roots = Collections.newSetFromMap(new IdentityHashMap<>());
    if (candidates.isEmpty()) {
      roots.add(body);
      return roots;
    }
    candidates.sort((a, b) -> Double.compare(finalScore(stats.get(b)), finalScore(stats.get(a))));
    Element top = candidates.get(0);
    double topScore = finalScore(stats.get(top));

    // Several strong candidates under one ancestor: the article is split, take the ancestor.
    List<Set<Element>> alternatives = new ArrayList<>();
    for (int i = 1; i < Math.min(5, candidates.size()); i++) {
      Element c = candidates.get(i);
      if (finalScore(stats.get(c)) / topScore >= 0.75) {
        Set<Element> anc = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element a = c.parent(); a != null && a != body.parent(); a = a.parent()) {
          anc.add(a);
        }
        alternatives.add(anc);
      }
    }
    if (alternatives.size() >= 3) {
      for (Element a = top.parent(); a != null && a != body; a = a.parent()) {
        int n = 0;
        for (Set<Element> anc : alternatives) {
          if (anc.contains(a)) {
            n++;
          }
        }
        if (n >= 3) {
          top = a;
          break;
        }
      }
    }
    // Climb while the parent scores as well: the candidate was one part of the article.
    double last = finalScore(stats.get(top));
    double threshold = last / 3;
    for (Element p = top.parent(); p != null && p != body; p = p.parent()) {
      Stats ps = stats.get(p);
      if (ps == null || !ps.scored) {
        continue;
      }
      double score = finalScore(ps);
      if (score < threshold) {
        break;
      }
      if (score > last) {
        top = p;
        break;
      }
      last = score;
    }
    while (top.parent() != null && top.parent() != body && top.parent().childrenSize() == 1) {
      top = top.parent();
    }
    topScore = stats.get(top) == null ? 0 : finalScore(stats.get(top));
    roots.add(top);

    // Siblings that score well or read like article paragraphs.
    Element parent = top.parent();
    if (parent != null && top != body) {
      double siblingThreshold = Math.max(10, topScore * 0.2);
      String topClass = top.className();
      for (Element sib : parent.children()) {
        if (sib == top) {
          continue;
        }
        Stats s = stats.get(sib);
        if (s == null || s.keptChars == 0) {
          continue;
        }
        double bonus = !topClass.isEmpty() && topClass.equals(sib.className()) ? topScore * 0.2 : 0;
        boolean take = s.scored && finalScore(s) + bonus >= siblingThreshold;
        if (!take && s.keptParaChars >= 80 && s.keptParaChars >= 0.6 * s.keptChars) {
          take = true; // mostly long, link-poor paragraphs
        }
        if (!take && paragraphLike(sib)) {
          double ld = s.linkDensity();
          take =
              (s.keptChars > 80 && ld < 0.25)
                  || (s.keptChars > 0 && ld == 0 && looksLikeSentence(sib.text()));
        }
        if (take) {
          roots.add(sib);
        }
      }
    }
    return roots;
  }

  private static boolean isInside(Element e, Element container) {
    for (Element a = e; a != null; a = a.parent()) {
      if (a == container) {
        return true;
      }
    }
    return false;
  }

  /** A short line of dates, times and date words only ("Updated Nov. 18, 2019 3:05 pm"). */
  private boolean isDateLine(String text) {
    if (text.length() > 80) {
      return false;
    }
    int tokens = 0;
    int dateish = 0;
    boolean number = false;
    boolean dateWord = DATE_NUMBERS.matcher(text).find();
    for (String t : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (t.isEmpty()) {
        continue;
      }
      tokens++;
      if (Character.isDigit(t.charAt(0))) {
        number = true;
        dateish++;
      } else if (lexicon.dateWords().contains(t)) {
        dateish++;
        dateWord |= t.length() >= 3;
      }
    }
    return number && dateWord && tokens <= 14 && dateish * 10 >= tokens * 8;
  }

  private static boolean looksLikeSentence(String t) {
    return t.length() > 20 && (t.contains(". ") || t.endsWith("."));
  }

  private static Set<String> titleKeys(List<String> titles) {
    Set<String> keys = new HashSet<>();
    for (String t : titles) {
      if (t != null && t.length() <= 600) {
        String k = key(t);
        if (k.length() >= 10) {
          keys.add(k);
        }
      }
    }
    return keys;
  }

  /** Letters and digits only, lower case: "the same words" regardless of punctuation. */
  private static String key(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        b.append(Character.toLowerCase(c));
      }
    }
    return b.toString();
  }

  private List<String> assemble(
      List<TextBlock> blocks,
      Set<Element> roots,
      Element body,
      Map<Element, Stats> stats,
      Set<String> titleKeys,
      Set<String> altKeys) {
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Element cut = null; // after a "Related stories" heading: the rest of its container goes
    for (TextBlock b : blocks) {
      if (cut != null && isInside(b.owner, cut)) {
        continue;
      }
      if (!relaxed
          && !out.isEmpty()
          && b.chars() <= 60
          && b.owner.parent() != null
          && b.owner.parent() != body
          && (b.isHeading()
              || b.owner.normalName().equals("p")
              || b.owner.normalName().equals("div"))
          && lexicon.relatedHeading().matcher(b.text).matches()) {
        cut = b.owner.parent();
        continue;
      }
      if (b.excluded || b.owner.normalName().equals("h1")) {
        continue;
      }
      Element root = null;
      boolean linkList = false;
      for (Element a = b.owner; a != null; a = a.parent()) {
        if (roots.contains(a)) {
          root = a;
          break;
        }
        Stats s = stats.get(a);
        if (s != null && s.keptChars > 0 && s.keptLinkChars * 2 > s.keptChars) {
          linkList = true;
        }
        if (a == body) {
          break;
        }
      }
      // A long paragraph with many inline links is still prose; short linked lines are lists.
      // A line of a paragraph broken by <br> is judged with its paragraph.
      Stats own = stats.get(b.owner);
      double ld = Math.min(b.linkDensity(), own == null ? 1 : own.linkDensity());
      boolean prose = b.chars() >= 160 && ld <= 0.75;
      if (root == null || (!prose && (linkList || ld > 0.5))) {
        continue;
      }
      if (b.chars() <= MAX_SHORT_FURNITURE
          && (lexicon.boilerplateText().test(b.text) || isDateLine(b.text))) {
        continue;
      }
      if (b.chars() <= MAX_CREDIT_LINE && lexicon.creditLine().test(b.text)) {
        continue;
      }
      if (b.chars() <= 300 && !(titleKeys.isEmpty() && altKeys.isEmpty())) {
        String k = key(b.text);
        if (titleKeys.contains(k) || altKeys.contains(k)) {
          continue; // the headline again, or an image caption that repeats the image's alt text
        }
      }
      if (b.chars() > 20 && !seen.add(b.text)) {
        continue; // pull quotes and repeated teasers
      }
      out.add(b.text);
    }
    return withoutLeadingLabels(out);
  }

  /**
   * Section labels and kickers ("Editorial", "Review") above the first paragraph: one to three
   * words without sentence punctuation, followed by a real paragraph.
   */
  private static List<String> withoutLeadingLabels(List<String> paragraphs) {
    int first = 0;
    while (first < paragraphs.size() - 1 && isLabel(paragraphs.get(first))) {
      first++;
    }
    if (first == 0 || paragraphs.get(first).length() < 80) {
      return paragraphs;
    }
    return paragraphs.subList(first, paragraphs.size());
  }

  private static boolean isLabel(String p) {
    if (p.length() > 30) {
      return false;
    }
    char last = p.charAt(p.length() - 1);
    return last != '.' && last != '!' && last != '?' && p.split(" ").length <= 3;
  }
}
