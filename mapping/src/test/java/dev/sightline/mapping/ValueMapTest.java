package dev.sightline.mapping;

import static dev.sightline.connector.RecordKind.ASSET;
import static dev.sightline.connector.RecordKind.FINDING;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Value maps apply before conversion, case-insensitively; defaults fill what is empty or unmapped.
 */
class ValueMapTest {

  private static final String SEVERITY_ROW =
      Maps.row(
          "FINDING",
          "INTEGER",
          "findingSeverity",
          "cve.severity",
          ",\"required\":true,\"valueMap\":{\"CRITICAL\":\"5\",\"HIGH\":\"4\",\"MEDIUM\":\"3\","
              + "\"LOW\":\"2\",\"NONE\":\"1\"},\"default\":\"2\"");

  private static MappingResult severityOf(String cve) {
    return Maps.withRows(SEVERITY_ROW).apply(Maps.record("{\"cve\":" + cve + "}"), FINDING);
  }

  @ParameterizedTest
  @CsvSource({"CRITICAL, 5", "critical, 5", "High, 4", "MEDIUM, 3", "low, 2", "NONE, 1"})
  void shouldMapVendorWordsBeforeConvertingAndIgnoreCase(String word, long severity) {
    MappingResult result = severityOf("{\"severity\":\"" + word + "\"}");

    assertThat(result.problems()).isEmpty();
    assertThat(result.record().integer("findingSeverity")).contains(severity);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"severity\":\"UNKNOWN\"}",
        "{\"severity\":null}",
        "{\"severity\":\"\"}",
        "{}",
        "null"
      })
  void shouldUseTheDefaultWhenTheValueIsUnmappedOrMissing(String cve) {
    MappingResult result = severityOf(cve);

    assertThat(result.accepted()).isTrue();
    assertThat(result.problems()).isEmpty();
    assertThat(result.record().integer("findingSeverity")).contains(2L);
  }

  @Test
  void shouldPassUnmappedValuesThroughWhenThereIsNoDefault() {
    TransformMap map =
        Maps.withRows(
            Maps.row(
                "FINDING",
                "STRING",
                "findingSubType",
                "confidence",
                ",\"valueMap\":{\"confirmed\":\"Confirmed\"}"));

    assertThat(
            map.apply(Maps.record("{\"confidence\":\"CONFIRMED\"}"), FINDING)
                .record()
                .string("findingSubType"))
        .contains("Confirmed");
    assertThat(
            map.apply(Maps.record("{\"confidence\":\"potential\"}"), FINDING)
                .record()
                .string("findingSubType"))
        .contains("potential");
  }

  @Test
  void shouldMapEveryElementOfAList() {
    TransformMap map =
        Maps.withRows(
            Maps.row(
                "ASSET",
                "STRING_LIST",
                "sourceTags",
                "tags",
                ",\"valueMap\":{\"SensorGroupingTags/prod\":\"production\",\"FalconGroupingTags/prod\":\"production\"}"));

    MappingResult result =
        map.apply(
            Maps.record(
                "{\"tags\":[\"SensorGroupingTags/prod\",\"FalconGroupingTags/Prod\",\"pci\"]}"),
            ASSET);

    assertThat(result.record().strings("sourceTags")).containsExactly("production", "pci");
  }

  @Test
  void shouldMatchNumbersAndBooleansByTheirText() {
    TransformMap map =
        Maps.withRows(
            Maps.row(
                    "ASSET",
                    "INTEGER",
                    "criticality",
                    "level",
                    ",\"valueMap\":{\"25\":\"1\",\"75\":\"4\"}")
                + ","
                + Maps.row(
                    "ASSET",
                    "STRING",
                    "cloudProvider",
                    "cloud",
                    ",\"valueMap\":{\"true\":\"AWS\"}"));

    MappingResult result = map.apply(Maps.record("{\"level\":75,\"cloud\":true}"), ASSET);

    assertThat(result.record().integer("criticality")).contains(4L);
    assertThat(result.record().string("cloudProvider")).contains("AWS");
  }

  @Test
  void shouldApplyADefaultWithoutAValueMap() {
    TransformMap map =
        Maps.withRows(
            Maps.row("FINDING", "STRING", "findingStatus", "status", ",\"default\":\"open\""));

    assertThat(map.apply(Maps.record("{}"), FINDING).record().string("findingStatus"))
        .contains("open");
    assertThat(
            map.apply(Maps.record("{\"status\":\"closed\"}"), FINDING)
                .record()
                .string("findingStatus"))
        .contains("closed");
  }
}
