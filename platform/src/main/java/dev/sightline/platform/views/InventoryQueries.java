package dev.sightline.platform.views;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.intel.CveIntel;
import dev.sightline.platform.intel.IntelLookup;
import dev.sightline.platform.lifecycle.FindingState;
import dev.sightline.platform.query.SqlFilter;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Read side of the inventory: paged listings with simple filters. */
public final class InventoryQueries {
  public static final int MAX_PAGE_SIZE = 1000;
  private static final java.util.Set<String> LIFECYCLE_STATES =
      java.util.Arrays.stream(FindingState.values())
          .map(Enum::name)
          .collect(java.util.stream.Collectors.toUnmodifiableSet());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Jdbc jdbc;
  private final IntelLookup intel;

  public InventoryQueries(Jdbc jdbc) {
    this.jdbc = jdbc;
    this.intel = new IntelLookup(jdbc.dataSource());
  }

  /**
   * Filters a listing may take; empty means all. {@code status}: of findings, a lifecycle state or
   * a source's status; of assets, {@link #ACTIVE} or {@link #STALE}.
   */
  public record Filter(Optional<UUID> connectorId, Optional<String> status) {
    public static Filter none() {
      return new Filter(Optional.empty(), Optional.empty());
    }
  }

  private static final String ASSET_SELECT =
      """
      SELECT a.id, a.created_at, a.updated_at, a.risk_score, a.risk_band, a.acs,
          a.criticality, a.scored_at, a.stale_since, p.asset_name, p.host_name, p.fqdn, p.domain,
          p.asset_type, p.os_name, p.os_version, p.bios_serial, p.bios_manufacturer,
          p.cloud_provider, p.cloud_instance_id,
          (SELECT jsonb_agg(DISTINCT jsonb_build_object('tag', t->>'tag', 'kind', t->>'kind',
                  'source', c.type, 'connectorId', s.connector_id))::text
             FROM source_asset s JOIN connector c ON c.id = s.connector_id,
                  jsonb_array_elements(s.tags) t
            WHERE s.asset_id = a.id) AS tags,
          (SELECT min(s.first_found) FROM source_asset s WHERE s.asset_id = a.id) AS first_found,
          (SELECT max(s.last_seen) FROM source_asset s WHERE s.asset_id = a.id) AS last_seen,
          ARRAY(SELECT DISTINCT x FROM source_asset s, unnest(s.ip_addresses) x
                WHERE s.asset_id = a.id ORDER BY x) AS ips,
          ARRAY(SELECT DISTINCT x FROM source_asset s, unnest(s.mac_addresses) x
                WHERE s.asset_id = a.id ORDER BY x) AS macs,
          (SELECT count(*) FROM finding f WHERE f.asset_id = a.id
               AND finding_counts(f.state, f.decision, f.decision_until, now()))
              AS open_findings
      FROM asset a
      JOIN LATERAL primary_source(a.id) p ON true
      """;

  public PageOf<AssetView> assets(Filter filter, int page, int size) {
    return assets(filter, Sort.ID, page, size);
  }

  public PageOf<AssetView> assets(Filter filter, Sort order, int page, int size) {
    return assets(filter, Listing.page(order.assets, page, size));
  }

  /** Assets the filter and the listing's query select, in its order, a page of them. */
  public PageOf<AssetView> assets(Filter filter, Listing listing) {
    checkPaging(listing.page(), listing.size());
    List<Object> params = new ArrayList<>();
    // An asset is shown while at least one source reports it.
    StringBuilder where =
        new StringBuilder(
            " WHERE EXISTS (SELECT 1 FROM source_asset s WHERE s.asset_id = a.id"
                + (filter.connectorId().isPresent() ? " AND s.connector_id = ?)" : ")")
                + filter.status().map(InventoryQueries::assetState).orElse(""));
    filter.connectorId().ifPresent(params::add);
    and(where, params, listing.query());
    List<Long> ids = new ArrayList<>();
    Read<AssetView> read =
        read(
            "asset a",
            ASSET_SELECT,
            where,
            params,
            listing,
            rs -> {
              ids.add(rs.getLong("id"));
              return asset(rs, List.of());
            });
    Map<Long, List<AssetSourceView>> sources = sources(ids, false);
    List<AssetView> items = read.rows().stream().map(a -> withSources(a, sources)).toList();
    return new PageOf<>(
        read.total(), read.exact(), listing.page(), listing.size(), read.next(), items);
  }

