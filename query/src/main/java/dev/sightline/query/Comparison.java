package dev.sightline.query;

/** {@code >}, {@code >=}, {@code <}, {@code <=}. */
public enum Comparison {
  GT(">"),
  GE(">="),
  LT("<"),
  LE("<=");

  private final String symbol;

  Comparison(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }
}
