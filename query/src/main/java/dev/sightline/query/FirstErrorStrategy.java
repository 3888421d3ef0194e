package dev.sightline.query;

import dev.sightline.query.grammar.QueryLanguageParser;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Stops at the first error and reports it as a {@link QuerySyntaxException}: a query is short, so
 * guessing a repair (ANTLR's default) would only report errors the user did not make.
 */
final class FirstErrorStrategy extends DefaultErrorStrategy {
  private final SyntaxErrors errors;

  FirstErrorStrategy(SyntaxErrors errors) {
    this.errors = errors;
  }

  @Override
  public void reportError(Parser recognizer, RecognitionException e) {
    Token found =
        e.getOffendingToken() != null ? e.getOffendingToken() : recognizer.getCurrentToken();
    IntervalSet expected;
    if (e instanceof InputMismatchException || e instanceof NoViableAltException) {
      expected = e.getExpectedTokens();
    } else {
      expected = recognizer.getExpectedTokens();
    }
    throw errors.unexpected(found, expected == null ? new IntervalSet() : expected);
  }

  @Override
  public Token recoverInline(Parser recognizer) {
    throw errors.unexpected(recognizer.getCurrentToken(), afterExpression(recognizer));
  }

  /**
   * At the end of the query or of a parenthesis ANTLR expects only {@code end of query} or {@code
   * ')'}, because the loops that could go on (AND, OR, NOT, another term) have already been left;
   * the user may write any of those too, so they are named as well.
   */
  private static IntervalSet afterExpression(Parser recognizer) {
    IntervalSet expected = recognizer.getExpectedTokens();
    boolean closing =
        expected.size() == 1
            && (expected.contains(Token.EOF) || expected.contains(QueryLanguageParser.RPAREN));
    if (!closing) {
      return expected;
    }
    IntervalSet more = new IntervalSet(expected);
    more.addAll(
        IntervalSet.of(QueryLanguageParser.AND)
            .or(IntervalSet.of(QueryLanguageParser.OR))
            .or(IntervalSet.of(QueryLanguageParser.NOT))
            .or(IntervalSet.of(QueryLanguageParser.LPAREN))
            .or(IntervalSet.of(QueryLanguageParser.NAME)));
    return more;
  }

  @Override
  public void recover(Parser recognizer, RecognitionException e) {
    reportError(recognizer, e);
  }

  @Override
  protected void reportUnwantedToken(Parser recognizer) {
    throw errors.unexpected(recognizer.getCurrentToken(), recognizer.getExpectedTokens());
  }

  @Override
  protected void reportMissingToken(Parser recognizer) {
    throw errors.unexpected(recognizer.getCurrentToken(), recognizer.getExpectedTokens());
  }
}
