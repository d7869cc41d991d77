package dev.herald.app.faults;

import dev.herald.avro.EnrichedArticle;
import dev.herald.avro.RawArticle;
import dev.herald.avro.ScheduleChangeAlert;
import dev.herald.enrich.EnrichConfig;
import dev.herald.enrich.EnrichMetrics;
import dev.herald.enrich.EnrichService;
import dev.herald.enrich.EnrichTopology;
import dev.herald.nlp.schedule.ScheduleDetector;
import dev.herald.schemas.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * What Herald's enrich topology makes of a set of articles when nothing fails: the same topology,
 * run with {@link TopologyTestDriver}, one article after the other. The fault tests compare the
 * cluster's output under faults with this.
 *
 * @param enriched the enriched record of each article id (the last one, if there were several)
 * @param enrichedRecords how many enriched records came out (= articles when none repeats)
 * @param alerts alert id to alert (the latest version)
 * @param alertRecords how many alert records came out
 * @param deadLetters dead letters written
 */
record ReferenceRun(
    Map<String, EnrichedArticle> enriched,
    int enrichedRecords,
    Map<String, ScheduleChangeAlert> alerts,
    int alertRecords,
    int deadLetters) {

  static ReferenceRun of(List<RawArticle> articles, ScheduleDetector detector, Path stateDir) {
    EnrichConfig config = EnrichConfig.defaults("reference-run:9092", stateDir);
    Properties props = EnrichService.streamsProperties(config);
    try (TopologyTestDriver driver =
        new TopologyTestDriver(
            EnrichTopology.build(config, detector, new EnrichMetrics(), Clock.systemUTC()),
            props)) {
      var in =
          driver.createInputTopic(
              Topics.ARTICLES_RAW.name(),
              new StringSerializer(),
              Topics.ARTICLES_RAW.valueSerde().serializer());
      for (RawArticle a : articles) {
        in.pipeInput(a.getId(), a);
      }
      var enrichedOut =
          driver
              .createOutputTopic(
                  Topics.ARTICLES_ENRICHED.name(),
                  new StringDeserializer(),
                  Topics.ARTICLES_ENRICHED.valueSerde().deserializer())
              .readKeyValuesToList();
      var alertsOut =
          driver
              .createOutputTopic(
                  Topics.ALERTS.name(),
                  new StringDeserializer(),
                  Topics.ALERTS.valueSerde().deserializer())
              .readKeyValuesToList();
      int dead =
          driver
              .createOutputTopic(
                  Topics.DLQ.name(),
                  new StringDeserializer(),
                  Topics.DLQ.valueSerde().deserializer())
              .readKeyValuesToList()
              .size();
      Map<String, EnrichedArticle> enriched = new LinkedHashMap<>();
      enrichedOut.forEach(kv -> enriched.put(kv.key, kv.value));
      Map<String, ScheduleChangeAlert> alerts = new LinkedHashMap<>();
      alertsOut.forEach(kv -> alerts.put(kv.key, kv.value));
      return new ReferenceRun(enriched, enrichedOut.size(), alerts, alertsOut.size(), dead);
    }
  }
}
