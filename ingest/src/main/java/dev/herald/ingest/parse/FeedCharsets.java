package dev.herald.ingest.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a feed body to text, choosing the charset the way real feeds need rather than the way RFC
 * 3023 says:
 *
 * <ol>
 *   <li>a byte-order mark decides (UTF-8, UTF-16, UTF-32);
 *   <li>so does the zero-byte pattern of an unmarked UTF-16/32 document;
 *   <li>bytes that are valid UTF-8 with multi-byte sequences are UTF-8 whatever the labels say
 *       (servers and templates routinely mislabel UTF-8 as ISO-8859-1; the reverse cannot decode);
 *   <li>otherwise the HTTP charset, then the XML prolog's encoding, except that a server-default
 *       Latin-1 label yields to a specific prolog declaration;
 *   <li>undeclared and not UTF-8: Cyrillic text is told apart as windows-1251 or KOI8-R by its
 *       letter case, anything else is windows-1252 (a superset of ISO-8859-1's printable range).
 * </ol>
 *
 * Never throws: undecodable bytes become U+FFFD.
 */
public final class FeedCharsets {

  /** The decoded text and the charset used (its canonical Java name). */
  public record Decoded(String text, String charset) {}

  private static final Pattern HTTP_CHARSET =
      Pattern.compile("(?i)charset\\s*=\\s*[\"']?([A-Za-z0-9._:+-]+)");
  private static final Pattern PROLOG_ENCODING =
      Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:+-]+)[\"']");

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
  private static final Charset KOI8_R = Charset.forName("KOI8-R");
  private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
  private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

  /** Labels servers send by default; a document's own specific declaration is more credible. */
  private static final Set<String> DEFAULT_LABELS =
      Set.of("ISO-8859-1", "US-ASCII", "windows-1252");

  private FeedCharsets() {}

  /**
   * Decodes {@code body}. {@code contentType} is the HTTP Content-Type or null.
   *
   * @throws NullPointerException when body is null
   */
  public static Decoded decode(byte[] body, String contentType) {
    // 1. byte-order marks
    if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
      return lenient(body, 3, StandardCharsets.UTF_8);
    }
    if (startsWith(body, 0x00, 0x00, 0xFE, 0xFF)) {
      return lenient(body, 4, UTF_32BE);
    }
    if (startsWith(body, 0xFF, 0xFE, 0x00, 0x00)) {
      return lenient(body, 4, UTF_32LE);
    }
    if (startsWith(body, 0xFE, 0xFF)) {
      return lenient(body, 2, StandardCharsets.UTF_16BE);
    }
    if (startsWith(body, 0xFF, 0xFE)) {
      return lenient(body, 2, StandardCharsets.UTF_16LE);
    }
    // 2. unmarked UTF-16/32: the first character ('<', '{' or a space) is ASCII
    Charset wide = wideByZeroPattern(body);
    if (wide != null) {
      return lenient(body, 0, wide);
    }
    // 3. valid UTF-8
    Charset http = charsetOf(httpLabel(contentType));
    Charset prolog = charsetOf(prologLabel(body));
    Utf8 utf8 = utf8(body);
    if (utf8 == Utf8.MULTIBYTE) {
      return lenient(body, 0, StandardCharsets.UTF_8);
    }
    // 4. declarations (only ASCII-compatible ones can describe bytes that decoded this far)
    Charset declared = choose(http, prolog);
    if (utf8 == Utf8.ASCII) {
      return lenient(
          body, 0, declared != null && isAsciiCompatible(declared) ? declared : UTF_8_CS);
    }
    if (declared != null && isAsciiCompatible(declared) && !declared.equals(UTF_8_CS)) {
      return lenient(body, 0, widen(declared));
    }
    // 5. undeclared (or wrongly declared UTF-8) single-byte text
    return lenient(body, 0, guessSingleByte(body));
  }

  private static final Charset UTF_8_CS = StandardCharsets.UTF_8;

  /** HTTP wins (RFC 3023), unless it is a server default and the prolog names something else. */
  private static Charset choose(Charset http, Charset prolog) {
    if (http == null) {
      return prolog;
    }
    if (prolog != null
        && DEFAULT_LABELS.contains(http.name())
        && !DEFAULT_LABELS.contains(prolog.name())
        && !prolog.equals(UTF_8_CS)) {
      return prolog;
    }
    if (http.equals(UTF_8_CS) && prolog != null && !prolog.equals(UTF_8_CS)) {
      // The bytes are not valid UTF-8 (step 3 failed), so the HTTP label is wrong.
      return prolog;
    }
    return http;
  }

  /** Latin-1 and ASCII labels decode as windows-1252, which browsers and feeds really mean. */
  private static Charset widen(Charset cs) {
    return DEFAULT_LABELS.contains(cs.name()) ? WINDOWS_1252 : cs;
  }

  static String httpLabel(String contentType) {
    if (contentType == null) {
      return null;
    }
    Matcher m = HTTP_CHARSET.matcher(contentType);
    return m.find() ? m.group(1) : null;
  }

  static String prologLabel(byte[] body) {
    int n = Math.min(body.length, 512);
    String head = new String(body, 0, n, StandardCharsets.ISO_8859_1).stripLeading();
    Matcher m = PROLOG_ENCODING.matcher(head);
    return m.find() ? m.group(1) : null;
  }

  /** The JVM charset for a label; null when unknown, unsupported or not usable for feeds. */
  static Charset charsetOf(String label) {
    if (label == null || label.isBlank()) {
      return null;
    }
    String l = label.strip().toLowerCase(Locale.ROOT);
    // Common aliases the JVM does not know under these names.
    l =
        switch (l) {
          case "utf8" -> "utf-8";
          case "latin1", "latin-1", "iso8859-1", "iso8859_1" -> "iso-8859-1";
          case "cp1251", "win-1251", "windows1251" -> "windows-1251";
          case "cp1252", "win-1252", "windows1252" -> "windows-1252";
          case "koi8r" -> "koi8-r";
          case "gb2312", "gbk" -> "gb18030"; // supersets, as browsers decode them
          default -> l;
        };
    try {
      return Charset.forName(l);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }

  private static boolean isAsciiCompatible(Charset cs) {
    String name = cs.name().toUpperCase(Locale.ROOT);
    return !name.startsWith("UTF-16")
        && !name.startsWith("UTF-32")
        && !name.startsWith("X-UTF-32")
        && !name.contains("EBCDIC")
        && !name.startsWith("IBM0")
        && !name.equals("UTF-7");
  }

  private static Charset wideByZeroPattern(byte[] b) {
    if (b.length < 4) {
      return null;
    }
    boolean z0 = b[0] == 0;
    boolean z1 = b[1] == 0;
    boolean z2 = b[2] == 0;
    boolean z3 = b[3] == 0;
    if (z0 && z1 && z2 && !z3) {
      return UTF_32BE;
    }
    if (!z0 && z1 && z2 && z3) {
      return UTF_32LE;
    }
    if (z0 && !z1 && z2 && !z3) {
      return StandardCharsets.UTF_16BE;
    }
    if (!z0 && z1 && !z2 && z3) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  private enum Utf8 {
    ASCII,
    MULTIBYTE,
    INVALID
  }

  private static Utf8 utf8(byte[] body) {
    boolean ascii = true;
    for (byte b : body) {
      if (b < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return Utf8.ASCII;
    }
    CharsetDecoder strict =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      strict.decode(ByteBuffer.wrap(body));
      return Utf8.MULTIBYTE;
    } catch (CharacterCodingException e) {
      return Utf8.INVALID;
    }
  }

  /**
   * Cyrillic in a single-byte charset writes nearly every letter of a word as a high byte, so high
   * bytes come in runs; Western European text has an accented letter here and there. Between
   * windows-1251 and KOI8-R, which swap the upper- and lower-case ranges, the right one yields
   * mostly lower-case letters.
   */
  static Charset guessSingleByte(byte[] body) {
    int high = 0;
    int inRuns = 0;
    for (int i = 0; i < body.length; i++) {
      if (body[i] < 0) {
        high++;
        boolean prevHigh = i > 0 && body[i - 1] < 0;
        boolean nextHigh = i + 1 < body.length && body[i + 1] < 0;
        if (prevHigh || nextHigh) {
          inRuns++;
        }
      }
    }
    if (high < 8 || inRuns < high * 0.6) {
      return WINDOWS_1252;
    }
    long lower1251 = lowerCyrillic(new String(body, WINDOWS_1251));
    long lowerKoi8 = lowerCyrillic(new String(body, KOI8_R));
    if (lower1251 == 0 && lowerKoi8 == 0) {
      return WINDOWS_1252;
    }
    return lowerKoi8 > lower1251 ? KOI8_R : WINDOWS_1251;
  }

  private static long lowerCyrillic(String s) {
    return s.chars().filter(c -> c >= '\u0430' && c <= '\u044F' || c == '\u0451').count();
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static Decoded lenient(byte[] body, int offset, Charset cs) {
    CharsetDecoder decoder =
        cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try {
      CharBuffer chars = decoder.decode(ByteBuffer.wrap(body, offset, body.length - offset));
      return new Decoded(chars.toString(), cs.name());
    } catch (CharacterCodingException e) {
      // REPLACE never reports; keep the compiler honest
      return new Decoded(new String(body, offset, body.length - offset, cs), cs.name());
    }
  }
}
