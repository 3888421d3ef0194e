package dev.sightline.server.scoring;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.sightline.platform.scoring.SeverityMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code PUT /api/v1/connectors/{id}/severity-mapping}: the source values with their
 * severity (1..5), the QDS of each severity and the default severity, e.g. {@code {"sourceValues":
 * [{"value": "HIGH", "severity": 4}], "qdsBySeverity": {"1": 20, …, "5": 100}, "defaultSeverity":
 * 2}}. The path names the connector, so the body does not. {@code unknown}: any other field,
 * refused.
 */
record SeverityMappingRequest(
    List<SourceValue> sourceValues,
    Map<Integer, Integer> qdsBySeverity,
    Integer defaultSeverity,
    @JsonAnySetter Map<String, Object> unknown) {

  /** One row: a value the source sends and the severity it means. */
  record SourceValue(String value, Integer severity, @JsonAnySetter Map<String, Object> unknown) {}

  /**
   * The platform's value for {@code connector}; the platform stores it under the connector's type
   * whatever this value names.
   */
  SeverityMapping toMapping(String connector) {
    SettingBody body =
        new SettingBody("severity mapping", "SeverityMapping")
            .noOtherFields("", unknown, "sourceValues, qdsBySeverity, defaultSeverity");
    List<SeverityMapping.SourceValue> rows = new ArrayList<>();
    for (SourceValue row : sourceValues == null ? List.<SourceValue>of() : sourceValues) {
      if (row == null) {
        body.problem("sourceValues: a row has no value");
        continue;
      }
      String where = "sourceValues '" + row.value() + "': ";
      body.noOtherFields(where, row.unknown(), "value, severity");
      Integer severity = body.required(where + "severity", row.severity());
      rows.add(new SeverityMapping.SourceValue(row.value(), severity == null ? 0 : severity));
    }
    Integer fallback = body.required("defaultSeverity", defaultSeverity);
    return body.build(() -> new SeverityMapping(connector, rows, qdsBySeverity, fallback));
  }
}
