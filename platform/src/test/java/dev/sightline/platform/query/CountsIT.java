package dev.sightline.platform.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.db.PostgresExtension;
import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.search.Counts;
import dev.sightline.platform.search.GroupBy;
import dev.sightline.platform.search.InventoryCounts;
import dev.sightline.platform.search.InventorySearch;
import dev.sightline.platform.search.SearchRequest;
import dev.sightline.platform.views.InventoryQueries;
import dev.sightline.query.QueryParser;
import dev.sightline.query.QuerySyntaxException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Counts by every key on a small, hand-made inventory on real PostgreSQL: three connectors of two
 * types, four shown assets (one merged from two sources, one stale, one of a single other source)
 * and one asset no source reports, five findings. Each expected group is worked out from the rows
 * below, and every total equals the listing's exact total.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CountsIT {
  private final Jdbc jdbc;
  private final InventorySearch search;
  private final InventoryCounts counts;

  CountsIT(DataSource ds) {
    this.jdbc = new Jdbc(ds);
    this.search =
        new InventorySearch(
            new InventoryQueries(jdbc),
            new QueryCompiler(QueryIT.LABELS, QueryIT.CLOCK),
            QueryParser.withDefaults());
    this.counts = new InventoryCounts(jdbc, search, QueryIT.LABELS);
  }

  private static Instant at(String s) {
    return s.length() == 10 ? Instant.parse(s + "T00:00:00Z") : Instant.parse(s);
  }

  @BeforeAll
  void inventory() {
    Rows rows = new Rows(jdbc);
    UUID eu = rows.connector("alpha", "EU tenant");
    UUID lab = rows.connector("beta", "Lab");
    UUID us = rows.connector("alpha", "US tenant");
    // a1: a Windows server both an alpha and a beta source report; the alpha record is newer.
    long a1 = rows.asset(900, "CRITICAL", null, 5, null);
    long s1 =
        rows.source(
            a1,
            eu,
            "aid-1",
            Map.of(
                "host_name", "web-01",
                "domain", "corp",
                "asset_type", "Server",
                "os_name", "Windows Server 2022",
                "cloud_provider", "AWS",
                "first_found", at("2025-01-10"),
                "last_seen", at("2026-02-28T10:00:00Z")),
            List.of("10.0.0.5"),
            List.of(),
            List.of());
    long s2 =
        rows.source(
            a1,
            lab,
            "ep-1",
            Map.of(
                "host_name",
                "WEB-01",
                "asset_type",
                "Server",
                "first_found",
                at("2025-02-01"),
                "last_seen",
                at("2026-02-20")),
            List.of(),
            List.of(),
            List.of());
    long a2 = rows.asset(400, "LOW", 2, 2, null);
    long s3 =
        rows.source(
            a2,
            eu,
            "aid-2",
            Map.of(
                "host_name", "db-01",
                "domain", "corp",
                "asset_type", "Server",
                "os_name", "Ubuntu",
                "first_found", at("2025-06-01"),
                "last_seen", at("2026-01-15")),
            List.of(),
            List.of(),
            List.of());
    // a3: stale, unscored; its beta record (the only one with dates) is the primary one. It was
    // first found an hour before midnight UTC on New Year's Eve.
    long a3 = rows.asset(null, null, null, null, at("2026-02-01"));
    rows.source(
        a3,
        us,
        "aid-3",
        Map.of("host_name", "laptop-7", "asset_type", "Workstation", "os_name", "macOS"),
        List.of(),
        List.of(),
        List.of());
    long s5 =
        rows.source(
            a3,
            lab,
            "ep-3",
            Map.of(
                "host_name",
                "laptop-7",
                "asset_type",
                "Workstation",
                "first_found",
                at("2025-12-31T23:00:00Z"),
                "last_seen",
                at("2026-02-01")),
            List.of(),
            List.of(),
            List.of());
    long a4 = rows.asset(750, "HIGH", null, 3, null);
    long s6 =
        rows.source(
            a4,
            lab,
            "ep-4",
            Map.of(
                "host_name", "dc-1",
                "asset_type", "Domain Controller",
                "os_name", "Windows Server 2019",
                "first_found", at("2025-03-03"),
                "last_seen", at("2026-02-27")),
            List.of(),
            List.of(),
            List.of());
    // No source reports this one any more: never shown, never counted.
    rows.asset(100, "LOW", null, 1, null);

    rows.finding(
        new Rows.F(
            a1,
            "CVE-2024-3400",
            "CVE-2024-3400",
            "PAN-OS",
            5,
            100,
            "CRITICAL",
            "NEW",
            at("2026-02-01"),
            at("2026-02-28"),
            null,
            null));
    detection(rows, s1, eu, "CVE-2024-3400", "Alpha Endpoint Security");
    detection(rows, s2, lab, "CVE-2024-3400", "Beta XDR");
    rows.finding(
        new Rows.F(
            a1,
            "CVE-2023-4863",
            "CVE-2023-4863",
            "libwebp",
            4,
            75,
            "HIGH",
            "ACTIVE",
            at("2025-10-01"),
            at("2026-02-28"),
            null,
            "RISK_ACCEPTED"));
    detection(rows, s1, eu, "CVE-2023-4863", "Alpha Endpoint Security");
    rows.finding(
        new Rows.F(
            a2,
            "vendor:x:1",
            null,
            "Weak TLS ciphers",
            2,
            40,
            "MEDIUM",
            "FIXED",
            at("2025-06-02"),
            at("2025-12-01"),
            at("2025-12-02"),
            null));
    detection(rows, s3, eu, "vendor:x:1", "Alpha Endpoint Security");
    rows.finding(
        new Rows.F(
            a4,
            "CVE-2021-44228",
            "CVE-2021-44228",
            "Log4Shell",
            5,
            null,
            null,
            "REOPENED",
            at("2025-03-04"),
            at("2026-02-27"),
            null,
            "FALSE_POSITIVE"));
    detection(rows, s6, lab, "CVE-2021-44228", "Beta XDR");
    rows.finding(
        new Rows.F(
            a3,
            "CVE-2024-3400",
            "CVE-2024-3400",
            "PAN-OS",
            5,
            95,
            "CRITICAL",
            "ACTIVE",
            at("2026-01-01"),
            at("2026-01-20"),
            null,
            null));
    detection(rows, s5, lab, "CVE-2024-3400", "Beta XDR");
  }

  private static void detection(
      Rows rows, long source, UUID connector, String key, String product) {
    rows.detection(
        source, connector, key, "open", "agent", at("2026-02-01"), true, BigDecimal.ONE, product);
  }

  private Counts findings(String q, String groupBy) {
    return counts.count(QueryEntity.FINDINGS, Optional.ofNullable(q), Optional.ofNullable(groupBy));
  }

  private Counts assets(String q, String groupBy) {
    return counts.count(QueryEntity.ASSETS, Optional.ofNullable(q), Optional.ofNullable(groupBy));
  }

  /** The groups in the answer's order, key → count ("null" for rows without a value). */
  private static Map<String, Long> groups(Counts c) {
    Map<String, Long> out = new LinkedHashMap<>();
    c.groups().forEach(g -> out.put(String.valueOf(g.key()), g.count()));
    return out;
  }

  private static Map<String, Long> ordered(Object... keyThenCount) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (int i = 0; i < keyThenCount.length; i += 2) {
      out.put(String.valueOf(keyThenCount[i]), ((Number) keyThenCount[i + 1]).longValue());
    }
    return out;
  }

  @Test
  void findingsGroupByTheirOwnFieldsLargestFirstTiesByKeyMissingLast() {
    assertThat(findings(null, null).total()).isEqualTo(5);
    assertThat(findings(null, null).groupBy()).isEmpty();
    assertThat(groups(findings(null, "severity"))).isEqualTo(ordered("5", 3, "2", 1, "4", 1));
    assertThat(groups(findings(null, "state")))
        .isEqualTo(ordered("ACTIVE", 2, "FIXED", 1, "NEW", 1, "REOPENED", 1));
    assertThat(groups(findings(null, "qdsBand")))
        .isEqualTo(ordered("CRITICAL", 2, "HIGH", 1, "MEDIUM", 1, null, 1));
    assertThat(groups(findings(null, "cve")))
        .isEqualTo(ordered("CVE-2024-3400", 2, "CVE-2021-44228", 1, "CVE-2023-4863", 1, null, 1));
    assertThat(groups(findings(null, "decision")))
        .isEqualTo(ordered(null, 3, "FALSE_POSITIVE", 1, "RISK_ACCEPTED", 1));
  }

  @Test
  void findingsGroupByTheirAssetsBandAndPrimaryType() {
    assertThat(groups(findings(null, "riskBand")))
        .isEqualTo(ordered("CRITICAL", 2, "HIGH", 1, "LOW", 1, null, 1));
    assertThat(groups(findings(null, "type")))
        .isEqualTo(ordered("Server", 3, "Domain Controller", 1, "Workstation", 1));
  }

  @Test
  void aFindingTwoSourcesDetectCountsInBothSourceGroups() {
    Counts bySource = findings(null, "source");
    assertThat(bySource.total()).isEqualTo(5);
    assertThat(groups(bySource)).isEqualTo(ordered("Alpha Spotlight", 3, "Beta Networks", 3));
    assertThat(groups(findings(null, "connector"))).isEqualTo(ordered("EU tenant", 3, "Lab", 3));
    // Each source's group is exactly what the seeds' kind of query selects.
    assertThat(findings("findings.vendorProductname:\"Alpha Endpoint Security\"", null).total())
        .isEqualTo(3);
    assertThat(groups(findings("finding.source:\"Beta Networks\"", "source")))
        .isEqualTo(ordered("Beta Networks", 3, "Alpha Spotlight", 1));
  }

  @Test
  void aFindingNoSourceDetectsAnyMoreCountsOnceWithNoSource() {
    long asset =
        jdbc.queryOne("SELECT min(asset_id) FROM finding", rs -> rs.getLong(1)).orElseThrow();
    long orphan =
        new Rows(jdbc)
            .finding(
                new Rows.F(
                    asset,
                    "CVE-2020-0001",
                    "CVE-2020-0001",
                    "left without a detection",
                    2,
                    20,
                    "LOW",
                    "NEW",
                    at("2026-02-01"),
                    at("2026-02-01"),
                    null,
                    null));
    try {
      Counts bySource = findings(null, "source");
      assertThat(bySource.total()).isEqualTo(6);
      assertThat(groups(bySource))
          .isEqualTo(ordered("Alpha Spotlight", 3, "Beta Networks", 3, null, 1));
      assertThat(groups(findings(null, "connector")))
          .isEqualTo(ordered("EU tenant", 3, "Lab", 3, null, 1));
    } finally {
      jdbc.update("DELETE FROM finding WHERE id = ?", orphan);
    }
  }

  @Test
  void findingDatesBucketByUtcDayMondayWeekAndMonth() {
    assertThat(groups(findings(null, "firstFound:month")))
        .isEqualTo(
            ordered(
                "2025-03-01",
                1,
                "2025-06-01",
                1,
                "2025-10-01",
                1,
                "2026-01-01",
                1,
                "2026-02-01",
                1));
    assertThat(groups(findings(null, "lastFound:month")))
        .isEqualTo(ordered("2026-02-01", 3, "2025-12-01", 1, "2026-01-01", 1));
    // 2026-02-27 (a Friday) and 2026-02-28 (a Saturday) fall in the week of Monday 2026-02-23.
    assertThat(groups(findings(null, "lastFound:week")))
        .isEqualTo(ordered("2026-02-23", 3, "2025-12-01", 1, "2026-01-19", 1));
    assertThat(groups(findings(null, "fixedOn:day"))).isEqualTo(ordered(null, 4, "2025-12-02", 1));
    assertThat(findings(null, "FIRSTFOUND:Week").groupBy()).contains("firstFound:week");
  }

  @Test
  void aQueryNarrowsTheTotalAndTheGroups() {
    Counts active = findings("finding.state:ACTIVE", "severity");
    assertThat(active.total()).isEqualTo(2);
    assertThat(groups(active)).isEqualTo(ordered("4", 1, "5", 1));
    assertThat(findings("finding.qds >= 1000", "severity").groups()).isEmpty();
  }

  @Test
  void assetsGroupByTheirPrimarySourcesFields() {
    Counts all = assets(null, null);
    assertThat(all.total()).as("the asset no source reports is not counted").isEqualTo(4);
    assertThat(groups(assets(null, "type")))
        .isEqualTo(ordered("Server", 2, "Domain Controller", 1, "Workstation", 1));
    assertThat(groups(assets(null, "os")))
        .isEqualTo(
            ordered("Ubuntu", 1, "Windows Server 2019", 1, "Windows Server 2022", 1, null, 1));
    assertThat(groups(assets(null, "domain"))).isEqualTo(ordered("corp", 2, null, 2));
    assertThat(groups(assets(null, "cloudProvider"))).isEqualTo(ordered(null, 3, "AWS", 1));
  }

  @Test
  void assetsGroupByBandCriticalityAndState() {
    assertThat(groups(assets(null, "riskBand")))
        .isEqualTo(ordered("CRITICAL", 1, "HIGH", 1, "LOW", 1, null, 1));
    assertThat(groups(assets(null, "criticality")))
        .as("a user's criticality over the default one")
        .isEqualTo(ordered("2", 1, "3", 1, "5", 1, null, 1));
    assertThat(groups(assets(null, "state"))).isEqualTo(ordered("ACTIVE", 3, "STALE", 1));
  }

  @Test
  void anAssetOfTwoSourcesCountsInEachSourceAndConnectorGroup() {
    assertThat(groups(assets(null, "source")))
        .isEqualTo(ordered("Alpha Spotlight", 3, "Beta Networks", 3));
    assertThat(groups(assets(null, "connector")))
        .isEqualTo(ordered("Lab", 3, "EU tenant", 2, "US tenant", 1));
  }

  @Test
  void assetDatesBucketInUtc() {
    assertThat(groups(assets(null, "firstFound:month")))
        .isEqualTo(ordered("2025-01-01", 1, "2025-03-01", 1, "2025-06-01", 1, "2025-12-01", 1));
    assertThat(groups(assets("asset.hostName:laptop-7", "firstFound:day")))
        .as("23:00 UTC on New Year's Eve is still 2025")
        .isEqualTo(ordered("2025-12-31", 1));
    assertThat(groups(assets(null, "lastSeen:month")))
        .isEqualTo(ordered("2026-02-01", 3, "2026-01-01", 1));
  }

  @Test
  void totalsEqualTheListingsExactTotals() {
    for (String q :
        List.of(
            "",
            "asset.type:Server",
            "inventory:(source:\"Alpha Spotlight\")",
            "asset.state:STALE",
            "NOT asset.domain:corp")) {
      assertThat(assets(q, "source").total())
          .as(q)
          .isEqualTo(search.assets(InventoryQueries.Filter.none(), exact(q)).total());
    }
    for (String q :
        List.of(
            "",
            "finding.severity >= 5",
            "findings.vendorProductname:\"Beta XDR\"",
            "finding.fixedOn is null",
            "asset.riskBand:CRITICAL")) {
      assertThat(findings(q, "cve").total())
          .as(q)
          .isEqualTo(search.findings(InventoryQueries.Filter.none(), exact(q)).total());
    }
  }

  @Test
  void singleValuedGroupsAddUpToTheTotal() {
    for (String key : GroupBy.names(QueryEntity.FINDINGS)) {
      String name = key.replace(":day|week|month", ":week");
      if (!List.of("source", "connector").contains(name)) {
        assertThat(sum(findings(null, name))).as(name).isEqualTo(5);
      }
    }
    for (String key : GroupBy.names(QueryEntity.ASSETS)) {
      String name = key.replace(":day|week|month", ":day");
      if (!List.of("source", "connector").contains(name)) {
        assertThat(sum(assets(null, name))).as(name).isEqualTo(4);
      }
    }
  }

  private static long sum(Counts c) {
    return c.groups().stream().mapToLong(Counts.Group::count).sum();
  }

  @Test
  void beyondTheLimitTheLargestGroupsAreKeptAndTheAnswerSaysSo() {
    InventoryCounts few = new InventoryCounts(jdbc, search, QueryIT.LABELS, 2);
    Counts states = few.count(QueryEntity.FINDINGS, Optional.empty(), Optional.of("state"));
    assertThat(states.truncated()).isTrue();
    assertThat(groups(states)).isEqualTo(ordered("ACTIVE", 2, "FIXED", 1));
    assertThat(states.total()).isEqualTo(5);
    assertThat(few.count(QueryEntity.ASSETS, Optional.empty(), Optional.of("domain")).truncated())
        .isFalse();
  }

  @Test
  void anUnknownKeyIsRefusedNamingTheFieldAndListingTheKeys() {
    List<String> refused = new ArrayList<>();
    for (String bad : List.of("hostName", "firstFound", "firstFound:year", "severity:day", "os")) {
      assertThatThrownBy(() -> findings(null, bad))
          .isInstanceOfSatisfying(
              InvalidRequestException.class,
              e -> {
                assertThat(e.problems().get(0).field()).isEqualTo("groupBy");
                assertThat(e.getMessage())
                    .contains("severity", "qdsBand", "firstFound:day|week|month");
                refused.add(bad);
              });
    }
    assertThat(refused).hasSize(5);
    assertThatThrownBy(() -> assets(null, "severity"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("lastSeen:day|week|month");
    assertThatThrownBy(() -> findings("finding.state:(", "severity"))
        .isInstanceOf(QuerySyntaxException.class);
  }

  private static SearchRequest exact(String q) {
    return new SearchRequest(
        Optional.of(q), Optional.empty(), 0, 1, Optional.empty(), /* exactCount= */ true);
  }
}
