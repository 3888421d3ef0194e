package dev.sightline.simulators.crowdstrike;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sightline.simulators.testsupport.JsonShapes;
import dev.sightline.simulators.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Hosts (Devices) API called the way CrowdStrike's SDKs call it, compared with the recorded
 * responses.
 */
class HostsApiConformanceIT {
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
  private static CrowdStrikeSimulator simulator;
  private static SimClient client;

  @BeforeAll
  static void start() {
    simulator =
        CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(240).withClock(CLOCK));
    client = new SimClient(simulator).authenticate();
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @Test
  void shouldScrollEveryAgentToTheRecordedEmptyLastPage() {
    JsonNode recordedPage = SharedSamples.read("devices_queries_devices_scroll_v1_page.json");
    JsonNode recordedEnd =
        SharedSamples.read("devices_queries_devices_scroll_v1_final_empty_page.json");
    List<String> aids = new ArrayList<>();
    Set<String> tokens = new HashSet<>();
    SimClient.Response page =
        client.get(DeviceScrollEndpoint.PATH, "limit", "100", "sort", "hostname.asc");
    JsonNode firstPage = page.body();
    while (page.status() == 200 && !page.resources().isEmpty()) {
      page.resources().forEach(id -> aids.add(id.asText()));
      tokens.add(page.body().at("/meta/pagination/offset").asText());
      assertThat(page.body().at("/meta/pagination/expires_at").asLong())
          .isEqualTo((CLOCK.instant().getEpochSecond() + 120) * 1_000_000_000L);
      CLOCK.advance(Duration.ofSeconds(100)); // each use keeps the scroll alive two more minutes
      page =
          client.get(
              DeviceScrollEndpoint.PATH,
              "offset",
              page.body().at("/meta/pagination/offset").asText());
    }

    int agents = simulator.manifest().get("agents").asInt();
    assertThat(page.status()).isEqualTo(200);
    assertThat(JsonShapes.differences(recordedEnd, page.body())).isEmpty();
    assertThat(page.body().at("/meta/pagination/offset").asText()).isEmpty();
    assertThat(page.body().at("/meta/pagination/total").asInt()).isZero();
    assertThat(JsonShapes.differences(recordedPage, firstPage)).isEmpty();
    assertThat(firstPage.at("/meta/pagination/total").asInt()).isEqualTo(agents);
    assertThat(tokens).hasSize(1);
    assertThat(aids).hasSize(agents).doesNotHaveDuplicates();
  }

