package dev.herald.extract;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes to text: refuses binary data, then picks the charset from the byte-order mark, the caller's
 * hint (an HTTP header) and the page's own {@code <meta>} declaration, in that order, and checks it
 * against the bytes: a declared UTF-8 that does not decode, or a declared Latin charset over bytes
 * that are valid multi-byte UTF-8, is a wrong label and is overridden.
 */
final class HtmlDecoder {

  private static final int SNIFF_BYTES = 8192;
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final Pattern META_CHARSET =
      Pattern.compile(
          "<meta[^>]{0,400}?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]{2,40})",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern XML_ENCODING =
      Pattern.compile("^\\s*<\\?xml[^>]{0,200}?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]{2,40})");

  private HtmlDecoder() {}

  /** The decoded page, or a NOT_HTML / EMPTY rejection. */
  static String decode(byte[] bytes, String charsetHint) throws Rejection {
    if (bytes.length == 0) {
      throw new Rejection(ErrorKind.EMPTY, "no bytes");
    }
    Charset bom = bomCharset(bytes);
    int start = bom == null ? 0 : bom.equals(StandardCharsets.UTF_8) ? 3 : 2;
    if (bom == null) {
      rejectBinary(bytes);
    }
    String text =
        bom != null
            ? new String(bytes, start, bytes.length - start, bom)
            : decodeUnmarked(bytes, charsetHint);
    if (bom != null && !bom.equals(StandardCharsets.UTF_8)) {
      rejectControlText(text);
    }
    if (text.isBlank()) {
      throw new Rejection(ErrorKind.EMPTY, "only white space");
    }
    if (!hasMarkup(text)) {
      throw new Rejection(ErrorKind.NOT_HTML, "no HTML markup in the first 64 KB");
    }
    return text;
  }

  static Charset bomCharset(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  /** Magic numbers of common binary formats, NUL bytes and control characters say "not text". */
  private static void rejectBinary(byte[] b) throws Rejection {
    String magic = binaryFormat(b);
    if (magic != null) {
      throw new Rejection(ErrorKind.NOT_HTML, "binary data (" + magic + ")");
    }
    int n = Math.min(b.length, SNIFF_BYTES);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int c = b[i] & 0xFF;
      if (c == 0) {
        throw new Rejection(ErrorKind.NOT_HTML, "binary data (NUL bytes)");
      }
      if (c < 0x09 || (c > 0x0D && c < 0x20 && c != 0x1B)) {
        control++;
      }
    }
    if (control * 20 > n) {
      throw new Rejection(ErrorKind.NOT_HTML, "binary data (control bytes)");
    }
  }

  private static void rejectControlText(String text) throws Rejection {
    int n = Math.min(text.length(), SNIFF_BYTES);
    int control = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')) {
        control++;
      }
    }
    if (control * 20 > n) {
      throw new Rejection(ErrorKind.NOT_HTML, "binary data (control characters)");
    }
  }

  private static String binaryFormat(byte[] b) {
    if (startsWith(b, 0x89, 'P', 'N', 'G')) {
      return "PNG";
    }
    if (startsWith(b, 'G', 'I', 'F', '8')) {
      return "GIF";
    }
    if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
      return "JPEG";
    }
    if (startsWith(b, '%', 'P', 'D', 'F')) {
      return "PDF";
    }
    if (startsWith(b, 'P', 'K', 3, 4)) {
      return "ZIP";
    }
    if (startsWith(b, 0x1F, 0x8B)) {
      return "gzip";
    }
    if (startsWith(b, 'R', 'I', 'F', 'F')) {
      return "RIFF";
    }
    if (startsWith(b, 0x7F, 'E', 'L', 'F')) {
      return "ELF";
    }
    return null;
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

  /** Text without a byte-order mark: declared charset, checked against the bytes. */
  private static String decodeUnmarked(byte[] bytes, String hint) {
    Charset declared = charsetNamed(hint);
    if (declared == null) {
      declared = declaredInMarkup(bytes);
    }
    if (declared == null || declared.equals(StandardCharsets.UTF_8)) {
      // Decoding replaces malformed input with U+FFFD: only then is a full validity check needed.
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (text.indexOf('\uFFFD') < 0 || isValidUtf8(bytes)) {
        return text;
      }
      // Mislabelled or unlabelled non-UTF-8: a second declaration in the page may be right,
      // else the web's default.
      Charset meta = declared == null ? null : declaredInMarkup(bytes);
      Charset fallback = meta != null && !meta.equals(StandardCharsets.UTF_8) ? meta : WINDOWS_1252;
      return new String(bytes, fallback);
    }
    if (isSingleByteLatin(declared) && hasMultiByteSequence(bytes) && isValidUtf8(bytes)) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    return new String(bytes, declared);
  }

  /** The charset of a {@code <meta>} or XML declaration near the start, when Java supports it. */
  static Charset declaredInMarkup(byte[] bytes) {
    String head =
        new String(bytes, 0, Math.min(bytes.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    if (m.find()) {
      return charsetNamed(m.group(1));
    }
    Matcher x = XML_ENCODING.matcher(head);
    return x.find() ? charsetNamed(x.group(1)) : null;
  }

  static Charset charsetNamed(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String n = name.trim().toLowerCase(Locale.ROOT);
    // WHATWG encoding rules: Latin-1 and ASCII labels mean windows-1252; a UTF-16 label inside
    // an ASCII-compatible document cannot be true and means UTF-8.
    switch (n) {
      case "iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "iso8859-1" -> {
        return WINDOWS_1252;
      }
      case "utf-16", "utf-16le", "utf-16be", "unicode", "utf8", "x-user-defined" -> {
        return StandardCharsets.UTF_8;
      }
      default -> {
        // fall through to Java's own lookup
      }
    }
    try {
      return Charset.isSupported(n) ? Charset.forName(n) : null;
    } catch (IllegalArgumentException e) { // IllegalCharsetNameException included
      return null;
    }
  }

  private static boolean isSingleByteLatin(Charset c) {
    String n = c.name().toLowerCase(Locale.ROOT);
    return n.startsWith("windows-125") || n.startsWith("iso-8859") || n.equals("us-ascii");
  }

  /** Well-formed UTF-8 (shortest forms, no surrogates, at most U+10FFFF), without decoding. */
  static boolean isValidUtf8(byte[] b) {
    int i = 0;
    int n = b.length;
    while (i < n) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        i++;
        continue;
      }
      int extra;
      int min;
      if (c >= 0xC2 && c <= 0xDF) {
        extra = 1;
        min = 0x80;
      } else if (c >= 0xE0 && c <= 0xEF) {
        extra = 2;
        min = 0x800;
      } else if (c >= 0xF0 && c <= 0xF4) {
        extra = 3;
        min = 0x10000;
      } else {
        return false;
      }
      int cp = c & (0x3F >> extra);
      for (int k = 1; k <= extra; k++) {
        if (i + k >= n) {
          return false;
        }
        int cc = b[i + k] & 0xFF;
        if ((cc & 0xC0) != 0x80) {
          return false;
        }
        cp = (cp << 6) | (cc & 0x3F);
      }
      if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return false;
      }
      i += extra + 1;
    }
    return true;
  }

  private static boolean hasMultiByteSequence(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasMarkup(String text) {
    int n = Math.min(text.length(), 65536);
    for (int i = 0; i + 1 < n; i++) {
      if (text.charAt(i) == '<') {
        char c = text.charAt(i + 1);
        if (Character.isLetter(c) || c == '!' || c == '/' || c == '?') {
          return true;
        }
      }
    }
    return false;
  }
}
