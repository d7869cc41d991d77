package dev.herald.kafkaui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.herald.schemas.TopicDescriptor;
import dev.herald.schemas.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks docker-compose.yml against what Herald defines: the topic catalogue, the configuration
 * names README.md documents, and the daemons' commands. No Docker engine needed.
 */
class DockerComposeTest {

  private static final Pattern TOPIC_LINE = Pattern.compile("--topic\\s+(\\S+)");
  private static final Pattern PARTITIONS = Pattern.compile("--partitions\\s+(\\d+)");
  private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
  private static final Set<String> HERALD_SERVICES = Set.of("ingest", "enrich", "sink");

  private static Path repo;
  private static JsonNode services;
  private static Set<String> documented;

  @BeforeAll
  static void read() throws IOException {
    repo = RepoFiles.root();
    JsonNode compose =
        new ObjectMapper(new YAMLFactory()).readTree(repo.resolve("docker-compose.yml").toFile());
    services = compose.get("services");
    documented = documentedVariables(Files.readString(repo.resolve("README.md")));
  }

  @Test
  void shouldCreateEveryCatalogueTopicWithItsPartitionsAndCompactionAndReplicationThree() {
    // Given the init service's script, one topic per line
    String script = commandText(services.get("topics"));
    Map<String, String> lines = new LinkedHashMap<>();
    for (String line : script.split("\n")) {
      Matcher m = TOPIC_LINE.matcher(line);
      if (m.find()) {
        lines.put(m.group(1), line);
      }
    }

    // When / Then: each catalogue topic as the catalogue defines it, and no other
    for (TopicDescriptor<?, ?> t : Topics.all()) {
      String line = lines.get(t.name());
      assertThat(line).as("creation of " + t.name()).isNotNull();
      Matcher partitions = PARTITIONS.matcher(line);
      assertThat(partitions.find()).as(line).isTrue();
      assertThat(Integer.parseInt(partitions.group(1))).as(line).isEqualTo(t.partitions());
      assertThat(line.contains("cleanup.policy=compact")).as(line).isEqualTo(t.compacted());
      assertThat(line.strip()).as("goes through create()").startsWith("create ");
    }
    assertThat(lines.keySet())
        .containsExactlyInAnyOrderElementsOf(
            Topics.all().stream().map(TopicDescriptor::name).toList());
    assertThat(script).contains("--replication-factor 3").contains("--if-not-exists");
    assertThat(partitionsOf(lines.get(Topics.FEEDS.name())))
        .isEqualTo(partitionsOf(lines.get(Topics.FEED_STATE.name())));
  }

  @Test
  void shouldConfigureHeraldServicesOnlyWithVariablesTheReadmeDocuments() throws IOException {
    // Given the services built from Herald's Dockerfile
    Set<String> herald = new TreeSet<>();
    services
        .properties()
        .forEach(
            e -> {
              if (e.getValue().has("build")) {
                herald.add(e.getKey());
              }
            });
    assertThat(herald).containsExactlyInAnyOrderElementsOf(HERALD_SERVICES);
    assertThat(documented).contains("KAFKA_BOOTSTRAP_SERVERS", "HERALD_FEEDS", "KAFKA_*");

    // When: every HERALD_*/KAFKA_* name they set or interpolate, and those .env.example and
    // the Dockerfile set
    Set<String> used = new LinkedHashSet<>();
    for (String name : herald) {
      Map<String, String> env = environment(services.get(name));
      used.addAll(env.keySet());
      env.values().forEach(v -> used.addAll(references(v)));
    }
    used.addAll(assignedNames(Files.readString(repo.resolve(".env.example"))));
    used.addAll(dockerfileEnvNames(Files.readString(repo.resolve("Dockerfile"))));

    // Then
    List<String> undocumented =
        used.stream()
            .filter(n -> n.startsWith("HERALD_") || n.startsWith("KAFKA_"))
            .filter(n -> !isDocumented(n))
            .toList();
    assertThat(undocumented).as("names missing from README's configuration table").isEmpty();
    assertThat(used).contains("HERALD_JAVA_OPTS", "HERALD_LOG_LEVEL");
  }

