package dev.sightline.simulators.cortex;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * {@code POST /public_api/v1/endpoints/get_endpoint/}: filtered, sorted pages of at most 100
 * endpoints.
 */
final class EndpointsApi {
  static final String GET_ENDPOINT = "/public_api/v1/endpoints/get_endpoint";

  private final EndpointDirectory dir;
  private final VaStore store;
  private final EndpointSearch search;

  EndpointsApi(EndpointDirectory dir, VaStore store) {
    this.dir = dir;
    this.store = store;
    this.search = new EndpointSearch(dir);
  }

  void getEndpoint(CortexCall call, JsonNode requestData) throws IOException {
    VaSnapshot s = store.snapshot();
    EndpointRequest request = EndpointRequest.parse(requestData, dir);
    EndpointSearch.Page page = search.search(request, s);
    call.reply(
        200,
        g -> {
          g.writeStartObject();
          g.writeObjectFieldStart("reply");
          g.writeNumberField("total_count", page.total());
          g.writeNumberField("result_count", page.endpoints().size());
          g.writeArrayFieldStart("endpoints");
          for (int e : page.endpoints()) {
            EndpointJsonWriter.write(g, EndpointFacts.of(dir, e, s.lastSeen(e)));
          }
          g.writeEndArray();
          g.writeEndObject();
          g.writeEndObject();
        });
  }
}
