package dev.sightline.simulators.crowdstrike;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostsIT {
  private static final String MANAGED = "entity_type:'managed'";
  private static CrowdStrikeSimulator simulator;
  private static SimClient client;

  @BeforeAll
  static void start() {
    simulator = CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(260));
    client = new SimClient(simulator).authenticate();
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"last_seen_timestamp|asc", "hostname|asc", "hostname|desc"})
  void shouldListEveryAgentExactlyOnce(String sort) {
    List<JsonNode> hosts =
        client.readAll(
            DiscoverEndpoints.COMBINED, p -> {}, "filter", MANAGED, "limit", "37", "sort", sort);

    Set<String> ids = new HashSet<>();
    Set<String> aids = new HashSet<>();
    hosts.forEach(
        h -> {
          ids.add(h.get("id").asText());
          aids.add(h.get("aid").asText());
        });
    int agents = simulator.manifest().get("agents").asInt();
    assertThat(hosts).hasSize(agents);
    assertThat(ids).hasSize(agents);
    assertThat(aids).hasSize(agents);
    assertThat(agents).isGreaterThan(simulator.manifest().get("hosts").asInt());
    for (int i = 1; i < hosts.size(); i++) {
      JsonNode a = hosts.get(i - 1);
      JsonNode b = hosts.get(i);
      int byValue =
          sort.startsWith("hostname")
              ? a.get("hostname").asText().compareTo(b.get("hostname").asText())
              : a.get("last_seen_timestamp")
                  .asText()
                  .compareTo(b.get("last_seen_timestamp").asText());
      if (sort.endsWith("desc")) {
        byValue = -byValue;
      }
      assertThat(byValue).isLessThanOrEqualTo(0);
      if (byValue == 0) {
        assertThat(a.get("id").asText()).isLessThan(b.get("id").asText());
      }
    }
  }

  @Test
  void shouldShowTheFleetTraps() {
    List<JsonNode> hosts =
        client.readAll(DiscoverEndpoints.COMBINED, p -> {}, "filter", MANAGED, "limit", "1000");
    Set<String> hostnames = new HashSet<>();
    Set<String> serials = new HashSet<>();
    boolean duplicateHostname = false;
    boolean duplicateSerial = false;
    Set<String> macPrefixes = new HashSet<>();
    for (JsonNode h : hosts) {
      duplicateHostname |= !hostnames.add(h.get("hostname").asText());
      duplicateSerial |= !serials.add(h.get("system_serial_number").asText());
      h.get("mac_addresses").forEach(m -> macPrefixes.add(m.asText().substring(0, 8)));
    }
    assertThat(duplicateHostname).isTrue();
    assertThat(duplicateSerial).isTrue();
    assertThat(macPrefixes).contains("00-50-56");
    assertThat(macPrefixes.stream().anyMatch(p -> p.startsWith("02-42"))).isTrue();
    assertThat(hosts).anyMatch(h -> h.has("cloud_provider"));
    assertThat(hosts)
        .extracting(h -> h.get("product_type_desc").asText())
        .contains("Workstation", "Server", "Domain Controller");
  }

  @Test
  void shouldFilterByAidListAndLastSeenRange() {
    SimClient.Response firstPage =
        client.get(DiscoverEndpoints.COMBINED, "filter", MANAGED, "limit", "3");
    String a = firstPage.resources().get(0).get("aid").asText();
    String b = firstPage.resources().get(1).get("aid").asText();
    String lastSeen = firstPage.resources().get(2).get("last_seen_timestamp").asText();

    SimClient.Response byAid =
        client.get(DiscoverEndpoints.COMBINED, "filter", "aid:['" + a + "','" + b + "']");
    SimClient.Response recent =
        client.get(
            DiscoverEndpoints.COMBINED,
            "filter",
            MANAGED + "+last_seen_timestamp:>='" + lastSeen + "'",
            "limit",
            "1000");

    assertThat(byAid.resources())
        .extracting(h -> h.get("aid").asText())
        .containsExactlyInAnyOrder(a, b);
    assertThat(byAid.body().at("/meta/pagination/total").asInt()).isEqualTo(2);
    assertThat(recent.resources())
        .allSatisfy(
            h ->
                assertThat(Instant.parse(h.get("last_seen_timestamp").asText()))
                    .isAfterOrEqualTo(Instant.parse(lastSeen)));
    assertThat(recent.resources().size()).isEqualTo(simulator.manifest().get("agents").asInt() - 2);
  }

  @Test
  void shouldCapOffsetPagingAtTenThousand() {
    SimClient.Response page =
        client.get(DiscoverEndpoints.QUERIES, "offset", "100", "limit", "100");
    SimClient.Response capped =
        client.get(DiscoverEndpoints.QUERIES, "offset", "10000", "limit", "100");
    SimClient.Response tooBig = client.get(DiscoverEndpoints.QUERIES, "limit", "101");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.resources())
        .hasSize(Math.min(100, simulator.manifest().get("agents").asInt() - 100));
    assertThat(page.body().at("/meta/pagination/offset").asInt()).isEqualTo(100);
    assertThat(capped.status()).isEqualTo(400);
    assertThat(capped.body().at("/errors/0/message").asText())
        .isEqualTo(
            "offset 10000 and limit 100 are invalid; offset + limit must be less than or equal to 10000");
    assertThat(tooBig.status()).isEqualTo(400);
  }

  @Test
  void shouldReturnEntitiesForAtMostOneHundredIds() {
    SimClient.Response ids = client.get(DiscoverEndpoints.QUERIES, "limit", "100");
    String[] params = new String[2 * ids.resources().size()];
    for (int i = 0; i < ids.resources().size(); i++) {
      params[2 * i] = "ids";
      params[2 * i + 1] = ids.resources().get(i).asText();
    }
    SimClient.Response entities = client.get(DiscoverEndpoints.ENTITIES, params);
    SimClient.Response tooMany =
        client.get(DiscoverEndpoints.ENTITIES, SimClient.append(params, "ids", "x_1"));

    assertThat(entities.status()).isEqualTo(200);
    assertThat(entities.resources()).hasSize(100);
    assertThat(entities.resources().get(0).get("id").asText())
        .isEqualTo(ids.resources().get(0).asText());
    assertThat(tooMany.status()).isEqualTo(400);
  }

  @Test
  void shouldLookUpDevicesInBatchesOfAtMostFiveThousand() {
    ArrayNode tooMany = SimClient.MAPPER.createArrayNode();
    for (int i = 0; i < 5001; i++) {
      tooMany.add(String.format("%032x", i));
    }
    String aid =
        client
            .get(DiscoverEndpoints.COMBINED, "filter", MANAGED, "limit", "1")
            .resources()
            .get(0)
            .get("aid")
            .asText();
    ArrayNode some = SimClient.MAPPER.createArrayNode().add(aid).add("0".repeat(32));

    SimClient.Response refused =
        client.postJson(
            DevicesEndpoint.PATH, SimClient.MAPPER.createObjectNode().set("ids", tooMany));
    SimClient.Response found =
        client.postJson(DevicesEndpoint.PATH, SimClient.MAPPER.createObjectNode().set("ids", some));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.resources()).extracting(d -> d.get("device_id").asText()).containsExactly(aid);
  }

  @Test
  void shouldJoinSpotlightAidsToDevices() {
    SimClient.Response vulns =
        client.get(
            SpotlightEndpoint.PATH, "filter", "status:'open'", "limit", "50", "facet", "host_info");
    ArrayNode aids = SimClient.MAPPER.createArrayNode();
    Set<String> unique = new HashSet<>();
    vulns
        .resources()
        .forEach(
            v -> {
              if (unique.add(v.get("aid").asText())) {
                aids.add(v.get("aid").asText());
              }
            });

    SimClient.Response devices =
        client.postJson(DevicesEndpoint.PATH, SimClient.MAPPER.createObjectNode().set("ids", aids));

    assertThat(devices.resources()).hasSize(unique.size());
    devices
        .resources()
        .forEach(
            d -> {
              JsonNode vuln = findByAid(vulns.resources(), d.get("device_id").asText());
              assertThat(d.get("hostname").asText())
                  .isEqualTo(vuln.at("/host_info/hostname").asText());
              assertThat(d.get("local_ip").asText())
                  .isEqualTo(vuln.at("/host_info/local_ip").asText());
            });
  }

  private static JsonNode findByAid(JsonNode records, String aid) {
    for (JsonNode r : records) {
      if (r.get("aid").asText().equals(aid)) {
        return r;
      }
    }
    throw new AssertionError("no record for " + aid);
  }
}
