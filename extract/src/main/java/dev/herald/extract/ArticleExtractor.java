package dev.herald.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Main text and metadata of an article page. Thread-safe and stateless between calls: build one and
 * share it. {@link #extract} never throws: bad input (binary data, too large or too deeply nested
 * markup, a wrong charset) and non-articles (error pages, consent walls, paywalls) come back as a
 * classified failure.
 */
public final class ArticleExtractor {

  private final ExtractorSettings settings;
  private final MainText mainText;
  private final MainText relaxedMainText;
  private final PageClassifier classifier;
  private final LanguageGuesser languages;

  public ArticleExtractor(ExtractorSettings settings) {
    this.settings = settings;
    Lexicon lexicon = Lexicon.standard();
    this.mainText = new MainText(lexicon, false);
    this.relaxedMainText = new MainText(lexicon, true);
    this.classifier = new PageClassifier(lexicon, settings.minBodyChars());
    this.languages = new LanguageGuesser(lexicon);
  }

  /** An extractor with {@link ExtractorSettings#defaults()}. */
  public static ArticleExtractor standard() {
    return new ArticleExtractor(ExtractorSettings.defaults());
  }

  /**
   * Extracts one page.
   *
   * @param html the page as fetched
   * @param charsetHint the charset of the HTTP Content-Type header, or null
   * @param url the page's address (resolves a relative canonical link), or null
   */
  public Extraction extract(byte[] html, String charsetHint, String url) {
    try {
      if (html == null || html.length == 0) {
        return Extraction.failure(ErrorKind.EMPTY, "no bytes");
      }
      if (html.length > settings.maxBytes()) {
        return Extraction.failure(
            ErrorKind.TOO_LARGE,
            html.length + " bytes, more than the limit of " + settings.maxBytes());
      }
      String text = HtmlDecoder.decode(html, charsetHint);
      MarkupGuard.check(text, settings);
      return extractParsed(Jsoup.parse(text, url == null ? "" : url), url);
    } catch (Rejection r) {
      return Extraction.failure(r.kind(), r.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      // A bug or a pathological page must not stop a batch: report it as data.
      return Extraction.failure(
          ErrorKind.INTERNAL, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private Extraction extractParsed(Document doc, String url) {
    PageIndex index = PageIndex.of(doc);
    PageMetadata meta = MetadataReader.read(doc, index, url);
    Element body = doc.body();
    List<String> titles = Arrays.asList(meta.title(), doc.title());
    MainText.Found found = mainText.find(body, index, titles);
    String text = String.join("\n\n", found.paragraphs());
    if (text.length() < settings.minBodyChars()) {
      // Class names can mislead (a wrapper called "has-sidebar"): retry without them.
      MainText.Found second = relaxedMainText.find(body, index, titles);
      String secondText = String.join("\n\n", second.paragraphs());
      if (secondText.length() > text.length()) {
        found = second;
        text = secondText;
      }
    }
    text = orJsonLdBody(text, meta.jsonLdBody());
    String lang =
        languages.language(text.isEmpty() ? sample(found.allBlocks()) : text, meta.declaredLang());
    Element h1 = index.firstHeadline();
    try {
      classifier.check(doc.title(), h1 == null ? null : h1.text(), text, found.allBlocks(), meta);
    } catch (Rejection r) {
      return Extraction.failure(r.kind(), r.getMessage(), meta, lang);
    }
    return Extraction.success(meta, classifier.withoutConsentNotices(text), lang);
  }

  /**
   * The page's JSON-LD articleBody instead of the DOM text when the DOM gave (almost) nothing, or
   * covers less than half of a much longer JSON-LD text: script-rendered pages and unusual layouts.
   * Otherwise the DOM text wins: JSON-LD bodies are often cut short or lack paragraph breaks.
   */
  private String orJsonLdBody(String domText, String jsonLdBody) {
    if (jsonLdBody == null || jsonLdBody.length() < settings.minBodyChars()) {
      return domText;
    }
    String ld = jsonLdText(jsonLdBody);
    if (ld.length() < settings.minBodyChars()) {
      return domText;
    }
    if (domText.length() < settings.minBodyChars()) {
      return ld;
    }
    if (ld.length() > 2 * domText.length() && WordOverlap.coverage(ld, domText) < 0.5) {
      return ld;
    }
    return domText;
  }

  /** JSON-LD bodies are plain text, sometimes HTML: paragraphs either way. */
  private String jsonLdText(String raw) {
    if (raw.indexOf('<') >= 0 || raw.indexOf('&') >= 0) {
      Element root = Jsoup.parseBodyFragment(raw).body();
      List<String> paras = new ArrayList<>();
      for (TextBlock b : BlockBuilder.build(root, Lexicon.standard())) {
        paras.add(b.text);
      }
      return String.join("\n\n", paras);
    }
    List<String> paras = new ArrayList<>();
    for (String line : raw.split("\\s*\\n\\s*")) {
      String p = line.replaceAll("\\s+", " ").strip();
      if (!p.isEmpty()) {
        paras.add(p);
      }
    }
    return String.join("\n\n", paras);
  }

  private static String sample(List<TextBlock> blocks) {
    StringBuilder b = new StringBuilder();
    for (TextBlock t : blocks) {
      if (b.length() > 4000) {
        break;
      }
      b.append(t.text).append('\n');
    }
    return b.toString();
  }
}
