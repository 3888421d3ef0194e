package dev.sightline.platform.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.platform.db.Jdbc;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes inventory rows straight into the tables, as the platform's writers leave them. */
final class Rows {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private final Jdbc jdbc;

  Rows(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  UUID connector(String type, String name) {
    UUID id = UUID.randomUUID();
    jdbc.update(
        "INSERT INTO connector (id, type, name, settings, secrets, data_scope, state, created_at,"
            + " updated_at) VALUES (?, ?, ?, '{}'::jsonb, '\\x00'::bytea, 'ASSETS_AND_FINDINGS',"
            + " 'REGISTERED', ?, ?)",
        id,
        type,
        name,
        T0,
        T0);
    return id;
  }

  long asset(Integer risk, String band, Integer criticality, Integer acs, Instant staleSince) {
    return jdbc.queryOne(
            "INSERT INTO asset (created_at, updated_at, risk_score, risk_band, criticality, acs,"
                + " stale_since) VALUES (?, ?, ?::smallint, ?, ?::smallint, ?::smallint, ?)"
                + " RETURNING id",
            rs -> rs.getLong(1),
            T0,
            T0,
            risk,
            band,
            criticality,
            acs,
            staleSince)
        .orElseThrow();
  }

  /** A source record: {@code columns} by column name; ip/mac/tag lists apart. */
  long source(
      long asset,
      UUID connector,
      String recordId,
      Map<String, Object> columns,
      List<String> ips,
      List<String> macs,
      List<String> tags) {
    Map<String, Object> c = new LinkedHashMap<>(columns);
    c.put("asset_id", asset);
    c.put("connector_id", connector);
    c.put("source_record_id", recordId);
    c.put("external_asset_id", recordId);
    c.putIfAbsent("created_at", T0);
    c.putIfAbsent("updated_at", T0);
    List<String> names = new ArrayList<>(c.keySet());
    List<Object> values = new ArrayList<>(c.values());
    StringBuilder marks = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      marks.append("?, ");
    }
    values.add(ips.toArray(String[]::new));
    values.add(macs.toArray(String[]::new));
    values.add(tagsJson(tags));
    return jdbc.queryOne(
            "INSERT INTO source_asset ("
                + String.join(", ", names)
                + ", ip_addresses, mac_addresses, tags, attributes, content_hash) VALUES ("
                + marks
                + "?, ?, ?::jsonb, '{}'::jsonb, 'h') RETURNING id",
            rs -> rs.getLong(1),
            values.toArray())
        .orElseThrow();
  }

  private static String tagsJson(List<String> tags) {
    List<Map<String, String>> out = new ArrayList<>();
    for (String t : tags) {
      out.add(Map.of("tag", t, "kind", "team"));
    }
    try {
      return JSON.writeValueAsString(out);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  record F(
      long asset,
      String key,
      String cve,
      String name,
      int severity,
      Integer qds,
      String band,
      String state,
      Instant first,
      Instant last,
      Instant fixed,
      String decision) {}

  long finding(F f) {
    return jdbc.queryOne(
            "INSERT INTO finding (asset_id, finding_key, cve_id, finding_name, severity, qds,"
                + " qds_band, state, first_found, last_found, fixed_on, decision, created_at,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, ?::smallint, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " RETURNING id",
            rs -> rs.getLong(1),
            f.asset(),
            f.key(),
            f.cve(),
            f.name(),
            f.severity(),
            f.qds(),
            f.band(),
            f.state(),
            f.first(),
            f.last(),
            f.fixed(),
            f.decision(),
            T0,
            T0)
        .orElseThrow();
  }

  long detection(
      long source,
      UUID connector,
      String key,
      String status,
      String method,
      Instant lastFound,
      boolean open,
      BigDecimal cvss,
      String product) {
    return jdbc.queryOne(
            "INSERT INTO detection (connector_id, external_finding_id, source_asset_id,"
                + " finding_name, finding_severity, finding_status, detection_method,"
                + " last_found_on, open, cvss_v3_base, vendor_product_name, attributes,"
                + " content_hash, created_at, updated_at, finding_key)"
                + " VALUES (?, ?, ?, 'n', 3, ?, ?, ?, ?, ?, ?, '{}'::jsonb, 'h', ?, ?, ?)"
                + " RETURNING id",
            rs -> rs.getLong(1),
            connector,
            UUID.randomUUID().toString(),
            source,
            status,
            method,
            lastFound,
            open,
            cvss,
            product,
            T0,
            T0,
            key)
        .orElseThrow();
  }

  void intel(String cve, boolean kev, String ransomware, Double epss, BigDecimal cvss) {
    jdbc.update(
        "INSERT INTO cve_intel (cve_id, in_kev, kev_ransomware, epss_score, cvss_v3_base,"
            + " updated_at) VALUES (?, ?, ?, ?, ?, ?)",
        cve,
        kev,
        ransomware,
        epss,
        cvss,
        T0);
  }
}
