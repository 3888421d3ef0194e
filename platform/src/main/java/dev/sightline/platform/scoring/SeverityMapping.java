package dev.sightline.platform.scoring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A connector's Risk Severity Mapping: the value a source gives → severity 1–5 → QDS. It scores the
 * findings that threat intelligence cannot (no CVE, or a CVE nothing is known about), as the seed's
 * "Risk Severity Mapping" tab does. Editable: a value with validation and a JSON form.
 *
 * @param connector the connector type it belongs to
 * @param sourceValues the expected source values, matched ignoring case and surrounding blanks
 * @param qdsBySeverity the QDS of each severity 1..5
 * @param defaultSeverity the severity of a finding whose source value is absent or not listed
 */
public record SeverityMapping(
    String connector,
    List<SourceValue> sourceValues,
    Map<Integer, Integer> qdsBySeverity,
    int defaultSeverity) {

  /** One row of the table: a value the source sends and the severity it means. */
  public record SourceValue(String value, int severity) {}

  /** A row as the seed's tab shows it: expected source value, severity, QDS. */
  public record Row(String sourceValue, int severity, int qds) {}

  /** The outcome for one finding, with the row that decided it. */
  public record Mapped(String sourceValue, int severity, int qds, boolean usedDefault) {}

  public SeverityMapping {
    List<String> problems = new ArrayList<>();
    if (connector == null || connector.isBlank()) {
      problems.add("connector is required");
    }
    sourceValues = List.copyOf(sourceValues == null ? List.of() : sourceValues);
    Set<String> seen = new HashSet<>();
    for (SourceValue row : sourceValues) {
      if (row == null || row.value() == null || row.value().isBlank()) {
        problems.add("sourceValues: a row has no value");
        continue;
      }
      if (row.severity() < 1 || row.severity() > 5) {
        problems.add(
            "sourceValues '" + row.value() + "': severity must be 1..5, not " + row.severity());
      }
      if (!seen.add(key(row.value()))) {
        problems.add("sourceValues '" + row.value() + "' is listed twice");
      }
    }
    Map<Integer, Integer> qds = new TreeMap<>(qdsBySeverity == null ? Map.of() : qdsBySeverity);
    for (int severity = 1; severity <= 5; severity++) {
      Integer value = qds.get(severity);
      if (value == null) {
        problems.add("qdsBySeverity: severity " + severity + " has no QDS");
      } else if (value < 1 || value > 100) {
        problems.add(
            "qdsBySeverity: severity " + severity + " has QDS " + value + "; a QDS is 1..100");
      }
    }
    if (!qds.keySet().stream().allMatch(s -> s >= 1 && s <= 5)) {
      problems.add("qdsBySeverity: severities are 1..5, not " + qds.keySet());
    }
    if (defaultSeverity < 1 || defaultSeverity > 5) {
      problems.add("defaultSeverity must be 1..5, not " + defaultSeverity);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    qdsBySeverity = java.util.Collections.unmodifiableMap(qds);
  }

  /**
   * The seed's table for a connector type: source 1..5 → severity 1..5 → QDS 20/40/60/80/100,
   * default severity 2, plus the severity words the connector declares ({@code
   * SourceMeaning#severityWords}).
   */
  public static SeverityMapping seed(String connector, Map<String, Integer> words) {
    List<SourceValue> rows = new ArrayList<>();
    for (int severity = 1; severity <= 5; severity++) {
      rows.add(new SourceValue(Integer.toString(severity), severity));
    }
    words.forEach((word, severity) -> rows.add(new SourceValue(word, severity)));
    return new SeverityMapping(connector, rows, Map.of(1, 20, 2, 40, 3, 60, 4, 80, 5, 100), 2);
  }

  /** The severity and QDS for what the source said (null or blank: it said nothing). */
  public Mapped map(String sourceValue) {
    if (sourceValue != null && !sourceValue.isBlank()) {
      String wanted = key(sourceValue);
      for (SourceValue row : sourceValues) {
        if (key(row.value()).equals(wanted)) {
          return new Mapped(sourceValue, row.severity(), qdsBySeverity.get(row.severity()), false);
        }
      }
    }
    return new Mapped(sourceValue, defaultSeverity, qdsBySeverity.get(defaultSeverity), true);
  }

  /** The table as the seed shows it: expected source value, severity, QDS. */
  public List<Row> rows() {
    return sourceValues.stream()
        .map(r -> new Row(r.value(), r.severity(), qdsBySeverity.get(r.severity())))
        .toList();
  }

  public String toJson() {
    return ScoringJson.write(this);
  }

  public static SeverityMapping fromJson(String json) {
    return ScoringJson.read(json, SeverityMapping.class);
  }

  private static String key(String value) {
    return value.trim().toUpperCase(Locale.ROOT);
  }
}
