package dev.sightline.platform.risk;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.errors.NotFoundException;
import dev.sightline.platform.intel.CveIntel;
import dev.sightline.platform.intel.IntelLookup;
import dev.sightline.platform.scoring.AssetCriticality;
import dev.sightline.platform.scoring.AssetFinding;
import dev.sightline.platform.scoring.AssetRiskScore;
import dev.sightline.platform.scoring.AssetRiskScorer;
import dev.sightline.platform.scoring.FindingEvidence;
import dev.sightline.platform.scoring.FindingScore;
import dev.sightline.platform.scoring.FindingScorer;
import dev.sightline.platform.scoring.RiskWeights;
import dev.sightline.platform.scoring.SeverityMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Explains an asset's risk term by term: each open finding's QDS from CVE intelligence and the
 * source's own signals (or the connector's severity mapping), then the asset formula over them.
 * Computed when asked, from what is stored now.
 */
public final class AssetScores {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Jdbc jdbc;
  private final IntelLookup intel;
  private final FindingScorer findingScorer = new FindingScorer();
  private final AssetRiskScorer assetScorer = new AssetRiskScorer(RiskWeights.defaults());

  public AssetScores(Jdbc jdbc) {
    this.jdbc = jdbc;
    this.intel = new IntelLookup(jdbc.dataSource());
  }

  /** One finding's part in the asset's score. */
  public record FindingLine(long findingId, String cveId, String state, FindingScore score) {}

  /** The asset's score and every finding that made it. */
  public record Explanation(long assetId, String assetType, AssetRiskScore risk,
      List<FindingLine> findings) {}

  private record Row(long id, String cveId, String state, String connectorType,
      Map<String, Object> attributes) {}

  public Explanation explain(long assetId) {
    String type = jdbc.queryOne("SELECT s.asset_type FROM source_asset s WHERE s.asset_id = ?"
        + " ORDER BY s.last_seen DESC NULLS LAST, s.id LIMIT 1", rs -> String.valueOf(
            rs.getString(1)), assetId)
        .orElseThrow(() -> new NotFoundException("No asset has id " + assetId));
    List<Row> rows = jdbc.query("""
        SELECT DISTINCT ON (f.id) f.id, f.cve_id, f.state, c.type, d.attributes::text AS attrs
        FROM finding f JOIN source_asset s ON s.asset_id = f.asset_id
        JOIN detection d ON d.source_asset_id = s.id AND d.finding_key = f.finding_key
        JOIN connector c ON c.id = d.connector_id
        WHERE f.asset_id = ? AND f.state <> 'FIXED'
          AND (f.decision IS NULL OR (f.decision_until IS NOT NULL AND f.decision_until < now()))
        ORDER BY f.id, d.open DESC, d.finding_severity DESC, d.id
        """, rs -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            attributes(rs.getString(5))), assetId);
    Map<String, CveIntel> known = intel.forCves(
        rows.stream().map(Row::cveId).filter(Objects::nonNull).toList());
    List<FindingLine> lines = new ArrayList<>();
    List<AssetFinding> inputs = new ArrayList<>();
    for (Row r : rows) {
      FindingScore score = findingScorer.score(evidence(r, known.get(r.cveId())),
          SeverityMapping.defaultsFor(r.connectorType()));
      lines.add(new FindingLine(r.id(), r.cveId(), r.state(), score));
      inputs.add(new AssetFinding(String.valueOf(r.id()), score.qds(), true));
    }
    AssetRiskScore risk = assetScorer.score(AssetCriticality.defaults().forType(type), inputs);
    return new Explanation(assetId, type, risk, lines);
  }

  private static FindingEvidence evidence(Row r, CveIntel intel) {
    Map<String, Object> a = r.attributes();
    String severity = text(a.get("sourceSeverity"), text(a.get("findingSeverity"), null));
    FindingEvidence e = r.cveId() == null ? FindingEvidence.withoutCve(severity)
        : FindingEvidence.forCve(r.cveId(), severity);
    Double vendorCvss = number(a.getOrDefault("cvssV3Base",
        a.getOrDefault("cvssV2Base", a.get("sourceRiskScore"))));
    Integer exploit = a.get("exploitStatus") instanceof Number n ? n.intValue() : null;
    e = e.withVendor(vendorCvss == null || vendorCvss == 0 ? null : vendorCvss,
        Boolean.TRUE.equals(a.get("cisaKev")), exploit, text(a.get("exprtRating"), null));
    if (intel != null) {
      e = e.withNvd(intel.cvssV3Base(), intel.cvssV2Base())
          .withKev(intel.inKev(), intel.kevKnownRansomware())
          .withEpss(intel.epssScore(), intel.epssPercentile());
    }
    return e;
  }

  private static String text(Object v, String fallback) {
    return v == null ? fallback : String.valueOf(v);
  }

  private static Double number(Object v) {
    return v instanceof Number n ? n.doubleValue() : null;
  }

  private static Map<String, Object> attributes(String json) {
    try {
      return JSON.readValue(json, new TypeReference<>() {});
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
