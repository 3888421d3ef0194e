package dev.sightline.platform.query;

import static dev.sightline.platform.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.query.Comparison;
import dev.sightline.query.Expr;
import dev.sightline.query.Position;
import dev.sightline.query.QuerySyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QueryCompilerTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
  private final QueryCompiler compiler = new QueryCompiler(QueryIT.LABELS, CLOCK);

  private QuerySyntaxException fails(QueryEntity entity, Expr q) {
    try {
      compiler.compile(entity, q);
    } catch (QuerySyntaxException e) {
      assertThat(e.getMessage())
          .as("a message for users, without SQL")
          .doesNotContainIgnoringCase("select")
          .doesNotContain("source_asset")
          .doesNotContain("lower(")
          .doesNotContain("q1");
      return e;
    }
    throw new AssertionError("compiled: " + q);
  }

  @Test
  void shouldNameTheTokenThePositionAndCloseNamesForAnUnknownToken() {
    Position at = new Position(2, 7, 12);
    QuerySyntaxException e =
        fails(
            QueryEntity.ASSETS,
            new Expr.Term(
                "asset.hostname2", new dev.sightline.query.Condition.Matches(word("x")), at));
    assertThat(e.at()).isEqualTo(at);
    assertThat(e.found()).isEqualTo("asset.hostname2");
    assertThat(e.getMessage()).contains("line 2, column 7").contains("did you mean asset.hostName");
    assertThat(fails(QueryEntity.ASSETS, is("finding.cveId", "CVE-1")).getMessage())
        .as("finding tokens are not asset tokens")
        .contains("Unknown token 'finding.cveId'");
  }

  @Test
  void shouldRefuseOperatorsAndValuesTheTokenDoesNotTake() {
    assertThat(fails(QueryEntity.ASSETS, cmp("asset.hostName", Comparison.GT, "a")).getMessage())
        .contains("asset.hostName does not take '>'")
        .contains("it takes :");
    assertThat(fails(QueryEntity.ASSETS, is("asset.riskScore", "high")).getMessage())
        .contains("asset.riskScore takes a number");
    assertThat(fails(QueryEntity.ASSETS, is("asset.riskScore", "7.5")).getMessage())
        .contains("whole number");
    assertThat(fails(QueryEntity.ASSETS, is("asset.lastSeen", "yesterday")).getMessage())
        .contains("now-7d");
    assertThat(fails(QueryEntity.ASSETS, is("asset.ip", "10.0.0.0/33")).getMessage())
        .contains("0 to 32");
    assertThat(fails(QueryEntity.ASSETS, is("asset.ip", "web-01")).getMessage()).contains("CIDR");
    assertThat(
            fails(QueryEntity.ASSETS, range("asset.ip", "10.0.0.0/8", "11.0.0.0", true))
                .getMessage())
        .contains("an address here");
    assertThat(fails(QueryEntity.ASSETS, is("asset.mac", "zz:zz")).getMessage()).contains("MAC");
    assertThat(fails(QueryEntity.ASSETS, is("asset.riskBand", "severe")).getMessage())
        .contains("CRITICAL, HIGH, MEDIUM, LOW");
    assertThat(fails(QueryEntity.FINDINGS, is("finding.isKev", "maybe")).getMessage())
        .contains("true or false");
    assertThat(fails(QueryEntity.FINDINGS, isNull("findings.vendorProductname")).getMessage())
        .contains("does not take 'is null'");
  }

  @Test
  void shouldRefuseNestingWhereNoElementsAre() {
    assertThat(fails(QueryEntity.ASSETS, nested("asset", is("hostName", "x"))).getMessage())
        .contains("these can: inventory");
    assertThat(fails(QueryEntity.ASSETS, nested("detection", is("status", "x"))).getMessage())
        .contains("cannot hold a nested query");
    assertThat(fails(QueryEntity.ASSETS, nested("inventory", is("riskScore", "1"))).getMessage())
        .contains("not a token of inventory");
    assertThat(
            fails(QueryEntity.ASSETS, nested("inventory", nested("inventory", is("source", "x"))))
                .getMessage())
        .contains("cannot hold another");
    assertThat(fails(QueryEntity.ASSETS, is("inventory", "x")).getMessage())
        .contains("takes a nested query");
  }

  @Test
  void shouldKeepEveryValueOutOfTheSql() {
    String hostile = "x'); DROP TABLE finding; --";
    SqlFilter f =
        compiler.compile(
            QueryEntity.FINDINGS,
            or(
                matches("asset.hostName", phrase(hostile)),
                matches("finding.name", exact(hostile)),
                is("finding.cveId", hostile + "*"),
                nested("inventory", matches("connector", word(hostile)))));
    assertThat(f.whereSql()).doesNotContain("DROP").doesNotContain("'x");
    assertThat(f.params()).contains("%x'); DROP TABLE finding; --%", hostile);
  }

  @Test
  void shouldReadDateMathAgainstTheInjectedClock() {
    SqlFilter f =
        compiler.compile(QueryEntity.FINDINGS, cmp("finding.lastFound", Comparison.GT, "now-7d"));
    assertThat(f.params()).containsExactly(Instant.parse("2026-02-22T12:00:00Z"));
    SqlFilter later =
        new QueryCompiler(QueryIT.LABELS, Clock.offset(CLOCK, java.time.Duration.ofHours(1)))
            .compile(QueryEntity.FINDINGS, cmp("finding.lastFound", Comparison.GT, "now-24h"));
    assertThat(later.params()).containsExactly(Instant.parse("2026-02-28T13:00:00Z"));
    assertThat(
            compiler.compile(QueryEntity.FINDINGS, is("finding.lastFound", "now-1M+2d")).params())
        .containsExactly(Instant.parse("2026-02-03T12:00:00Z"));
  }

  @Test
  void shouldCapTheNumberOfBoundValues() {
    List<dev.sightline.query.Value> many = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      many.add(word("CVE-2024-" + i));
    }
    QueryCompiler small = new QueryCompiler(QueryIT.LABELS, CLOCK, 20);
    assertThatThrownBy(
            () ->
                small.compile(
                    QueryEntity.FINDINGS,
                    oneOf("finding.cveId", many.toArray(dev.sightline.query.Value[]::new))))
        .isInstanceOf(QuerySyntaxException.class)
        .hasMessageContaining("more than 20 values");
    Expr deep = is("finding.state", "NEW");
    for (int i = 0; i < QueryCompiler.MAX_DEPTH + 2; i++) {
      deep = not(deep);
    }
    Expr tooDeep = deep;
    assertThatThrownBy(() -> compiler.compile(QueryEntity.FINDINGS, tooDeep))
        .isInstanceOf(QuerySyntaxException.class)
        .hasMessageContaining("nests too deeply");
  }

  @Test
  void shouldSortByWhitelistedTokensEndingWithTheId() {
    assertThat(compiler.sortClause(QueryEntity.FINDINGS, "FINDING.QDS", true))
        .isEqualTo("f.qds DESC NULLS LAST, f.id DESC");
    assertThat(compiler.sortClause(QueryEntity.ASSETS, "asset.riskScore", false))
        .isEqualTo("a.risk_score ASC NULLS FIRST, a.id ASC");
    assertThatThrownBy(
            () -> compiler.sortClause(QueryEntity.FINDINGS, "asset.riskScore; DROP", true))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("finding.qds");
    assertThatThrownBy(() -> compiler.sortClause(QueryEntity.ASSETS, "asset.tags", true))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void shouldRoundTripCursorsAndRefuseForeignOnes() {
    SortKey key = compiler.sort(QueryEntity.FINDINGS, "finding.lastFound", true);
    String cursor = key.cursor(java.sql.Timestamp.from(Instant.parse("2026-01-02T03:04:05Z")), 42);
    assertThat(KeysetCursor.decode(cursor))
        .isEqualTo(
            new KeysetCursor("finding.lastFound", true, Instant.parse("2026-01-02T03:04:05Z"), 42));
    assertThat(compiler.after(QueryEntity.FINDINGS, key, cursor).params())
        .containsExactly(Instant.parse("2026-01-02T03:04:05Z"), 42L);
    assertThat(KeysetCursor.decode(new KeysetCursor("s", false, null, 7).encode()).value())
        .isNull();
    assertThatThrownBy(() -> KeysetCursor.decode("not a cursor"))
        .isInstanceOf(InvalidRequestException.class);
    SortKey other = compiler.sort(QueryEntity.FINDINGS, "finding.qds", true);
    assertThatThrownBy(() -> compiler.after(QueryEntity.FINDINGS, other, cursor))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("another order");
  }

  @Test
  void shouldListEveryTokenTheIssueNamesWithItsTypeOperatorsAndValues() {
    Map<String, TokenDescription> assets =
        new QueryTokens()
            .tokens(QueryEntity.ASSETS).stream()
                .collect(Collectors.toMap(TokenDescription::name, t -> t));
    assertThat(assets.keySet())
        .containsAll(
            Set.of(
                "asset.name",
                "asset.hostName",
                "asset.domain",
                "asset.type",
                "asset.os",
                "asset.osVersion",
                "asset.ip",
                "asset.mac",
                "asset.serial",
                "asset.manufacturer",
                "asset.criticality",
                "asset.riskScore",
                "asset.riskBand",
                "asset.tags",
                "asset.firstFound",
                "asset.lastSeen",
                "asset.cloudProvider",
                "inventory.source",
                "inventory.connector",
                "inventory.lastUpdated",
                "inventory.sourceRecordId",
                "asset.linkRule"));
    Map<String, TokenDescription> findings =
        new QueryTokens()
            .tokens(QueryEntity.FINDINGS).stream()
                .collect(Collectors.toMap(TokenDescription::name, t -> t));
    assertThat(findings.keySet())
        .containsAll(assets.keySet())
        .containsAll(
            Set.of(
                "finding.cveId",
                "finding.name",
                "finding.severity",
                "finding.qds",
                "finding.qdsBand",
                "finding.state",
                "finding.sourceStatus",
                "finding.firstFound",
                "finding.lastFound",
                "finding.fixedOn",
                "finding.isKev",
                "finding.ransomware",
                "finding.epss",
                "finding.cvss",
                "finding.decision",
                "findings.vendorProductname",
                "finding.source",
                "finding.detectionMethod"));
    assertThat(findings.get("finding.state").values())
        .containsExactly("NEW", "ACTIVE", "FIXED", "REOPENED");
    assertThat(findings.get("finding.qds").sortable()).isTrue();
    assertThat(findings.get("asset.riskScore").sortable())
        .as("not a value of the finding row")
        .isFalse();
    assertThat(assets.get("asset.riskScore").sortable()).isTrue();
    assertThat(assets.get("asset.ip").operators()).contains(":", ">", "[a .. b]");
    assertThat(assets.get("asset.hostName").operators())
        .containsExactly(":", "[x, y]", "is null", "not null");
    // Every listed example compiles.
    for (QueryEntity entity : QueryEntity.values()) {
      for (TokenDescription t : new QueryTokens().tokens(entity)) {
        assertThat(t.example()).isNotBlank();
        assertThat(t.description()).isNotBlank();
      }
    }
  }
}
