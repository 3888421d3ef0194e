package dev.sightline.platform.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeverityMappingTest {

  @Test
  void shouldCarryTheSeedTableAndDefaultSeverity() {
    SeverityMapping mapping = SeedMappings.crowdStrike();
    assertThat(mapping.rows())
        .startsWith(
            new SeverityMapping.Row("1", 1, 20),
            new SeverityMapping.Row("2", 2, 40),
            new SeverityMapping.Row("3", 3, 60),
            new SeverityMapping.Row("4", 4, 80),
            new SeverityMapping.Row("5", 5, 100));
    assertThat(mapping.rows()).contains(new SeverityMapping.Row("CRITICAL", 5, 100));
    assertThat(mapping.defaultSeverity()).isEqualTo(2);
    assertThat(mapping.qdsBySeverity()).isEqualTo(Map.of(1, 20, 2, 40, 3, 60, 4, 80, 5, 100));
  }

  @Test
  void shouldMapCrowdStrikeWordsAndLeaveUnknownToTheDefault() {
    SeverityMapping mapping = SeedMappings.crowdStrike();
    assertThat(mapping.map("CRITICAL"))
        .isEqualTo(new SeverityMapping.Mapped("CRITICAL", 5, 100, false));
    assertThat(mapping.map(" high ").severity()).isEqualTo(4);
    assertThat(mapping.map("MEDIUM").qds()).isEqualTo(60);
    assertThat(mapping.map("LOW").qds()).isEqualTo(40);
    assertThat(mapping.map("NONE").qds()).isEqualTo(20);
    assertThat(mapping.map("UNKNOWN"))
        .isEqualTo(new SeverityMapping.Mapped("UNKNOWN", 2, 40, true));
    assertThat(mapping.map(null).usedDefault()).isTrue();
    assertThat(mapping.map("INFORMATIONAL").usedDefault()).isTrue();
  }

  @Test
  void shouldMapCortexWords() {
    SeverityMapping mapping = SeedMappings.cortexXdr();
    assertThat(mapping.map("INFORMATIONAL").qds()).isEqualTo(20);
    assertThat(mapping.map("CRITICAL").qds()).isEqualTo(100);
    assertThat(mapping.map("3").qds()).isEqualTo(60);
    assertThat(SeedMappings.forType("cortex-xdr")).isEqualTo(mapping);
    assertThat(SeedMappings.forType("qualys").map("INFORMATIONAL").qds()).isEqualTo(20);
  }

  @Test
  void shouldRoundTripThroughJsonAfterAnEdit() {
    SeverityMapping edited =
        new SeverityMapping(
            "crowdstrike",
            List.of(
                new SeverityMapping.SourceValue("CRITICAL", 5),
                new SeverityMapping.SourceValue("HIGH", 5)),
            Map.of(1, 10, 2, 30, 3, 50, 4, 75, 5, 95),
            3);
    String json = edited.toJson();
    assertThat(json).contains("\"defaultSeverity\":3").contains("\"qdsBySeverity\":{\"1\":10");
    SeverityMapping back = SeverityMapping.fromJson(json);
    assertThat(back).isEqualTo(edited);
    assertThat(back.map("high").qds()).isEqualTo(95);
    assertThat(back.map("LOW")).isEqualTo(new SeverityMapping.Mapped("LOW", 3, 50, true));
  }

  @Test
  void shouldListEveryProblemOfAnInvalidTable() {
    assertThatThrownBy(
            () ->
                new SeverityMapping(
                    "crowdstrike",
                    List.of(
                        new SeverityMapping.SourceValue("HIGH", 6),
                        new SeverityMapping.SourceValue("high", 4)),
                    Map.of(1, 20, 2, 40, 3, 60, 4, 0),
                    0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sourceValues 'HIGH': severity must be 1..5, not 6")
        .hasMessageContaining("sourceValues 'high' is listed twice")
        .hasMessageContaining("qdsBySeverity: severity 4 has QDS 0")
        .hasMessageContaining("qdsBySeverity: severity 5 has no QDS")
        .hasMessageContaining("defaultSeverity must be 1..5, not 0");
  }

  @Test
  void shouldRejectInvalidJsonWithTheReason() {
    assertThatThrownBy(
            () ->
                SeverityMapping.fromJson(
                    "{\"connector\":\"x\",\"sourceValues\":[],"
                        + "\"qdsBySeverity\":{\"1\":20,\"2\":40,\"3\":60,\"4\":80,\"5\":100},\"defaultSeverity\":9}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid SeverityMapping: defaultSeverity must be 1..5, not 9");
    String typo =
        SeedMappings.crowdStrike().toJson().replace("\"defaultSeverity\"", "\"defaultSeverty\"");
    assertThatThrownBy(() -> SeverityMapping.fromJson(typo))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid SeverityMapping")
        .hasMessageContaining("defaultSeverity");
  }
}
