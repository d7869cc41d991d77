package dev.herald.sink;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the alert sink.
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param groupId consumer group; {@value #DEFAULT_GROUP_ID} when null or blank. One JSON Lines file
 *     per group member: two sinks must not append to the same file.
 * @param alertsFile the JSON Lines file of the default target (parent folders are created); may be
 *     null when {@code targets} are given
 * @param extraClientProps further client properties (security, timeouts) of the consumer and of the
 *     dead-letter producer; they cannot switch auto-commit back on or change the deserializers
 * @param targets where alerts go, in delivery order (see {@link TargetSpecs#parse}); null or empty:
 *     one JSON Lines file, {@code alertsFile}, without rotation
 */
public record SinkConfig(
    String bootstrapServers,
    String groupId,
    Path alertsFile,
    Map<String, Object> extraClientProps,
    List<TargetSpec> targets) {

  public static final String DEFAULT_GROUP_ID = "herald-sink";

  public SinkConfig {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    groupId = groupId == null || groupId.isBlank() ? DEFAULT_GROUP_ID : groupId;
    extraClientProps = extraClientProps == null ? Map.of() : Map.copyOf(extraClientProps);
    if (targets == null || targets.isEmpty()) {
      Objects.requireNonNull(alertsFile, "alertsFile (or targets)");
      targets = List.of(new TargetSpec.JsonLines(alertsFile, TargetSpec.Rotation.NONE));
    } else {
      targets = List.copyOf(targets);
    }
  }

  /** One JSON Lines file, {@code alertsFile}, as before sink targets existed. */
  public SinkConfig(
      String bootstrapServers,
      String groupId,
      Path alertsFile,
      Map<String, Object> extraClientProps) {
    this(bootstrapServers, groupId, alertsFile, extraClientProps, List.of());
  }

  /** The default group and no extra client properties. */
  public SinkConfig(String bootstrapServers, Path alertsFile) {
    this(bootstrapServers, DEFAULT_GROUP_ID, alertsFile, Map.of());
  }

  /** Every problem with this configuration (of every target), empty when it is valid. */
  public List<String> problems() {
    List<String> p = new ArrayList<>();
    if (bootstrapServers.isBlank()) {
      p.add("bootstrap servers must not be blank");
    }
    for (TargetSpec t : targets) {
      p.addAll(t.problems());
    }
    return p;
  }

  /** True when a target may need the dead-letter topic (a webhook). */
  public boolean needsDeadLetters() {
    return targets.stream().anyMatch(t -> t instanceof TargetSpec.Webhook);
  }
}
