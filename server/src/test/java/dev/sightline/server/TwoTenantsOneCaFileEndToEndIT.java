package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import dev.sightline.simulators.tls.CaFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two simulated CrowdStrike tenants trusted together, as a user sets them up: both simulators add
 * their CA to one file ({@code --ca-out}), the server trusts what that file holds (as it reads
 * {@code SIGHTLINE_EXTRA_CA_FILE}), and a connector for each tenant passes its connection test and
 * syncs to its tenant's totals.
 */
class TwoTenantsOneCaFileEndToEndIT {

  @Test
  void shouldSyncTwoTenantsOfOneVendorWhoseCasShareOneFile(@TempDir Path dir) throws Exception {
    try (CrowdStrikeSimulator first =
            CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(30));
        CrowdStrikeSimulator second =
            CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(20).withOffset(1000))) {
      Path caFile = dir.resolve("crowdstrike-ca.pem");
      CaFile.add(caFile, first.baseUrl(), first.caCertificatePem());
      CaFile.add(caFile, second.baseUrl(), second.caCertificatePem());
      try (TestServer server = new TestServer("127.0.0.1", Optional.of(Files.readString(caFile)))) {
        long assets = 0;
        long findings = 0;
        for (CrowdStrikeSimulator tenant : List.of(first, second)) {
          var created =
              server.post(
                  "/api/v1/connectors",
                  Map.of(
                      "type",
                      "crowdstrike",
                      "name",
                      "tenant " + tenant.baseUrl().getPort(),
                      "auth",
                      Map.of(
                          "url",
                          tenant.baseUrl().toString(),
                          "clientId",
                          "sim-client",
                          "clientSecret",
                          "sim-secret")));
          assertThat(created.status())
              .as("the connection test gates create: " + created.text())
              .isEqualTo(201);

          JsonNode run = server.runToEnd(created.json().path("id").asText());

          assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("PROCESSED");
          JsonNode manifest = tenant.manifest();
          assets += manifest.path("hosts").asLong() + manifest.path("unmanagedAssets").asLong();
          findings += manifest.path("vulnerabilities").asLong();
        }
        long expectedAssets = assets;
        long expectedFindings = findings;
        await()
            .atMost(Duration.ofMinutes(1))
            .pollInterval(Duration.ofMillis(200))
            .untilAsserted(
                () -> {
                  assertThat(total(server, "/api/v1/assets")).isEqualTo(expectedAssets);
                  assertThat(total(server, "/api/v1/findings")).isEqualTo(expectedFindings);
                });
      }
    }
  }

  private static long total(TestServer server, String path) {
    return server.get(path + "?size=1&count=exact").json().path("total").asLong();
  }
}
