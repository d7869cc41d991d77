package dev.herald.extract;

import java.util.List;
import java.util.Locale;

/**
 * Tells pages that are not articles from articles, after extraction: error pages, consent walls,
 * paywalls, pages with no visible text, and pages whose main text is too short to be an article.
 * Phrases come from this package's resources; each rule also needs a short main text, so that an
 * article that mentions cookies or subscriptions stays an article.
 */
final class PageClassifier {

  private static final int ERROR_PAGE_MAX_CHARS = 1000;
  private static final int WALL_MAX_CHARS = 1500;
  private static final int TEASER_MAX_CHARS = 600;
  private static final int PAGE_TEXT_SAMPLE = 100_000;

  private final Lexicon lexicon;
  private final int minBodyChars;

  PageClassifier(Lexicon lexicon, int minBodyChars) {
    this.lexicon = lexicon;
    this.minBodyChars = minBodyChars;
  }

  /** Throws the reason the page is not an article; returns normally for an article. */
  void check(
      String pageTitle, String headline, String body, List<TextBlock> allBlocks, PageMetadata meta)
      throws Rejection {
    if (allBlocks.isEmpty() && body.isEmpty()) {
      throw new Rejection(ErrorKind.EMPTY, "no visible text");
    }
    if (body.length() < ERROR_PAGE_MAX_CHARS) {
      for (String heading : new String[] {pageTitle, headline}) {
        if (heading != null
            && heading.length() <= 300
            && lexicon.errorTitle().matcher(heading).find()) {
          throw new Rejection(ErrorKind.ERROR_PAGE, "error page: \"" + shorten(heading) + "\"");
        }
      }
    }
    if (body.length() < WALL_MAX_CHARS) {
      String pageText = pageText(allBlocks);
      int pageHits =
          hits(pageText, lexicon.consentPhrases()) + hits(pageText, lexicon.consentWords());
      String lowerBody = body.toLowerCase(Locale.ROOT);
      int bodyStrong = hits(lowerBody, lexicon.consentPhrases());
      int bodyHits = bodyStrong + hits(lowerBody, lexicon.consentWords());
      // The main text is mostly consent text, or there is no article besides a consent box.
      if ((bodyStrong >= 1 && bodyHits >= 2 && consentShare(body) >= 0.5)
          || (pageHits >= 2 && body.length() < minBodyChars)) {
        throw new Rejection(ErrorKind.CONSENT_WALL, "cookie or privacy consent wall");
      }
      int paywallHits = hits(pageText, lexicon.paywallPhrases());
      boolean notFree = Boolean.FALSE.equals(meta.accessibleForFree());
      if ((paywallHits >= 1 && body.length() < minBodyChars)
          || ((paywallHits >= 2 || (notFree && paywallHits >= 1))
              && body.length() < TEASER_MAX_CHARS)) {
        throw new Rejection(ErrorKind.PAYWALL, "subscription or sign-in wall");
      }
    }
    if (body.length() < minBodyChars) {
      throw new Rejection(
          ErrorKind.NO_ARTICLE,
          body.isEmpty()
              ? "no article text found"
              : "main text too short (" + body.length() + " characters)");
    }
  }

  /** The share of the body's characters in paragraphs that use consent wording. */
  private double consentShare(String body) {
    int consent = 0;
    for (String p : body.split("\n\n")) {
      String lower = p.toLowerCase(Locale.ROOT);
      if (hits(lower, lexicon.consentPhrases()) + hits(lower, lexicon.consentWords()) > 0) {
        consent += p.length();
      }
    }
    return body.isEmpty() ? 0 : (double) consent / body.length();
  }

  /** The body without short paragraphs in consent-notice wording that slipped into it. */
  String withoutConsentNotices(String body) {
    StringBuilder out = new StringBuilder(body.length());
    for (String p : body.split("\n\n")) {
      if (p.length() <= 600 && hits(p.toLowerCase(Locale.ROOT), lexicon.consentPhrases()) > 0) {
        continue;
      }
      if (out.length() > 0) {
        out.append("\n\n");
      }
      out.append(p);
    }
    return out.toString();
  }

  private static String pageText(List<TextBlock> blocks) {
    StringBuilder b = new StringBuilder();
    for (TextBlock t : blocks) {
      if (b.length() > PAGE_TEXT_SAMPLE) {
        break;
      }
      b.append(t.text).append('\n');
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  private static int hits(String lowerText, List<String> phrases) {
    int n = 0;
    for (String p : phrases) {
      if (lowerText.contains(p)) {
        n++;
      }
    }
    return n;
  }

  private static String shorten(String s) {
    String t = s.strip();
    return t.length() > 80 ? t.substring(0, 80) + "…" : t;
  }
}
