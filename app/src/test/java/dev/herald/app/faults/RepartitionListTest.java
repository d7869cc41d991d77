package dev.herald.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.enrich.EnrichConfig;
import dev.herald.enrich.EnrichMetrics;
import dev.herald.enrich.EnrichTopology;
import dev.herald.nlp.schedule.ScheduleDetector;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's drain and the fault tests decide that enrich is idle by reading its input and
 * repartition topics, named by {@link EnrichTopology#REPARTITIONS}: a repartition missing from that
 * list would let them call the pipeline idle while records still wait there.
 */
@Tag("faults")
class RepartitionListTest {

  @Test
  void shouldListEveryRepartitionTopicOfTheEnrichTopology() {
    // Given the enrich topology as Herald builds it
    var topology =
        EnrichTopology.build(
            EnrichConfig.defaults("unused:9092", Path.of("unused")),
            ScheduleDetector.standard(),
            new EnrichMetrics(),
            Clock.systemUTC());

    // When the repartition topics its sinks write are collected
    Set<String> written = new TreeSet<>();
    for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node instanceof TopologyDescription.Sink sink
            && sink.topic() != null
            && sink.topic().endsWith("-repartition")) {
          written.add(sink.topic().substring(0, sink.topic().length() - "-repartition".length()));
        }
      }
    }

    // Then the published list names exactly those
    assertThat(written).containsExactlyInAnyOrderElementsOf(EnrichTopology.REPARTITIONS);
  }
}
