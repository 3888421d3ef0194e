package dev.sightline.platform.query;

import dev.sightline.platform.db.Jdbc;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The inventory as plain rows read back from the tables, for the in-memory evaluator. */
record Loaded(
    Map<UUID, Conn> connectors,
    List<Ast> assets,
    List<Src> sources,
    List<Fnd> findings,
    List<Det> detections,
    Map<String, Intel> intel) {

  record Conn(UUID id, String type, String name) {}

  record Ast(
      long id, Integer risk, String band, Integer criticality, Integer acs, Instant staleSince) {}

  record Src(
      long id,
      long assetId,
      UUID connectorId,
      String recordId,
      Map<String, String> text,
      List<String> ips,
      List<String> macs,
      List<String> tags,
      Instant firstFound,
      Instant lastSeen,
      Instant updatedAt) {}

  record Fnd(
      long id,
      long assetId,
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

  record Det(
      long id,
      long sourceId,
      UUID connectorId,
      String key,
      String status,
      String method,
      Instant lastFound,
      boolean open,
      BigDecimal cvss) {}

  record Intel(String cve, boolean kev, String ransomware, Double epss, BigDecimal cvss) {}

  static final List<String> SOURCE_TEXT =
      List.of(
          "asset_name",
          "host_name",
          "fqdn",
          "domain",
          "asset_type",
          "os_name",
          "os_version",
          "bios_serial",
          "bios_manufacturer",
          "cloud_provider",
          "link_rule");

  static Loaded from(Jdbc jdbc) {
    Map<UUID, Conn> connectors = new HashMap<>();
    jdbc.query(
        "SELECT id, type, name FROM connector",
        rs -> {
          UUID id = rs.getObject(1, UUID.class);
          return connectors.put(id, new Conn(id, rs.getString(2), rs.getString(3)));
        });
    List<Ast> assets =
        jdbc.query(
            "SELECT id, risk_score, risk_band, criticality, acs, stale_since FROM asset ORDER BY id",
            rs ->
                new Ast(
                    rs.getLong(1),
                    (Integer) rs.getObject(2, Integer.class),
                    rs.getString(3),
                    rs.getObject(4, Integer.class),
                    rs.getObject(5, Integer.class),
                    instant(rs, 6)));
    List<Src> sources =
        jdbc.query(
            "SELECT id, asset_id, connector_id, source_record_id, "
                + String.join(", ", SOURCE_TEXT)
                + ", ip_addresses, mac_addresses,"
                + " ARRAY(SELECT t->>'tag' FROM jsonb_array_elements(tags) t),"
                + " first_found, last_seen, updated_at FROM source_asset ORDER BY id",
            rs -> {
              Map<String, String> text = new HashMap<>();
              for (String c : SOURCE_TEXT) {
                text.put(c, rs.getString(c));
              }
              int n = 5 + SOURCE_TEXT.size();
              return new Src(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getObject(3, UUID.class),
                  rs.getString(4),
                  text,
                  strings(rs.getArray(n)),
                  strings(rs.getArray(n + 1)),
                  strings(rs.getArray(n + 2)),
                  instant(rs, n + 3),
                  instant(rs, n + 4),
                  instant(rs, n + 5));
            });
    List<Fnd> findings =
        jdbc.query(
            "SELECT id, asset_id, finding_key, cve_id, finding_name, severity, qds, qds_band, state,"
                + " first_found, last_found, fixed_on, decision FROM finding ORDER BY id",
            rs ->
                new Fnd(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getInt(6),
                    rs.getObject(7, Integer.class),
                    rs.getString(8),
                    rs.getString(9),
                    instant(rs, 10),
                    instant(rs, 11),
                    instant(rs, 12),
                    rs.getString(13)));
    List<Det> detections =
        jdbc.query(
            "SELECT id, source_asset_id, connector_id, finding_key, finding_status,"
                + " detection_method, last_found_on, open, cvss_v3_base FROM detection ORDER BY id",
            rs ->
                new Det(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getObject(3, UUID.class),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    instant(rs, 7),
                    rs.getBoolean(8),
                    rs.getBigDecimal(9)));
    Map<String, Intel> intel = new HashMap<>();
    jdbc.query(
        "SELECT cve_id, in_kev, kev_ransomware, epss_score, cvss_v3_base FROM cve_intel",
        rs ->
            intel.put(
                rs.getString(1),
                new Intel(
                    rs.getString(1),
                    rs.getBoolean(2),
                    rs.getString(3),
                    rs.getObject(4, Double.class),
                    rs.getBigDecimal(5))));
    return new Loaded(connectors, assets, sources, findings, detections, intel);
  }

  private static Instant instant(ResultSet rs, int i) throws SQLException {
    Timestamp t = rs.getTimestamp(i);
    return t == null ? null : t.toInstant();
  }

  private static List<String> strings(Array a) throws SQLException {
    return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
  }
}
