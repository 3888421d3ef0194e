package dev.sightline.platform.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.connector.RecordKind;
import dev.sightline.connector.StreamSpec;
import dev.sightline.mapping.MappedRecord;
import dev.sightline.mapping.MappingProblem;
import dev.sightline.mapping.MappingResult;
import dev.sightline.mapping.TransformMap;
import io.burt.jmespath.Expression;
import io.burt.jmespath.jackson.JacksonRuntime;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Turns one stream's raw vendor records into rows with the connector's transform map. A record
 * that cannot be mapped is rejected with its reasons, never dropped and never fatal to the run.
 */
public final class RecordMapper {
  private static final JacksonRuntime JMESPATH = new JacksonRuntime();
  private static final int DEFAULT_SEVERITY = 2;

  private final StreamSpec stream;
  private final TransformMap map;
  private final String vendorProductName;
  private final Expression<JsonNode> recordKey;
  private final Optional<Expression<JsonNode>> assetKey;

  public RecordMapper(StreamSpec stream, TransformMap map, String vendorProductName) {
    this.stream = stream;
    this.map = map;
    this.vendorProductName = vendorProductName;
    this.recordKey = JMESPATH.compile(stream.recordKey());
    this.assetKey = stream.assetKey().isBlank()
        ? Optional.empty() : Optional.of(JMESPATH.compile(stream.assetKey()));
  }

  public MappedPage map(List<JsonNode> records) {
    List<AssetRow> assets = new ArrayList<>();
    List<FindingRow> findings = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    for (JsonNode record : records) {
      Optional<String> key = text(recordKey, record);
      if (key.isEmpty()) {
        rejections.add(new Rejection(null, List.of("the record has no '" + stream.recordKey()
            + "' (its stable vendor id), so it cannot be stored without risking duplicates")));
        continue;
      }
      MappingResult result = map.apply(record, stream.kind());
      if (!result.accepted()) {
        rejections.add(new Rejection(key.get(),
            result.problems().stream().map(MappingProblem::message).toList()));
        continue;
      }
      if (stream.kind() == RecordKind.ASSET) {
        assets.add(asset(key.get(), result.record()));
      } else {
        Optional<String> asset = assetKey.flatMap(e -> text(e, record));
        findings.add(finding(key.get(), asset.orElse(null), result.record()));
      }
    }
    return new MappedPage(records.size(), assets, findings, rejections);
  }

  private static AssetRow asset(String key, MappedRecord r) {
    LinkedHashSet<String> ips = new LinkedHashSet<>(r.strings("ipAddress"));
    ips.addAll(r.strings("ipv4Address"));
    ips.addAll(r.strings("ipv6Address"));
    return new AssetRow(key, r.string("externalAssetId").orElse(key),
        r.string("assetName").orElse(null), r.string("hostName").orElse(null),
        r.string("fqdn").orElse(null), r.string("domain").orElse(null),
        r.string("assetType").orElse(null), r.string("operatingSystemName").orElse(null),
        r.string("operatingSystemVersion").orElse(null),
        r.string("biosInfoSerialNumber").orElse(null),
        r.string("biosInfoManufacturer").orElse(null), List.copyOf(ips),
        r.strings("macAddress"), r.instant("firstFoundDate").orElse(null),
        r.instant("lastSeen").orElse(null), r.string("cloudProvider").orElse(null),
        r.string("cloudInstanceId").orElse(null), r.strings("sourceTags"), r.asMap());
  }

  private FindingRow finding(String key, String assetSourceId, MappedRecord r) {
    int severity = r.integer("findingSeverity").map(Long::intValue)
        .filter(s -> s >= 1 && s <= 5).orElse(DEFAULT_SEVERITY);
    return new FindingRow(r.string("externalFindingId").orElse(key), assetSourceId,
        r.string("findingName").orElse(key), r.string("cveId").orElse(null), severity,
        r.string("sourceSeverity").orElse(null), score(r, "cvssV2Base"), score(r, "cvssV3Base"),
        r.string("findingStatus").orElse(null), r.string("findingSubType").orElse(null),
        r.string("detectionMethod").orElse(null), r.string("findingDescription").orElse(null),
        r.string("recommendation").orElse(null), r.instant("firstFoundOn").orElse(null),
        r.instant("findingLastFoundOn").orElse(null), r.instant("fixedOn").orElse(null),
        vendorProductName, r.asMap());
  }

  private static BigDecimal score(MappedRecord r, String target) {
    return r.decimal(target).filter(d -> d.signum() >= 0 && d.compareTo(BigDecimal.TEN) <= 0)
        .orElse(null);
  }

  private static Optional<String> text(Expression<JsonNode> expression, JsonNode record) {
    if (record == null || !record.isObject()) {
      return Optional.empty();
    }
    try {
      JsonNode v = expression.search(record);
      if (v == null || v.isNull() || v.isMissingNode() || v.isContainerNode()) {
        return Optional.empty();
      }
      String s = v.asText();
      return s.isBlank() ? Optional.empty() : Optional.of(s);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
