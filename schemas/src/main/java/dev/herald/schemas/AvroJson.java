package dev.herald.schemas;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * Renders Herald records as plain JSON for people and non-Avro tools (the JSON Lines sink, the
 * Kafka UI plugin): no union wrappers ({@code {"string": ...}}), field names and order as in the
 * schema, timestamps as ISO-8601 UTC strings ({@code 2017-11-14T00:00:00Z}), dates as ISO dates,
 * enums as their symbols, bytes and fixed as base64.
 */
public final class AvroJson {

  private static final JsonFactory JSON = new JsonFactory();

  /** Resolves union branches of both converted (Instant, LocalDate) and raw values. */
  private static final GenericData MODEL = new GenericData();

  static {
    MODEL.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    MODEL.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
    MODEL.addLogicalTypeConversion(new TimeConversions.DateConversion());
  }

  private AvroJson() {}

  /** A generated record as one line of plain JSON. */
  public static String toPlainJson(SpecificRecord r) {
    return render(r);
  }

  /**
   * Any Avro record (generated or generic, e.g. decoded with a schema read from {@code
   * herald.schemas}) as one line of plain JSON. Generic records carry timestamps as epoch millis;
   * they are rendered as ISO-8601 too.
   */
  public static String toPlainJson(IndexedRecord r) {
    return render(r);
  }

  private static String render(IndexedRecord r) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      write(g, r.getSchema(), r);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  private static void write(JsonGenerator g, Schema schema, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
      return;
    }
    LogicalType logical = schema.getLogicalType();
    if (logical != null && writeLogical(g, logical.getName(), value)) {
      return;
    }
    switch (schema.getType()) {
      case RECORD -> {
        IndexedRecord record = (IndexedRecord) value;
        g.writeStartObject();
        for (Schema.Field f : schema.getFields()) {
          g.writeFieldName(f.name());
          write(g, f.schema(), record.get(f.pos()));
        }
        g.writeEndObject();
      }
      case UNION -> {
        int branch = MODEL.resolveUnion(schema, value);
        write(g, schema.getTypes().get(branch), value);
      }
      case ARRAY -> {
        g.writeStartArray();
        for (Object item : (Collection<?>) value) {
          write(g, schema.getElementType(), item);
        }
        g.writeEndArray();
      }
      case MAP -> {
        g.writeStartObject();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
          g.writeFieldName(e.getKey().toString());
          write(g, schema.getValueType(), e.getValue());
        }
        g.writeEndObject();
      }
      case ENUM -> g.writeString(enumSymbol(value));
      case STRING -> g.writeString(value.toString());
      case BYTES -> g.writeString(base64((ByteBuffer) value));
      case FIXED ->
          g.writeString(Base64.getEncoder().encodeToString(((GenericFixed) value).bytes()));
      case INT -> g.writeNumber(((Number) value).intValue());
      case LONG -> g.writeNumber(((Number) value).longValue());
      case FLOAT -> g.writeNumber(((Number) value).floatValue());
      case DOUBLE -> g.writeNumber(((Number) value).doubleValue());
      case BOOLEAN -> g.writeBoolean((Boolean) value);
      case NULL -> g.writeNull();
    }
  }

  /** Writes a logical value; false when the value is of a form left to the plain type. */
  private static boolean writeLogical(JsonGenerator g, String logical, Object value)
      throws IOException {
    switch (logical) {
      case "timestamp-millis", "local-timestamp-millis" -> {
        Instant instant =
            value instanceof Instant i ? i : Instant.ofEpochMilli(((Number) value).longValue());
        g.writeString(instant.truncatedTo(ChronoUnit.MILLIS).toString());
        return true;
      }
      case "timestamp-micros", "local-timestamp-micros" -> {
        Instant instant =
            value instanceof Instant i
                ? i
                : Instant.EPOCH.plus(((Number) value).longValue(), ChronoUnit.MICROS);
        g.writeString(instant.toString());
        return true;
      }
      case "date" -> {
        LocalDate date =
            value instanceof LocalDate d ? d : LocalDate.ofEpochDay(((Number) value).longValue());
        g.writeString(date.toString());
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  private static String enumSymbol(Object value) {
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof GenericEnumSymbol<?> s) {
      return s.toString();
    }
    return value.toString();
  }

  private static String base64(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate(); // never move the record's own buffer
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
