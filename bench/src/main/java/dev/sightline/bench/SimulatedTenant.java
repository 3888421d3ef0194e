package dev.sightline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.simulators.cortex.CortexXdrSimulator;
import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import dev.sightline.simulators.server.RequestLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * A simulated tenant to benchmark, whichever vendor it imitates: the simulator (in this process,
 * over HTTPS on loopback), the connector's settings for it, its ground truth, and the floor that
 * reads it with a bare client.
 *
 * @param vendor the connector type, {@code crowdstrike} or {@code cortex-xdr}
 * @param assets source asset records the tenant holds (agents and unmanaged assets; endpoints)
 * @param findings finding records the tenant holds
 */
record SimulatedTenant(
    String vendor,
    int hosts,
    Map<String, String> auth,
    SSLContext ssl,
    URI baseUrl,
    long assets,
    long findings,
    AutoCloseable simulator,
    Supplier<RequestLog> requests,
    Supplier<FetchFloor> floor)
    implements AutoCloseable {

  static final String CROWDSTRIKE = "crowdstrike";
  static final String CORTEX_XDR = "cortex-xdr";

  static SimulatedTenant start(String vendor, int hosts, int pageSize) {
    if (vendor.equals(CORTEX_XDR)) {
      CortexXdrSimulator sim =
          CortexXdrSimulator.start(
              CortexXdrSimulatorOptions.defaults(hosts).withDailyQuotaUnits(1_000_000));
      var o = sim.options();
      return new SimulatedTenant(
          CORTEX_XDR,
          hosts,
          Map.of(
              "url", sim.baseUrl().toString(),
              "apiKeyId", o.keyId(),
              "apiKey", o.key(),
              "securityLevel", o.security().wire()),
          sim.clientSslContext(),
          sim.baseUrl(),
          sim.manifest().path("endpoints").asLong(),
          sim.manifest().path("findings").asLong(),
          sim,
          sim::requests,
          () ->
              new CortexFloor(
                  sim.baseUrl(),
                  o.keyId(),
                  o.key(),
                  o.security() == CortexXdrSimulatorOptions.SecurityLevel.ADVANCED,
                  sim.clientSslContext()));
    }
    if (!vendor.equals(CROWDSTRIKE)) {
      throw new IllegalArgumentException(
          "unknown vendor '" + vendor + "': crowdstrike, cortex-xdr or both");
    }
    CrowdStrikeSimulator sim =
        CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(hosts));
    JsonNode manifest = sim.manifest();
    return new SimulatedTenant(
        CROWDSTRIKE,
        hosts,
        Map.of(
            "url", sim.baseUrl().toString(),
            "clientId", "sim-client",
            "clientSecret", "sim-secret"),
        sim.clientSslContext(),
        sim.baseUrl(),
        manifest.path("agents").asLong() + manifest.path("unmanagedAssets").asLong(),
        manifest.path("vulnerabilities").asLong(),
        sim,
        sim::requests,
        () ->
            new CrowdStrikeFloor(
                sim.baseUrl(), "sim-client", "sim-secret", sim.clientSslContext(), pageSize));
  }

  /**
   * Changes {@code changes} finding records through the simulator's own control ({@code POST
   * /_sim/advance?changes=N}), as the vendor's data would move between two runs.
   */
  void advance(int changes) throws Exception {
    HttpClient client = HttpClient.newBuilder().sslContext(ssl).build();
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(baseUrl.resolve("/_sim/advance?changes=" + changes))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "the simulator refused /_sim/advance: " + response.statusCode() + " " + response.body());
    }
  }

  @Override
  public void close() throws Exception {
    simulator.close();
  }
}
