package dev.sightline.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** No query makes the parser work without end: length, depth, terms and list sizes are bounded. */
class QueryLimitsTest {
  private static final QueryParser PARSER = QueryParser.withDefaults();

  private static QuerySyntaxException error(QueryParser parser, String text) {
    return catchThrowableOfType(QuerySyntaxException.class, () -> parser.parse(text));
  }

  private static String repeat(String text, int times) {
    return text.repeat(times);
  }

  @Nested
  class Length {
    @Test
    void shouldReadAQueryOfExactlyTheLimit() {
      String query = "a:\"" + "x".repeat(4_000 - 4) + "\"";
      assertThat(query).hasSize(4_000);

      assertThatNoException().isThrownBy(() -> PARSER.parse(query));
    }

    @Test
    void shouldRefuseAQueryOneCharacterLongerNamingTheLimit() {
      String query = "a:\"" + "x".repeat(4_000 - 3) + "\"";

      QuerySyntaxException e = error(PARSER, query);

      assertThat(e.at()).isEqualTo(new Position(1, 4_001, 4_000));
      assertThat(e.expected()).containsExactly("at most 4000 characters");
      assertThat(e.getMessage()).contains("4001 characters").contains("at most 4000");
    }

    @Test
    void shouldCheckTheLengthBeforeReadingAnything() {
      // The stray ')' would be the first syntax error; the length is refused before it is seen.
      QuerySyntaxException e = error(PARSER, ")" + " ".repeat(5_000));

      assertThat(e.expected()).containsExactly("at most 4000 characters");
    }
  }

  @Nested
  class Depth {
    @Test
    void shouldReadSixteenLevelsOfParentheses() {
      assertThat(PARSER.parse(repeat("(", 16) + "a:1" + repeat(")", 16)))
          .isInstanceOf(Expr.Term.class);
    }

    @Test
    void shouldRefuseTheSeventeenthParenthesisWhereItOpens() {
      QuerySyntaxException e = error(PARSER, repeat("(", 17) + "a:1" + repeat(")", 17));

      assertThat(e.at()).isEqualTo(new Position(1, 17, 16));
      assertThat(e.found()).isEqualTo("(");
      assertThat(e.getMessage())
          .startsWith("Too deeply nested at line 1, column 17")
          .contains("16");
    }

    @Test
    void shouldCountNotsAsLevels() {
      assertThat(PARSER.parse(repeat("NOT ", 16) + "a:1")).isInstanceOf(Expr.Not.class);
      assertThat(error(PARSER, repeat("NOT ", 17) + "a:1").at()).isEqualTo(new Position(1, 65, 64));
    }

    @Test
    void shouldCountNestedTokensAsLevels() {
      String sixteen = repeat("n:(", 16) + "a:1" + repeat(")", 16);
      String seventeen = repeat("n:(", 17) + "a:1" + repeat(")", 17);

      assertThat(PARSER.parse(sixteen)).isInstanceOf(Expr.Nested.class);
      assertThat(error(PARSER, seventeen).at()).isEqualTo(new Position(1, 51, 50));
    }

    @Test
    void shouldRefuseFourThousandParenthesesAsASyntaxErrorNotAStackOverflow() {
      QuerySyntaxException e = error(PARSER, repeat("(", 4_000));

      assertThat(e.expected())
          .containsExactly("at most 16 levels of parentheses, nested tokens and NOT");
    }

    @Test
    void shouldRefuseAThousandNotsAsASyntaxError() {
      assertThat(error(PARSER, repeat("NOT ", 1_000)).getMessage()).startsWith("Too deeply nested");
    }

    @Test
    void shouldApplyALowerLimit() {
      QueryParser strict = new QueryParser(new QueryLimits(4_000, 2, 64, 500));

      assertThat(strict.parse("NOT (a:1)")).isInstanceOf(Expr.Not.class);
      assertThat(error(strict, "NOT (n:(a:1))").at()).isEqualTo(new Position(1, 8, 7));
    }
  }

  @Nested
  class Terms {
    private String terms(int count) {
      return IntStream.range(0, count)
          .mapToObj(i -> "t" + i + ":" + i)
          .collect(Collectors.joining(" OR "));
    }

    @Test
    void shouldReadSixtyFourTerms() {
      assertThat(((Expr.Or) PARSER.parse(terms(64))).parts()).hasSize(64);
    }

    @Test
    void shouldRefuseTheSixtyFifthTermAtItsToken() {
      String query = terms(65);

      QuerySyntaxException e = error(PARSER, query);

      assertThat(e.at().offset()).isEqualTo(query.indexOf("t64:"));
      assertThat(e.found()).isEqualTo("t64");
      assertThat(e.getMessage()).startsWith("Too many terms").contains("at most 64 terms");
    }

    @Test
    void shouldCountTheParentOfANestedTermAndItsInnerTerms() {
      QueryParser strict = new QueryParser(new QueryLimits(4_000, 16, 3, 500));

      assertThat(strict.parse("inventory:(a:1 b:2)")).isInstanceOf(Expr.Nested.class);
      assertThat(error(strict, "inventory:(a:1 b:2 c:3)").found()).isEqualTo("c");
    }
  }

  @Nested
  class ListValues {
    private String list(int count) {
      return IntStream.range(0, count)
          .mapToObj(Integer::toString)
          .collect(Collectors.joining(",", "a:[", "]"));
    }

    @Test
    void shouldReadFiveHundredValues() {
      Expr.Term term = (Expr.Term) PARSER.parse(list(500));

      assertThat(((Condition.OneOf) term.condition()).values()).hasSize(500);
    }

    @Test
    void shouldRefuseTheFiveHundredAndFirstValueAtIt() {
      String query = list(501);

      QuerySyntaxException e = error(PARSER, query);

      assertThat(e.at().offset()).isEqualTo(query.lastIndexOf(",500") + 1);
      assertThat(e.found()).isEqualTo("500");
      assertThat(e.expected()).containsExactly("at most 500 values in a list");
    }
  }

  @Test
  void shouldReadALongQueryOfManyKindsOfTerms() {
    String block =
        "(asset.ip:[10.0.0.0/8, fe80::/10] AND inventory:(source:\"CrowdStrike Spotlight\" AND "
            + "lastUpdated > now-7d) OR finding.qds:(70 .. 100) NOT asset.domain is null) ";
    String query = block.repeat(4_000 / block.length());
    assertThat(query.length()).isGreaterThan(3_500);

    Expr expr = new QueryParser(new QueryLimits(4_000, 16, 200, 500)).parse(query);

    assertThat(expr).isInstanceOf(Expr.And.class);
  }
}
