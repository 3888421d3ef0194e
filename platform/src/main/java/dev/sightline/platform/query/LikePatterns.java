package dev.sightline.platform.query;

/**
 * Turns user text into a LIKE pattern that matches it literally: {@code \}, {@code %} and {@code _}
 * are escaped (backslash is LIKE's default escape), and only a word's {@code *} becomes {@code %}.
 */
final class LikePatterns {
  private LikePatterns() {}

  static String literal(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' || c == '%' || c == '_') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** {@code web*} → {@code web%}. */
  static String wildcard(String text) {
    return literal(text).replace("*", "%");
  }

  /** Contains: {@code %text%}. */
  static String contains(String text) {
    return "%" + literal(text) + "%";
  }
}
