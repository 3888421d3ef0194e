/*
 * The Sightline query language (QQL-style): the parser over QueryLanguageLexer's tokens.
 * Precedence: NOT binds tightest, then AND (written or implicit: two expressions side by side),
 * then OR. docs/query.md describes the language for users.
 */
parser grammar QueryLanguageParser;

options { tokenVocab = QueryLanguageLexer; }

query       : orExpr? EOF ;

orExpr      : andExpr (OR andExpr)* ;

// Two expressions side by side are joined by AND (implicit AND).
andExpr     : notExpr (AND? notExpr)* ;

notExpr     : negation | primary ;
negation    : NOT notExpr ;

primary     : group | term ;
group       : LPAREN orExpr RPAREN ;

term        : NAME condition ;

condition
  : COLON matchValue              # matchCondition
  | comparator value              # compareCondition
  | IS NOT? NULL                  # nullCondition
  | NOT NULL                      # notNullCondition
  ;

comparator  : GT | GE | LT | LE ;

matchValue
  : value                                                 # single
  | nested                                                # nestedTerm
  | LBRACK first=value bracketRest                        # bracketed
  | RANGE_OPEN low=value DOTDOT high=value RANGE_CLOSE    # exclusiveRange
  ;

nested      : LPAREN orExpr RPAREN ;

bracketRest
  : DOTDOT high=value RBRACK      # inclusiveRange
  | (COMMA value)* RBRACK         # valueList
  ;

value       : WORD | PHRASE | EXACT ;

