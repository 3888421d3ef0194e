package dev.sightline.platform.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.connector.RecordKind;
import dev.sightline.connector.StreamSpec;
import dev.sightline.mapping.TransformMap;
import dev.sightline.platform.inventory.FindingRow;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageMapperTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String ENDPOINT_MAP =
      """
      {"name":"test vulnerability map","fields":[
       {"source":"cves[].name","expression":"cves[].name","target":"externalFindingId","appliesTo":"FINDING","type":"STRING","required":true},
       {"source":"cves[].name","expression":"cves[].name","target":"findingName","appliesTo":"FINDING","type":"STRING","required":true},
       {"source":"cves[].name","expression":"cves[].name","target":"cveId","appliesTo":"FINDING","type":"STRING"},
       {"source":"cves[].severity","expression":"cves[].severity","target":"findingSeverity","appliesTo":"FINDING","type":"INTEGER","required":true,
        "valueMap":{"CRITICAL":"5","HIGH":"4","MEDIUM":"3","LOW":"2"},"default":"2"},
       {"source":"cves[].severity_score","expression":"cves[].severity_score","target":"sourceRiskScore","appliesTo":"FINDING","type":"DECIMAL"}
      ]}
      """;

  private static TransformMap map() {
    return TransformMap.parse(
        new ByteArrayInputStream(ENDPOINT_MAP.getBytes(StandardCharsets.UTF_8)), "test");
  }

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  private final StreamSpec endpoints =
      new StreamSpec(
          "vulnerabilities",
          RecordKind.FINDING,
          "endpoint_id",
          "endpoint_id",
          Optional.of(new StreamSpec.Elements("cves", "name")));

  @Test
  void shouldMapEachElementAsItsOwnFindingKeyedByRecordAndElement() throws Exception {
    var page =
        new PageMapper(endpoints, map(), "Cortex XDR")
            .map(
                List.of(
                    json(
                        """
        {"endpoint_id":"e1","cves":[{"name":"CVE-1","severity":"HIGH","severity_score":7.5},
                                    {"name":"CVE-2","severity":"LOW","severity_score":2.0}]}""")));

    assertThat(page.findings())
        .extracting(FindingRow::externalFindingId)
        .containsExactly("e1/CVE-1", "e1/CVE-2");
    assertThat(page.findings()).extracting(FindingRow::cveId).containsExactly("CVE-1", "CVE-2");
    assertThat(page.findings()).extracting(FindingRow::findingSeverity).containsExactly(4, 2);
    assertThat(page.findings()).allMatch(f -> f.assetSourceId().equals("e1"));
    assertThat(page.fetched()).isEqualTo(2);
  }

  @Test
  void shouldRejectAnElementWithoutItsKeyAndKeepTheOthers() throws Exception {
    var page =
        new PageMapper(endpoints, map(), "Cortex XDR")
            .map(
                List.of(
                    json(
                        """
        {"endpoint_id":"e1","cves":[{"severity":"HIGH"},{"name":"CVE-2","severity":"LOW"}]}""")));

    assertThat(page.findings())
        .extracting(FindingRow::externalFindingId)
        .containsExactly("e1/CVE-2");
    assertThat(page.rejections()).hasSize(1);
    assertThat(page.rejections().get(0).reasons().get(0)).contains("cves").contains("name");
    assertThat(page.fetched()).isEqualTo(page.findings().size() + page.rejections().size());
  }

  @Test
  void shouldRejectAnElementWithAnEmptyKeyNamingItsPathAndTallyEveryFinding() throws Exception {
    var page =
        new PageMapper(endpoints, map(), "Cortex XDR")
            .map(
                List.of(
                    json(
                        """
        {"endpoint_id":"e1","cves":[{"name":"CVE-1","severity":"HIGH"},{"name":"","severity":"LOW"},
                                    {"name":"CVE-3"}]}"""),
                    json(
                        """
        {"cves":[{"name":"CVE-9"},{"name":"CVE-8"}]}""")));

    assertThat(page.rejections())
        .extracting(Rejection::recordKey, Rejection::elementPath)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("e1", "cves[1]"),
            org.assertj.core.groups.Tuple.tuple(null, null));
    assertThat(page.rejections().get(1).reasons().get(0)).contains("its 2 finding(s)");
    assertThat(page.tally()).isEqualTo(new StreamTally(2, 1, 1, 5, 0, 3, 0));
    assertThat(page.elementPath("e1/CVE-3")).contains("cves[2]");
  }

  @Test
  void shouldCountAnEndpointWithoutFindingsAsNothingFetched() throws Exception {
    var page =
        new PageMapper(endpoints, map(), "Cortex XDR")
            .map(List.of(json("{\"endpoint_id\":\"e1\",\"cves\":[]}")));
    assertThat(page.fetched()).isZero();
    assertThat(page.findings()).isEmpty();
  }

  @Test
  void shouldRejectARecordWithoutItsStableIdWithTheReason() throws Exception {
    var page =
        new PageMapper(endpoints, map(), "Cortex XDR")
            .map(List.of(json("{\"cves\":[{\"name\":\"CVE-1\"}]}"), json("[1,2]")));
    assertThat(page.rejections()).hasSize(2);
    assertThat(page.rejections().get(0).reasons().get(0)).contains("endpoint_id");
  }
}
