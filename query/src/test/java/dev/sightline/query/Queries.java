package dev.sightline.query;

import static dev.sightline.query.QueryText.NO_POSITION;

import java.util.List;

/** Short ways to write expected trees in tests; every position is {@link QueryText#NO_POSITION}. */
final class Queries {
  private Queries() {}

  static Expr parsed(String text) {
    return QueryText.canonical(QueryParser.withDefaults().parse(text));
  }

  static Expr.Term term(String token, Condition condition) {
    return new Expr.Term(token, condition, NO_POSITION);
  }

  static Expr.Nested nested(String parent, Expr inner) {
    return new Expr.Nested(parent, inner, NO_POSITION);
  }

  static Expr.And and(Expr... parts) {
    return new Expr.And(List.of(parts));
  }

  static Expr.Or or(Expr... parts) {
    return new Expr.Or(List.of(parts));
  }

  static Expr.Not not(Expr inner) {
    return new Expr.Not(inner);
  }

  static Condition.Matches matches(Value value) {
    return new Condition.Matches(value);
  }

  static Expr.Term word(String token, String word) {
    return term(token, matches(word(word)));
  }

  static Value word(String text) {
    return new Value(ValueKind.WORD, text, NO_POSITION);
  }

  static Value phrase(String text) {
    return new Value(ValueKind.PHRASE, text, NO_POSITION);
  }

  static Value exact(String text) {
    return new Value(ValueKind.EXACT, text, NO_POSITION);
  }
}
