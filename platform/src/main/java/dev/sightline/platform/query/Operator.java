package dev.sightline.platform.query;

/** What a term may ask of a token, as the user writes it. */
public enum Operator {
  MATCHES(":"),
  GREATER(">"),
  GREATER_OR_EQUAL(">="),
  LESS("<"),
  LESS_OR_EQUAL("<="),
  RANGE("[a .. b]"),
  ONE_OF("[x, y]"),
  IS_NULL("is null"),
  NOT_NULL("not null");

  private final String symbol;

  Operator(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }
}