  @Test
  void shouldRunEachDaemonWithItsCommandAndEnrichTwice() {
    // Given / When
    Set<String> brokers = brokerNames();
    String bootstrap = brokers.stream().map(b -> b + ":19092").collect(Collectors.joining(","));

    // Then
    for (String name : HERALD_SERVICES) {
      JsonNode service = services.get(name);
      assertThat(commandText(service)).as(name).isEqualTo(name);
      assertThat(environment(service)).as(name).containsEntry("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
      assertThat(service.at("/depends_on/topics/condition").asText())
          .as(name)
          .isEqualTo("service_completed_successfully");
    }
    assertThat(services.at("/enrich/deploy/replicas").asInt()).isEqualTo(2);
    assertThat(environment(services.get("ingest"))).containsKey("HERALD_FEEDS");
    assertThat(environment(services.get("enrich"))).containsKey("HERALD_STATE_DIR");
    assertThat(environment(services.get("sink"))).containsKey("HERALD_ALERTS_FILE");
  }

  @Test
  void shouldGiveEveryBrokerAHealthCheckInAQuorumOfThree() {
    // Given the brokers
    Set<String> brokers = brokerNames();
    assertThat(brokers).hasSize(3);

    // When / Then
    Set<String> nodeIds = new HashSet<>();
    Set<String> clusterIds = new HashSet<>();
    for (String name : brokers) {
      JsonNode broker = services.get(name);
      Map<String, String> env = environment(broker);
      assertThat(broker.at("/healthcheck/test").isMissingNode()).as(name).isFalse();
      assertThat(broker.at("/healthcheck/test").toString()).as(name).contains(":19092");
      nodeIds.add(env.get("KAFKA_NODE_ID"));
      clusterIds.add(env.get("CLUSTER_ID"));
      assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").split(",")).as(name).hasSize(3);
      assertThat(env).containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2");
      assertThat(env).containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3");
      assertThat(services.at("/topics/depends_on/" + name + "/condition").asText())
          .isEqualTo("service_healthy");
    }
    assertThat(nodeIds).hasSize(3);
    assertThat(clusterIds).hasSize(1);
    String clusterIdDefault = clusterIds.iterator().next().replaceAll("^\\$\\{CLUSTER_ID:-|}$", "");
    assertThat(Uuid.fromString(clusterIdDefault).toString()).isEqualTo(clusterIdDefault);
  }

  @Test
  void shouldLoadHeraldsSerdeInKafkaUiForEveryHeraldTopic() {
    // Given
    JsonNode ui = services.get("kafka-ui");
    Map<String, String> env = environment(ui);

    // When
    String filePath = env.get("KAFKA_CLUSTERS_0_SERDE_0_FILEPATH");
    Pattern values = Pattern.compile(env.get("KAFKA_CLUSTERS_0_SERDE_0_TOPICVALUESPATTERN"));
    Pattern keys = Pattern.compile(env.get("KAFKA_CLUSTERS_0_SERDE_0_TOPICKEYSPATTERN"));

    // Then: the plugin jar the kafka-ui-serde module builds, mounted where the UI looks
    assertThat(env)
        .containsEntry("KAFKA_CLUSTERS_0_SERDE_0_CLASSNAME", HeraldSerde.class.getName());
    assertThat(filePath).endsWith("/herald-kafka-ui-serde.jar");
    String folder = filePath.substring(0, filePath.lastIndexOf('/'));
    assertThat(ui.get("volumes").toString())
        .contains("./kafka-ui-serde/target/kafka-ui-plugin:" + folder + ":ro");
    for (TopicDescriptor<?, ?> t : Topics.all()) {
      assertThat(values.matcher(t.name()).matches()).as(t.name()).isTrue();
      assertThat(keys.matcher(t.name()).matches()).as(t.name()).isTrue();
    }
    assertThat(values.matcher("herald-enrich-claims-by-event-repartition").matches()).isTrue();
  }

  // --- helpers ---

  private static Set<String> brokerNames() {
    Set<String> brokers = new TreeSet<>();
    services
        .properties()
        .forEach(
            e -> {
              String roles = environment(e.getValue()).getOrDefault("KAFKA_PROCESS_ROLES", "");
              if (roles.contains("broker")) {
                brokers.add(e.getKey());
              }
            });
    return brokers;
  }

  private static int partitionsOf(String line) {
    Matcher m = PARTITIONS.matcher(line);
    assertThat(m.find()).as(line).isTrue();
    return Integer.parseInt(m.group(1));
  }

  /** A service's environment, in map or list form. */
  private static Map<String, String> environment(JsonNode service) {
    Map<String, String> env = new LinkedHashMap<>();
    JsonNode node = service.path("environment");
    if (node.isObject()) {
      node.properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        String[] kv = item.asText().split("=", 2);
        env.put(kv[0], kv.length > 1 ? kv[1] : "");
      }
    }
    return env;
  }

