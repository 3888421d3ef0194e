package dev.sightline.bench;

import dev.sightline.platform.connectors.ConnectorCatalog;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.query.QueryCompiler;
import dev.sightline.platform.query.SourceLabels;
import dev.sightline.platform.search.InventorySearch;
import dev.sightline.platform.search.SearchRequest;
import dev.sightline.platform.views.InventoryQueries;
import dev.sightline.platform.views.PageOf;
import dev.sightline.query.QueryParser;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Issue 12's query mix: 20 listings and counts through {@link InventorySearch} as the API runs them
 * (parse, compile, count, first page of 50): the seeds' four, CIDR, ranges, nested, sorts by QDS
 * and risk, deep keyset pages and exact counts. Each case is safe to run from many threads.
 */
final class QueryMix {

  /** One query of the mix. */
  record Case(String name, Supplier<Object> run) {}

  private QueryMix() {}

  /** The search the API's listings go through, over {@code jdbc}. */
  static InventorySearch search(Jdbc jdbc, Clock clock) {
    return new InventorySearch(
        new InventoryQueries(jdbc),
        new QueryCompiler(SourceLabels.of(ConnectorCatalog.discover()), clock),
        QueryParser.withDefaults());
  }

  /**
   * The 20 cases on the stored inventory: the commonest CVE, a host name prefix and the keyset
   * cursors of the deep pages come from the data (a small inventory's deepest page stands in for a
   * page it does not have).
   */
  static List<Case> cases(Jdbc jdbc, InventorySearch search) {
    String cve =
        jdbc.queryOne(
                "SELECT cve_id FROM finding WHERE cve_id IS NOT NULL GROUP BY cve_id"
                    + " ORDER BY count(*) DESC LIMIT 1",
                rs -> rs.getString(1))
            .orElse("CVE-2021-44228");
    String hostPrefix =
        jdbc.queryOne(
                "SELECT left(host_name, 5) FROM source_asset WHERE host_name IS NOT NULL LIMIT 1",
                rs -> rs.getString(1))
            .orElse("web");
    Optional<String> deepQds = cursorAt(search, "-finding.qds", 200);
    Optional<String> deepId = cursorAt(search, "finding.id", 2_000);
    return List.of(
        assets(
            search,
            "seed: CrowdStrike assets",
            "inventory:(source:\"CrowdStrike Spotlight\")",
            null),
        assets(search, "seed: Cortex assets", "inventory:(source:\"Palo Alto Networks\")", null),
        findings(
            search,
            "seed: CrowdStrike findings",
            "findings.vendorProductname:\"CrowdStrike Endpoint Security\"",
            null),
        findings(
            search, "seed: Cortex findings", "findings.vendorProductname:\"Cortex XDR\"", null),
        assets(search, "CIDR 10.0.0.0/8", "asset.ip:10.0.0.0/8", null),
        assets(search, "IP range", "asset.ip:[10.1.0.0 .. 10.1.255.255]", null),
        findings(search, "QDS range [70 .. 89]", "finding.qds:[70 .. 89]", null),
        findings(search, "first found in 30 days", "finding.firstFound > now-30d", null),
        findings(search, "one CVE", "finding.cveId:" + cve, null),
        assets(search, "host name prefix", "asset.hostName:" + hostPrefix + "*", null),
        assets(
            search,
            "nested source + date",
            "inventory:(source:\"CrowdStrike Spotlight\" AND lastUpdated > now-1d)",
            null),
        findings(
            search,
            "active high, by QDS",
            "finding.state:ACTIVE AND finding.severity >= 4",
            "-finding.qds"),
        findings(search, "all, by QDS", "", "-finding.qds"),
        assets(search, "all assets, by risk", "", "-asset.riskScore"),
        new Case(
            "deep keyset page 201 by QDS",
            () ->
                search.findings(
                    InventoryQueries.Filter.none(), request("", "-finding.qds", deepQds, false))),
        new Case(
            "deep keyset page 2001 by id",
            () ->
                search.findings(
                    InventoryQueries.Filter.none(), request("", "finding.id", deepId, false))),
        new Case(
            "exact count: active",
            () ->
                search.findings(
                    InventoryQueries.Filter.none(),
                    request("finding.state:ACTIVE", null, Optional.empty(), true))),
        new Case(
            "exact count: Cortex findings",
            () ->
                search.findings(
                    InventoryQueries.Filter.none(),
                    request(
                        "findings.vendorProductname:\"Cortex XDR\"",
                        null,
                        Optional.empty(),
                        true))),
        new Case(
            "exact count: CrowdStrike assets",
            () ->
                search.assets(
                    InventoryQueries.Filter.none(),
                    request(
                        "inventory:(source:\"CrowdStrike Spotlight\")",
                        null,
                        Optional.empty(),
                        true))),
        findings(
            search,
            "KEV or EPSS > 0.5",
            "finding.isKev:true OR finding.epss > 0.5",
            "-finding.qds"));
  }

  /** "~1,234" for an estimated total, "1,234" for an exact one, "" for anything else. */
  static String total(Object result) {
    return result instanceof PageOf<?> p
        ? (p.totalExact() ? "" : "~") + String.format("%,d", p.total())
        : "";
  }

  /** The keyset cursor after {@code pages} pages, or after the last page there is. */
  private static Optional<String> cursorAt(InventorySearch search, String sort, int pages) {
    Optional<String> after = Optional.empty();
    for (int i = 0; i < pages; i++) {
      PageOf<?> page =
          search.findings(InventoryQueries.Filter.none(), request("", sort, after, false));
      if (page.next() == null) {
        break;
      }
      after = Optional.of(page.next());
    }
    return after;
  }

  static SearchRequest request(String q, String sort, Optional<String> after, boolean exact) {
    return new SearchRequest(
        Optional.ofNullable(q), Optional.ofNullable(sort), 0, 50, after, exact);
  }

  private static Case assets(InventorySearch search, String name, String q, String sort) {
    return new Case(
        name,
        () ->
            search.assets(
                InventoryQueries.Filter.none(), request(q, sort, Optional.empty(), false)));
  }

  private static Case findings(InventorySearch search, String name, String q, String sort) {
    return new Case(
        name,
        () ->
            search.findings(
                InventoryQueries.Filter.none(), request(q, sort, Optional.empty(), false)));
  }
}
