package dev.sightline.simulators.crowdstrike;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValidationIT {
  private static CrowdStrikeSimulator simulator;
  private static SimClient client;

  @BeforeAll
  static void start() {
    simulator = CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(10));
    client = new SimClient(simulator).authenticate();
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @Test
  void shouldRequireAFilter() {
    SimClient.Response missing = client.get(SpotlightEndpoint.PATH, "limit", "10");
    SimClient.Response empty = client.get(SpotlightEndpoint.PATH, "filter", "");
    SimClient.Response wildcard = client.get(SpotlightEndpoint.PATH, "filter", "*");
    SimClient.Response discover = client.get(DiscoverEndpoints.COMBINED, "limit", "10");

    assertThat(missing.status()).isEqualTo(400);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(wildcard.status()).isEqualTo(400);
    assertThat(discover.status()).isEqualTo(400);
    assertThat(missing.body().at("/errors/0/message").asText()).contains("filter");
    assertThat(missing.body().at("/meta/powered_by").asText()).isEqualTo("spapi");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "hostname:'x';unknown field 'hostname'",
        "host_info.tags:'x';not supported by the Sightline simulator",
        "status:>'open';range operators are not supported",
        "cve.is_cisa_kev:maybe;takes true or false",
        "updated_timestamp:>'yesterday';is not a timestamp",
        "status:''open'';empty filter values",
        "status:'open' status:'closed';was '+' sent URL-encoded as %2B?"
      })
  void shouldExplainInvalidFilters(String filter, String message) {
    SimClient.Response response = client.get(SpotlightEndpoint.PATH, "filter", filter);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().at("/errors/0/message").asText()).contains(message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "5001", "ten"})
  void shouldRefuseLimitsOutsideOneToFiveThousand(String limit) {
    assertThat(
            client.get(SpotlightEndpoint.PATH, "filter", "status:'open'", "limit", limit).status())
        .isEqualTo(400);
  }

  @Test
  void shouldRefuseUnknownSortsAndFacets() {
    assertThat(
            client
                .get(
                    SpotlightEndpoint.PATH,
                    "filter",
                    "status:'open'",
                    "sort",
                    "updated_timestamp.asc")
                .status())
        .isEqualTo(400);
    assertThat(
            client
                .get(SpotlightEndpoint.PATH, "filter", "status:'open'", "facet", "cve,host_info")
                .status())
        .isEqualTo(400);
    assertThat(
            client
                .get(SpotlightEndpoint.PATH, "filter", "status:'open'", "facet", "cve_details")
                .status())
        .isEqualTo(400);
  }

  @Test
  void shouldCombineFqlOperators() {
    SimClient.Response all =
        client.get(SpotlightEndpoint.PATH, "filter", "status:['open','reopen']", "limit", "1");
    SimClient.Response open =
        client.get(SpotlightEndpoint.PATH, "filter", "status:'open'", "limit", "1");
    SimClient.Response reopen =
        client.get(SpotlightEndpoint.PATH, "filter", "status:\"reopen\"", "limit", "1");
    SimClient.Response either =
        client.get(SpotlightEndpoint.PATH, "filter", "status:'open',status:'reopen'", "limit", "1");
    SimClient.Response neither =
        client.get(SpotlightEndpoint.PATH, "filter", "status:!['open','reopen']", "limit", "1");

    long total = simulator.manifest().get("vulnerabilities").asLong();
    assertThat(total(all)).isEqualTo(total(open) + total(reopen)).isEqualTo(total(either));
    assertThat(total(all) + total(neither)).isEqualTo(total);
  }

  @Test
  void shouldAnswerUnknownPathsAndMethodsLikeTheGateway() {
    SimClient.Response unknown = client.get("/spotlight/queries/nothing/v9");
    SimClient.Response wrongMethod =
        client.send(
            HttpRequest.newBuilder(
                    URI.create(
                        simulator.baseUrl()
                            + SpotlightEndpoint.PATH
                            + "?filter=status%3A%27open%27"))
                .header("Authorization", "Bearer " + client.token())
                .DELETE()
                .build());

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(wrongMethod.status()).isEqualTo(405);
  }

  @Test
  void shouldAdvanceAndReportThroughTheControlEndpoints() {
    SimClient.Response manifest =
        client.send(
            HttpRequest.newBuilder(simulator.baseUrl().resolve("/_sim/manifest")).GET().build());
    SimClient.Response advanced =
        client.send(
            HttpRequest.newBuilder(simulator.baseUrl().resolve("/_sim/advance?changes=3"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    SimClient.Response invalid =
        client.send(
            HttpRequest.newBuilder(simulator.baseUrl().resolve("/_sim/advance?changes=-1"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());

    assertThat(manifest.status()).isEqualTo(200);
    assertThat(manifest.body().get("vendor").asText()).isEqualTo("crowdstrike");
    assertThat(manifest.body().fieldNames())
        .toIterable()
        .contains(
            "seed", "fleetOffset", "hosts", "agents", "vulnerabilities", "byStatus", "advances");
    assertThat(advanced.status()).isEqualTo(200);
    assertThat(advanced.body().get("advances").asInt())
        .isEqualTo(manifest.body().get("advances").asInt() + 1);
    assertThat(invalid.status()).isEqualTo(400);
  }

  private static long total(SimClient.Response response) {
    return response.body().at("/meta/pagination/total").asLong();
  }
}
