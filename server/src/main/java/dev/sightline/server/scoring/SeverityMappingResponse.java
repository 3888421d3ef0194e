package dev.sightline.server.scoring;

import dev.sightline.platform.rescoring.ScoringSettings.ConnectorMapping;
import dev.sightline.platform.scoring.SeverityMapping;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A connector's Risk Severity Mapping and whether a user edited it ({@code custom}). */
record SeverityMappingResponse(UUID connectorId, boolean custom, Mapping mapping) {

  /** The table: source value → severity 1..5 → QDS, and the severity of an unlisted value. */
  record Mapping(
      String connector,
      List<SourceValue> sourceValues,
      Map<Integer, Integer> qdsBySeverity,
      int defaultSeverity) {

    static Mapping from(SeverityMapping m) {
      return new Mapping(
          m.connector(),
          m.sourceValues().stream().map(SourceValue::from).toList(),
          new LinkedHashMap<>(m.qdsBySeverity()),
          m.defaultSeverity());
    }
  }

  /** One row: a value the source sends and the severity it means. */
  record SourceValue(String value, int severity) {
    static SourceValue from(SeverityMapping.SourceValue v) {
      return new SourceValue(v.value(), v.severity());
    }
  }

  static SeverityMappingResponse from(ConnectorMapping m) {
    return new SeverityMappingResponse(m.connectorId(), m.custom(), Mapping.from(m.mapping()));
  }
}