  /** Rows exactly counted up to this many; beyond it the total is the planner's estimate. */
  public static final int EXACT_UP_TO = 10_000;

  /** No listing query runs longer than this; a longer one is refused with what to do. */
  public static final int STATEMENT_TIMEOUT_MS = 15_000;

  private record Read<T>(List<T> rows, long total, boolean exact, String next) {}

  private static void and(StringBuilder where, List<Object> params, SqlFilter filter) {
    if (filter != null && !filter.whereSql().isBlank() && !"true".equals(filter.whereSql())) {
      where.append(where.isEmpty() ? " WHERE (" : " AND (").append(filter.whereSql()).append(')');
      params.addAll(filter.params());
    }
  }

  /**
   * Counts and reads one page in one read-only transaction under a statement timeout: the total
   * (exact, or up to {@link #EXACT_UP_TO} and then estimated), the page's rows (after the keyset
   * cursor, when given), and the cursor of the rows after them.
   */
  private <T> Read<T> read(
      String table,
      String select,
      StringBuilder where,
      List<Object> params,
      Listing listing,
      Jdbc.RowMapper<T> mapper) {
    StringBuilder pageWhere = new StringBuilder(where);
    List<Object> pageParams = new ArrayList<>(params);
    listing.after().ifPresent(after -> and(pageWhere, pageParams, after));
    // The sort value leads the select list, so the page's last row can become the next cursor.
    String leading = listing.sort().map(k -> k.value() + " AS sort_value, ").orElse("");
    pageParams.add(listing.size());
    pageParams.add(listing.after().isPresent() ? 0L : (long) listing.page() * listing.size());
    String pageSql =
        "SELECT "
            + leading
            + select.strip().substring("SELECT ".length())
            + pageWhere
            + " ORDER BY "
            + listing.orderBy()
            + " LIMIT ? OFFSET ?";
    try {
      return jdbc.inTransaction(
          c -> {
            Jdbc.update(c, "SET LOCAL statement_timeout = " + STATEMENT_TIMEOUT_MS);
            long total;
            boolean exact = true;
            if (listing.exactCount()) {
              total =
                  Jdbc.query(
                          c,
                          "SELECT count(*) FROM " + table + where,
                          rs -> rs.getLong(1),
                          params.toArray())
                      .get(0);
            } else {
              List<Object> bounded = new ArrayList<>(params);
              bounded.add(EXACT_UP_TO + 1);
              total =
                  Jdbc.query(
                          c,
                          "SELECT count(*) FROM (SELECT 1 FROM " + table + where + " LIMIT ?) x",
                          rs -> rs.getLong(1),
                          bounded.toArray())
                      .get(0);
              if (total > EXACT_UP_TO) {
                exact = false;
                total = Math.max(total, estimate(c, "SELECT 1 FROM " + table + where, params));
              }
            }
            List<Object> lastSort = new ArrayList<>(1);
            long[] lastId = {-1};
            List<T> rows =
                Jdbc.query(
                    c,
                    pageSql,
                    rs -> {
                      if (listing.sort().isPresent()) {
                        lastSort.clear();
                        lastSort.add(rs.getObject("sort_value"));
                        lastId[0] = rs.getLong("id");
                      }
                      return mapper.map(rs);
                    },
                    pageParams.toArray());
            String next =
                listing.sort().isPresent() && rows.size() == listing.size() && lastId[0] >= 0
                    ? listing.sort().get().cursor(lastSort.get(0), lastId[0])
                    : null;
            return new Read<>(rows, total, exact, next);
          });
    } catch (Jdbc.DataAccessException e) {
      if (e.getCause() instanceof java.sql.SQLException sql && "57014".equals(sql.getSQLState())) {
        throw new InvalidRequestException(
            "q",
            "the query ran longer than "
                + STATEMENT_TIMEOUT_MS / 1000
                + " s and was stopped: narrow it (a source, a state, a date range) or export it");
      }
      throw e;
    }
  }

