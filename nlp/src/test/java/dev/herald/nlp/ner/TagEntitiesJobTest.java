package dev.herald.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagEntitiesJobTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void shouldWriteOneLinePerInputWithOffsetsIntoTheText() throws Exception {
    // Given two documents, a malformed line and a line without text
    String text = "The planemaker won an order from IndiGo in Dubai, Boeing said on Tuesday.";
    String in =
        MAPPER.writeValueAsString(java.util.Map.of("id", "a1", "text", text))
            + "\n{not json\n"
            + "{\"id\":\"a2\"}\n"
            + "{\"id\":7,\"text\":\"Les ministres se sont réunis à Paris pour parler de la crise.\"}\n";
    StringWriter out = new StringWriter();

    // When the job runs
    TagEntitiesJob.Summary s = TagEntitiesJob.run(new StringReader(in), out, null);

    // Then every input line has an output line, errors carry the line number
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(s.lines()).isEqualTo(4);
    assertThat(s.errors()).isEqualTo(2);
    JsonNode first = MAPPER.readTree(lines.get(0));
    assertThat(first.get("id").asText()).isEqualTo("a1");
    assertThat(first.get("lang").asText()).isEqualTo("en");
    assertThat(first.get("entities")).isNotEmpty();
    for (JsonNode e : first.get("entities")) {
      int start = e.get("start").asInt();
      int end = e.get("end").asInt();
      assertThat(text.substring(start, end)).isEqualTo(e.get("text").asText());
      assertThat(e.get("type").asText())
          .isIn("PERSON", "ORGANIZATION", "LOCATION", "EVENT", "MISC");
      assertThat(e.get("id").asText()).matches("[a-z0-9]+(-[a-z0-9]+)*");
    }
    // (the model trained with Reuters-21578 word classes no longer finds "IndiGo"; the earlier
    // one tagged it, as a LOCATION)
    assertThat(first.get("entities").findValuesAsText("text")).contains("Dubai", "Boeing");
    assertThat(MAPPER.readTree(lines.get(1)).get("line").asInt()).isEqualTo(2);
    assertThat(MAPPER.readTree(lines.get(1)).get("error").asText()).startsWith("malformed JSON");
    assertThat(MAPPER.readTree(lines.get(2)).get("error").asText()).isEqualTo("missing text");
    JsonNode fr = MAPPER.readTree(lines.get(3));
    assertThat(fr.get("id").asInt()).isEqualTo(7);
    assertThat(fr.get("lang").asText()).isEqualTo("fr");
    assertThat(fr.get("entities")).isEmpty();
  }
}
