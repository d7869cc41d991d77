package dev.herald.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FeedCharsetsTest {

  private static final String RUSSIAN =
      "<rss version=\"2.0\"><channel><title>Новости дня</title><item><title>"
          + "Съезд народов Сирии пройдёт в Сочи в середине ноября, сообщил источник"
          + "</title></item></channel></rss>";

  private static byte[] bytes(String s, String charset) {
    return s.getBytes(Charset.forName(charset));
  }

  @Test
  void shouldLetAByteOrderMarkDecideOverEveryLabel() {
    // Given UTF-16LE with a BOM, labelled ISO-8859-1 by the server
    byte[] body = bytes("\uFEFF<rss><title>Grüße</title></rss>", "UTF-16LE");

    // When
    FeedCharsets.Decoded d = FeedCharsets.decode(body, "text/xml; charset=ISO-8859-1");

    // Then
    assertThat(d.charset()).isEqualTo("UTF-16LE");
    assertThat(d.text()).isEqualTo("<rss><title>Grüße</title></rss>");
  }

  @Test
  void shouldRecogniseUnmarkedUtf16AndUtf32ByTheirZeroBytes() {
    // Given / When / Then
    assertThat(FeedCharsets.decode(bytes("<rss/>", "UTF-16BE"), null).text()).isEqualTo("<rss/>");
    assertThat(FeedCharsets.decode(bytes("<rss/>", "UTF-32LE"), null).text()).isEqualTo("<rss/>");
  }

  @Test
  void shouldPreferTheHttpCharsetToTheXmlPrologAsRfc3023Says() {
    // Given Latin-1 bytes whose prolog claims windows-1251 but the server says ISO-8859-2
    String xml = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss><title>Łódź</title></rss>";
    byte[] body = bytes(xml, "ISO-8859-2");

    // When
    FeedCharsets.Decoded d = FeedCharsets.decode(body, "application/rss+xml; charset=iso-8859-2");

    // Then
    assertThat(d.text()).contains("Łódź");
  }

  @Test
  void shouldPreferASpecificPrologToAServerDefaultLatin1Label() {
    // Given windows-1251 text declared in the prolog, served with Apache's default ISO-8859-1
    String xml = "<?xml version=\"1.0\" encoding=\"windows-1251\"?>" + RUSSIAN;

    // When
    FeedCharsets.Decoded d =
        FeedCharsets.decode(bytes(xml, "windows-1251"), "text/xml; charset=ISO-8859-1");

    // Then
    assertThat(d.charset()).isEqualTo("windows-1251");
    assertThat(d.text()).contains("Съезд народов Сирии");
  }

  @Test
  void shouldReadValidUtf8AsUtf8WhateverTheLabelsClaim() {
    // Given UTF-8 bytes under a Latin-1 prolog (a common template bug)
    String xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><feed><title>Café</title></feed>";

    // When
    FeedCharsets.Decoded d = FeedCharsets.decode(bytes(xml, "UTF-8"), null);

    // Then
    assertThat(d.charset()).isEqualTo("UTF-8");
    assertThat(d.text()).contains("Café");
  }

  @Test
  void shouldTellUndeclaredWindows1251FromKoi8rByLetterCase() {
    // Given the same Russian text in both Cyrillic single-byte charsets, nothing declared
    byte[] cp1251 = bytes(RUSSIAN, "windows-1251");
    byte[] koi8 = bytes(RUSSIAN, "KOI8-R");

    // When
    FeedCharsets.Decoded a = FeedCharsets.decode(cp1251, null);
    FeedCharsets.Decoded b = FeedCharsets.decode(koi8, "text/xml");

    // Then
    assertThat(a.charset()).isEqualTo("windows-1251");
    assertThat(a.text()).isEqualTo(RUSSIAN);
    assertThat(b.charset()).isEqualTo("KOI8-R");
    assertThat(b.text()).isEqualTo(RUSSIAN);
  }

  @Test
  void shouldReadUndeclaredWesternTextAsWindows1252() {
    // Given French with curly quotes, not UTF-8, nothing declared
    String xml = "<rss><title>L’été à Paris – « déjà » vu</title></rss>";

    // When
    FeedCharsets.Decoded d = FeedCharsets.decode(bytes(xml, "windows-1252"), null);

    // Then
    assertThat(d.charset()).isEqualTo("windows-1252");
    assertThat(d.text()).isEqualTo(xml);
  }

  @Test
  void shouldFallBackToWindows1252WhenADeclaredUtf8BodyIsNotUtf8() {
    // Given Latin-1 bytes under a UTF-8 prolog
    String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><note><to>Anaïs</to></note>";

    // When
    FeedCharsets.Decoded d = FeedCharsets.decode(bytes(xml, "ISO-8859-1"), null);

    // Then
    assertThat(d.text()).contains("Anaïs");
  }

  @Test
  void shouldDecodeKoi8rWhenTheDocumentDeclaresIt() {
    // Given
    String xml = "<?xml version=\"1.0\" encoding=\"KOI8-R\"?>" + RUSSIAN;

    // When
    FeedCharsets.Decoded d = FeedCharsets.decode(bytes(xml, "KOI8-R"), null);

    // Then
    assertThat(d.text()).contains("Новости дня");
  }

  @Test
  void shouldNeverThrowOnUndecodableBytes() {
    // Given invalid UTF-8 after a UTF-8 BOM
    byte[] body = {
      (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '<', 'a', '>', (byte) 0xF1, '<', '/', 'a', '>'
    };

    // When
    FeedCharsets.Decoded d = FeedCharsets.decode(body, null);

    // Then
    assertThat(d.text()).isEqualTo("<a>\uFFFD</a>");
    assertThat(StandardCharsets.UTF_8.name()).isEqualTo(d.charset());
  }
}
