package dev.sightline.connector.cortex;

import static dev.sightline.connector.cortex.FakeCortexXdr.GET_ENDPOINT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.connector.Checkpoint;
import dev.sightline.connector.Page;
import dev.sightline.connector.StreamReader;
import dev.sightline.connector.SyncRequest;
import dev.sightline.connector.testkit.StreamReading;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CortexXdrEndpointReaderTest {

  private final Harness harness = new Harness();
  private final EndpointDirectory directory =
      new EndpointDirectory().add("a", "b", "c", "d", "e", "f", "g");

  CortexXdrEndpointReaderTest() {
    harness.fake.byDefault(GET_ENDPOINT, directory.responder());
  }

  @Test
  void shouldPageSortedByIdWithOneRecordOfOverlapAndEmitEachEndpointOnce()
      throws InterruptedException {
    List<Page> pages = StreamReading.readAll(reader(CortexXdrCursor.full(0), 3));

    assertThat(ids(pages)).containsExactly("a", "b", "c", "d", "e", "f", "g");
    assertThat(pages).extracting(p -> p.records().size()).containsExactly(3, 3, 1);
    assertThat(pages.get(pages.size() - 1).checkpoint().complete()).isTrue();
    assertThat(harness.fake.sent(GET_ENDPOINT))
        .extracting(
            s -> s.data().path("search_from").asInt() + "-" + s.data().path("search_to").asInt())
        .containsExactly("0-3", "2-6", "5-9");
    assertThat(harness.fake.sent(GET_ENDPOINT))
        .allSatisfy(
            s -> {
              assertThat(s.data().path("sort").path("field").asText()).isEqualTo("endpoint_id");
              assertThat(s.data().path("sort").path("keyword").asText()).isEqualTo("asc");
            });
  }

  @Test
  void shouldDropEndpointsAlreadyEmittedWhenEndpointsAppearBeforeThePosition()
      throws InterruptedException {
    StreamReader reader = reader(CortexXdrCursor.full(0), 3);
    List<Page> pages = new ArrayList<>(StreamReading.readAtMost(reader, 1));
    directory.add("0", "00");
    pages.addAll(StreamReading.readAll(reader));

    assertThat(ids(pages)).containsExactly("a", "b", "c", "d", "e", "f", "g");
  }

  @Test
  void shouldStepBackInsteadOfSkippingWhenEndpointsBeforeThePositionDisappear()
      throws InterruptedException {
    StreamReader reader = reader(CortexXdrCursor.full(0), 3);
    List<Page> pages = new ArrayList<>(StreamReading.readAtMost(reader, 1));
    directory.remove("a", "b");
    pages.addAll(StreamReading.readAll(reader));

    assertThat(ids(pages)).containsExactly("a", "b", "c", "d", "e", "f", "g");
  }

  @Test
  void shouldResumeFromAMidStreamCheckpointWithoutDuplicatesOrGaps() throws InterruptedException {
    List<Page> first = StreamReading.readAtMost(reader(CortexXdrCursor.full(0), 3), 1);
    Checkpoint checkpoint = first.get(0).checkpoint();
    directory.add("bb");

    List<Page> rest =
        StreamReading.readAll(reader(CortexXdrCursor.fromCheckpoint("endpoints", checkpoint), 3));

    assertThat(ids(rest)).containsExactly("d", "e", "f", "g");
  }

  @Test
  void shouldAddAllIpsAndTheCloudProviderToEveryEndpoint() throws InterruptedException {
    var endpoint = FakeCortexXdr.endpoint("z");
    endpoint.putArray("ip").add("10.1.1.1").add("10.1.1.2");
    endpoint.putArray("ipv6").add("fe80::1").add("10.1.1.1");
    endpoint.putObject("cloud_info").put("provider", "AWS").put("instance_id", "i-0abc");
    directory.put(endpoint);

    List<Page> pages = StreamReading.readAll(reader(CortexXdrCursor.full(0), 100));
    JsonNode z = pages.get(0).records().get(7);

    assertThat(z.path("allIPs"))
        .extracting(JsonNode::asText)
        .containsExactly("10.1.1.1", "10.1.1.2", "fe80::1");
    assertThat(z.path("cloud_provider").asText()).isEqualTo("AWS");
    assertThat(pages.get(0).records().get(0).has("cloud_provider")).isFalse();
  }

  @Test
  void shouldFilterADeltaOnLastSeen() throws InterruptedException {
    var recent = FakeCortexXdr.endpoint("h");
    recent.put("last_seen", 1_717_000_999_000L);
    directory.put(recent);
    CortexXdrCursor done = CortexXdrCursor.full(0).after("g", 7, 1_717_000_000_000L);

    StreamReader delta = reader(done.nextDelta(java.time.Duration.ZERO), 3);
    List<Page> pages = StreamReading.readAll(delta);

    assertThat(delta.fullSync()).isFalse();
    assertThat(ids(pages)).containsExactly("h");
    JsonNode filter = harness.fake.sent(GET_ENDPOINT).get(0).data().path("filters").get(0);
    assertThat(filter.path("field").asText()).isEqualTo("last_seen");
    assertThat(filter.path("operator").asText()).isEqualTo("gte");
    assertThat(filter.path("value").asLong()).isEqualTo(1_717_000_000_001L);
  }

  @Test
  void shouldEndWithAnEmptyCompletePageOnAnEmptyTenant() throws InterruptedException {
    directory.remove("a", "b", "c", "d", "e", "f", "g");

    List<Page> pages = StreamReading.readAll(reader(CortexXdrCursor.full(0), 3));

    assertThat(pages)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.records()).isEmpty();
              assertThat(p.checkpoint().complete()).isTrue();
            });
  }

  @Test
  void shouldOpenAFullReadAfterACompleteCheckpointUnlessDeltaIsOn() {
    Checkpoint done = CortexXdrCursor.full(0).after("g", 7, 5_000).toCheckpoint("endpoints", true);
    try (var connector = harness.connector();
        StreamReader again =
            connector.open(
                CortexXdrStream.ENDPOINTS.spec(), SyncRequest.everything(), Optional.of(done))) {
      assertThat(again.fullSync()).isTrue();
    }
  }

  private StreamReader reader(CortexXdrCursor start, int pageSize) {
    return new CortexXdrEndpointReader(harness.client, start, pageSize);
  }

  private static List<String> ids(List<Page> pages) {
    return pages.stream()
        .flatMap(p -> p.records().stream())
        .map(r -> r.path("endpoint_id").asText())
        .toList();
  }
}
