package dev.sightline.connector.crowdstrike;

import static dev.sightline.connector.crowdstrike.FakeCrowdStrike.error;
import static dev.sightline.connector.crowdstrike.FakeCrowdStrike.page;
import static dev.sightline.connector.crowdstrike.FakeCrowdStrike.params;
import static dev.sightline.connector.crowdstrike.FakeCrowdStrike.vulnerability;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sightline.connector.Page;
import dev.sightline.connector.UnexpectedResponseException;
import dev.sightline.connector.testkit.StreamReading;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrowdStrikeStreamReaderTest {

  private static final String VULNS = CrowdStrikeStream.VULNERABILITIES.path();
  private static final JsonNode A = vulnerability("a", "2024-01-01T00:00:00Z");
  private static final JsonNode B = vulnerability("b", "2024-01-02T00:00:00Z");
  private static final JsonNode C = vulnerability("c", "2024-01-02T00:00:00Z");
  private static final JsonNode D = vulnerability("d", "2024-01-03T00:00:00Z");

  private final Harness harness = new Harness();

  private CrowdStrikeStreamReader reader(CrowdStrikeCursor start) {
    return new CrowdStrikeStreamReader(
        CrowdStrikeStream.VULNERABILITIES,
        harness.client,
        start,
        2,
        CrowdStrikeSourceFilters.none());
  }

  @Test
  void shouldFollowTheLiveCursorAndSendFilterSortAndFacetsOnEveryPage()
      throws InterruptedException {
    harness.fake.on(VULNS, page(List.of(A, B), "p2", 4)).on(VULNS, page(List.of(C, D), "p3", 4));

    List<Page> pages =
        StreamReading.readAll(reader(CrowdStrikeCursor.full(CrowdStrikeCursor.EPOCH)));

    assertThat(pages).hasSize(2);
    assertThat(pages.get(1).checkpoint().complete()).isTrue();
    List<HttpRequest> calls = harness.fake.dataRequests();
    assertThat(params(calls.get(0))).doesNotContainKey("after");
    assertThat(params(calls.get(1)).get("after")).containsExactly("p2");
    for (HttpRequest call : calls) {
      Map<String, List<String>> p = params(call);
      assertThat(p.get("filter")).containsExactly("updated_timestamp:>='1970-01-01T00:00:00Z'");
      assertThat(p.get("sort")).containsExactly("updated_timestamp|asc");
      assertThat(p.get("limit")).containsExactly("2");
      assertThat(p.get("facet")).containsExactly("cve", "host_info", "remediation");
    }
  }

  @Test
  void shouldStopWhenTheCursorIsEmptyEvenIfTheTotalIsNotReached() throws InterruptedException {
    harness.fake.on(VULNS, page(List.of(A), "", 99));

    assertThat(StreamReading.readAll(reader(CrowdStrikeCursor.full(CrowdStrikeCursor.EPOCH))))
        .hasSize(1);
  }

  @Test
  void shouldEndWithAnEmptyCompletePageWhenTheLastFullPageStillHadACursor()
      throws InterruptedException {
    harness.fake.on(VULNS, page(List.of(A, B), "p2", -1)).on(VULNS, page(List.of(), "p3", -1));

    List<Page> pages =
        StreamReading.readAll(reader(CrowdStrikeCursor.full(CrowdStrikeCursor.EPOCH)));

    assertThat(pages).hasSize(2);
    assertThat(pages.get(1).records()).isEmpty();
    assertThat(pages.get(1).checkpoint().complete()).isTrue();
    assertThat(pages.get(0).checkpoint().complete()).isFalse();
  }

  @Test
  void shouldRederiveItsPositionWhenTheSearchContextExpired() throws InterruptedException {
    harness
        .fake
        .on(VULNS, page(List.of(A, B), "p2", 4))
        .on(VULNS, error(404, "Search context expired, 'after' key no longer valid"))
        .on(VULNS, page(List.of(B, C), "q2", 3))
        .on(VULNS, page(List.of(D), "", 3));

    List<Page> pages =
        StreamReading.readAll(reader(CrowdStrikeCursor.full(CrowdStrikeCursor.EPOCH)));

    assertThat(pages.stream().flatMap(p -> p.records().stream()).map(r -> r.get("id").asText()))
        .containsExactly("a", "b", "c", "d");
    Map<String, List<String>> rederived = params(harness.fake.dataRequests().get(2));
    assertThat(rederived.get("filter"))
        .containsExactly("updated_timestamp:>='2024-01-02T00:00:00Z'");
    assertThat(rederived).doesNotContainKey("after");
  }

  @Test
  void shouldResumeFromACheckpointWithoutRepeatingRecordsOfTheSameSecond()
      throws InterruptedException {
    harness.fake.on(VULNS, page(List.of(A, B), "p2", 4));
    Page first = reader(CrowdStrikeCursor.full(CrowdStrikeCursor.EPOCH)).next().orElseThrow();
    CrowdStrikeCursor resumed =
        CrowdStrikeCursor.fromCheckpoint("vulnerabilities", first.checkpoint());
    harness.fake.on(VULNS, page(List.of(B, C), "q2", 3)).on(VULNS, page(List.of(D), "", 3));

    List<Page> rest = StreamReading.readAll(reader(resumed));

    assertThat(rest.stream().flatMap(p -> p.records().stream()).map(r -> r.get("id").asText()))
        .containsExactly("c", "d");
  }

  @Test
  void shouldEmitRecordsThatAreNotObjectsOrLackTheKeyInsteadOfDroppingThem()
      throws InterruptedException {
    JsonNode noId =
        CrowdStrikeWire.JSON.createObjectNode().put("updated_timestamp", "2024-01-05T00:00:00Z");
    harness.fake.on(VULNS, page(List.of(A, TextNode.valueOf("garbage"), noId), "", 3));

    Page page = reader(CrowdStrikeCursor.full(CrowdStrikeCursor.EPOCH)).next().orElseThrow();

    assertThat(page.records()).containsExactly(A, TextNode.valueOf("garbage"), noId);
    assertThat(page.checkpoint().state()).contains("\"lastId\":\"a\"");
  }

  @Test
  void shouldRefuseToLoopOnARepeatedCursor() {
    harness.fake.on(VULNS, page(List.of(A), "same", 10)).on(VULNS, page(List.of(B), "same", 10));

    assertThatThrownBy(
            () -> StreamReading.readAll(reader(CrowdStrikeCursor.full(CrowdStrikeCursor.EPOCH))))
        .isInstanceOf(UnexpectedResponseException.class)
        .hasMessageContaining("same page cursor twice");
  }

  @Test
  void shouldStopPromptlyWhenTheThreadIsAlreadyInterrupted() {
    Thread.currentThread().interrupt();

    assertThatThrownBy(() -> reader(CrowdStrikeCursor.full(CrowdStrikeCursor.EPOCH)).next())
        .isInstanceOf(InterruptedException.class);
    assertThat(harness.fake.requests()).isEmpty();
  }
}
