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

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every construct of the query language reads as. Errors: {@link QuerySyntaxErrorTest}. */
class QueryParserTest {

  @Nested
  class TheSeedsExamples {
    @Test
    void inventorySourceCrowdStrikeSpotlightIsANestedPhrase() {
      assertThat(parsed("inventory:(source:\"CrowdStrike Spotlight\")"))
          .isEqualTo(nested("inventory", term("source", matches(phrase("CrowdStrike Spotlight")))));
    }

    @Test
    void inventorySourcePaloAltoNetworksIsANestedPhrase() {
      assertThat(parsed("inventory:(source:\"Palo Alto Networks\")"))
          .isEqualTo(nested("inventory", term("source", matches(phrase("Palo Alto Networks")))));
    }

    @Test
    void vendorProductNameCrowdStrikeEndpointSecurityIsAPhrase() {
      assertThat(parsed("findings.vendorProductname:\"CrowdStrike Endpoint Security\""))
          .isEqualTo(
              term("findings.vendorProductname", matches(phrase("CrowdStrike Endpoint Security"))));
    }

    @Test
    void vendorProductNameCortexXdrIsAPhrase() {
      assertThat(parsed("findings.vendorProductname:\"Cortex XDR\""))
          .isEqualTo(term("findings.vendorProductname", matches(phrase("Cortex XDR"))));
    }
  }

  @Nested
  class Terms {
    @Test
    void shouldReadATokenAndAWord() {
      assertThat(parsed("asset.hostName:web01")).isEqualTo(word("asset.hostName", "web01"));
    }

    @Test
    void shouldAllowSpacesAroundTheColon() {
      assertThat(parsed("asset.hostName :  web01")).isEqualTo(word("asset.hostName", "web01"));
    }

    @Test
    void shouldKeepTheTokensLetterCaseAsWritten() {
      assertThat(parsed("Findings.VendorProductName:x"))
          .isEqualTo(word("Findings.VendorProductName", "x"));
    }

    @Test
    void shouldGiveTheTermThePositionOfItsTokenAndTheValueItsOwn() {
      Expr expr = QueryParser.withDefaults().parse("  asset.os : win*");

      Expr.Term term = (Expr.Term) expr;
      assertThat(term.at()).isEqualTo(new Position(1, 3, 2));
      assertThat(((Condition.Matches) term.condition()).value().at())
          .isEqualTo(new Position(1, 14, 13));
    }

    @Test
    void shouldCountLinesAndColumnsInAMultiLineQuery() {
      Expr expr = QueryParser.withDefaults().parse("a:1\n  AND b:2\r\n\tc:3");

      List<Expr> parts = ((Expr.And) expr).parts();
      assertThat(parts)
          .extracting(part -> ((Expr.Term) part).at())
          .containsExactly(new Position(1, 1, 0), new Position(2, 7, 10), new Position(3, 2, 16));
    }
  }

