package dev.sightline.query;

import static dev.sightline.query.Queries.matches;
import static dev.sightline.query.Queries.parsed;
import static dev.sightline.query.Queries.phrase;
import static dev.sightline.query.Queries.term;
import static dev.sightline.query.Queries.word;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed queries: each is refused with where, what was found and what could have come. */
class QuerySyntaxErrorTest {

  private static QuerySyntaxException error(String text) {
    return catchThrowableOfType(
        QuerySyntaxException.class, () -> QueryParser.withDefaults().parse(text));
  }

  @Nested
  class Parentheses {
    @Test
    void shouldReportAMissingClosingParenthesisAtTheEnd() {
      QuerySyntaxException e = error("(a:1 OR b:2");

      assertThat(e.at()).isEqualTo(new Position(1, 12, 11));
      assertThat(e.found()).isEqualTo("end of query");
      assertThat(e.expected()).contains("')'");
      assertThat(e.getMessage())
          .startsWith("Unexpected end of query at line 1, column 12: expected ')'");
    }

    @Test
    void shouldReportAClosingParenthesisThatClosesNothing() {
      QuerySyntaxException e = error("a:1 OR b:2)");

      assertThat(e.at()).isEqualTo(new Position(1, 11, 10));
      assertThat(e.found()).isEqualTo(")");
      assertThat(e.expected()).contains("end of query", "AND", "OR");
      assertThat(e.getMessage()).contains("this ')' closes no '('");
    }

    @Test
    void shouldReportAnUnclosedNestedTerm() {
      QuerySyntaxException e = error("inventory:(source:x");

      assertThat(e.at()).isEqualTo(new Position(1, 20, 19));
      assertThat(e.expected()).contains("')'");
    }

    @Test
    void shouldReportAnEmptyGroup() {
      QuerySyntaxException e = error("a:1 AND ()");

      assertThat(e.at()).isEqualTo(new Position(1, 10, 9));
      assertThat(e.expected()).containsExactly("a token name", "NOT", "'('");
    }

    @Test
    void shouldReportAnEmptyNestedTerm() {
      assertThat(error("inventory:()").at()).isEqualTo(new Position(1, 12, 11));
    }
  }

  @Nested
  class Quotes {
    @Test
    void shouldReportAnUnclosedQuoteAtItsOpening() {
      QuerySyntaxException e = error("a:1 AND asset.name:\"web 01");

      assertThat(e.at()).isEqualTo(new Position(1, 20, 19));
      assertThat(e.found()).isEqualTo("\"web 01");
      assertThat(e.expected()).containsExactly("'\"'");
      assertThat(e.getMessage())
          .isEqualTo("Unclosed quote at line 1, column 20: expected a closing '\"'");
    }

    @Test
    void shouldReportAQuoteClosedOnlyByAnEscape() {
      QuerySyntaxException e = error("asset.name:\"web\\\"");

      assertThat(e.getMessage()).startsWith("Unclosed quote at line 1, column 12");
    }

    @Test
    void shouldReportAnUnclosedBacktick() {
      QuerySyntaxException e = error("asset.os:`Windows");

      assertThat(e.at()).isEqualTo(new Position(1, 10, 9));
      assertThat(e.getMessage())
          .isEqualTo("Unclosed backtick at line 1, column 10: expected a closing '`'");
    }

    @Test
    void shouldReportAQuoteWhereATokenBelongs() {
      QuerySyntaxException e = error("\"web\"");

      assertThat(e.at()).isEqualTo(new Position(1, 1, 0));
      assertThat(e.expected()).contains("a token name");
    }
  }

