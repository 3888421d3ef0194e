package dev.sightline.platform.query;

import dev.sightline.query.Comparison;
import dev.sightline.query.Condition;
import dev.sightline.query.Expr;
import dev.sightline.query.Position;
import dev.sightline.query.Value;
import dev.sightline.query.ValueKind;
import java.util.Arrays;
import java.util.List;

/** Builds queries as the parser would, for tests written before the parser. */
final class Q {
  static final Position AT = new Position(1, 1, 0);

  private Q() {}

  static Value word(String text) {
    return new Value(ValueKind.WORD, text, AT);
  }

  static Value phrase(String text) {
    return new Value(ValueKind.PHRASE, text, AT);
  }

  static Value exact(String text) {
    return new Value(ValueKind.EXACT, text, AT);
  }

  /** {@code token:word}. */
  static Expr is(String token, String word) {
    return term(token, new Condition.Matches(word(word)));
  }

  static Expr term(String token, Condition c) {
    return new Expr.Term(token, c, AT);
  }

  static Expr matches(String token, Value v) {
    return term(token, new Condition.Matches(v));
  }

  static Expr cmp(String token, Comparison op, String word) {
    return term(token, new Condition.Compares(op, word(word)));
  }

  static Expr range(String token, String low, String high, boolean inclusive) {
    return term(token, new Condition.Between(word(low), word(high), inclusive));
  }

  static Expr oneOf(String token, Value... values) {
    return term(token, new Condition.OneOf(Arrays.asList(values)));
  }

  static Expr isNull(String token) {
    return term(token, new Condition.IsNull());
  }

  static Expr notNull(String token) {
    return term(token, new Condition.NotNull());
  }

  static Expr and(Expr... parts) {
    return new Expr.And(List.of(parts));
  }

  static Expr or(Expr... parts) {
    return new Expr.Or(List.of(parts));
  }

  static Expr not(Expr inner) {
    return new Expr.Not(inner);
  }

  static Expr nested(String parent, Expr inner) {
    return new Expr.Nested(parent, inner, AT);
  }
}
