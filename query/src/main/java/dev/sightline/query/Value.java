package dev.sightline.query;

/**
 * A value as written, without its quotes or backticks (escapes resolved); its meaning (a number, a
 * date, an address) is the token's type's to read.
 */
public record Value(ValueKind kind, String text, Position at) {
  /** Whether a bare word has a {@code *} wildcard. */
  public boolean hasWildcard() {
    return kind == ValueKind.WORD && text.indexOf('*') >= 0;
  }
}
