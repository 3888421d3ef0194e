package dev.sightline.simulators.cortex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.simulators.testsupport.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class XqlIT {
  private static final Instant NOW = Instant.parse("2025-05-05T10:00:00Z");

  private static CortexXdrSimulator start(int hosts) {
    return CortexXdrSimulator.start(
        CortexXdrSimulatorOptions.defaults(hosts).withClock(new MutableClock(NOW)));
  }

  @Test
  void shouldAnswerPendingFirstThenSuccess() {
    try (CortexXdrSimulator simulator = start(20)) {
      CortexClient client = new CortexClient(simulator);
      String id = client.startOk(XqlTexts.CVES);
      List<String> statuses = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        statuses.add(client.results(id).reply().get("status").asText());
      }

      assertThat(statuses.get(0)).isEqualTo("PENDING");
      assertThat(statuses.subList(1, 3)).contains("SUCCESS");
      assertThat(statuses.get(3)).isEqualTo("SUCCESS");
      assertThat(statuses.indexOf("SUCCESS")).isBetween(1, 2);
    }
  }

  @Test
  void shouldAnswerAtOnceWhenThePendingFlagIsOff() {
    try (CortexXdrSimulator simulator = start(20)) {
      CortexClient client = new CortexClient(simulator);
      String id = client.startOk(XqlTexts.CVES);

      CortexClient.Response reply =
          client.post(
              XqlApi.RESULTS, CortexClient.requestData("query_id", id, "pending_flag", false));

      assertThat(reply.reply().get("status").asText()).isEqualTo("SUCCESS");
    }
  }

  @Test
  void shouldReturnFindingsInlineUpToOneThousandRows() {
    try (CortexXdrSimulator simulator = start(40)) {
      CortexClient client = new CortexClient(simulator);
      JsonNode manifest = simulator.manifest();
      JsonNode reply = client.completed(client.startOk(XqlTexts.FINDINGS));

      assertThat(manifest.get("findings").asLong()).isBetween(100L, 1000L);
      assertThat(reply.get("number_of_results").asLong())
          .isEqualTo(manifest.get("findings").asLong());
      assertThat(reply.at("/results/data")).hasSize(reply.get("number_of_results").asInt());
      assertThat(reply.at("/results/stream_id").isMissingNode()).isTrue();
      JsonNode row = reply.at("/results/data/0");
      assertThat(CortexConformanceIT.fieldNames(row))
          .containsExactly(
              "endpoint_id",
              "endpoint_name",
              "name",
              "severity",
              "severity_score",
              "description",
              "publication_date");
      assertThat(row.get("name").asText()).startsWith("CVE-");
      assertThat(row.get("severity").asText()).isIn("CRITICAL", "HIGH", "MEDIUM", "LOW", "NONE");
      assertThat(row.get("severity_score").isNumber()).isTrue();
      assertThat(row.get("publication_date").isIntegralNumber()).isTrue();
    }
  }

  @Test
  void shouldHonourTheInlineLimitOfTheResultsCall() {
    try (CortexXdrSimulator simulator = start(40)) {
      CortexClient client = new CortexClient(simulator);
      String id = client.startOk(XqlTexts.CVES);
      client.completed(id);

      CortexClient.Response limited =
          client.post(XqlApi.RESULTS, CortexClient.requestData("query_id", id, "limit", 7));

      assertThat(limited.reply().at("/results/data")).hasSize(7);
      assertThat(limited.reply().get("number_of_results").asInt()).isGreaterThan(7);
    }
  }

  @Test
  void shouldStreamGzippedNdjsonBeyondOneThousandRows() {
    try (CortexXdrSimulator simulator = start(300)) {
      CortexClient client = new CortexClient(simulator);
      long findings = simulator.manifest().get("findings").asLong();
      JsonNode reply = client.completed(client.startOk(XqlTexts.FINDINGS));
      String streamId = reply.at("/results/stream_id").asText();

      byte[] gzipped = client.streamBytes(streamId, true);
      List<JsonNode> rows = CortexClient.ndjson(CortexClient.gunzip(gzipped));
      byte[] plain = client.withHeader("Accept-Encoding", "gzip").streamBytes(streamId, false);

      assertThat(findings).isGreaterThan(1000);
      assertThat(reply.get("number_of_results").asLong()).isEqualTo(findings);
      assertThat(reply.at("/results/data").isMissingNode()).isTrue();
      assertThat(streamId).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
      assertThat(gzipped[0] & 0xFF).isEqualTo(0x1f);
      assertThat(rows).hasSize((int) findings);
      assertThat(CortexClient.ndjson(plain)).hasSize((int) findings);
      assertThat(new String(plain, StandardCharsets.UTF_8).lines().count()).isEqualTo(findings);
      Set<String> pairs = new HashSet<>();
      rows.forEach(r -> pairs.add(r.get("endpoint_id").asText() + "/" + r.get("name").asText()));
      assertThat(pairs).hasSize((int) findings);
      assertThat(rows)
          .extracting(r -> r.get("endpoint_id").asText() + "/" + r.get("name").asText())
          .isSorted();
    }
  }

  @Test
  void shouldGiveExactlyTheManifestsBlankCveRowsInlineAndStreamedUnderTheBlankCveFault() {
    for (int hosts : new int[] {40, 300}) {
      try (CortexXdrSimulator simulator =
          CortexXdrSimulator.start(
              CortexXdrSimulatorOptions.defaults(hosts)
                  .withClock(new MutableClock(NOW))
                  .withFaultSpec("blank-cve:10%"))) {
        CortexClient client = new CortexClient(simulator);
        JsonNode manifest = simulator.manifest();
        JsonNode reply = client.completed(client.startOk(XqlTexts.FINDINGS));
        List<JsonNode> rows = new ArrayList<>();
        if (reply.at("/results/stream_id").isMissingNode()) {
          reply.at("/results/data").forEach(rows::add);
        } else {
          rows.addAll(
              CortexClient.ndjson(
                  CortexClient.gunzip(
                      client.streamBytes(reply.at("/results/stream_id").asText(), true))));
        }

        long blanks = manifest.get("blankCveRows").asLong();
        assertThat(blanks).as("hosts %d", hosts).isPositive();
        assertThat(rows.stream().filter(r -> r.get("name").asText().isEmpty()).count())
            .isEqualTo(blanks);
        assertThat(rows).hasSize((int) (manifest.get("findings").asLong() + blanks));
        assertThat(rows)
            .filteredOn(r -> r.get("name").asText().isEmpty())
            .allSatisfy(r -> assertThat(r.get("endpoint_id").asText()).isNotEmpty());
      }
    }
  }

  @Test
  void shouldHaveNoBlankCveRowsWithoutTheFault() {
    try (CortexXdrSimulator simulator = start(40)) {
      assertThat(simulator.manifest().get("blankCveRows").asLong()).isZero();
    }
  }

  @Test
  void shouldPageFindingsByEndpointIdWithTheKeysetQuery() {
    try (CortexXdrSimulator simulator = start(120)) {
      CortexClient client = new CortexClient(simulator);
      List<JsonNode> all = new ArrayList<>();
      String after = "";
      for (int chunk = 0; chunk < 20; chunk++) {
        JsonNode reply = client.completed(client.startOk(XqlTexts.findingsAfter(after)));
        JsonNode data = reply.at("/results/data");
        assertThat(reply.get("number_of_results").asInt()).isLessThanOrEqualTo(1000);
        if (data.isEmpty()) {
          break;
        }
        data.forEach(all::add);
        after = data.get(data.size() - 1).get("endpoint_id").asText();
      }

      assertThat(all).hasSize(simulator.manifest().get("findings").asInt());
      assertThat(all).extracting(r -> r.get("endpoint_id").asText()).isSorted();
    }
  }

  @Test
  void shouldCountFindingsAndCvesAndListEndpointCves() {
    try (CortexXdrSimulator simulator = start(60)) {
      CortexClient client = new CortexClient(simulator);
      JsonNode manifest = simulator.manifest();

      List<JsonNode> findings = client.rows(XqlTexts.COUNT_FINDINGS);
      List<JsonNode> cves = client.rows(XqlTexts.COUNT_CVES);
      List<JsonNode> endpointCves = client.rows(XqlTexts.ENDPOINT_CVES);
      List<JsonNode> catalogue = client.rows(XqlTexts.CVES);
      List<JsonNode> bare = client.rows("dataset = va_cves");

      assertThat(findings.get(0).get("findings").asLong())
          .isEqualTo(manifest.get("findings").asLong());
      assertThat(cves.get(0).get("cves").asLong()).isEqualTo(manifest.get("cves").asLong());
      assertThat(endpointCves).hasSize(manifest.get("endpointsWithCves").asInt());
      assertThat(endpointCves.stream().mapToInt(r -> r.get("cves").size()).sum())
          .isEqualTo(manifest.get("findings").asInt());
      assertThat(catalogue)
          .hasSize(manifest.get("cves").asInt())
          .extracting(r -> r.get("name").asText())
          .isSorted();
      assertThat(CortexConformanceIT.fieldNames(bare.get(0)))
          .contains(
              "name", "affected_hosts", "is_excluded", "os_type", "type", "modification_date");
    }
  }

  @Test
  void shouldRefuseQueriesItCannotRunWithAParseError() {
    try (CortexXdrSimulator simulator = start(5)) {
      CortexClient client = new CortexClient(simulator);
      for (String query :
          List.of(
              "dataset = xdr_data | limit 5",
              "dataset va_cves",
              "dataset = va_cves | alter x = 1",
              "dataset = va_cves | fields nope",
              "dataset = va_cves | filter severity_score = \"high\"",
              "dataset = va_endpoints | sort endpoint_id",
              "dataset = va_cves |")) {
        CortexClient.Response r = client.start(query);

        assertThat(r.status()).as(query).isEqualTo(500);
        assertThat(r.reply().get("err_code").asInt()).isEqualTo(500);
        assertThat(r.reply().get("err_msg").asText()).contains("failed to parse the XQL query");
        assertThat(r.reply().get("err_extra").asText()).isNotBlank();
      }
      assertThat(client.start("dataset va_cves").reply().get("err_extra").asText())
          .contains("line 1, column 9");
    }
  }

  @Test
  void shouldRefuseAFifthParallelQueryUntilOneIsFetched() {
    try (CortexXdrSimulator simulator = start(5)) {
      CortexClient client = new CortexClient(simulator);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        ids.add(client.startOk(XqlTexts.CVES));
      }

      CortexClient.Response fifth = client.start(XqlTexts.CVES);
      client.completed(ids.get(0));
      CortexClient.Response afterFetch = client.start(XqlTexts.CVES);

      assertThat(fifth.status()).isEqualTo(500);
      assertThat(fifth.reply().get("err_msg").asText()).contains("parallel running queries");
      assertThat(afterFetch.status()).isEqualTo(200);
    }
  }

  @Test
  void shouldFinishUnpolledQueriesOnTheirOwnAfterThirtySeconds() {
    MutableClock clock = new MutableClock(NOW);
    try (CortexXdrSimulator simulator =
        CortexXdrSimulator.start(CortexXdrSimulatorOptions.defaults(5).withClock(clock))) {
      CortexClient client = new CortexClient(simulator);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        ids.add(client.startOk(XqlTexts.CVES));
      }
      clock.advance(Duration.ofSeconds(30));

      CortexClient.Response fifth = client.start(XqlTexts.CVES);
      CortexClient.Response late = client.results(ids.get(0));

      assertThat(fifth.status()).isEqualTo(200);
      assertThat(late.reply().get("status").asText()).isEqualTo("SUCCESS");
    }
  }

  @Test
  void shouldChargeQueriesAgainstTheDailyQuotaAndResetAtMidnight() {
    MutableClock clock = new MutableClock(Instant.parse("2025-05-05T23:50:00Z"));
    try (CortexXdrSimulator simulator =
        CortexXdrSimulator.start(
            CortexXdrSimulatorOptions.defaults(20).withClock(clock).withDailyQuotaUnits(1))) {
      CortexClient client = new CortexClient(simulator);
      JsonNode first = client.completed(client.startOk(XqlTexts.CVES));
      JsonNode second = client.completed(client.startOk(XqlTexts.FINDINGS));
      JsonNode quota = client.post(XqlApi.QUOTA, CortexClient.requestData()).reply();
      double charged =
          first.get("query_cost").elements().next().asDouble()
              + second.get("query_cost").elements().next().asDouble();

      assertThat(quota.get("license_quota").asLong()).isEqualTo(1);
      assertThat(quota.get("used_quota").asDouble()).isCloseTo(charged, offset(1e-9));
      assertThat(quota.has("additional_purchased_quota")).isTrue();
      assertThat(second.get("remaining_quota").asDouble()).isCloseTo(1 - charged, offset(1e-9));
      clock.advance(Duration.ofMinutes(11));
      assertThat(
              client
                  .post(XqlApi.QUOTA, CortexClient.requestData())
                  .reply()
                  .get("used_quota")
                  .asDouble())
          .isZero();
    }
  }

  @Test
  void shouldRefuseQueriesOnceTheQuotaIsUsedUp() {
    MutableClock clock = new MutableClock(Instant.parse("2025-05-05T23:50:00Z"));
    try (CortexXdrSimulator simulator =
        CortexXdrSimulator.start(
            CortexXdrSimulatorOptions.defaults(20).withClock(clock).withDailyQuotaUnits(0))) {
      CortexClient client = new CortexClient(simulator);
      CortexClient.Response refused = client.start(XqlTexts.CVES);
      CortexClient.Response quota = client.post(XqlApi.QUOTA, CortexClient.requestData());

      assertThat(refused.status()).isEqualTo(500);
      assertThat(refused.reply().get("err_msg").asText())
          .isEqualTo("query usage exceeded max daily quota");
      assertThat(refused.reply().get("err_extra").asText()).contains("QUOTA_EXCEEDED");
      assertThat(quota.status()).isEqualTo(200);
      assertThat(quota.reply().get("license_quota").asLong()).isZero();
    }
  }

  @Test
  void shouldForgetResultsAnHourAfterTheQueryStarted() {
    MutableClock clock = new MutableClock(NOW);
    try (CortexXdrSimulator simulator =
        CortexXdrSimulator.start(CortexXdrSimulatorOptions.defaults(300).withClock(clock))) {
      CortexClient client = new CortexClient(simulator);
      String id = client.startOk(XqlTexts.FINDINGS);
      String streamId = client.completed(id).at("/results/stream_id").asText();
      clock.advance(Duration.ofMinutes(61));

      CortexClient.Response results = client.results(id);
      CortexClient.Response stream =
          client.post(XqlApi.STREAM, CortexClient.requestData("stream_id", streamId));

      assertThat(results.status()).isEqualTo(500);
      assertThat(results.reply().get("err_extra").asText()).contains("expired");
      assertThat(stream.status()).isEqualTo(500);
    }
  }

  @Test
  void shouldKeepAQuerysResultsWhenTheTenantAdvances() {
    try (CortexXdrSimulator simulator = start(40)) {
      CortexClient client = new CortexClient(simulator);
      String id = client.startOk(XqlTexts.COUNT_FINDINGS);
      long before = simulator.manifest().get("findings").asLong();
      simulator.advance(30);

      JsonNode reply = client.completed(id);
      List<JsonNode> after = client.rows(XqlTexts.COUNT_FINDINGS);

      assertThat(reply.at("/results/data/0/findings").asLong()).isEqualTo(before);
      assertThat(after.get(0).get("findings").asLong())
          .isEqualTo(simulator.manifest().get("findings").asLong());
    }
  }
}
