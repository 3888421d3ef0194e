package dev.sightline.server.console.inventory;

import dev.sightline.platform.views.AssetSourceView;
import dev.sightline.platform.views.AssetView;
import dev.sightline.platform.views.FindingView;
import dev.sightline.server.console.Times;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The columns the Assets > Host and Findings > Vulnerability tables may show, named as the exports
 * name them; the defaults are the first ones a person needs to triage.
 */
final class Columns {
  private Columns() {}

  static String when(Instant at) {
    return Times.minute(at);
  }

  static final List<Column<AssetView>> ASSETS =
      List.of(
          new Column<>("id", "Id", "asset.id", a -> Cell.link(a.id(), "/assets/" + a.id())),
          new Column<>(
              "hostName",
              "Host name",
              "asset.hostName",
              a -> Cell.link(a.hostName(), "/assets/" + a.id())),
          new Column<>("name", "Name", "asset.name", a -> Cell.text(a.assetName())),
          new Column<>("fqdn", "FQDN", "asset.fqdn", a -> Cell.text(a.fqdn())),
          new Column<>("domain", "Domain", "asset.domain", a -> Cell.text(a.domain())),
          new Column<>("type", "Type", null, a -> Cell.text(a.assetType())),
          new Column<>("os", "OS", "asset.os", a -> Cell.text(a.operatingSystemName())),
          new Column<>(
              "osVersion",
              "OS version",
              "asset.osVersion",
              a -> Cell.text(a.operatingSystemVersion())),
          new Column<>(
              "ipAddresses",
              "IP addresses",
              null,
              a -> Cell.text(String.join(" ", a.ipAddresses()))),
          new Column<>(
              "macAddresses",
              "MAC addresses",
              null,
              a -> Cell.text(String.join(" ", a.macAddresses()))),
          new Column<>("serial", "Serial", "asset.serial", a -> Cell.text(a.biosSerialNumber())),
          new Column<>(
              "manufacturer",
              "Manufacturer",
              "asset.manufacturer",
              a -> Cell.text(a.biosManufacturer())),
          new Column<>(
              "cloudProvider", "Cloud", "asset.cloudProvider", a -> Cell.text(a.cloudProvider())),
          new Column<>(
              "criticality", "Criticality", "asset.criticality", a -> Cell.number(a.criticality())),
          new Column<>(
              "riskScore", "Risk score", "asset.riskScore", a -> Cell.number(a.riskScore())),
          new Column<>("riskBand", "Risk band", null, a -> Cell.badge(Badge.band(a.riskBand()))),
          new Column<>(
              "openFindings",
              "Open findings",
              null,
              a -> Cell.link(a.openFindings(), "/findings?q=" + Links.enc("asset.id:" + a.id()))),
          new Column<>(
              "firstFound",
              "First found",
              "asset.firstFound",
              a -> Cell.text(when(a.firstFoundDate()))),
          new Column<>(
              "lastSeen", "Last seen", "asset.lastSeen", a -> Cell.text(when(a.lastSeen()))),
          new Column<>(
              "sources",
              "Sources",
              null,
              a ->
                  Cell.text(
                      a.sources().stream()
                          .map(AssetSourceView::connectorName)
                          .filter(Objects::nonNull)
                          .distinct()
                          .sorted()
                          .collect(Collectors.joining("; ")))));

  static final List<String> ASSET_DEFAULTS =
      List.of(
          "id",
          "hostName",
          "type",
          "os",
          "ipAddresses",
          "riskScore",
          "riskBand",
          "lastSeen",
          "sources");

  static final List<Column<FindingView>> FINDINGS =
      List.of(
          new Column<>("id", "Id", "finding.id", f -> Cell.link(f.id(), "/findings/" + f.id())),
          new Column<>(
              "assetId", "Asset", null, f -> Cell.link(f.assetId(), "/assets/" + f.assetId())),
          new Column<>(
              "cveId", "CVE", "finding.cveId", f -> Cell.link(f.cveId(), "/findings/" + f.id())),
          new Column<>("name", "Name", null, f -> Cell.text(f.findingName())),
          new Column<>(
              "severity",
              "Severity",
              "finding.severity",
              f -> Cell.badge(Badge.severity(f.findingSeverity()))),
          new Column<>("qds", "QDS", "finding.qds", f -> Cell.number(f.qds())),
          new Column<>("qdsBand", "QDS band", null, f -> Cell.badge(Badge.band(f.qdsBand()))),
          new Column<>("state", "State", null, f -> Cell.text(f.state())),
          new Column<>(
              "firstFound",
              "First found",
              "finding.firstFound",
              f -> Cell.text(when(f.firstFound()))),
          new Column<>(
              "lastFound", "Last found", "finding.lastFound", f -> Cell.text(when(f.lastFound()))),
          new Column<>("fixedOn", "Fixed on", "finding.fixedOn", f -> Cell.text(when(f.fixedOn()))),
          new Column<>("decision", "Decision", null, f -> Cell.text(f.decision())),
          new Column<>(
              "vendorProductNames",
              "Products",
              null,
              f -> Cell.text(String.join("; ", f.vendorProductNames()))));

  static final List<String> FINDING_DEFAULTS =
      List.of("id", "cveId", "name", "severity", "qds", "state", "assetId", "lastFound");
}