  @Nested
  class Operators {
    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "asset.riskScore = 5",
          "asset.riskScore == 5",
          "asset.riskScore != 5",
          "asset.riskScore ~ 5"
        })
    void shouldReportAnUnknownOperatorAfterTheToken(String text) {
      QuerySyntaxException e = error(text);

      assertThat(e.at()).isEqualTo(new Position(1, 17, 16));
      assertThat(e.expected())
          .containsExactly("':'", "'>'", "'>='", "'<'", "'<='", "'is null'", "'not null'");
    }

    @Test
    void shouldReportAComparisonAfterAColon() {
      QuerySyntaxException e = error("asset.riskScore:>5");

      assertThat(e.at()).isEqualTo(new Position(1, 17, 16));
      assertThat(e.found()).isEqualTo(">");
      assertThat(e.expected()).contains("a value");
    }

    @Test
    void shouldReportAnUnknownTwoCharacterComparison() {
      QuerySyntaxException e = error("a <> 1");

      assertThat(e.at()).isEqualTo(new Position(1, 4, 3));
      assertThat(e.getMessage()).isEqualTo("Unexpected '>' at line 1, column 4: expected a value");
    }

    @Test
    void shouldReportAWordWithoutAToken() {
      QuerySyntaxException e = error("CVE-2021-44228");

      assertThat(e.at()).isEqualTo(new Position(1, 1, 0));
      assertThat(e.found()).isEqualTo("CVE-2021-44228");
      assertThat(e.expected()).contains("a token name");
    }

    @Test
    void shouldReportATokenWithoutACondition() {
      QuerySyntaxException e = error("a:1 asset.name");

      assertThat(e.at()).isEqualTo(new Position(1, 15, 14));
      assertThat(e.found()).isEqualTo("end of query");
      assertThat(e.expected()).contains("':'", "'is null'");
    }

    @Test
    void shouldReportAnIncompleteNullCheck() {
      assertThat(error("a is").expected()).containsExactly("'null'", "'not'");
      assertThat(error("a is not").expected()).containsExactly("'null'");
      assertThat(error("a not").expected()).containsExactly("'null'");
    }
  }

  @Nested
  class MissingValues {
    @Test
    void shouldReportAMissingValueAtTheEnd() {
      QuerySyntaxException e = error("asset.hostName:");

      assertThat(e.at()).isEqualTo(new Position(1, 16, 15));
      assertThat(e.found()).isEqualTo("end of query");
      assertThat(e.expected()).contains("a value");
    }

    @Test
    void shouldReportAMissingValueBeforeAParenthesis() {
      QuerySyntaxException e = error("(asset.riskScore > )");

      assertThat(e.getMessage()).isEqualTo("Unexpected ')' at line 1, column 20: expected a value");
      assertThat(e.at()).isEqualTo(new Position(1, 20, 19));
    }

    @Test
    void shouldReportAKeywordWhereAValueBelongs() {
      QuerySyntaxException e = error("asset.hostName: AND b:1");

      assertThat(e.at()).isEqualTo(new Position(1, 17, 16));
      assertThat(e.found()).isEqualTo("AND");
      assertThat(e.getMessage()).contains("quote it");
    }

    @Test
    void shouldReportNullAsAValueAndSayHowToAskForAMissingValue() {
      QuerySyntaxException e = error("asset.domain:null");

      assertThat(e.at()).isEqualTo(new Position(1, 14, 13));
      assertThat(e.getMessage()).contains("'token is null'");
    }

    @Test
    void shouldReadTheWordNullWhenQuoted() {
      assertThat(parsed("asset.domain:\"null\""))
          .isEqualTo(term("asset.domain", matches(phrase("null"))));
    }
  }

  @Nested
  class RangesAndLists {
    @Test
    void shouldReportARangeWithoutItsEnd() {
      QuerySyntaxException e = error("a:[1 ..]");

      assertThat(e.at()).isEqualTo(new Position(1, 8, 7));
      assertThat(e.found()).isEqualTo("]");
      assertThat(e.expected()).containsExactly("a value");
    }

    @Test
    void shouldReportARangeOfThree() {
      QuerySyntaxException e = error("a:[1 .. 2 .. 3]");

      assertThat(e.at()).isEqualTo(new Position(1, 11, 10));
      assertThat(e.found()).isEqualTo("..");
      assertThat(e.expected()).containsExactly("']'");
    }

    @Test
    void shouldReportAnExclusiveRangeWithoutItsEnd() {
      QuerySyntaxException e = error("a:(1 ..)");

      assertThat(e.at()).isEqualTo(new Position(1, 8, 7));
      assertThat(e.expected()).containsExactly("a value");
    }

    @Test
    void shouldReportARangeWithoutItsStart() {
      assertThat(error("a:[.. 2]").at()).isEqualTo(new Position(1, 4, 3));
    }

    @Test
    void shouldReportMismatchedRangeBrackets() {
      assertThat(error("a:[1 .. 2)").expected()).containsExactly("']'");
      assertThat(error("a:(1 .. 2]").expected()).containsExactly("')'");
    }

    @Test
    void shouldReportAnEmptyList() {
      QuerySyntaxException e = error("finding.state:[]");

      assertThat(e.at()).isEqualTo(new Position(1, 16, 15));
      assertThat(e.expected()).containsExactly("a value");
    }

    @Test
    void shouldReportATrailingComma() {
      assertThat(error("a:[x, y,]").at()).isEqualTo(new Position(1, 9, 8));
    }

    @Test
    void shouldReportAnUnclosedList() {
      QuerySyntaxException e = error("a:[x, y");

      assertThat(e.found()).isEqualTo("end of query");
      assertThat(e.expected()).containsExactly("']'", "','");
    }

    @Test
    void shouldReportAListMixedWithARange() {
      assertThat(error("a:[x, y .. z]").found()).isEqualTo("..");
    }
  }

  @Nested
  class DanglingOperators {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a:1 AND", "a:1 OR", "a:1 AND NOT", "NOT"})
    void shouldReportADanglingOperatorAtTheEnd(String text) {
      QuerySyntaxException e = error(text);

      assertThat(e.at().column()).isEqualTo(text.length() + 1);
      assertThat(e.found()).isEqualTo("end of query");
      assertThat(e.expected()).containsExactly("a token name", "NOT", "'('");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AND a:1", "OR a:1"})
    void shouldReportALeadingOperator(String text) {
      QuerySyntaxException e = error(text);

      assertThat(e.at()).isEqualTo(new Position(1, 1, 0));
      assertThat(e.found()).isEqualTo(text.substring(0, text.indexOf(' ')));
    }

    @Test
    void shouldReportTwoOperatorsInARow() {
      QuerySyntaxException e = error("a:1 AND OR b:2");

      assertThat(e.at()).isEqualTo(new Position(1, 9, 8));
      assertThat(e.found()).isEqualTo("OR");
    }
  }

  @Nested
  class MultiLine {
    @Test
    void shouldReportTheLineAndColumnOfAnErrorOnALaterLine() {
      QuerySyntaxException e =
          error("asset.os:win*\n  AND asset.riskScore > 500\n  AND finding.qds = 70");

      assertThat(e.at()).isEqualTo(new Position(3, 19, 60));
      assertThat(e.getMessage()).startsWith("Unexpected '=' at line 3, column 19:");
    }

    @Test
    void shouldReportAnUnclosedQuoteWhereItOpened() {
      QuerySyntaxException e = error("a:1\nb:\"x\ny\nz");

      assertThat(e.at()).isEqualTo(new Position(2, 3, 6));
    }

    @Test
    void shouldCountColumnsInCharactersAndOffsetsInUtf16Units() {
      // 😀 is one character (one column) and two UTF-16 units (two offsets).
      QuerySyntaxException e = error("a:\"😀\" = 1");

      assertThat(e.at()).isEqualTo(new Position(1, 7, 7));
    }
  }

  @Nested
  class MessagesSpeakTheUsersLanguage {
    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {"(", ")", "a:", "a:1 AND", "a = 1", "a:[1 ..]", "a:[]", "a:\"x", "NOT", "a:1 b"})
    void shouldNeverUseParserJargon(String text) {
      QuerySyntaxException e = error(text);

      assertThat(e.getMessage())
          .doesNotContain("<EOF>", "mismatched", "extraneous", "viable", "token recognition")
          .doesNotContainPattern("[A-Z]{2,}_[A-Z]+")
          .containsPattern("at line \\d+, column \\d+");
      assertThat(e.expected())
          .isNotEmpty()
          .noneMatch(word -> word.contains("EOF") || word.matches(".*[A-Z]+_[A-Z]+.*"));
    }
  }

  @Nested
  class InjectionAttempts {
    @Test
    void sqlOutsideQuotesIsASyntaxError() {
      QuerySyntaxException e = error("'; DROP TABLE asset; --");

      assertThat(e.at()).isEqualTo(new Position(1, 1, 0));
      assertThat(e.found()).isEqualTo("'");
    }

    @Test
    void sqlAfterATermIsASyntaxError() {
      QuerySyntaxException e = error("asset.name:x; DROP TABLE asset; --");

      assertThat(e.at()).isEqualTo(new Position(1, 13, 12));
      assertThat(e.found()).isEqualTo(";");
    }

    @Test
    void sqlInsideAPhraseIsAHarmlessValue() {
      assertThat(parsed("asset.name:\"'; DROP TABLE asset; --\""))
          .isEqualTo(term("asset.name", matches(phrase("'; DROP TABLE asset; --"))));
    }

    @Test
    void aSingleQuotedValueIsASyntaxError() {
      assertThat(error("asset.name:'x' OR '1'='1'").at()).isEqualTo(new Position(1, 12, 11));
    }

    @Test
    void aCommentOutsideQuotesIsASyntaxError() {
      QuerySyntaxException e = error("asset.name:x /* */");

      assertThat(e.at()).isEqualTo(new Position(1, 14, 13));
      assertThat(e.found()).isEqualTo("/*");
    }

    @Test
    void aCommentOpeningAsAValueIsAHarmlessWildcardWord() {
      assertThat(parsed("asset.name:/*")).isEqualTo(word("asset.name", "/*"));
    }

    @Test
    void aDoubleDashCommentIsASyntaxError() {
      assertThat(error("asset.name:x -- comment").found()).isEqualTo("--");
    }

    @Test
    void aNulCharacterIsASyntaxErrorEvenInsideAPhrase() {
      QuerySyntaxException e = error("asset.name:\"a\u0000b\"");

      assertThat(e.at()).isEqualTo(new Position(1, 14, 13));
      assertThat(e.found()).isEqualTo("U+0000");
    }

    @Test
    void aFullwidthColonIsASyntaxError() {
      QuerySyntaxException e = error("asset.name：x");

      assertThat(e.at()).isEqualTo(new Position(1, 11, 10));
      assertThat(e.found()).isEqualTo("：");
      assertThat(e.getMessage()).contains("U+FF1A").contains("expected ':'");
    }

    @Test
    void aRightToLeftOverrideIsASyntaxErrorEvenInsideAPhrase() {
      QuerySyntaxException e = error("asset.name:\"abc\u202Efdp.exe\"");

      assertThat(e.at()).isEqualTo(new Position(1, 16, 15));
      assertThat(e.getMessage()).contains("U+202E").contains("right-to-left override");
    }

    @Test
    void aZeroWidthSpaceIsASyntaxError() {
      QuerySyntaxException e = error("asset.name:web\u200B01");

      assertThat(e.at()).isEqualTo(new Position(1, 15, 14));
      assertThat(e.found()).isEqualTo("U+200B");
    }

    @Test
    void aByteOrderMarkIsASyntaxError() {
      assertThat(error("\uFEFFasset.name:x").at()).isEqualTo(new Position(1, 1, 0));
    }

    @Test
    void aLoneSurrogateIsASyntaxError() {
      assertThat(error("asset.name:\"\uD800\"").found()).isEqualTo("U+D800");
    }

    @Test
    void aCyrillicLookAlikeInATokenNameIsASyntaxError() {
      // "аsset" starts with U+0430, Cyrillic small a: a token name is plain ASCII.
      QuerySyntaxException e = error("\u0430sset.name:x");

      assertThat(e.at()).isEqualTo(new Position(1, 1, 0));
    }

    @Test
    void fullwidthLettersInAValueAreAHarmlessWord() {
      assertThat(parsed("asset.name:ｗｅｂ")).isEqualTo(word("asset.name", "ｗｅｂ"));
    }

    @Test
    void aBackslashEscapeCannotCloseAPhraseEarly() {
      assertThat(parsed("asset.name:\"x\\\" OR 1=1 --\""))
          .isEqualTo(term("asset.name", matches(phrase("x\" OR 1=1 --"))));
    }

    @Test
    void keywordsAndBracketsInsideAnExactValueAreHarmless() {
      assertThat(parsed("asset.name:`) OR (1`"))
          .isEqualTo(term("asset.name", matches(Queries.exact(") OR (1"))));
    }

    @Test
    void aListCannotSmuggleAnExpression() {
      QuerySyntaxException e = error("a:[x) OR (b:y]");

      assertThat(e.found()).isEqualTo(")");
      assertThat(e.expected()).isEqualTo(List.of("']'", "','", "'..'"));
    }
  }
}
