package dev.sightline.query;

import dev.sightline.query.grammar.QueryLanguageParser;
import dev.sightline.query.grammar.QueryLanguageParserBaseVisitor;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Builds the {@link Expr} from a parse tree: flattens AND and OR (so {@code a AND (b AND c)} is one
 * AND of three), drops grouping parentheses, resolves escapes and counts terms and list values
 * against the limits.
 */
final class TreeBuilder extends QueryLanguageParserBaseVisitor<Expr> {
  private final QueryLimits limits;
  private final TextPositions positions;
  private final SyntaxErrors errors;
  private int terms;

  TreeBuilder(QueryLimits limits, TextPositions positions, SyntaxErrors errors) {
    this.limits = limits;
    this.positions = positions;
    this.errors = errors;
  }

  @Override
  public Expr visitQuery(QueryLanguageParser.QueryContext ctx) {
    return ctx.orExpr() == null ? new Expr.All() : visit(ctx.orExpr());
  }

  @Override
  public Expr visitOrExpr(QueryLanguageParser.OrExprContext ctx) {
    List<Expr> parts = new ArrayList<>();
    for (var part : ctx.andExpr()) {
      Expr expr = visit(part);
      if (expr instanceof Expr.Or or) {
        parts.addAll(or.parts());
      } else {
        parts.add(expr);
      }
    }
    return parts.size() == 1 ? parts.get(0) : new Expr.Or(parts);
  }

  @Override
  public Expr visitAndExpr(QueryLanguageParser.AndExprContext ctx) {
    List<Expr> parts = new ArrayList<>();
    for (var part : ctx.notExpr()) {
      Expr expr = visit(part);
      if (expr instanceof Expr.And and) {
        parts.addAll(and.parts());
      } else {
        parts.add(expr);
      }
    }
    return parts.size() == 1 ? parts.get(0) : new Expr.And(parts);
  }

  @Override
  public Expr visitNegation(QueryLanguageParser.NegationContext ctx) {
    return new Expr.Not(visit(ctx.notExpr()));
  }

  @Override
  public Expr visitGroup(QueryLanguageParser.GroupContext ctx) {
    return visit(ctx.orExpr());
  }

  @Override
  public Expr visitTerm(QueryLanguageParser.TermContext ctx) {
    Token name = ctx.NAME().getSymbol();
    if (++terms > limits.maxTerms()) {
      throw errors.tooManyTerms(name, limits.maxTerms());
    }
    Position at = positions.of(name);
    if (ctx.condition() instanceof QueryLanguageParser.MatchConditionContext match
        && match.matchValue() instanceof QueryLanguageParser.NestedTermContext nested) {
      return new Expr.Nested(name.getText(), visit(nested.nested().orExpr()), at);
    }
    return new Expr.Term(name.getText(), condition(ctx.condition()), at);
  }

  private Condition condition(QueryLanguageParser.ConditionContext ctx) {
    if (ctx instanceof QueryLanguageParser.MatchConditionContext match) {
      return matchCondition(match.matchValue());
    }
    if (ctx instanceof QueryLanguageParser.CompareConditionContext compare) {
      return new Condition.Compares(comparison(compare.comparator()), value(compare.value()));
    }
    if (ctx instanceof QueryLanguageParser.NullConditionContext isNull) {
      return isNull.NOT() == null ? new Condition.IsNull() : new Condition.NotNull();
    }
    return new Condition.NotNull();
  }

  private Condition matchCondition(QueryLanguageParser.MatchValueContext ctx) {
    if (ctx instanceof QueryLanguageParser.SingleContext single) {
      return new Condition.Matches(value(single.value()));
    }
    if (ctx instanceof QueryLanguageParser.ExclusiveRangeContext range) {
      return new Condition.Between(value(range.low), value(range.high), false);
    }
    var bracketed = (QueryLanguageParser.BracketedContext) ctx;
    Value first = value(bracketed.first);
    if (bracketed.bracketRest() instanceof QueryLanguageParser.InclusiveRangeContext range) {
      return new Condition.Between(first, value(range.high), true);
    }
    var list = (QueryLanguageParser.ValueListContext) bracketed.bracketRest();
    List<Value> values = new ArrayList<>();
    values.add(first);
    for (var value : list.value()) {
      if (values.size() == limits.maxListValues()) {
        throw errors.tooManyValues(value.getStart(), limits.maxListValues());
      }
      values.add(value(value));
    }
    return new Condition.OneOf(values);
  }

  private static Comparison comparison(QueryLanguageParser.ComparatorContext ctx) {
    return switch (ctx.getStart().getType()) {
      case QueryLanguageParser.GT -> Comparison.GT;
      case QueryLanguageParser.GE -> Comparison.GE;
      case QueryLanguageParser.LT -> Comparison.LT;
      default -> Comparison.LE;
    };
  }

  private Value value(QueryLanguageParser.ValueContext ctx) {
    Token token = ctx.getStart();
    Position at = positions.of(token);
    String text = token.getText();
    return switch (token.getType()) {
      case QueryLanguageParser.PHRASE -> new Value(ValueKind.PHRASE, unquote(text, '"'), at);
      case QueryLanguageParser.EXACT -> new Value(ValueKind.EXACT, unquote(text, '`'), at);
      default -> new Value(ValueKind.WORD, text, at);
    };
  }

  /**
   * The text between the quotes, {@code \<quote>} and {@code \\} resolved; any other backslash
   * stays as written, so a Windows path in a phrase needs no doubling.
   */
  static String unquote(String quoted, char quote) {
    StringBuilder text = new StringBuilder(quoted.length());
    for (int i = 1; i < quoted.length() - 1; i++) {
      char c = quoted.charAt(i);
      if (c == '\\' && i + 1 < quoted.length() - 1) {
        char next = quoted.charAt(i + 1);
        if (next == quote || next == '\\') {
          text.append(next);
          i++;
          continue;
        }
      }
      text.append(c);
    }
    return text.toString();
  }
}
