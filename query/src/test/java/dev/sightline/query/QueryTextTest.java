package dev.sightline.query;

import static dev.sightline.query.Queries.and;
import static dev.sightline.query.Queries.exact;
import static dev.sightline.query.Queries.matches;
import static dev.sightline.query.Queries.nested;
import static dev.sightline.query.Queries.not;
import static dev.sightline.query.Queries.or;
import static dev.sightline.query.Queries.parsed;
import static dev.sightline.query.Queries.phrase;
import static dev.sightline.query.Queries.term;
import static dev.sightline.query.Queries.word;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A query printed back as text reads as the same query. */
class QueryTextTest {

  @Nested
  class Rendering {
    @Test
    void shouldPrintEachConditionCanonically() {
      assertThat(QueryText.render(word("asset.mac", "00:11:22:aa:bb:cc")))
          .isEqualTo("asset.mac:00:11:22:aa:bb:cc");
      assertThat(QueryText.render(term("a", new Condition.Compares(Comparison.GE, word("now-7d")))))
          .isEqualTo("a >= now-7d");
      assertThat(QueryText.render(term("a", new Condition.Between(word("1"), word("2"), true))))
          .isEqualTo("a:[1 .. 2]");
      assertThat(QueryText.render(term("a", new Condition.Between(word("1"), word("2"), false))))
          .isEqualTo("a:(1 .. 2)");
      assertThat(
              QueryText.render(
                  term("a", new Condition.OneOf(List.of(word("x"), phrase("y z"), exact("W"))))))
          .isEqualTo("a:[x, \"y z\", `W`]");
      assertThat(QueryText.render(term("a", new Condition.IsNull()))).isEqualTo("a is null");
      assertThat(QueryText.render(term("a", new Condition.NotNull()))).isEqualTo("a not null");
    }

    @Test
    void shouldEscapeQuotesAndBackslashes() {
      assertThat(QueryText.render(term("a", matches(phrase("say \"hi\" C:\\")))))
          .isEqualTo("a:\"say \\\"hi\\\" C:\\\\\"");
      assertThat(QueryText.render(term("a", matches(exact("a`b"))))).isEqualTo("a:`a\\`b`");
    }

    @Test
    void shouldPrintParenthesesOnlyWherePrecedenceNeedsThem() {
      Expr expr =
          and(
              or(word("a", "1"), word("b", "2")),
              not(and(word("c", "3"), word("d", "4"))),
              word("e", "5"));

      assertThat(QueryText.render(expr)).isEqualTo("(a:1 OR b:2) AND NOT (c:3 AND d:4) AND e:5");
      assertThat(QueryText.render(or(and(word("a", "1"), word("b", "2")), word("c", "3"))))
          .isEqualTo("a:1 AND b:2 OR c:3");
    }

    @Test
    void shouldPrintTheSeedsExamplesAsTheyAreWritten() {
      for (String seed :
          List.of(
              "inventory:(source:\"CrowdStrike Spotlight\")",
              "inventory:(source:\"Palo Alto Networks\")",
              "findings.vendorProductname:\"CrowdStrike Endpoint Security\"",
              "findings.vendorProductname:\"Cortex XDR\"")) {
        assertThat(QueryText.render(QueryParser.withDefaults().parse(seed))).isEqualTo(seed);
      }
    }

    @Test
    void shouldPrintEverythingAsTheEmptyQuery() {
      assertThat(QueryText.render(new Expr.All())).isEmpty();
    }

    @Test
    void shouldPrintCanonicalTextForAQueryWrittenLoosely() {
      assertThat(
              QueryText.render(
                  QueryParser.withDefaults().parse("a : 1  b>2 or NOT (c IS NOT NULL)")))
          .isEqualTo("a:1 AND b > 2 OR NOT c not null");
    }
  }

