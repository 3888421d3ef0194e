package dev.sightline.query;

import static dev.sightline.query.grammar.QueryLanguageLexer.AND;
import static dev.sightline.query.grammar.QueryLanguageLexer.COLON;
import static dev.sightline.query.grammar.QueryLanguageLexer.COMMA;
import static dev.sightline.query.grammar.QueryLanguageLexer.DOTDOT;
import static dev.sightline.query.grammar.QueryLanguageLexer.EXACT;
import static dev.sightline.query.grammar.QueryLanguageLexer.GE;
import static dev.sightline.query.grammar.QueryLanguageLexer.GT;
import static dev.sightline.query.grammar.QueryLanguageLexer.IS;
import static dev.sightline.query.grammar.QueryLanguageLexer.LBRACK;
import static dev.sightline.query.grammar.QueryLanguageLexer.LE;
import static dev.sightline.query.grammar.QueryLanguageLexer.LPAREN;
import static dev.sightline.query.grammar.QueryLanguageLexer.LT;
import static dev.sightline.query.grammar.QueryLanguageLexer.NAME;
import static dev.sightline.query.grammar.QueryLanguageLexer.NOT;
import static dev.sightline.query.grammar.QueryLanguageLexer.NULL;
import static dev.sightline.query.grammar.QueryLanguageLexer.OR;
import static dev.sightline.query.grammar.QueryLanguageLexer.PHRASE;
import static dev.sightline.query.grammar.QueryLanguageLexer.RANGE_CLOSE;
import static dev.sightline.query.grammar.QueryLanguageLexer.RANGE_OPEN;
import static dev.sightline.query.grammar.QueryLanguageLexer.RBRACK;
import static dev.sightline.query.grammar.QueryLanguageLexer.RPAREN;
import static dev.sightline.query.grammar.QueryLanguageLexer.UNCLOSED_EXACT;
import static dev.sightline.query.grammar.QueryLanguageLexer.UNCLOSED_PHRASE;
import static dev.sightline.query.grammar.QueryLanguageLexer.WORD;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns what the parser found and expected into a {@link QuerySyntaxException} in the user's words:
 * never a token type name, never {@code <EOF>} ("end of query"), never "mismatched input".
 */
final class SyntaxErrors {
  static final String END_OF_QUERY = "end of query";
  private static final int SHOWN_CODE_POINTS = 40;

  /** The order expected things are listed in: closers first, then what can come next. */
  private static final int[] ORDER = {
    RPAREN,
    RANGE_CLOSE,
    RBRACK,
    WORD,
    PHRASE,
    EXACT,
    LBRACK,
    RANGE_OPEN,
    NAME,
    COLON,
    GT,
    GE,
    LT,
    LE,
    IS,
    NULL,
    COMMA,
    DOTDOT,
    AND,
    OR,
    NOT,
    LPAREN,
    Token.EOF
  };

  private final TextPositions positions;

  SyntaxErrors(TextPositions positions) {
    this.positions = positions;
  }

  /** {@code found} where one of {@code expected} (token types) should have been. */
  QuerySyntaxException unexpected(Token found, IntervalSet expected) {
    Position at = positions.of(found);
    String text = shown(found);
    if (found.getType() == UNCLOSED_PHRASE || found.getType() == UNCLOSED_EXACT) {
      String quote = found.getType() == UNCLOSED_PHRASE ? "\"" : "`";
      String what = found.getType() == UNCLOSED_PHRASE ? "quote" : "backtick";
      return new QuerySyntaxException(
          "Unclosed " + what + " at " + at + ": expected a closing '" + quote + "'",
          at,
          text,
          List.of("'" + quote + "'"));
    }
    List<String> words = describe(expected);
    String message =
        "Unexpected " + quoted(found, text) + " at " + at + ": expected " + list(words);
    if (found.getType() == NULL && words.contains("a value")) {
      message += " (write 'token is null' for a missing value, or \"null\" for the word)";
    } else if (found.getType() == RPAREN && expected.contains(Token.EOF)) {
      message += " (this ')' closes no '(')";
    } else if (isKeyword(found.getType()) && words.contains("a value")) {
      message += " (quote it to search for the word: \"" + found.getText() + "\")";
    }
    return new QuerySyntaxException(message, at, text, words);
  }

  QuerySyntaxException tooDeep(Token at, int maxDepth) {
    return limit(
        "Too deeply nested",
        at,
        "at most " + maxDepth + " levels of parentheses, nested tokens and NOT");
  }

