package dev.sightline.platform.intel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Upserts one source's columns of {@code cve_intel} in batches: one statement per batch, values
 * passed as arrays ({@code unnest}), so a 250,000-row EPSS file is 250 round trips, not 250,000.
 * Each statement also counts which rows it inserted and which it changed, by comparing the rows as
 * they were (a CTE sees the snapshot before the insert) with the rows as written.
 */
final class CveIntelWriter {
  static final int BATCH = 1000;

  private final Connection connection;
  private final Statement statement;
  private final Object[] extraParams;
  private final int columns;
  private final Map<String, String[]> pending = new LinkedHashMap<>();
  private long inserted;
  private long updated;

  /** The SQL of one source: {@code ?::text[]} per column, then the extra parameters. */
  enum Statement {
    KEV(
        4,
        """
        WITH incoming AS (
          SELECT i.cve_id, i.date_added::date AS date_added, i.due_date::date AS due_date,
                 i.ransomware
          FROM unnest(?::text[], ?::text[], ?::text[], ?::text[])
               AS i(cve_id, date_added, due_date, ransomware)
        ), before AS (
          SELECT c.cve_id, c.in_kev, c.kev_date_added, c.kev_due_date, c.kev_ransomware
          FROM cve_intel c JOIN incoming USING (cve_id)
        ), written AS (
          INSERT INTO cve_intel AS c (cve_id, in_kev, kev_date_added, kev_due_date,
                                      kev_ransomware, kev_load_id, updated_at)
          SELECT cve_id, true, date_added, due_date, ransomware, ?::bigint, ?::timestamptz
          FROM incoming
          ON CONFLICT (cve_id) DO UPDATE SET
            in_kev = true,
            kev_date_added = excluded.kev_date_added,
            kev_due_date = excluded.kev_due_date,
            kev_ransomware = excluded.kev_ransomware,
            kev_load_id = excluded.kev_load_id,
            updated_at = CASE WHEN (c.in_kev, c.kev_date_added, c.kev_due_date, c.kev_ransomware)
                IS DISTINCT FROM (true, excluded.kev_date_added, excluded.kev_due_date,
                                  excluded.kev_ransomware)
                THEN excluded.updated_at ELSE c.updated_at END
          RETURNING c.cve_id, c.in_kev, c.kev_date_added, c.kev_due_date, c.kev_ransomware
        )
        SELECT count(*) FILTER (WHERE b.cve_id IS NULL),
               count(*) FILTER (WHERE b.cve_id IS NOT NULL
                 AND (b.in_kev, b.kev_date_added, b.kev_due_date, b.kev_ransomware)
                 IS DISTINCT FROM (w.in_kev, w.kev_date_added, w.kev_due_date, w.kev_ransomware))
        FROM written w LEFT JOIN before b USING (cve_id)
        """),
    // An older score_date never overwrites a newer one; an undated slice only fills undated rows.
    // The slice's CVSS3 column only fills a gap: NVD stays the authority for CVSS.
    EPSS(
        4,
        """
        WITH incoming AS (
          SELECT i.cve_id, i.score::float8 AS score, i.pct::float8 AS pct,
                 i.cvss::numeric(3, 1) AS cvss
          FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS i(cve_id, score, pct, cvss)
        ), before AS (
          SELECT c.cve_id, c.epss_score, c.epss_percentile, c.epss_date, c.cvss_v3_base
          FROM cve_intel c JOIN incoming USING (cve_id)
        ), written AS (
          INSERT INTO cve_intel AS c (cve_id, epss_score, epss_percentile, epss_date,
                                      cvss_v3_base, epss_load_id, updated_at)
          SELECT cve_id, score, pct, ?::date, cvss, ?::bigint, ?::timestamptz FROM incoming
          ON CONFLICT (cve_id) DO UPDATE SET
            epss_score = excluded.epss_score,
            epss_percentile = excluded.epss_percentile,
            epss_date = excluded.epss_date,
            cvss_v3_base = COALESCE(c.cvss_v3_base, excluded.cvss_v3_base),
            epss_load_id = excluded.epss_load_id,
            updated_at = CASE WHEN (c.epss_score, c.epss_percentile, c.epss_date, c.cvss_v3_base)
                IS DISTINCT FROM (excluded.epss_score, excluded.epss_percentile, excluded.epss_date,
                                  COALESCE(c.cvss_v3_base, excluded.cvss_v3_base))
                THEN excluded.updated_at ELSE c.updated_at END
          WHERE c.epss_date IS NULL OR excluded.epss_date >= c.epss_date
          RETURNING c.cve_id, c.epss_score, c.epss_percentile, c.epss_date, c.cvss_v3_base
        )
        SELECT count(*) FILTER (WHERE b.cve_id IS NULL),
               count(*) FILTER (WHERE b.cve_id IS NOT NULL
                 AND (b.epss_score, b.epss_percentile, b.epss_date, b.cvss_v3_base)
                 IS DISTINCT FROM (w.epss_score, w.epss_percentile, w.epss_date, w.cvss_v3_base))
        FROM written w LEFT JOIN before b USING (cve_id)
        """),
    // An older NVD record (by lastModified) never overwrites a newer one.
    NVD(
        6,
        """
        WITH incoming AS (
          SELECT i.cve_id, i.published::timestamptz AS published,
                 i.modified::timestamptz AS modified, i.v3::numeric(3, 1) AS v3, i.vector,
                 i.v2::numeric(3, 1) AS v2
          FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
               AS i(cve_id, published, modified, v3, vector, v2)
        ), before AS (
          SELECT c.cve_id, c.cvss_v3_base, c.cvss_v3_vector, c.cvss_v2_base, c.nvd_published
          FROM cve_intel c JOIN incoming USING (cve_id)
        ), written AS (
          INSERT INTO cve_intel AS c (cve_id, nvd_published, nvd_last_modified, cvss_v3_base,
                                      cvss_v3_vector, cvss_v2_base, nvd_load_id, updated_at)
          SELECT cve_id, published, modified, v3, vector, v2, ?::bigint, ?::timestamptz
          FROM incoming
          ON CONFLICT (cve_id) DO UPDATE SET
            nvd_published = excluded.nvd_published,
            nvd_last_modified = excluded.nvd_last_modified,
            cvss_v3_base = excluded.cvss_v3_base,
            cvss_v3_vector = excluded.cvss_v3_vector,
            cvss_v2_base = excluded.cvss_v2_base,
            nvd_load_id = excluded.nvd_load_id,
            updated_at = CASE WHEN (c.cvss_v3_base, c.cvss_v3_vector, c.cvss_v2_base,
                                    c.nvd_published)
                IS DISTINCT FROM (excluded.cvss_v3_base, excluded.cvss_v3_vector,
                                  excluded.cvss_v2_base, excluded.nvd_published)
                THEN excluded.updated_at ELSE c.updated_at END
          WHERE c.nvd_last_modified IS NULL OR excluded.nvd_last_modified >= c.nvd_last_modified
          RETURNING c.cve_id, c.cvss_v3_base, c.cvss_v3_vector, c.cvss_v2_base, c.nvd_published
        )
        SELECT count(*) FILTER (WHERE b.cve_id IS NULL),
               count(*) FILTER (WHERE b.cve_id IS NOT NULL
                 AND (b.cvss_v3_base, b.cvss_v3_vector, b.cvss_v2_base, b.nvd_published)
                 IS DISTINCT FROM (w.cvss_v3_base, w.cvss_v3_vector, w.cvss_v2_base,
                                   w.nvd_published))
        FROM written w LEFT JOIN before b USING (cve_id)
        """);

