package dev.sightline.platform.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.connector.RecordKind;
import dev.sightline.connector.SourceMeaning;
import dev.sightline.connector.StreamSpec;
import dev.sightline.connector.TagKind;
import dev.sightline.mapping.MappedRecord;
import dev.sightline.mapping.MappingProblem;
import dev.sightline.mapping.MappingResult;
import dev.sightline.mapping.TransformMap;
import dev.sightline.platform.inventory.AssetRow;
import dev.sightline.platform.inventory.FindingRow;
import io.burt.jmespath.Expression;
import io.burt.jmespath.jackson.JacksonRuntime;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one stream's raw vendor records into rows with the connector's transform map. A record that
 * cannot be mapped is rejected with its reasons, never dropped and never fatal to the run; so is a
 * finding inside a record (with its path in the record), and a finding that names no asset.
 */
public final class PageMapper {
  private static final JacksonRuntime JMESPATH = new JacksonRuntime();
  private static final int DEFAULT_SEVERITY = 2;

  private final StreamSpec stream;
  private final TransformMap map;
  private final String vendorProductName;
  private final Expression<JsonNode> recordKey;
  private final Optional<Expression<JsonNode>> assetKey;
  private final Optional<Expression<JsonNode>> elementKey;
  private final Optional<Expression<JsonNode>> snapshot;
  private final TransformMap assetMap;
  private final AssetRows assetRows;
  private final SourceMeaning meaning;

  public PageMapper(StreamSpec stream, TransformMap map, String vendorProductName) {
    this(stream, map, map, vendorProductName, List.of(), SourceMeaning.COMMON);
  }

  /**
   * @param assetMap the map for the connector's asset records, which also maps host snapshots
   * @param tagKinds the connector's tag kinds ({@code ConnectorDescriptor#tagKinds})
   * @param meaning what the connector's finding statuses mean ({@code ConnectorDescriptor#meaning})
   */
  public PageMapper(
      StreamSpec stream,
      TransformMap map,
      TransformMap assetMap,
      String vendorProductName,
      List<TagKind> tagKinds,
      SourceMeaning meaning) {
    this.stream = stream;
    this.map = map;
    this.assetMap = assetMap;
    this.vendorProductName = vendorProductName;
    this.assetRows = new AssetRows(tagKinds);
    this.meaning = meaning;
    this.recordKey = JMESPATH.compile(stream.recordKey());
    this.assetKey =
        stream.assetKey().isBlank()
            ? Optional.empty()
            : Optional.of(JMESPATH.compile(stream.assetKey()));
    this.elementKey = stream.elements().map(e -> JMESPATH.compile(e.key()));
    this.snapshot = stream.assetSnapshot().map(JMESPATH::compile);
  }

  public MappedPage map(List<JsonNode> records) {
    Page page = new Page();
    for (JsonNode record : records) {
      if (stream.elements().isPresent()) {
        mapCarrier(record, page);
      } else {
        mapRecord(record, page);
      }
    }
    return page.done(records.size());
  }

  private void mapRecord(JsonNode record, Page page) {
    Optional<String> key = text(recordKey, record);
    if (key.isEmpty()) {
      page.rejectRecord(null, noKey(), 0);
      return;
    }
    if (stream.kind() == RecordKind.ASSET) {
      MappingResult result = map.apply(record, RecordKind.ASSET);
      if (page.accepted(result, key.get(), null, 0)) {
        page.assets.add(assetRows.from(key.get(), result.record()));
      }
      return;
    }
    Optional<String> asset = assetKey.flatMap(e -> text(e, record));
    if (asset.isEmpty()) {
      page.rejectRecord(key.get(), noAsset(), 0);
      return;
    }
    MappingResult result = map.apply(record, RecordKind.FINDING);
    if (page.accepted(result, key.get(), null, 0)) {
      page.findings.add(finding(key.get(), asset.get(), result.record()));
      page.carrying(asset.get(), record);
    }
  }

  /**
   * Maps each element of the record's findings array as if the record held it alone, so seed
   * expressions like {@code cves[].name} read that element.
   */
  private void mapCarrier(JsonNode record, Page page) {
    String field = stream.elements().orElseThrow().field();
    JsonNode elements = record != null && record.isObject() ? record.get(field) : null;
    int count = elements != null && elements.isArray() ? elements.size() : 0;
    page.elementsFetched += count;
    Optional<String> key = text(recordKey, record);
    if (key.isEmpty()) {
      page.rejectRecord(null, noKey() + withElements(count, field), count);
      return;
    }
    Optional<String> asset = assetKey.flatMap(e -> text(e, record));
    if (asset.isEmpty()) {
      page.rejectRecord(key.get(), noAsset() + withElements(count, field), count);
      return;
    }
    page.acceptedRecords++;
    page.carrying(asset.get(), record);
    for (int i = 0; i < count; i++) {
      JsonNode element = elements.get(i);
      String path = field + "[" + i + "]";
      ObjectNode view = ((ObjectNode) record).objectNode();
      view.setAll((ObjectNode) record);
      view.set(field, view.arrayNode().add(element));
      Optional<String> own = elementKey.flatMap(e -> text(e, element));
      if (own.isEmpty()) {
        page.rejectElement(
            key.get(),
            path,
            "the finding in '"
                + field
                + "' has no '"
                + stream.elements().get().key()
                + "' (its id within the record; the source returned"
                + " it empty), so it cannot be told apart from the record's other findings");
        continue;
      }
      String findingKey = key.get() + "/" + own.get();
      MappingResult result = map.apply(view, RecordKind.FINDING);
      if (page.accepted(result, findingKey, path, 1)) {
        page.findings.add(finding(findingKey, asset.get(), result.record()));
        page.elementPaths.put(findingKey, path);
      }
    }
  }

