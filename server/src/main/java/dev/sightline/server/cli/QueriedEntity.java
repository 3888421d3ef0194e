package dev.sightline.server.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * What {@code sightline query} searches: assets or findings, with the path of their listing and
 * export and the columns its table can show (named as the export names them).
 */
enum QueriedEntity {
  ASSETS(
      "assets",
      List.of(
          TableColumn.number("id", "id"),
          TableColumn.text("name", "assetName", 40),
          TableColumn.text("hostName", "hostName", 40),
          TableColumn.text("fqdn", "fqdn", 50),
          TableColumn.text("domain", "domain", 30),
          TableColumn.text("type", "assetType", 20),
          TableColumn.text("os", "operatingSystemName", 30),
          TableColumn.text("osVersion", "operatingSystemVersion", 30),
          TableColumn.text("serial", "biosSerialNumber", 30),
          TableColumn.text("manufacturer", "biosManufacturer", 30),
          TableColumn.text("cloudProvider", "cloudProvider", 15),
          TableColumn.number("criticality", "criticality"),
          TableColumn.number("riskScore", "riskScore"),
          TableColumn.text("riskBand", "riskBand", 10),
          TableColumn.list("ipAddresses", "ipAddresses", " ", 50),
          TableColumn.list("macAddresses", "macAddresses", " ", 40),
          TableColumn.text("firstFound", "firstFoundDate", 30),
          TableColumn.text("lastSeen", "lastSeen", 30),
          new TableColumn(
              "sources",
              false,
              50,
              item ->
                  String.join(
                      "; ",
                      StreamSupport.stream(item.path("sources").spliterator(), false)
                          .map(s -> TableColumn.scalar(s.path("connectorName")))
                          .filter(n -> !n.isEmpty())
                          .distinct()
                          .sorted()
                          .toList())),
          TableColumn.number("openFindings", "openFindings"),
          TableColumn.text("state", "state", 10)),
      List.of("id", "hostName", "type", "os", "riskScore", "riskBand")),
  FINDINGS(
      "findings",
      List.of(
          TableColumn.number("id", "id"),
          TableColumn.number("assetId", "assetId"),
          // Not in a finding's answer: looked up from its asset (see QueryTable).
          TableColumn.text("hostName", "hostName", 40),
          TableColumn.text("cveId", "cveId", 20),
          TableColumn.text("name", "findingName", 60),
          TableColumn.number("severity", "findingSeverity"),
          TableColumn.number("qds", "qds"),
          TableColumn.text("qdsBand", "qdsBand", 10),
          TableColumn.text("state", "state", 10),
          TableColumn.text("firstFound", "firstFound", 30),
          TableColumn.text("lastFound", "lastFound", 30),
          TableColumn.text("fixedOn", "fixedOn", 30),
          TableColumn.text("decision", "decision", 16),
          TableColumn.list("vendorProductNames", "vendorProductNames", "; ", 50)),
      List.of("id", "hostName", "cveId", "qds", "state", "name"));

  private final String path;
  private final Map<String, TableColumn> columns = new LinkedHashMap<>();
  private final List<String> defaults;

  QueriedEntity(String path, List<TableColumn> columns, List<String> defaults) {
    this.path = path;
    columns.forEach(c -> this.columns.put(c.name().toLowerCase(Locale.ROOT), c));
    this.defaults = defaults;
  }

  static Optional<QueriedEntity> parse(String text) {
    for (QueriedEntity e : values()) {
      if (e.path.equals(text.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** {@code assets} or {@code findings}, as in {@code /api/v1/assets}. */
  String path() {
    return path;
  }

  /** The table's columns: those asked for, in that order (any letter case), or the defaults. */
  List<TableColumn> tableColumns(List<String> asked) throws QueryFailure {
    List<String> names = asked == null || asked.isEmpty() ? defaults : asked;
    List<String> unknown =
        names.stream()
            .filter(n -> !columns.containsKey(n.trim().toLowerCase(Locale.ROOT)))
            .toList();
    if (!unknown.isEmpty()) {
      throw new QueryFailure(
          QueryFailure.BAD_QUERY,
          "--columns has unknown columns "
              + unknown
              + " for a table of "
              + path
              + ": choose from "
              + String.join(", ", columns.values().stream().map(TableColumn::name).toList()));
    }
    return names.stream().map(n -> columns.get(n.trim().toLowerCase(Locale.ROOT))).toList();
  }
}
