package dev.sightline.platform.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
  private final Optional<Expression<JsonNode>> elementKey;

  public RecordMapper(StreamSpec stream, TransformMap map, String vendorProductName) {
    this.stream = stream;
    this.map = map;
    this.vendorProductName = vendorProductName;
    this.recordKey = JMESPATH.compile(stream.recordKey());
    this.assetKey = stream.assetKey().isBlank()
        ? Optional.empty() : Optional.of(JMESPATH.compile(stream.assetKey()));
    this.elementKey = stream.elements().map(e -> JMESPATH.compile(e.key()));
  }

  public MappedPage map(List<JsonNode> records) {
    List<AssetRow> assets = new ArrayList<>();
    List<FindingRow> findings = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    int fetched = records.size();
    for (JsonNode record : records) {
      Optional<String> key = text(recordKey, record);
      if (key.isEmpty()) {
        rejections.add(new Rejection(null, List.of("the record has no '" + stream.recordKey()
            + "' (its stable vendor id), so it cannot be stored without risking duplicates")));
        continue;
      }
      if (stream.kind() == RecordKind.ASSET) {
        MappingResult result = map.apply(record, RecordKind.ASSET);
        if (accepted(result, key.get(), rejections)) {
          assets.add(asset(key.get(), result.record()));
        }
        continue;
      }
      Optional<String> asset = assetKey.flatMap(e -> text(e, record));
      if (stream.elements().isEmpty()) {
        MappingResult result = map.apply(record, RecordKind.FINDING);
        if (accepted(result, key.get(), rejections)) {
          findings.add(finding(key.get(), asset.orElse(null), result.record()));
        }
        continue;
      }
      fetched += mapElements((ObjectNode) record, key.get(), asset.orElse(null), findings,
          rejections) - 1;
    }
    return new MappedPage(fetched, assets, findings, rejections);
  }

  /**
   * Maps each element of the record's findings array as if the record held it alone, so seed
   * expressions like {@code cves[].name} read that element. Returns how many findings it saw.
   */
  private int mapElements(ObjectNode record, String recordKey, String asset,
      List<FindingRow> findings, List<Rejection> rejections) {
    String field = stream.elements().orElseThrow().field();
    JsonNode elements = record.get(field);
    if (elements == null || !elements.isArray()) {
      return 0;
    }
    for (JsonNode element : elements) {
      ObjectNode view = record.objectNode();
      view.setAll(record);
      view.set(field, view.arrayNode().add(element));
      Optional<String> own = elementKey.flatMap(e -> text(e, element));
      if (own.isEmpty()) {
        rejections.add(new Rejection(recordKey, List.of("an element of '" + field
            + "' has no '" + stream.elements().get().key() + "', so it cannot be stored without"
            + " risking duplicates")));
        continue;
      }
      String key = recordKey + "/" + own.get();
      MappingResult result = map.apply(view, RecordKind.FINDING);
      if (accepted(result, key, rejections)) {
        findings.add(finding(key, asset, result.record()));
      }
    }
    return elements.size();
  }

  private static boolean accepted(MappingResult result, String key, List<Rejection> rejections) {
    if (!result.accepted()) {
      rejections.add(new Rejection(key,
          result.problems().stream().map(MappingProblem::message).toList()));
    }
    return result.accepted();
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
    // The stable id is the stream's key: a map's externalFindingId (Cortex: the CVE name) need not
    // be unique across assets, so it is kept in the attributes only.
    return new FindingRow(key, assetSourceId,
        r.string("findingName").orElse(key), r.string("cveId").orElse(null), severity,
        r.string("sourceSeverity").orElse(null), score(r, "cvssV2Base"), score(r, "cvssV3Base"),
        r.string("findingStatus").orElse(null), r.string("findingSubType").orElse(null),
        r.string("detectionMethod").orElse(null), r.string("findingDescription").orElse(null),
        r.string("recommendation").orElse(null), r.instant("firstFoundOn").orElse(null),
        r.instant("findingLastFoundOn").orElse(null), r.instant("fixedOn").orElse(null),
        vendorProductName, FindingRow.isOpen(r.string("findingStatus").orElse(null),
            r.instant("fixedOn").orElse(null)), r.asMap());
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
