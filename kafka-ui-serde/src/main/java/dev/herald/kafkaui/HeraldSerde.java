package dev.herald.kafkaui;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.kafkaui.HeraldAvroDecoder.Decoded;
import dev.herald.kafkaui.HeraldAvroDecoder.NotDecodableException;
import dev.herald.schemas.TopicDescriptor;
import dev.herald.schemas.Topics;
import io.kafbat.ui.serde.api.DeserializeResult;
import io.kafbat.ui.serde.api.PropertyResolver;
import io.kafbat.ui.serde.api.SchemaDescription;
import io.kafbat.ui.serde.api.Serde;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;

/**
 * Kafka UI (kafbat) serde that shows Herald's records: Avro values in single-object encoding as
 * plain JSON (as {@link dev.herald.schemas.AvroJson} renders them), keys as strings.
 *
 * <p>Values are decoded by the schema fingerprint they carry, so a record shows on any topic, Kafka
 * Streams' internal ones included. Bytes that are not a Herald record show as a message saying why,
 * never as an exception: Kafka UI would otherwise fall back to a raw string. Writes are limited to
 * keys and the string values of {@code herald.schemas}: Herald's Avro values come from Herald
 * alone.
 *
 * <p>Register it in Kafka UI with {@code className: dev.herald.kafkaui.HeraldSerde} and {@code
 * filePath:} the shaded jar (or its folder).
 */
public final class HeraldSerde implements Serde {

  private static final String DESCRIPTION =
      "Herald: Avro single-object records (`C3 01`, schema fingerprint, payload) shown as plain"
          + " JSON; keys as UTF-8 strings. Every schema version Herald ships is known, on any"
          + " topic.";

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Map<String, TopicDescriptor<?, ?>> TOPICS =
      Topics.all().stream()
          .collect(Collectors.toUnmodifiableMap(TopicDescriptor::name, Function.identity()));

  private final HeraldAvroDecoder decoder = new HeraldAvroDecoder();

  /** Kafka UI instantiates serdes through their public no-argument constructor. */
  public HeraldSerde() {}

  @Override
  public void configure(
      PropertyResolver serdeProperties,
      PropertyResolver kafkaClusterProperties,
      PropertyResolver globalProperties) {
    // Nothing to configure: every schema ships inside the plugin jar.
  }

  @Override
  public Optional<String> getDescription() {
    return Optional.of(DESCRIPTION);
  }

  /**
   * None: Kafka UI expects a JSON Schema here for its produce form, and Herald's Avro values are
   * not produced from the UI.
   */
  @Override
  public Optional<SchemaDescription> getSchema(String topic, Target type) {
    return Optional.empty();
  }

  @Override
  public boolean canDeserialize(String topic, Target type) {
    return true;
  }

  @Override
  public boolean canSerialize(String topic, Target type) {
    TopicDescriptor<?, ?> t = TOPICS.get(topic);
    if (t == null) {
      return false;
    }
    return (type == Target.KEY ? t.keyType() : t.valueType()) == String.class;
  }

  @Override
  public Serializer serializer(String topic, Target type) {
    if (!canSerialize(topic, type)) {
      throw new IllegalStateException(
          "Herald serde writes only string keys and values of Herald topics, not the "
              + type.name().toLowerCase(Locale.ROOT)
              + " of "
              + topic);
    }
    return input -> input == null ? null : input.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Deserializer deserializer(String topic, Target type) {
    TopicDescriptor<?, ?> t = TOPICS.get(topic);
    if (type == Target.KEY) {
      return (headers, data) -> text(data, false);
    }
    if (t != null && t.valueType() == String.class) {
      return (headers, data) -> text(data, true);
    }
    return (headers, data) -> avro(t, topic, data);
  }

  private DeserializeResult avro(TopicDescriptor<?, ?> topic, String name, byte[] data) {
    if (data == null) {
      return tombstone();
    }
    try {
      Decoded d = decoder.decode(data);
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("type", d.type());
      props.put("schemaFingerprint", d.fingerprint());
      props.put("currentSchemaVersion", d.currentVersion());
      String expected = expectedType(topic);
      if (expected != null && !expected.equals(d.type())) {
        props.put("warning", name + " carries " + expected + ", this record is a " + d.type());
      }
      return new DeserializeResult(d.json(), DeserializeResult.Type.JSON, props);
    } catch (NotDecodableException | RuntimeException e) {
      // Kafka UI would show a raw string for an exception; a reason helps more.
      String where =
          topic == null ? name + " is not in Herald's topic catalogue" : "expected a Herald record";
      return failure(
          "Not a Herald record (" + where + "): " + e.getMessage(),
          HeraldAvroDecoder.preview(data));
    }
  }

  /** UTF-8 text; JSON when asked and the text is JSON. Bytes that are not UTF-8 show in hex. */
  private static DeserializeResult text(byte[] data, boolean maybeJson) {
    if (data == null) {
      return tombstone();
    }
    String s;
    try {
      s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(data))
              .toString();
    } catch (CharacterCodingException e) {
      return failure("Not UTF-8 text", HeraldAvroDecoder.preview(data));
    }
    if (maybeJson && isJson(s)) {
      return new DeserializeResult(s, DeserializeResult.Type.JSON, Map.of());
    }
    return new DeserializeResult(s, DeserializeResult.Type.STRING, Map.of());
  }

  private static boolean isJson(String s) {
    try {
      JSON.readTree(s);
      return !s.isBlank();
    } catch (JacksonException e) {
      return false;
    }
  }

  private static String expectedType(TopicDescriptor<?, ?> topic) {
    if (topic == null || !SpecificRecord.class.isAssignableFrom(topic.valueType())) {
      return null;
    }
    return topic.valueType().getName();
  }

  private static DeserializeResult tombstone() {
    return new DeserializeResult(null, DeserializeResult.Type.STRING, Map.of("tombstone", true));
  }

  private static DeserializeResult failure(String message, String firstBytes) {
    return new DeserializeResult(
        message, DeserializeResult.Type.STRING, Map.of("error", message, "firstBytes", firstBytes));
  }
}
