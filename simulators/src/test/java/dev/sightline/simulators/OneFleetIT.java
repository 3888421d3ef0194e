package dev.sightline.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.simulators.cortex.CortexXdrSimulator;
import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import dev.sightline.simulators.fleet.Fleet;
import dev.sightline.simulators.fleet.Machine;
import dev.sightline.simulators.fleet.NetworkInterface;
import dev.sightline.simulators.testsupport.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * For one seed, both simulators show the same machines: a machine at fleet index i has the same
 * serial, MAC set and hostname in both tenants, spelled the way each vendor spells it. CrowdStrike
 * shows machines [0, 80), Cortex XDR [40, 120).
 */
class OneFleetIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final long SEED = 42;
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-05-05T10:00:00Z"));
  private static CrowdStrikeSimulator crowdStrike;
  private static CortexXdrSimulator cortex;
  private static HttpClient csHttp;
  private static HttpClient cxHttp;
  private static String token;
  private static List<JsonNode> csHosts;
  private static List<JsonNode> cxEndpoints;

  @BeforeAll
  static void start() {
    crowdStrike =
        CrowdStrikeSimulator.start(
            CrowdStrikeSimulatorOptions.defaults(80).withSeed(SEED).withClock(CLOCK));
    cortex =
        CortexXdrSimulator.start(
            CortexXdrSimulatorOptions.defaults(80).withSeed(SEED).withOffset(40).withClock(CLOCK));
    csHttp = HttpClient.newBuilder().sslContext(crowdStrike.clientSslContext()).build();
    cxHttp = HttpClient.newBuilder().sslContext(cortex.clientSslContext()).build();
    token =
        send(
                csHttp,
                HttpRequest.newBuilder(crowdStrike.baseUrl().resolve("/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "client_id=sim-client&client_secret=sim-secret"))
                    .build())
            .get("access_token")
            .asText();
    csHosts = new ArrayList<>();
    csGet("/discover/combined/hosts/v1", "filter", "entity_type:'managed'", "limit", "1000")
        .get("resources")
        .forEach(csHosts::add);
    cxEndpoints = new ArrayList<>();
    for (int from = 0; from < 200; from += 100) {
      cortexPost(
              "/public_api/v1/endpoints/get_endpoint/",
              "{\"request_data\":{\"search_from\":"
                  + from
                  + ",\"search_to\":"
                  + (from + 100)
                  + ",\"sort\":{\"field\":\"endpoint_id\",\"keyword\":\"asc\"}}}")
          .at("/reply/endpoints")
          .forEach(cxEndpoints::add);
    }
  }

  @AfterAll
  static void stop() {
    crowdStrike.close();
    cortex.close();
  }

  @Test
  void shouldShowEachSharedMachineWithItsSerialMacsAndHostnameInBothTenants() {
    Fleet fleet = new Fleet(SEED);
    Map<Set<String>, List<JsonNode>> csByMacs = group(csHosts, "mac_addresses");
    Map<Set<String>, List<JsonNode>> cxByMacs = group(cxEndpoints, "mac_address");
    for (int i = 40; i < 80; i++) {
      Machine machine = fleet.machine(i);
      Set<String> macs = macs(machine);
      List<JsonNode> cs = csByMacs.get(macs);
      List<JsonNode> cx = cxByMacs.get(macs);
      int agents = machine.reimaged() ? 2 : 1;

      assertThat(cs).as("CrowdStrike agents of machine %d", i).hasSize(agents);
      assertThat(cx).as("Cortex endpoints of machine %d", i).hasSize(agents);
      for (JsonNode host : cs) {
        assertThat(host.get("system_serial_number").asText())
            .isEqualTo(machine.hardware().serialNumber());
        assertThat(host.get("hostname").asText()).isEqualTo(machine.hostname());
      }
      for (JsonNode endpoint : cx) {
        assertThat(shortName(endpoint.get("endpoint_name").asText()))
            .isEqualTo(shortName(machine.hostname()));
      }
    }
    assertThat(cxEndpoints).hasSize(cortex.manifest().get("endpoints").asInt());
  }

  @Test
  void shouldSpellTheSameFactsDifferently() {
    Map<Set<String>, List<JsonNode>> csByMacs = group(csHosts, "mac_addresses");
    int differentNames = 0;
    int differentDomains = 0;
    for (JsonNode endpoint : cxEndpoints) {
      List<JsonNode> cs = csByMacs.get(normalisedMacs(endpoint.get("mac_address")));
      if (cs == null) {
        continue;
      }
      JsonNode host = cs.get(0);
      differentNames +=
          endpoint.get("endpoint_name").asText().equals(host.get("hostname").asText()) ? 0 : 1;
      differentDomains +=
          endpoint.get("domain").asText().equals(host.get("machine_domain").asText()) ? 0 : 1;
      assertThat(endpoint.get("mac_address").get(0).asText())
          .matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
      assertThat(host.get("mac_addresses").get(0).asText()).doesNotContain(":");
    }
    assertThat(differentNames).isPositive();
    assertThat(differentDomains).isPositive();
  }

  @Test
  void shouldShowAReimagedMachineAsTwoEndpointsWithDifferentIds() {
    Machine reimaged = new Fleet(SEED).machine(42);
    List<JsonNode> endpoints = group(cxEndpoints, "mac_address").get(macs(reimaged));

    assertThat(reimaged.reimaged()).isTrue();
    assertThat(endpoints).hasSize(2);
    assertThat(endpoints.get(0).get("endpoint_id").asText())
        .isNotEqualTo(endpoints.get(1).get("endpoint_id").asText());
    assertThat(endpoints)
        .extracting(e -> e.get("endpoint_name").asText())
        .containsOnly(endpoints.get(0).get("endpoint_name").asText());
  }

  @Test
  void shouldGiveSharedMachinesOverlappingCves() {
    Map<String, Set<String>> cortexCves = cortexCvesByMacs();
    Map<Set<String>, List<JsonNode>> csByMacs = group(csHosts, "mac_addresses");
    int compared = 0;
    int overlapping = 0;
    for (int i = 40; i < 80; i++) {
      Machine machine = new Fleet(SEED).machine(i);
      Set<String> cx = cortexCves.getOrDefault(String.valueOf(macs(machine)), Set.of());
      JsonNode current =
          csByMacs.get(macs(machine)).stream()
              .max(
                  (a, b) ->
                      a.get("last_seen_timestamp")
                          .asText()
                          .compareTo(b.get("last_seen_timestamp").asText()))
              .orElseThrow();
      Set<String> cs = new HashSet<>();
      csGet(
              "/spotlight/combined/vulnerabilities/v1",
              "filter",
              "aid:'" + current.get("aid").asText() + "'",
              "limit",
              "100")
          .get("resources")
          .forEach(v -> cs.add(v.get("vulnerability_id").asText()));
      if (cx.isEmpty() || cs.isEmpty()) {
        continue;
      }
      compared++;
      Set<String> shared = new HashSet<>(cx);
      shared.retainAll(cs);
      overlapping += shared.isEmpty() ? 0 : 1;
    }
    assertThat(compared).isGreaterThan(20);
    assertThat(overlapping).isEqualTo(compared);
  }

  /** Current (latest) endpoint's CVEs per MAC set, from the va_endpoints dataset. */
  private static Map<String, Set<String>> cortexCvesByMacs() {
    String id =
        cortexPost(
                "/public_api/v1/xql/start_xql_query/",
                "{\"request_data\":{\"query\":"
                    + "\"dataset = va_endpoints | fields endpoint_id, cves\"}}")
            .get("reply")
            .asText();
    JsonNode data =
        cortexPost(
                "/public_api/v1/xql/get_query_results/",
                "{\"request_data\":{\"query_id\":\"" + id + "\",\"pending_flag\":false}}")
            .at("/reply/results/data");
    Map<String, JsonNode> byId = new HashMap<>();
    cxEndpoints.forEach(e -> byId.put(e.get("endpoint_id").asText(), e));
    Map<String, Set<String>> out = new HashMap<>();
    Map<String, Long> lastSeen = new HashMap<>();
    for (JsonNode row : data) {
      JsonNode endpoint = byId.get(row.get("endpoint_id").asText());
      String key = String.valueOf(normalisedMacs(endpoint.get("mac_address")));
      if (endpoint.get("last_seen").asLong() > lastSeen.getOrDefault(key, -1L)) {
        lastSeen.put(key, endpoint.get("last_seen").asLong());
        Set<String> cves = new HashSet<>();
        row.get("cves").forEach(c -> cves.add(c.asText()));
        out.put(key, cves);
      }
    }
    return out;
  }

  private static Map<Set<String>, List<JsonNode>> group(List<JsonNode> records, String macField) {
    Map<Set<String>, List<JsonNode>> out = new HashMap<>();
    for (JsonNode r : records) {
      out.computeIfAbsent(normalisedMacs(r.get(macField)), k -> new ArrayList<>()).add(r);
    }
    return out;
  }

  private static Set<String> normalisedMacs(JsonNode macs) {
    Set<String> out = new TreeSet<>();
    macs.forEach(m -> out.add(m.asText().replaceAll("[^0-9A-Fa-f]", "").toUpperCase(Locale.ROOT)));
    return out;
  }

  private static Set<String> macs(Machine machine) {
    Set<String> out = new TreeSet<>();
    for (NetworkInterface nic : machine.interfaces()) {
      out.add(nic.macAddress('-', true).replace("-", ""));
    }
    return out;
  }

  private static String shortName(String name) {
    int dot = name.indexOf('.');
    return (dot < 0 ? name : name.substring(0, dot)).toLowerCase(Locale.ROOT);
  }

  private static JsonNode csGet(String path, String... params) {
    StringBuilder query = new StringBuilder();
    for (int i = 0; i + 1 < params.length; i += 2) {
      query
          .append(query.length() == 0 ? "?" : "&")
          .append(params[i])
          .append('=')
          .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
    }
    return send(
        csHttp,
        HttpRequest.newBuilder(URI.create(crowdStrike.baseUrl() + path + query))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build());
  }

  private static JsonNode cortexPost(String path, String body) {
    CLOCK.advance(Duration.ofMillis(100));
    return send(
        cxHttp,
        HttpRequest.newBuilder(cortex.baseUrl().resolve(path))
            .header("Authorization", cortex.options().key())
            .header("x-xdr-auth-id", cortex.options().keyId())
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static JsonNode send(HttpClient http, HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(
            request.uri() + " answered " + response.statusCode() + " " + response.body());
      }
      return MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