  /** A service's command as one string, in list or string form. */
  private static String commandText(JsonNode service) {
    JsonNode command = service.path("command");
    if (command.isArray()) {
      List<String> parts = new ArrayList<>();
      command.forEach(p -> parts.add(p.asText()));
      return String.join(" ", parts);
    }
    return command.asText();
  }

  private static Set<String> references(String value) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = ENV_REFERENCE.matcher(value);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** NAME=value lines of a dotenv file. */
  private static Set<String> assignedNames(String dotenv) {
    return dotenv
        .lines()
        .map(String::strip)
        .filter(l -> !l.startsWith("#") && l.contains("="))
        .map(l -> l.substring(0, l.indexOf('=')))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** The names a Dockerfile's ENV instructions set (NAME=value form, continuation lines too). */
  private static Set<String> dockerfileEnvNames(String dockerfile) {
    Set<String> names = new LinkedHashSet<>();
    Matcher env = Pattern.compile("(?m)^ENV\\s+((?:.*\\\\\\n)*.*)$").matcher(dockerfile);
    while (env.find()) {
      Matcher assignment = Pattern.compile("([A-Z][A-Z0-9_]*)=").matcher(env.group(1));
      while (assignment.find()) {
        names.add(assignment.group(1));
      }
    }
    return names;
  }

  /**
   * The environment names in the "environment" column of README's configuration table, {@code
   * KAFKA_*} included.
   */
  private static Set<String> documentedVariables(String readme) {
    int start = readme.indexOf("### Configuration");
    assertThat(start).as("README has a Configuration section").isNotNegative();
    Set<String> names = new LinkedHashSet<>();
    Pattern name = Pattern.compile("`([A-Z][A-Z0-9_]*\\*?)`");
    for (String line : readme.substring(start).lines().skip(1).toList()) {
      if (line.startsWith("#")) {
        break;
      }
      String[] cells = line.split("\\|");
      if (line.startsWith("|") && cells.length > 2) {
        Matcher m = name.matcher(cells[2]);
        while (m.find()) {
          names.add(m.group(1));
        }
      }
    }
    return names;
  }

  /**
   * Documented by name, or, under README's {@code KAFKA_*} row, a Kafka client property ({@code
   * KAFKA_SECURITY_PROTOCOL}) or its {@code _FILE} form.
   */
  private static boolean isDocumented(String name) {
    if (documented.contains(name)) {
      return true;
    }
    if (!name.startsWith("KAFKA_") || !documented.contains("KAFKA_*")) {
      return false;
    }
    String body = name.substring("KAFKA_".length()).replaceFirst("_FILE$", "");
    String property = body.toLowerCase(Locale.ROOT).replace('_', '.');
    return ConsumerConfig.configNames().contains(property)
        || ProducerConfig.configNames().contains(property)
        || AdminClientConfig.configNames().contains(property);
  }
}
