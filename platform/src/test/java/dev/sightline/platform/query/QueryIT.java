package dev.sightline.platform.query;

import static dev.sightline.platform.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.db.PostgresExtension;
import dev.sightline.query.Comparison;
import dev.sightline.query.Expr;
import dev.sightline.query.QuerySyntaxException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every token against a small, hand-made inventory on real PostgreSQL: each query returns exactly
 * the rows named, and the in-memory evaluator agrees.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryIT {
  static final SourceLabels LABELS =
      new SourceLabels(
          Map.of(
              "alpha", new SourceLabels.Labels("Alpha Spotlight", "Alpha Endpoint Security"),
              "beta", new SourceLabels.Labels("Beta Networks", "Beta XDR")));
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

  private final Jdbc jdbc;
  private final QueryCompiler compiler = new QueryCompiler(LABELS, CLOCK);
  private long a1, a2, a3, a4;
  private long f1, f2, f3, f4, f5;
  private UUID eu;
  private Evaluator evaluator;

  QueryIT(DataSource ds) {
    this.jdbc = new Jdbc(ds);
  }

  private static Instant at(String s) {
    return s.length() == 10 ? Instant.parse(s + "T00:00:00Z") : Instant.parse(s);
  }

  @BeforeAll
  void inventory() {
    Rows rows = new Rows(jdbc);
    eu = rows.connector("alpha", "EU tenant");
    UUID lab = rows.connector("beta", "Lab");
    UUID us = rows.connector("alpha", "US tenant");
    a1 = rows.asset(900, "CRITICAL", null, 5, null);
    long s1 =
        rows.source(
            a1,
            eu,
            "aid-1",
            Map.ofEntries(
                Map.entry("asset_name", "web-01"),
                Map.entry("host_name", "web-01"),
                Map.entry("fqdn", "web-01.corp.example"),
                Map.entry("domain", "corp"),
                Map.entry("asset_type", "Server"),
                Map.entry("os_name", "Windows Server 2022"),
                Map.entry("os_version", "21H2"),
                Map.entry("bios_serial", "VMW-1234"),
                Map.entry("bios_manufacturer", "VMware"),
                Map.entry("cloud_provider", "AWS"),
                Map.entry("link_rule", "NEW_ASSET"),
                Map.entry("first_found", at("2025-01-10")),
                Map.entry("last_seen", at("2026-02-28T10:00:00Z")),
                Map.entry("updated_at", at("2026-02-28T10:00:00Z"))),
            List.of("10.0.0.5", "2001:db8::5"),
            List.of("00:1b:a9:00:00:01"),
            List.of("prod"));
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
                "link_rule",
                "HOSTNAME_DOMAIN",
                "first_found",
                at("2025-02-01"),
                "last_seen",
                at("2026-02-20"),
                "updated_at",
                at("2026-02-20")),
            List.of("10.0.0.5"),
            List.of(),
            List.of());
    a2 = rows.asset(400, "LOW", 2, 2, null);
    long s3 =
        rows.source(
            a2,
            eu,
            "aid-2",
            Map.ofEntries(
                Map.entry("asset_name", "db-01"),
                Map.entry("host_name", "db-01"),
                Map.entry("domain", "corp"),
                Map.entry("asset_type", "Server"),
                Map.entry("os_name", "Ubuntu"),
                Map.entry("os_version", "22.04"),
                Map.entry("bios_serial", "SN-2"),
                Map.entry("bios_manufacturer", "Dell Inc."),
                Map.entry("link_rule", "NEW_ASSET"),
                Map.entry("first_found", at("2025-06-01")),
                Map.entry("last_seen", at("2026-01-15"))),
            List.of("10.1.2.3"),
            List.of("00:1b:a9:00:00:02"),
            List.of("pci"));
    a3 = rows.asset(null, null, null, null, at("2026-02-01"));
    rows.source(
        a3,
        us,
        "aid-3",
        Map.of(
            "host_name",
            "laptop-7",
            "asset_type",
            "Workstation",
            "os_name",
            "macOS",
            "link_rule",
            "NEW_ASSET"),
        List.of("192.168.1.20"),
        List.of(),
        List.of());
    long s5 =
        rows.source(
            a3,
            lab,
            "ep-3",
            Map.of(
                "host_name", "laptop-7",
                "asset_type", "Workstation",
                "link_rule", "HOSTNAME_DOMAIN",
                "first_found", at("2025-12-31T23:00:00Z"),
                "last_seen", at("2026-02-01")),
            List.of(),
            List.of(),
            List.of());
    a4 = rows.asset(750, "HIGH", null, 3, null);
    long s6 =
        rows.source(
            a4,
            lab,
            "ep-4",
            Map.ofEntries(
                Map.entry("asset_name", "o'brien; DROP TABLE asset; --"),
                Map.entry("host_name", "50%_off\\"),
                Map.entry("asset_type", "Domain Controller"),
                Map.entry("os_name", "Windows Server 2019"),
                Map.entry("link_rule", "NEW_ASSET"),
                Map.entry("first_found", at("2025-03-03")),
                Map.entry("last_seen", at("2026-02-27"))),
            List.of("172.16.0.1"),
            List.of("00:50:56:aa:bb:cc"),
            List.of("prod", "dmz"));

    f1 =
        rows.finding(
            new Rows.F(
                a1,
                "CVE-2024-3400",
                "CVE-2024-3400",
                "PAN-OS GlobalProtect",
                5,
                100,
                "CRITICAL",
                "NEW",
                at("2026-02-01"),
                at("2026-02-28"),
                null,
                null));
    rows.detection(
        s1,
        eu,
        "CVE-2024-3400",
        "open",
        "agent",
        at("2026-02-28"),
        true,
        new BigDecimal("10.0"),
        "Alpha Endpoint Security");
    rows.detection(
        s2, lab, "CVE-2024-3400", "new", "network scan", at("2026-02-27"), true, null, "Beta XDR");
    f2 =
        rows.finding(
            new Rows.F(
                a1,
                "CVE-2023-4863",
                "CVE-2023-4863",
                "libwebp heap overflow",
                4,
                75,
                "HIGH",
                "ACTIVE",
                at("2025-10-01"),
                at("2026-02-28"),
                null,
                "RISK_ACCEPTED"));
    rows.detection(
        s1,
        eu,
        "CVE-2023-4863",
        "open",
        "agent",
        at("2026-02-28"),
        true,
        new BigDecimal("8.8"),
        "Alpha Endpoint Security");
    f3 =
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
    rows.detection(
        s3,
        eu,
        "vendor:x:1",
        "closed",
        "agent",
        at("2025-12-01"),
        false,
        new BigDecimal("5.3"),
        "Alpha Endpoint Security");
    f4 =
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
    rows.detection(
        s6, lab, "CVE-2021-44228", "reopened", null, at("2026-02-27"), true, null, "Beta XDR");
    f5 =
        rows.finding(
            new Rows.F(
                a3,
                "CVE-2024-3400",
                "CVE-2024-3400",
                "PAN-OS GlobalProtect",
                5,
                95,
                "CRITICAL",
                "ACTIVE",
                at("2026-01-01"),
                at("2026-01-20"),
                null,
                null));
    rows.detection(
        s5, lab, "CVE-2024-3400", "open", "network scan", at("2026-01-20"), true, null, "Beta XDR");
    rows.intel("CVE-2024-3400", true, "unknown", 0.94, new BigDecimal("10.0"));
    rows.intel("CVE-2021-44228", true, "known", 0.97, null);
    rows.intel("CVE-2023-4863", false, null, 0.3, new BigDecimal("8.8"));
    evaluator = new Evaluator(Loaded.from(jdbc), LABELS, CLOCK);
  }

  Set<Long> assets(Expr q) {
    return select(QueryEntity.ASSETS, q);
  }

  Set<Long> findings(Expr q) {
    return select(QueryEntity.FINDINGS, q);
  }

  private Set<Long> select(QueryEntity entity, Expr q) {
    SqlFilter filter = compiler.compile(entity, q);
    String table = entity == QueryEntity.ASSETS ? "asset a" : "finding f";
    Set<Long> rows =
        new TreeSet<>(
            jdbc.query(
                "SELECT " + entity.alias() + ".id FROM " + table + " WHERE " + filter.whereSql(),
                rs -> rs.getLong(1),
                filter.params().toArray()));
    assertThat(evaluator.select(entity, q)).as("the evaluator agrees on %s", q).isEqualTo(rows);
    return rows;
  }

  private static Set<Long> ids(long... ids) {
    Set<Long> out = new TreeSet<>();
    for (long id : ids) {
      out.add(id);
    }
    return out;
  }

  @Test
  void shouldMatchTextTokensCaseInsensitivelyOnAnySource() {
    assertThat(assets(is("asset.hostName", "WEB-01"))).isEqualTo(ids(a1));
    assertThat(assets(is("asset.HOSTNAME", "web*"))).isEqualTo(ids(a1));
    assertThat(assets(matches("asset.hostName", exact("WEB-01")))).isEqualTo(ids(a1));
    assertThat(assets(matches("asset.hostName", exact("Web-01")))).isEmpty();
    assertThat(assets(matches("asset.hostName", phrase("ptop")))).isEqualTo(ids(a3));
    assertThat(assets(is("asset.name", "db-01"))).isEqualTo(ids(a2));
    assertThat(assets(matches("asset.fqdn", phrase("corp.example")))).isEqualTo(ids(a1));
    assertThat(assets(is("asset.domain", "CORP"))).isEqualTo(ids(a1, a2));
    assertThat(assets(is("asset.type", "workstation"))).isEqualTo(ids(a3));
    assertThat(assets(is("asset.type", "Domain Controller"))).isEqualTo(ids(a4));
    assertThat(assets(matches("asset.os", phrase("windows server")))).isEqualTo(ids(a1, a4));
    assertThat(assets(is("asset.osVersion", "22.04"))).isEqualTo(ids(a2));
    assertThat(assets(matches("asset.serial", exact("VMW-1234")))).isEqualTo(ids(a1));
    assertThat(assets(is("asset.manufacturer", "dell*"))).isEqualTo(ids(a2));
    assertThat(assets(is("asset.cloudProvider", "aws"))).isEqualTo(ids(a1));
    assertThat(assets(is("asset.linkRule", "HOSTNAME_DOMAIN"))).isEqualTo(ids(a1, a3));
    assertThat(assets(is("asset.tags", "prod"))).isEqualTo(ids(a1, a4));
    assertThat(assets(oneOf("asset.tags", word("pci"), word("dmz")))).isEqualTo(ids(a2, a4));
  }

  @Test
  void shouldReadNumbersDatesAndStatesOfTheAsset() {
    assertThat(assets(cmp("asset.riskScore", Comparison.GE, "750"))).isEqualTo(ids(a1, a4));
    assertThat(assets(range("asset.riskScore", "400", "750", true))).isEqualTo(ids(a2, a4));
    assertThat(assets(range("asset.riskScore", "400", "750", false))).isEmpty();
    assertThat(assets(isNull("asset.riskScore"))).isEqualTo(ids(a3));
    assertThat(assets(is("asset.riskBand", "critical"))).isEqualTo(ids(a1));
    assertThat(assets(cmp("asset.criticality", Comparison.LT, "3"))).isEqualTo(ids(a2));
    assertThat(assets(is("asset.id", Long.toString(a2)))).isEqualTo(ids(a2));
    assertThat(assets(is("asset.state", "stale"))).isEqualTo(ids(a3));
    // The earliest of the asset's sources: a1 from 2025-01-10, a3 from 2025-12-31 23:00.
    assertThat(assets(cmp("asset.firstFound", Comparison.LT, "2025-02-01"))).isEqualTo(ids(a1));
    assertThat(assets(is("asset.firstFound", "2025-12-31"))).isEqualTo(ids(a3));
    assertThat(assets(cmp("asset.lastSeen", Comparison.GT, "now-3d"))).isEqualTo(ids(a1, a4));
    assertThat(assets(cmp("asset.lastSeen", Comparison.LE, "2026-02-27")))
        .isEqualTo(ids(a2, a3, a4));
    assertThat(assets(isNull("asset.lastSeen"))).isEmpty();
  }

  @Test
  void shouldMatchAddressesByCidrRangeAndAnyNotation() {
    assertThat(assets(is("asset.ip", "10.0.0.0/8"))).isEqualTo(ids(a1, a2));
    assertThat(assets(is("asset.ip", "10.0.0.5"))).isEqualTo(ids(a1));
    assertThat(assets(is("asset.ip", "2001:DB8::/32"))).isEqualTo(ids(a1));
    assertThat(assets(range("asset.ip", "172.16.0.0", "192.168.1.20", true)))
        .isEqualTo(ids(a3, a4));
    assertThat(assets(range("asset.ip", "172.16.0.1", "192.168.1.20", false))).isEmpty();
    assertThat(assets(cmp("asset.ip", Comparison.GT, "10.0.0.5"))).isEqualTo(ids(a1, a2, a3, a4));
    assertThat(assets(isNull("asset.ip"))).isEmpty();
    assertThat(assets(is("asset.mac", "00-1B-A9-00-00-01"))).isEqualTo(ids(a1));
    assertThat(assets(is("asset.mac", "001b.a900.0002"))).isEqualTo(ids(a2));
    assertThat(assets(is("asset.mac", "00:1b:a9*"))).isEqualTo(ids(a1, a2));
    assertThat(assets(isNull("asset.mac"))).isEqualTo(ids(a3));
  }

  @Test
  void shouldFollowTheAddressesASourceRecordIsRewrittenWith() {
    String update =
        "UPDATE source_asset SET ip_addresses = ?::text[] WHERE source_record_id = 'aid-2'";
    try {
      // Text that is no address is stored as it came and never matches; the write goes through.
      jdbc.update(update, "{10.9.9.9,not-an-address}");
      assertThat(sqlOnly(is("asset.ip", "10.9.0.0/16"))).isEqualTo(ids(a2));
      assertThat(sqlOnly(is("asset.ip", "10.1.2.3"))).isEmpty();
    } finally {
      jdbc.update(update, "{10.1.2.3}");
    }
    assertThat(sqlOnly(is("asset.ip", "10.1.2.3"))).isEqualTo(ids(a2));
  }

  private Set<Long> sqlOnly(Expr q) {
    SqlFilter filter = compiler.compile(QueryEntity.ASSETS, q);
    return new TreeSet<>(
        jdbc.query(
            "SELECT a.id FROM asset a WHERE " + filter.whereSql(),
            rs -> rs.getLong(1),
            filter.params().toArray()));
  }

  @Test
  void shouldMatchEveryInventoryTermOnTheSameSourceRecord() {
    assertThat(assets(nested("inventory", matches("source", phrase("Alpha Spotlight")))))
        .isEqualTo(ids(a1, a2, a3));
    assertThat(assets(nested("inventory", matches("source", phrase("beta networks")))))
        .isEqualTo(ids(a1, a3, a4));
    // a1 has an Alpha source (EU tenant) and a source from Lab, but no Alpha source from Lab.
    assertThat(
            assets(
                nested(
                    "inventory",
                    and(
                        matches("source", phrase("Alpha Spotlight")),
                        matches("connector", phrase("Lab"))))))
        .isEmpty();
    assertThat(
            assets(
                and(
                    matches("inventory.source", phrase("Alpha Spotlight")),
                    matches("inventory.connector", phrase("Lab")))))
        .as("flat terms may match different sources")
        .isEqualTo(ids(a1, a3));
    assertThat(assets(nested("inventory", is("connector", eu.toString())))).isEqualTo(ids(a1, a2));
    assertThat(assets(nested("inventory", matches("sourceRecordId", exact("ep-3")))))
        .isEqualTo(ids(a3));
    assertThat(assets(nested("inventory", cmp("lastUpdated", Comparison.GE, "2026-02-20"))))
        .isEqualTo(ids(a1));
    assertThat(assets(nested("inventory", and(is("hostName", "laptop-7"), notNull("lastSeen")))))
        .isEqualTo(ids(a3));
    assertThat(
            assets(nested("inventory", and(is("asset.hostName", "laptop-7"), isNull("lastSeen")))))
        .isEqualTo(ids(a3));
    assertThat(assets(not(nested("inventory", matches("source", phrase("Beta"))))))
        .isEqualTo(ids(a2));
    assertThat(assets(nested("inventory", matches("source", phrase("Gamma"))))).isEmpty();
  }

  @Test
  void shouldFilterFindingsByTheirOwnColumns() {
    assertThat(findings(is("finding.cveId", "cve-2024-3400"))).isEqualTo(ids(f1, f5));
    assertThat(findings(is("finding.cveId", "CVE-202*"))).isEqualTo(ids(f1, f2, f4, f5));
    assertThat(findings(isNull("finding.cveId"))).isEqualTo(ids(f3));
    assertThat(findings(matches("finding.name", phrase("heap")))).isEqualTo(ids(f2));
    assertThat(findings(cmp("finding.severity", Comparison.GE, "5"))).isEqualTo(ids(f1, f4, f5));
    assertThat(findings(range("finding.qds", "70", "99", true))).isEqualTo(ids(f2, f5));
    assertThat(findings(isNull("finding.qds"))).isEqualTo(ids(f4));
    assertThat(findings(oneOf("finding.qdsBand", word("critical"), word("HIGH"))))
        .isEqualTo(ids(f1, f2, f5));
    assertThat(findings(is("finding.state", "active"))).isEqualTo(ids(f2, f5));
    assertThat(findings(not(is("finding.state", "FIXED")))).isEqualTo(ids(f1, f2, f4, f5));
    assertThat(findings(cmp("finding.firstFound", Comparison.GT, "now-60d")))
        .isEqualTo(ids(f1, f5));
    assertThat(findings(is("finding.lastFound", "2026-02-28"))).isEqualTo(ids(f1, f2));
    assertThat(findings(notNull("finding.fixedOn"))).isEqualTo(ids(f3));
    assertThat(findings(is("finding.decision", "false_positive"))).isEqualTo(ids(f4));
    assertThat(findings(isNull("finding.decision"))).isEqualTo(ids(f1, f3, f5));
    assertThat(findings(is("finding.id", Long.toString(f3)))).isEqualTo(ids(f3));
  }

  @Test
  void shouldReadIntelligenceOfTheFindingsCve() {
    assertThat(findings(is("finding.isKev", "true"))).isEqualTo(ids(f1, f4, f5));
    assertThat(findings(is("finding.isKev", "FALSE"))).isEqualTo(ids(f2, f3));
    assertThat(findings(is("finding.ransomware", "true"))).isEqualTo(ids(f4));
    assertThat(findings(cmp("finding.epss", Comparison.GT, "0.94"))).isEqualTo(ids(f4));
    assertThat(findings(is("finding.epss", "0.94"))).isEqualTo(ids(f1, f5));
    assertThat(findings(isNull("finding.epss"))).isEqualTo(ids(f3));
    // NVD's score for the CVE, else the highest a detection gives (f3: 5.3; f4: none at all).
    assertThat(findings(cmp("finding.cvss", Comparison.GE, "9"))).isEqualTo(ids(f1, f5));
    assertThat(findings(range("finding.cvss", "5", "9", true))).isEqualTo(ids(f2, f3));
    assertThat(findings(isNull("finding.cvss"))).isEqualTo(ids(f4));
  }

  @Test
  void shouldMatchDetectionsOfTheFindingAsTheSeedsWriteThem() {
    assertThat(findings(matches("findings.vendorProductname", phrase("Beta XDR"))))
        .isEqualTo(ids(f1, f4, f5));
    assertThat(findings(matches("findings.vendorProductname", phrase("Alpha Endpoint Security"))))
        .isEqualTo(ids(f1, f2, f3));
    assertThat(findings(matches("finding.source", phrase("networks")))).isEqualTo(ids(f1, f4, f5));
    assertThat(findings(is("finding.sourceStatus", "CLOSED"))).isEqualTo(ids(f3));
    assertThat(findings(matches("finding.detectionMethod", phrase("scan")))).isEqualTo(ids(f1, f5));
    assertThat(findings(isNull("finding.detectionMethod"))).isEqualTo(ids(f4));
    // The same detection: f1's Beta detection is a network scan, its Alpha one an agent's.
    assertThat(
            findings(
                nested(
                    "detection",
                    and(
                        matches("vendorProductName", phrase("Alpha")),
                        matches("detectionMethod", phrase("scan"))))))
        .isEmpty();
    assertThat(
            findings(nested("detection", and(is("open", "false"), is("connector", "EU tenant")))))
        .isEqualTo(ids(f3));
    assertThat(findings(nested("detection", cmp("lastFound", Comparison.LT, "2026-01-21"))))
        .isEqualTo(ids(f3, f5));
    assertThat(findings(nested("detection", matches("source", phrase("Alpha")))))
        .isEqualTo(ids(f1, f2, f3));
  }

  @Test
  void shouldFilterFindingsByTheirAssetsTokens() {
    assertThat(findings(is("asset.hostName", "web-01"))).isEqualTo(ids(f1, f2));
    assertThat(findings(cmp("asset.riskScore", Comparison.GT, "800"))).isEqualTo(ids(f1, f2));
    assertThat(findings(isNull("asset.riskScore"))).isEqualTo(ids(f5));
    assertThat(findings(is("asset.ip", "192.168.0.0/16"))).isEqualTo(ids(f5));
    assertThat(findings(nested("inventory", matches("source", phrase("Alpha")))))
        .isEqualTo(ids(f1, f2, f3, f5));
    assertThat(findings(and(is("asset.state", "ACTIVE"), is("finding.state", "NEW"))))
        .isEqualTo(ids(f1));
  }

  @Test
  void shouldMatchHostileValuesOnlyLiterally() {
    List<String> hostile =
        List.of(
            "o'brien; DROP TABLE asset; --",
            "' OR '1'='1",
            "x'); DELETE FROM finding; --",
            "/* */ OR 1=1",
            "%",
            "_",
            "\\",
            "50%_off\\",
            "ｗｅｂ-01",
            "web\u200b-01",
            "Ω'; --",
            "$$; SELECT 1; $$");
    for (String v : hostile) {
      Set<Long> exactHits = assets(matches("asset.name", exact(v)));
      Set<Long> wordHits = assets(matches("asset.hostName", word(v)));
      Set<Long> phraseHits = assets(matches("asset.hostName", phrase(v)));
      assertThat(exactHits)
          .as(v)
          .isEqualTo(v.equals("o'brien; DROP TABLE asset; --") ? ids(a4) : ids());
      assertThat(wordHits).as(v).isEqualTo(v.equals("50%_off\\") ? ids(a4) : ids());
      boolean inA4 = "50%_off\\".contains(v);
      assertThat(phraseHits).as(v).isEqualTo(inA4 ? ids(a4) : ids());
    }
    // A wildcard word escapes the LIKE characters it did not mean.
    assertThat(assets(is("asset.hostName", "50%*"))).isEqualTo(ids(a4));
    assertThat(assets(is("asset.hostName", "5_%*"))).isEmpty();
    assertThat(jdbc.queryOne("SELECT count(*) FROM asset", rs -> rs.getLong(1))).contains(4L);
    assertThatThrownBy(() -> assets(is("asset.hostName", "web\u0000")))
        .isInstanceOf(QuerySyntaxException.class)
        .hasMessageContaining("NUL");
  }

  @Test
  void shouldPageByKeysetInTheSortOrderWithoutGapsOrRepeats() {
    for (String token :
        List.of("asset.riskScore", "asset.hostName", "asset.lastSeen", "asset.id")) {
      for (boolean desc : List.of(false, true)) {
        assertThat(keysetPages(QueryEntity.ASSETS, token, desc, 1))
            .as(token + (desc ? " desc" : " asc"))
            .isEqualTo(fullOrder(QueryEntity.ASSETS, token, desc));
      }
    }
    for (String token :
        List.of(
            "finding.qds", "finding.cveId", "finding.epss", "finding.cvss", "finding.fixedOn")) {
      for (boolean desc : List.of(false, true)) {
        assertThat(keysetPages(QueryEntity.FINDINGS, token, desc, 2))
            .as(token + (desc ? " desc" : " asc"))
            .isEqualTo(fullOrder(QueryEntity.FINDINGS, token, desc));
      }
    }
    // Missing values sort as the smallest: last when descending.
    assertThat(fullOrder(QueryEntity.ASSETS, "asset.riskScore", true))
        .isEqualTo(List.of(a1, a4, a2, a3));
  }

  private List<Long> fullOrder(QueryEntity entity, String token, boolean desc) {
    String table = entity == QueryEntity.ASSETS ? "asset a" : "finding f";
    return jdbc.query(
        "SELECT "
            + entity.alias()
            + ".id FROM "
            + table
            + " ORDER BY "
            + compiler.sortClause(entity, token, desc),
        rs -> rs.getLong(1));
  }

  private List<Long> keysetPages(QueryEntity entity, String token, boolean desc, int size) {
    SortKey key = compiler.sort(entity, token, desc);
    String table = entity == QueryEntity.ASSETS ? "asset a" : "finding f";
    List<Long> seen = new ArrayList<>();
    String cursor = null;
    for (int page = 0; page < 20; page++) {
      SqlFilter after = cursor == null ? SqlFilter.all() : compiler.after(entity, key, cursor);
      List<Object[]> rows =
          jdbc.query(
              "SELECT "
                  + entity.alias()
                  + ".id, "
                  + key.value()
                  + " FROM "
                  + table
                  + " WHERE "
                  + after.whereSql()
                  + " ORDER BY "
                  + key.orderBy()
                  + " LIMIT "
                  + size,
              rs -> new Object[] {rs.getLong(1), rs.getObject(2)},
              after.params().toArray());
      if (rows.isEmpty()) {
        return seen;
      }
      rows.forEach(r -> seen.add((Long) r[0]));
      Object[] last = rows.get(rows.size() - 1);
      cursor = key.cursor(last[1], (Long) last[0]);
    }
    return seen;
  }
}