  private String noKey() {
    return "the record has no '"
        + stream.recordKey()
        + "' (its stable vendor id), so it cannot be stored without risking duplicates";
  }

  private String noAsset() {
    return "the record has no '"
        + stream.assetKey()
        + "' (the asset it belongs to), so it cannot be attached to an asset";
  }

  private static String withElements(int count, String field) {
    return count == 0
        ? ""
        : "; its " + count + " finding(s) in '" + field + "' are rejected with it";
  }

  /** The rows, rejections and figures of the page being mapped. */
  private final class Page {
    final List<AssetRow> assets = new ArrayList<>();
    final List<FindingRow> findings = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();
    final Map<String, String> elementPaths = new HashMap<>();
    final Map<String, JsonNode> recordByAsset = new HashMap<>();
    long rejectedRecords;
    long acceptedRecords;
    long elementsFetched;
    long elementsRejected;

    void carrying(String asset, JsonNode record) {
      if (snapshot.isPresent()) {
        recordByAsset.putIfAbsent(asset, record);
      }
    }

    boolean accepted(MappingResult result, String key, String path, int elements) {
      if (result.accepted()) {
        return true;
      }
      List<String> reasons = result.problems().stream().map(MappingProblem::message).toList();
      if (path != null) {
        rejections.add(new Rejection(key, path, reasons, elements));
        elementsRejected += elements;
      } else {
        rejections.add(new Rejection(key, null, reasons, 0));
        rejectedRecords++;
      }
      return false;
    }

    void rejectRecord(String key, String reason, int elements) {
      rejections.add(new Rejection(key, null, List.of(reason), elements));
      rejectedRecords++;
      elementsRejected += elements;
    }

    void rejectElement(String recordKey, String path, String reason) {
      rejections.add(new Rejection(recordKey, path, List.of(reason), 1));
      elementsRejected++;
    }

    MappedPage done(int records) {
      boolean carriers = stream.elements().isPresent();
      // A carrier record is stored when it is not rejected: its findings are tallied apart.
      StreamTally tally =
          new StreamTally(
              records,
              carriers ? acceptedRecords : 0,
              rejectedRecords,
              elementsFetched,
              0,
              elementsRejected,
              0);
      int fetched = carriers ? (int) elementsFetched : records;
      AssetSnapshots snapshots =
          snapshot.isEmpty()
              ? AssetSnapshots.NONE
              : new AssetSnapshots(snapshot, assetMap, assetRows, recordByAsset);
      return new MappedPage(
          fetched, assets, findings, rejections, tally, carriers, elementPaths, snapshots);
    }
  }

  private FindingRow finding(String key, String assetSourceId, MappedRecord r) {
    int severity =
        r.integer("findingSeverity")
            .map(Long::intValue)
            .filter(s -> s >= 1 && s <= 5)
            .orElse(DEFAULT_SEVERITY);
    // The stable id is the stream's key: a map's externalFindingId (Cortex: the CVE name) need not
    // be unique across assets, so it is kept in the attributes only.
    return new FindingRow(
        key,
        assetSourceId,
        r.string("findingName").orElse(key),
        r.string("cveId").orElse(null),
        severity,
        r.string("sourceSeverity").orElse(null),
        score(r, "cvssV2Base"),
        score(r, "cvssV3Base"),
        r.string("findingStatus").orElse(null),
        r.string("findingSubType").orElse(null),
        r.string("detectionMethod").orElse(null),
        r.string("findingDescription").orElse(null),
        r.string("recommendation").orElse(null),
        r.instant("firstFoundOn").orElse(null),
        r.instant("findingLastFoundOn").orElse(null),
        r.instant("fixedOn").orElse(null),
        vendorProductName,
        open(r.string("findingStatus").orElse(null), r.instant("fixedOn").orElse(null)),
        r.asMap());
  }

  /**
   * Whether the source says the vulnerability is still there: by what the connector declares its
   * status means, else (no status, or one it did not declare) by whether it gave a fix date.
   */
  private boolean open(String status, java.time.Instant fixedOn) {
    return meaning.status(status).map(SourceMeaning.Status::open).orElse(fixedOn == null);
  }

  private static BigDecimal score(MappedRecord r, String target) {
    return r.decimal(target)
        .filter(d -> d.signum() >= 0 && d.compareTo(BigDecimal.TEN) <= 0)
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
