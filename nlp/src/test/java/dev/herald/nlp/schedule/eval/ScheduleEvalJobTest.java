package dev.herald.nlp.schedule.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ScheduleEvalJobTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<JsonNode> lines(StringWriter out) throws Exception {
    List<JsonNode> nodes = new ArrayList<>();
    for (String l : out.toString().split("\n")) {
      if (!l.isBlank()) {
        nodes.add(JSON.readTree(l));
      }
    }
    return nodes;
  }

  @Test
  void shouldWriteOnePredictionPerCaseInOrderAndScoreTheLabels() throws Exception {
    // Given a change, a non-change and a malformed line
    String in =
        """
        {"id":"c1","published":"1987-03-11","label":"change","text":"CooperVision Inc said it has delayed its annual meeting to June 22 from May 14."}
        {"id":"c2","published":"1987-03-25","label":"no_change","text":"Reagan and Mulroney are scheduled to meet April 5-6 in Ottawa."}
        this is not json
        {"id":"c3","published":"1987-03-11","text":"The meeting set for tomorrow was called off."}
        """;
    StringWriter out = new StringWriter();
    ByteArrayOutputStream console = new ByteArrayOutputStream();

    // When the job runs
    ScheduleEvalJob.Summary s =
        ScheduleEvalJob.run(
            new StringReader(in), out, new PrintStream(console, true, StandardCharsets.UTF_8));

    // Then each line gets its prediction, the bad one an error, and the labels are scored
    List<JsonNode> nodes = lines(out);
    assertThat(nodes).hasSize(4);
    JsonNode c1 = nodes.get(0);
    assertThat(c1.get("id").asText()).isEqualTo("c1");
    assertThat(c1.get("label").asText()).isEqualTo("change");
    assertThat(c1.get("kind").asText()).isEqualTo("POSTPONED");
    assertThat(c1.get("certainty").asText()).isEqualTo("CONFIRMED");
    assertThat(c1.get("event").asText()).containsIgnoringCase("annual meeting");
    assertThat(c1.get("old_when").get("text").asText()).isEqualTo("May 14");
    assertThat(c1.get("old_when").get("iso").asText()).isEqualTo("1987-05-14");
    assertThat(c1.get("new_when").get("iso").asText()).isEqualTo("1987-06-22");
    JsonNode c2 = nodes.get(1);
    assertThat(c2.get("label").asText()).isEqualTo("no_change");
    assertThat(c2.get("kind").isNull()).isTrue();
    assertThat(c2.get("event").isNull()).isTrue();
    assertThat(nodes.get(2).get("line").asInt()).isEqualTo(3);
    assertThat(nodes.get(2).get("error").asText()).isNotBlank();
    JsonNode c3 = nodes.get(3);
    assertThat(c3.get("kind").asText()).isEqualTo("CANCELLED");
    assertThat(c3.get("new_when").isNull()).isTrue();
    assertThat(s.truePositives()).isEqualTo(1);
    assertThat(s.trueNegatives()).isEqualTo(1);
    assertThat(s.errors()).isEqualTo(1);
    assertThat(console.toString(StandardCharsets.UTF_8))
        .contains("precision 1.000 recall 1.000 F1 1.000");
  }

  @Test
  void shouldPrintPrecisionRecallAndF1OnTheDevCases() throws Exception {
    // Given the shared dev cases (real, labelled)
    Path cases =
        Path.of(
            System.getProperty("herald.shared.dir", "../shared"),
            "data",
            "schedule",
            "dev-cases.jsonl");
    Assumptions.assumeTrue(
        Files.isRegularFile(cases),
        "../shared/data/schedule/dev-cases.jsonl not present: skipping");
    StringWriter out = new StringWriter();
    ByteArrayOutputStream console = new ByteArrayOutputStream();

    // When the eval job runs over them
    ScheduleEvalJob.Summary s;
    try (Reader r = Files.newBufferedReader(cases)) {
      s = ScheduleEvalJob.run(r, out, new PrintStream(console, true, StandardCharsets.UTF_8));
    }
    System.out.print(console.toString(StandardCharsets.UTF_8));

    // Then every case is predicted and the figures are printed
    assertThat(s.errors()).isZero();
    assertThat(s.labelled()).isEqualTo(s.cases());
    assertThat(lines(out)).hasSize(s.cases());
    assertThat(console.toString(StandardCharsets.UTF_8)).contains("precision", "recall", "F1");
  }
}
