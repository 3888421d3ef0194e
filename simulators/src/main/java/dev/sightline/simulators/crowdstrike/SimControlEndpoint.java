package dev.sightline.simulators.crowdstrike;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.simulators.server.ScopeQuery;
import dev.sightline.simulators.server.SimControl;
import java.io.IOException;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * {@code GET /_sim/manifest}, {@code GET /_sim/scope} and {@code POST /_sim/advance?changes=N}; no
 * auth, never faulted.
 */
final class SimControlEndpoint {
  static final String MANIFEST = SimControl.MANIFEST;
  static final String ADVANCE = SimControl.ADVANCE;

  private final SimControl control;

  SimControlEndpoint(
      Supplier<JsonNode> manifest, Function<ScopeQuery, JsonNode> scope, IntConsumer advance) {
    this.control = new SimControl(manifest, scope, advance);
  }

  void handle(HttpCall call) throws IOException {
    SimControl.Reply reply = control.handle(call.method(), call.path(), call.rawQuery());
    call.send(reply.status(), reply.bytes());
  }
}
