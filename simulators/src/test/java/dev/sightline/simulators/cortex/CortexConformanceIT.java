package dev.sightline.simulators.cortex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.simulators.testsupport.JsonShapes;
import dev.sightline.simulators.testsupport.MutableClock;
import dev.sightline.simulators.testsupport.SharedSamples;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Simulated responses against the real recorded ones in ../shared/vendors/samples/cortex-xdr. */
class CortexConformanceIT {
  private static final String VENDOR = "cortex-xdr";
  private static CortexXdrSimulator simulator;
  private static CortexClient client;

  @BeforeAll
  static void start() {
    simulator =
        CortexXdrSimulator.start(
            CortexXdrSimulatorOptions.defaults(300)
                .withClock(new MutableClock(Instant.parse("2025-05-05T10:00:00Z"))));
    client = new CortexClient(simulator);
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @Test
  void shouldServeGetEndpointRepliesShapedLikeTheRecordedReply() {
    JsonNode recorded = SharedSamples.read(VENDOR, "demisto_CoreIRApiModule_get_endpoints.json");
    CortexClient.Response response = client.endpoints(0, 100, "endpoint_id", "asc", List.of());

    assertThat(response.status()).isEqualTo(200);
    assertThat(JsonShapes.differences(recorded, response.body())).isEmpty();
    assertThat(fieldNames(response.reply()))
        .containsExactlyInAnyOrder("total_count", "result_count", "endpoints");
    assertThat(response.reply().get("result_count").asInt()).isEqualTo(100);
    assertThat(fieldNames(response.reply().get("endpoints").get(0)))
        .containsAll(fieldNames(recorded.at("/reply/endpoints/0")));
  }

  @Test
  void shouldShapeEveryEndpointLikeTheRecordedEndpointsOfBothPlatforms() {
    JsonNode windows =
        SharedSamples.read(VENDOR, "demisto_CoreIRApiModule_get_endpoints_windows_response.json");
    JsonNode legacy =
        SharedSamples.read(VENDOR, "demisto_CortexXDRIR_get_all_endpoints.json").get("reply");
    List<JsonNode> endpoints = client.allEndpoints(List.of());

    for (JsonNode endpoint : endpoints) {
      assertThat(JsonShapes.differences(windows.get(0), endpoint))
          .as(endpoint.toString())
          .isEmpty();
      assertThat(JsonShapes.differences(legacy.get(1), endpoint)).as(endpoint.toString()).isEmpty();
    }
    assertThat(endpoints)
        .extracting(e -> e.get("endpoint_type").asText())
        .contains(
            windows.get(0).get("endpoint_type").asText(),
            legacy.get(0).get("endpoint_type").asText());
    assertThat(endpoints)
        .extracting(e -> e.get("os_type").asText())
        .contains(
            windows.get(0).get("os_type").asText(),
            legacy.get(0).get("os_type").asText(),
            "AGENT_OS_MAC");
    assertThat(endpoints)
        .extracting(e -> e.get("is_isolated").asText())
        .contains("AGENT_UNISOLATED");
  }

  @Test
  void shouldWriteTheDocumentedNewerFieldsWithTheirTypes() {
    List<JsonNode> endpoints = client.allEndpoints(List.of());

    for (JsonNode e : endpoints) {
      assertThat(e.get("endpoint_id").asText()).matches("[0-9a-f]{32}");
      assertThat(e.get("endpoint_status").asText())
          .isIn("CONNECTED", "DISCONNECTED", "LOST", "UNINSTALLED");
      assertThat(e.get("ip").isArray()).isTrue();
      assertThat(e.get("ipv6").isArray()).isTrue();
      assertThat(e.get("mac_address"))
          .isNotEmpty()
          .allMatch(m -> m.asText().matches("([0-9a-f]{2}:){5}[0-9a-f]{2}"));
      assertThat(e.get("first_seen").isIntegralNumber()).isTrue();
      assertThat(e.get("last_seen").asLong()).isGreaterThan(e.get("first_seen").asLong());
      assertThat(e.get("tags").get("server_tags").isArray()).isTrue();
      assertThat(e.get("tags").get("endpoint_tags").isArray()).isTrue();
      assertThat(e.get("operating_system").isTextual()).isTrue();
      assertThat(e.get("os_version").isTextual()).isTrue();
      assertThat(e.get("operational_status_description").isTextual()).isTrue();
      assertThat(e.get("group_name").isArray()).isTrue();
      assertThat(e.get("cloud_info").isNull() || e.get("cloud_info").get("provider").isTextual())
          .isTrue();
    }
    assertThat(endpoints)
        .filteredOn(e -> e.get("cloud_info").isObject())
        .extracting(e -> e.at("/cloud_info/provider").asText())
        .contains("AWS", "AZURE");
    // Most machines carry console and installation tags, so a machine both vendors see shows Cortex
    // tags.
    assertThat(
            endpoints.stream()
                .filter(
                    e ->
                        !e.at("/tags/server_tags").isEmpty()
                            && !e.at("/tags/endpoint_tags").isEmpty())
                .count())
        .isGreaterThan(endpoints.size() * 6L / 10);
    assertThat(endpoints)
        .extracting(e -> e.get("endpoint_name").asText())
        .anyMatch(n -> n.endsWith(".compute.internal") || n.endsWith(".ec2.internal"));
  }

  @Test
  void shouldAnswerStartXqlQueryLikeTheRecordedReply() {
    JsonNode recorded = SharedSamples.read(VENDOR, "rapid7_xdr_start_xql_query.json");
    CortexClient.Response response = client.start(XqlTexts.CVES);

    assertThat(response.status()).isEqualTo(200);
    assertThat(JsonShapes.differences(recorded, response.body())).isEmpty();
    assertThat(fieldNames(response.body())).containsExactly("reply");
    assertThat(response.reply().asText()).matches("[0-9a-f]{14}_\\d+_inv");
    assertThat(recorded.get("reply").asText()).matches("[0-9a-f]{14}_\\d+_inv");
    client.completed(response.reply().asText());
  }

  @Test
  void shouldAnswerGetQueryResultsLikeTheRecordedReply() {
    JsonNode recorded = SharedSamples.read(VENDOR, "rapid7_xdr_get_query_results.json");
    JsonNode reply = client.completed(client.startOk(XqlTexts.CVES + " | limit 5"));

    // query_cost is keyed by a tenant-specific number; its shape is checked below
    ObjectNode withoutCostKey = recorded.get("reply").deepCopy();
    withoutCostKey.remove("query_cost");
    assertThat(JsonShapes.differences(withoutCostKey, reply)).isEmpty();
    assertThat(reply.get("query_cost").isObject()).isTrue();
    assertThat(fieldNames(reply))
        .containsExactlyInAnyOrderElementsOf(fieldNames(recorded.get("reply")));
    assertThat(reply.get("status").asText()).isEqualTo(recorded.at("/reply/status").asText());
    assertThat(reply.get("number_of_results").asInt()).isEqualTo(5);
    assertThat(reply.get("results").get("data")).hasSize(5);
    JsonNode cost = reply.get("query_cost");
    assertThat(cost.size()).isEqualTo(1);
    assertThat(cost.fieldNames().next()).matches("\\d{10}");
    assertThat(recorded.at("/reply/query_cost").fieldNames().next()).matches("\\d{10}");
    assertThat(cost.elements().next().isFloatingPointNumber()).isTrue();
    assertThat(reply.get("remaining_quota").isNumber()).isTrue();
  }

  @Test
  void shouldRefuseWithTheRecordedErrorBody() {
    JsonNode recorded =
        SharedSamples.read(VENDOR, "demisto_CortexXDRIR_blacklist_files_failure.json")
            .get("api_response");
    CortexClient.Response response =
        new CortexClient(simulator)
            .withKey("7", "not-the-key", CortexXdrSimulatorOptions.SecurityLevel.STANDARD)
            .endpoints(0, 10, "endpoint_id", "asc", List.of());

    assertThat(response.status()).isEqualTo(recorded.at("/reply/err_code").asInt()).isEqualTo(401);
    assertThat(JsonShapes.differences(recorded, response.body())).isEmpty();
    assertThat(fieldNames(response.reply())).containsExactly("err_code", "err_msg", "err_extra");
    assertThat(response.reply().get("err_msg").asText())
        .isEqualTo(recorded.at("/reply/err_msg").asText());
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
