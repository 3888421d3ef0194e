package dev.sightline.simulators.cortex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.simulators.testsupport.MutableClock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GetEndpointIT {
  private static CortexXdrSimulator simulator;
  private static CortexClient client;
  private static List<JsonNode> all;

  @BeforeAll
  static void start() {
    simulator =
        CortexXdrSimulator.start(
            CortexXdrSimulatorOptions.defaults(260)
                .withClock(new MutableClock(Instant.parse("2025-05-05T10:00:00Z"))));
    client = new CortexClient(simulator);
    all = client.allEndpoints(List.of());
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  private static Map<String, Object> filter(String field, String operator, Object value) {
    return Map.of("field", field, "operator", operator, "value", value);
  }

  @Test
  void shouldPageEveryEndpointOnceInEndpointIdOrder() {
    Set<String> ids = new HashSet<>();
    all.forEach(e -> ids.add(e.get("endpoint_id").asText()));

    assertThat(all).hasSize(simulator.manifest().get("endpoints").asInt()).hasSize(ids.size());
    assertThat(all).extracting(e -> e.get("endpoint_id").asText()).isSorted();
  }

  @Test
  void shouldServeAtMostOneHundredPerCall() {
    CortexClient.Response hundred = client.endpoints(100, 200, "endpoint_id", "asc", List.of());
    CortexClient.Response tooMany = client.endpoints(0, 101, "endpoint_id", "asc", List.of());
    CortexClient.Response backwards = client.endpoints(50, 10, "endpoint_id", "asc", List.of());
    CortexClient.Response beyond = client.endpoints(5000, 5100, "endpoint_id", "asc", List.of());
    CortexClient.Response defaults =
        client.post(EndpointsApi.GET_ENDPOINT + "/", CortexClient.requestData());

    assertThat(hundred.reply().get("result_count").asInt()).isEqualTo(100);
    assertThat(hundred.reply().get("endpoints").get(0)).isEqualTo(all.get(100));
    assertThat(tooMany.status()).isEqualTo(500);
    assertThat(tooMany.reply().get("err_msg").asText()).contains("maximum result set size is 100");
    assertThat(backwards.status()).isEqualTo(500);
    assertThat(beyond.reply().get("result_count").asInt()).isZero();
    assertThat(beyond.reply().get("total_count").asInt()).isEqualTo(all.size());
    assertThat(defaults.reply().get("result_count").asInt()).isEqualTo(100);
  }

  @Test
  void shouldSortByFirstAndLastSeenWithEndpointIdTieBreak() {
    List<JsonNode> lastSeenDesc =
        client.endpoints(0, 100, "last_seen", "DESC", List.of()).reply().findParents("endpoint_id");
    List<JsonNode> firstSeenAsc =
        client.endpoints(0, 100, "first_seen", "asc", List.of()).reply().findParents("endpoint_id");
    List<JsonNode> idDesc =
        client
            .endpoints(0, 100, "endpoint_id", "desc", List.of())
            .reply()
            .findParents("endpoint_id");
    CortexClient.Response badSort = client.endpoints(0, 10, "endpoint_name", "asc", List.of());

    assertThat(lastSeenDesc)
        .extracting(e -> e.get("last_seen").asLong())
        .isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(firstSeenAsc).extracting(e -> e.get("first_seen").asLong()).isSorted();
    assertThat(firstSeenAsc.get(0).get("first_seen").asLong())
        .isEqualTo(all.stream().mapToLong(e -> e.get("first_seen").asLong()).min().orElseThrow());
    assertThat(idDesc)
        .extracting(e -> e.get("endpoint_id").asText())
        .isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(badSort.status()).isEqualTo(500);
  }

  @Test
  void shouldFilterByIdListStatusAndTimes() {
    List<String> ids =
        List.of(
            all.get(3).get("endpoint_id").asText(),
            all.get(7).get("endpoint_id").asText(),
            "ffffffffffffffffffffffffffffffff");
    long median =
        all.stream()
            .mapToLong(e -> e.get("last_seen").asLong())
            .sorted()
            .skip(all.size() / 2)
            .findFirst()
            .orElseThrow();

    List<JsonNode> byId = client.allEndpoints(List.of(filter("endpoint_id_list", "in", ids)));
    List<JsonNode> recent = client.allEndpoints(List.of(filter("last_seen", "gte", median)));
    List<JsonNode> window =
        client.allEndpoints(
            List.of(filter("last_seen", "gte", median), filter("last_seen", "lte", median)));
    List<JsonNode> connected =
        client.allEndpoints(List.of(filter("endpoint_status", "eq", "connected")));
    List<JsonNode> lostOrGone =
        client.allEndpoints(
            List.of(filter("endpoint_status", "in", List.of("lost", "uninstalled"))));
    List<JsonNode> firstSeen =
        client.allEndpoints(
            List.of(filter("first_seen", "lte", all.get(0).get("first_seen").asLong())));

    assertThat(byId)
        .extracting(e -> e.get("endpoint_id").asText())
        .containsExactlyElementsOf(ids.subList(0, 2));
    assertThat(recent)
        .allMatch(e -> e.get("last_seen").asLong() >= median)
        .hasSize((int) all.stream().filter(e -> e.get("last_seen").asLong() >= median).count());
    assertThat(window).allMatch(e -> e.get("last_seen").asLong() == median).isNotEmpty();
    assertThat(connected)
        .isNotEmpty()
        .allMatch(e -> e.get("endpoint_status").asText().equals("CONNECTED"));
    assertThat(connected.size() + lostOrGone.size()).isLessThan(all.size());
    assertThat(lostOrGone)
        .allMatch(e -> List.of("LOST", "UNINSTALLED").contains(e.get("endpoint_status").asText()));
    assertThat(firstSeen)
        .allMatch(e -> e.get("first_seen").asLong() <= all.get(0).get("first_seen").asLong());
  }

  @Test
  void shouldFilterByPlatformHostnameIpGroupAndUser() {
    JsonNode sample =
        all.stream()
            .filter(e -> e.get("os_type").asText().equals("AGENT_OS_LINUX"))
            .findFirst()
            .orElseThrow();

    List<JsonNode> linux = client.allEndpoints(List.of(filter("platform", "in", List.of("linux"))));
    List<JsonNode> byName =
        client.allEndpoints(
            List.of(
                filter(
                    "hostname",
                    "in",
                    List.of(sample.get("endpoint_name").asText().toUpperCase()))));
    List<JsonNode> byIp =
        client.allEndpoints(
            List.of(filter("ip_list", "in", List.of(sample.get("ip").get(0).asText()))));
    List<JsonNode> servers =
        client.allEndpoints(
            List.of(
                filter("group_name", "in", List.of("Servers")),
                filter("platform", "in", List.of("windows"))));
    List<JsonNode> byUser =
        client.allEndpoints(
            List.of(filter("username", "in", List.of(sample.get("users").get(0).asText()))));

    assertThat(linux)
        .isNotEmpty()
        .allMatch(e -> e.get("os_type").asText().equals("AGENT_OS_LINUX"));
    assertThat(byName)
        .extracting(e -> e.get("endpoint_name").asText())
        .contains(sample.get("endpoint_name").asText());
    assertThat(byIp)
        .extracting(e -> e.get("endpoint_id").asText())
        .contains(sample.get("endpoint_id").asText());
    assertThat(servers)
        .isNotEmpty()
        .allMatch(
            e ->
                e.get("endpoint_type").asText().equals("AGENT_TYPE_SERVER")
                    && e.get("os_type").asText().equals("AGENT_OS_WINDOWS"));
    assertThat(byUser).isNotEmpty();
  }

  @Test
  void shouldRefuseUnknownFieldsOperatorsAndValuesAsBusinessErrors() {
    CortexClient.Response unknownField =
        client.endpoints(
            0, 10, "endpoint_id", "asc", List.of(filter("serial_number", "in", List.of("x"))));
    CortexClient.Response wrongOperator =
        client.endpoints(
            0, 10, "endpoint_id", "asc", List.of(filter("last_seen", "in", List.of(1))));
    CortexClient.Response upperCaseStatus =
        client.endpoints(
            0,
            10,
            "endpoint_id",
            "asc",
            List.of(filter("endpoint_status", "in", List.of("CONNECTED"))));
    CortexClient.Response stringTime =
        client.endpoints(
            0, 10, "endpoint_id", "asc", List.of(filter("first_seen", "gte", "yesterday")));
    CortexClient.Response invalidJson =
        client.post(EndpointsApi.GET_ENDPOINT + "/", "{\"request_data\": ");

    for (CortexClient.Response r :
        List.of(unknownField, wrongOperator, upperCaseStatus, stringTime)) {
      assertThat(r.status()).isEqualTo(500);
      assertThat(r.reply().get("err_code").asInt()).isEqualTo(500);
      assertThat(r.reply().get("err_msg").asText())
          .startsWith("An error occurred while processing XDR public API");
    }
    assertThat(unknownField.reply().get("err_extra").asText()).contains("endpoint_id_list");
    assertThat(invalidJson.status()).isEqualTo(400);
    assertThat(invalidJson.reply().get("err_msg").asText())
        .isEqualTo("Bad Request. Got an invalid JSON.");
  }
}
