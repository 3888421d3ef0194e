package dev.sightline.simulators.crowdstrike;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/** {@code GET /_sim/manifest} and {@code POST /_sim/advance?changes=N}; no auth, never faulted. */
final class SimControlEndpoint {
  static final String MANIFEST = "/_sim/manifest";
  static final String ADVANCE = "/_sim/advance";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_CHANGES = 1_000_000;

  private final Supplier<JsonNode> manifest;
  private final IntConsumer advance;

  SimControlEndpoint(Supplier<JsonNode> manifest, IntConsumer advance) {
    this.manifest = manifest;
    this.advance = advance;
  }

  void handle(HttpCall call) throws IOException {
    if (call.path().equals(MANIFEST) && call.method().equals("GET")) {
      call.send(200, MAPPER.writeValueAsBytes(manifest.get()));
      return;
    }
    if (call.path().equals(ADVANCE) && call.method().equals("POST")) {
      int changes;
      try {
        changes = Integer.parseInt(call.first("changes").orElse("").trim());
      } catch (NumberFormatException e) {
        changes = -1;
      }
      if (changes < 0 || changes > MAX_CHANGES) {
        call.send(400, MAPPER.writeValueAsBytes(MAPPER.createObjectNode().put("error",
            "changes must be an integer 0.." + MAX_CHANGES + ", e.g. POST /_sim/advance?changes=50")));
        return;
      }
      advance.accept(changes);
      call.send(200, MAPPER.writeValueAsBytes(manifest.get()));
      return;
    }
    call.send(404, MAPPER.writeValueAsBytes(MAPPER.createObjectNode().put("error",
        "unknown simulator control; use GET /_sim/manifest or POST /_sim/advance?changes=N")));
  }
}
