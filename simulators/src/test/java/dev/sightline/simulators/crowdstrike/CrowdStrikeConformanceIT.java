package dev.sightline.simulators.crowdstrike;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sightline.simulators.testsupport.JsonShapes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Simulated responses against the real recorded ones in ../shared/vendors/samples/crowdstrike. */
class CrowdStrikeConformanceIT {
  private static CrowdStrikeSimulator simulator;
  private static SimClient client;

  @BeforeAll
  static void start() {
    simulator = CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(300));
    client = new SimClient(simulator).authenticate();
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @Test
  void shouldIssueTokensShapedLikeTheRecordedTokenResponse() {
    JsonNode recorded = SharedSamples.harResponseBody(0);
    SimClient.Response response =
        new SimClient(simulator).token("client_id=sim-client&client_secret=sim-secret");

    assertThat(response.status())
        .isEqualTo(SharedSamples.harEntry(0).path("response").path("status").asInt())
        .isEqualTo(201);
    assertThat(JsonShapes.differences(recorded, response.body())).isEmpty();
    assertThat(fieldNames(response.body()))
        .containsExactlyInAnyOrderElementsOf(fieldNames(recorded));
    assertThat(response.body().get("expires_in").asInt()).isEqualTo(1799);
    assertThat(response.body().get("token_type").asText()).isEqualTo("bearer");
    assertThat(response.body().get("access_token").asText().length()).isGreaterThan(1000);
    for (String header :
        List.of("x-cs-region", "x-cs-traceid", "x-ratelimit-limit", "x-ratelimit-remaining")) {
      assertThat(recordedHeader(0, header)).as("recorded " + header).isNotNull();
      assertThat(response.header(header)).as(header).isPresent();
    }
    assertThat(response.header("x-ratelimit-limit"))
        .contains(recordedHeader(0, "x-ratelimit-limit"));
  }

  @Test
  void shouldRefuseBadCredentialsWithTheRecordedError() {
    JsonNode recorded = SharedSamples.read("oauth2_token_403_error.json");
    SimClient.Response response =
        new SimClient(simulator).token("client_id=sim-client&client_secret=wrong");

    assertThat(response.status()).isEqualTo(403);
    assertThat(JsonShapes.differences(recorded, response.body())).isEmpty();
    assertThat(fieldNames(response.body().get("meta")))
        .containsExactlyElementsOf(fieldNames(recorded.get("meta")));
    assertThat(response.body().at("/meta/powered_by").asText()).isEqualTo("csam");
    assertThat(response.body().at("/errors/0/message").asText())
        .isEqualTo(recorded.at("/errors/0/message").asText());
    assertThat(response.header("x-cs-traceid"))
        .contains(response.body().at("/meta/trace_id").asText());
  }