    private final int columns;
    private final String sql;

    Statement(int columns, String sql) {
      this.columns = columns;
      this.sql = sql;
    }
  }

  /**
   * @param extraParams the parameters after the arrays, in SQL order: for EPSS the score date (text
   *     or null), then the load id and the change time; for KEV and NVD the last two only
   */
  CveIntelWriter(Connection connection, Statement statement, Object... extraParams) {
    this.connection = connection;
    this.statement = statement;
    this.columns = statement.columns;
    this.extraParams = extraParams.clone();
  }

  static Object timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** Queues one row (the CVE id first); a CVE repeated within a batch keeps its last values. */
  void add(String... values) throws SQLException {
    if (values.length != columns) {
      throw new IllegalArgumentException(statement + " takes " + columns + " values");
    }
    pending.put(values[0], values);
    if (pending.size() >= BATCH) {
      flush();
    }
  }

  void flush() throws SQLException {
    if (pending.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = connection.prepareStatement(statement.sql)) {
      int index = 1;
      for (int column = 0; column < columns; column++) {
        String[] values = new String[pending.size()];
        int row = 0;
        for (String[] pendingRow : pending.values()) {
          values[row++] = pendingRow[column];
        }
        ps.setArray(index++, connection.createArrayOf("text", values));
      }
      for (Object extra : extraParams) {
        if (extra == null) {
          ps.setNull(index++, Types.NULL);
        } else {
          ps.setObject(index++, extra);
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        inserted += rs.getLong(1);
        updated += rs.getLong(2);
      }
    }
    pending.clear();
  }

  long inserted() {
    return inserted;
  }

  long updated() {
    return updated;
  }
}
