package dev.sightline.simulators.cortex;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an XQL text into tokens with their line and column, for parse errors that point somewhere.
 */
final class XqlLexer {
  enum Kind {
    WORD,
    STRING,
    NUMBER,
    SYMBOL,
    END
  }

  record Token(Kind kind, String text, int line, int column) {
    boolean is(String symbolOrKeyword) {
      return (kind == Kind.SYMBOL || kind == Kind.WORD) && text.equalsIgnoreCase(symbolOrKeyword);
    }

    String describe() {
      return kind == Kind.END
          ? "the end of the query"
          : kind == Kind.STRING ? "\"" + text + "\"" : "'" + text + "'";
    }
  }

  private XqlLexer() {}

  static List<Token> tokenize(String text) {
    List<Token> out = new ArrayList<>();
    int line = 1;
    int lineStart = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int column = i - lineStart + 1;
      if (c == '\n') {
        line++;
        lineStart = i + 1;
        i++;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < text.length()
            && (Character.isLetterOrDigit(text.charAt(i))
                || text.charAt(i) == '_'
                || text.charAt(i) == '.')) {
          i++;
        }
        out.add(new Token(Kind.WORD, text.substring(start, i), line, column));
      } else if (Character.isDigit(c)) {
        int start = i;
        while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
          i++;
        }
        out.add(new Token(Kind.NUMBER, text.substring(start, i), line, column));
      } else if (c == '"') {
        StringBuilder value = new StringBuilder();
        i++;
        while (i < text.length() && text.charAt(i) != '"') {
          if (text.charAt(i) == '\\' && i + 1 < text.length()) {
            i++;
          }
          value.append(text.charAt(i++));
        }
        if (i >= text.length()) {
          throw new XqlException(XqlParser.at(line, column) + "unterminated string");
        }
        i++;
        out.add(new Token(Kind.STRING, value.toString(), line, column));
      } else {
        String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
        if (two.equals("!=") || two.equals(">=") || two.equals("<=")) {
          out.add(new Token(Kind.SYMBOL, two, line, column));
          i += 2;
        } else if ("|=<>(),".indexOf(c) >= 0) {
          out.add(new Token(Kind.SYMBOL, String.valueOf(c), line, column));
          i++;
        } else {
          throw new XqlException(XqlParser.at(line, column) + "unexpected character '" + c + "'");
        }
      }
    }
    out.add(new Token(Kind.END, "", line, text.length() - lineStart + 1));
    return out;
  }
}