  @Nested
  class RefusingTreesNoTextCanGive {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"two words", "\"q\"", "and", "NULL", "a..b", ".x", "", "x)", "a,b"})
    void shouldRefuseABareWordThatIsNoWord(String text) {
      assertThatIllegalArgumentException().isThrownBy(() -> QueryText.render(word("a", text)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "1a", "a-b", "a..b", "a.", "not", "IS", "a:b"})
    void shouldRefuseATokenThatIsNoName(String token) {
      assertThatIllegalArgumentException().isThrownBy(() -> QueryText.render(word(token, "x")));
    }

    @Test
    void shouldRefuseEmptyListsAndGroupsAndEverythingInsideAQuery() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> QueryText.render(term("a", new Condition.OneOf(List.of()))));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> QueryText.render(new Expr.And(List.of())));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> QueryText.render(and(new Expr.All(), word("a", "1"))));
    }

    @Test
    void shouldRefuseInvisibleCharactersInAPhrase() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> QueryText.render(term("a", matches(phrase("a\u0000")))));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> QueryText.render(term("a", matches(exact("\u202E")))));
    }
  }

  @Nested
  class RoundTrips {
    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "inventory:(source:\"X\" AND lastUpdated > now-7d)",
          "asset.ip:[10.0.0.0/8, fe80::/10] OR asset.mac:00:11:22:aa:bb:cc",
          "a:(1 .. 2) b:[now-1d .. now] NOT c is null d not null",
          "NOT NOT (a:1 OR b:\"x \\\"y\\\"\") AND c:`Z\\\\`",
          "n:(m:(a:(b .. c)))",
          "a:\"multi\nline\"",
        })
    void shouldReadTheRenderedTextAsTheSameQuery(String text) {
      Expr first = QueryParser.withDefaults().parse(text);
      String rendered = QueryText.render(first);

      assertThat(parsed(rendered)).isEqualTo(QueryText.canonical(first));
      assertThat(QueryText.render(QueryParser.withDefaults().parse(rendered))).isEqualTo(rendered);
    }

    @Test
    void shouldRoundTripThousandsOfRandomQueries() {
      QueryParser parser = new QueryParser(new QueryLimits(100_000, 64, 10_000, 500));
      for (long seed = 0; seed < 3_000; seed++) {
        Expr expr = new RandomQueries(seed).expr(4);
        String text = QueryText.render(expr);
        Expr back;
        try {
          back = parser.parse(text);
        } catch (QuerySyntaxException e) {
          throw new AssertionError("seed " + seed + ": " + text + " → " + e.getMessage(), e);
        }
        assertThat(QueryText.canonical(back))
            .as("seed %d: %s", seed, text)
            .isEqualTo(QueryText.canonical(expr));
      }
    }

    @Test
    void shouldCanonicalizeFlatteningAndDroppingPositions() {
      Expr expr =
          new Expr.And(
              List.of(
                  word("a", "1"),
                  new Expr.And(List.of(word("b", "2"), new Expr.Or(List.of(word("c", "3")))))));

      assertThat(QueryText.canonical(expr))
          .isEqualTo(and(word("a", "1"), word("b", "2"), word("c", "3")));
      assertThat(QueryText.canonical(QueryParser.withDefaults().parse("  a:1")))
          .isEqualTo(QueryText.canonical(QueryParser.withDefaults().parse("a:1")));
      assertThat(QueryText.canonical(nested("n", word("a", "1"))))
          .isEqualTo(nested("n", word("a", "1")));
    }
  }

  @Nested
  class AnyInput {
    /** Nothing but an Expr or a QuerySyntaxException pointing into the text, whatever comes in. */
    private void readsOrRefusesCleanly(String text) {
      try {
        QueryParser.withDefaults().parse(text);
      } catch (QuerySyntaxException e) {
        assertThat(e.getMessage()).as(text).isNotBlank();
        assertThat(e.found()).as(text).isNotNull();
        assertThat(e.expected()).as(text).isNotEmpty();
        assertThat(e.at().line()).as(text).isPositive();
        assertThat(e.at().column()).as(text).isPositive();
        assertThat(e.at().offset()).as(text).isBetween(0, text.length());
      } catch (RuntimeException | Error e) {
        fail("input " + text + " threw " + e, e);
      }
    }

    @Test
    void shouldReadOrRefuseMutationsOfValidQueries() {
      for (long seed = 0; seed < 5_000; seed++) {
        RandomQueries random = new RandomQueries(seed);
        readsOrRefusesCleanly(random.mutated(QueryText.render(random.expr(3))));
      }
    }

    @Test
    void shouldReadOrRefuseRandomNoise() {
      for (long seed = 0; seed < 5_000; seed++) {
        readsOrRefusesCleanly(new RandomQueries(seed).noise());
      }
    }
  }
}
