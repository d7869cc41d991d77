package dev.herald.extract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Title, authors, publication time, canonical URL, site name and declared language from JSON-LD
 * (schema.org Article types), Open Graph and other meta tags, and link elements. Must run before
 * scripts are removed from the document.
 */
final class MetadataReader {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
          .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
          .build();
  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "article",
          "newsarticle",
          "blogposting",
          "reportagenewsarticle",
          "analysisnewsarticle",
          "opinionnewsarticle",
          "backgroundnewsarticle",
          "reviewnewsarticle",
          "liveblogposting",
          "techarticle",
          "scholarlyarticle",
          "report",
          "satiricalarticle",
          "advertisercontentarticle",
          "socialmediaposting",
          "posting",
          "review",
          "recipe",
          "medicalwebpage");
  private static final int MAX_JSON_LD_CHARS = 2_000_000;
  private static final String[] DATE_KEYS = {
    "article:published_time",
    "og:published_time",
    "datepublished",
    "article.published",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "date"
  };
  private static final String[] MODIFIED_KEYS = {
    "article:modified_time", "og:updated_time", "datemodified", "lastmod"
  };

  private MetadataReader() {}

  static PageMetadata read(Document doc, PageIndex index, String url) {
    Map<String, String> meta = metaTags(index);
    JsonNode article = articleJsonLd(index);
    String siteName =
        firstNonBlank(
            meta.get("og:site_name"),
            text(article == null ? null : article.path("publisher").path("name")),
            meta.get("application-name"));
    String title =
        firstNonBlank(
            text(article == null ? null : article.get("headline")),
            meta.get("og:title"),
            meta.get("twitter:title"),
            firstText(index.firstHeadline()),
            doc.title());
    OffsetDateTime published = published(article, meta, index, url);
    Boolean free = null;
    if (article != null && article.has("isAccessibleForFree")) {
      String v = article.get("isAccessibleForFree").asText("").toLowerCase(Locale.ROOT);
      free = v.equals("false") ? Boolean.FALSE : v.equals("true") ? Boolean.TRUE : null;
    }
    return new PageMetadata(
        clean(cleanTitle(title, siteName)),
        published,
        authors(article, meta, index),
        canonical(index, meta, url),
        clean(siteName),
        declaredLang(doc, meta, article),
        article == null ? null : text(article.get("articleBody")),
        free);
  }

  private static Map<String, String> metaTags(PageIndex index) {
    Map<String, String> out = new HashMap<>();
    for (Element m : index.metas) {
      String content = m.attr("content");
      if (content.isBlank()) {
        continue;
      }
      for (String key : new String[] {"property", "name", "itemprop", "http-equiv"}) {
        String k = m.attr(key).strip().toLowerCase(Locale.ROOT);
        if (!k.isEmpty()) {
          out.putIfAbsent(k, content.strip());
        }
      }
    }
    return out;
  }

  /** The first JSON-LD object of an Article type (also inside @graph and arrays), else null. */
  static JsonNode articleJsonLd(PageIndex index) {
    JsonNode fallback = null;
    for (Element s : index.jsonLdScripts) {
      String data = s.data();
      if (data.length() > MAX_JSON_LD_CHARS) {
        continue;
      }
      JsonNode root;
      try {
        root = JSON.readTree(data.strip());
      } catch (Exception e) { // malformed JSON-LD is common: skip the block
        continue;
      }
      List<JsonNode> objects = new ArrayList<>();
      collectObjects(root, objects, 0);
      for (JsonNode o : objects) {
        if (isArticleType(o.get("@type"))) {
          return o;
        }
        if (fallback == null && (o.has("datePublished") || o.has("headline"))) {
          fallback = o;
        }
      }
    }
    return fallback;
  }

  private static void collectObjects(JsonNode n, List<JsonNode> out, int depth) {
    if (n == null || depth > 6) {
      return;
    }
    if (n.isArray()) {
      n.forEach(c -> collectObjects(c, out, depth + 1));
    } else if (n.isObject()) {
      out.add(n);
      collectObjects(n.get("@graph"), out, depth + 1);
      JsonNode main = n.get("mainEntity");
      if (main != null && main.isObject()) {
        collectObjects(main, out, depth + 1);
      }
    }
  }

  private static boolean isArticleType(JsonNode type) {
    if (type == null) {
      return false;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (isArticleType(t)) {
          return true;
        }
      }
      return false;
    }
    String t = type.asText("").toLowerCase(Locale.ROOT);
    int slash = t.lastIndexOf('/');
    return ARTICLE_TYPES.contains(slash >= 0 ? t.substring(slash + 1) : t);
  }

  private static OffsetDateTime published(
      JsonNode article, Map<String, String> meta, PageIndex index, String url) {
    // Publication dates first, then the URL's date, then a <time> element, and a modification
    // date only as the last resort: it can be days later than the text it dates.
    OffsetDateTime t = first(article, "datePublished", "dateCreated", "uploadDate");
    for (int i = 0; t == null && i < DATE_KEYS.length; i++) {
      t = DateParsing.parse(meta.get(DATE_KEYS[i]));
    }
    if (t == null) {
      t = DateParsing.fromUrl(url);
    }
    for (int i = 0; t == null && i < index.times.size(); i++) {
      t = DateParsing.parse(index.times.get(i).attr("datetime"));
    }
    if (t == null) {
      t = first(article, "dateModified");
    }
    for (int i = 0; t == null && i < MODIFIED_KEYS.length; i++) {
      t = DateParsing.parse(meta.get(MODIFIED_KEYS[i]));
    }
    return t;
  }

  private static OffsetDateTime first(JsonNode article, String... keys) {
    if (article == null) {
      return null;
    }
    for (String k : keys) {
      OffsetDateTime t = DateParsing.parse(text(article.get(k)));
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  private static List<String> authors(JsonNode article, Map<String, String> meta, PageIndex index) {
    Set<String> names = new LinkedHashSet<>();
    if (article != null) {
      addAuthors(article.get("author"), names, 0);
    }
    if (names.isEmpty()) {
      addName(meta.get("author"), names);
      addName(meta.get("article:author"), names);
      addName(meta.get("parsely-author"), names);
      addName(meta.get("sailthru.author"), names);
      addName(meta.get("dc.creator"), names);
    }
    if (names.isEmpty()) {
      for (Element e : index.authorElements) {
        Element name = e.selectFirst("[itemprop=name]");
        addName((name != null ? name : e).text(), names);
        if (names.size() >= 5) {
          break;
        }
      }
    }
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String n : names) {
      if (seen.add(n.toLowerCase(Locale.ROOT)) && out.size() < 10) {
        out.add(n);
      }
    }
    return out;
  }

  private static void addAuthors(JsonNode n, Set<String> names, int depth) {
    if (n == null || depth > 3) {
      return;
    }
    if (n.isArray()) {
      n.forEach(a -> addAuthors(a, names, depth + 1));
    } else if (n.isObject()) {
      addName(text(n.get("name")), names);
    } else {
      addName(n.asText(""), names);
    }
  }

  private static void addName(String raw, Set<String> names) {
    if (raw == null) {
      return;
    }
    String s = raw.strip().replaceFirst("(?i)^(by|von|par|por|di|door)\\s+", "").strip();
    if (s.isEmpty()
        || s.length() > 80
        || s.startsWith("http")
        || s.contains("/")
        || s.contains("@")) {
      return;
    }
    names.add(s);
  }

  private static String canonical(PageIndex index, Map<String, String> meta, String url) {
    Element link = index.canonicalLink;
    String href = link != null ? link.attr("href").strip() : meta.get("og:url");
    if (href == null || href.isBlank()) {
      return null;
    }
    if (url != null && !href.matches("(?i)^https?://.*")) {
      try {
        return URI.create(url).resolve(href).toString();
      } catch (IllegalArgumentException e) {
        return href;
      }
    }
    return href;
  }

  private static String declaredLang(Document doc, Map<String, String> meta, JsonNode article) {
    Element html = doc.child(0);
    String[] candidates = {
      html == null ? null : html.attr("lang"),
      html == null ? null : html.attr("xml:lang"),
      meta.get("content-language"),
      meta.get("language"),
      meta.get("dc.language"),
      meta.get("og:locale"),
      article == null ? null : text(article.path("inLanguage"))
    };
    for (String c : candidates) {
      String code = LanguageGuesser.normalise(c);
      if (code != null) {
        return code;
      }
    }
    return null;
  }

  static String cleanTitle(String title, String siteName) {
    if (title == null) {
      return null;
    }
    String t = title.strip();
    if (siteName != null && !siteName.isBlank()) {
      String site = siteName.strip();
      for (String sep : new String[] {" | ", " - ", " – ", " — ", " :: ", " · ", ": "}) {
        if (t.endsWith(sep + site)) {
          return t.substring(0, t.length() - sep.length() - site.length()).strip();
        }
        if (t.startsWith(site + sep)) {
          return t.substring(site.length() + sep.length()).strip();
        }
      }
    }
    return t;
  }

  private static String firstText(Element e) {
    return e == null ? null : e.text();
  }

  private static String text(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    if (n.isArray()) {
      return n.isEmpty() ? null : text(n.get(0));
    }
    if (n.isObject()) {
      return text(n.has("name") ? n.get("name") : n.get("@value"));
    }
    String s = n.asText("").strip();
    return s.isEmpty() ? null : s;
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  /** Entities left in meta values (double-encoded pages) and white space runs. */
  private static String clean(String s) {
    if (s == null) {
      return null;
    }
    String t = s.contains("&") ? Parser.unescapeEntities(s, false) : s;
    t = t.replaceAll("\\s+", " ").strip();
    return t.isEmpty() ? null : t;
  }
}
