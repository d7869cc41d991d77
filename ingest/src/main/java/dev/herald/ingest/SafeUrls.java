package dev.herald.ingest;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Makes URLs safe to log: drops user:password@ and masks secret-looking query parameters. */
public final class SafeUrls {

  private static final Pattern USER_INFO =
      Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/?#@]*@");
  private static final Pattern QUERY_PARAM = Pattern.compile("([?&;])([^=&;#]+)=([^&;#]*)");
  private static final Set<String> SECRET_PARAMS =
      Set.of(
          "key",
          "apikey",
          "api_key",
          "token",
          "access_token",
          "auth",
          "password",
          "passwd",
          "pwd",
          "secret",
          "sig",
          "signature",
          "session",
          "sessionid");

  private SafeUrls() {}

  /** Returns {@code url} without credentials; never throws, also for malformed input. */
  public static String redact(String url) {
    if (url == null) {
      return "null";
    }
    String withoutUser = USER_INFO.matcher(url.strip()).replaceFirst("$1");
    Matcher m = QUERY_PARAM.matcher(withoutUser);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(2).toLowerCase(Locale.ROOT);
      String replacement =
          SECRET_PARAMS.contains(name) ? m.group(1) + m.group(2) + "=***" : m.group(0);
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
