package dev.herald.nlp.time;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagDatesJobTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static List<String> run(String input) throws Exception {
    StringWriter out = new StringWriter();
    TagDatesJob.run(new StringReader(input), out, null);
    return out.toString().lines().toList();
  }

  @Test
  void shouldWriteOneLineOfTimexesPerInputLineInOrder() throws Exception {
    // Given
    String input =
        "{\"id\":\"a\",\"dct\":\"2017-11-14\",\"text\":\"The congress opens in mid-November.\"}\n"
            + "{\"id\":\"b\",\"dct\":\"2017-11-14\",\"text\":\"Nothing here.\"}\n";
    // When
    List<String> lines = run(input);
    // Then
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .isEqualTo(
            "{\"id\":\"a\",\"timexes\":[{\"start\":22,\"end\":34,\"text\":\"mid-November\","
                + "\"type\":\"DATE\",\"value\":\"2017-11\",\"mod\":\"MID\"}]}");
    assertThat(lines.get(1)).isEqualTo("{\"id\":\"b\",\"timexes\":[]}");
  }

  @Test
  void shouldOmitModWhenThereIsNone() throws Exception {
    // When
    List<String> lines = run("{\"id\":1,\"dct\":\"2017-11-14\",\"text\":\"in December\"}");
    // Then
    JsonNode t = MAPPER.readTree(lines.get(0)).get("timexes").get(0);
    assertThat(t.has("mod")).isFalse();
    assertThat(t.get("value").asText()).isEqualTo("2017-12");
    assertThat(MAPPER.readTree(lines.get(0)).get("id").asInt()).isEqualTo(1);
  }

  @Test
  void shouldAnswerMalformedLinesWithAnErrorAndGoOn() throws Exception {
    // Given
    String input =
        "not json\n"
            + "{\"id\":\"x\",\"dct\":\"14/11/2017\",\"text\":\"today\"}\n"
            + "{\"id\":\"y\",\"dct\":\"2017-11-14\"}\n"
            + "\n"
            + "{\"id\":\"z\",\"text\":\"On Tuesday, in 2016.\"}\n";
    // When
    List<String> lines = run(input);
    // Then
    assertThat(lines).hasSize(5);
    assertThat(MAPPER.readTree(lines.get(0)).get("line").asInt()).isEqualTo(1);
    assertThat(MAPPER.readTree(lines.get(0)).get("error").asText()).contains("malformed JSON");
    assertThat(MAPPER.readTree(lines.get(1)).get("error").asText()).contains("malformed dct");
    assertThat(MAPPER.readTree(lines.get(2)).get("error").asText()).contains("missing text");
    assertThat(MAPPER.readTree(lines.get(3)).get("line").asInt()).isEqualTo(4);
    // a missing dct still tags absolute expressions
    JsonNode z = MAPPER.readTree(lines.get(4));
    assertThat(z.get("timexes")).hasSize(1);
    assertThat(z.get("timexes").get(0).get("value").asText()).isEqualTo("2016");
  }

  @Test
  void shouldTakeTheArticleDateAndOffsetFromADateTimeDct() throws Exception {
    // When
    List<String> lines =
        run(
            "{\"id\":\"t\",\"dct\":\"2017-11-14T08:00:00+03:00\","
                + "\"text\":\"The vote is at 3 p.m. tomorrow.\"}");
    // Then
    JsonNode t = MAPPER.readTree(lines.get(0)).get("timexes").get(0);
    assertThat(t.get("type").asText()).isEqualTo("TIME");
    assertThat(t.get("value").asText()).isEqualTo("2017-11-15T15:00+03:00");
  }

  @Test
  void shouldReportProgressForLargeInputs() throws Exception {
    // Given
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < TagDatesJob.PROGRESS_EVERY + 1; i++) {
      in.append("{\"id\":").append(i).append(",\"dct\":\"2017-11-14\",\"text\":\"today\"}\n");
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    StringWriter out = new StringWriter();
    // When
    TagDatesJob.Summary summary =
        TagDatesJob.run(
            new StringReader(in.toString()),
            out,
            new PrintStream(err, true, StandardCharsets.UTF_8));
    // Then
    assertThat(summary.lines()).isEqualTo(TagDatesJob.PROGRESS_EVERY + 1);
    assertThat(summary.timexes()).isEqualTo(TagDatesJob.PROGRESS_EVERY + 1);
    assertThat(summary.errors()).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("10,000 lines").contains("done");
  }

  @Test
  void shouldKeepLinesOneToOneWhenALineHoldsAStrayCarriageReturn() throws Exception {
    // Given a CRLF file whose second line has a raw CR inside (not valid JSON)
    String input =
        "{\"id\":\"a\",\"dct\":\"2017-11-14\",\"text\":\"today\"}\r\n"
            + "{\"id\":\"b\",\r\"text\":\"x\"} junk\r\n"
            + "{\"id\":\"c\",\"dct\":\"2017-11-14\",\"text\":\"in December\"}\r\n";
    // When
    List<String> lines = run(input);
    // Then
    assertThat(lines).hasSize(3);
    assertThat(MAPPER.readTree(lines.get(0)).get("id").asText()).isEqualTo("a");
    assertThat(MAPPER.readTree(lines.get(1)).get("line").asInt()).isEqualTo(2);
    assertThat(MAPPER.readTree(lines.get(2)).get("id").asText()).isEqualTo("c");
  }

  @Test
  void shouldAnswerTrailingGarbageAfterTheObjectWithAnError() throws Exception {
    // When
    List<String> lines = run("{\"id\":\"a\",\"text\":\"in 2016\"} {\"id\":\"b\"}\n");
    // Then
    assertThat(lines).hasSize(1);
    assertThat(MAPPER.readTree(lines.get(0)).get("line").asInt()).isEqualTo(1);
    assertThat(MAPPER.readTree(lines.get(0)).get("error").asText()).contains("malformed JSON");
  }

  @Test
  void shouldWriteEachLineBeforeReadingTheNext() throws Exception {
    // Given a reader that hands out one line per read and records what was written by then
    List<String> lines = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      lines.add("{\"id\":" + i + ",\"dct\":\"2017-11-14\",\"text\":\"today\"}\n");
    }
    StringWriter out = new StringWriter();
    List<Long> writtenBeforeRead = new java.util.ArrayList<>();
    java.io.Reader oneLineAtATime =
        new java.io.Reader() {
          private int next;

          @Override
          public int read(char[] cbuf, int off, int len) {
            writtenBeforeRead.add(out.toString().lines().count());
            if (next == lines.size()) {
              return -1;
            }
            String l = lines.get(next++);
            int n = Math.min(len, l.length());
            l.getChars(0, n, cbuf, off);
            return n;
          }

          @Override
          public void close() {}
        };
    // When
    TagDatesJob.run(oneLineAtATime, out, null);
    // Then: line k is read only after the answers to the k lines before it were written
    assertThat(out.toString().lines()).hasSize(5);
    for (int k = 0; k < 5; k++) {
      assertThat(writtenBeforeRead.get(k)).isEqualTo((long) k);
    }
  }
}
