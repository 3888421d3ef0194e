package dev.sightline.simulators.crowdstrike;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.simulators.testsupport.MutableClock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DeltaIT {
  private static final String ALL = "created_timestamp:>='2000-01-01T00:00:00Z'";

  @Test
  void shouldReturnExactlyTheChangedRecordsAfterAnAdvance() {
    try (CrowdStrikeSimulator simulator =
        CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(120))) {
      SimClient client = new SimClient(simulator).authenticate();
      Map<String, JsonNode> before =
          byId(client.readAll(SpotlightEndpoint.PATH, p -> {}, "filter", ALL, "limit", "5000"));
      Instant watermark =
          before.values().stream()
              .map(r -> Instant.parse(r.get("updated_timestamp").asText()))
              .max(Instant::compareTo)
              .orElseThrow();

      simulator.advance(40);
      List<JsonNode> delta =
          client.readAll(
              SpotlightEndpoint.PATH,
              p -> {},
              "filter",
              "updated_timestamp:>'" + watermark + "'",
              "limit",
              "7",
              "sort",
              "updated_timestamp|asc");
      Map<String, JsonNode> after =
          byId(client.readAll(SpotlightEndpoint.PATH, p -> {}, "filter", ALL, "limit", "5000"));

      Set<String> changed =
          after.entrySet().stream()
              .filter(e -> !e.getValue().equals(before.get(e.getKey())))
              .map(Map.Entry::getKey)
              .collect(Collectors.toSet());
      assertThat(changed).hasSize(40);
      assertThat(delta)
          .extracting(r -> r.get("id").asText())
          .containsExactlyInAnyOrderElementsOf(changed);
      assertThat(delta)
          .allSatisfy(
              r ->
                  assertThat(Instant.parse(r.get("updated_timestamp").asText()))
                      .isAfter(watermark));
      JsonNode manifest = simulator.manifest();
      assertThat(manifest.get("advances").asInt()).isEqualTo(1);
      assertThat(manifest.get("vulnerabilities").asLong()).isEqualTo(after.size());
      for (String status : List.of("open", "closed", "reopen", "expired")) {
        assertThat(
                after.values().stream()
                    .filter(r -> r.get("status").asText().equals(status))
                    .count())
            .as(status)
            .isEqualTo(manifest.at("/byStatus/" + status).asLong());
      }
      assertThat(manifest.at("/lastAdvance/changes").asInt()).isEqualTo(40);
    }
  }

  @Test
  void shouldStampEachAdvanceLaterThanEverythingBefore() {
    MutableClock clock = new MutableClock(Instant.parse("2025-03-10T12:00:00Z"));
    try (CrowdStrikeSimulator simulator =
        CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(40).withClock(clock))) {
      SimClient client = new SimClient(simulator).authenticate();
      simulator.advance(5);
      simulator.advance(5); // same clock reading: still strictly later
      List<JsonNode> records =
          client.readAll(
              SpotlightEndpoint.PATH,
              p -> {},
              "filter",
              "updated_timestamp:>='2025-03-10T12:00:00Z'",
              "limit",
              "100");

      Map<String, Long> byTime =
          records.stream()
              .collect(
                  Collectors.groupingBy(
                      r -> r.get("updated_timestamp").asText(), Collectors.counting()));
      assertThat(byTime)
          .containsOnly(
              Map.entry("2025-03-10T12:00:00Z", 5L), Map.entry("2025-03-10T12:00:01Z", 5L));
      assertThat(simulator.manifest().get("anchor").asText()).isEqualTo("2025-03-09T23:00:00Z");
    }
  }

  private static Map<String, JsonNode> byId(List<JsonNode> records) {
    Map<String, JsonNode> out = new HashMap<>();
    records.forEach(r -> out.put(r.get("id").asText(), r));
    return out;
  }
}
