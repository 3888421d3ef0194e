package dev.sightline.platform.export;

import dev.sightline.platform.errors.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an export reads, per entity: the columns it may carry (the only SQL an export runs besides
 * the query's bound WHERE) and those it carries when none are asked for.
 */
public enum ExportEntity {
  ASSETS(
      "FROM asset a JOIN LATERAL primary_source(a.id) p ON true",
      // An asset is shown while at least one source reports it, as in the listing.
      "EXISTS (SELECT 1 FROM source_asset s WHERE s.asset_id = a.id)",
      "a.id",
      List.of(
          new ExportColumn("id", "a.id"),
          new ExportColumn("name", "p.asset_name"),
          new ExportColumn("hostName", "p.host_name"),
          new ExportColumn("fqdn", "p.fqdn"),
          new ExportColumn("domain", "p.domain"),
          new ExportColumn("type", "p.asset_type"),
          new ExportColumn("os", "p.os_name"),
          new ExportColumn("osVersion", "p.os_version"),
          new ExportColumn("serial", "p.bios_serial"),
          new ExportColumn("manufacturer", "p.bios_manufacturer"),
          new ExportColumn("cloudProvider", "p.cloud_provider"),
          new ExportColumn("criticality", "a.acs"),
          new ExportColumn("riskScore", "a.risk_score"),
          new ExportColumn("riskBand", "a.risk_band"),
          new ExportColumn(
              "ipAddresses",
              "(SELECT string_agg(DISTINCT x, ' ' ORDER BY x) FROM source_asset s,"
                  + " unnest(s.ip_addresses) x WHERE s.asset_id = a.id)"),
          new ExportColumn(
              "macAddresses",
              "(SELECT string_agg(DISTINCT x, ' ' ORDER BY x) FROM source_asset s,"
                  + " unnest(s.mac_addresses) x WHERE s.asset_id = a.id)"),
          new ExportColumn(
              "firstFound",
              "(SELECT min(s.first_found) FROM source_asset s WHERE s.asset_id = a.id)"),
          new ExportColumn(
              "lastSeen", "(SELECT max(s.last_seen) FROM source_asset s WHERE s.asset_id = a.id)"),
          new ExportColumn(
              "sources",
              "(SELECT string_agg(DISTINCT c.name, '; ' ORDER BY c.name) FROM source_asset s"
                  + " JOIN connector c ON c.id = s.connector_id WHERE s.asset_id = a.id)"),
          new ExportColumn(
              "openFindings",
              "(SELECT count(*) FROM finding f WHERE f.asset_id = a.id"
                  + " AND finding_counts(f.state, f.decision, f.decision_until, now()))")),
      List.of(
          "id",
          "hostName",
          "domain",
          "type",
          "os",
          "ipAddresses",
          "criticality",
          "riskScore",
          "riskBand",
          "lastSeen",
          "sources")),
  FINDINGS(
      "FROM finding f",
      "true",
      "f.id",
      List.of(
          new ExportColumn("id", "f.id"),
          new ExportColumn("assetId", "f.asset_id"),
          new ExportColumn("hostName", "(SELECT p.host_name FROM primary_source(f.asset_id) p)"),
          new ExportColumn("cveId", "f.cve_id"),
          new ExportColumn("name", "f.finding_name"),
          new ExportColumn("severity", "f.severity"),
          new ExportColumn("qds", "f.qds"),
          new ExportColumn("qdsBand", "f.qds_band"),
          new ExportColumn("state", "f.state"),
          new ExportColumn("firstFound", "f.first_found"),
          new ExportColumn("lastFound", "f.last_found"),
          new ExportColumn("fixedOn", "f.fixed_on"),
          new ExportColumn("decision", "f.decision"),
          new ExportColumn(
              "vendorProductNames",
              "(SELECT string_agg(DISTINCT d.vendor_product_name, '; '"
                  + " ORDER BY d.vendor_product_name) FROM detection d JOIN source_asset s"
                  + " ON s.id = d.source_asset_id WHERE s.asset_id = f.asset_id"
                  + " AND d.finding_key = f.finding_key)")),
      // The finding's own columns by default: they stream at hundreds of thousands of rows a
      // second; hostName and vendorProductNames look up other tables for every row (about ten
      // times slower on a million findings, docs/benchmarks.md) and come when asked for.
      List.of(
          "id",
          "assetId",
          "cveId",
          "name",
          "severity",
          "qds",
          "qdsBand",
          "state",
          "firstFound",
          "lastFound",
          "fixedOn",
          "decision"));

  private final String from;
  private final String shown;
  private final String order;
  private final Map<String, ExportColumn> columns = new LinkedHashMap<>();
  private final List<String> defaults;

  ExportEntity(
      String from, String shown, String order, List<ExportColumn> columns, List<String> defaults) {
    this.from = from;
    this.shown = shown;
    this.order = order;
    columns.forEach(c -> this.columns.put(c.name().toLowerCase(Locale.ROOT), c));
    this.defaults = defaults;
  }

  String from() {
    return from;
  }

  String shown() {
    return shown;
  }

  String order() {
    return order;
  }

  /** Every column name an export of this entity may carry. */
  public List<String> columnNames() {
    return columns.values().stream().map(ExportColumn::name).toList();
  }

  /** Refuses unknown column names (a 400 listing the known ones) before anything is streamed. */
  public void check(List<String> asked) {
    columns(asked);
  }

  /**
   * The columns asked for ({@code id,hostName}), in that order, any letter case; the defaults when
   * none; a 400 naming the unknown ones and listing the known.
   */
  List<ExportColumn> columns(List<String> asked) {
    List<String> names = asked == null || asked.isEmpty() ? defaults : asked;
    List<ExportColumn> chosen = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String name : names) {
      ExportColumn c = columns.get(name.trim().toLowerCase(Locale.ROOT));
      if (c == null) {
        unknown.add(name);
      } else {
        chosen.add(c);
      }
    }
    if (!unknown.isEmpty()) {
      throw new InvalidRequestException(
          "columns",
          "has unknown columns " + unknown + ": choose from " + String.join(", ", columnNames()));
    }
    return chosen;
  }
}
