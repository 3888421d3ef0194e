package dev.sightline.simulators.crowdstrike;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DeterminismIT {
  private static final Clock FIXED =
      Clock.fixed(Instant.parse("2025-02-02T12:00:00Z"), ZoneOffset.UTC);
  private static final String[] QUERY = {
    "filter",
    "created_timestamp:>='2000-01-01T00:00:00Z'",
    "limit",
    "500",
    "facet",
    "cve",
    "facet",
    "host_info",
    "facet",
    "remediation",
    "facet",
    "evaluation_logic"
  };

  @Test
  void shouldServeTheSameBytesForTheSameSeed() {
    String first = resources(CrowdStrikeSimulatorOptions.defaults(40).withSeed(7).withClock(FIXED));
    String second =
        resources(CrowdStrikeSimulatorOptions.defaults(40).withSeed(7).withClock(FIXED));
    String other = resources(CrowdStrikeSimulatorOptions.defaults(40).withSeed(8).withClock(FIXED));

    assertThat(first).isEqualTo(second);
    assertThat(first).isNotEqualTo(other);
  }

  @Test
  void shouldShowTheSameMachinesThroughAnyFleetWindow() {
    JsonNode whole = hosts(CrowdStrikeSimulatorOptions.defaults(30).withClock(FIXED));
    JsonNode window =
        hosts(CrowdStrikeSimulatorOptions.defaults(10).withOffset(20).withClock(FIXED));

    for (JsonNode host : window) {
      assertThat(whole.findValuesAsText("system_serial_number"))
          .contains(host.get("system_serial_number").asText());
    }
    assertThat(whole.findValuesAsText("hostname")).containsAll(window.findValuesAsText("hostname"));
  }

  @Test
  void shouldWriteUnsignedEvaluationLogicIdsBeyondLongRange() {
    try (CrowdStrikeSimulator simulator =
        CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(40).withClock(FIXED))) {
      JsonNode page =
          new SimClient(simulator).authenticate().get(SpotlightEndpoint.PATH, QUERY).body();

      assertThat(page.findValues("logic")).isNotEmpty();
      assertThat(
              page.findValues("logic").stream()
                  .flatMap(l -> java.util.stream.StreamSupport.stream(l.spliterator(), false))
                  .map(l -> l.get("id")))
          .anyMatch(id -> id.isBigInteger() && id.bigIntegerValue().bitLength() == 64);
    }
  }

  private static String resources(CrowdStrikeSimulatorOptions options) {
    try (CrowdStrikeSimulator simulator = CrowdStrikeSimulator.start(options)) {
      SimClient client = new SimClient(simulator).authenticate();
      return client.get(SpotlightEndpoint.PATH, QUERY).resources().toString();
    }
  }

  private static JsonNode hosts(CrowdStrikeSimulatorOptions options) {
    try (CrowdStrikeSimulator simulator = CrowdStrikeSimulator.start(options)) {
      SimClient client = new SimClient(simulator).authenticate();
      return client
          .get(DiscoverEndpoints.COMBINED, "filter", "entity_type:'managed'", "limit", "1000")
          .resources();
    }
  }
}
