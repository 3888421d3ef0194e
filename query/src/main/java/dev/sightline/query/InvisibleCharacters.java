package dev.sightline.query;

/**
 * The characters no query may hold, quoted or not: control characters other than tab and line
 * breaks (NUL among them, which PostgreSQL refuses in text), format characters (the right-to-left
 * override, zero-width spaces, which hide what a query says from the person reading it), lone
 * surrogates, private-use and unassigned code points.
 */
final class InvisibleCharacters {
  private InvisibleCharacters() {}

  /** The UTF-16 index of the first such character in {@code text}, or -1. */
  static int find(String text) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (refused(c)) {
        return i;
      }
      i += Character.charCount(c);
    }
    return -1;
  }

  static boolean refused(int codePoint) {
    int type = Character.getType(codePoint);
    return (type == Character.CONTROL
            && codePoint != '\t'
            && codePoint != '\n'
            && codePoint != '\r'
            && codePoint != '\f')
        || type == Character.FORMAT
        || type == Character.SURROGATE
        || type == Character.UNASSIGNED
        || type == Character.PRIVATE_USE;
  }
}
