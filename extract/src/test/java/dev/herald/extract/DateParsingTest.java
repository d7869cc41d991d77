package dev.herald.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class DateParsingTest {

  @Test
  void shouldReadTheDateFormatsPagesUse() {
    // Given / When / Then
    assertThat(DateParsing.parse("2019-11-18T23:04:24-05:00"))
        .isEqualTo(OffsetDateTime.parse("2019-11-18T23:04:24-05:00"));
    assertThat(DateParsing.parse("2019-11-18T10:00:00.000Z"))
        .isEqualTo(OffsetDateTime.parse("2019-11-18T10:00:00Z"));
    assertThat(DateParsing.parse("2019-11-18T10:00:00+0100"))
        .isEqualTo(OffsetDateTime.parse("2019-11-18T10:00:00+01:00"));
    assertThat(DateParsing.parse("2019-11-18 10:00:00 -0500"))
        .isEqualTo(OffsetDateTime.parse("2019-11-18T10:00:00-05:00"));
    assertThat(DateParsing.parse("2019-11-18"))
        .isEqualTo(OffsetDateTime.parse("2019-11-18T00:00Z"));
    assertThat(DateParsing.parse("Mon, 18 Nov 2019 10:00:00 GMT"))
        .isEqualTo(OffsetDateTime.parse("2019-11-18T10:00:00Z"));
    assertThat(DateParsing.parse("1574071200"))
        .isEqualTo(OffsetDateTime.parse("2019-11-18T10:00:00Z"));
  }

  @Test
  void shouldReadTheDateOfANewsUrlPath() {
    // Given / When / Then
    assertThat(DateParsing.fromUrl("https://news.example/story/2019/11/19/teachers-protest/4065/"))
        .isEqualTo(OffsetDateTime.parse("2019-11-19T00:00Z"));
    assertThat(DateParsing.fromUrl("https://www.example.org/statements/2019/nov/18/value/"))
        .isEqualTo(OffsetDateTime.parse("2019-11-18T00:00Z"));
    assertThat(DateParsing.fromUrl("https://www.example.org/article/3834/1")).isNull();
    assertThat(DateParsing.fromUrl(null)).isNull();
  }

  @Test
  void shouldGiveNullForTextThatIsNoDate() {
    // Given / When / Then
    assertThat(DateParsing.parse("yesterday")).isNull();
    assertThat(DateParsing.parse("2019-13-45")).isNull();
    assertThat(DateParsing.parse("")).isNull();
    assertThat(DateParsing.parse(null)).isNull();
  }
}
