package dev.herald.app.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns {@code KAFKA_*} environment variables into Kafka client properties, the way the official
 * images do: {@code KAFKA_BOOTSTRAP_SERVERS} becomes {@code bootstrap.servers}, {@code
 * KAFKA_SASL_JAAS_CONFIG} becomes {@code sasl.jaas.config}. A variable ending in {@code _FILE}
 * names a file that holds the value, so secrets need not sit in the environment.
 *
 * <p>The environment is a parameter so that tests pass a plain map (as in bakdata's
 * EnvironmentKafkaConfigParser).
 */
public final class KafkaEnv {
  private static final String PREFIX = "KAFKA_";
  private static final String FILE_SUFFIX = "_FILE";

  private KafkaEnv() {}

  /**
   * Client properties from the environment.
   *
   * @param problems collects unreadable secret files; nothing is thrown
   */
  public static Map<String, String> clientProperties(
      Map<String, String> env, List<String> problems) {
    Map<String, String> props = new TreeMap<>();
    env.forEach(
        (name, value) -> {
          if (!name.startsWith(PREFIX) || name.length() == PREFIX.length()) {
            return;
          }
          String body = name.substring(PREFIX.length());
          if (body.endsWith(FILE_SUFFIX)) {
            String key = toProperty(body.substring(0, body.length() - FILE_SUFFIX.length()));
            try {
              props.put(key, Files.readString(Path.of(value), StandardCharsets.UTF_8).strip());
            } catch (IOException | RuntimeException e) {
              problems.add(name + ": cannot read secret file " + value + " (" + e + ")");
            }
          } else {
            props.put(toProperty(body), value);
          }
        });
    return props;
  }

  static String toProperty(String envBody) {
    return envBody.toLowerCase(Locale.ROOT).replace('_', '.');
  }

  /** Whether a client property may hold a secret, so it is never logged. */
  public static boolean isSecret(String property) {
    String p = property.toLowerCase(Locale.ROOT);
    return p.contains("password")
        || p.contains("jaas")
        || p.contains("secret")
        || p.endsWith(".key");
  }
}
