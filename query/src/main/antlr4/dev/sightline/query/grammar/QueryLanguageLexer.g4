/*
 * The Sightline query language (QQL-style): `token:value` terms joined by AND / OR / NOT.
 * docs/query.md describes it for users; dev.sightline.query.QueryParser turns the parse tree into
 * an Expr and reports the first error in the user's words.
 *
 * The lexer has three modes because values may hold colons (MAC addresses 00:11:22:aa:bb:cc,
 * IPv6 fe80::1) while `:` also separates a token from its value:
 *   DEFAULT - where a token name, a keyword or a parenthesis is expected; no word holds a colon,
 *             so in `asset.mac:00:11:22:aa:bb:cc` the first `:` ends the name and opens VALUE;
 *   VALUE   - right after `:` or a comparison: exactly one value (its colons included), a list or
 *             range opening, or the `(` of a nested term; the value closes the mode;
 *   LIST    - inside `[...]` and `(a .. b)`: values, `,` and `..` until the closing bracket.
 * Whether `(` after `:` opens an exclusive range or a nested term is decided by `..`: a range when
 * `..` comes before any other bracket (quoted text skipped), see rangeAhead().
 */
lexer grammar QueryLanguageLexer;

@members {
  /** Whether the `(` at LA(1) opens a range `(a .. b)`: a `..` before any bracket, outside quotes. */
  private boolean rangeAhead() {
    for (int i = 2; ; i++) {
      int c = _input.LA(i);
      switch (c) {
        case CharStream.EOF: case '(': case ')': case '[': case ']':
          return false;
        case '.':
          if (_input.LA(i + 1) == '.') {
            return true;
          }
          break;
        case '"': case '`':
          i = afterQuoted(i, c);
          if (i < 0) {
            return false;
          }
          break;
        default:
          break;
      }
    }
  }

  /** The index of the closing quote of the quoted text opening at LA(open), or -1 if unclosed. */
  private int afterQuoted(int open, int quote) {
    for (int i = open + 1; ; i++) {
      int c = _input.LA(i);
      if (c == CharStream.EOF) {
        return -1;
      }
      if (c == '\\') {
        i++;
      } else if (c == quote) {
        return i;
      }
    }
  }
}

// ---------------------------------------------------------------- lexer, DEFAULT mode

AND         : A N D ;
OR          : O R ;
NOT         : N O T ;
IS          : I S ;
NULL        : N U L L ;

LPAREN      : '(' ;
RPAREN      : ')' ;
COLON       : ':' -> pushMode(VALUE) ;
GE          : '>=' -> pushMode(VALUE) ;
LE          : '<=' -> pushMode(VALUE) ;
GT          : '>' -> pushMode(VALUE) ;
LT          : '<' -> pushMode(VALUE) ;

NAME        : IDENT ('.' IDENT)* ;

// Out of place here, but lexed whole so an error names what the user wrote.
PHRASE      : PHRASE_TEXT ;
EXACT       : EXACT_TEXT ;
UNCLOSED_PHRASE : UNCLOSED_PHRASE_TEXT ;
UNCLOSED_EXACT  : UNCLOSED_EXACT_TEXT ;
BARE        : (BARE_CHAR | '.')+ ;

WS          : SPACE+ -> channel(HIDDEN) ;
ERROR_CHAR  : . ;

// ---------------------------------------------------------------- VALUE mode

mode VALUE;

V_WS        : SPACE+ -> type(WS), channel(HIDDEN) ;
V_AND       : A N D -> type(AND), popMode ;
V_OR        : O R -> type(OR), popMode ;
V_NOT       : N O T -> type(NOT), popMode ;
V_NULL      : N U L L -> type(NULL), popMode ;
WORD        : WORD_TEXT -> popMode ;
V_PHRASE    : PHRASE_TEXT -> type(PHRASE), popMode ;
V_EXACT     : EXACT_TEXT -> type(EXACT), popMode ;
V_UNCLOSED_PHRASE : UNCLOSED_PHRASE_TEXT -> type(UNCLOSED_PHRASE) ;
V_UNCLOSED_EXACT  : UNCLOSED_EXACT_TEXT -> type(UNCLOSED_EXACT) ;
LBRACK      : '[' -> mode(LIST) ;
RANGE_OPEN  : {rangeAhead()}? '(' -> mode(LIST) ;
V_LPAREN    : '(' -> type(LPAREN), popMode ;
V_RPAREN    : ')' -> type(RPAREN), popMode ;
V_ERROR     : . -> type(ERROR_CHAR) ;

// ---------------------------------------------------------------- LIST mode

mode LIST;

L_WS        : SPACE+ -> type(WS), channel(HIDDEN) ;
L_AND       : A N D -> type(AND) ;
L_OR        : O R -> type(OR) ;
L_NOT       : N O T -> type(NOT) ;
L_NULL      : N U L L -> type(NULL) ;
L_WORD      : WORD_TEXT -> type(WORD) ;
L_PHRASE    : PHRASE_TEXT -> type(PHRASE) ;
L_EXACT     : EXACT_TEXT -> type(EXACT) ;
L_UNCLOSED_PHRASE : UNCLOSED_PHRASE_TEXT -> type(UNCLOSED_PHRASE) ;
L_UNCLOSED_EXACT  : UNCLOSED_EXACT_TEXT -> type(UNCLOSED_EXACT) ;
COMMA       : ',' ;
DOTDOT      : '..' ;
RBRACK      : ']' -> popMode ;
RANGE_CLOSE : ')' -> popMode ;
L_ERROR     : . -> type(ERROR_CHAR) ;

// ---------------------------------------------------------------- fragments

fragment IDENT      : [a-zA-Z_] [a-zA-Z0-9_]* ;
// A bare word: letters and digits of any script, and - _ * / + : @ ; dots only between other
// characters, so `1..2` is 1, .., 2 and a word never holds `..`.
fragment WORD_TEXT  : WORD_CHAR+ ('.' WORD_CHAR+)* ;
fragment WORD_CHAR  : BARE_CHAR | ':' ;
fragment BARE_CHAR  : [\p{L}\p{M}\p{N}_\-*/+@] ;
// `\"` and `\\` are escapes; any other backslash stays as written (resolved in the visitor).
fragment PHRASE_TEXT : '"' ('\\' . | ~["\\])* '"' ;
fragment EXACT_TEXT  : '`' ('\\' . | ~[`\\])* '`' ;
fragment UNCLOSED_PHRASE_TEXT : '"' ('\\' . | ~["\\])* '\\'? ;
fragment UNCLOSED_EXACT_TEXT  : '`' ('\\' . | ~[`\\])* '\\'? ;
fragment SPACE      : [\p{Zs}\t\r\n\f] ;

fragment A : [aA] ; fragment D : [dD] ; fragment I : [iI] ; fragment L : [lL] ;
fragment N : [nN] ; fragment O : [oO] ; fragment R : [rR] ; fragment S : [sS] ;
fragment T : [tT] ; fragment U : [uU] ;
