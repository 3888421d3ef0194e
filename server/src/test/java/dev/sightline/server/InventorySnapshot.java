package dev.sightline.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one connector's sync left in a database, keyed by natural keys rather than ids, so two
 * databases synced from the same tenant compare row by row: an asset by the vendor record ids of
 * its sources, a finding by its asset's key and its finding key, a detection by the vendor's
 * finding id. Also counts rows that break a natural key (duplicates) and assets without a source.
 */
record InventorySnapshot(
    Map<String, String> assets,
    Map<String, String> findings,
    Map<String, String> detections,
    long duplicateSources,
    long duplicateDetections,
    long duplicateFindings,
    long assetsWithoutSource) {

  /** An asset's key: the sorted vendor ids of its source records. */
  private static final String ASSET_KEYS =
      "SELECT a.id, a.risk_score, a.risk_band,"
          + " coalesce(string_agg(s.source_record_id, ',' ORDER BY s.source_record_id), '')"
          + " AS source_ids"
          + " FROM asset a LEFT JOIN source_asset s ON s.asset_id = a.id GROUP BY a.id";

  static InventorySnapshot read(String jdbcUrl) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
      Map<String, String> assets = new TreeMap<>();
      long withoutSource = 0;
      for (List<String> row : rows(c, ASSET_KEYS, 4)) {
        if (row.get(3).isEmpty()) {
          withoutSource++;
          continue;
        }
        assets.put(row.get(3), "risk " + row.get(1) + " " + row.get(2));
      }
      Map<String, String> findings = new TreeMap<>();
      for (List<String> row :
          rows(
              c,
              "WITH k AS ("
                  + ASSET_KEYS
                  + ")"
                  + " SELECT k.source_ids, f.finding_key, f.state, f.qds, f.qds_band"
                  + " FROM finding f JOIN k ON k.id = f.asset_id",
              5)) {
        findings.put(
            row.get(0) + " | " + row.get(1),
            "state " + row.get(2) + ", qds " + row.get(3) + " " + row.get(4));
      }
      Map<String, String> detections = new TreeMap<>();
      for (List<String> row :
          rows(
              c,
              "SELECT d.external_finding_id, d.finding_key, d.open, s.source_record_id"
                  + " FROM detection d LEFT JOIN source_asset s ON s.id = d.source_asset_id",
              4)) {
        detections.put(
            row.get(0),
            row.get(1) + " on " + row.get(3) + (row.get(2).equals("t") ? "" : " closed"));
      }
      return new InventorySnapshot(
          assets,
          findings,
          detections,
          count(
              c,
              "SELECT count(*) FROM (SELECT 1 FROM source_asset"
                  + " GROUP BY connector_id, source_record_id HAVING count(*) > 1) x"),
          count(
              c,
              "SELECT count(*) FROM (SELECT 1 FROM detection"
                  + " GROUP BY connector_id, external_finding_id HAVING count(*) > 1) x"),
          count(
              c,
              "SELECT count(*) FROM (SELECT 1 FROM finding"
                  + " GROUP BY asset_id, finding_key HAVING count(*) > 1) x"),
          withoutSource);
    }
  }

  /** Where this snapshot differs from the expected one, the first {@code limit} keys of each. */
  List<String> differencesFrom(InventorySnapshot expected, int limit) {
    List<String> out = new ArrayList<>();
    diff("asset", expected.assets, assets, limit, out);
    diff("finding", expected.findings, findings, limit, out);
    diff("detection", expected.detections, detections, limit, out);
    return out;
  }

  private static void diff(
      String what,
      Map<String, String> expected,
      Map<String, String> actual,
      int limit,
      List<String> out) {
    TreeSet<String> keys = new TreeSet<>(expected.keySet());
    keys.addAll(actual.keySet());
    int shown = 0;
    int differing = 0;
    for (String key : keys) {
      String want = expected.get(key);
      String got = actual.get(key);
      if (!Objects.equals(want, got)) {
        differing++;
        if (shown++ < limit) {
          out.add(what + " [" + key + "]: expected " + want + ", was " + got);
        }
      }
    }
    if (differing > limit) {
      out.add("… and " + (differing - limit) + " more " + what + " difference(s)");
    }
  }

  private static List<List<String>> rows(Connection c, String sql, int columns)
      throws SQLException {
    List<List<String>> out = new ArrayList<>();
    try (var s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        List<String> row = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
          row.add(String.valueOf(rs.getString(i)));
        }
        out.add(row);
      }
    }
    return out;
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (var s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