  /** The planner's estimate of how many rows a query selects. */
  private static long estimate(java.sql.Connection c, String sql, List<Object> params)
      throws java.sql.SQLException {
    String plan =
        Jdbc.query(c, "EXPLAIN (FORMAT JSON) " + sql, rs -> rs.getString(1), params.toArray())
            .get(0);
    try {
      return JSON.readTree(plan).path(0).path("Plan").path("Plan Rows").asLong(0);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return 0;
    }
  }

  /** An asset's state while it counts toward the totals. */
  public static final String ACTIVE = "ACTIVE";

  /** An asset's state once no source has seen it for its retention period. */
  public static final String STALE = "STALE";

  /**
   * The listing clause of an asset state, {@code ACTIVE} or {@code STALE} (any case): the rule is
   * {@code asset_counts}, as for the totals.
   */
  private static String assetState(String state) {
    return switch (state.trim().toUpperCase(java.util.Locale.ROOT)) {
      case ACTIVE -> " AND asset_counts(a.stale_since)";
      case STALE -> " AND NOT asset_counts(a.stale_since)";
      default ->
          throw new InvalidRequestException(
              "state", "state must be " + ACTIVE + " or " + STALE + "; it was '" + state + "'");
    };
  }

  /**
   * The inventory's totals at {@code at}: assets that count ({@code asset_counts}: not stale), the
   * stale ones apart, the open findings of counted assets ({@code finding_counts}) and the counted
   * assets by risk band. Only assets some source reports are counted, as in the listing.
   */
  public InventoryTotals totals(Instant at) {
    long[] assets =
        jdbc.queryOne(
                """
                SELECT count(*) FILTER (WHERE asset_counts(a.stale_since)),
                       count(*) FILTER (WHERE NOT asset_counts(a.stale_since))
                FROM asset a
                WHERE EXISTS (SELECT 1 FROM source_asset s WHERE s.asset_id = a.id)
                """,
                rs -> new long[] {rs.getLong(1), rs.getLong(2)})
            .orElseThrow();
    long openFindings =
        jdbc.queryOne(
                """
                SELECT count(*) FROM finding f JOIN asset a ON a.id = f.asset_id
                WHERE asset_counts(a.stale_since)
                  AND finding_counts(f.state, f.decision, f.decision_until, ?)
                """,
                rs -> rs.getLong(1),
                at)
            .orElse(0L);
    Map<String, Long> bands = new java.util.TreeMap<>();
    jdbc.query(
        """
        SELECT a.risk_band, count(*) FROM asset a
        WHERE asset_counts(a.stale_since) AND a.risk_band IS NOT NULL
          AND EXISTS (SELECT 1 FROM source_asset s WHERE s.asset_id = a.id)
        GROUP BY a.risk_band
        """,
        rs -> bands.put(rs.getString(1), rs.getLong(2)));
    return new InventoryTotals(assets[0], assets[1], openFindings, bands);
  }

  /** One asset with every source record, its link reason and its mapped attributes. */
  public Optional<AssetView> asset(long id) {
    return jdbc.queryOne(ASSET_SELECT + " WHERE a.id = ?", rs -> asset(rs, List.of()), id)
        .map(a -> withSources(a, sources(List.of(id), true)));
  }

  private static AssetView withSources(AssetView a, Map<Long, List<AssetSourceView>> sources) {
    return new AssetView(
        a.id(),
        a.assetName(),
        a.hostName(),
        a.fqdn(),
        a.domain(),
        a.assetType(),
        a.operatingSystemName(),
        a.operatingSystemVersion(),
        a.biosSerialNumber(),
        a.biosManufacturer(),
        a.ipAddresses(),
        a.ipv4Addresses(),
        a.ipv6Addresses(),
        a.macAddresses(),
        a.firstFoundDate(),
        a.lastSeen(),
        a.cloudProvider(),
        a.cloudInstanceId(),
        a.sourceTags(),
        a.openFindings(),
        a.riskScore(),
        a.riskBand(),
        a.criticality(),
        a.criticalitySetByUser(),
        a.scoredAt(),
        sources.getOrDefault(a.id(), List.of()),
        a.createdAt(),
        a.updatedAt(),
        a.state(),
        a.staleSince());
  }

