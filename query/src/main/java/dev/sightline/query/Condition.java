package dev.sightline.query;

import java.util.List;

/** What a term asks of its token's value. */
public sealed interface Condition
    permits Condition.Matches,
        Condition.Compares,
        Condition.Between,
        Condition.OneOf,
        Condition.IsNull,
        Condition.NotNull {

  /** {@code token:value}. */
  record Matches(Value value) implements Condition {}

  /** {@code token > value} and the like. */
  record Compares(Comparison op, Value value) implements Condition {}

  /** {@code token:[low .. high]} (inclusive) or {@code token:(low .. high)} (exclusive). */
  record Between(Value low, Value high, boolean inclusive) implements Condition {}

  /** {@code token:[x, y, z]}: any of them. */
  record OneOf(List<Value> values) implements Condition {
    public OneOf {
      values = List.copyOf(values);
    }
  }

  /** {@code token is null}: the value is missing. */
  record IsNull() implements Condition {}

  /** {@code token not null}: the value is present. */
  record NotNull() implements Condition {}
}
