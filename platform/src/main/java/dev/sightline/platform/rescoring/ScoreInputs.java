package dev.sightline.platform.rescoring;

import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.db.LeadingDetection;
import dev.sightline.platform.scoring.FindingEvidence;
import dev.sightline.platform.scoring.VendorRiskRating;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads what scoring needs for a set of assets, in three statements however many assets: each
 * asset's type and criticality, and each finding with the evidence of all its detections and the
 * CVE intelligence known for it. The leading detection (open first, then the most severe) gives the
 * severity the connector's mapping reads; the vendors' own signals about the CVE are merged: any
 * KEV flag, the highest exploit status, ExPRT rating and vendor CVSS.
 */
final class ScoreInputs {
  private ScoreInputs() {}

  /**
   * One finding as scoring sees it: the group of detections that makes it, and the finding as
   * stored, if the lifecycle has written it ({@code findingId} null until then). {@code counts}:
   * stored, open and not set aside by a decision.
   */
  record FindingInput(
      Long findingId,
      long assetId,
      String findingKey,
      String cveId,
      String state,
      boolean counts,
      UUID connectorId,
      String connectorType,
      FindingEvidence evidence,
      Integer storedQds,
      String storedBand,
      String storedMethod) {}

  /** One asset as scoring sees it, with what is stored for it now. */
  record AssetInput(
      long assetId,
      String assetType,
      Integer userCriticality,
      String criticalityNote,
      Integer storedRisk,
      String storedBand,
      Integer storedAcs,
      Instant scoredAt,
      List<FindingInput> findings) {}

  private static final String ASSETS =
      """
      SELECT a.id, a.criticality, a.criticality_note, a.risk_score, a.risk_band, a.acs,
          a.scored_at, p.asset_type
      FROM asset a
      LEFT JOIN LATERAL primary_source(a.id) p ON true
      WHERE a.id = ANY(?)
      ORDER BY a.id
      """;

  private static final String LEADING = " " + LeadingDetection.ORDER + ")";

  // Each detection, finding and intelligence row is fetched through its index from the batch's
  // own source records (the OFFSET 0 fences keep PostgreSQL from flattening the lateral joins),
  // so a batch costs the same however large the estate. Left to choose, PostgreSQL hashed whole
  // tables once per batch: measured, scoring then cost 24.6 s per 100,000 findings at 300,000
  // findings against 4 s at 100,000. jsonb_to_record reads (and, for a large record,
  // decompresses) the attributes once per detection, where one ->> per value would do it for
  // every value. Detections are grouped by the finding they make (asset, finding key), as the
  // lifecycle groups them, and the finding as stored is joined to the group: so the findings a
  // lifecycle is about to create are scored too, before it writes them (ScoresAsWritten).
  private static final String FINDINGS =
      """
      WITH g AS (
        SELECT s.asset_id, d.finding_key, max(d.cve_id) AS cve_id,
            (array_agg(d.connector_id %1$s)[1] AS connector_id,
            (array_agg(c.type %1$s)[1] AS connector_type,
            (array_agg(coalesce(a."sourceSeverity", a."findingSeverity") %1$s)[1]
                AS source_severity,
            max(%2$s) AS vendor_cvss,
            max(%3$s) AS exploit_maturity,
            bool_or(a."knownExploited" = 'true'::jsonb) AS vendor_known_exploited,
            array_agg(DISTINCT a."vendorRiskRating")
                FILTER (WHERE a."vendorRiskRating" IS NOT NULL) AS vendor_risk_ratings
        FROM unnest(?::bigint[]) AS src(id)
        JOIN LATERAL (SELECT s.id, s.asset_id FROM source_asset s WHERE s.id = src.id
                      OFFSET 0) s ON true
        JOIN LATERAL (SELECT d.id, d.connector_id, d.open, d.finding_severity, d.finding_key,
                          d.cve_id, d.attributes FROM detection d WHERE d.source_asset_id = s.id
                      OFFSET 0) d ON true
        CROSS JOIN LATERAL jsonb_to_record(d.attributes) AS a("sourceSeverity" text,
            "findingSeverity" text,
            "vendorCvss" jsonb, "exploitMaturity" jsonb, "knownExploited" jsonb,
            "vendorRiskRating" text)
        JOIN connector c ON c.id = d.connector_id
        GROUP BY s.asset_id, d.finding_key)
      SELECT g.*, f.id, f.state, f.qds, f.qds_band, f.qds_method,
          finding_counts(f.state, f.decision, f.decision_until, ?) AS counts,
          ci.cvss_v3_base, ci.cvss_v2_base, coalesce(ci.in_kev, false) AS in_kev,
          ci.kev_ransomware = 'known' AS kev_ransomware, ci.epss_score, ci.epss_percentile
      FROM g
      LEFT JOIN LATERAL (SELECT f.id, f.state, f.qds, f.qds_band, f.qds_method, f.decision,
                             f.decision_until FROM finding f
                         WHERE f.asset_id = g.asset_id AND f.finding_key = g.finding_key
                         OFFSET 0) f ON true
      LEFT JOIN LATERAL (SELECT ci.cvss_v3_base, ci.cvss_v2_base, ci.in_kev, ci.kev_ransomware,
                             ci.epss_score, ci.epss_percentile FROM cve_intel ci
                         WHERE ci.cve_id = g.cve_id OFFSET 0) ci ON true
      ORDER BY g.asset_id, f.id NULLS LAST, g.finding_key
      """
          .formatted(LEADING, number("vendorCvss"), number("exploitMaturity"));