  private Map<Long, List<AssetSourceView>> sources(List<Long> assetIds, boolean withAttributes) {
    Map<Long, List<AssetSourceView>> out = new HashMap<>();
    if (assetIds.isEmpty()) {
      return out;
    }
    jdbc.query(
        "SELECT s.asset_id, s.id, s.connector_id, c.name AS connector_name, c.type,"
            + " s.source_record_id, s.external_asset_id, s.host_name, s.last_seen, s.link_rule,"
            + " s.link_values::text AS link_values, s.linked_to, s.linked_at,"
            + " s.from_snapshot, s.attributes::text AS attrs FROM source_asset s JOIN connector c ON c.id = s.connector_id"
            + " WHERE s.asset_id = ANY(?) ORDER BY s.asset_id, s.id",
        rs -> {
          out.computeIfAbsent(rs.getLong("asset_id"), k -> new ArrayList<>())
              .add(
                  new AssetSourceView(
                      rs.getLong("id"),
                      rs.getObject("connector_id", UUID.class),
                      rs.getString("connector_name"),
                      rs.getString("type"),
                      rs.getString("source_record_id"),
                      rs.getString("external_asset_id"),
                      rs.getString("host_name"),
                      instant(rs, "last_seen"),
                      rs.getString("link_rule"),
                      rs.getString("link_values") == null
                          ? Map.of()
                          : json(rs.getString("link_values")),
                      (Long) rs.getObject("linked_to"),
                      instant(rs, "linked_at"),
                      rs.getBoolean("from_snapshot"),
                      withAttributes ? json(rs.getString("attrs")) : null));
          return null;
        },
        (Object) assetIds.toArray(new Long[0]));
    return out;
  }

  private static List<AssetTag> tags(String json) {
    if (json == null) {
      return List.of();
    }
    try {
      return List.of(JSON.readValue(json, AssetTag[].class)).stream()
          .sorted(
              java.util.Comparator.comparing(AssetTag::kind)
                  .thenComparing(AssetTag::tag)
                  .thenComparing(AssetTag::source))
          .toList();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("stored tags are not valid JSON", e);
    }
  }

  private static final String FINDING_SELECT = "SELECT f.* FROM finding f";

  /**
   * The orders of the listings that take no query (the demo, the ingest benchmark): by id or by
   * stored score, highest first. The API's sorts are tokens (InventorySearch.sortKey).
   */
  public enum Sort {
    ID("f.id", "a.id"),
    SCORE("f.qds DESC NULLS LAST, f.id", "a.risk_score DESC NULLS LAST, a.id");

    private final String findings;
    private final String assets;

    Sort(String findings, String assets) {
      this.findings = findings;
      this.assets = assets;
    }
  }

  /** Logical findings; {@code status} matches the lifecycle state or a source's status. */
  public PageOf<FindingView> findings(Filter filter, int page, int size) {
    return findings(filter, Sort.ID, page, size);
  }

  public PageOf<FindingView> findings(Filter filter, Sort order, int page, int size) {
    return findings(filter, Listing.page(order.findings, page, size));
  }

