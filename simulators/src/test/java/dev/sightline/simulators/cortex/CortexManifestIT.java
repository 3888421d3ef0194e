package dev.sightline.simulators.cortex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.simulators.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The manifest is the ground truth: its counts equal what the API returns, before and after
 * advance.
 */
class CortexManifestIT {
  private static final Instant NOW = Instant.parse("2025-05-05T10:00:00Z");

  @Test
  void shouldCountWhatTheApiReturns() {
    try (CortexXdrSimulator simulator =
        CortexXdrSimulator.start(
            CortexXdrSimulatorOptions.defaults(250)
                .withOffset(500)
                .withClock(new MutableClock(NOW)))) {
      CortexClient client = new CortexClient(simulator);
      JsonNode manifest = simulator.manifest();
      List<JsonNode> endpoints = client.allEndpoints(List.of());
      List<JsonNode> findings = client.rows(XqlTexts.FINDINGS);
      Set<String> cves = new HashSet<>();
      findings.forEach(f -> cves.add(f.get("name").asText()));
      Map<String, Integer> byStatus = new HashMap<>();
      endpoints.forEach(e -> byStatus.merge(e.get("endpoint_status").asText(), 1, Integer::sum));

      assertThat(manifest.get("vendor").asText()).isEqualTo("cortex-xdr");
      assertThat(manifest.get("fleetOffset").asInt()).isEqualTo(500);
      assertThat(manifest.get("hosts").asInt()).isEqualTo(250);
      assertThat(manifest.get("agents").asInt())
          .isEqualTo(manifest.get("endpoints").asInt())
          .isEqualTo(250 + manifest.get("reimagedMachines").asInt())
          .isEqualTo(endpoints.size());
      assertThat(manifest.get("reimagedMachines").asInt()).isPositive();
      assertThat(manifest.get("findings").asInt()).isEqualTo(findings.size());
      assertThat(manifest.get("cves").asInt()).isEqualTo(cves.size());
      assertThat(findings.size() / (double) endpoints.size()).isBetween(7.0, 12.0);
      manifest
          .get("byStatus")
          .fields()
          .forEachRemaining(
              s ->
                  assertThat(byStatus.getOrDefault(s.getKey(), 0))
                      .as(s.getKey())
                      .isEqualTo(s.getValue().asInt()));
      assertThat(manifest.get("security").asText()).isEqualTo("standard");
      assertThat(manifest.get("keyId").asText()).isEqualTo("7");
      assertThat(manifest.toString()).doesNotContain(simulator.options().key());
    }
  }

  @Test
  void shouldChangeFindingsAndMoveLastSeenOnAdvance() {
    MutableClock clock = new MutableClock(NOW);
    try (CortexXdrSimulator simulator =
        CortexXdrSimulator.start(CortexXdrSimulatorOptions.defaults(120).withClock(clock))) {
      CortexClient client = new CortexClient(simulator);
      Set<String> before = pairs(client.rows(XqlTexts.FINDINGS));
      long findingsBefore = simulator.manifest().get("findings").asLong();
      clock.advance(Duration.ofMinutes(5));
      long advancedAt = clock.millis();

      simulator.advance(40);
      JsonNode manifest = simulator.manifest();
      Set<String> after = pairs(client.rows(XqlTexts.FINDINGS));
      Set<String> fixed = new HashSet<>(before);
      fixed.removeAll(after);
      Set<String> added = new HashSet<>(after);
      added.removeAll(before);
      List<JsonNode> moved =
          client.allEndpoints(
              List.of(Map.of("field", "last_seen", "operator", "gte", "value", advancedAt)));

      assertThat(fixed.size() + added.size()).isEqualTo(40);
      assertThat(manifest.at("/lastAdvance/fixed").asInt()).isEqualTo(fixed.size());
      assertThat(manifest.at("/lastAdvance/added").asInt()).isEqualTo(added.size());
      assertThat(manifest.get("findings").asLong())
          .isEqualTo(findingsBefore - fixed.size() + added.size())
          .isEqualTo(after.size());
      assertThat(manifest.get("advances").asInt()).isEqualTo(1);
      assertThat(moved)
          .hasSize(manifest.at("/lastAdvance/endpoints").asInt())
          .allMatch(e -> e.get("endpoint_status").asText().equals("CONNECTED"));
      Set<String> movedIds = new HashSet<>();
      moved.forEach(e -> movedIds.add(e.get("endpoint_id").asText()));
      for (String pair : fixed) {
        assertThat(movedIds).contains(pair.substring(0, pair.indexOf('/')));
      }
    }
  }

  private static Set<String> pairs(List<JsonNode> rows) {
    Set<String> out = new HashSet<>();
    rows.forEach(r -> out.add(r.get("endpoint_id").asText() + "/" + r.get("name").asText()));
    return out;
  }
}
