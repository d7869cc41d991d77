package dev.herald.schemas.serde;

import java.util.ArrayList;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * The Avro data model Herald decodes with: the generated classes' logical-type conversions
 * (timestamp-millis as {@link java.time.Instant}), and arrays decoded as plain {@link ArrayList}.
 *
 * <p>Why not {@code GenericData.Array}: its {@code equals} and {@code hashCode} go through {@code
 * GenericData.get()}, which knows no conversions, so a decoded record holding a list of records
 * with an optional timestamp (an {@code EnrichedArticle}'s claims, an alert's evidence) throws
 * "Unknown datum type java.time.Instant" when compared or hashed.
 */
final class HeraldModel extends SpecificData {

  HeraldModel(SpecificData generated) {
    super(generated.getClassLoader());
    generated.getConversions().forEach(this::addLogicalTypeConversion);
  }

  @Override
  public Object newArray(Object old, int size, Schema schema) {
    if (schema.getLogicalType() == null && old instanceof ArrayList<?> reused) {
      reused.clear();
      return reused;
    }
    if (schema.getLogicalType() == null) {
      return new ArrayList<>(size);
    }
    return super.newArray(old, size, schema);
  }
}
