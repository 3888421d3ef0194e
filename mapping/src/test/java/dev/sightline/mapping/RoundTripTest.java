package dev.sightline.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.connector.RecordKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** toJson writes the file format, and reading it back gives an equal map. */
class RoundTripTest {

  @Test
  void shouldReadBackWhatItWrites() {
    Map<String, String> severities = new LinkedHashMap<>();
    severities.put("CRITICAL", "5");
    severities.put("HIGH", "4");
    TransformMap original =
        TransformMap.of(
            "Round trip",
            "Rows of every shape",
            List.of(
                new FieldMapping(
                    "CVE Severity",
                    "cve.severity",
                    "findingSeverity",
                    RecordKind.FINDING,
                    FieldType.INTEGER,
                    true,
                    severities,
                    Optional.of("2"),
                    true,
                    "with \"quotes\" and ünïcode"),
                new FieldMapping(
                    null,
                    "network_interfaces[].mac_address",
                    "macAddress",
                    RecordKind.ASSET,
                    FieldType.STRING_LIST,
                    false,
                    Map.of(),
                    Optional.empty(),
                    false,
                    null),
                new FieldMapping(
                    "Base",
                    "starts_with(v || '', 'CVSS:3') && s || `null`",
                    "cvssV3Base",
                    RecordKind.FINDING,
                    FieldType.DECIMAL,
                    false,
                    null,
                    null,
                    false,
                    "")));

    String json = original.toJson();
    TransformMap reread = Maps.parse(json);

    assertThat(reread).isEqualTo(original);
    assertThat(reread.fields()).isEqualTo(original.fields());
    assertThat(reread.toJson()).isEqualTo(json);
    assertThat(json)
        .contains("\"name\": \"Round trip\"", "\"default\": \"2\"", "\"valueMap\": {")
        .doesNotContain("\"note\": \"\"");
  }

  @Test
  void shouldRoundTripTheShippedCrowdStrikeMap() throws IOException {
    TransformMap shipped;
    try (InputStream in = Files.newInputStream(Workspace.crowdStrikeMapFile())) {
      shipped = TransformMap.parse(in, "crowdstrike-spotlight-map.json");
    }

    assertThat(Maps.parse(shipped.toJson())).isEqualTo(shipped);
    // The file is kept in the format toJson writes, so a map saved from the console diffs cleanly.
    assertThat(shipped.toJson()).isEqualTo(Files.readString(Workspace.crowdStrikeMapFile()));
  }

  @Test
  void shouldLoadAMapFromTheClasspath() {
    TransformMap map = TransformMap.fromClasspath("/maps/minimal-map.json");

    assertThat(map.name()).isEqualTo("Minimal test map");
    assertThat(map.fields(RecordKind.FINDING))
        .extracting(FieldMapping::target)
        .containsExactly("externalFindingId");
    assertThat(map.fields(RecordKind.ASSET)).isEmpty();
    assertThat(TransformMap.fromClasspath("maps/minimal-map.json")).isEqualTo(map);
  }

  @Test
  void shouldSayWhichClasspathResourceIsMissing() {
    assertThatThrownBy(() -> TransformMap.fromClasspath("maps/nowhere.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maps/nowhere.json");
  }

  @Test
  void shouldDefaultTheSourceLabelToTheExpression() {
    TransformMap map =
        Maps.withRows(
            "{\"expression\":\"id\",\"target\":\"externalFindingId\",\"appliesTo\":\"finding\",\"type\":\"string\"}");

    FieldMapping row = map.fields().get(0);
    assertThat(row.sourceLabel()).isEqualTo("id");
    assertThat(row.appliesTo()).isEqualTo(RecordKind.FINDING);
    assertThat(row.type()).isEqualTo(FieldType.STRING);
    assertThat(row.required()).isFalse();
    assertThat(row.fromSeed()).isFalse();
    assertThat(row.note()).isEmpty();
  }
}
