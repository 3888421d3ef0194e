package dev.sightline.platform.inventory;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.errors.InvalidRequestException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Read side of the inventory: paged listings with simple filters. */
public final class InventoryQueries {
  public static final int MAX_PAGE_SIZE = 1000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Jdbc jdbc;

  public InventoryQueries(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** Filters a listing may take; empty means all. */
  public record Filter(Optional<UUID> connectorId, Optional<String> status) {
    public static Filter none() {
      return new Filter(Optional.empty(), Optional.empty());
    }
  }

  public PageOf<AssetView> assets(Filter filter, int page, int size) {
    checkPaging(page, size);
    Where where = where(filter, "a", false);
    long total = jdbc.queryOne("SELECT count(*) FROM asset a" + where.sql, rs -> rs.getLong(1),
        where.params.toArray()).orElse(0L);
    List<Object> params = new ArrayList<>(where.params);
    params.add(size);
    params.add((long) page * size);
    List<AssetView> items = jdbc.query(
        "SELECT a.*, a.attributes::text AS attrs, c.type AS source_type,"
            + " (SELECT count(*) FROM finding f WHERE f.asset_id = a.id"
            + "   AND f.fixed_on IS NULL AND coalesce(f.finding_status, '') <> 'closed') AS open_findings"
            + " FROM asset a JOIN connector c ON c.id = a.connector_id" + where.sql
            + " ORDER BY a.id LIMIT ? OFFSET ?",
        InventoryQueries::asset, params.toArray());
    return new PageOf<>(total, page, size, items);
  }

  public PageOf<FindingView> findings(Filter filter, int page, int size) {
    checkPaging(page, size);
    Where where = where(filter, "f", true);
    long total = jdbc.queryOne("SELECT count(*) FROM finding f" + where.sql, rs -> rs.getLong(1),
        where.params.toArray()).orElse(0L);
    List<Object> params = new ArrayList<>(where.params);
    params.add(size);
    params.add((long) page * size);
    List<FindingView> items = jdbc.query(
        "SELECT f.*, f.attributes::text AS attrs FROM finding f" + where.sql
            + " ORDER BY f.id LIMIT ? OFFSET ?",
        InventoryQueries::finding, params.toArray());
    return new PageOf<>(total, page, size, items);
  }

  private static void checkPaging(int page, int size) {
    if (page < 0) {
      throw new InvalidRequestException("page", "page starts at 0; it was " + page);
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidRequestException("size",
          "size must be between 1 and " + MAX_PAGE_SIZE + "; it was " + size);
    }
  }

  private record Where(String sql, List<Object> params) {}

  private static Where where(Filter filter, String alias, boolean findings) {
    List<String> clauses = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    filter.connectorId().ifPresent(id -> {
      clauses.add(alias + ".connector_id = ?");
      params.add(id);
    });
    if (findings) {
      filter.status().ifPresent(s -> {
        clauses.add("lower(" + alias + ".finding_status) = lower(?)");
        params.add(s);
      });
    }
    return new Where(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), params);
  }

  private static AssetView asset(ResultSet rs) throws SQLException {
    return new AssetView(rs.getLong("id"), rs.getObject("connector_id", UUID.class),
        rs.getString("source_type"), rs.getString("source_record_id"),
        rs.getString("external_asset_id"), rs.getString("asset_name"), rs.getString("host_name"),
        rs.getString("fqdn"), rs.getString("domain"), rs.getString("asset_type"),
        rs.getString("os_name"), rs.getString("os_version"), rs.getString("bios_serial"),
        rs.getString("bios_manufacturer"), strings(rs.getArray("ip_addresses")),
        strings(rs.getArray("mac_addresses")), instant(rs, "first_found"),
        instant(rs, "last_seen"), rs.getString("cloud_provider"),
        rs.getString("cloud_instance_id"), strings(rs.getArray("source_tags")),
        rs.getLong("open_findings"), json(rs.getString("attrs")), instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }

  private static FindingView finding(ResultSet rs) throws SQLException {
    return new FindingView(rs.getLong("id"), rs.getObject("connector_id", UUID.class),
        rs.getString("external_finding_id"), (Long) rs.getObject("asset_id"),
        rs.getString("asset_source_id"), rs.getString("finding_name"), rs.getString("cve_id"),
        rs.getInt("finding_severity"), rs.getString("source_severity"),
        rs.getBigDecimal("cvss_v2_base"), rs.getBigDecimal("cvss_v3_base"),
        rs.getString("finding_status"), rs.getString("finding_sub_type"),
        rs.getString("detection_method"), rs.getString("finding_description"),
        rs.getString("recommendation"), instant(rs, "first_found_on"),
        instant(rs, "last_found_on"), instant(rs, "fixed_on"),
        rs.getString("vendor_product_name"), json(rs.getString("attrs")),
        instant(rs, "created_at"), instant(rs, "updated_at"));
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
