package dev.sightline.platform.inventory;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row in PostgreSQL's COPY text format: values separated by tabs, {@code \N} for null, and the
 * backslash, tab, newline and carriage return escaped, so any text a vendor sends arrives as sent.
 */
final class CopyLine {
  private final StringBuilder out;
  private boolean first = true;

  CopyLine(StringBuilder out) {
    this.out = out;
  }

  CopyLine text(String value) {
    separate();
    if (value == null) {
      out.append("\\N");
      return this;
    }
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      switch (ch) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        // PostgreSQL text cannot hold NUL at all: it becomes the replacement character.
        case '\0' -> out.append('\uFFFD');
        default -> out.append(ch);
      }
    }
    return this;
  }

  /** A {@code text[]} literal; null elements are dropped, an absent list is null. */
  CopyLine array(java.util.List<String> values) {
    if (values == null) {
      return text(null);
    }
    StringBuilder literal = new StringBuilder("{");
    for (String v : values) {
      if (v == null) {
        continue;
      }
      if (literal.length() > 1) {
        literal.append(',');
      }
      literal.append('"');
      for (int i = 0; i < v.length(); i++) {
        char ch = v.charAt(i);
        if (ch == '"' || ch == '\\') {
          literal.append('\\');
        }
        literal.append(ch);
      }
      literal.append('"');
    }
    return text(literal.append('}').toString());
  }

  CopyLine number(long value) {
    separate();
    out.append(value);
    return this;
  }

  CopyLine decimal(BigDecimal value) {
    return value == null ? text(null) : text(value.toPlainString());
  }

  /** ISO-8601 in UTC, which {@code timestamptz} reads exactly. */
  CopyLine time(Instant value) {
    return value == null ? text(null) : text(value.toString());
  }

  CopyLine bool(boolean value) {
    separate();
    out.append(value ? 't' : 'f');
    return this;
  }

  void end() {
    out.append('\n');
  }

  private void separate() {
    if (!first) {
      out.append('\t');
    }
    first = false;
  }
}
