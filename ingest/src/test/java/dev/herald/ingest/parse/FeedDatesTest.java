package dev.herald.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedDatesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // RFC 822 and its sloppy relatives
        "Tue, 14 Nov 2017 09:00:00 +0300      | 2017-11-14T09:00+03:00",
        "Tue, 14 Nov 2017 09:00:00 GMT        | 2017-11-14T09:00Z",
        "14 Nov 2017 09:00 EST                | 2017-11-14T09:00-05:00",
        "Tue, 14 Nov 17 09:00:00 +0000        | 2017-11-14T09:00Z",
        "Tue, 14 November 2017 09:00:00 +03:00| 2017-11-14T09:00+03:00",
        "Thu, 01 Jan 2004 19:48:21 GMT        | 2004-01-01T19:48:21Z",
        "Sun, 4 Jan 2004 16:29:06 PST         | 2004-01-04T16:29:06-08:00",
        "Thu Jan 01 19:48:21 2004             | 2004-01-01T19:48:21Z",
        "Nov 14, 2017 9:05 pm                 | 2017-11-14T21:05Z",
        "November 14th, 2017 at 12:30 AM GMT+2| 2017-11-14T00:30+02:00",
        // W3C / ISO 8601
        "2017-11-14T09:00:00+03:00            | 2017-11-14T09:00+03:00",
        "2017-11-14T06:00:00.123Z             | 2017-11-14T06:00:00.123Z",
        "2017-11-14 09:00:00 +0300            | 2017-11-14T09:00+03:00",
        "2017-11-14T09:00+03                  | 2017-11-14T09:00+03:00",
        "20171114T090000Z                     | 2017-11-14T09:00Z",
        "2017-11-14                           | 2017-11-14T00:00Z",
        "2006-01-17T12:35:1+01:00             | 2006-01-17T12:35:01+01:00",
        // other languages
        "14 de novembro de 2017 09:00 -0200   | 2017-11-14T09:00-02:00",
        "ter, 14 nov 2017 09:00:00 -0300      | 2017-11-14T09:00-03:00",
        "Sáb, 02 Fev 2019 10:00:00 -0300      | 2019-02-02T10:00-03:00",
        "mar., 14 nov. 2017 09:00:00 +0100    | 2017-11-14T09:00+01:00",
        "Di, 14 Nov. 2017 09:00:00 +0100      | 2017-11-14T09:00+01:00",
        "14. März 2017 09:00 MEZ              | 2017-03-14T09:00+01:00",
        "mardi 14 décembre 2017 14h30         | 2017-12-14T14:30Z",
        "14 ноября 2017 09:00 +0300           | 2017-11-14T09:00+03:00",
        "14 listopada 2017 09:00              | 2017-11-14T09:00Z",
        "14 ottobre 2017                      | 2017-10-14T00:00Z",
        // numeric day-first dates
        "14.11.2017 09:00                     | 2017-11-14T09:00Z",
        "2017/11/14 09:00:00 +0900            | 2017-11-14T09:00+09:00",
      })
  void shouldReadTheDatesFeedsWrite(String raw, String expected) {
    // Given / When
    FeedDates.Parsed parsed = FeedDates.parse(raw);

    // Then
    assertThat(parsed).isNotNull();
    assertThat(parsed.dateTime()).isEqualTo(OffsetDateTime.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "yesterday",
        "0000-00-00 00:00:00",
        "31 Feb 2017 10:00",
        "Tue, 99 Nov 2017",
        "some 2017 text",
        "2017-13-40"
      })
  void shouldReturnNullForTextThatIsNoDate(String raw) {
    // Given / When / Then
    assertThat(FeedDates.parse(raw)).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Tue, 14 Nov 2017 09:00:00 +0300 | +03:00",
        "2017-11-14T09:00:00Z            | +00:00",
        "Tue, 14 Nov 2017 09:00:00 PDT   | -07:00",
      })
  void shouldSayWhichOffsetTheFeedWrote(String raw, String offset) {
    // Given / When / Then
    assertThat(FeedDates.parse(raw).offset()).isEqualTo(offset);
    assertThat(FeedDates.parse(raw).zoneGiven()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Tue, 14 Nov 2017 09:00:00", "2017-11-14 09:00", "14 de novembro de 2017"})
  void shouldReadADateWithoutZoneAsUtcAndSaySo(String raw) {
    // Given / When
    FeedDates.Parsed parsed = FeedDates.parse(raw);

    // Then
    assertThat(parsed.zoneGiven()).isFalse();
    assertThat(parsed.offset()).isNull();
    assertThat(parsed.dateTime().getOffset().getTotalSeconds()).isZero();
  }
}
