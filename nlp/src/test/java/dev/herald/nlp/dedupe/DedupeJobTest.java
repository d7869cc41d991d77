package dev.herald.nlp.dedupe;

import static dev.herald.nlp.dedupe.NearDupFingerprinterTest.BODY;
import static dev.herald.nlp.dedupe.NearDupFingerprinterTest.TITLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DedupeJobTest {

  private final ObjectMapper json = new ObjectMapper();

  private String line(String id, String published, String title, String text) throws Exception {
    ObjectNode n = json.createObjectNode();
    n.put("id", id);
    n.put("published", published);
    n.put("title", title);
    n.put("text", text);
    return json.writeValueAsString(n);
  }

  private List<String> run(String input) throws Exception {
    StringWriter out = new StringWriter();
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    new DedupeJob()
        .run(new StringReader(input), out, new PrintStream(progress, true, StandardCharsets.UTF_8));
    return out.toString().lines().toList();
  }

  @Test
  void shouldWriteOneLinePerInputInOrderWithTheCanonicalId() throws Exception {
    // Given
    String input =
        String.join(
            "\n",
            line("a", "2017-11-14T08:00:00Z", TITLE, BODY),
            line("b", "2017-11-14", "Something else", "A different story entirely."),
            line("c", "2017-11-14T09:30:00", "Copy", "By Anna Smith\n\n" + BODY),
            line("d", "2017-11-14T10:00:00+03:00", "Exact", BODY));

    // When
    List<String> out = run(input);

    // Then
    assertThat(out)
        .containsExactly(
            "{\"id\":\"a\",\"duplicate_of\":null}",
            "{\"id\":\"b\",\"duplicate_of\":null}",
            "{\"id\":\"c\",\"duplicate_of\":\"a\"}",
            "{\"id\":\"d\",\"duplicate_of\":\"a\"}");
  }

  @Test
  void shouldReportMalformedLinesAndContinue() throws Exception {
    // Given
    String input =
        String.join(
            "\n",
            "{not json",
            "{\"published\":\"2017-11-14\",\"text\":\"x\"}",
            "{\"id\":\"x\",\"published\":\"yesterday\",\"text\":\"x\"}",
            "[1,2]",
            line("a", "2017-11-14T08:00:00Z", TITLE, BODY));

    // When
    List<String> out = run(input);

    // Then
    assertThat(out).hasSize(5);
    assertThat(out.get(0)).startsWith("{\"line\":1,\"error\":\"not JSON");
    assertThat(out.get(1)).isEqualTo("{\"line\":2,\"error\":\"missing id\"}");
    assertThat(out.get(2)).startsWith("{\"line\":3,\"error\":\"published is not an ISO date");
    assertThat(out.get(3)).isEqualTo("{\"line\":4,\"error\":\"not a JSON object\"}");
    assertThat(out.get(4)).isEqualTo("{\"id\":\"a\",\"duplicate_of\":null}");
  }

  @Test
  void shouldReadPublishedWithoutZoneAsUtc() throws Exception {
    // Given / When / Then
    assertThat(DedupeJob.parsePublished("2017-11-14T10:00:00"))
        .isEqualTo(Instant.parse("2017-11-14T10:00:00Z"));
    assertThat(DedupeJob.parsePublished("2017-11-14"))
        .isEqualTo(Instant.parse("2017-11-14T00:00:00Z"));
    assertThat(DedupeJob.parsePublished("2017-11-14T10:00:00+02:00"))
        .isEqualTo(Instant.parse("2017-11-14T08:00:00Z"));
  }

  @Test
  void shouldNotLinkArticlesPublishedFurtherApartThanTheRetention() throws Exception {
    // Given
    String input =
        String.join(
            "\n", line("a", "2017-11-01", TITLE, BODY), line("b", "2017-11-20", TITLE, BODY));

    // When / Then
    assertThat(run(input))
        .containsExactly(
            "{\"id\":\"a\",\"duplicate_of\":null}", "{\"id\":\"b\",\"duplicate_of\":null}");
  }
}
