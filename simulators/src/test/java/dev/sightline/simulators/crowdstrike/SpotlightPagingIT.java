package dev.sightline.simulators.crowdstrike;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpotlightPagingIT {
  private static final String ALL = "created_timestamp:>='2000-01-01T00:00:00Z'";
  private static CrowdStrikeSimulator simulator;
  private static SimClient client;

  @BeforeAll
  static void start() {
    simulator = CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(80));
    client = new SimClient(simulator).authenticate();
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 100, 5000})
  void shouldReadEveryRecordExactlyOnceAtAnyLimit(int limit) {
    List<JsonNode> records =
        client.readAll(
            SpotlightEndpoint.PATH, p -> {}, "filter", ALL, "limit", String.valueOf(limit));

    Set<String> ids = new HashSet<>();
    records.forEach(r -> ids.add(r.get("id").asText()));
    assertThat(records).hasSize(simulator.manifest().get("vulnerabilities").asInt());
    assertThat(ids).hasSize(records.size());
  }

  @ParameterizedTest
  @CsvSource({
    "updated_timestamp|asc,updated_timestamp,false",
    "updated_timestamp|desc,updated_timestamp,true",
    "created_timestamp|asc,created_timestamp,false",
    "created_timestamp|desc,created_timestamp,true",
    "closed_timestamp|asc,closed_timestamp,false"
  })
  void shouldOrderByTimestampThenIdAscending(String sort, String field, boolean descending) {
    List<JsonNode> records =
        client.readAll(SpotlightEndpoint.PATH, p -> {}, "filter", ALL, "limit", "97", "sort", sort);

    assertThat(records).hasSize(simulator.manifest().get("vulnerabilities").asInt());
    for (int i = 1; i < records.size(); i++) {
      long previous = time(records.get(i - 1), field);
      long current = time(records.get(i), field);
      int byTime =
          descending ? Long.compare(previous, current) * -1 : Long.compare(previous, current);
      if (byTime == 0) {
        assertThat(records.get(i - 1).get("id").asText())
            .isLessThan(records.get(i).get("id").asText());
      } else {
        assertThat(byTime).as("record %d out of order for %s", i, sort).isNegative();
      }
    }
  }

  @Test
  void shouldAgreeWithTheManifestPerStatus() {
    JsonNode manifest = simulator.manifest();
    long sum = 0;
    for (String status : List.of("open", "closed", "reopen", "expired")) {
      SimClient.Response page =
          client.get(SpotlightEndpoint.PATH, "filter", "status:'" + status + "'", "limit", "1");
      long total = page.body().at("/meta/pagination/total").asLong();
      assertThat(total)
          .as(status)
          .isEqualTo(manifest.at("/byStatus/" + status).asLong())
          .isPositive();
      sum += total;
    }
    assertThat(sum).isEqualTo(manifest.get("vulnerabilities").asLong());
  }

  @Test
  void shouldCoverAllSeveritiesKevAndExploitValues() {
    List<JsonNode> records =
        client.readAll(
            SpotlightEndpoint.PATH, p -> {}, "filter", ALL, "limit", "5000", "facet", "cve");
    Set<String> severities = new HashSet<>();
    Set<Integer> exploits = new HashSet<>();
    Set<Boolean> kev = new HashSet<>();
    Set<String> statuses = new HashSet<>();
    for (JsonNode r : records) {
      severities.add(r.at("/cve/severity").asText());
      exploits.add(r.at("/cve/exploit_status").asInt());
      kev.add(r.at("/cve/cisa_info/is_cisa_kev").asBoolean());
      statuses.add(r.get("status").asText());
    }
    assertThat(severities)
        .containsExactlyInAnyOrder("UNKNOWN", "NONE", "LOW", "MEDIUM", "HIGH", "CRITICAL");
    assertThat(exploits).containsExactlyInAnyOrder(0, 30, 60, 90);
    assertThat(kev).containsExactlyInAnyOrder(true, false);
    assertThat(statuses).containsExactlyInAnyOrder("open", "closed", "reopen", "expired");
  }

  @Test
  void shouldSendFacetBlocksOnlyWhenAskedAndOnEveryPage() {
    List<SimClient.Response> pages = new ArrayList<>();
    client.readAll(
        SpotlightEndpoint.PATH,
        pages::add,
        "filter",
        ALL,
        "limit",
        "300",
        "facet",
        "host_info",
        "facet",
        "remediation");
    SimClient.Response plain = client.get(SpotlightEndpoint.PATH, "filter", ALL, "limit", "300");

    assertThat(pages).hasSizeGreaterThan(1);
    for (SimClient.Response page : pages) {
      page.resources()
          .forEach(
              r -> {
                assertThat(r.has("host_info")).isTrue();
                assertThat(r.has("remediation")).isTrue();
                assertThat(r.has("cve")).isFalse();
              });
    }
    plain
        .resources()
        .forEach(
            r -> assertThat(r.has("host_info") || r.has("cve") || r.has("remediation")).isFalse());
  }

  @Test
  void shouldEndPagingSometimesWithACursorAndThenAnEmptyPage() {
    int withCursor = 0;
    int withoutCursor = 0;
    for (int n = 0; n < 12; n++) {
      String filter =
          "status:'open'+created_timestamp:>='200"
              + (n % 10)
              + "-01-0"
              + (1 + n / 10)
              + "T00:00:00Z'";
      SimClient.Response last = null;
      SimClient.Response page =
          client.get(SpotlightEndpoint.PATH, "filter", filter, "limit", "1000");
      while (!page.after().isEmpty() && page.resources().size() > 0) {
        last = page;
        page =
            client.get(
                SpotlightEndpoint.PATH, "filter", filter, "limit", "1000", "after", page.after());
      }
      if (page.resources().isEmpty()) {
        withCursor++;
        assertThat(last).isNotNull();
        assertThat(page.after()).isEmpty();
        assertThat(page.body().at("/meta/pagination/total").asLong()).isPositive();
      } else {
        withoutCursor++;
      }
    }
    assertThat(withCursor).isPositive();
    assertThat(withoutCursor).isPositive();
  }

  @Test
  void shouldServeConcurrentCrawlsIndependently() throws Exception {
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Integer>> crawls = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        String limit = String.valueOf(50 + 17 * i);
        crawls.add(
            pool.submit(
                () ->
                    new SimClient(simulator)
                        .authenticate()
                        .readAll(
                            SpotlightEndpoint.PATH,
                            p -> {},
                            "filter",
                            ALL,
                            "limit",
                            limit,
                            "facet",
                            "cve",
                            "facet",
                            "host_info")
                        .size()));
      }
      for (java.util.concurrent.Future<Integer> crawl : crawls) {
        assertThat(crawl.get()).isEqualTo(simulator.manifest().get("vulnerabilities").asInt());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static long time(JsonNode record, String field) {
    JsonNode value = record.get(field);
    return value == null ? Long.MAX_VALUE : Instant.parse(value.asText()).getEpochSecond();
  }
}
