package dev.herald.ingest.article;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Stable article ids. The id is the first 16 bytes (32 hex digits) of the SHA-256 of, in order of
 * preference: the canonical URL of the item's link; the feed URL and the item's GUID; the feed URL,
 * title and date (scoped to the feed, since a bare title is not unique across feeds). The same item
 * therefore gets the same id in every run and on every instance.
 */
public final class ArticleIds {

  /** Query parameters that only track the reader; they never select the article. */
  private static final Set<String> TRACKING_PARAMS =
      Set.of(
          "fbclid",
          "gclid",
          "gclsrc",
          "dclid",
          "msclkid",
          "mc_cid",
          "mc_eid",
          "ref",
          "ref_src",
          "ref_url",
          "cmpid",
          "igshid",
          "yclid",
          "_ga",
          "_gl",
          "_hsenc",
          "_hsmi",
          "mkt_tok",
          "ocid",
          "ncid",
          "icid",
          "wt.mc_id",
          "wt_mc_id",
          "xtor",
          "at_medium",
          "at_campaign",
          "sr_share",
          "smid",
          "cmp",
          "ito",
          "dicbo",
          "vero_id",
          "oly_enc_id",
          "oly_anon_id",
          "rss");

  /** Parameters that are tracking only when they say the reader came from a feed (NYT: emc=rss). */
  private static final Set<String> FEED_MARKER_PARAMS =
      Set.of("partner", "emc", "src", "source", "from", "feed", "via", "channel");

  private static final Set<String> FEED_MARKER_VALUES = Set.of("rss", "feed", "atom", "rss2");

  private ArticleIds() {}

  /**
   * The link in canonical form: scheme and host lower-cased, default port, credentials and fragment
   * dropped, tracking parameters removed, remaining parameters sorted, an empty path written as
   * "/". Non-HTTP links only lose their fragment. Returns null for null or blank input.
   */
  public static String canonicalUrl(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String s = url.strip();
    URI uri;
    try {
      uri = new URI(escapeIllegal(s));
    } catch (URISyntaxException e) {
      int hash = s.indexOf('#');
      return hash >= 0 ? s.substring(0, hash) : s;
    }
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getRawAuthority() == null) {
      String str = uri.toString();
      int hash = str.indexOf('#');
      String noFragment = hash >= 0 ? str.substring(0, hash) : str;
      return scheme == null ? noFragment : scheme + noFragment.substring(scheme.length());
    }
    String host = uri.getHost();
    if (host == null) {
      // An authority Java cannot split (e.g. underscores in the host name): keep it, lower-cased.
      host = uri.getRawAuthority().replaceFirst("^[^@]*@", "").replaceFirst(":\\d+$", "");
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    int port = uri.getPort();
    boolean defaultPort =
        port < 0
            || (scheme.equals("http") && port == 80)
            || (scheme.equals("https") && port == 443);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    path = normalizePath(path);
    StringBuilder out = new StringBuilder(s.length());
    out.append(scheme).append("://").append(host);
    if (!defaultPort) {
      out.append(':').append(port);
    }
    out.append(path);
    String query = canonicalQuery(uri.getRawQuery());
    if (!query.isEmpty()) {
      out.append('?').append(query);
    }
    return out.toString();
  }

  /** The id of an article whose canonical URL is known. */
  public static String fromCanonicalUrl(String canonicalUrl) {
    return hash(canonicalUrl);
  }

  /**
   * The id of a feed item: from its link when it has one, else from the feed URL and its GUID, else
   * from the feed URL, its title and its date (either may be null).
   */
  public static String articleId(
      String feedUrl, String link, String guid, String title, Instant date) {
    String canonical = canonicalUrl(link);
    if (canonical != null) {
      return hash(canonical);
    }
    if (guid != null && !guid.isBlank()) {
      return hash(feedUrl + "\n" + guid.strip());
    }
    return hash(
        feedUrl
            + "\n"
            + (title == null ? "" : title.strip())
            + "\n"
            + (date == null ? "" : date.toString()));
  }

  /**
   * An id scoped to a feed from several parts (nulls count as empty), for items whose link and GUID
   * are shared with other items of the same feed.
   */
  public static String scopedId(String feedUrl, String... parts) {
    StringBuilder material = new StringBuilder(feedUrl);
    for (String p : parts) {
      material.append('\n').append(p == null ? "" : p.strip());
    }
    return hash(material.toString());
  }

  /** First 16 bytes of SHA-256, as 32 lower-case hex digits. */
  static String hash(String material) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String part : rawQuery.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String name = (eq < 0 ? part : part.substring(0, eq)).toLowerCase(Locale.ROOT);
      String value = eq < 0 ? "" : part.substring(eq + 1).toLowerCase(Locale.ROOT);
      boolean tracking =
          name.startsWith("utm_")
              || TRACKING_PARAMS.contains(name)
              || (FEED_MARKER_PARAMS.contains(name) && FEED_MARKER_VALUES.contains(value));
      if (!tracking) {
        kept.add(part);
      }
    }
    kept.sort(null);
    return String.join("&", kept);
  }

  /** Resolves "." and ".." segments; keeps everything else, including a trailing slash. */
  private static String normalizePath(String path) {
    if (!path.contains("/.")) {
      return path;
    }
    String normalized = URI.create("x:" + path).normalize().getRawSchemeSpecificPart();
    return normalized.startsWith("/") ? normalized : "/" + normalized;
  }

  /** Percent-encodes the characters feeds put in links that java.net.URI rejects. */
  private static String escapeIllegal(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      } else {
        out.append((char) c);
      }
    }
    return out.toString();
  }
}
