package dev.sightline.connector.cortex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.connector.UnexpectedResponseException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups the XQL rows, sorted by {@code endpoint_id}, into one group per endpoint while reading: it
 * holds one endpoint's rows and one row of lookahead, never the result set. A group is handed out
 * only once the next endpoint's first row (or the end) shows it is complete. Rows of endpoints at
 * or before {@code afterId} (already emitted) are skipped; a repeated CVE of one endpoint is kept
 * once. A row whose CVE name is empty (a join that matched nothing) is kept as it came, so the
 * platform rejects it with its reason instead of it vanishing here. Not thread-safe.
 */
final class CortexXdrRowGrouper {

  private static final Logger LOG = LoggerFactory.getLogger(CortexXdrRowGrouper.class);

  /**
   * One endpoint and its CVEs, each {@code {name, severity, description, publication_date,
   * severity_score}}.
   */
  record EndpointGroup(String endpointId, String endpointName, List<ObjectNode> cves) {
    EndpointGroup {
      Objects.requireNonNull(endpointId, "endpointId");
      Objects.requireNonNull(endpointName, "endpointName");
      cves = List.copyOf(cves);
    }
  }

  private final CortexXdrRows rows;
  private final String afterId;
  private JsonNode lookahead;
  private boolean exhausted;
  private long skipped;

  CortexXdrRowGrouper(CortexXdrRows rows, String afterId) {
    this.rows = rows;
    this.afterId = afterId;
  }

  /** The next complete endpoint group, or empty when the rows are exhausted. */
  Optional<EndpointGroup> next() throws IOException {
    JsonNode first = lookahead != null ? lookahead : relevantRow();
    lookahead = null;
    if (first == null) {
      return Optional.empty();
    }
    String id = endpointId(first);
    String name = text(first, CortexXdrXql.ENDPOINT_NAME);
    Map<String, ObjectNode> cves = new LinkedHashMap<>();
    add(cves, first);
    JsonNode row;
    while ((row = relevantRow()) != null) {
      String rowId = endpointId(row);
      if (rowId.equals(id)) {
        add(cves, row);
        continue;
      }
      if (rowId.compareTo(id) < 0) {
        throw new UnexpectedResponseException(
            "Cortex XDR returned XQL rows out of endpoint_id order ('"
                + id
                + "' before '"
                + rowId
                + "') although the query sorts by endpoint_id; stopping rather"
                + " than split an endpoint's CVEs");
      }
      lookahead = row;
      break;
    }
    return Optional.of(new EndpointGroup(id, name, List.copyOf(cves.values())));
  }

  /** True once the rows gave out and every group was handed out. */
  boolean finished() {
    return exhausted && lookahead == null;
  }

  private JsonNode relevantRow() throws IOException {
    while (!exhausted) {
      Optional<JsonNode> row = rows.next();
      if (row.isEmpty()) {
        exhausted = true;
        if (skipped > 0) {
          LOG.info(
              "Skipped {} XQL rows without an endpoint id or of endpoints already emitted",
              skipped);
        }
        return null;
      }
      String id = endpointId(row.get());
      if (id.isEmpty() || (!afterId.isEmpty() && id.compareTo(afterId) <= 0)) {
        skipped++;
        continue;
      }
      return row.get();
    }
    return null;
  }

  private static void add(Map<String, ObjectNode> cves, JsonNode row) {
    String name = text(row, CortexXdrXql.CVE_NAME);
    // Blank names are never duplicates of each other: each row is a finding to account for.
    String key = name.isEmpty() ? "\u0000blank" + cves.size() : name;
    if (cves.containsKey(key)) {
      return;
    }
    ObjectNode cve = CortexXdrWire.JSON.createObjectNode();
    cve.put("name", name);
    copy(row, CortexXdrXql.SEVERITY, cve, "severity");
    copy(row, CortexXdrXql.DESCRIPTION, cve, "description");
    copy(row, CortexXdrXql.PUBLICATION_DATE, cve, "publication_date");
    copy(row, CortexXdrXql.SEVERITY_SCORE, cve, "severity_score");
    cves.put(key, cve);
  }

  private static void copy(JsonNode row, String column, ObjectNode cve, String field) {
    JsonNode value = row.get(column);
    if (value != null && !value.isMissingNode()) {
      cve.set(field, value);
    }
  }

  private static String endpointId(JsonNode row) {
    return row.isObject() ? text(row, CortexXdrXql.ENDPOINT_ID) : "";
  }

  private static String text(JsonNode row, String column) {
    JsonNode value = row.get(column);
    return value != null && value.isValueNode() && !value.isNull() ? value.asText().trim() : "";
  }
}