  /** Findings the filter and the listing's query select, in its order, a page of them. */
  public PageOf<FindingView> findings(Filter filter, Listing listing) {
    checkPaging(listing.page(), listing.size());
    List<String> clauses = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    filter
        .connectorId()
        .ifPresent(
            id -> {
              clauses.add(
                  "EXISTS (SELECT 1 FROM source_asset s WHERE s.asset_id = f.asset_id"
                      + " AND s.connector_id = ?)");
              params.add(id);
            });
    filter
        .status()
        .ifPresent(
            st -> {
              String state = st.trim().toUpperCase(java.util.Locale.ROOT);
              if (LIFECYCLE_STATES.contains(state)) {
                // A lifecycle state is a column with its own index: no need to look at detections.
                clauses.add("f.state = ?");
                params.add(state);
              } else {
                clauses.add(
                    "EXISTS (SELECT 1 FROM detection d JOIN source_asset s"
                        + " ON s.id = d.source_asset_id WHERE s.asset_id = f.asset_id"
                        + " AND d.finding_key = f.finding_key AND lower(d.finding_status) = lower(?))");
                params.add(st);
              }
            });
    StringBuilder where =
        new StringBuilder(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses));
    and(where, params, listing.query());
    Read<FindingView> read =
        read("finding f", FINDING_SELECT, where, params, listing, rs -> finding(rs, List.of()));
    List<FindingView> bare = read.rows();
    Map<Long, List<DetectionView>> detections = detectionsOf(bare, false);
    Map<String, CveIntel> known = intel(bare);
    return new PageOf<>(
        read.total(),
        read.exact(),
        listing.page(),
        listing.size(),
        read.next(),
        bare.stream()
            .map(f -> withDetections(f, detections.getOrDefault(f.id(), List.of()), known))
            .toList());
  }

  public Optional<FindingView> finding(long id) {
    return jdbc.queryOne(FINDING_SELECT + " WHERE f.id = ?", rs -> finding(rs, List.of()), id)
        .map(
            f ->
                withDetections(
                    f,
                    detectionsOf(List.of(f), true).getOrDefault(id, List.of()),
                    intel(List.of(f))));
  }

  /** Source-level detections, as each vendor reported them; every status unless asked. */
  public PageOf<DetectionView> detections(Filter filter, int page, int size) {
    checkPaging(page, size);
    Where where = where(filter, "d", true);
    long total =
        jdbc.queryOne(
                "SELECT count(*) FROM detection d" + where.sql,
                rs -> rs.getLong(1),
                where.params.toArray())
            .orElse(0L);
    List<Object> params = new ArrayList<>(where.params);
    params.add(size);
    params.add((long) page * size);
    List<DetectionView> items =
        jdbc.query(
            DETECTION_SELECT + where.sql + " ORDER BY d.id LIMIT ? OFFSET ?",
            rs -> detection(rs, true),
            params.toArray());
    return new PageOf<>(total, page, size, items);
  }

  private static final String DETECTION_SELECT =
      "SELECT d.*, d.attributes::text AS attrs,"
          + " c.type AS source_type, s.asset_id FROM detection d"
          + " JOIN connector c ON c.id = d.connector_id"
          + " LEFT JOIN source_asset s ON s.id = d.source_asset_id";

  private Map<Long, List<DetectionView>> detectionsOf(
      List<FindingView> findings, boolean withAttributes) {
    Map<Long, List<DetectionView>> out = new HashMap<>();
    if (findings.isEmpty()) {
      return out;
    }
    Long[] ids = findings.stream().map(FindingView::id).toArray(Long[]::new);
    jdbc.query(
        "SELECT f.id AS finding_id, d.*, d.attributes::text AS attrs,"
            + " c.type AS source_type FROM finding f JOIN source_asset s ON s.asset_id = f.asset_id"
            + " JOIN detection d ON d.source_asset_id = s.id AND d.finding_key = f.finding_key"
            + " JOIN connector c ON c.id = d.connector_id WHERE f.id = ANY(?) ORDER BY d.id",
        rs -> {
          out.computeIfAbsent(rs.getLong("finding_id"), k -> new ArrayList<>())
              .add(detection(rs, withAttributes));
          return null;
        },
        (Object) ids);
    return out;
  }

  /**
   * The imported intelligence for the findings' CVEs, read when the findings are read, so a newer
   * import shows on stored findings at once.
   */
  private Map<String, CveIntel> intel(List<FindingView> findings) {
    return intel.forCves(
        findings.stream().map(FindingView::cveId).filter(java.util.Objects::nonNull).toList());
  }

  private static FindingView withDetections(
      FindingView f, List<DetectionView> detections, Map<String, CveIntel> intel) {
    return new FindingView(
        f.id(),
        f.assetId(),
        f.findingKey(),
        f.cveId(),
        f.findingName(),
        f.findingSeverity(),
        f.state(),
        f.firstFound(),
        f.lastFound(),
        f.fixedOn(),
        f.reopenedOn(),
        f.decision(),
        f.decisionUntil(),
        f.qds(),
        f.qdsBand(),
        f.qdsMethod(),
        f.cveId() == null ? null : intel.get(f.cveId()),
        detections.stream().map(DetectionView::vendorProductName).distinct().toList(),
        detections,
        f.createdAt(),
        f.updatedAt());
  }

  private static void checkPaging(int page, int size) {
    if (page < 0) {
      throw new InvalidRequestException("page", "page starts at 0; it was " + page);
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidRequestException(
          "size", "size must be between 1 and " + MAX_PAGE_SIZE + "; it was " + size);
    }
  }

  private record Where(String sql, List<Object> params) {}

  private static Where where(Filter filter, String alias, boolean findings) {
    List<String> clauses = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    filter
        .connectorId()
        .ifPresent(
            id -> {
              clauses.add(alias + ".connector_id = ?");
              params.add(id);
            });
    if (findings) {
      filter
          .status()
          .ifPresent(
              s -> {
                clauses.add("lower(" + alias + ".finding_status) = lower(?)");
                params.add(s);
              });
    }
    return new Where(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), params);
  }

  private static AssetView asset(ResultSet rs, List<AssetSourceView> sources) throws SQLException {
    List<String> ips = strings(rs.getArray("ips"));
    return new AssetView(
        rs.getLong("id"),
        rs.getString("asset_name"),
        rs.getString("host_name"),
        rs.getString("fqdn"),
        rs.getString("domain"),
        rs.getString("asset_type"),
        rs.getString("os_name"),
        rs.getString("os_version"),
        rs.getString("bios_serial"),
        rs.getString("bios_manufacturer"),
        ips,
        ips.stream().filter(ip -> !ip.contains(":")).toList(),
        ips.stream().filter(ip -> ip.contains(":")).toList(),
        strings(rs.getArray("macs")),
        instant(rs, "first_found"),
        instant(rs, "last_seen"),
        rs.getString("cloud_provider"),
        rs.getString("cloud_instance_id"),
        tags(rs.getString("tags")),
        rs.getLong("open_findings"),
        rs.getObject("risk_score", Integer.class),
        rs.getString("risk_band"),
        rs.getObject("acs", Integer.class),
        rs.getObject("criticality") != null,
        instant(rs, "scored_at"),
        sources,
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        rs.getTimestamp("stale_since") == null ? ACTIVE : STALE,
        instant(rs, "stale_since"));
  }

  private static FindingView finding(ResultSet rs, List<DetectionView> detections)
      throws SQLException {
    return new FindingView(
        rs.getLong("id"),
        rs.getLong("asset_id"),
        rs.getString("finding_key"),
        rs.getString("cve_id"),
        rs.getString("finding_name"),
        rs.getInt("severity"),
        rs.getString("state"),
        instant(rs, "first_found"),
        instant(rs, "last_found"),
        instant(rs, "fixed_on"),
        instant(rs, "reopened_on"),
        rs.getString("decision"),
        instant(rs, "decision_until"),
        rs.getObject("qds", Integer.class),
        rs.getString("qds_band"),
        rs.getString("qds_method"),
        null,
        List.of(),
        detections,
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }

  private static DetectionView detection(ResultSet rs, boolean withAttributes) throws SQLException {
    return new DetectionView(
        rs.getLong("id"),
        rs.getObject("connector_id", UUID.class),
        rs.getString("source_type"),
        rs.getString("vendor_product_name"),
        rs.getString("external_finding_id"),
        rs.getString("asset_source_id"),
        (Long) rs.getObject("source_asset_id"),
        rs.getString("finding_name"),
        rs.getString("cve_id"),
        rs.getString("finding_status"),
        rs.getBoolean("open"),
        rs.getInt("finding_severity"),
        rs.getString("source_severity"),
        rs.getBigDecimal("cvss_v2_base"),
        rs.getBigDecimal("cvss_v3_base"),
        rs.getString("finding_sub_type"),
        rs.getString("detection_method"),
        rs.getString("finding_description"),
        rs.getString("recommendation"),
        instant(rs, "first_found_on"),
        instant(rs, "last_found_on"),
        instant(rs, "fixed_on"),
        withAttributes ? json(rs.getString("attrs")) : null);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  private static java.util.Map<String, Object> json(String text) {
    try {
      return JSON.readValue(text, new com.fasterxml.jackson.core.type.TypeReference<>() {});
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
