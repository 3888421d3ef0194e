package dev.sightline.platform.query;

import static dev.sightline.platform.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.db.PostgresExtension;
import dev.sightline.query.Comparison;
import dev.sightline.query.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The common tokens are served by an index: on 30,000 assets and 50,000 findings (ANALYZE'd), the
 * plan of each common query reads the index chosen for its token.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPlansIT {
  private static final Pattern INDEX = Pattern.compile("\"Index Name\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern SEQ_SCAN =
      Pattern.compile(
          "\"Node Type\"\\s*:\\s*\"Seq Scan\"[^}]*?\"Relation Name\"\\s*:\\s*\"(\\w+)\"");

  private final Jdbc jdbc;
  private final QueryCompiler compiler = new QueryCompiler(QueryIT.LABELS, QueryIT.CLOCK);

  QueryPlansIT(DataSource ds) {
    this.jdbc = new Jdbc(ds);
  }

  @BeforeAll
  void manyRows() {
    Rows rows = new Rows(jdbc);
    UUID alpha = rows.connector("alpha", "EU tenant");
    UUID beta = rows.connector("beta", "Lab");
    jdbc.update(
        "INSERT INTO asset (created_at, updated_at, risk_score, risk_band)"
            + " SELECT now(), now(), (i * 37) % 1001, 'LOW' FROM generate_series(1, 30000) i");
    // One source per asset; one in a hundred is the small source's.
    jdbc.update(
        "INSERT INTO source_asset (asset_id, connector_id, source_record_id, external_asset_id,"
            + " host_name, ip_addresses, attributes, content_hash, created_at, updated_at)"
            + " SELECT a.id, CASE WHEN a.id % 100 = 0 THEN ?::uuid ELSE ?::uuid END, 'r' || a.id,"
            + " 'r' || a.id, 'web-' || lpad(a.id::text, 5, '0'),"
            + " ARRAY['10.' || (a.id / 65536) % 256 || '.' || (a.id / 256) % 256 || '.' || a.id % 256],"
            + " '{}', 'h', now(), now() FROM asset a",
        beta, alpha);
    jdbc.update(
        "INSERT INTO finding (asset_id, finding_key, cve_id, finding_name, severity, qds, state,"
            + " created_at, updated_at)"
            + " SELECT (i % 30000) + 1, 'CVE-2024-' || i, 'CVE-2024-' || i, 'f' || i, 3, i % 100 + 1,"
            + " CASE WHEN i % 200 = 0 THEN 'REOPENED' ELSE (ARRAY['NEW', 'ACTIVE', 'FIXED'])[i % 3 + 1] END,"
            + " now(), now() FROM generate_series(1, 50000) i");
    jdbc.update(
        "INSERT INTO detection (connector_id, external_finding_id, source_asset_id, finding_name,"
            + " finding_severity, vendor_product_name, attributes, content_hash, created_at,"
            + " updated_at, finding_key)"
            + " SELECT s.connector_id, f.finding_key, s.id, f.finding_name, 3, 'p', '{}', 'h', now(),"
            + " now(), f.finding_key FROM finding f JOIN source_asset s ON s.asset_id = f.asset_id");
    // Intelligence for twice as many CVEs as the findings name, one in fifty of them in KEV.
    jdbc.update(
        "INSERT INTO cve_intel (cve_id, in_kev, epss_score, updated_at)"
            + " SELECT 'CVE-2024-' || i, i % 50 = 0, (i % 1000) / 1000.0, now()"
            + " FROM generate_series(1, 100000) i");
    jdbc.update("ANALYZE");
  }

  private List<String> indexes(QueryEntity entity, Expr q, String orderBy) {
    SqlFilter f = compiler.compile(entity, q);
    String table = entity == QueryEntity.ASSETS ? "asset a" : "finding f";
    String sql =
        "EXPLAIN (FORMAT JSON) SELECT "
            + entity.alias()
            + ".id FROM "
            + table
            + " WHERE "
            + f.whereSql()
            + (orderBy == null ? "" : " ORDER BY " + orderBy)
            + " LIMIT 50";
    String plan = String.join("\n", jdbc.query(sql, rs -> rs.getString(1), f.params().toArray()));
    List<String> names = new ArrayList<>();
    Matcher m = INDEX.matcher(plan);
    while (m.find()) {
      names.add(m.group(1));
    }
    Matcher seq = SEQ_SCAN.matcher(plan);
    while (seq.find()) {
      names.add("Seq Scan on " + seq.group(1));
    }
    return names;
  }

  @Test
  void shouldFindAHostNameThroughItsLowerCaseIndex() {
    assertThat(indexes(QueryEntity.ASSETS, is("asset.hostName", "WEB-00042"), null))
        .contains("source_asset_host_name_lower")
        .noneMatch(name -> name.startsWith("Seq Scan"));
    assertThat(indexes(QueryEntity.ASSETS, is("asset.hostName", "web-0004*"), null))
        .contains("source_asset_host_name_lower")
        .noneMatch(name -> name.startsWith("Seq Scan"));
  }

  @Test
  void shouldFindACidrBlockThroughTheAddressIndex() {
    assertThat(indexes(QueryEntity.ASSETS, is("asset.ip", "10.0.5.0/24"), null))
        .contains("source_asset_ip_ip")
        .noneMatch(name -> name.startsWith("Seq Scan"));
  }

  @Test
  void shouldSortByRiskThroughItsIndex() {
    String order = compiler.sortClause(QueryEntity.ASSETS, "asset.riskScore", true);
    assertThat(indexes(QueryEntity.ASSETS, new Expr.All(), order)).contains("asset_risk");
  }

  @Test
  void shouldProbeAnInventorySourceThroughIndexesNotAScanOfSources() {
    // The source is a connector type, found through a subquery on connector: the planner cannot
    // see how few records it has, so it probes each asset's sources through their index rather
    // than starting from the connector (resolving connector ids per query would let it).
    assertThat(
            indexes(
                QueryEntity.ASSETS,
                nested("inventory", matches("source", phrase("Beta Networks"))),
                null))
        .contains("source_asset_asset")
        .doesNotContain("Seq Scan on source_asset");
  }

  @Test
  void shouldFindFindingsByCveStateAndProductThroughIndexes() {
    assertThat(indexes(QueryEntity.FINDINGS, is("finding.cveId", "cve-2024-42"), null))
        .contains("finding_cve_lower")
        .noneMatch(name -> name.startsWith("Seq Scan"));
    assertThat(indexes(QueryEntity.FINDINGS, is("finding.state", "REOPENED"), null))
        .contains("finding_state")
        .noneMatch(name -> name.startsWith("Seq Scan"));
    assertThat(
            indexes(
                QueryEntity.FINDINGS,
                matches("findings.vendorProductname", phrase("Beta XDR")),
                null))
        .contains("detection_source_asset")
        .doesNotContain("Seq Scan on detection");
  }

  @Test
  void shouldMatchIntelligenceByHashingTheMatchingCvesOnceNotByAProbePerFinding() {
    String plan =
        explain(
            QueryEntity.FINDINGS,
            or(is("finding.isKev", "true"), cmp("finding.epss", Comparison.GT, "0.5")));
    assertThat(plan).contains("hashed SubPlan").doesNotContain("cve_intel_pkey");
    assertThat(explain(QueryEntity.FINDINGS, not(is("finding.ransomware", "true"))))
        .contains("hashed SubPlan")
        .doesNotContain("cve_intel_pkey");
  }

  private String explain(QueryEntity entity, Expr q) {
    SqlFilter f = compiler.compile(entity, q);
    String sql = "EXPLAIN (FORMAT JSON) SELECT f.id FROM finding f WHERE " + f.whereSql();
    return String.join("\n", jdbc.query(sql, rs -> rs.getString(1), f.params().toArray()));
  }

  @Test
  void shouldSortByQdsThroughItsIndex() {
    String desc = compiler.sortClause(QueryEntity.FINDINGS, "finding.qds", true);
    assertThat(indexes(QueryEntity.FINDINGS, new Expr.All(), desc)).contains("finding_qds_id");
    String asc = compiler.sortClause(QueryEntity.FINDINGS, "finding.qds", false);
    assertThat(indexes(QueryEntity.FINDINGS, is("finding.state", "ACTIVE"), asc))
        .contains("finding_qds_id");
  }

  @Test
  void shouldReadADeepKeysetPageAsARangeOfItsIndexNotBySkippingEveryEarlierRow() {
    SortKey byId = compiler.sort(QueryEntity.FINDINGS, "finding.id", false);
    String idPlan =
        plan(compiler.after(QueryEntity.FINDINGS, byId, byId.cursor(40_000L, 40_000L)), byId);
    assertThat(idPlan)
        .contains("\"Index Cond\": \"(id > ")
        .doesNotContain("\"Node Type\": \"Sort\"");

    SortKey byQds = compiler.sort(QueryEntity.FINDINGS, "finding.qds", true);
    String qdsPlan =
        plan(compiler.after(QueryEntity.FINDINGS, byQds, byQds.cursor(20, 123L)), byQds);
    assertThat(qdsPlan).contains("finding_qds_id").doesNotContain("\"Node Type\": \"Sort\"");
  }

  private String plan(SqlFilter after, SortKey key) {
    String sql =
        "EXPLAIN (FORMAT JSON) SELECT f.id FROM finding f WHERE "
            + after.whereSql()
            + " ORDER BY "
            + key.orderBy()
            + " LIMIT 50";
    return String.join("\n", jdbc.query(sql, rs -> rs.getString(1), after.params().toArray()));
  }
}
