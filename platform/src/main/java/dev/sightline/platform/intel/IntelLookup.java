package dev.sightline.platform.intel;

import dev.sightline.platform.db.Jdbc;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/** Reads the imported intelligence: per CVE for enrichment, and the recorded loads. Thread-safe. */
public final class IntelLookup {
  /** Keeps each query's array parameter and result set modest for callers passing a whole run. */
  private static final int CHUNK = 5000;

  private static final String COLUMNS =
      "cve_id, in_kev, kev_date_added, kev_due_date,"
          + " kev_ransomware, kev_load_id, epss_score, epss_percentile, epss_date, epss_load_id,"
          + " cvss_v3_base, cvss_v3_vector, cvss_v2_base, nvd_published, nvd_load_id, updated_at";

  private final Jdbc jdbc;

  public IntelLookup(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /**
   * The intelligence for each given CVE that has any. Ids match case-insensitively and ignoring
   * surrounding blanks; the map is keyed by the ids exactly as passed, so {@code
   * result.get(finding.cveId())} works whatever spelling the source used. CVEs without intelligence
   * are absent.
   */
  public Map<String, CveIntel> forCves(Collection<String> cveIds) {
    Map<String, List<String>> asPassed = new HashMap<>();
    for (String id : cveIds) {
      if (id != null && !id.isBlank()) {
        asPassed
            .computeIfAbsent(id.trim().toUpperCase(Locale.ROOT), k -> new ArrayList<>())
            .add(id);
      }
    }
    Map<String, CveIntel> result = new HashMap<>();
    List<String> canonical = new ArrayList<>(new LinkedHashSet<>(asPassed.keySet()));
    for (int from = 0; from < canonical.size(); from += CHUNK) {
      String[] chunk =
          canonical.subList(from, Math.min(canonical.size(), from + CHUNK)).toArray(String[]::new);
      for (CveIntel intel :
          jdbc.query(
              "SELECT " + COLUMNS + " FROM cve_intel" + " WHERE cve_id = ANY (?)",
              IntelLookup::intel,
              (Object) chunk)) {
        for (String passed : asPassed.get(intel.cveId())) {
          result.put(passed, intel);
        }
      }
    }
    return result;
  }

  /** The most recent loads, newest first (for a status page or {@code intel} listings). */
  public List<IntelLoad> recentLoads(int limit) {
    return jdbc.query(
        "SELECT id, source, file_name, sha256, version, source_date, loaded_at,"
            + " records, inserted, updated, unchanged, removed FROM intel_load"
            + " ORDER BY loaded_at DESC, id DESC LIMIT ?",
        rs ->
            new IntelLoad(
                rs.getLong(1),
                IntelSource.valueOf(rs.getString(2)),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                instant(rs, 6),
                instant(rs, 7),
                rs.getLong(8),
                rs.getLong(9),
                rs.getLong(10),
                rs.getLong(11),
                rs.getLong(12)),
        limit);
  }

  /** The newest load of each source that has one. */
  public List<IntelLoad> latestLoads() {
    return List.copyOf(
        jdbc.query(
            "SELECT DISTINCT ON (source) id, source, file_name,"
                + " sha256, version, source_date, loaded_at, records, inserted, updated, unchanged, removed"
                + " FROM intel_load ORDER BY source, loaded_at DESC, id DESC",
            rs ->
                new IntelLoad(
                    rs.getLong(1),
                    IntelSource.valueOf(rs.getString(2)),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    instant(rs, 6),
                    instant(rs, 7),
                    rs.getLong(8),
                    rs.getLong(9),
                    rs.getLong(10),
                    rs.getLong(11),
                    rs.getLong(12))));
  }

  private static CveIntel intel(ResultSet rs) throws SQLException {
    return new CveIntel(
        rs.getString("cve_id"),
        rs.getBoolean("in_kev"),
        rs.getObject("kev_date_added", LocalDate.class),
        rs.getObject("kev_due_date", LocalDate.class),
        "known".equals(rs.getString("kev_ransomware")),
        longOrNull(rs, "kev_load_id"),
        doubleOrNull(rs, "epss_score"),
        doubleOrNull(rs, "epss_percentile"),
        rs.getObject("epss_date", LocalDate.class),
        longOrNull(rs, "epss_load_id"),
        decimal(rs, "cvss_v3_base"),
        rs.getString("cvss_v3_vector"),
        decimal(rs, "cvss_v2_base"),
        instant(rs, "nvd_published"),
        longOrNull(rs, "nvd_load_id"),
        instant(rs, "updated_at"));
  }

  private static Long longOrNull(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  private static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }

  private static Double decimal(ResultSet rs, String column) throws SQLException {
    BigDecimal value = rs.getBigDecimal(column);
    return value == null ? null : value.doubleValue();
  }

  private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static java.time.Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
