package dev.herald.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.avro.ScheduleChangeAlert;
import dev.herald.schemas.AvroJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which versions of which alerts were already delivered: alert id to the hashes of their content.
 * The content is the plain-JSON alert without {@code detectedAt} (the wall-clock time of a
 * re-detection), so a re-emitted, unchanged alert has the hash of the version already delivered.
 * Not thread-safe.
 */
final class AlertVersions {

  /** The field left out of the content: when, not what. */
  static final String DETECTION_TIME_FIELD = "detectedAt";

  private static final Logger LOG = LoggerFactory.getLogger(AlertVersions.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();

  private final Map<String, Set<String>> versions = new HashMap<>();

  /** True when this content of this alert id is known. */
  boolean contains(String alertId, String contentHash) {
    Set<String> known = versions.get(alertId);
    return known != null && known.contains(contentHash);
  }

  /** Records a version; true when it was new. */
  boolean add(String alertId, String contentHash) {
    return versions.computeIfAbsent(alertId, k -> new HashSet<>()).add(contentHash);
  }

  /** Distinct alert ids known. */
  int alertIds() {
    return versions.size();
  }

  /**
   * Adds every alert line of a JSON Lines file; lines that are not alerts are logged and skipped.
   *
   * @return the number of alert lines read
   */
  long indexFile(Path file) throws IOException {
    long lines = 0;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      long number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          ObjectNode node = parse(line);
          JsonNode id = node.get("alertId");
          if (id == null || !id.isTextual()) {
            throw new IllegalArgumentException("no alertId");
          }
          add(id.asText(), contentHash(node));
          lines++;
        } catch (IllegalArgumentException e) {
          LOG.warn("{}:{}: not an alert line, left as is ({})", file, number, e.getMessage());
        }
      }
    }
    return lines;
  }

  /** The alert as one line of plain JSON and the hash of its content. */
  static Rendered render(ScheduleChangeAlert alert) {
    String line = AvroJson.toPlainJson(alert);
    return new Rendered(alert.getAlertId(), line, contentHash(parse(line)));
  }

  /** An alert rendered for delivery. */
  record Rendered(String alertId, String json, String contentHash) {}

  /** True when the line is a JSON object with a textual alertId. */
  static boolean isAlert(String line) {
    try {
      JsonNode id = parse(line).get("alertId");
      return id != null && id.isTextual();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static ObjectNode parse(String line) {
    try {
      JsonNode node = JSON.readTree(line);
      if (!(node instanceof ObjectNode object)) {
        throw new IllegalArgumentException("not a JSON object");
      }
      return object;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Hash of the alert without its detection time. Both a fresh record and a line read back go
   * through the same parse and print, so equal content gives equal bytes.
   */
  static String contentHash(ObjectNode alert) {
    ObjectNode content = alert.deepCopy();
    content.remove(DETECTION_TIME_FIELD);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsBytes(content));
      return HEX.formatHex(Arrays.copyOf(digest, 16));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
    }
  }
}
