package dev.herald.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaEnvTest {

  @TempDir Path dir;

  @Test
  void shouldMapKafkaVariablesToClientProperties() {
    // Given
    Map<String, String> env =
        Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", "b1:9092,b2:9092",
            "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
            "HOME", "/root");
    List<String> problems = new ArrayList<>();

    // When
    Map<String, String> props = KafkaEnv.clientProperties(env, problems);

    // Then
    assertThat(props)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("bootstrap.servers", "b1:9092,b2:9092", "security.protocol", "SASL_SSL"));
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldReadSecretsFromFilesAndReportUnreadableOnes() throws Exception {
    // Given
    Path secret = Files.writeString(dir.resolve("jaas"), "secret-jaas\n");
    Map<String, String> env =
        Map.of(
            "KAFKA_SASL_JAAS_CONFIG_FILE", secret.toString(),
            "KAFKA_SSL_KEY_PASSWORD_FILE", dir.resolve("missing").toString());
    List<String> problems = new ArrayList<>();

    // When
    Map<String, String> props = KafkaEnv.clientProperties(env, problems);

    // Then
    assertThat(props).containsEntry("sasl.jaas.config", "secret-jaas");
    assertThat(problems).singleElement().asString().contains("KAFKA_SSL_KEY_PASSWORD_FILE");
    assertThat(KafkaEnv.isSecret("sasl.jaas.config")).isTrue();
    assertThat(KafkaEnv.isSecret("bootstrap.servers")).isFalse();
  }
}
