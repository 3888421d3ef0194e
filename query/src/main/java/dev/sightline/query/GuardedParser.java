package dev.sightline.query;

import dev.sightline.query.grammar.QueryLanguageParser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.TokenStream;

/**
 * The generated parser, stopped before it goes deeper than {@link QueryLimits#maxDepth()} levels of
 * parentheses, nested tokens and NOT. Checked while parsing, not after, because the parser
 * recurses: a query of 4,000 {@code (} must be refused before it can exhaust the stack.
 */
final class GuardedParser extends QueryLanguageParser {
  private final int maxDepth;
  private final SyntaxErrors errors;
  private int depth;

  GuardedParser(TokenStream tokens, int maxDepth, SyntaxErrors errors) {
    super(tokens);
    this.maxDepth = maxDepth;
    this.errors = errors;
  }

  @Override
  public void enterRule(ParserRuleContext localctx, int state, int ruleIndex) {
    // Refuse before entering, so the rule stack stays as it was for the callers' finally blocks.
    if (isLevel(ruleIndex) && depth + 1 > maxDepth) {
      throw errors.tooDeep(getCurrentToken(), maxDepth);
    }
    super.enterRule(localctx, state, ruleIndex);
    if (isLevel(ruleIndex)) {
      depth++;
    }
  }

  @Override
  public void exitRule() {
    if (getContext() != null && isLevel(getContext().getRuleIndex())) {
      depth--;
    }
    super.exitRule();
  }

  private static boolean isLevel(int ruleIndex) {
    return ruleIndex == RULE_group || ruleIndex == RULE_nested || ruleIndex == RULE_negation;
  }
}
