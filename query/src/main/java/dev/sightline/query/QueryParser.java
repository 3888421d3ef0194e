package dev.sightline.query;

import dev.sightline.query.grammar.QueryLanguageLexer;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.atn.PredictionMode;

/**
 * Reads query text into an {@link Expr}: the grammar is {@code src/main/antlr4/.../grammar/}
 * ({@code QueryLanguageLexer.g4}, {@code QueryLanguageParser.g4}; ANTLR 4, generated at build
 * time). Keywords (AND, OR, NOT, is null, not null) in any letter case; a blank query is {@link
 * Expr.All}; two expressions side by side are joined by AND. {@code docs/query.md} is the user's
 * description of the language.
 *
 * <p>Thread-safe: every call builds its own lexer and parser (ANTLR shares only its prediction
 * cache between them, which is made for that).
 */
public final class QueryParser {
  private final QueryLimits limits;

  public QueryParser(QueryLimits limits) {
    this.limits = limits;
  }

  public static QueryParser withDefaults() {
    return new QueryParser(QueryLimits.defaults());
  }

  /**
   * @param text the query; {@code null} reads as blank (everything)
   * @throws QuerySyntaxException with the position, what was found and what was expected, when the
   *     text is not a query or breaks a limit; never any other exception
   */
  public Expr parse(String text) {
    if (text == null) {
      return new Expr.All();
    }
    TextPositions positions = new TextPositions(text);
    // Before lexing, so no work is spent on a query that is too long.
    if (text.length() > limits.maxLength()) {
      throw SyntaxErrors.tooLong(positions, text.length(), limits.maxLength());
    }
    int invisible = InvisibleCharacters.find(text);
    if (invisible >= 0) {
      throw SyntaxErrors.invisible(positions, invisible, text.codePointAt(invisible));
    }
    SyntaxErrors errors = new SyntaxErrors(positions);
    QueryLanguageLexer lexer = new QueryLanguageLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    lexer.addErrorListener(new LexerFailure());
    GuardedParser parser =
        new GuardedParser(new CommonTokenStream(lexer), limits.maxDepth(), errors);
    parser.removeErrorListeners();
    parser.setErrorHandler(new FirstErrorStrategy(errors));
    // The grammar is LL(1) at every decision, so the faster SLL prediction reads it exactly.
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    return new TreeBuilder(limits, positions, errors).visit(parser.query());
  }

  QueryLimits limits() {
    return limits;
  }

  /** Never reached: every lexer mode ends in a rule that takes any one character. */
  private static final class LexerFailure extends BaseErrorListener {
    @Override
    public void syntaxError(
        Recognizer<?, ?> recognizer,
        Object offendingSymbol,
        int line,
        int charPositionInLine,
        String msg,
        RecognitionException e) {
      throw new IllegalStateException("the query lexer has no rule for a character: " + msg);
    }
  }
}
