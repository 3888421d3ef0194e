package dev.sightline.simulators.cortex;

import dev.sightline.simulators.cve.CveCatalog;
import dev.sightline.simulators.cve.CveEntry;
import dev.sightline.simulators.fleet.StableHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The two Host Insights datasets as XQL rows.
 *
 * <ul>
 *   <li>{@code va_endpoints}: one row per endpoint with at least one CVE, in {@code endpoint_id}
 *       order: {@code endpoint_id, endpoint_name, cves} (CVE ids, sorted), {@code severity} and
 *       {@code severity_score} (the worst of its CVEs).
 *   <li>{@code va_cves}: one row per CVE present on at least one endpoint, in {@code name} order:
 *       {@code name, severity, severity_score, description, publication_date, modification_date}
 *       (epoch ms), {@code affected_hosts} (endpoint names), {@code affected_products}, {@code
 *       exploitability_score, impact_score, is_excluded} ("YES"/"NO"), {@code os_type}, {@code
 *       type} (OPERATING_SYSTEM or APPLICATION).
 * </ul>
 */
final class VaRows {
  static final String VA_ENDPOINTS = "va_endpoints";
  static final String VA_CVES = "va_cves";
  private static final XqlSchema ENDPOINTS =
      XqlSchema.builder()
          .add("endpoint_id", XqlSchema.Type.STRING)
          .add("endpoint_name", XqlSchema.Type.STRING)
          .add("cves", XqlSchema.Type.ARRAY)
          .add("severity", XqlSchema.Type.STRING)
          .add("severity_score", XqlSchema.Type.NUMBER)
          .build();
  private static final XqlSchema CVES =
      XqlSchema.builder()
          .add("name", XqlSchema.Type.STRING)
          .add("severity", XqlSchema.Type.STRING)
          .add("severity_score", XqlSchema.Type.NUMBER)
          .add("description", XqlSchema.Type.STRING)
          .add("publication_date", XqlSchema.Type.NUMBER)
          .add("modification_date", XqlSchema.Type.NUMBER)
          .add("affected_hosts", XqlSchema.Type.ARRAY)
          .add("affected_products", XqlSchema.Type.ARRAY)
          .add("exploitability_score", XqlSchema.Type.NUMBER)
          .add("impact_score", XqlSchema.Type.NUMBER)
          .add("is_excluded", XqlSchema.Type.STRING)
          .add("os_type", XqlSchema.Type.ARRAY)
          .add("type", XqlSchema.Type.STRING)
          .build();
  private static final Map<String, Integer> SEVERITY_RANK =
      Map.of("NONE", 0, "LOW", 1, "MEDIUM", 2, "HIGH", 3, "CRITICAL", 4);
  private static final long SALT_EXCLUDED = StableHash.salt("cx.excluded");

  private VaRows() {}

  static XqlSchema schema(String dataset) {
    return switch (dataset) {
      case VA_ENDPOINTS -> ENDPOINTS;
      case VA_CVES -> CVES;
      default ->
          throw new XqlException(
              "unknown dataset '"
                  + dataset
                  + "'; the simulator serves "
                  + VA_ENDPOINTS
                  + " and "
                  + VA_CVES
                  + " (Host Insights vulnerability assessment)");
    };
  }

  /** Rows a full scan reads, which is what a query is charged for. */
  static long size(String dataset, VaSnapshot s) {
    return dataset.equals(VA_CVES) ? s.index().distinct().length : s.endpoints().count();
  }

  static void scan(String dataset, VaSnapshot s, XqlPlan.Op head) {
    if (dataset.equals(VA_CVES)) {
      scanCves(s, head);
    } else {
      scanEndpoints(s, head);
    }
  }

  /** va_cves spells severities in upper case; UNKNOWN has no CVSS and shows as NONE. */
  static String severity(CveEntry entry) {
    return entry.severity().equals("UNKNOWN") ? "NONE" : entry.severity();
  }

  private static void scanEndpoints(VaSnapshot s, XqlPlan.Op head) {
    EndpointDirectory endpoints = s.endpoints();
    for (int rank = 0; rank < endpoints.count(); rank++) {
      int e = endpoints.atRank(rank);
      int[] refs = s.refs(e);
      if (refs.length == 0) {
        continue;
      }
      List<String> ids = new ArrayList<>(refs.length);
      CveEntry worst = null;
      for (int ref : refs) {
        CveEntry entry = s.base().entry(ref);
        ids.add(entry.id());
        if (worst == null
            || SEVERITY_RANK.get(severity(entry)) > SEVERITY_RANK.get(severity(worst))
            || (severity(entry).equals(severity(worst)) && entry.baseScore() > worst.baseScore())) {
          worst = entry;
        }
      }
      if (s.blankRow(e)) {
        ids.add(0, "");
      }
      Object[] row = {
        endpoints.endpointId(e), endpoints.endpointName(e), ids, severity(worst), worst.baseScore()
      };
      if (!head.push(row)) {
        return;
      }
    }
  }

  private static void scanCves(VaSnapshot s, XqlPlan.Op head) {
    CveIndex index = s.index();
    EndpointDirectory endpoints = s.endpoints();
    long anchor = endpoints.anchorMillis();
    if (s.blanks().any()) {
      Object[] blank = {
        "", "NONE", 0.0, "", 0L, 0L, List.of(), List.of(), 0.0, 0.0, "NO", List.of(), "APPLICATION"
      };
      if (!head.push(blank)) {
        return;
      }
    }
    for (int ref : index.distinct()) {
      CveEntry entry = s.base().entry(ref);
      int[] carriers = index.endpoints(ref);
      List<String> hosts = new ArrayList<>(carriers.length);
      for (int e : carriers) {
        hosts.add(endpoints.endpointName(e));
      }
      long published = entry.publishedDate() * 1000;
      long modified = Math.min(anchor, (entry.spotlightPublishedDate() + 86_400L * 3) * 1000);
      String family = CortexRendering.osType(CveCatalog.family(ref));
      boolean excluded = Long.remainderUnsigned(StableHash.of(ref, SALT_EXCLUDED), 100) == 0;
      Object[] row = {
        entry.id(),
        severity(entry),
        entry.baseScore(),
        entry.description().trim(),
        published,
        modified,
        hosts,
        List.of(product(entry)),
        entry.exploitabilityScore(),
        entry.impactScore(),
        excluded ? "YES" : "NO",
        List.of(family),
        entry.product().operatingSystem() ? "OPERATING_SYSTEM" : "APPLICATION"
      };
      if (!head.push(row)) {
        return;
      }
    }
  }

  private static String product(CveEntry entry) {
    String name = entry.product().name();
    String vendor = entry.product().vendor();
    return name.startsWith(vendor) ? name : vendor + " " + name;
  }
}