  /**
   * A mapped attribute that is a JSON number; anything else (a string, a list) is not a value
   * scoring can use. What "not given" means for a vendor (CrowdStrike's CVSS of 0) is the
   * connector's transform map's to say, not this query's.
   */
  private static String number(String attribute) {
    String value = "a.\"" + attribute + "\"";
    return "CASE WHEN jsonb_typeof(" + value + ") = 'number' THEN (" + value + ")::float8 END";
  }

  /** A source's number outside its scale is not evidence: ignored rather than fatal. */
  private static Double within(Double value, double max) {
    return value != null && value >= 0 && value <= max ? value : null;
  }

  /** The highest of the sources' risk ratings on the platform's scale; words off it are ignored. */
  private static String highest(java.sql.Array ratings) throws SQLException {
    if (ratings == null) {
      return null;
    }
    return java.util.Arrays.stream((String[]) ratings.getArray())
        .map(VendorRiskRating::of)
        .flatMap(java.util.Optional::stream)
        .max(java.util.Comparator.naturalOrder())
        .map(Enum::name)
        .orElse(null);
  }

  /** The assets' inputs with their findings as stored: what rescoring and explanations read. */
  static List<AssetInput> load(Connection c, List<Long> assetIds, Instant now) throws SQLException {
    return load(c, assetIds, now, false);
  }

  /**
   * The assets' inputs with every finding their detections make, written or not: what scoring reads
   * before the lifecycle writes the findings.
   */
  static List<AssetInput> loadUnwritten(Connection c, List<Long> assetIds, Instant now)
      throws SQLException {
    return load(c, assetIds, now, true);
  }

  private static List<AssetInput> load(
      Connection c, List<Long> assetIds, Instant now, boolean unwritten) throws SQLException {
    Long[] ids = assetIds.toArray(new Long[0]);
    Long[] sources =
        Jdbc.query(
                c,
                "SELECT s.id FROM unnest(?::bigint[]) AS a(id)"
                    + " JOIN LATERAL (SELECT s.id FROM source_asset s WHERE s.asset_id = a.id OFFSET 0) s"
                    + " ON true",
                rs -> rs.getLong(1),
                (Object) ids)
            .toArray(new Long[0]);
    Map<Long, List<FindingInput>> findings = new LinkedHashMap<>();
    Jdbc.query(
        c,
        FINDINGS,
        rs -> {
          FindingInput f = finding(rs);
          if (unwritten || f.findingId() != null) {
            findings.computeIfAbsent(f.assetId(), k -> new ArrayList<>()).add(f);
          }
          return null;
        },
        sources,
        now);
    return Jdbc.query(
        c,
        ASSETS,
        rs ->
            new AssetInput(
                rs.getLong("id"),
                rs.getString("asset_type"),
                (Integer) rs.getObject("criticality", Integer.class),
                rs.getString("criticality_note"),
                rs.getObject("risk_score", Integer.class),
                rs.getString("risk_band"),
                rs.getObject("acs", Integer.class),
                instant(rs.getTimestamp("scored_at")),
                findings.getOrDefault(rs.getLong("id"), List.of())),
        (Object) ids);
  }

  private static FindingInput finding(ResultSet rs) throws SQLException {
    String cve = rs.getString("cve_id");
    String severity = rs.getString("source_severity");
    FindingEvidence e =
        cve == null ? FindingEvidence.withoutCve(severity) : FindingEvidence.forCve(cve, severity);
    e =
        e.withVendor(
            within(rs.getObject("vendor_cvss", Double.class), 10),
            Boolean.TRUE.equals(rs.getObject("vendor_known_exploited", Boolean.class)),
            within(rs.getObject("exploit_maturity", Double.class), 1),
            highest(rs.getArray("vendor_risk_ratings")));
    e =
        e.withNvd(decimal(rs, "cvss_v3_base"), decimal(rs, "cvss_v2_base"))
            .withKev(
                rs.getBoolean("in_kev"),
                Boolean.TRUE.equals(rs.getObject("kev_ransomware", Boolean.class)))
            .withEpss(
                rs.getObject("epss_score", Double.class),
                rs.getObject("epss_percentile", Double.class));
    return new FindingInput(
        rs.getObject("id", Long.class),
        rs.getLong("asset_id"),
        rs.getString("finding_key"),
        cve,
        rs.getString("state"),
        rs.getBoolean("counts"),
        rs.getObject("connector_id", UUID.class),
        rs.getString("connector_type"),
        e,
        rs.getObject("qds", Integer.class),
        rs.getString("qds_band"),
        rs.getString("qds_method"));
  }

  private static Double decimal(ResultSet rs, String column) throws SQLException {
    java.math.BigDecimal value = rs.getBigDecimal(column);
    return value == null ? null : value.doubleValue();
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
