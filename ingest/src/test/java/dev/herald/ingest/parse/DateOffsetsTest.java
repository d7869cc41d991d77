package dev.herald.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateOffsetsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "Tue, 14 Nov 2017 09:00:00 +0300 | +03:00",
        "Tue, 14 Nov 2017 09:00:00 -0530 | -05:30",
        "Tue, 14 Nov 2017 09:00:00 GMT   | +00:00",
        "Tue, 14 Nov 2017 09:00:00 EST   | -05:00",
        "2017-11-14T09:00:00+03:00       | +03:00",
        "2017-11-14T09:00:00.250-07:00   | -07:00",
        "2017-11-14T09:00:00Z            | +00:00",
        "2017-11-14T09:00:00             | null",
        "2017-11-14                      | null",
        "Tue, 14 Nov 2017 09:00:00 XYZ   | null",
        "not a date                      | null"
      })
  void shouldReadTheOffsetAsTheFeedWroteIt(String raw, String expected) {
    // Given / When
    String offset = DateOffsets.offsetOf(raw);

    // Then
    assertThat(offset).isEqualTo(expected);
  }
}
