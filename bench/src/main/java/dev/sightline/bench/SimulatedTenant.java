package dev.sightline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.simulators.cortex.CortexXdrSimulator;
import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import dev.sightline.simulators.server.RequestLog;
import dev.sightline.simulators.server.RequestRate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
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
 * @param budget the request budget the connector is given and the calls it paces, when the vendor
 *     limits the tenant's request rate (Cortex XDR)
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
    Supplier<FetchFloor> floor,
    Optional<RequestBudget> budget)
    implements AutoCloseable {

  /**
   * A request budget set on the connector, and the calls whose arrival rate shows how much of it a
   * run used.
   *
   * @param perSecond the connector's requests per second, as configured
   * @param pathPrefix the API calls it paces, as the simulator logs their paths
   */
  record RequestBudget(int perSecond, String pathPrefix) {}

  /** The Cortex XDR connector's default share of the tenant's 10 requests per second. */
  private static final int CORTEX_BUDGET = 8;

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
              "securityLevel", o.security().wire(),
              "requestsPerSecond", Integer.toString(CORTEX_BUDGET)),
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
                  sim.clientSslContext()),
          Optional.of(new RequestBudget(CORTEX_BUDGET, "/public_api/v1/endpoints/get_endpoint")));
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
                sim.baseUrl(), "sim-client", "sim-secret", sim.clientSslContext(), pageSize),
        Optional.empty());
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

  /**
   * How fast the budgeted calls arrived between {@code from} and {@code to} (a phase of the
   * benchmark), as the simulator logged them; empty for a vendor without a budget.
   */
  Optional<BudgetUse> budgetUse(Instant from, Instant to) {
    return budget.map(
        b ->
            new BudgetUse(
                b,
                RequestRate.of(
                    requests.get().entries().stream()
                        .filter(e -> e.path().startsWith(b.pathPrefix()))
                        .filter(e -> !e.at().isBefore(from) && !e.at().isAfter(to))
                        .toList())));
  }

  @Override
  public void close() throws Exception {
    simulator.close();
  }
}
