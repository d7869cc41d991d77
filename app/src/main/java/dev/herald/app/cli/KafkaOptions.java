package dev.herald.app.cli;

import dev.herald.app.config.KafkaEnv;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Option;

/**
 * Where Kafka is. {@code --bootstrap-servers} wins over {@code KAFKA_BOOTSTRAP_SERVERS}; every
 * other {@code KAFKA_*} variable is passed to all clients (security settings included).
 */
public final class KafkaOptions {
  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT[,...]",
      description = "Kafka cluster to use (env KAFKA_BOOTSTRAP_SERVERS).")
  String bootstrapServers;

  /** The configured servers, or null when neither the flag nor the environment sets them. */
  public String bootstrapServers(Map<String, String> env) {
    if (bootstrapServers != null && !bootstrapServers.isBlank()) {
      return bootstrapServers.trim();
    }
    String fromEnv = env.get("KAFKA_BOOTSTRAP_SERVERS");
    return fromEnv == null || fromEnv.isBlank() ? null : fromEnv.trim();
  }

  /** Client properties from {@code KAFKA_*} other than the bootstrap servers. */
  public static Map<String, String> clientProperties(
      Map<String, String> env, List<String> problems) {
    Map<String, String> props = new TreeMap<>(KafkaEnv.clientProperties(env, problems));
    props.remove("bootstrap.servers");
    return props;
  }
}
