package dev.sightline.query;

import org.antlr.v4.runtime.Token;

/**
 * Positions in one query text. ANTLR counts code points; {@link Position#offset()} is the UTF-16
 * index (what {@code String.charAt} and a browser's text field use), so a query with characters
 * outside the Basic Multilingual Plane still points at the right place.
 */
final class TextPositions {
  private final String text;
  private final boolean bmpOnly;

  TextPositions(String text) {
    this.text = text;
    this.bmpOnly = text.codePointCount(0, text.length()) == text.length();
  }

  /** Where a token starts (the end of the query for the end-of-query token). */
  Position of(Token token) {
    int codePoints = Math.max(0, token.getStartIndex());
    int offset = bmpOnly ? codePoints : text.offsetByCodePoints(0, Math.min(codePoints, count()));
    return new Position(token.getLine(), token.getCharPositionInLine() + 1, offset);
  }

  /**
   * Where the character at a UTF-16 index is: lines split at {@code \n}, columns in code points.
   */
  Position atOffset(int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Position(line, text.codePointCount(lineStart, offset) + 1, offset);
  }

  private int count() {
    return text.codePointCount(0, text.length());
  }
}
