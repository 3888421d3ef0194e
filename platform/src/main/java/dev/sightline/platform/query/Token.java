package dev.sightline.platform.query;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A whitelisted token: how it reads values ({@link TokenType}), from which rows ({@link Scope}) and
 * how ({@link Accessor}), the operators it takes, and the expression listings sort by, if any.
 *
 * @param integral for a NUMBER, whether it takes whole numbers only (its column is an integer)
 * @param floating for a NUMBER, whether its column is a {@code double precision}
 * @param sortExpression the sort key over the entity's row ({@code {r}}), when sortable
 */
record Token(
    String name,
    TokenType type,
    Scope scope,
    Accessor accessor,
    Set<Operator> operators,
    String example,
    List<String> values,
    boolean integral,
    boolean floating,
    Optional<String> sortExpression,
    String description) {

  Token {
    operators = Set.copyOf(operators);
    values = List.copyOf(values);
  }

  String key() {
    return name.toLowerCase(Locale.ROOT);
  }

  Token named(String other, String otherExample, String otherDescription) {
    return new Token(
        other,
        type,
        scope,
        accessor,
        operators,
        otherExample,
        values,
        integral,
        floating,
        sortExpression,
        otherDescription);
  }

  TokenDescription describe() {
    return new TokenDescription(
        name,
        type,
        java.util.Arrays.stream(Operator.values())
            .filter(operators::contains)
            .map(Operator::symbol)
            .toList(),
        example,
        values,
        sortExpression.isPresent(),
        description);
  }
}
