package dev.herald.sink;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the alert sink.
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param groupId consumer group; {@value #DEFAULT_GROUP_ID} when null or blank. One JSON Lines file
 *     per group member: two sinks must not append to the same file.
 * @param alertsFile the JSON Lines file alerts are appended to (parent folders are created)
 * @param extraClientProps further consumer properties (security, timeouts); they cannot switch
 *     auto-commit back on or change the deserializers
 */
public record SinkConfig(
    String bootstrapServers,
    String groupId,
    Path alertsFile,
    Map<String, Object> extraClientProps) {

  public static final String DEFAULT_GROUP_ID = "herald-sink";

  public SinkConfig {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(alertsFile, "alertsFile");
    groupId = groupId == null || groupId.isBlank() ? DEFAULT_GROUP_ID : groupId;
    extraClientProps = extraClientProps == null ? Map.of() : Map.copyOf(extraClientProps);
  }

  /** The default group and no extra client properties. */
  public SinkConfig(String bootstrapServers, Path alertsFile) {
    this(bootstrapServers, DEFAULT_GROUP_ID, alertsFile, Map.of());
  }
}
