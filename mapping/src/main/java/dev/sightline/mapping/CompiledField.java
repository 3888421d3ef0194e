package dev.sightline.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.burt.jmespath.Expression;
import java.util.Objects;

/**
 * A validated row with everything {@link TransformMap#apply} needs prepared once per map, since
 * records are many: the compiled expression, the value lookup and the target's bounds.
 *
 * @param range bounds of an integer target; {@link #UNBOUNDED} when the model sets none
 */
record CompiledField(
    FieldMapping mapping, Expression<JsonNode> expression, ValueMapping values, IntRange range) {

  static final IntRange UNBOUNDED = new IntRange(Long.MIN_VALUE, Long.MAX_VALUE);

  CompiledField {
    Objects.requireNonNull(mapping, "mapping");
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(range, "range");
  }
}