  @Test
  void shouldServeSpotlightPagesShapedLikeTheRecordedPages() {
    JsonNode lastPage = SharedSamples.harResponseBody(1);
    JsonNode fullPage =
        SharedSamples.read("spotlight_combined_vulnerabilities_v1_facet_cve_page.json");
    SimClient.Response response =
        client.get(
            SpotlightEndpoint.PATH,
            "limit",
            "400",
            "filter",
            "created_timestamp:>'2000-01-01T00:00:00.000Z'+status:!'closed'+cve.severity:['CRITICAL','HIGH']",
            "sort",
            "created_timestamp|desc",
            "facet",
            "cve");

    assertThat(response.status()).isEqualTo(200);
    assertThat(JsonShapes.differences(lastPage, response.body())).isEmpty();
    assertThat(JsonShapes.differences(fullPage, response.body())).isEmpty();
    assertThat(fieldNames(response.body().at("/meta/pagination")))
        .containsExactlyInAnyOrderElementsOf(fieldNames(fullPage.at("/meta/pagination")));
    assertThat(response.body().at("/meta/powered_by").asText()).isEqualTo("spapi");
    assertThat(response.header("x-ratelimit-limit"))
        .contains(recordedHeader(1, "x-ratelimit-limit"));
    JsonNode first = response.resources().get(0);
    assertThat(first.has("host_info")).isFalse();
    assertThat(first.has("remediation")).isFalse();
    assertThat(first.get("id").asText()).matches(first.get("aid").asText() + "_[0-9a-f]{32}");
    assertThat(first.get("created_timestamp").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
  }

  @Test
  void shouldDecodeTheAfterCursorLikeTheRecordedOne() {
    SimClient.Response response =
        client.get(
            SpotlightEndpoint.PATH,
            "limit",
            "5",
            "filter",
            "status:!'closed'",
            "sort",
            "created_timestamp|desc");
    JsonNode recorded =
        SharedSamples.read("spotlight_combined_vulnerabilities_v1_facet_cve_page.json");

    CursorRegistry.Position ours = CursorRegistry.decode(response.after()).orElseThrow();
    CursorRegistry.Position theirs =
        CursorRegistry.decode(recorded.at("/meta/pagination/after").asText()).orElseThrow();
    JsonNode lastRecord = response.resources().get(4);

    assertThat(ours.sortValue().isIntegralNumber())
        .isEqualTo(theirs.sortValue().isIntegralNumber())
        .isTrue();
    assertThat(ours.id()).isEqualTo(lastRecord.get("id").asText());
    assertThat(ours.sortValue().asLong())
        .isEqualTo(
            java.time.Instant.parse(lastRecord.get("created_timestamp").asText()).toEpochMilli());
    assertThat(theirs.id()).endsWith(recorded.at("/resources/4/id").asText().substring(33));
  }

  @Test
  void shouldServeDevicesShapedLikeTheRecordedDevices() {
    JsonNode recorded = SharedSamples.read("devices_entities_devices_v2_post_response.json");
    ArrayNode ids = SimClient.MAPPER.createArrayNode();
    SimClient.Response hosts =
        client.get(DiscoverEndpoints.COMBINED, "filter", "entity_type:'managed'", "limit", "1000");
    hosts.resources().forEach(h -> ids.add(h.get("aid").asText()));

    SimClient.Response response =
        client.postJson(DevicesEndpoint.PATH, SimClient.MAPPER.createObjectNode().set("ids", ids));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.resources()).hasSize(ids.size());
    assertThat(JsonShapes.differences(recorded, response.body())).isEmpty();
    assertThat(response.body().at("/meta/powered_by").asText()).isEqualTo("device-api");
    assertThat(response.resources().get(0).get("mac_address").asText())
        .matches("([0-9a-f]{2}-){5}[0-9a-f]{2}");
  }

  @Test
  void shouldServeDiscoverHostsWithTheDocumentedFields() {
    SimClient.Response response =
        client.get(DiscoverEndpoints.COMBINED, "filter", "entity_type:'managed'", "limit", "50");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body().at("/meta/powered_by").asText()).isEqualTo("discover-api");
    assertThat(fieldNames(response.body().at("/meta/pagination")))
        .contains("after", "limit", "total");
    JsonNode host = response.resources().get(0);
    assertThat(host.get("id").asText())
        .startsWith(host.get("cid").asText() + "_")
        .isNotEqualTo(host.get("aid"));
    assertThat(fieldNames(host))
        .contains(
            "aid",
            "entity_type",
            "hostname",
            "fqdn",
            "machine_domain",
            "os_version",
            "platform_name",
            "product_type",
            "product_type_desc",
            "system_manufacturer",
            "system_product_name",
            "system_serial_number",
            "bios_manufacturer",
            "bios_version",
            "network_interfaces",
            "local_ip_addresses",
            "mac_addresses",
            "first_seen_timestamp",
            "last_seen_timestamp",
            "tags",
            "groups",
            "form_factor",
            "data_providers");
    JsonNode nic = host.get("network_interfaces").get(0);
    assertThat(fieldNames(nic))
        .contains("local_ip", "mac_address", "interface_alias", "network_prefix");
    assertThat(nic.get("mac_address").asText()).matches("([0-9A-F]{2}-){5}[0-9A-F]{2}");
    // Issue 8: managed records name the sensor as their provider (Spotlight's provider string).
    assertThat(host.get("data_providers").get(0).asText()).isEqualTo("Falcon sensor");
  }

  private static String recordedHeader(int entry, String name) {
    for (JsonNode h : SharedSamples.harEntry(entry).path("response").path("headers")) {
      if (h.get("name").asText().equalsIgnoreCase(name)) {
        return h.get("value").asText();
      }
    }
    return null;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