  @Nested
  class BareWords {
    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "42",
          "-7",
          "3.14",
          "-0.25",
          "2026-01-01",
          "2026-01-01T10:00:00Z",
          "2026-01-01T10:00:00.123+02:00",
          "now",
          "now-7d",
          "now-24h",
          "now+1d",
          "now-1M",
          "now-30m",
          "now-1d-12h",
          "10.1.2.3",
          "10.0.0.0/8",
          "fe80::1",
          "fe80::/10",
          "::1",
          "2001:db8:85a3::8a2e:370:7334",
          "00:11:22:aa:bb:cc",
          "00-11-22-AA-BB-CC",
          "CVE-2021-44228",
          "win*",
          "*prod*",
          "web_01.corp.example.com",
          "Domain-Controller",
          "admin@example.com",
          "Müller-PC",
          "サーバー",
        })
    void shouldReadAsOneWord(String text) {
      assertThat(parsed("asset.x:" + text)).isEqualTo(word("asset.x", text));
    }

    @Test
    void shouldTakeTheFirstColonAfterTheTokenAsTheOperatorInAMacAddress() {
      assertThat(parsed("asset.mac:00:11:22:aa:bb:cc"))
          .isEqualTo(word("asset.mac", "00:11:22:aa:bb:cc"));
    }

    @Test
    void shouldReadAnIpv6AddressWithTheColonSpaced() {
      assertThat(parsed("asset.ip : fe80::/10")).isEqualTo(word("asset.ip", "fe80::/10"));
    }

    @Test
    void shouldTellAWildcardWord() {
      assertThat(word("win*").hasWildcard()).isTrue();
      assertThat(phrase("win*").hasWildcard()).isFalse();
    }

    @Test
    void shouldReadKeywordsInsideLongerWordsAsWords() {
      assertThat(parsed("asset.os:Android AND asset.name:nullable OR asset.type:ORACLE"))
          .isEqualTo(
              or(
                  and(word("asset.os", "Android"), word("asset.name", "nullable")),
                  word("asset.type", "ORACLE")));
    }
  }

  @Nested
  class PhrasesAndExactValues {
    @Test
    void shouldReadAPhraseWithoutItsQuotes() {
      assertThat(parsed("finding.name:\"Remote Code Execution\""))
          .isEqualTo(term("finding.name", matches(phrase("Remote Code Execution"))));
    }

    @Test
    void shouldResolveEscapedQuotesAndBackslashesInAPhrase() {
      assertThat(parsed("finding.name:\"say \\\"hi\\\" C:\\\\temp\""))
          .isEqualTo(term("finding.name", matches(phrase("say \"hi\" C:\\temp"))));
    }

    @Test
    void shouldKeepAnyOtherBackslashAsWritten() {
      assertThat(parsed("asset.name:\"C:\\Windows\\System32\""))
          .isEqualTo(term("asset.name", matches(phrase("C:\\Windows\\System32"))));
    }

    @Test
    void shouldReadAnExactValueWithoutItsBackticks() {
      assertThat(parsed("asset.os:`Windows Server 2019`"))
          .isEqualTo(term("asset.os", matches(exact("Windows Server 2019"))));
    }

    @Test
    void shouldResolveAnEscapedBacktickInAnExactValue() {
      assertThat(parsed("asset.name:`a\\`b\\\\c`"))
          .isEqualTo(term("asset.name", matches(exact("a`b\\c"))));
    }

    @Test
    void shouldKeepKeywordsBracketsAndColonsInsideQuotes() {
      assertThat(parsed("asset.name:\"(a AND b) [x .. y] : null\""))
          .isEqualTo(term("asset.name", matches(phrase("(a AND b) [x .. y] : null"))));
    }

    @Test
    void shouldReadAnEmptyPhrase() {
      assertThat(parsed("asset.name:\"\"")).isEqualTo(term("asset.name", matches(phrase(""))));
    }
  }

  @Nested
  class Comparisons {
    @Test
    void shouldReadEachComparison() {
      assertThat(parsed("a > 1 AND b >= 2 AND c < 3 AND d <= 4"))
          .isEqualTo(
              and(
                  term("a", new Condition.Compares(Comparison.GT, word("1"))),
                  term("b", new Condition.Compares(Comparison.GE, word("2"))),
                  term("c", new Condition.Compares(Comparison.LT, word("3"))),
                  term("d", new Condition.Compares(Comparison.LE, word("4")))));
    }

    @Test
    void shouldReadAComparisonWithoutSpacesAndWithDateMath() {
      assertThat(parsed("finding.lastFound>=now-7d"))
          .isEqualTo(
              term("finding.lastFound", new Condition.Compares(Comparison.GE, word("now-7d"))));
    }

    @Test
    void shouldReadANegativeNumberAfterLessThan() {
      assertThat(parsed("a<-5"))
          .isEqualTo(term("a", new Condition.Compares(Comparison.LT, word("-5"))));
    }
  }

  @Nested
  class Ranges {
    @Test
    void shouldReadSquareBracketsAsAnInclusiveRange() {
      assertThat(parsed("asset.riskScore:[500 .. 900]"))
          .isEqualTo(
              term("asset.riskScore", new Condition.Between(word("500"), word("900"), true)));
    }

    @Test
    void shouldReadParenthesesWithDotsAsAnExclusiveRange() {
      assertThat(parsed("finding.qds:(70 .. 100)"))
          .isEqualTo(term("finding.qds", new Condition.Between(word("70"), word("100"), false)));
    }

    @Test
    void shouldReadARangeWithoutSpacesAroundTheDots() {
      assertThat(parsed("a:[1..2]"))
          .isEqualTo(term("a", new Condition.Between(word("1"), word("2"), true)));
      assertThat(parsed("a:(1.5..2.5)"))
          .isEqualTo(term("a", new Condition.Between(word("1.5"), word("2.5"), false)));
    }

    @Test
    void shouldReadRangesOfDatesAndAddresses() {
      assertThat(parsed("a:[2026-01-01 .. now] b:[10.0.0.1 .. 10.0.0.9] c:(fe80::1 .. fe80::ff)"))
          .isEqualTo(
              and(
                  term("a", new Condition.Between(word("2026-01-01"), word("now"), true)),
                  term("b", new Condition.Between(word("10.0.0.1"), word("10.0.0.9"), true)),
                  term("c", new Condition.Between(word("fe80::1"), word("fe80::ff"), false))));
    }

    @Test
    void shouldReadQuotedRangeEnds() {
      assertThat(parsed("a:(\"x)\" .. `y(`)"))
          .isEqualTo(term("a", new Condition.Between(phrase("x)"), exact("y("), false)));
    }

    @Test
    void shouldTellAnExclusiveRangeFromANestedTermByTheDots() {
      assertThat(parsed("inventory:(lastUpdated:(now-7d .. now))"))
          .isEqualTo(
              nested(
                  "inventory",
                  term("lastUpdated", new Condition.Between(word("now-7d"), word("now"), false))));
    }
  }

  @Nested
  class Lists {
    @Test
    void shouldReadAListOfValuesOfAnyKind() {
      assertThat(parsed("finding.state:[NEW, \"RE OPENED\", `ACTIVE`]"))
          .isEqualTo(
              term(
                  "finding.state",
                  new Condition.OneOf(List.of(word("NEW"), phrase("RE OPENED"), exact("ACTIVE")))));
    }

    @Test
    void shouldReadAListOfOne() {
      assertThat(parsed("a:[x]")).isEqualTo(term("a", new Condition.OneOf(List.of(word("x")))));
    }

    @Test
    void shouldReadAListOfMacAddresses() {
      assertThat(parsed("asset.mac:[00:11:22:aa:bb:cc,00:11:22:aa:bb:cd]"))
          .isEqualTo(
              term(
                  "asset.mac",
                  new Condition.OneOf(
                      List.of(word("00:11:22:aa:bb:cc"), word("00:11:22:aa:bb:cd")))));
    }
  }

  @Nested
  class Nulls {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"asset.domain is null", "asset.domain IS NULL", "asset.domain Is Null"})
    void shouldReadIsNull(String text) {
      assertThat(parsed(text)).isEqualTo(term("asset.domain", new Condition.IsNull()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {"asset.domain not null", "asset.domain NOT NULL", "asset.domain is not null"})
    void shouldReadNotNull(String text) {
      assertThat(parsed(text)).isEqualTo(term("asset.domain", new Condition.NotNull()));
    }
  }

  @Nested
  class NestedTerms {
    @Test
    void shouldReadSeveralConditionsOnTheSameElement() {
      assertThat(parsed("inventory:(source:\"X\" AND lastUpdated > now-7d)"))
          .isEqualTo(
              nested(
                  "inventory",
                  and(
                      term("source", matches(phrase("X"))),
                      term("lastUpdated", new Condition.Compares(Comparison.GT, word("now-7d"))))));
    }

    @Test
    void shouldAllowAnyExpressionInside() {
      assertThat(parsed("inventory : ( NOT (source:a OR source:b) connector:[1, 2] )"))
          .isEqualTo(
              nested(
                  "inventory",
                  and(
                      not(or(word("source", "a"), word("source", "b"))),
                      term("connector", new Condition.OneOf(List.of(word("1"), word("2")))))));
    }

    @Test
    void shouldGiveTheNestedTermThePositionOfItsParent() {
      Expr.Or expr = (Expr.Or) QueryParser.withDefaults().parse("x:1 OR inventory:(a:b)");

      Expr.Nested nested = (Expr.Nested) expr.parts().get(1);
      assertThat(nested.at()).isEqualTo(new Position(1, 8, 7));
      assertThat(((Expr.Term) nested.inner()).at()).isEqualTo(new Position(1, 19, 18));
    }
  }

  @Nested
  class BooleanOperators {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a:1 AND b:2", "a:1 and b:2", "a:1 And b:2", "a:1 b:2", "a:1\nb:2"})
    void shouldReadAndWrittenInAnyCaseOrLeftOut(String text) {
      assertThat(parsed(text)).isEqualTo(and(word("a", "1"), word("b", "2")));
    }

    @Test
    void shouldReadOrAndNotInAnyCase() {
      assertThat(parsed("a:1 or NoT b:2")).isEqualTo(or(word("a", "1"), not(word("b", "2"))));
    }

    @Test
    void shouldBindNotTighterThanAndAndAndTighterThanOr() {
      assertThat(parsed("a:1 OR b:2 AND NOT c:3 OR d:4"))
          .isEqualTo(or(word("a", "1"), and(word("b", "2"), not(word("c", "3"))), word("d", "4")));
    }

    @Test
    void shouldBindAnImplicitAndLikeAWrittenOne() {
      assertThat(parsed("a:1 OR b:2 c:3"))
          .isEqualTo(or(word("a", "1"), and(word("b", "2"), word("c", "3"))));
    }

    @Test
    void shouldGroupWithParentheses() {
      assertThat(parsed("(a:1 OR b:2) AND c:3"))
          .isEqualTo(and(or(word("a", "1"), word("b", "2")), word("c", "3")));
    }

    @Test
    void shouldFlattenNestedAndsAndOrs() {
      assertThat(parsed("a:1 AND (b:2 AND c:3)"))
          .isEqualTo(and(word("a", "1"), word("b", "2"), word("c", "3")));
      assertThat(parsed("(a:1 OR b:2) OR (c:3 OR d:4)"))
          .isEqualTo(or(word("a", "1"), word("b", "2"), word("c", "3"), word("d", "4")));
    }

    @Test
    void shouldDropRedundantParentheses() {
      assertThat(parsed("((a:1))")).isEqualTo(word("a", "1"));
    }

    @Test
    void shouldReadNotNot() {
      assertThat(parsed("NOT NOT a:1")).isEqualTo(not(not(word("a", "1"))));
    }

    @Test
    void shouldNegateAGroup() {
      assertThat(parsed("NOT (a:1 OR b:2)")).isEqualTo(not(or(word("a", "1"), word("b", "2"))));
    }
  }

  @Nested
  class Blank {
    @ParameterizedTest(name = "[{index}]")
    @ValueSource(strings = {"", " ", "\t\n  \r\n", "\u00a0"})
    void shouldReadABlankQueryAsEverything(String text) {
      assertThat(QueryParser.withDefaults().parse(text)).isEqualTo(new Expr.All());
    }

    @Test
    void shouldReadNoQueryAsEverything() {
      assertThat(QueryParser.withDefaults().parse(null)).isEqualTo(new Expr.All());
    }
  }
}