  QuerySyntaxException tooManyTerms(Token at, int maxTerms) {
    return limit("Too many terms", at, "at most " + maxTerms + " terms");
  }

  QuerySyntaxException tooManyValues(Token at, int maxValues) {
    return limit("Too many values in one list", at, "at most " + maxValues + " values in a list");
  }

  static QuerySyntaxException tooLong(TextPositions positions, int length, int maxLength) {
    Position at = positions.atOffset(maxLength);
    String limit = "at most " + maxLength + " characters";
    return new QuerySyntaxException(
        "The query is " + length + " characters long at " + at + ": " + limit + " are allowed",
        at,
        length + " characters",
        List.of(limit));
  }

  static QuerySyntaxException invisible(TextPositions positions, int offset, int codePoint) {
    Position at = positions.atOffset(offset);
    String name = Character.getName(codePoint);
    String code = codePoint(codePoint);
    return new QuerySyntaxException(
        "Unexpected invisible or unknown character "
            + code
            + (name == null ? "" : " (" + name.toLowerCase(java.util.Locale.ROOT) + ")")
            + " at "
            + at
            + ": remove it",
        at,
        code,
        List.of("a visible character"));
  }

  private QuerySyntaxException limit(String what, Token token, String limit) {
    Position at = positions.of(token);
    return new QuerySyntaxException(
        what + " at " + at + ": " + limit + " are allowed", at, shown(token), List.of(limit));
  }

  static List<String> describe(IntervalSet expected) {
    boolean afterName = expected.contains(COLON);
    boolean inNullCheck = !afterName && expected.contains(NULL);
    Set<String> words = new LinkedHashSet<>();
    for (int type : ORDER) {
      if (expected.contains(type)) {
        words.add(word(type, afterName, inNullCheck));
      }
    }
    if (words.isEmpty()) {
      // Not reached with this grammar; a message must still say something true.
      words.add("something else");
    }
    return List.copyOf(words);
  }

  private static String word(int type, boolean afterName, boolean inNullCheck) {
    return switch (type) {
      case WORD, PHRASE, EXACT -> "a value";
      case NAME -> "a token name";
      case COLON -> "':'";
      case GT, GE, LT, LE -> "'" + comparator(type) + "'";
      case IS -> "'is null'";
      case NOT -> afterName ? "'not null'" : inNullCheck ? "'not'" : "NOT";
      case NULL -> "'null'";
      case AND -> "AND";
      case OR -> "OR";
      case LPAREN, RANGE_OPEN -> "'('";
      case RPAREN, RANGE_CLOSE -> "')'";
      case LBRACK -> "'['";
      case RBRACK -> "']'";
      case COMMA -> "','";
      case DOTDOT -> "'..'";
      default -> END_OF_QUERY;
    };
  }

  private static String comparator(int type) {
    return switch (type) {
      case GT -> ">";
      case GE -> ">=";
      case LT -> "<";
      default -> "<=";
    };
  }

  private static boolean isKeyword(int type) {
    return type == AND || type == OR || type == NOT;
  }

  static String list(List<String> words) {
    if (words.isEmpty()) {
      return "nothing more";
    }
    if (words.size() == 1) {
      return words.get(0);
    }
    List<String> head = new ArrayList<>(words.subList(0, words.size() - 1));
    return String.join(", ", head) + " or " + words.get(words.size() - 1);
  }

  /** The found text as the exception carries it: as written, cut after 40 characters. */
  private static String shown(Token token) {
    if (token.getType() == Token.EOF) {
      return END_OF_QUERY;
    }
    String text = token.getText();
    if (text.codePointCount(0, text.length()) > SHOWN_CODE_POINTS) {
      return text.substring(0, text.offsetByCodePoints(0, SHOWN_CODE_POINTS)) + "…";
    }
    return text;
  }

  private static String quoted(Token token, String shown) {
    if (token.getType() == Token.EOF) {
      return shown;
    }
    String quoted = "'" + shown + "'";
    int first = shown.codePointAt(0);
    boolean single = shown.length() == Character.charCount(first);
    return single && first > 0x7e ? quoted + " (" + codePoint(first) + ")" : quoted;
  }

  private static String codePoint(int codePoint) {
    return String.format(java.util.Locale.ROOT, "U+%04X", codePoint);
  }
}
