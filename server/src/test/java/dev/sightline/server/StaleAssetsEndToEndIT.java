package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.retention.StaleAssets;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Stale assets as the API shows them after a sweep: each asset's state and date, the listing by
 * state, and totals that leave stale assets out. The sweep runs a day after the tenant's anchor, so
 * the hosts its sensor last saw more than 29 days before the anchor are stale.
 */
class StaleAssetsEndToEndIT {

  @Test
  void shouldMarkAssetsUnseenForThirtyDaysStaleAndLeaveThemOutOfTheTotals() throws Exception {
    try (CrowdStrikeSimulator sim =
            CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(300));
        TestServer server = new TestServer("127.0.0.1", Optional.of(sim.caCertificatePem()))) {
      var created =
          server.post(
              "/api/v1/connectors",
              Map.of(
                  "type",
                  "crowdstrike",
                  "name",
                  "falcon",
                  "auth",
                  Map.of(
                      "url",
                      sim.baseUrl().toString(),
                      "clientId",
                      "sim-client",
                      "clientSecret",
                      "sim-secret")));
      JsonNode run = CortexXdrEndToEndIT.runToEnd(server, created.json().path("id").asText());
      assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("PROCESSED");
      Instant now = Instant.parse(sim.manifest().path("anchor").asText()).plus(Duration.ofDays(1));
      Instant cutoff = now.minus(Duration.ofDays(30));
      List<Long> unseen = new ArrayList<>();
      server
          .get("/api/v1/assets?size=1000")
          .json()
          .path("items")
          .forEach(
              a -> {
                if (!Instant.parse(a.path("lastSeen").asText()).isAfter(cutoff)) {
                  unseen.add(a.path("id").asLong());
                }
              });
      assertThat(unseen).as("the tenant has hosts not seen for a month").isNotEmpty();

      // The sweep that follows every run (on the real clock) may have marked some already.
      StaleAssets.Outcome outcome = new StaleAssets(server.bean(Jdbc.class)).sweep(now);

      assertThat(outcome.markedStale()).isBetween(0L, (long) unseen.size());
      JsonNode one = server.get("/api/v1/assets/" + unseen.get(0)).json();
      assertThat(one.path("state").asText()).isEqualTo("STALE");
      assertThat(Instant.parse(one.path("staleSince").asText()))
          .isEqualTo(Instant.parse(one.path("lastSeen").asText()).plus(Duration.ofDays(30)));
      JsonNode stale = server.get("/api/v1/assets?state=STALE&size=1000").json();
      assertThat(stale.path("items"))
          .extracting(a -> a.path("id").asLong())
          .containsExactlyInAnyOrderElementsOf(unseen);
      JsonNode after = server.get("/api/v1/assets/totals").json();
      assertThat(after.path("staleAssets").asLong()).isEqualTo(unseen.size());
      long current = 0;
      long currentOpen = 0;
      for (JsonNode a : server.get("/api/v1/assets?size=1000").json().path("items")) {
        if (!a.path("state").asText().equals("STALE")) {
          current++;
          currentOpen += a.path("openFindings").asLong();
        }
      }
      assertThat(after.path("assets").asLong()).isEqualTo(current);
      assertThat(after.path("openFindings").asLong()).isEqualTo(currentOpen);
      assertThat(server.get("/api/v1/assets?state=gone").status()).isEqualTo(400);
    }
  }
}
