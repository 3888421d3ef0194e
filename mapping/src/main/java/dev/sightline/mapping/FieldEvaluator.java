package dev.sightline.mapping;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Evaluates one compiled row against one record: expression, value map and default, conversion,
 * bounds. Never throws for anything the record holds; a JMESPath run-time error (a function given
 * the wrong type, say) is an outcome like any other.
 */
final class FieldEvaluator {

  private FieldEvaluator() {}

  sealed interface Outcome permits Value, Absent, Failed {}

  record Value(Object value) implements Outcome {}

  record Absent() implements Outcome {}

  record Failed(String reason) implements Outcome {}

  private static final Absent ABSENT = new Absent();

  static Outcome evaluate(CompiledField field, JsonNode record) {
    JsonNode yielded;
    try {
      yielded = field.expression().search(record);
    } catch (RuntimeException e) {
      // The library signals type mismatches in functions with unchecked exceptions; bad data
      // must not stop a run, so this becomes a problem of this field only.
      return new Failed("the expression failed on this record: " + e.getMessage());
    }
    JsonNode resolved = field.values().resolve(yielded);
    if (Conversions.isEmpty(resolved)) {
      return ABSENT;
    }
    try {
      Object value = Conversions.convert(field.mapping().type(), resolved);
      if (value instanceof Long number && !field.range().contains(number)) {
        return new Failed(number + " is outside the allowed range " + field.range());
      }
      return new Value(value);
    } catch (ConversionException e) {
      return new Failed(e.getMessage());
    } catch (RuntimeException e) {
      // Not expected from any input, but one odd value must not stop a run of many records.
      return new Failed("the value could not be converted (" + e.getClass().getSimpleName() + ")");
    }
  }
}
