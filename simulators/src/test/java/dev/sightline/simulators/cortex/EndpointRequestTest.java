package dev.sightline.simulators.cortex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class EndpointRequestTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static EndpointRequest parse(String json) throws Exception {
    JsonNode data = MAPPER.readTree(json);
    return EndpointRequest.parse(data, null);
  }

  @Test
  void shouldDefaultToTheFirstHundredByLastSeenDescending() throws Exception {
    EndpointRequest request = parse("{}");

    assertThat(request.from()).isZero();
    assertThat(request.to()).isEqualTo(100);
    assertThat(request.sort()).isEqualTo(EndpointRequest.SortField.LAST_SEEN);
    assertThat(request.ascending()).isFalse();
    assertThat(parse("{\"search_from\": 300}").to()).isEqualTo(400);
    assertThat(parse("{\"sort\": {\"field\": \"endpoint_id\", \"keyword\": \"ASC\"}}").ascending())
        .isTrue();
  }

  @Test
  void shouldRefuseWindowsAndSortsTheApiRefuses() {
    assertThatThrownBy(() -> parse("{\"search_from\": 0, \"search_to\": 101}"))
        .isInstanceOf(InvalidRequestData.class)
        .hasMessageContaining("at most 100");
    assertThatThrownBy(() -> parse("{\"search_from\": -1}")).hasMessageContaining("non-negative");
    assertThatThrownBy(() -> parse("{\"search_from\": \"10\"}"))
        .hasMessageContaining("non-negative integer");
    assertThatThrownBy(() -> parse("{\"sort\": {\"field\": \"hostname\"}}"))
        .hasMessageContaining("sort.field");
    assertThatThrownBy(() -> parse("{\"sort\": {\"field\": \"last_seen\", \"keyword\": \"up\"}}"))
        .hasMessageContaining("asc or desc");
    assertThatThrownBy(() -> EndpointRequest.parse(null, null))
        .hasMessageContaining("request_data");
    assertThatThrownBy(() -> parse("{\"filters\": {\"field\": \"platform\"}}"))
        .hasMessageContaining("list");
  }
}
