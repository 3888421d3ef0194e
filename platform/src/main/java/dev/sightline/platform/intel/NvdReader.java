package dev.sightline.platform.intel;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.platform.intel.IntelValues.Place;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Streams NVD CVE API 2.0 JSON: a response or feed ({@code format: NVD_CVE, version, timestamp,
 * vulnerabilities[].cve}), one record at a time; or a single CVE record as
 * fkie-cad/nvd-json-data-feeds stores them ({@code id, published, lastModified, metrics}).
 */
final class NvdReader {
  /** One CVE's scores; numbers are canonical decimal text, null when NVD has none. */
  record Cve(
      String cveId,
      Instant published,
      Instant lastModified,
      String cvssV3Base,
      String cvssV3Vector,
      String cvssV2Base) {}

  /** The file's own facts: {@code sourceDate} is the feed timestamp, else the newest record. */
  record Feed(String version, Instant sourceDate, long records) {}

  private final String file;
  private Instant newest;
  private Long totalResults;

  NvdReader(String file) {
    this.file = file;
  }

  Feed read(JsonParser p, RowSink<Cve> sink) throws IOException, SQLException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw IntelValues.problem(
          new Place(file, 1, ""),
          "the file is not a JSON object",
          "Pass an NVD CVE API 2.0 response or record.");
    }
    // Fields other than vulnerabilities[] are small: feed metadata, or one record's parts
    ObjectNode top = JsonNodeFactory.instance.objectNode();
    long startLine = p.currentTokenLocation().getLineNr();
    long records = -1;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      if (field.equals("vulnerabilities")) {
        records = vulnerabilities(p, sink);
      } else {
        top.set(field, p.readValueAsTree());
      }
    }
    if (records >= 0) {
      if (top.path("totalResults").canConvertToLong()) {
        totalResults = top.get("totalResults").asLong();
      }
      String version =
          (top.path("format").asText("NVD_CVE") + " " + top.path("version").asText("")).trim();
      Instant stamp =
          top.hasNonNull("timestamp")
              ? IntelValues.instant(
                  new Place(file, startLine, "timestamp"), top.get("timestamp").asText())
              : newest;
      return new Feed(version, stamp, records);
    }
    if (top.hasNonNull("id")) {
      sink.accept(cve(top, startLine, ""));
      return new Feed("NVD_CVE 2.0 record", newest, 1);
    }
    throw IntelValues.problem(
        new Place(file, startLine, ""),
        "neither vulnerabilities[] nor a CVE record (id, published, lastModified)",
        "Pass an NVD CVE API 2.0 response or a single CVE record.");
  }

  /**
   * What an API response says its query matches in all ({@code totalResults}), known once {@link
   * #read} returned; empty for a feed file or a single record.
   */
  OptionalLong totalResults() {
    return totalResults == null ? OptionalLong.empty() : OptionalLong.of(totalResults);
  }

  private long vulnerabilities(JsonParser p, RowSink<Cve> sink) throws IOException, SQLException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw IntelValues.problem(
          new Place(file, p.currentTokenLocation().getLineNr(), "vulnerabilities"),
          "expected an array",
          "Pass an NVD CVE API 2.0 response.");
    }
    long index = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      long line = p.currentTokenLocation().getLineNr();
      JsonNode element = p.readValueAsTree();
      String path = "vulnerabilities[" + index + "].cve";
      JsonNode cve = element == null ? null : element.get("cve");
      if (cve == null || !cve.isObject()) {
        throw IntelValues.problem(
            new Place(file, line, path),
            "the element has no cve object",
            "Pass an NVD CVE API 2.0 response as NVD publishes it.");
      }
      sink.accept(cve(cve, line, path + "."));
      index++;
    }
    return index;
  }

  private Cve cve(JsonNode cve, long line, String path) {
    String id = IntelValues.cveId(new Place(file, line, path + "id"), text(cve, "id"));
    String where = path + "(" + id + ") ";
    Instant published =
        IntelValues.instant(new Place(file, line, where + "published"), text(cve, "published"));
    Instant modified =
        IntelValues.instant(
            new Place(file, line, where + "lastModified"), text(cve, "lastModified"));
    if (newest == null || modified.isAfter(newest)) {
      newest = modified;
    }
    JsonNode metrics = cve.path("metrics");
    JsonNode v3 = preferred(metrics.path("cvssMetricV31"));
    if (v3.isMissingNode()) {
      v3 = preferred(metrics.path("cvssMetricV30"));
    }
    JsonNode v2 = preferred(metrics.path("cvssMetricV2"));
    String v3Base = score(v3, line, where + "metrics.cvssMetricV3x.cvssData.baseScore");
    String v2Base = score(v2, line, where + "metrics.cvssMetricV2.cvssData.baseScore");
    String vector = v3.path("cvssData").path("vectorString").asText(null);
    return new Cve(id, published, modified, v3Base, vector, v2Base);
  }

  /** NVD's own ("Primary") assessment when there is one, else the first (a CNA's). */
  private static JsonNode preferred(JsonNode metrics) {
    if (!metrics.isArray() || metrics.isEmpty()) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    for (JsonNode metric : metrics) {
      if ("Primary".equals(metric.path("type").asText())) {
        return metric;
      }
    }
    return metrics.get(0);
  }

  private String score(JsonNode metric, long line, String field) {
    if (metric.isMissingNode()) {
      return null;
    }
    JsonNode base = metric.path("cvssData").path("baseScore");
    return IntelValues.decimal(
        new Place(file, line, field), base.isMissingNode() ? null : base.asText(), 0, 10);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