  @Test
  void shouldRefuseAScrollTokenTwoMinutesAfterItsLastUse() {
    SimClient.Response first =
        client.get(
            DeviceScrollEndpoint.PATH,
            "limit",
            "5",
            "filter",
            "product_type_desc:['Server','Workstation']+platform_name:'Windows'",
            "sort",
            "last_seen.desc");
    String token = first.body().at("/meta/pagination/offset").asText();
    CLOCK.advance(Duration.ofSeconds(121));

    SimClient.Response late = client.get(DeviceScrollEndpoint.PATH, "offset", token);

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.resources()).hasSize(5);
    assertThat(late.status()).isEqualTo(404);
    assertThat(late.resources()).isEmpty();
    assertThat(late.body().at("/errors/0/code").asInt()).isEqualTo(404);
  }

  @Test
  void shouldRefusePipeSortsAndOversizedLimits() {
    assertThat(client.get(DeviceScrollEndpoint.PATH, "sort", "hostname|asc").status())
        .isEqualTo(400);
    assertThat(client.get(DeviceScrollEndpoint.PATH, "limit", "10001").status()).isEqualTo(400);
    assertThat(client.get(DeviceScrollEndpoint.PATH, "limit", "10000").status()).isEqualTo(200);
  }

  @Test
  void shouldGetAtMostOneHundredRepeatedIdsAndSplitCommaJoinedOnes() {
    List<String> aids = scrollAids(101);
    String[] hundred = new String[200];
    for (int i = 0; i < 100; i++) {
      hundred[2 * i] = "ids";
      hundred[2 * i + 1] = aids.get(i);
    }

    SimClient.Response repeated = client.get(DevicesEndpoint.PATH, hundred);
    SimClient.Response joined =
        client.get(DevicesEndpoint.PATH, "ids", aids.get(0) + "," + aids.get(1));
    SimClient.Response tooMany =
        client.get(DevicesEndpoint.PATH, SimClient.append(hundred, "ids", aids.get(100)));
    SimClient.Response none = client.get(DevicesEndpoint.PATH);

    assertThat(repeated.status()).isEqualTo(200);
    assertThat(repeated.resources())
        .extracting(d -> d.get("device_id").asText())
        .containsExactlyElementsOf(aids.subList(0, 100));
    assertThat(
            JsonShapes.differences(
                SharedSamples.read("devices_entities_devices_v2_post_response.json"),
                repeated.body()))
        .isEmpty();
    assertThat(joined.resources())
        .extracting(d -> d.get("device_id").asText())
        .containsExactly(aids.get(0), aids.get(1));
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.body().at("/meta/powered_by").asText()).isEqualTo("device-api");
    assertThat(tooMany.body().at("/errors/0/code").asInt()).isEqualTo(400);
    assertThat(none.status()).isEqualTo(400);
  }

  @Test
  void shouldPostIdsAndReportUnknownOnesInErrors() {
    List<String> aids = scrollAids(3);
    String unknown = "0".repeat(32);
    ArrayNode ids =
        SimClient.MAPPER
            .createArrayNode()
            .add(aids.get(0))
            .add(unknown)
            .add("not-an-aid")
            .add(aids.get(1));

    SimClient.Response partly =
        client.postJson(DevicesEndpoint.PATH, SimClient.MAPPER.createObjectNode().set("ids", ids));
    SimClient.Response noneKnown = client.get(DevicesEndpoint.PATH, "ids", unknown);

    assertThat(partly.status()).isEqualTo(200);
    assertThat(partly.resources())
        .extracting(d -> d.get("device_id").asText())
        .containsExactly(aids.get(0), aids.get(1));
    assertThat(partly.body().get("errors")).hasSize(2);
    assertThat(partly.body().at("/errors/0/code").asInt()).isEqualTo(404);
    assertThat(partly.body().at("/errors/0/message").asText()).contains(unknown);
    assertThat(partly.body().at("/errors/1/message").asText())
        .isEqualTo("invalid device id [not-an-aid]");
    assertThat(noneKnown.status()).isEqualTo(404);
    assertThat(noneKnown.resources()).isEmpty();
  }

  @Test
  void shouldPrintDeviceMacsLowerCaseWithDashesAndNeverListUnmanagedAssets() {
    List<String> aids = scrollAids(50);
    String unmanagedId =
        client
            .get(DiscoverEndpoints.COMBINED, "filter", "entity_type:'unmanaged'", "limit", "1")
            .resources()
            .get(0)
            .get("id")
            .asText();

    SimClient.Response devices = client.get(DevicesEndpoint.PATH, "ids", String.join(",", aids));
    SimClient.Response unmanaged = client.get(DevicesEndpoint.PATH, "ids", unmanagedId);

    devices
        .resources()
        .forEach(
            d -> assertThat(d.get("mac_address").asText()).matches("([0-9a-f]{2}-){5}[0-9a-f]{2}"));
    assertThat(unmanaged.resources()).isEmpty();
    assertThat(unmanaged.body().get("errors")).hasSize(1);
  }

  private static List<String> scrollAids(int limit) {
    List<String> out = new ArrayList<>();
    client
        .get(DeviceScrollEndpoint.PATH, "limit", Integer.toString(limit))
        .resources()
        .forEach(id -> out.add(id.asText()));
    return out;
  }
}
